"""The opening of a directive that ends by announcing its items without "như sau" ("... yêu cầu X
tập trung thực hiện tốt các nhiệm vụ sau:", "... các nội dung sau đây:"): it closes the opening
(text.patterns.OPENING_END), so its addressees pass to the top-level items that name no body (SPEC:
an item that names none inherits the addressees of its intro). Composed Party and State directives."""
from __future__ import annotations

import pytest

import vntasks

_HEAD = ("TỈNH ỦY HÀ GIANG\n*\nSố 11-CT/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nHà Giang, ngày 12 tháng 5 năm 2025\n\n"
         "CHỈ THỊ\nvề tăng cường công tác phòng, chống cháy rừng\n\n"
         "Thời gian qua, công tác phòng, chống cháy rừng trên địa bàn tỉnh đạt kết quả tích cực. Tuy nhiên, "
         "vẫn còn để xảy ra một số vụ cháy gây thiệt hại.\n\n")
_ITEMS = ("1. Nâng cao nhận thức của nhân dân về bảo vệ rừng.\n\n"
          "2. Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng phương án chữa cháy rừng.\n\n"
          "Nơi nhận:\n- Lưu.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nLý Minh Hải\n")


@pytest.mark.parametrize(("intro", "inherited"), [
    ("Để khắc phục hạn chế trên, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy, tổ chức đảng, chính quyền tập "
     "trung lãnh đạo thực hiện tốt các nhiệm vụ sau:", "Các cấp ủy, tổ chức đảng, chính quyền"),
    ("Ban Thường vụ Tỉnh ủy đề nghị Ủy ban nhân dân các huyện, thành phố chỉ đạo thực hiện nghiêm các "
     "giải pháp sau đây:", "Ủy ban nhân dân các huyện, thành phố"),
    ("Ban Thường vụ Tỉnh ủy giao Sở Nông nghiệp và Môi trường triển khai các nội dung sau:",
     "Sở Nông nghiệp và Môi trường"),
])
def test_the_openings_addressees_pass_to_the_items(intro, inherited):
    doc = vntasks.extract(_HEAD + intro + "\n\n" + _ITEMS)
    got = [[(b.name, b.inherited) for b in t.responsible if b.role == "lead"] for t in doc.tasks]
    assert got == [[(inherited, True)], [("Ban Cán sự đảng Ủy ban nhân dân tỉnh", False)]], got
