"""Deadlines (SPEC "Deadline"): which expressions of a task's text end it, and which one counts.

In: a task's text and the notice's year. Out: the ``TimeExpr`` that are deadlines (a deadline's
date is always ``.last``), and the one that ends the task as a whole.
"""
from __future__ import annotations

import regex

from .cues import PeriodRole, VerbClass, fold, period_words, verbs
from .expr import Cue, TimeExpr, TimeKind
from .find import find_times
from .registry import FLAGS
from .window import LOOKBACK_CHARS, clause_end, clause_start, last_tokens_start

# "đã" and at most two words right before an expression: a past action.
_PAST = regex.compile(r"(?<![\p{L}\p{N}])đã(?:\s{1,3}[\p{L}\p{N}]{1,12}){0,2}\s{1,3}\Z", FLAGS)

# A year written in an expression.
_YEAR = regex.compile(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)")
# A recurrence marker of every year ("hằng năm", "mỗi năm").
_YEARLY = regex.compile(r"năm", FLAGS)
#: How far after an expression a recurrence marker may stand ("trước ngày 30/11 hằng năm").
_RECUR_AFTER_CHARS = 60

#: How many tokens before an expression are searched for its verb.
_VERB_TOKENS = 30
#: How many characters after it, when none is before.
_VERB_AFTER_CHARS = 120

#: Spans short enough that "trong" + span bounds the action when no verb of the lexicon is
#: near ("đăng tải ... trong ngày 13/8/2024", "mở 02 lớp tập huấn trong tháng 01/2024", "tiêm vắc
#: xin trong quý II"); a year or
#: longer needs a one-off verb ("đưa vào vận hành trong năm 2027"), being more often the
#: task's period, and so does a span after a weak verb only ("tổ chức tốt các hoạt động
#: trong tháng 12": the month the activities belong to).
_SHORT_SPANS = frozenset({TimeKind.DAY, TimeKind.MONTH, TimeKind.QUARTER})


def _verb_decision(hits: list[str]) -> VerbClass | None:
    """First decisive class in ``hits`` (nearest first): ONEOFF, ONGOING or None."""
    _, classes = verbs()
    for h in hits:
        c = classes.get(fold(h))
        if c in (VerbClass.ONEOFF, VerbClass.ONGOING):
            return c
    return None


def _bounds_one_off_action(text: str, t: TimeExpr) -> bool:
    pat, _ = verbs()
    lo = clause_start(text, t.start, LOOKBACK_CHARS)
    lo = last_tokens_start(text, lo, t.start, _VERB_TOKENS)
    before = [m.group() for m in pat.finditer(text, lo, t.start)]
    decision = _verb_decision(list(reversed(before)))
    after: list[str] = []
    if decision is None:
        hi = clause_end(text, t.end, _VERB_AFTER_CHARS)
        after = [m.group() for m in pat.finditer(text, t.end, hi)]
        decision = _verb_decision(after)
    if decision is None and not before and not after:
        return t.kind in _SHORT_SPANS
    return decision is VerbClass.ONEOFF


def recurs(text: str, t: TimeExpr) -> bool:
    """A date written without a year in a clause that names a recurrence ("định kỳ báo cáo trước
    ngày 20/11", "trước ngày 15 tháng 12 hằng năm"): the same day of every year, month or quarter
    (SPEC "Recurring dates"). A written year keeps it one date ("trước ngày 20/11/2025 và hằng tháng")."""
    pat = period_words()[PeriodRole.RECURRING]
    if pat is None or _YEAR.search(t.text) is not None:
        return False
    lo = clause_start(text, t.start, LOOKBACK_CHARS)
    hi = clause_end(text, t.end, _RECUR_AFTER_CHARS)
    if t.kind is TimeKind.DAY:
        return pat.search(text, lo, hi) is not None
    # a month or quarter recurs only every year ("trong tháng 12 hằng năm"); "trong quý IV, định
    # kỳ hằng tháng báo cáo" is one quarter with monthly reports in it
    return any(_YEARLY.search(m.group()) for m in pat.finditer(text, lo, hi))


# A participle that makes the span after it a qualifier of the task's object: "(các nhiệm vụ) được
# giao trong năm 2025", "(chỉ tiêu) được phê duyệt trong quý I" -- when the object arose, not when
# the task ends (as a year that names an object is not a period, SPEC "Period").
_OBJECT_QUALIFIER = regex.compile(
    r"(?<![\p{L}])(?:được|đã được|đã)\s{1,3}(?:giao|phân công|phân bổ|phê duyệt|ban hành|đề ra|xác định)\s{1,3}\Z",
    FLAGS)


def qualifies_object(text: str, t: TimeExpr) -> bool:
    """A "within" span right after a participle that qualifies the task's object (``_OBJECT_QUALIFIER``)."""
    return t.cue is Cue.WITHIN and _OBJECT_QUALIFIER.search(text, max(0, t.start - 40), t.start) is not None


def _is_past(text: str, t: TimeExpr) -> bool:
    return _PAST.search(text, max(0, t.start - 48), t.start) is not None


def is_deadline(text: str, t: TimeExpr) -> bool:
    """Whether ``t``, an expression of ``text``, is a deadline (see ``find_deadlines``)."""
    if t.cue not in (Cue.BEFORE, Cue.WITHIN) or _is_past(text, t) or recurs(text, t) or qualifies_object(text, t):
        return False
    return t.cue is Cue.BEFORE or _bounds_one_off_action(text, t)


def find_deadlines(text: str, year: int | None) -> list[TimeExpr]:
    """The expressions of a task's text that are deadlines (SPEC "Deadline"); date = ``.last``.

    A "before" cue ("trước ngày", "chậm nhất", "hạn chót", "trước 17 giờ ngày ...") makes a
    deadline; a "within" cue ("trong tháng 11/2025") does when the nearest decisive verb
    before it names a one-off action (hoàn thành, ký, ban hành, đưa vào vận hành ...) and not
    an ongoing one (tiếp tục, thường xuyên, duy trì ...). Bare dates (of documents, of
    meetings) and ranges are never deadlines; nor is anything after "đã" (a past action) or after
a participle that qualifies the object ("các nhiệm vụ được giao trong năm 2025"), nor a
    date without a year in a clause that names a recurrence ("định kỳ", "hằng năm": ``recurs``).
    """
    return [t for t in find_times(text, year) if is_deadline(text, t)]


def choose_deadline(deadlines: list[TimeExpr]) -> TimeExpr | None:
    """The deadline that ends the task as a whole: the latest; on a tie the last written."""
    if not deadlines:
        return None
    return max(deadlines, key=lambda t: (t.last, t.start))
