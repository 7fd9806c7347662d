"""Tests of time cells and time fields (pipeline/extractors/temporal/cells.py): time_of_cell, and the
deadline and period a plan's labelled "Thời gian ...:" line gives its item (resolve reads it).

Expected values are written by hand from SPEC "Plans and tables", "Deadline" and "Period".
"""
from __future__ import annotations

import pytest

from vntasks.api import extract
from vntasks.extractors.temporal import time_of_cell


def _dl(c):
    return None if c.deadline is None else c.deadline.last.isoformat()


def _pe(c):
    return None if c.period is None else (c.period.first.isoformat(), c.period.last.isoformat())


CELLS = [
    # a single day, month, quarter, half or year: a deadline, its last day
    ("2027", 2026, "2027-12-31", None),
    ("Năm 2027.", 2026, "2027-12-31", None),
    ("Quý III năm 2026", 2026, "2026-09-30", None),
    ("Quý II/2027", 2026, "2027-06-30", None),
    ("Tháng 8/2026", 2026, "2026-08-31", None),
    ("05/9/2026", 2026, "2026-09-05", None),
    ("6 tháng đầu năm 2027", 2026, "2027-06-30", None),
    ("Trước 30/9", 2026, "2026-09-30", None),
    ("Tháng 5/2026; Tháng 10/2026", 2026, "2026-10-31", None),
    # a two-sided span: a period, no deadline
    ("2026 - 2030", 2026, None, ("2026-01-01", "2030-12-31")),
    ("2026-2027", 2026, None, ("2026-01-01", "2027-12-31")),
    ("Giai đoạn 2026 - 2030", 2026, None, ("2026-01-01", "2030-12-31")),
    ("Quý III/2026 - Quý I/2027", 2026, None, ("2026-07-01", "2027-03-31")),
    ("Quý II - Quý III/2027", 2026, None, ("2027-04-01", "2027-09-30")),
    ("Tháng 3-4/2027", 2026, None, ("2027-03-01", "2027-04-30")),
    ("Tháng 9/2026 - Tháng 2/2027", 2026, None, ("2026-09-01", "2027-02-28")),
    ("Từ tháng 4/2026 đến tháng 6/2026", 2026, None, ("2026-04-01", "2026-06-30")),
    ("Từ năm 2026 đến năm 2028", 2026, None, ("2026-01-01", "2028-12-31")),
    # recurring, continuing or open-ended: neither
    ("Thường xuyên", 2026, None, None),
    ("Hằng quý", 2026, None, None),
    ("Theo kế hoạch công tác hằng năm của Sở", 2026, None, None),
    ("Sau khi Nghị định hướng dẫn được ban hành", 2026, None, None),
    ("Định kỳ hằng năm (trước ngày 10 tháng 12)", 2026, None, None),
    ("Trước ngày 25/6 hàng năm", 2026, None, None),
    ("Quý III năm 2026 và các năm tiếp theo", 2026, None, None),
    ("Năm 2027 và những năm tiếp theo.", 2026, None, None),
    ("Giai đoạn 2026 - 2030 và những năm tiếp theo", 2026, None, None),
    ("Từ năm 2027 trở đi", 2026, None, None),
    ("Từ 15/8/2026", 2026, None, None),
    ("Từ năm 2027", 2026, None, None),
    # a written year stays a deadline even when a recurrence follows
    ("Trước ngày 15/10/2026, sau đó định kỳ hằng quý", 2026, "2026-10-15", None),
    # a reference's number is no bare year
    ("Theo Nghị định số 15/2026/NĐ-CP", 2026, None, None),
]


@pytest.mark.parametrize("text,year,deadline,period", CELLS)
def test_time_of_cell(text, year, deadline, period):
    got = time_of_cell(text, year)
    assert (_dl(got), _pe(got)) == (deadline, period)
    for t in (got.deadline, got.period):
        if t is not None:
            assert text[t.start:t.end] == t.text


PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÒA BÌNH
Số: 215/KH-UBND
Hòa Bình, ngày 10 tháng 10 năm 2025
KẾ HOẠCH
Triển khai thi hành Luật Thư viện trên địa bàn tỉnh
I. NHIỆM VỤ
1. Tổ chức hội nghị quán triệt nội dung Luật cho cán bộ, công chức.
- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Cơ quan phối hợp: Sở Tư pháp.
- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.
2. Rà soát các văn bản quy phạm pháp luật do tỉnh ban hành.
- Cơ quan chủ trì: Sở Tư pháp.
- Thời gian thực hiện: Quý II - Quý IV/2026.
3. Xây dựng cơ sở dữ liệu thư viện số của tỉnh.
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
- Thời gian hoàn thành: Quý I/2027.
4. Bồi dưỡng nghiệp vụ cho người làm công tác thư viện.
- Cơ quan chủ trì: Sở Nội vụ.
- Thời gian thực hiện: Từ tháng 3/2026 đến tháng 9/2026.
5. Kiểm tra việc thi hành Luật tại các xã.
- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Thời gian thực hiện: Định kỳ hằng năm (trước ngày 20 tháng 11).
"""

PLAN_FIELDS = [
    ("1.", None, None),
    ("2.", None, ("2026-04-01", "2026-12-31")),
    ("3.", "2027-03-31", None),
    ("4.", None, ("2026-03-01", "2026-09-30")),
    ("5.", None, None),
]


def test_time_fields_of_a_plan():
    tasks = {t.label: t for t in extract(PLAN).tasks}
    def iso(d):
        return d and d.isoformat()

    got = [(label, tasks[label].deadline and iso(tasks[label].deadline.date),
            tasks[label].period and (iso(tasks[label].period.start), iso(tasks[label].period.end)))
           for label, _, _ in PLAN_FIELDS]
    assert got == PLAN_FIELDS
