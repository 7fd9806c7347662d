"""One body per name (extractors.bodies.scan): a plural level that names its places ("Ủy ban nhân
dân các tỉnh: A, B"), a title over two named kinds of body ("Thủ trưởng cơ quan ngang bộ, cơ quan
thuộc Chính phủ"), and named officials as subjects.

Expected names are written by hand from SPEC "Bodies" ("Several subjects ... are several bodies");
the sentences are invented in the genre's phrasing with other places than the real notices.
"""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible


def _leads(text: str) -> list[str]:
    return [m.name for m in find_responsible(text) if m.role == "lead"]


# (text, leads)
CASES = [
    ("Ủy ban nhân dân các tỉnh: Sơn La, Cao Bằng khẩn trương khắc phục hậu quả mưa lũ.",
     ["Ủy ban nhân dân tỉnh Sơn La", "Ủy ban nhân dân tỉnh Cao Bằng"]),
    ("Giao Ủy ban nhân dân các huyện Mường Tè, Sìn Hồ và Phong Thổ rà soát các điểm sạt lở.",
     ["Ủy ban nhân dân huyện Mường Tè", "Ủy ban nhân dân huyện Sìn Hồ", "Ủy ban nhân dân huyện Phong Thổ"]),
    # a later place may start with a verb's syllable ("Cần")
    ("Ủy ban nhân dân các huyện: Đức Hòa, Cần Giuộc kiểm tra đê bao.",
     ["Ủy ban nhân dân huyện Đức Hòa", "Ủy ban nhân dân huyện Cần Giuộc"]),
    ("Chủ tịch UBND các xã Tân Phú, Tân Lộc chỉ đạo di dời dân.",
     ["Chủ tịch Ủy ban nhân dân xã Tân Phú", "Chủ tịch Ủy ban nhân dân xã Tân Lộc"]),
    ("Các tỉnh Kon Tum, Gia Lai chủ động bố trí kinh phí đối ứng.", ["Tỉnh Kon Tum", "Tỉnh Gia Lai"]),
    # a plural level with no place names stays one body
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chỉ đạo thực hiện.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    ("Ủy ban nhân dân các xã, thị trấn tổ chức tuyên truyền.", ["Ủy ban nhân dân các xã, thị trấn"]),
    # a title over two named kinds of body: the title is copied; over a list of nouns it is not
    ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ chỉ đạo rà soát thủ tục.",
     ["Thủ trưởng cơ quan ngang bộ", "Thủ trưởng cơ quan thuộc Chính phủ"]),
    ("Thủ trưởng các cơ quan, đơn vị chỉ đạo rà soát thủ tục.", ["Thủ trưởng các cơ quan, đơn vị"]),
    # named officials
    ("Giao Phó Thủ tướng Chính phủ Trần Văn Hải chỉ đạo các bộ liên quan.",
     ["Phó Thủ tướng Chính phủ Trần Văn Hải"]),
    ("Phó Thủ tướng Đỗ Minh Khoa trực tiếp chỉ đạo xử lý.", ["Phó Thủ tướng Đỗ Minh Khoa"]),
]


@pytest.mark.parametrize(("text", "leads"), CASES)
def test_one_body_per_name(text, leads):
    assert _leads(text) == leads


def test_a_verb_after_the_colon_is_no_place():
    found = find_responsible("UBND các xã, phường: Phối hợp với Sở Y tế tổ chức tiêm chủng.")
    assert [(m.name, m.role) for m in found] == [
        ("Ủy ban nhân dân các xã, phường", "lead"), ("Sở Y tế", "support")]
