"""The temporal grammar: dates, spans, deadlines and periods (SPEC "Deadline" and "Period").

``find_times`` reads every date or span expression of a cleaned text; ``find_deadlines``,
``choose_deadline``, ``find_periods`` and ``period_of`` select among them by the SPEC's
definitions. A deadline's date is always ``expr.last``; a period is ``first..last``.

Why the grammar is hand-written and does not call ``dateparser``: the forms that matter are
spans, not instants. dateparser reads "6 tháng cuối năm 2020" as a single day (it takes
"6" as a day number), has no notion of quarters ("quý IV/2022", "quý II và quý III"), of
"giai đoạn 2022-2025", of "từ ngày 15 đến ngày 31 tháng 12 năm 2025" with the month and
year shared by both ends, and it guesses a missing year from the clock instead of the
notice. The day-level forms are plain numbers, so ``datetime.date`` validates them (no
31/2) with no language model at all. The regex fragments live in ``pipeline.patterns``
(temporal section); the word lists (cues, verbs, object nouns) in ``pipeline/data``.
"""
from __future__ import annotations

import calendar
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import regex

from ..text import patterns as P
from ..text.lexicon import load_table

KINDS = ("day", "month", "quarter", "half", "months_of_year", "year", "range")
CUES = ("before", "within", "from_to", "")

_FLAGS = regex.IGNORECASE | regex.VERSION0


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One date or span expression: ``text == source[start:end]``; it denotes ``first..last``."""

    start: int
    end: int
    text: str
    first: date
    last: date
    kind: str
    cue: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r}")
        if self.cue not in CUES:
            raise ValueError(f"unknown cue {self.cue!r}")
        if self.first > self.last:
            raise ValueError(f"empty span {self.first}..{self.last}")
        if len(self.text) != self.end - self.start:
            raise ValueError("text does not fit its offsets")


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


# --- forms ------------------------------------------------------------------------------------

# A handler turns a match into (kind, first, last, cue) or None when the match is not a valid
# date (an invalid match still blocks its stretch of text, so "ngày 31 tháng 2 năm 2025"
# yields nothing rather than "tháng 2 năm 2025").
_Parsed = tuple[str, date, date, str] | None


def _h_day(m: regex.Match, year: int | None) -> _Parsed:
    d = _day(_int(m.group("y")) or year, int(m.group("m")), int(m.group("d")))
    return None if d is None else ("day", d, d, "")


def _h_month(m: regex.Match, year: int | None) -> _Parsed:
    y = _int(m.group("y")) or _int(m.group("y2")) or year
    span = _month_span(y, int(m.group("m"))) if y else None
    return None if span is None else ("month", span[0], span[1], "")


def _h_quarter(m: regex.Match, year: int | None) -> _Parsed:
    y = _int(m.group("y")) or year
    if y is None:
        return None
    qs = [_quarter(m.group("q1"))] + [_quarter(q) for q in m.captures("q2")]
    lo, hi = min(qs), max(qs)
    return "quarter", date(y, 3 * lo - 2, 1), _month_span(y, 3 * hi)[1], ""


def _h_part_of_year(m: regex.Match, year: int | None) -> _Parsed:
    y = _int(m.group("y")) or year
    if y is None:
        return None
    n = 6 if m.group("half") else _NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
    if not 1 <= n <= 12:
        return None
    first_half = m.group("pos").lower() == "đầu"
    span = _months_span(y, 1, n) if first_half else _months_span(y, 13 - n, 12)
    return ("half" if n == 6 else "months_of_year"), span[0], span[1], ""


def _h_year_span(m: regex.Match, year: int | None) -> _Parsed:
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if y1 > y2:
        return None
    return "range", date(y1, 1, 1), date(y2, 12, 31), ""


def _h_from_year(m: regex.Match, year: int | None) -> _Parsed:
    got = _h_year_span(m, year)
    return None if got is None else (got[0], got[1], got[2], "from_to")


def _h_year(m: regex.Match, year: int | None) -> _Parsed:
    y = int(m.group("y"))
    return "year", date(y, 1, 1), date(y, 12, 31), ""


def _h_horizon(m: regex.Match, year: int | None) -> _Parsed:
    y = int(m.group("y"))
    start = year if year is not None and year <= y else y
    return "range", date(start, 1, 1), date(y, 12, 31), ""


def _h_from_month(m: regex.Match, year: int | None) -> _Parsed:
    y2 = _int(m.group("y2")) or _int(m.group("y2w")) or year
    if y2 is None:
        return None
    m1, m2 = int(m.group("m1")), int(m.group("m2"))
    y1 = _int(m.group("y1")) or _int(m.group("y1w")) or (y2 if m1 <= m2 else y2 - 1)
    a, b = _month_span(y1, m1), _month_span(y2, m2)
    if a is None or b is None or a[0] > b[1]:
        return None
    return "range", a[0], b[1], "from_to"


def _h_from_day(m: regex.Match, year: int | None) -> _Parsed:
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
    return "range", first, last, "from_to"


_FORMS: tuple[tuple[str, Callable[[regex.Match, int | None], _Parsed]], ...] = (
    (P.T_FORM_FROM_DAY, _h_from_day),
    (P.T_FORM_FROM_MONTH, _h_from_month),
    (P.T_FORM_FROM_YEAR, _h_from_year),
    (P.T_FORM_DAY_NUMERIC, _h_day),
    (P.T_FORM_DAY_WORDS, _h_day),
    (P.T_FORM_DAY_MONTH, _h_day),
    (P.T_FORM_MONTH, _h_month),
    (P.T_FORM_QUARTER, _h_quarter),
    (P.T_FORM_PART_OF_YEAR, _h_part_of_year),
    (P.T_FORM_YEAR_SPAN, _h_year_span),
    (P.T_FORM_HORIZON, _h_horizon),
    (P.T_FORM_YEAR, _h_year),
)


# What each form of _FORMS cannot match without (a cheap pre-check on the lower-cased text, so
# that most forms are not run at all on most texts): (words that must all occur, needs a digit).
# Only the quarter ("quý II") and part-of-year ("sáu tháng đầu năm") forms match without a digit.
_FORM_NEEDS: tuple[tuple[tuple[str, ...], bool], ...] = (
    (("từ",), True),  # from_day
    (("từ", "tháng"), True),  # from_month
    (("từ", "năm"), True),  # from_year
    ((), True),  # day_numeric
    (("tháng",), True),  # day_words
    (("/",), True),  # day_month
    (("tháng",), True),  # month
    (("quý",), False),  # quarter
    (("năm",), False),  # part_of_year
    ((), True),  # year_span
    (("đến", "năm"), True),  # horizon
    (("năm",), True),  # year
)
_DIGIT = regex.compile(r"\d")
# Forms whose optional prefixes would be tried at every position: their anchor (a suffix).
_ANCHORS = {
    P.T_FORM_DAY_NUMERIC: P.T_ANCHOR_DAY_NUMERIC,
    P.T_FORM_DAY_WORDS: P.T_ANCHOR_DAY_WORDS,
    P.T_FORM_DAY_MONTH: P.T_ANCHOR_DAY_MONTH,
    P.T_FORM_YEAR_SPAN: P.T_ANCHOR_YEAR_SPAN,
}


@lru_cache(maxsize=1)
def _compiled_forms() -> tuple[tuple[regex.Pattern, Callable, tuple[str, ...], bool, regex.Pattern | None], ...]:
    if len(_FORM_NEEDS) != len(_FORMS):
        raise ValueError("_FORM_NEEDS does not describe every form")
    out = []
    for (src, h), (words, digit) in zip(_FORMS, _FORM_NEEDS, strict=True):
        anchor = _ANCHORS.get(src)
        if anchor is not None and not src.endswith(anchor):
            raise ValueError("a form's anchor must be its suffix")
        out.append((regex.compile(src, _FLAGS), h, words, digit,
                    regex.compile(anchor, _FLAGS) if anchor is not None else None))
    return tuple(out)


def _matches(pat: regex.Pattern, anchor: regex.Pattern | None, text: str):
    """``pat.finditer(text)`` (non-empty matches); with an anchor, each search starts at most
    T_ANCHOR_LEAD characters before the next anchor: every match contains one that far from
    its start, so no match is missed, and the prefixes are not tried everywhere else."""
    if anchor is None:
        yield from pat.finditer(text)
        return
    pos = 0
    while True:
        a = anchor.search(text, pos)
        if a is None:
            return
        m = pat.search(text, max(pos, a.start() - P.T_ANCHOR_LEAD))
        if m is None:
            return
        yield m
        pos = m.end()


# --- word lists as alternations -------------------------------------------------------------


def _phrase_regex(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, spaces matching any short whitespace run."""
    alts = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s{1,3}".join(regex.escape(w) for w in p.split()) for p in alts)


def _word_bounded(alt: str) -> str:
    return rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])"


@lru_cache(maxsize=1)
def _cues() -> tuple[regex.Pattern, dict[str, tuple[str, str]]]:
    rows = load_table("temporal_cues.tsv", ("phrase", "cue", "span"))
    table: dict[str, tuple[str, str]] = {}
    for r in rows:
        if r["cue"] not in ("before", "within") or r["span"] not in ("day_before", "last"):
            raise ValueError(f"temporal_cues.tsv: bad row {r}")
        table[_fold(r["phrase"])] = (r["cue"], r["span"])
    pat = rf"(?<![\p{{L}}\p{{N}}])(?P<c>{_phrase_regex([r['phrase'] for r in rows])})[\s:]{{1,4}}\Z"
    return regex.compile(pat, _FLAGS), table


@lru_cache(maxsize=1)
def _verbs() -> tuple[regex.Pattern, dict[str, str]]:
    rows = load_table("temporal_verbs.tsv", ("phrase", "class"))
    classes = {}
    for r in rows:
        if r["class"] not in ("oneoff", "ongoing", "weak", "noun"):
            raise ValueError(f"temporal_verbs.tsv: bad class in {r}")
        classes[_fold(r["phrase"])] = r["class"]
    return regex.compile(_word_bounded(_phrase_regex([r["phrase"] for r in rows])), _FLAGS), classes


@lru_cache(maxsize=1)
def _period_words() -> dict[str, regex.Pattern | None]:
    rows = load_table("period_words.tsv", ("phrase", "role"), ("case",))
    by_role: dict[str, dict[str, list[str]]] = {}
    for r in rows:
        if r["role"] not in ("object", "retro", "boundary", "vague", "self_object"):
            raise ValueError(f"period_words.tsv: bad role in {r}")
        by_role.setdefault(r["role"], {}).setdefault(r["case"] or "ci", []).append(r["phrase"])
    out: dict[str, regex.Pattern | None] = {}
    for role in ("object", "retro", "boundary", "vague", "self_object"):
        parts = by_role.get(role, {})
        alts = []
        if parts.get("ci"):
            alts.append(f"(?i:{_phrase_regex(parts['ci'])})")
        if parts.get("cs"):
            alts.append(f"(?-i:{_phrase_regex(parts['cs'])})")
        out[role] = regex.compile(_word_bounded("|".join(alts)), regex.VERSION0) if alts else None
    return out


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


_REFERENCE = regex.compile(P.T_REFERENCE_ID, regex.VERSION0)
_CLAUSE_STOP = regex.compile(P.T_CLAUSE_STOP)
_PHRASE_STOP = regex.compile(P.T_PHRASE_STOP)
_TOKEN_REVERSED = regex.compile(r"(?r)[\p{L}\p{N}]+")
_VE = regex.compile(r"(?<![\p{L}\p{N}])về(?![\p{L}\p{N}])", _FLAGS)
_PAST = regex.compile(r"(?<![\p{L}\p{N}])đã(?:\s{1,3}[\p{L}\p{N}]{1,12}){0,2}\s{1,3}\Z", _FLAGS)
_HORIZON_WORD = regex.compile(r"(?:định|tầm|đến)", _FLAGS)  # "định hướng đến 2030", "tầm nhìn"

# How far the look-backs reach (characters bound the work; tokens bound the meaning).
_LOOKBACK_CHARS = 240
_OBJECT_TOKENS = 18
_RETRO_TOKENS = 24
_VERB_TOKENS = 30
_TITLE_TOKENS = 45


# --- find_times -------------------------------------------------------------------------------


_CACHE_MAX_CHARS = 20_000  # texts up to this size have their expressions cached (a unit's text
# is read for its period and its deadlines, and the header reads it again)


def find_times(text: str, year: int | None) -> list[TimeExpr]:
    """Every date or span expression of ``text``, in order, non-overlapping.

    ``year`` is the notice's year, used where none is written ("trước 30/6", "quý 3"); with
    ``year`` None such expressions are skipped. Invalid dates ("31/2") are skipped.
    """
    if len(text) <= _CACHE_MAX_CHARS:
        return list(_find_times_cached(text, year))
    return _find_times(text, year)


#: How far right of its start a form's match attempt reads, at most: the longest match of any
#: form with its lookaheads, and the anchor's reach plus T_ANCHOR_LEAD for an anchored form
#: (about 110 today; a test computes the bound from the patterns).
TIME_REACH = 200


def iter_times(text: str, year: int | None, first: int = 512) -> Iterator[TimeExpr]:
    """``find_times(text, year)``, one expression at a time from the start: read on the first
    ``first`` characters, then on the whole text, so that a caller that stops at an early
    expression (the header's meeting date) does not pay for the rest. From the prefix only the
    expressions that end TIME_REACH characters before its end are taken: no character after the
    prefix can change them, nor add one before them."""
    k = 0
    if len(text) > first:
        safe = first - TIME_REACH
        for t in _find_times(text[:first], year):
            if t.end > safe:
                break
            yield t
            k += 1
    yield from find_times(text, year)[k:]


@lru_cache(maxsize=256)
def _find_times_cached(text: str, year: int | None) -> tuple[TimeExpr, ...]:
    return tuple(_find_times(text, year))


def _find_times(text: str, year: int | None) -> list[TimeExpr]:
    has_digit = _DIGIT.search(text) is not None
    low = text.lower()
    if not has_digit and "năm" not in low and "quý" not in low:
        return []  # every form needs a digit, a year word or a quarter
    cands: list[tuple[int, int, int, Callable, regex.Match]] = []
    for order, (pat, handler, words, digit, anchor) in enumerate(_compiled_forms()):
        if (digit and not has_digit) or any(w not in low for w in words):
            continue  # this form cannot match
        for m in _matches(pat, anchor, text):
            if m.end() > m.start():
                cands.append((m.start(), -m.end(), order, handler, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[TimeExpr] = []
    taken_end = 0
    for start, neg_end, _order, handler, m in cands:
        if start < taken_end:
            continue
        taken_end = -neg_end
        try:
            parsed = handler(m, year)
        except ValueError:  # a year outside the calendar's range
            parsed = None
        if parsed is not None:
            prev_end = out[-1].end if out else 0
            out.append(_with_cue(text, start, -neg_end, parsed, prev_end))
    return out


def _with_cue(text: str, start: int, end: int, parsed: tuple[str, date, date, str], prev_end: int) -> TimeExpr:
    kind, first, last, cue = parsed
    if not cue:
        pat, table = _cues()
        m = pat.search(text, max(prev_end, start - 48), start)
        if m is not None:
            cue, span_rule = table[_fold(m.group("c"))]
            start = m.start()
            if cue == "before" and kind != "day" and span_rule == "day_before":
                kind, first = "day", first - timedelta(days=1)
                last = first
    return TimeExpr(start, end, text[start:end], first, last, kind, cue)


# --- deadlines --------------------------------------------------------------------------------


def _clause_start(text: str, pos: int, limit: int) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in _CLAUSE_STOP.finditer(text, lo, pos):
        last = m.end()
    return last


def _clause_end(text: str, pos: int, limit: int) -> int:
    m = _CLAUSE_STOP.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def _last_tokens_start(text: str, lo: int, hi: int, n: int) -> int:
    """Offset of the n-th token counted back from ``hi`` (not before ``lo``)."""
    start = lo
    for i, m in enumerate(_TOKEN_REVERSED.finditer(text, lo, hi), 1):
        start = m.start()
        if i == n:
            return start
    return lo


def _verb_decision(hits: list[str]) -> str | None:
    """First decisive class in ``hits`` (nearest first): "oneoff", "ongoing" or None."""
    _, classes = _verbs()
    for h in hits:
        c = classes.get(_fold(h))
        if c in ("oneoff", "ongoing"):
            return c
    return None


#: Spans short enough that "trong" + span bounds the action when no verb of the lexicon is
#: near ("mở 02 lớp tập huấn trong tháng 01/2024", "tiêm vắc xin trong quý II"); a year or
#: longer needs a one-off verb ("đưa vào vận hành trong năm 2027"), being more often the
#: task's period, and so does a span after a weak verb only ("tổ chức tốt các hoạt động
#: trong tháng 12": the month the activities belong to).
_SHORT_SPANS = ("month", "quarter")


def _bounds_one_off_action(text: str, t: TimeExpr) -> bool:
    pat, _ = _verbs()
    lo = _clause_start(text, t.start, _LOOKBACK_CHARS)
    lo = _last_tokens_start(text, lo, t.start, _VERB_TOKENS)
    before = [m.group() for m in pat.finditer(text, lo, t.start)]
    decision = _verb_decision(list(reversed(before)))
    after: list[str] = []
    if decision is None:
        hi = _clause_end(text, t.end, 120)
        after = [m.group() for m in pat.finditer(text, t.end, hi)]
        decision = _verb_decision(after)
    if decision is None and not before and not after:
        return t.kind in _SHORT_SPANS
    return decision == "oneoff"


def _is_past(text: str, t: TimeExpr) -> bool:
    return _PAST.search(text, max(0, t.start - 48), t.start) is not None


def _is_deadline(text: str, t: TimeExpr) -> bool:
    if t.cue == "before":
        return not _is_past(text, t)
    if t.cue == "within":
        return not _is_past(text, t) and _bounds_one_off_action(text, t)
    return False


def find_deadlines(text: str, year: int | None) -> list[TimeExpr]:
    """The expressions of a task's text that are deadlines (SPEC "Deadline"); date = ``.last``.

    A "before" cue ("trước ngày", "chậm nhất", "hạn chót", "trước 17 giờ ngày ...") makes a
    deadline; a "within" cue ("trong tháng 11/2025") does when the nearest decisive verb
    before it names a one-off action (hoàn thành, ký, ban hành, đưa vào vận hành ...) and not
    an ongoing one (tiếp tục, thường xuyên, duy trì ...). Bare dates (of documents, of
    meetings) and ranges are never deadlines; nor is anything after "đã" (a past action).
    """
    return [t for t in find_times(text, year) if _is_deadline(text, t)]


def choose_deadline(deadlines: list[TimeExpr]) -> TimeExpr | None:
    """The deadline that ends the task as a whole: the latest; on a tie the last written."""
    if not deadlines:
        return None
    return max(deadlines, key=lambda t: (t.last, t.start))


# --- periods ----------------------------------------------------------------------------------


def _phrase_window(text: str, t: TimeExpr, tokens: int) -> int:
    """Start of the look-back window: same phrase, at most ``tokens`` tokens, after a boundary."""
    lo = max(0, t.start - _LOOKBACK_CHARS)
    for m in _PHRASE_STOP.finditer(text, lo, t.start):
        lo = m.end()
    lo = _last_tokens_start(text, lo, t.start, tokens)
    boundary = _period_words()["boundary"]
    if boundary is not None:
        for m in boundary.finditer(text, lo, t.start):
            lo = m.end()
    return lo


def _has(role: str, text: str, lo: int, hi: int) -> bool:
    pat = _period_words()[role]
    return pat is not None and pat.search(text, lo, hi) is not None


def _in_reference_title(text: str, t: TimeExpr) -> bool:
    """A numbered reference earlier in the sentence whose title ("về ...") runs up to ``t``."""
    lo = _clause_start(text, t.start, 600)
    lo = _last_tokens_start(text, lo, t.start, _TITLE_TOKENS)
    refs = list(_REFERENCE.finditer(text, lo, t.start))
    if not refs:
        return False
    between_lo = refs[-1].end()
    if _has("boundary", text, between_lo, t.start):
        return False
    no_comma = "," not in text[between_lo : t.start]
    return no_comma or _VE.search(text, between_lo, t.start) is not None


def _vague_part(text: str, t: TimeExpr) -> bool:
    pat = _period_words()["vague"]
    if pat is None or t.cue:
        return False
    lo = _last_tokens_start(text, max(0, t.start - 32), t.start, 3)  # "mùa mưa bão năm 2026"
    return any(not text[m.end() : t.start].strip() for m in pat.finditer(text, lo, t.start, overlapped=True))


def _is_horizon(t: TimeExpr) -> bool:
    return t.kind == "range" and t.cue == "" and _HORIZON_WORD.match(t.text) is not None


def _rejected_as_period(text: str, t: TimeExpr, year: int | None, as_of: date | None) -> bool:
    if t.kind == "day" or t.cue == "before" or _is_horizon(t):
        return True
    if year is not None and t.last.year < year:
        return True
    if as_of is not None and t.last < as_of:
        return True
    self_object = _period_words()["self_object"]
    if t.cue != "within" and self_object is not None and self_object.match(t.text) is not None:
        return True
    if _has("retro", text, _phrase_window(text, t, _RETRO_TOKENS), t.start):
        return True
    if t.cue != "within" and _has("object", text, _phrase_window(text, t, _OBJECT_TOKENS), t.start):
        return True
    return _vague_part(text, t) or _in_reference_title(text, t)


def find_periods(text: str, year: int | None, as_of: date | None = None) -> list[TimeExpr]:
    """Expressions that state the period the text belongs to (SPEC "Period").

    Candidates are the spans of ``find_times``; rejected are: days, deadlines, "before"
    cues, horizons ("định hướng đến năm 2030"), spans that ended before the notice's year
    (or before ``as_of``, the notice's meeting/issue date when the caller knows it: "trong 9
    tháng đầu năm" in a notice of October looks back),
    years of an object (an object noun of ``period_words.tsv`` a few words before, in the
    same phrase: "Kế hoạch ... năm 2023", "tuyển quân năm 2023"), look-backs ("đánh giá kết
    quả ... 6 tháng đầu năm"), vague parts ("cuối năm 2022") and years inside a referenced
    document's title ("Kết luận số 862-KL/TU ... về ... giai đoạn 2022-2025").
    """
    return list(_iter_periods(text, year, as_of))


def _iter_periods(text: str, year: int | None, as_of: date | None, section: bool = False) -> Iterator[TimeExpr]:
    """``find_periods`` one at a time (a caller that needs the first ones stops early)."""
    for t in find_times(text, year):
        if (not (section and t.cue == "within") and _is_deadline(text, t)) or _rejected_as_period(text, t, year, as_of):
            continue
        yield t


_JOIN = regex.compile(r"\s{0,4}(?:,|;|và|cùng)?\s{0,4}(?:và\s{1,4})?\Z", _FLAGS)


def period_of(text: str, year: int | None, as_of: date | None = None, section: bool = False) -> TimeExpr | None:
    """The one period a heading, intro or task states: the first acceptable one, merged with
    the next when the two are joined by "và" or a comma ("6 tháng cuối năm 2020 và năm 2021").
    ``section``: the text heads a section or introduces items ("I. Nhiệm vụ trọng tâm trong tháng
    11 năm 2025"); it names no action of its own, so a "trong" span there is never a deadline."""
    periods = list(itertools.islice(_iter_periods(text, year, as_of, section), 2))  # only the first two count
    if not periods:
        return None
    p = periods[0]
    if len(periods) > 1:
        q = periods[1]
        if _JOIN.fullmatch(text, p.end, q.start) is not None:
            start, end = p.start, q.end
            return TimeExpr(start, end, text[start:end], min(p.first, q.first), max(p.last, q.last), "range", p.cue)
    return p
