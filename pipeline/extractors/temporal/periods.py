"""Periods (SPEC "Period"): which expressions of a text state the period it belongs to.

In: a heading's, intro's or task's text, the notice's year and, when known, its meeting or issue
date. Out: the ``TimeExpr`` that are periods (``first..last``), and the one period a text states.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date

import regex

from ...text import patterns as P
from .cues import PeriodRole, VerbClass, fold, period_words, verbs
from .deadlines import is_deadline, qualifies_object, recurs
from .expr import Cue, TimeExpr, TimeKind
from .find import find_times
from .registry import FLAGS
from .window import LOOKBACK_CHARS, clause_start, last_tokens_start

_REFERENCE = regex.compile(P.T_REFERENCE_ID, regex.VERSION0)
_PHRASE_STOP = regex.compile(P.T_PHRASE_STOP)
_VE = regex.compile(r"(?<![\p{L}\p{N}])về(?![\p{L}\p{N}])", FLAGS)
_HORIZON_WORD = regex.compile(r"(?:định|tầm|đến)", FLAGS)  # "định hướng đến 2030", "tầm nhìn"
# What may join two periods stated as one: ", ", "; ", " và ", " cùng ".
_JOIN = regex.compile(r"\s{0,4}(?:,|;|và|cùng)?\s{0,4}(?:và\s{1,4})?\Z", FLAGS)

# How many tokens the look-backs read (tokens bound the meaning).
_OBJECT_TOKENS = 18
_RETRO_TOKENS = 24
_TITLE_TOKENS = 45
# A target's words before a year, in its clause ("đạt", "mục tiêu"), and a purpose's ("để").
_TARGET_TOKENS = 14
_PURPOSE_TOKENS = 12
# Quotation marks, and how far back a title's opening one is looked for.
_QUOTE = regex.compile('[\u201c\u201d"]')
_QUOTE_CHARS = 300
# Words between an object noun and a comma that coordinates its head ("Kế hoạch quan trắc, ...").
_COORD_TOKENS = 3
# How far before an object noun its implementing verb is looked for ("tổ chức thực hiện").
_VERB_CHARS = 40


def _phrase_window(text: str, t: TimeExpr, tokens: int) -> int:
    """Start of the look-back window: same phrase, at most ``tokens`` tokens, after a boundary."""
    lo = max(0, t.start - LOOKBACK_CHARS)
    for m in _PHRASE_STOP.finditer(text, lo, t.start):
        lo = m.end()
    lo = last_tokens_start(text, lo, t.start, tokens)
    boundary = period_words()[PeriodRole.BOUNDARY]
    if boundary is not None:
        for m in boundary.finditer(text, lo, t.start):
            lo = m.end()
    return lo


def _has(role: PeriodRole, text: str, lo: int, hi: int) -> bool:
    pat = period_words()[role]
    return pat is not None and pat.search(text, lo, hi) is not None


def _in_reference_title(text: str, t: TimeExpr) -> bool:
    """A numbered reference earlier in the sentence whose title ("về ...") runs up to ``t``."""
    lo = clause_start(text, t.start, 600)
    lo = last_tokens_start(text, lo, t.start, _TITLE_TOKENS)
    refs = list(_REFERENCE.finditer(text, lo, t.start))
    if not refs:
        return False
    between_lo = refs[-1].end()
    if _has(PeriodRole.BOUNDARY, text, between_lo, t.start):
        return False
    no_comma = "," not in text[between_lo : t.start]
    return no_comma or _VE.search(text, between_lo, t.start) is not None


def _vague_part(text: str, t: TimeExpr) -> bool:
    pat = period_words()[PeriodRole.VAGUE]
    if pat is None or t.cue is not Cue.NONE:
        return False
    lo = last_tokens_start(text, max(0, t.start - 32), t.start, 3)  # "mùa mưa bão năm 2026"
    return any(not text[m.end() : t.start].strip() for m in pat.finditer(text, lo, t.start, overlapped=True))


def _is_horizon(t: TimeExpr) -> bool:
    return t.kind is TimeKind.RANGE and t.cue is Cue.NONE and _HORIZON_WORD.match(t.text) is not None


def _rejected_as_period(text: str, t: TimeExpr, year: int | None, as_of: date | None,
                        section: bool = False) -> bool:
    if t.kind is TimeKind.DAY or t.cue is Cue.BEFORE or _is_horizon(t) or recurs(text, t):
        return True
    if year is not None and t.last.year < year:
        return True
    if as_of is not None and t.last < as_of:
        return True
    self_object = period_words()[PeriodRole.SELF_OBJECT]
    if t.cue is not Cue.WITHIN and self_object is not None and self_object.match(t.text) is not None:
        return True
    if _looks_back(text, t) or (not section and qualifies_object(text, t)):
        return True  # "các nhiệm vụ được giao trong năm 2025": when the object arose
    if t.cue is not Cue.WITHIN and _names_object(text, t, section):
        return True
    if not section and (_clause_has(PeriodRole.TARGET, text, t, _TARGET_TOKENS)
                        or _clause_has(PeriodRole.PURPOSE, text, t, _PURPOSE_TOKENS)):
        # "phấn đấu đạt 20% xã ... năm 2025": the year a target is reached; "để có thể triển khai
        # trong năm 2026": the goal's span. A heading's or intro's ("Để đạt các chỉ tiêu năm
        # 2026, ... thực hiện các nội dung sau:") still states its section's period.
        return True
    return _vague_part(text, t) or _in_reference_title(text, t) or _in_quoted_title(text, t)


def _clause_has(role: PeriodRole, text: str, t: TimeExpr, tokens: int) -> bool:
    """A word of ``role`` among the last ``tokens`` tokens of the clause before ``t`` (commas do
    not end a clause: "đạt 50% xã, phường ... vào năm 2030")."""
    lo = last_tokens_start(text, clause_start(text, t.start, LOOKBACK_CHARS), t.start, tokens)
    return _has(role, text, lo, t.start)


def _object_before_comma(pat: regex.Pattern, text: str, lo: int, t: TimeExpr) -> regex.Match | None:
    """An object noun whose head is coordinated by a comma ("Kế hoạch quan trắc, cảnh báo môi trường
    ... năm 2026"): one to ``_COORD_TOKENS`` words between the noun and the comma that closes the
    phrase window, and no verb of the verb lexicon between the comma and ``t`` (a verb there starts a
    new phrase: "rà soát kế hoạch, tổ chức kiểm tra năm 2025")."""
    comma = lo - 1
    while comma >= 0 and text[comma].isspace():
        comma -= 1
    if comma < 0 or text[comma] != ",":
        return None
    vpat, classes = verbs()
    if any(classes.get(fold(m.group())) is not VerbClass.NOUN for m in vpat.finditer(text, comma, t.start)):
        return None
    head = last_tokens_start(text, max(0, comma - 80), comma, _COORD_TOKENS + 1)
    found = None
    for found in pat.finditer(text, head, comma):  # noqa: B007 (the last one is kept)
        pass
    # the noun's head goes on up to the comma ("Kế hoạch quan trắc,"); "kế hoạch," ends there
    return found if found is not None and text[found.end():comma].strip() else None


def _in_quoted_title(text: str, t: TimeExpr) -> bool:
    """``t`` inside quotation marks opened right after a document noun: a title (Đề án "Phát
    triển ... giai đoạn 2021 - 2030")."""
    lo = clause_start(text, t.start, _QUOTE_CHARS)
    opening = None
    for m in _QUOTE.finditer(text, lo, t.start):
        straight = m.group() == '"'
        if m.group() == "\u201c" or (straight and opening is None):
            opening = m
        elif m.group() == "\u201d" or straight:
            opening = None
    if opening is None:
        return False
    head = last_tokens_start(text, max(0, opening.start() - 40), opening.start(), 3)
    obj = period_words()[PeriodRole.OBJECT]
    return obj is not None and any(not text[m.end():opening.start()].strip()
                                   for m in obj.finditer(text, head, opening.start()))


def _last(role: PeriodRole, text: str, lo: int, hi: int) -> regex.Match | None:
    pat = period_words()[role]
    found = None
    if pat is not None:
        for found in pat.finditer(text, lo, hi):  # noqa: B007 (the last one is kept)
            pass
    return found


def _looks_back(text: str, t: TimeExpr) -> bool:
    """A retro word ("đánh giá", "kết quả") in the window, not followed by a word that looks
    forward ("dự báo", "dự kiến"): "đánh giá tình hình ... được dự báo cho giai đoạn 2026-2028"
    states the coming span."""
    lo = _phrase_window(text, t, _RETRO_TOKENS)
    retro = _last(PeriodRole.RETRO, text, lo, t.start)
    return retro is not None and not _has(PeriodRole.FORWARD, text, retro.end(), t.start)


def _names_object(text: str, t: TimeExpr, section: bool) -> bool:
    """An object noun in the window ("Kế hoạch ... năm 2023"). In a heading or intro, a span of
    years of an object being carried out ("Các giải pháp tổ chức thực hiện kế hoạch tài chính 03
    năm 2026 - 2028", "triển khai Chương trình giai đoạn 2026-2030") is the span of the work under
    it: an implementing verb right before the (first) object noun makes it the section's period."""
    pat = period_words()[PeriodRole.OBJECT]
    lo = _phrase_window(text, t, _OBJECT_TOKENS)
    obj = pat.search(text, lo, t.start) if pat is not None else None
    if obj is None and pat is not None:
        obj = _object_before_comma(pat, text, lo, t)
    if obj is None:
        return False
    if not section or t.kind is not TimeKind.RANGE or t.first.year == t.last.year:
        return True
    verb = period_words()[PeriodRole.IMPLEMENT]
    if verb is None:
        return True
    return not any(not text[m.end():obj.start()].strip()
                   for m in verb.finditer(text, max(0, obj.start() - _VERB_CHARS), obj.start()))


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
        if (not (section and t.cue is Cue.WITHIN) and is_deadline(text, t)) or _rejected_as_period(text, t, year, as_of, section):
            continue
        yield t


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
            return TimeExpr(start, end, text[start:end], min(p.first, q.first), max(p.last, q.last),
                            TimeKind.RANGE, p.cue)
    return p
