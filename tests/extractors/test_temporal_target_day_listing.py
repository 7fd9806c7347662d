"""Deadline rows (data/temporal_cues.tsv, data/temporal_verbs.tsv): "phấn đấu đến ngày D" sets the day
a one-off result is due (a deadline); "đưa ... lên sàn (thương mại điện tử) trong năm Y" is a one-off
listing, so the year bounds it (SPEC "Deadline"). Composed sentences."""
from __future__ import annotations

import pytest

from vntasks.extractors.temporal import choose_deadline, find_deadlines

CASES = [
    ("Phòng Kinh tế đẩy nhanh giải ngân, phấn đấu đến ngày 30/11/2026 giải ngân đạt 95% kế hoạch.", "2026-11-30"),
    ("Phấn đấu đến ngày 15/6 hoàn thành cấp giấy chứng nhận cho các hộ còn lại.", "2026-06-15"),
    ("Sở Công Thương hỗ trợ hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử trong năm 2027.", "2027-12-31"),
    ("Hướng dẫn các hộ kinh doanh đưa nông sản lên sàn trong quý III/2026.", "2026-09-30"),
    # not deadlines: a target year far ahead, an ongoing verb
    ("Phấn đấu đến năm 2030 có 50% hợp tác xã ứng dụng công nghệ cao.", None),
    ("Tiếp tục duy trì gian hàng trên sàn thương mại điện tử trong năm 2027.", None),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_target_day_and_listing(text, want):
    d = choose_deadline(find_deadlines(text, 2026))
    assert (d.last.isoformat() if d else None) == want
