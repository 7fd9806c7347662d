"""The date forms: each written form of a date or span, its pattern and its handler, registered.

In: the regex fragments below. Out: ``FORMS``, the validated registry (``registry.build``) that
``find.find_times`` runs, in the order written here. Adding a form is one ``DateForm`` entry in
``FORMS`` (and a handler, unless an existing one reads its groups) plus one row of the forms'
table test (tests/extractors/test_temporal_forms.py).

Every quantifier on whitespace is bounded and no group with an unbounded quantifier is
repeated, so each form is linear. Patterns are compiled with ``registry.FLAGS`` (IGNORECASE).
The day-level forms are plain numbers, so ``datetime.date`` validates them (no 31/2).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

import regex

from .expr import Cue, TimeKind
from .registry import DateForm, Needs, Parsed, build

# --- fragments --------------------------------------------------------------------------------

# Whitespace between the words of a date expression (may cross a line break).
T_WS = r"\s{1,4}"
# Optional whitespace.
T_OWS = r"\s{0,4}"
# A year with four digits, 1900..2199, not followed by another digit.
T_YEAR = r"(?:19|20|21)\d{2}(?!\d)"
# Day or month number; range-checked as a calendar date in code.
T_NUM2 = r"\d{1,2}"
# Not preceded by a digit or a date separator (start of a day number).
T_NUM_START = r"(?<![\d/.\-])"
# Quarter numeral: Roman I..IV or digit 1..4, not glued to a following letter or digit.
T_QUARTER_NUM = r"(?:IV|III|II|I|[1-4])(?![\p{L}\p{N}])"
# The count in "6 tháng đầu năm", "sáu tháng cuối năm".
T_MONTH_COUNT = r"(?:(?<!\d)\d{1,2}|(?<![\p{L}])(?:ba|sáu|chín))"
# Time of day before a date: "17 giờ", "17h00", "8 giờ 30 phút", "8h30'", optional "sáng".
T_TIME_OF_DAY = (
    r"(?<!\d)\d{1,2}\s?(?:giờ|h)(?:\s?\d{1,2}(?:\s?phút|')?)?(?:\s(?:sáng|chiều|tối|trưa))?,?\s{1,3}"
)
# Part of day before a date ("sáng ngày 12/1", "Sáng 12/1").
T_DAY_PART = r"(?:sáng|chiều|tối|trưa|đêm|hôm)"
# Words after which a year-less "D/M" is read as a date ("trước 30/6", "Sáng 12/1").
T_DM_CONTEXT = (
    r"(?<=(?<![\p{L}\p{N}])(?:trước|đến|hết|nhất|là|vào|sáng|chiều|tối|trưa|đêm|hôm|từ|giờ|h|chót|hạn)\s{1,3}"
    # a news report's "Sáng nay (12/11)", "Chiều qua 5/3", "Hôm nay (20/11)"
    r"|(?<![\p{L}\p{N}])(?:sáng|chiều|tối|trưa|hôm)\s+(?:nay|qua)\s{1,3}\(?)"
)
# "đến" / "tới" / a dash between the two ends of a range.
T_RANGE_TO = r"(?:đến|tới|[\-\u2013\u2014])"
# Hours of one day before it ("từ 07 giờ 00 đến 19 giờ 00 ngày 15/3/2026"): the day, not a span.
T_HOURS_FROM = rf"(?:(?<![\p{{L}}\p{{N}}])từ{T_WS}{T_TIME_OF_DAY}{T_RANGE_TO}{T_WS})"
# What may stand before a day: hours, a time of day, a part of day (all optional).
_DAY_PREFIX = rf"(?:{T_HOURS_FROM}?{T_TIME_OF_DAY})?(?:{T_DAY_PART}{T_WS})?"

# Anchors (suffixes of their forms; see DateForm.anchor).
# "25/10/2022", "25-10-2022" (same separator twice).
T_ANCHOR_DAY_NUMERIC = (
    rf"{T_NUM_START}(?P<d>{T_NUM2})\s?(?P<sep>[/.\-])\s?(?P<m>{T_NUM2})\s?(?P=sep)\s?(?P<y>{T_YEAR})"
)
# "30 tháng 11 năm 2025", "30 tháng 11".
T_ANCHOR_DAY_WORDS = (
    rf"(?<!\d)(?P<d>{T_NUM2}){T_WS}tháng{T_WS}(?P<m>{T_NUM2})(?!\d)(?:{T_OWS},?{T_OWS}năm{T_WS}(?P<y>{T_YEAR}))?"
)
# "30/6", "30/6 năm 2025".
T_ANCHOR_DAY_MONTH = (
    rf"{T_NUM_START}(?P<d>{T_NUM2})\s?/\s?(?P<m>{T_NUM2})(?![\d/]|\s?[.\-]\s?\d)(?:{T_WS}năm{T_WS}(?P<y>{T_YEAR}))?"
)
# "2022-2025" of "giai đoạn 2022-2025" (its head and "từ năm" in front: < 35 characters).
T_ANCHOR_YEAR_SPAN = rf"(?P<y1>{T_YEAR}){T_OWS}{T_RANGE_TO}{T_OWS}(?:năm{T_WS})?(?P<y2>{T_YEAR})"

# --- calendar helpers -------------------------------------------------------------------------


def _day(y: int | None, m: int | None, d: int | None) -> date | None:
    if y is None or m is None or d is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int) -> tuple[date, date] | None:
    if not 1 <= m <= 12:
        return None
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _months_span(y: int, m1: int, m2: int) -> tuple[date, date] | None:
    a, b = _month_span(y, m1), _month_span(y, m2)
    if a is None or b is None or m1 > m2:
        return None
    return a[0], b[1]


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter(q: str) -> int:
    q = q.lower()
    return _ROMAN.get(q) or int(q)


_NUMBER_WORDS = {"ba": 3, "sáu": 6, "chín": 9}


def _int(s: str | None) -> int | None:
    return int(s) if s else None


# --- handlers (see registry.Handler) ----------------------------------------------------------


def _h_day(m: regex.Match, year: int | None) -> Parsed | None:
    """Groups d, m and y (optional: the notice's year)."""
    d = _day(_int(m.group("y")) or year, int(m.group("m")), int(m.group("d")))
    return None if d is None else Parsed(d, d)


def _h_month(m: regex.Match, year: int | None) -> Parsed | None:
    y = _int(m.group("y")) or _int(m.group("y2")) or year
    span = _month_span(y, int(m.group("m"))) if y else None
    return None if span is None else Parsed(*span)


def _h_quarter(m: regex.Match, year: int | None) -> Parsed | None:
    y = _int(m.group("y")) or year
    if y is None:
        return None
    qs = [_quarter(m.group("q1"))] + [_quarter(q) for q in m.captures("q2")]
    lo, hi = min(qs), max(qs)
    return Parsed(date(y, 3 * lo - 2, 1), _month_span(y, 3 * hi)[1])


def _h_part_of_year(m: regex.Match, year: int | None) -> Parsed | None:
    y = _int(m.group("y")) or year
    if y is None:
        return None
    n = 6 if m.group("half") else _NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    if not 1 <= n <= 12:
        return None
    first_half = m.group("pos").lower() == "đầu"
    span = _months_span(y, 1, n) if first_half else _months_span(y, 13 - n, 12)
    return Parsed(span[0], span[1], TimeKind.HALF if n == 6 else None)


def _h_year_span(m: regex.Match, year: int | None) -> Parsed | None:
    """Groups y1 and y2: from the first day of y1 to the last of y2."""
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if y1 > y2:
        return None
    return Parsed(date(y1, 1, 1), date(y2, 12, 31))


def _h_year(m: regex.Match, year: int | None) -> Parsed | None:
    y = int(m.group("y"))
    return Parsed(date(y, 1, 1), date(y, 12, 31))


def _h_horizon(m: regex.Match, year: int | None) -> Parsed | None:
    y = int(m.group("y"))
    start = year if year is not None and year <= y else y
    return Parsed(date(start, 1, 1), date(y, 12, 31))


def _h_from_month(m: regex.Match, year: int | None) -> Parsed | None:
    y2 = _int(m.group("y2")) or _int(m.group("y2w")) or year
    if y2 is None:
        return None
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    y1 = _int(m.group("y1")) or _int(m.group("y1w")) or (y2 if m1 <= m2 else y2 - 1)
    a, b = _month_span(y1, m1), _month_span(y2, m2)
    if a is None or b is None or a[0] > b[1]:
        return None
    return Parsed(a[0], b[1])


def _h_quarter_range(m: regex.Match, year: int | None) -> Parsed | None:
    """Groups q1, y1, q2, y2: from the first day of quarter q1 of y1 to the last of q2 of y2."""
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    q1, q2 = _quarter(m.group("q1")), _quarter(m.group("q2"))
    first, last = date(y1, 3 * q1 - 2, 1), _month_span(y2, 3 * q2)[1]
    return None if first > last else Parsed(first, last)


def _h_days_from(m: regex.Match, year: int | None) -> Parsed | None:
    """Groups n, d and m/y (or mw/yw): the event's day plus n days."""
    start = _day(_int(m.group("y")) or _int(m.group("yw")), _int(m.group("m")) or _int(m.group("mw")),
                 int(m.group("d")))
    if start is None:
        return None
    end = start + timedelta(days=int(m.group("n")))
    return Parsed(end, end)


def _h_from_day(m: regex.Match, year: int | None) -> Parsed | None:
    y2 = _int(m.group("y2")) or _int(m.group("y2w")) or year
    m2 = _int(m.group("m2")) or _int(m.group("m2w"))
    last = _day(y2, m2, int(m.group("d2")))
    if last is None:
        return None
    m1 = _int(m.group("m1")) or _int(m.group("m1w")) or m2
    y1 = _int(m.group("y1")) or _int(m.group("y1w"))
    first = _day(y1 or y2, m1, int(m.group("d1")))
    if first is not None and y1 is None and first > last:
        first = _day(y2 - 1, m1, int(m.group("d1")))
    if first is None or first > last:
        return None
    return Parsed(first, last)


# --- the registry -----------------------------------------------------------------------------
# Tried in this order; of two matches with the same start and end the earlier form's is taken
# (the longest match at the leftmost start wins whatever the order).

FORMS: tuple[DateForm, ...] = build(
    # "từ ngày 15 đến ngày 31 tháng 12 năm 2025", "từ ngày 01/12 đến 15/12/2025",
    # "từ ngày 05/01/2026 đến 17 giờ 00 ngày 01/02/2026" (a time of day at either end).
    DateForm(
        "from_day", TimeKind.RANGE, cue=Cue.FROM_TO, handler=_h_from_day, needs=Needs(("từ",)),
        pattern=(
            rf"(?<![\p{{L}}\p{{N}}])từ{T_WS}(?:{T_TIME_OF_DAY}ngày{T_WS}|(?:ngày{T_WS})?)(?<!\d)(?P<d1>{T_NUM2})(?:\s?[/.]\s?(?P<m1>{T_NUM2})"
            rf"(?:\s?[/.]\s?(?P<y1>{T_YEAR}))?|{T_WS}tháng{T_WS}(?P<m1w>{T_NUM2})(?:{T_WS}năm{T_WS}(?P<y1w>{T_YEAR}))?)?"
            rf"{T_OWS}{T_RANGE_TO}{T_OWS}(?:hết{T_WS})?(?:{T_TIME_OF_DAY}ngày{T_WS}|(?:ngày{T_WS})?)(?<!\d)(?P<d2>{T_NUM2})"
            rf"(?:\s?[/.]\s?(?P<m2>{T_NUM2})(?:\s?[/.]\s?(?P<y2>{T_YEAR}))?|{T_WS}tháng{T_WS}(?P<m2w>{T_NUM2})"
            rf"(?:{T_OWS},?{T_OWS}năm{T_WS}(?P<y2w>{T_YEAR}))?)(?![\d/])"
        ),
    ),
    # "từ tháng 10 đến tháng 12 năm 2025", "từ tháng 10/2025 đến tháng 3/2026".
    DateForm(
        "from_month", TimeKind.RANGE, cue=Cue.FROM_TO, handler=_h_from_month, needs=Needs(("từ", "tháng")),
        pattern=(
            rf"(?<![\p{{L}}\p{{N}}])từ{T_WS}tháng{T_WS}(?P<m1>{T_NUM2})(?:\s?[/\-]\s?(?P<y1>{T_YEAR})|{T_WS}năm{T_WS}"
            rf"(?P<y1w>{T_YEAR}))?{T_OWS}{T_RANGE_TO}{T_OWS}(?:hết{T_WS})?tháng{T_WS}(?P<m2>{T_NUM2})"
            rf"(?:\s?[/\-]\s?(?P<y2>{T_YEAR})|{T_WS}năm{T_WS}(?P<y2w>{T_YEAR}))?(?![\d/])"
        ),
    ),
    # "từ năm 2021 đến năm 2025".
    DateForm(
        "from_year", TimeKind.RANGE, cue=Cue.FROM_TO, handler=_h_year_span, needs=Needs(("từ", "năm")),
        pattern=(
            rf"(?<![\p{{L}}\p{{N}}])từ{T_WS}năm{T_WS}(?P<y1>{T_YEAR}){T_OWS}{T_RANGE_TO}{T_OWS}(?:hết{T_WS})?"
            rf"(?:năm{T_WS})?(?P<y2>{T_YEAR})"
        ),
    ),
    # "tháng 11-12/2025", "tháng 10 - tháng 12 năm 2025", "tháng 10/2025 - tháng 6/2026": months
    # joined by a dash or "đến" with no "từ" (a table's time cell, a span in prose).
    DateForm(
        "month_range", TimeKind.RANGE, handler=_h_from_month, needs=Needs(("tháng",)),
        pattern=(
            rf"(?<!\d\s{{0,4}})tháng{T_WS}(?P<m1>{T_NUM2})(?:\s?[/.]\s?(?P<y1>{T_YEAR})|{T_WS}năm{T_WS}"
            rf"(?P<y1w>{T_YEAR}))?{T_OWS}{T_RANGE_TO}{T_OWS}(?:hết{T_WS})?(?:tháng{T_WS})?(?<!\d)(?P<m2>{T_NUM2})"
            rf"(?:\s?[/.\-]\s?(?P<y2>{T_YEAR})|{T_WS}năm{T_WS}(?P<y2w>{T_YEAR}))?(?![\d/])"
        ),
    ),
    # "quý IV/2025 - quý II/2026", "quý IV năm 2025 đến quý I năm 2026": quarters of two years.
    DateForm(
        "quarter_range", TimeKind.RANGE, handler=_h_quarter_range, needs=Needs(("quý",)),
        pattern=(
            rf"quý{T_WS}(?P<q1>{T_QUARTER_NUM}){T_OWS}(?:/|năm){T_OWS}(?P<y1>{T_YEAR}){T_OWS}{T_RANGE_TO}{T_OWS}"
            rf"(?:hết{T_WS})?quý{T_WS}(?P<q2>{T_QUARTER_NUM}){T_OWS}(?:/|[\-\u2013]|năm){T_OWS}(?P<y2>{T_YEAR})"
        ),
    ),
    # "trong 10 ngày kể từ ngày 05/3/2026", "trong vòng 15 ngày kể từ ngày 20 tháng 4 năm 2026": a
    # span counted from an event whose date is written; the day it ends, a deadline (SPEC).
    DateForm(
        "days_from", TimeKind.DAY, cue=Cue.BEFORE, handler=_h_days_from, needs=Needs(("ngày", "từ")),
        pattern=(
            rf"(?<![\p{{L}}\p{{N}}])trong(?:{T_WS}vòng|{T_WS}thời{T_WS}hạn)?{T_WS}(?P<n>\d{{1,3}}){T_WS}ngày{T_WS}"
            rf"(?:kể{T_WS})?từ{T_WS}(?:ngày{T_WS})?(?<!\d)(?P<d>{T_NUM2})(?:\s?/\s?(?P<m>{T_NUM2})\s?/\s?(?P<y>{T_YEAR})"
            rf"|{T_WS}tháng{T_WS}(?P<mw>{T_NUM2}){T_OWS},?{T_OWS}năm{T_WS}(?P<yw>{T_YEAR}))"
        ),
    ),
    # "ngày 25/10/2022", "17 giờ ngày 27/11/2025", "25-10-2022" (same separator twice).
    DateForm(
        "day_numeric", TimeKind.DAY, handler=_h_day, needs=Needs(),
        pattern=rf"{_DAY_PREFIX}(?:ngày{T_WS})?{T_ANCHOR_DAY_NUMERIC}", anchor=T_ANCHOR_DAY_NUMERIC,
    ),
    # "ngày 30 tháng 11 năm 2025", "30 tháng 11 năm 2025", "ngày 30 tháng 11".
    DateForm(
        "day_words", TimeKind.DAY, handler=_h_day, needs=Needs(("tháng",)),
        pattern=rf"{_DAY_PREFIX}(?:ngày{T_WS})?{T_ANCHOR_DAY_WORDS}", anchor=T_ANCHOR_DAY_WORDS,
    ),
    # "ngày 30/6", "trước 30/6", "Sáng 12/1" (year-less; the notice's year is used).
    DateForm(
        "day_month", TimeKind.DAY, handler=_h_day, needs=Needs(("/",)),
        pattern=rf"{_DAY_PREFIX}(?:ngày{T_WS}|{T_DM_CONTEXT}){T_ANCHOR_DAY_MONTH}", anchor=T_ANCHOR_DAY_MONTH,
    ),
    # "tháng 11 năm 2025", "tháng 12/2025", "tháng 11" (not "30 tháng 11", not "6 tháng").
    DateForm(
        "month", TimeKind.MONTH, handler=_h_month, needs=Needs(("tháng",)),
        pattern=(
            rf"(?<!\d\s{{0,4}})tháng{T_WS}(?P<m>{T_NUM2})(?:\s?[/.\-]\s?(?P<y>{T_YEAR})|{T_WS}năm{T_WS}(?P<y2>{T_YEAR}))?"
            rf"(?![\d/])"
        ),
    ),
    # "quý IV/2022", "quý I năm 2026", "quý 3", "quý II và quý III", "quý II, III năm 2025".
    DateForm(
        "quarter", TimeKind.QUARTER, handler=_h_quarter, needs=Needs(("quý",), digit=False),
        pattern=(
            rf"quý{T_WS}(?P<q1>{T_QUARTER_NUM})(?:{T_OWS}(?:,|và|đến|tới|[\-\u2013]){T_OWS}(?:quý{T_WS})?"
            rf"(?P<q2>{T_QUARTER_NUM})){{0,3}}(?:{T_OWS}(?:/|[\-\u2013]|năm){T_OWS}(?P<y>{T_YEAR}))?"
        ),
    ),
    # "6 tháng đầu năm (2020)", "9 tháng đầu năm", "3 tháng cuối năm 2022", "nửa cuối năm": half
    # a year is a HALF, other counts MONTHS_OF_YEAR.
    DateForm(
        "part_of_year", TimeKind.MONTHS_OF_YEAR, handler=_h_part_of_year, needs=Needs(("năm",), digit=False),
        pattern=(
            rf"(?:(?P<n>{T_MONTH_COUNT}){T_WS}tháng|(?P<half>nửa)){T_WS}(?P<pos>đầu|cuối){T_WS}năm"
            rf"(?:{T_OWS}[/\-]?{T_OWS}(?P<y>{T_YEAR}))?"
        ),
    ),
    # "giai đoạn 2022-2025", "giai đoạn 2021 - 2025", "nhiệm kỳ 2020-2025", "năm 2021-2025",
    # "giai đoạn 03 năm 2026 - 2028".
    DateForm(
        "year_span", TimeKind.RANGE, handler=_h_year_span, needs=Needs(),
        pattern=(
            rf"(?P<head>giai{T_WS}đoạn(?:{T_WS}\d{{1,2}}{T_WS}năm)?|nhiệm{T_WS}kỳ|thời{T_WS}kỳ|năm){T_WS}"
            rf"(?:từ{T_WS}(?:năm{T_WS})?)?"
            rf"{T_ANCHOR_YEAR_SPAN}"
        ),
        anchor=T_ANCHOR_YEAR_SPAN,
    ),
    # "đến năm 2030", "định hướng đến năm 2030", "tầm nhìn đến năm 2045": a horizon.
    DateForm(
        "horizon", TimeKind.RANGE, handler=_h_horizon, needs=Needs(("đến", "năm")),
        pattern=(
            rf"(?:(?:định{T_WS}hướng|tầm{T_WS}nhìn){T_WS})?(?<![\p{{L}}\p{{N}}])đến{T_WS}(?:hết{T_WS})?năm{T_WS}"
            rf"(?P<y>{T_YEAR})"
        ),
    ),
    # "năm 2023".
    DateForm(
        "year", TimeKind.YEAR, handler=_h_year, needs=Needs(("năm",)),
        pattern=rf"(?<![\p{{L}}\p{{N}}])năm{T_WS}(?P<y>{T_YEAR})",
    ),
)
