"""The temporal word lists, from data files, as patterns: cue words, verbs, period words.

In: ``pipeline/data/temporal_cues.tsv`` (cue phrases before a date), ``temporal_verbs.tsv``
(verbs that make a "trong" span a deadline or not) and ``period_words.tsv`` (words that make a
year not the task's period), validated on load. Out: each as a compiled pattern and the class of
every phrase, loaded once (the loaders take no argument, so ``run.process.warm`` loads them).
"""
from __future__ import annotations

from enum import Enum
from functools import lru_cache

import regex

from ...text.lexicon import load_table
from ...text.normalise import collapse_lower
from .expr import Cue
from .registry import FLAGS


class SpanRule(str, Enum):
    """What a "before" cue makes of a span longer than a day (temporal_cues.tsv, column span)."""

    DAY_BEFORE = "day_before"  # "trước tháng 12/2025": the day before the span begins
    LAST = "last"  # "chậm nhất quý I/2026": the span itself, its last day the deadline


class VerbClass(str, Enum):
    """What a verb says of the action a "trong" span follows (temporal_verbs.tsv, column class)."""

    ONEOFF = "oneoff"  # hoàn thành, ký, ban hành: the span bounds it, a deadline
    ONGOING = "ongoing"  # tiếp tục, duy trì: the span is its period
    WEAK = "weak"  # tổ chức, thực hiện: decides nothing
    NOUN = "noun"  # decides nothing


class PeriodRole(str, Enum):
    """Why a phrase before a span makes it no period (period_words.tsv, column role)."""

    OBJECT = "object"  # "Kế hoạch ... năm 2023": the year of an object
    RETRO = "retro"  # "đánh giá kết quả ...": a look-back
    BOUNDARY = "boundary"  # where the look-back for objects stops
    VAGUE = "vague"  # "mùa mưa bão năm 2026": a vague part of the span
    SELF_OBJECT = "self_object"  # an expression that names an object itself
    FORWARD = "forward"  # "dự báo", "dự kiến": after a retro word, the span looks forward again
    IMPLEMENT = "implement"  # "thực hiện", "triển khai" right before an object noun (a heading's plan)
    TARGET = "target"  # "đạt", "mục tiêu": the year a target is to be reached, not the task's span
    PURPOSE = "purpose"  # "để", "nhằm": a span in a task's purpose clause is the goal's
    RECURRING = "recurring"  # "định kỳ", "hằng năm": a date without a year recurs, no deadline
    OPEN_END = "open_end"  # "và các năm tiếp theo", "trở đi" after a span: it has no end


#: Lower-cased, white space collapsed: the key of a phrase in the tables (the one normaliser's).
fold = collapse_lower


def phrase_regex(phrases: list[str]) -> str:
    """An alternation of phrases, longest first, spaces matching any short whitespace run."""
    alts = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "|".join(r"\s{1,3}".join(regex.escape(w) for w in p.split()) for p in alts)


def word_bounded(alt: str) -> str:
    return rf"(?<![\p{{L}}\p{{N}}])(?:{alt})(?![\p{{L}}\p{{N}}])"


def _enum_cell(enum: type[Enum], name: str, row: dict, column: str, allowed: tuple | None = None):
    try:
        value = enum(row[column])
    except ValueError:
        value = None
    if value is None or (allowed is not None and value not in allowed):
        raise ValueError(f"{name}: bad {column} in {row}")
    return value


@lru_cache(maxsize=1)
def cues() -> tuple[regex.Pattern, dict[str, tuple[Cue, SpanRule]]]:
    """A pattern of the cue phrases that end right before a position (group ``c``), and each
    folded phrase's cue and span rule."""
    rows = load_table("temporal_cues.tsv", ("phrase", "cue", "span"))
    table: dict[str, tuple[Cue, SpanRule]] = {}
    for r in rows:
        cue = _enum_cell(Cue, "temporal_cues.tsv", r, "cue", (Cue.BEFORE, Cue.WITHIN))
        table[fold(r["phrase"])] = (cue, _enum_cell(SpanRule, "temporal_cues.tsv", r, "span"))
    pat = rf"(?<![\p{{L}}\p{{N}}])(?P<c>{phrase_regex([r['phrase'] for r in rows])})[\s:]{{1,4}}\Z"
    return regex.compile(pat, FLAGS), table


@lru_cache(maxsize=1)
def verbs() -> tuple[regex.Pattern, dict[str, VerbClass]]:
    """A pattern of the verb phrases, and each folded phrase's class."""
    rows = load_table("temporal_verbs.tsv", ("phrase", "class"))
    classes = {fold(r["phrase"]): _enum_cell(VerbClass, "temporal_verbs.tsv", r, "class") for r in rows}
    return regex.compile(word_bounded(phrase_regex([r["phrase"] for r in rows])), FLAGS), classes


@lru_cache(maxsize=1)
def period_words() -> dict[PeriodRole, regex.Pattern | None]:
    """For each role, a pattern of its phrases (None when it has none); a phrase of case "cs"
    is matched case-sensitively, any other case-insensitively."""
    rows = load_table("period_words.tsv", ("phrase", "role"), ("case",))
    by_role: dict[PeriodRole, dict[str, list[str]]] = {}
    for r in rows:
        role = _enum_cell(PeriodRole, "period_words.tsv", r, "role")
        by_role.setdefault(role, {}).setdefault(r["case"] or "ci", []).append(r["phrase"])
    out: dict[PeriodRole, regex.Pattern | None] = {}
    for role in PeriodRole:
        parts = by_role.get(role, {})
        alts = []
        if parts.get("ci"):
            alts.append(f"(?i:{phrase_regex(parts['ci'])})")
        if parts.get("cs"):
            alts.append(f"(?-i:{phrase_regex(parts['cs'])})")
        out[role] = regex.compile(word_bounded("|".join(alts)), regex.VERSION0) if alts else None
    return out
