"""The task decision: which units of the body are directives (tasks).

A scored component: ``unit_features`` describes a unit (cue weights from
``data/task_cues.tsv``, the category of its section from ``data/section_cues.tsv``, its kind and
position), ``rule_score`` turns the features into a score, and ``decide`` applies the
threshold. The learned classifier of the corpus issue replaces ``rule_score`` where
cross-validation shows it is better; the features stay the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..extractors.bodies.lexicon import subject_start_pattern
from ..text import patterns as P
from ..text.lexicon import load_table

_PAREN = regex.compile(r"\([^()\n]{0,400}\)")
_SUBJECT_START = regex.compile(subject_start_pattern())
_TOPIC_HEADING = regex.compile(P.SEG_TOPIC_HEADING)

_LEADING_CONNECTIVE = regex.compile(
    r"(?i)^(?:[\"“(]?\s*)(?:đồng thời|bên cạnh đó|ngoài ra|mặt khác|trong đó|trước mắt|trước tiên|"
    r"trong thời gian tới|thời gian tới|sau đó|cùng với đó|theo đó|để [^,]{1,120})\s*,\s*"
)


@dataclass(frozen=True, slots=True)
class Decision:
    is_task: bool
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Features:
    kind: str  # heading | item | para | sentence
    category: str | None  # directive | assessment | None (unknown)
    intro: bool
    closing: bool
    n_words: int
    ends_sentence: bool
    cue_score: float
    cues: tuple[str, ...]


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[regex.Pattern, float, str, str], ...]:
    out = []
    for row in load_table("task_cues.tsv", ("cue", "weight", "where")):
        if row["where"] not in ("start", "any"):
            raise ValueError(f"task_cues.tsv: bad where {row['where']!r}")
        out.append((regex.compile(r"(?<![\p{L}])" + regex.escape(row["cue"]) + r"(?![\p{L}])", regex.I),
                    float(row["weight"]), row["where"], row["cue"]))
    return tuple(out)


#: Kinds of body_heads.tsv that open a subject as they stand, and the kind that needs a name.
_SUBJECT_KINDS = ("complete", "complement", "part", "role", "role_alone", "org")


@lru_cache(maxsize=1)
def _subject_head_start() -> regex.Pattern:
    """A unit that opens with a head noun of the body lexicon (``P.SUBJECT_HEAD_START``)."""
    rows = load_table("body_heads.tsv", ("head", "canonical", "body_type", "kind", "scope"))
    heads = {r["head"].lower() for r in rows if r["kind"] in _SUBJECT_KINDS}
    domains = {r["head"].lower() for r in rows if r["kind"] == "domain"}
    return regex.compile(P.SUBJECT_HEAD_START.format(heads=P.word_set(heads), domains=P.word_set(domains)))


@lru_cache(maxsize=1)
def _section_cues() -> tuple[tuple[regex.Pattern, str], ...]:
    out = []
    for row in load_table("section_cues.tsv", ("cue", "category")):
        if row["category"] not in ("directive", "assessment"):
            raise ValueError(f"section_cues.tsv: bad category {row['category']!r}")
        out.append((regex.compile(r"(?<![\p{L}])" + regex.escape(row["cue"]) + r"(?![\p{L}])", regex.I),
                    row["category"]))
    return tuple(out)


def section_category(heading: str) -> str | None:
    """directive | assessment | None for a heading's text: the earliest cue decides; a topic
    heading of a conclusion ("1. Về nguồn vốn, tín dụng") introduces directives."""
    if _TOPIC_HEADING.match(heading):
        return "directive"
    best: tuple[int, str] | None = None
    for rx, cat in _section_cues():
        m = rx.search(heading)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), cat)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _cue_index() -> tuple[P.BoundedWords, dict[str, tuple[int, float, str]], dict[str, tuple[str, ...]]]:
    """One pattern for all cues (longest first, overlapping matches), each cue's (order, weight,
    where), and for each cue the shorter cues it begins with ("chủ trì" in "chủ trì hội nghị")."""
    info = {cue.lower(): (i, w, where) for i, (_, w, where, cue) in enumerate(_cues())}
    # on lower-cased text (cue_score lowers it): cheaper than matching ignoring case
    rx = P.BoundedWords(P.word_set(info))
    prefixes = {c: tuple(p for p in info if p != c and c.startswith(p + " ")) for c in info}
    return rx, info, prefixes


def unit_categories(units, texts: list[str], skip: frozenset[int] | set[int] = frozenset()) -> list[str | None]:
    """The section category of each unit of a segmented notice: a heading's own category (or
    its parent's, but none below a Roman/Part heading); else the parent's; else the category of
    the list intro ("... các nhiệm vụ sau:") that stands before it among its siblings. Units in
    ``skip`` (labelled fields) take no part. ``texts`` are the units' own texts."""
    cats: list[str | None] = [None] * len(units)
    intro_cat: dict[int | None, str | None] = {}
    for i, u in enumerate(units):
        if i in skip:
            continue
        parent_cat = cats[u.parent] if u.parent is not None else None
        if u.kind == "heading":
            cats[i] = section_category(texts[i]) or (parent_cat if u.style not in ("roman", "part") else None)
            continue
        category = parent_cat
        if category is None and u.parent in intro_cat:
            category = intro_cat[u.parent]
        if u.intro and u.kind == "para":
            intro_cat[u.parent] = section_category(texts[i]) or category
        cats[i] = category
    return cats


def cue_score(text: str) -> tuple[float, tuple[str, ...]]:
    """Sum of cue weights, each cue once; "start" cues only where the unit's text opens
    (after a connective such as "Đồng thời,"); glosses in parentheses do not count. A unit that
    opens with a subject (a body's head noun or an introducer) scores as a cue "subject"."""
    text = _PAREN.sub(" ", text)
    body = _LEADING_CONNECTIVE.sub("", text, count=1)
    head = " ".join(body.split()[:4])
    rx, info, prefixes = _cue_index()
    hits: set[str] = set()
    for c in rx.overlapped(text.lower()):
        hits.add(c)
        hits.update(prefixes.get(c, ()))
    starts: set[str] = set()
    for m in (rx.match(head.lower()), rx.match(body.lower())):
        if m is not None:
            c = m.group()
            starts.add(c)
            starts.update(prefixes.get(c, ()))
    score = 0.0
    found = []
    for c in sorted(hits | starts, key=lambda k: info[k][0]):
        _, w, where = info[c]
        if where == "any" or c in starts:
            score += w
            found.append(_cues()[info[c][0]][3])
    if _SUBJECT_START.match(body) or _subject_head_start().match(body):
        score += 2
        found.append("subject")
    return score, tuple(found)


def unit_features(text: str, kind: str, category: str | None, intro: bool, closing: bool = False) -> Features:
    s, cues = cue_score(text)
    ends = text.rstrip().endswith((".", ";", "!", "?", "…", ":", "./.", ")", "”", '"'))
    return Features(kind, category, intro, closing, len(text.split()), ends, s, cues)


def rule_score(f: Features) -> float:
    """A score > 0 means "task". Items of a directive section are tasks unless they are formulas."""
    if f.kind == "heading" or f.closing:
        return -10.0
    if f.category == "assessment":
        return -5.0
    if f.intro and f.kind == "para":
        return -1.0  # a list intro announces the items; its addressees pass to them
    if f.kind in ("item", "row"):
        if f.category == "directive" or f.kind == "row":
            return 3.0
        # an item of a conclusion with no section heading: a directive unless the cues
        # clearly say assessment
        return 1.0 + f.cue_score if f.cue_score <= -3 else 1.0 + max(f.cue_score, 0.0)
    if f.n_words < 5 or (not f.ends_sentence and f.n_words < 12):
        return -3.0  # a byline, a caption, a fragment
    base = 0.5 if f.category == "directive" else -1.0
    return base + f.cue_score


def decide(f: Features) -> Decision:
    score = rule_score(f)
    return Decision(score > 0, score, f.cues)
