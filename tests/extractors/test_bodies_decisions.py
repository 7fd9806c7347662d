"""Decisions before a directive (extractors.bodies.roles): the body that decides on a request
("không chấp thuận", "không đồng ý", "chấp thuận", "từ chối") is the speaker, not a lead, when a
directive ("yêu cầu X", "giao X", "đề nghị X") follows in the same task; without one it stays.

Expected names are written by hand from SPEC "Bodies (responsible)"; the sentences are invented.
"""
from __future__ import annotations

import pytest

from vntasks.extractors.bodies import find_responsible


def _leads(text: str) -> list[str]:
    return [m.name for m in find_responsible(text) if m.role == "lead"]


# (text, leads)
CASES = [
    ("UBND huyện không chấp thuận; yêu cầu chủ đầu tư hoàn trả mặt bằng trước ngày 15/8.", ["Chủ đầu tư"]),
    ("Ủy ban nhân dân tỉnh không chấp thuận đề nghị kéo dài thời gian thuê đất, yêu cầu nhà đầu tư "
     "thanh lý tài sản.", ["Nhà đầu tư"]),
    ("Sở Tài chính không đồng ý phương án điều chỉnh giá; đề nghị Công ty Cổ phần Sông Đà lập lại dự toán.",
     ["Công ty Cổ phần Sông Đà"]),
    ("Ủy ban nhân dân thành phố chưa chấp thuận đề xuất, giao Sở Xây dựng hướng dẫn bổ sung hồ sơ.",
     ["Sở Xây dựng"]),
    ("Ban Quản lý các khu công nghiệp từ chối gia hạn; yêu cầu doanh nghiệp di dời máy móc.", ["Doanh nghiệp"]),
    # no directive follows: the body stays the subject of its own verb
    ("Ủy ban nhân dân huyện chấp thuận đề xuất của Phòng Kinh tế.", ["Ủy ban nhân dân huyện"]),
    # "được giao" is no directive
    ("Sở Y tế không chấp thuận việc điều chỉnh nhiệm vụ được giao cho Trung tâm Y tế huyện.", ["Sở Y tế"]),
]


@pytest.mark.parametrize(("text", "leads"), CASES)
def test_decision_before_directive(text, leads):
    assert _leads(text) == leads
