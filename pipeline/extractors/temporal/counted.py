"""Deadlines counted from the notice itself (SPEC "Deadline": a span counted from an event is a
deadline only when the event's date is in the text).

In: a task's text and the notice's own date (its place-and-date line). Out: the ``TimeExpr`` of
"trong 10 ngày kể từ ngày ký", "trong vòng 05 ngày làm việc kể từ ngày ban hành Thông báo này":
the notice is signed and issued on its own date, so the span ends N days (or N working days,
Monday to Friday) after it. An event of another document ("kể từ ngày nhận được hồ sơ") has no
date in the text and gives none.

Deadlines counted from the election day (the Law on Elections dates every step that way): "chậm
nhất 40 ngày trước ngày bầu cử", "trước ngày bầu cử ít nhất 10 ngày", "chậm nhất là 20 ngày sau
ngày bầu cử" end N days before (after) the election day, when the notice names that day
("Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026", "cuộc bầu cử ... được tiến hành vào Chủ
nhật, ngày 15/3/2026"): :func:`election_day` reads it once per notice, :func:`counted_from_event`
per task.
"""
from __future__ import annotations

from datetime import date, timedelta

import regex

from .expr import Cue, TimeExpr, TimeKind
from .find import find_times
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


#: "N ngày trước/sau ngày bầu cử" (after "chậm nhất (là)", "ít nhất", or nothing) and "trước ngày
#: bầu cử (ít nhất|chậm nhất) N ngày".
COUNTED_FROM_ELECTION = regex.compile(
    r"(?<![\p{L}\p{N}])(?:(?:chậm\s+nhất|ít\s+nhất|muộn\s+nhất)(?:\s+là)?\s+)?(?P<n>\d{1,3})\s+ngày"
    r"\s+(?P<dir>trước|sau)\s+ngày\s+bầu\s+cử(?![\p{L}])"
    r"|(?<![\p{L}\p{N}])(?P<dir2>trước|sau)\s+ngày\s+bầu\s+cử\s+(?:(?:ít|chậm|muộn)\s+nhất(?:\s+là)?\s+)?"
    r"(?P<n2>\d{1,3})\s+ngày(?![\p{L}])",
    FLAGS,
)

#: Where a notice names its election day: "Ngày bầu cử: Chủ nhật, ngày ...", "ngày bầu cử là ...",
#: "ngày bầu cử (...)", "cuộc bầu cử ... (được) tiến hành/tổ chức/diễn ra vào ..." (one sentence).
#: The day itself is the first day-level date within ``_DAY_REACH`` characters after the match.
ELECTION_DAY_CUE = regex.compile(
    r"(?<![\p{L}])ngày\s+bầu\s+cử(?:\s+(?:đại\s+biểu|toàn\s+quốc)[^:\n(]{0,120}?)?\s*(?::|là|\(|vào)"
    r"|(?<![\p{L}])cuộc\s+bầu\s+cử[^.;\n]{0,200}?(?:tiến\s+hành|tổ\s+chức|diễn\s+ra)\s+(?:vào\s+)?",
    FLAGS,
)
_DAY_REACH = 40
#: Words allowed between the cue and the day: a weekday and "ngày".
_BEFORE_DAY = regex.compile(r"(?i)^[\s,(]*(?:(?:chủ\s+nhật|thứ\s+(?:hai|ba|tư|năm|sáu|bảy))[\s,]*)?(?:ngày\s+)?$")


def election_day(text: str, year: int | None) -> date | None:
    """The election day a notice names (the first cue followed by a day), or None."""
    if "bầu cử" not in text.lower():
        return None
    for m in ELECTION_DAY_CUE.finditer(text):
        window = text[m.end():m.end() + _DAY_REACH]
        for t in find_times(window, year):
            if t.kind is TimeKind.DAY and _BEFORE_DAY.match(window[:t.start]):
                return t.first
            break
    return None


def counted_from_event(text: str, election: date | None) -> TimeExpr | None:
    """The deadline of a span counted from the election day, or None (no such span, or the
    notice names no election day)."""
    if election is None:
        return None
    m = COUNTED_FROM_ELECTION.search(text)
    if m is None:
        return None
    n = int(m.group("n") or m.group("n2"))
    after = (m.group("dir") or m.group("dir2")).lower() == "sau"
    end = election + timedelta(days=n) if after else election - timedelta(days=n)
    return TimeExpr(m.start(), m.end(), m.group(0), end, end, TimeKind.DAY, Cue.BEFORE)
