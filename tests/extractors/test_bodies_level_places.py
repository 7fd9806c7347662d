"""A body named at one level, then the places of a lower level it works in (extractors.bodies.scan):
"Tổ đại biểu HĐND tỉnh các huyện A, B" is one body per place, as "UBND các xã A, B" is (SPEC
"Bodies": a plural level that names its places gives one body per place, the head copied to each).

Expected names are written by hand from SPEC; the sentences are invented in the genre's phrasing.
"""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible


def _bodies(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.role) for m in find_responsible(text)]


# (text, (name, role) in order)
CASES = [
    ("Tổ đại biểu HĐND tỉnh các huyện Cư Jút, Đắk Mil tổ chức tiếp xúc cử tri trước kỳ họp.",
     [("Tổ đại biểu Hội đồng nhân dân tỉnh huyện Cư Jút", "lead"),
      ("Tổ đại biểu Hội đồng nhân dân tỉnh huyện Đắk Mil", "lead")]),
    ("Ban Văn hóa - Xã hội HĐND tỉnh chủ trì, phối hợp với Tổ đại biểu HĐND tỉnh các huyện Tuy An và "
     "Đồng Xuân giám sát việc thực hiện chính sách.",
     [("Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh", "lead"),
      ("Tổ đại biểu Hội đồng nhân dân tỉnh huyện Tuy An", "support"),
      ("Tổ đại biểu Hội đồng nhân dân tỉnh huyện Đồng Xuân", "support")]),
    # a title before a plural level that names its places (already one body per place)
    ("Chủ tịch UBND các xã Phước Hưng, Phước Thắng chỉ đạo rà soát hộ cận nghèo.",
     [("Chủ tịch Ủy ban nhân dân xã Phước Hưng", "lead"),
      ("Chủ tịch Ủy ban nhân dân xã Phước Thắng", "lead")]),
    # a plural level that names no place stays out of the body's name
    ("Tổ đại biểu HĐND tỉnh các huyện, thị xã tổ chức tiếp xúc cử tri.",
     [("Tổ đại biểu Hội đồng nhân dân tỉnh", "lead")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_level_then_named_places(text, expected):
    assert _bodies(text) == expected
