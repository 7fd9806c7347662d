"""Subjects after a fronted clause (extractors.bodies.roles): "Căn cứ ..., X <verb>", "Trên cơ sở
..., X", "Trong quá trình ..., nếu ..., X", and "X, trên cơ sở ..., chủ trì" (the subject before
the clause). The fronted clause's own bodies and verbs are neither subjects nor objects' verbs.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented in
the genre's phrasing.
"""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible


def _leads(text: str) -> list[str]:
    return [m.name for m in find_responsible(text) if m.role == "lead"]


# (text, leads)
CASES = [
    ("Căn cứ Kế hoạch này, các phòng, ban chuyên môn xây dựng kế hoạch chi tiết.",
     ["Các phòng, ban chuyên môn"]),
    ("Căn cứ tình hình thực tế, Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã tổ chức quán triệt.",
     ["Thủ trưởng các cơ quan, đơn vị", "Chủ tịch Ủy ban nhân dân các xã"]),
    ("Trên cơ sở dự toán được giao, các đơn vị dự toán cấp tỉnh lập phương án phân bổ.",
     ["Các đơn vị dự toán cấp tỉnh"]),
    # a verb syllable inside the fronted clause ("quá trình") is no object verb
    ("Trong quá trình triển khai, nếu có vướng mắc, các xã, thị trấn kịp thời phản ánh về Sở Nội vụ.",
     ["Các xã, thị trấn"]),
    ("Khi có văn bản hướng dẫn, Sở Giáo dục và Đào tạo tổ chức tập huấn cho giáo viên.",
     ["Sở Giáo dục và Đào tạo"]),
    # a body inside the fronted clause before the comma is not the subject
    ("Căn cứ hướng dẫn của Bộ Nội vụ, Ủy ban nhân dân các huyện rà soát biên chế.",
     ["Ủy ban nhân dân các huyện"]),
    # the subject before a fronted clause set off by commas
    ("Sở Kế hoạch và Đầu tư, trên cơ sở đề xuất của các huyện, chủ trì tổng hợp danh mục dự án.",
     ["Sở Kế hoạch và Đầu tư"]),
    # "theo chức năng, nhiệm vụ ..." between the subject and its verb after a fronted clause
    ("Để nâng cao hiệu quả thu hút đầu tư, các sở, ngành theo chức năng, nhiệm vụ được giao rà soát thủ tục.",
     ["Các sở, ngành"]),
    ("Nhằm siết chặt quản lý, tăng cường hậu kiểm, các phòng chuyên môn và Ủy ban nhân dân các xã theo "
     "chức năng, nhiệm vụ, thẩm quyền thực hiện các nội dung sau:",
     ["Các phòng chuyên môn", "Ủy ban nhân dân các xã"]),
    # after a fronted clause, an object verb keeps its object out
    ("Căn cứ Kế hoạch này, chỉ đạo các trường học triển khai.", []),
]


@pytest.mark.parametrize(("text", "leads"), CASES)
def test_subject_after_fronted_clause(text, leads):
    assert _leads(text) == leads
