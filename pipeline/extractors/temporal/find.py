"""Finding time expressions: every date or span of a text, with the cue written before it.

In: a cleaned text and the notice's year (None when unknown). Out: ``TimeExpr`` records, in
order and non-overlapping: the registered forms (``forms.FORMS``) are run, the leftmost longest
match wins (on a tie, the form registered first), invalid dates are dropped (but still block
their stretch), and a cue phrase right before an expression ("trước", "chậm nhất", "trong")
joins its span.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

import regex

from .cues import SpanRule, cues, fold
from .expr import Cue, TimeExpr, TimeKind
from .forms import FORMS
from .registry import TIME_REACH, DateForm

_DIGIT = regex.compile(r"\d")

#: How far before an expression its cue phrase may start.
_CUE_LOOKBACK = 48

#: "tính" right before a cue phrase: "tính đến hết ngày 30/6" says as of when, not by when.
_AS_OF = regex.compile(r"(?i)(?<!\p{L})tính\s{1,3}\Z")

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
    cands: list[tuple[int, int, int, DateForm, regex.Match]] = []
    for order, form in enumerate(FORMS):
        if not form.needs.met(low, has_digit):
            continue  # this form cannot match
        for m in form.finditer(text):
            if m.end() > m.start():
                cands.append((m.start(), -m.end(), order, form, m))
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    out: list[TimeExpr] = []
    taken_end = 0
    for start, neg_end, _order, form, m in cands:
        if start < taken_end:
            continue
        taken_end = -neg_end
        parsed = form.parse(m, year)
        if parsed is not None:
            prev_end = out[-1].end if out else 0
            kind, first, last = parsed
            out.append(_with_cue(text, start, -neg_end, kind, first, last, form.cue, prev_end))
    return out


def _with_cue(text: str, start: int, end: int, kind: TimeKind, first: date, last: date, cue: Cue,
              prev_end: int) -> TimeExpr:
    """The expression, its span widened to a cue phrase right before it (not before ``prev_end``,
    the previous expression's end); a "before" cue of rule DAY_BEFORE makes a longer span the
    day before it begins ("trước tháng 12/2025" -> 2025-11-30)."""
    if cue is Cue.NONE:
        pat, table = cues()
        m = pat.search(text, max(prev_end, start - _CUE_LOOKBACK), start)
        if m is not None and _AS_OF.search(text, max(0, m.start() - 8), m.start()) is None:
            cue, span_rule = table[fold(m.group("c"))]
            start = m.start()
            if cue is Cue.BEFORE and kind is not TimeKind.DAY and span_rule is SpanRule.DAY_BEFORE:
                kind, first = TimeKind.DAY, first - timedelta(days=1)
                last = first
    return TimeExpr(start, end, text[start:end], first, last, kind, cue)
