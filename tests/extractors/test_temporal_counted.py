"""Deadlines counted from the notice's own signing (extractors.temporal.counted): the notice's
date is in the text, so "trong N ngày kể từ ngày ký" ends on a known day (SPEC "Deadline")."""
from __future__ import annotations

from datetime import date

import pytest

import vntasks
from vntasks.extractors.temporal import counted_from_notice

SIGNED = date(2025, 5, 12)  # a Monday

CASES = [
    ("báo cáo kết quả trong 10 ngày kể từ ngày ký", "2025-05-22"),
    ("hoàn thiện hồ sơ trong vòng 15 ngày kể từ ngày ban hành Thông báo này", "2025-05-27"),
    ("gửi văn bản góp ý trong thời hạn 07 ngày kể từ ngày ký văn bản này", "2025-05-19"),
    ("trả lời trong 05 ngày làm việc kể từ ngày ký", "2025-05-19"),  # Mon + 5 working days
    ("Trong 30 ngày từ ngày ký, Sở Xây dựng rà soát quy hoạch", "2025-06-11"),
    # the event of another document, whose date the notice does not give: no deadline
    ("nộp hồ sơ trong 10 ngày kể từ ngày ký hợp đồng thi công", None),
    ("xử lý trong 10 ngày kể từ ngày nhận được đơn", None),
    ("thực hiện trong 10 ngày kể từ ngày ký quyết định giao đất", None),
    ("thường xuyên kiểm tra, đôn đốc", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_counted_from_notice(text, expected):
    got = counted_from_notice(text, SIGNED)
    assert (got.last.isoformat() if got else None) == expected
    if got:
        assert text[got.start:got.end] == got.text


def test_no_notice_date_no_deadline():
    assert counted_from_notice("báo cáo trong 10 ngày kể từ ngày ký", None) is None


def test_a_notice_task_gets_the_counted_deadline():
    notice = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\n\nSố: 45/TB-UBND\n\nPhú Yên, ngày 12 tháng 5 năm 2025\n\n"
              "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải ngân vốn\n\n"
              "1. Sở Tài chính tham mưu phương án điều chuyển vốn trong 10 ngày kể từ ngày ký Thông báo này.\n"
              "2. Sở Xây dựng đôn đốc các chủ đầu tư đẩy nhanh tiến độ thi công.\n\n"
              "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n")
    tasks = vntasks.extract_text(notice).tasks
    assert [t.deadline.date.isoformat() if t.deadline else None for t in tasks] == ["2025-05-22", None]
    t = tasks[0]
    assert notice[t.deadline.start:t.deadline.end] == t.deadline.text
