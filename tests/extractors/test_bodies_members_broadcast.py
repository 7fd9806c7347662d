"""Body rows (data/body_heads.tsv, extractors.bodies.units): "cấp ủy viên" is a member of a committee,
a person assigned, not the generic addressee "cấp ủy" (a longer block word wins over a generic); a
commune's or district's "Đài truyền thanh" is a body. Composed sentences."""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible

CASES = [
    ("Ban Tổ chức Huyện ủy củng cố chi bộ yếu kém; phân công cấp ủy viên phụ trách từng chi bộ.",
     [("Ban Tổ chức Huyện ủy", "lead")]),
    ("Sở Nội vụ phân công cấp ủy viên theo dõi địa bàn khó khăn.", [("Sở Nội vụ", "lead")]),
    ("Các cấp ủy tăng cường lãnh đạo công tác phòng cháy.", [("Các cấp ủy", "lead")]),
    ("Cấp ủy, tổ chức đảng các cấp quán triệt Nghị quyết.", [("Cấp ủy, tổ chức đảng các cấp", "lead")]),
    ("Công chức Văn hóa - Xã hội phối hợp với Đài truyền thanh xã phát thông báo.",
     [("Công chức Văn hóa - Xã hội", "lead"), ("Đài truyền thanh xã", "support")]),
    ("Đài truyền thanh các phường tăng thời lượng phát tin.", [("Đài truyền thanh các phường", "lead")]),
    ("Đài Truyền thanh - Truyền hình thị xã mở chuyên mục.", [("Đài Truyền thanh - Truyền hình thị xã", "lead")]),
    ("Đài Phát thanh và Truyền hình tỉnh tăng thời lượng.", [("Đài Phát thanh và Truyền hình tỉnh", "lead")]),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_members_and_broadcasters(text, want):
    got = [(m.name, m.role) for m in find_responsible(text)]
    assert [(n.lower(), r) for n, r in got] == [(n.lower(), r) for n, r in want]
