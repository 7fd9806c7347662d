"""Words a name runs through (extractors.bodies.cursor, names, qualifiers): a syllable that alone
reads as a verb does not end a name or an activity inside a compound word ("bị" of "thiết bị",
"cấp" of "cung cấp"), and a body's local branch named with its place stays in its name
("Ngân hàng Nhà nước chi nhánh tỉnh X", "... phòng giao dịch huyện Y").

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented.
"""
from __future__ import annotations

import pytest
from _bodies_roles import roles


def _roles(text: str, level: str | None = "tỉnh") -> tuple[list[str], list[str]]:
    return roles(text, level)


# (text, leads, supports)
CASES = [
    ("Các cơ sở kinh doanh thiết bị y tế phải công khai giá bán.", ["Các cơ sở kinh doanh thiết bị y tế"], []),
    ("Các cơ sở sản xuất trang thiết bị bảo hộ lao động chủ động kiểm tra an toàn.",
     ["Các cơ sở sản xuất trang thiết bị bảo hộ lao động"], []),
    ("Các đơn vị được lựa chọn cung cấp thiết bị dạy học khẩn trương bàn giao cho nhà trường.",
     ["Các đơn vị được lựa chọn cung cấp thiết bị dạy học"], []),
    # "bị" on its own is still a verb: the name ends before it
    ("Các hộ gia đình bị thiệt hại do lũ được hỗ trợ kịp thời.", ["Các hộ gia đình"], []),
    # a branch and its place
    ("Ngân hàng Nhà nước chi nhánh tỉnh Kon Tum chỉ đạo các ngân hàng thương mại giãn nợ.",
     ["Ngân hàng Nhà nước chi nhánh tỉnh Kon Tum"], []),
    ("Sở Tài chính phối hợp với Ngân hàng Nhà nước Chi nhánh Khu vực 11 theo dõi tín dụng.",
     ["Sở Tài chính"], ["Ngân hàng Nhà nước Chi nhánh Khu vực 11"]),
    ("Ngân hàng Chính sách xã hội phòng giao dịch huyện Bảo Lạc giải ngân vốn vay ưu đãi.",
     ["Ngân hàng Chính sách xã hội phòng giao dịch huyện Bảo Lạc"], []),
    # without a place after it the branch word is not part of the name
    ("Ngân hàng Nhà nước tỉnh kiểm tra hoạt động cho vay.", ["Ngân hàng Nhà nước tỉnh"], []),
]


@pytest.mark.parametrize(("text", "leads", "supports"), CASES)
def test_compounds_and_branches(text, leads, supports):
    assert _roles(text) == (leads, supports)
