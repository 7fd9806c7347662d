"""Project management boards (data/body_heads.tsv): "Ban Quản lý dự án đầu tư xây dựng các công
trình <field> <level>" is one body whose name runs on past "các công trình" to its field and level,
though "xây dựng" is a verb and "các" usually opens another phrase. Composed sentences."""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible


@pytest.mark.parametrize(("text", "expected"), [
    ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh khẩn trương hoàn thiện hồ sơ quyết toán.",
     [("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", "lead")]),
    ("Giao Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh chủ trì, "
     "phối hợp với Sở Tài chính rà soát khối lượng.",
     [("Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh", "lead"),
      ("Sở Tài chính", "support")]),
    ("Sở Xây dựng phối hợp với Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố kiểm tra "
     "chất lượng mặt đường.",
     [("Sở Xây dựng", "lead"), ("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông thành phố", "support")]),
    # a board named by its level only is unchanged
    ("Ban Quản lý dự án đầu tư xây dựng huyện đẩy nhanh tiến độ thi công.",
     [("Ban Quản lý dự án đầu tư xây dựng huyện", "lead")]),
])
def test_a_project_board_keeps_its_field(text, expected):
    assert [(b.name, b.role) for b in find_responsible(text)] == expected
