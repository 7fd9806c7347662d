"""Field labels: the words that name a field of a task, from ``data/field_labels.tsv``.

In: a sub-item's text or a table header cell. Out: the field kind it names (lead, support, time,
task, ref, other). Two uses of one vocabulary:

- a *labelled sub-item* of a task, "- Cơ quan chủ trì: Công an huyện.": :data:`field_label`
  matches the label and its colon (the named group is the kind);
- a *table header cell*, "Cơ quan phối hợp": :func:`column_kind` gives the kind of the column.
"""
from __future__ import annotations

from functools import cache
from typing import Literal, get_args

import regex

from ..text.lexicon import LexiconError, load_table

#: The fields a task's sub-items and table columns name.
FieldKind = Literal["lead", "support", "time", "task", "ref", "other"]
FIELD_KINDS: tuple[str, ...] = get_args(FieldKind)
_USES = ("label", "column")
_FILE = "field_labels.tsv"


@cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    """(kind, use, phrase) of each row, in the file's order; validated."""
    out = []
    for row in load_table(_FILE, ("kind", "use", "phrase")):
        if row["kind"] not in FIELD_KINDS:
            raise LexiconError(f"{_FILE}: unknown kind {row['kind']!r}")
        if row["use"] not in _USES:
            raise LexiconError(f"{_FILE}: unknown use {row['use']!r}")
        out.append((row["kind"], row["use"], row["phrase"]))
    return tuple(out)


@cache
def _phrases() -> dict[str, dict[str, tuple[str, ...]]]:
    """use -> kind -> phrases, kinds in the order of their first row."""
    out: dict[str, dict[str, list[str]]] = {use: {} for use in _USES}
    for kind, use, phrase in _rows():
        out[use].setdefault(kind, []).append(phrase)
    return {use: {k: tuple(v) for k, v in kinds.items()} for use, kinds in out.items()}


def _alternation(phrases: tuple[str, ...]) -> str:
    """The phrases as an alternation, longest first, words separated by spaces or tabs."""
    return "|".join(r"[ \t]+".join(regex.escape(w) for w in p.lower().split())
                    for p in sorted(phrases, key=lambda p: (-len(p), p)))


@cache
def field_label() -> regex.Pattern:
    """A sub-item's field label at the match position: optional spaces, the label, a colon and
    the spaces after it; ``lastgroup`` is the field kind."""
    groups = "|".join(f"(?P<{kind}>{_alternation(phrases)})" for kind, phrases in _phrases()["label"].items())
    return regex.compile(r"(?i)[ \t]*(?:" + groups + r")[ \t]*:[ \t]*")


#: Words that open a time value: after them a time label needs no colon.
_TIME_VALUE_START = (r"(?:sau khi|trước|trong|từ|đến|kể từ|chậm nhất|ngay sau|năm|quý|tháng|ngày|thường xuyên|"
                     r"hằng|định kỳ|\d)")


@cache
def bare_time_label() -> regex.Pattern:
    """A time label written without its colon, before a time value ("Thời gian thực hiện sau khi
    Đề án được phê duyệt.", "Thời gian hoàn thành trong quý II/2026"): the group "time", as
    :func:`field_label` names it; the match ends before the value."""
    return regex.compile(r"(?i)[ \t]*(?P<time>" + _alternation(_phrases()["label"]["time"]) + r")[ \t]+(?="
                         + _TIME_VALUE_START + r"(?!\p{L}))")


@cache
def _column_kinds() -> tuple[tuple[str, regex.Pattern], ...]:
    """One pattern per run of consecutive column rows of one kind, in the file's order (a kind
    may come back: "thực hiện" is lead only after the task words had their turn)."""
    runs: list[tuple[str, list[str]]] = []
    for kind, use, phrase in _rows():
        if use != "column":
            continue
        if not runs or runs[-1][0] != kind:
            runs.append((kind, []))
        runs[-1][1].append(phrase)
    return tuple((kind, regex.compile(r"(?i)(?<!\p{L})(?:" + _alternation(tuple(ps)) + r")(?!\p{L})"))
                 for kind, ps in runs)


def column_kind(cell: str) -> str | None:
    """The field kind a table header cell names (the kind of the first row, in the file's order,
    whose words it contains), or None."""
    return next((kind for kind, rx in _column_kinds() if rx.search(cell)), None)


#: A line that states the roles ("Sở Y tế chủ trì, phối hợp với ..."): under an empty lead label,
#: the label's value.
_ROLE_LINE = regex.compile(r"(?i)(?<!\p{L})chủ trì(?!\p{L})")


def _role_lines(text: str, units: list, i: int, label: regex.Pattern,
                fields: dict[int, dict[str, tuple[int, int]]], members: set[int]) -> None:
    """A lead label with nothing after its colon over sub-items ("- Cơ quan thực hiện:" / "+ Sở Y
    tế chủ trì, phối hợp với ..." / "+ Sở Xây dựng đăng tải ..."): the first sub-item that states
    the roles is the value of the field of the label's parent; the others are items of their own."""
    u = units[i]
    m = label.match(text, u.start, u.end)
    if m is None or m.lastgroup != "lead" or text[m.end():u.end].strip():
        return
    for j in u.children:
        c = units[j]
        if c.kind == "item" and _ROLE_LINE.search(text, c.start, c.end):
            members.add(j)
            fields.setdefault(u.parent, {}).setdefault("lead", (c.start, c.end))
            return


def field_children(text: str, units: list) -> tuple[dict[int, dict[str, tuple[int, int]]], set[int]]:
    """The labelled sub-items of units ("- Cơ quan chủ trì: Công an huyện.", "- Thời gian hoàn
    thành: ..."; plans often write a task's fields so): per parent unit, field kind -> the
    (start, end) of its value, and the set of those sub-items. ``units``: the
    :class:`~.segment.Unit` list of a segmented notice."""
    fields: dict[int, dict[str, tuple[int, int]]] = {}
    members: set[int] = set()
    closing: set[int] = set()  # items whose fields are unmarked lines after them
    label, bare = field_label(), bare_time_label()
    for i, u in enumerate(units):
        if u.parent is None:
            continue
        if u.kind == "heading":
            _role_lines(text, units, i, label, fields, members)
            continue
        m = label.match(text, u.start, u.end) or bare.match(text, u.start, u.end)
        if m is None:
            continue
        members.add(i)
        fields.setdefault(u.parent, {}).setdefault(m.lastgroup, (m.end(), u.end))
        if u.kind == "para" and u.style is None:
            closing.add(u.parent)
    # unmarked field lines that close a group of bullets are fields of each bullet of the group
    # ("- task A" / "- task B" / "Đơn vị chủ trì: ..."): back to a sibling with fields of its own
    for i in sorted(closing):
        u = units[i]
        siblings = units[u.parent].children if u.parent is not None else [
            j for j, x in enumerate(units) if x.parent is None]
        for j in reversed(siblings[:siblings.index(i)]):
            if j in fields or j in members or units[j].kind != "item" or units[j].style != u.style:
                break
            fields[j] = dict(fields[i])
    return fields, members
