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


@pytest.mark.parametrize(("text", "expected"), [
    # "đầu tư và xây dựng" is one field of the board, not two conjuncts (a number may close the name)
    ("Ban Quản lý đầu tư và xây dựng thủy lợi 5 đôn đốc nhà thầu hoàn thành cống lấy nước.",
     [("Ban Quản lý đầu tư và xây dựng thủy lợi 5", "lead")]),
    ("Ban Quản lý dự án đầu tư và xây dựng thị xã khẩn trương lập hồ sơ mời thầu gói thầu số 3.",
     [("Ban Quản lý dự án đầu tư và xây dựng thị xã", "lead")]),
    ("Phòng Tài chính - Kế hoạch phối hợp với Ban Quản lý dự án đầu tư và xây dựng khu vực Tây Nam "
     "thẩm tra quyết toán.",
     [("Phòng Tài chính - Kế hoạch", "lead"), ("Ban Quản lý dự án đầu tư và xây dựng khu vực Tây Nam", "support")]),
    # a province People's Council's deputies group is a body
    ("Ban Pháp chế HĐND tỉnh chủ trì, phối hợp với Tổ đại biểu HĐND tỉnh khảo sát các trại giam.",
     [("Ban Pháp chế Hội đồng nhân dân tỉnh", "lead"), ("Tổ đại biểu Hội đồng nhân dân tỉnh", "support")]),
])
def test_a_board_of_investment_and_construction_and_a_deputies_group(text, expected):
    assert [(b.name, b.role) for b in find_responsible(text)] == expected
