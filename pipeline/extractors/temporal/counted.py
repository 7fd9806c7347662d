"""Deadlines counted from the notice itself (SPEC "Deadline": a span counted from an event is a
deadline only when the event's date is in the text).

In: a task's text and the notice's own date (its place-and-date line). Out: the ``TimeExpr`` of
"trong 10 ngày kể từ ngày ký", "trong vòng 05 ngày làm việc kể từ ngày ban hành Thông báo này":
the notice is signed and issued on its own date, so the span ends N days (or N working days,
Monday to Friday) after it. An event of another document ("kể từ ngày nhận được hồ sơ") has no
date in the text and gives none.
"""
from __future__ import annotations

from datetime import date, timedelta

import regex

from .expr import Cue, TimeExpr, TimeKind
from .registry import FLAGS

#: "trong (vòng|thời hạn) N ngày (làm việc) kể từ ngày ký/ban hành (văn bản/Thông báo ... này)".
COUNTED_FROM_NOTICE = regex.compile(
    r"(?<![\p{L}\p{N}])trong(?:\s+vòng|\s+thời\s+hạn)?\s+(?P<n>\d{1,3})\s+ngày(?P<work>\s+làm\s+việc)?"
    r"\s+(?:kể\s+)?từ\s+ngày\s+(?:ký|ban\s+hành)(?![\p{L}\p{N}])"
    r"(?!\s+(?:quyết\s+định|văn\s+bản|hợp\s+đồng|biên\s+bản)(?![\p{L}])(?!\s+này))",
    FLAGS,
)


def _add_working_days(start: date, n: int) -> date:
    d = start
    while n > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def counted_from_notice(text: str, signed: date | None) -> TimeExpr | None:
    """The deadline of a span counted from the notice's signing or issuing, or None (no such
    span, or the notice's own date unknown)."""
    if signed is None:
        return None
    m = COUNTED_FROM_NOTICE.search(text)
    if m is None:
        return None
    n = int(m.group("n"))
    end = _add_working_days(signed, n) if m.group("work") else signed + timedelta(days=n)
    return TimeExpr(m.start(), m.end(), m.group(0), end, end, TimeKind.DAY, Cue.BEFORE)
