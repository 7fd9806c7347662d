"""Time cells and time fields (SPEC "Plans and tables", "Deadline", "Period"): a deadline or a period.

In: the text of a table's time cell ("Quý I/2026", "2025 - 2035", "Thường xuyên") or the value of
a labelled time field ("Thời gian thực hiện: Tháng 12/2025.") and the notice's year. Out: a
``CellTime``, its deadline and its period (``TimeExpr`` with offsets into that text), each None
when the cell states none.

The cell names no action of its own, so its form decides alone:

- a recurrence marker ("hằng năm", "định kỳ") with a date written without a year: neither;
- an open end ("Năm 2026 và các năm tiếp theo", "Từ 01/7/2025", "từ năm 2026 trở đi"): neither;
- a two-sided span ("từ ... đến ...", "giai đoạn 2025-2030", "2025 - 2035", "Quý IV/2025 - Quý
  II/2026", "Tháng 11-12/2025", "Quý II - Quý IV/2026"): a period;
- a single day, month, quarter, half or year, a bare year ("2026") included: a deadline, its last
  day (the latest, when the cell names several).

Bare years are read here only: in a cell no other number competes, in prose they would.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from .cues import PeriodRole, period_words
from .deadlines import recurs
from .expr import Cue, TimeExpr, TimeKind
from .find import find_times
from .forms import T_RANGE_TO, T_YEAR
from .registry import FLAGS

# A bare span of years in a cell: "2025 - 2035", "2025-2026".
_BARE_YEAR_SPAN = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}/.\-])(?P<y1>{T_YEAR})\s{{0,4}}{T_RANGE_TO}\s{{0,4}}(?P<y2>{T_YEAR})(?![\p{{L}}\p{{N}}/\-])",
    FLAGS)
# A bare year in a cell: "2026" (not a reference's "12/2025/NĐ-CP", not a number "2.025").
_BARE_YEAR = regex.compile(rf"(?<![\p{{L}}\p{{N}}/.,\-])(?P<y>{T_YEAR})(?![\p{{L}}\p{{N}}/\-]|[.,]\d)", FLAGS)
# "từ" right before an expression that has no end ("Từ 01/7/2025", "Từ năm 2026").
_FROM = regex.compile(r"(?<![\p{L}\p{N}])(?:kể\s{1,3})?từ\s{1,3}(?:ngày\s{1,3})?\Z", FLAGS)
# What stands between an expression and an open-end phrase after it: "và", "," and spaces.
_OPEN_GAP = regex.compile(r"[\s,]{0,4}(?:(?:và|cho\s{1,3}đến|đến)\s{1,3})?\Z", FLAGS)
# The head of a horizon ("đến năm 2030", "định hướng đến năm 2030"): one end only.
_HORIZON = regex.compile(r"(?:định|tầm|đến)", FLAGS)
# How far after an expression an open-end phrase may start.
_OPEN_AFTER_CHARS = 24


@dataclass(frozen=True, slots=True)
class CellTime:
    """What a time cell or field states: a deadline (its date is ``.last``), a period, or neither."""

    deadline: TimeExpr | None = None
    period: TimeExpr | None = None


def _bare_years(text: str, taken: list[TimeExpr]) -> list[TimeExpr]:
    """Bare years and spans of years outside the expressions already found."""
    out: list[TimeExpr] = []

    def free(a: int, b: int) -> bool:
        return all(b <= t.start or a >= t.end for t in taken + out)

    for m in _BARE_YEAR_SPAN.finditer(text):
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if y1 < y2 and free(m.start(), m.end()):
            out.append(TimeExpr(m.start(), m.end(), m.group(), date(y1, 1, 1), date(y2, 12, 31),
                                TimeKind.RANGE, Cue.NONE))
    for m in _BARE_YEAR.finditer(text):
        if free(m.start(), m.end()):
            y = int(m.group("y"))
            out.append(TimeExpr(m.start(), m.end(), m.group(), date(y, 1, 1), date(y, 12, 31),
                                TimeKind.YEAR, Cue.NONE))
    return out


def _open_end(text: str, t: TimeExpr) -> bool:
    """An open-end phrase right after ``t`` ("và các năm tiếp theo", "trở đi"), or "từ" before it."""
    if _FROM.search(text, max(0, t.start - 16), t.start) is not None:
        return True
    pat = period_words()[PeriodRole.OPEN_END]
    if pat is None:
        return False
    m = pat.search(text, t.end, min(len(text), t.end + _OPEN_AFTER_CHARS))
    return m is not None and _OPEN_GAP.fullmatch(text, t.end, m.start()) is not None


def is_span(t: TimeExpr) -> bool:
    """Whether ``t`` has two ends written: a range (not a horizon "đến năm 2030", not a "before"
    cue), or quarters or months joined ("Quý II - Quý IV/2026")."""
    if t.cue is Cue.BEFORE:
        return False
    if t.kind is TimeKind.RANGE:
        return _HORIZON.match(t.text) is None
    if t.kind is TimeKind.QUARTER:
        return (t.last.year, t.last.month) != (t.first.year, t.first.month + 2)
    return False


def time_of_cell(text: str, year: int | None) -> CellTime:
    """The deadline or the period a time cell or time field states (see the module's doc)."""
    times = find_times(text, year)
    times = sorted(times + _bare_years(text, times), key=lambda t: t.start)
    times = [t for t in times if not _open_end(text, t) and not recurs(text, t)]
    spans = [t for t in times if is_span(t)]
    singles = [t for t in times if not is_span(t)]
    deadline = max(singles, key=lambda t: (t.last, t.start)) if singles else None
    period = spans[0] if spans else None
    if deadline is not None and period is not None and deadline.cue is not Cue.BEFORE:
        deadline = None  # "Tháng 10/2025 (từ 01/10 đến 31/10)": the span says it
    return CellTime(deadline, period)
