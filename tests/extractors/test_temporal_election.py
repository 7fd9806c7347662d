"""Deadlines counted from the election day (extractors.temporal.counted): "chậm nhất N ngày trước
ngày bầu cử" is a deadline only when the notice names the election day (SPEC "Deadline": a span
counted from an event is one only when the event's date is in the text)."""
from __future__ import annotations

from datetime import date

import pytest

import vntasks
from vntasks.extractors.temporal import counted_from_event, election_day

ELECTION = date(2026, 3, 15)

COUNTED = [
    ("Ủy ban bầu cử xã công bố số đơn vị bầu cử chậm nhất 80 ngày trước ngày bầu cử.", "2025-12-25"),
    ("Thành lập các Tổ bầu cử chậm nhất là 35 ngày trước ngày bầu cử", "2026-02-08"),
    ("niêm yết danh sách cử tri 40 ngày trước ngày bầu cử tại trụ sở", "2026-02-03"),
    ("gửi biên bản tổng kết chậm nhất là 10 ngày sau ngày bầu cử", "2026-03-25"),
    ("hoàn thành việc in phiếu bầu trước ngày bầu cử ít nhất 20 ngày", "2026-02-23"),
    ("Bầu cử bổ sung: tổ chức trong vòng 15 ngày sau ngày bầu cử", "2026-03-30"),
    # no count of days: the election day is not itself this task's deadline here
    ("bảo đảm an ninh trước, trong và sau ngày bầu cử", None),
    ("tuyên truyền sâu rộng về ngày bầu cử", None),
]


@pytest.mark.parametrize("text, expected", COUNTED)
def test_counted_from_election_day(text, expected):
    got = counted_from_event(text, ELECTION)
    assert (got.last.isoformat() if got else None) == expected
    if got:
        assert text[got.start:got.end] == got.text


def test_no_election_day_no_deadline():
    assert counted_from_event("chậm nhất 40 ngày trước ngày bầu cử", None) is None


DAYS = [
    ("Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.", "2026-03-15"),
    ("Cuộc bầu cử đại biểu Hội đồng nhân dân các cấp được tiến hành vào Chủ nhật, ngày 22/5/2027.", "2027-05-22"),
    ("ngày bầu cử là ngày 23 tháng 5 năm 2021", "2021-05-23"),
    ("Ngày bầu cử đại biểu Quốc hội khóa XVI (Chủ nhật, 15/3/2026) là ngày hội của toàn dân", "2026-03-15"),
    # a day of something else after the cue is not the election day
    ("Cuộc bầu cử được tổ chức vào thời gian do Hội đồng bầu cử quốc gia công bố ngày 10/10/2025", None),
    ("Kế hoạch tổ chức Hội nghị ngày 10/12/2025", None),
]


@pytest.mark.parametrize("text, expected", DAYS)
def test_election_day(text, expected):
    got = election_day(text, 2026)
    assert (got.isoformat() if got else None) == expected


def test_an_election_plan_task_gets_the_counted_deadline():
    notice = ("ỦY BAN BẦU CỬ\nXÃ HÒA PHÚ\n\nSố: 03/KH-UBBC\n\nHòa Phú, ngày 20 tháng 12 năm 2025\n\n"
              "KẾ HOẠCH\nTổ chức bầu cử đại biểu Hội đồng nhân dân xã\n\n"
              "I. MỤC ĐÍCH, YÊU CẦU\nNgày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.\n\n"
              "II. NHIỆM VỤ\n"
              "1. Ủy ban nhân dân xã lập danh sách cử tri, chậm nhất 40 ngày trước ngày bầu cử.\n"
              "2. Công an xã bảo đảm an ninh trật tự trong ngày bầu cử.\n\n"
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    tasks = vntasks.extract_text(notice).tasks
    assert [t.deadline.date.isoformat() if t.deadline else None for t in tasks] == ["2026-02-03", None]
    t = tasks[0]
    assert notice[t.deadline.start:t.deadline.end] == t.deadline.text
