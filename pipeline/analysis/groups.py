"""Groups of notices for the report: one label per notice, the largest groups kept, the rest "other".

In: the documents table (``vntasks.read_tables``) and a dimension (province, level, issuer,
district, doc_type, year). Out: each notice's group label (:func:`doc_groups`), the groups a
chart shows (:func:`group_notices`: the ``top`` largest, then one "other" group and the unknown
group) and the notices that duplicate an earlier input (:func:`drop_duplicates`).
"""
from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..output.tables import duplicate_map
from ..text.normalise import strip_accents

DIMENSIONS = ("province", "level", "issuer", "district", "doc_type", "year")
#: dimensions whose groups keep their natural order (not the largest first)
ORDERED = ("level", "year")
LEVEL_ORDER = ("xã", "huyện", "tỉnh", "trung ương")
UNKNOWN = "(không rõ)"
FLAG = "⚑"
SMALL_GROUP = 5
TOP = 10
#: characters per line of a group's name on a chart axis
WRAP = 26


def other_label(n_groups: int) -> str:
    return f"other ({n_groups} groups)"


def sort_key(label: str) -> tuple:
    """Vietnamese-friendly, deterministic order: levels first in their order, diacritics folded,
    unknown last."""
    if label == UNKNOWN:
        return (2, "", label)
    if label in LEVEL_ORDER:
        return (0, f"{LEVEL_ORDER.index(label):02d}", label)
    return (1, strip_accents(label), label)


def _str_or_unknown(v) -> str:
    import pandas as pd

    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return UNKNOWN
    s = str(v).strip()
    return s or UNKNOWN


def doc_groups(documents, by: str) -> dict[str, str]:
    """doc_id -> group label for dimension ``by``; missing values are "(không rõ)"; the year is
    the meeting's, else the issue date's."""
    import pandas as pd

    if by not in DIMENSIONS:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(DIMENSIONS)}")
    out = {}
    for row in documents.itertuples(index=False):
        if by == "year":
            d = row.meeting_date if not pd.isna(row.meeting_date) else row.issue_date
            out[row.doc_id] = UNKNOWN if pd.isna(d) else str(d.year)
        else:
            out[row.doc_id] = _str_or_unknown(getattr(row, by))
    return out


@dataclass(frozen=True, slots=True)
class Group:
    """A group as charts and tables show it: its label, its size, whether it is small (fewer
    notices than ``--min-notices``, flagged) and, for "other", the groups merged into it."""

    label: str
    n_docs: int
    n_tasks: int
    small: bool
    members: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        return f"{self.label} {FLAG}" if self.small else self.label

    @property
    def axis_label(self) -> str:
        """The label on a chart axis: the name wrapped on two lines at most, and the size."""
        lines = textwrap.wrap(self.label, WRAP) or [self.label]
        if len(lines) > 2:
            lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), WRAP, placeholder="…")]
        flag = f" {FLAG}" if self.small else ""
        return "\n".join(lines) + f"{flag} (n={self.n_docs})"


@dataclass
class Grouping:
    """Every notice's fine group (``fine``: doc_id -> label), the groups charts and tables show
    (``groups``, in order) and each fine label's shown group (``shown_of``)."""

    fine: dict[str, str]
    groups: list[Group]
    all_groups: list[Group]
    shown_of: dict[str, str] = field(default_factory=dict)

    def of(self, doc_id: str) -> str:
        """The shown group of a notice ("other" when its own group is not among the top)."""
        return self.shown_of.get(self.fine.get(doc_id, UNKNOWN), UNKNOWN)


def group_notices(documents, by: str, n_tasks: Mapping[str, int], top: int = TOP,
                  min_notices: int = SMALL_GROUP) -> Grouping:
    """Group the notices of ``documents`` by ``by``: the ``top`` largest groups (most notices,
    then name) are shown as they are, in natural order for level and year and largest first
    otherwise; the others, and (but for level and year) groups of a single notice when larger
    groups exist, are merged into one "other (k groups)"; the unknown group stays on its own, last. ``n_tasks``: doc_id
    -> tasks of that notice."""
    fine = doc_groups(documents, by)
    docs_in: Counter = Counter(fine.values())
    tasks_in: Counter = Counter()
    for doc_id, g in fine.items():
        tasks_in[g] += int(n_tasks.get(doc_id, 0))

    def make(label: str, members: tuple[str, ...] = ()) -> Group:
        n = sum(docs_in[m] for m in members) if members else docs_in[label]
        t = sum(tasks_in[m] for m in members) if members else tasks_in[label]
        return Group(label, n, t, n < min_notices, members)

    known = [g for g in docs_in if g != UNKNOWN]
    by_size = sorted(known, key=lambda g: (-docs_in[g], sort_key(g)))
    kept, rest = by_size[:top], by_size[top:]
    singles = [g for g in kept if docs_in[g] == 1]
    if by not in ORDERED and len(singles) > 1 and len(kept) > len(singles):  # one notice compares nothing
        kept, rest = [g for g in kept if docs_in[g] > 1], singles + rest
    if len(rest) == 1:  # "other (1 groups)" says less than the group itself
        kept, rest = by_size, []
    if by in ORDERED:
        kept = sorted(kept, key=sort_key)
    groups = [make(g) for g in kept]
    shown_of = {g: g for g in kept}
    if rest:
        other = make(other_label(len(rest)), tuple(sorted(rest, key=sort_key)))
        groups.append(other)
        shown_of.update({g: other.label for g in rest})
    if UNKNOWN in docs_in:
        groups.append(make(UNKNOWN))
        shown_of[UNKNOWN] = UNKNOWN
    all_groups = [make(g) for g in sorted(docs_in, key=sort_key)]
    return Grouping(fine, groups, all_groups, shown_of)


def drop_duplicates(frames: dict, records: list[dict]) -> tuple[dict, list[dict], dict[str, str]]:
    """The tables and documents.jsonl records without the notices that duplicate an earlier
    input (``duplicate_of``, or the same sha256 / number and issuer when the column is empty),
    and the duplicates found (doc_id -> original)."""
    docs = frames["documents"]
    dups = duplicate_map(docs.to_dict("records"))
    if "duplicate_of" in docs.columns:
        dups.update({d: o for d, o in zip(docs["doc_id"], docs["duplicate_of"], strict=True)
                     if isinstance(o, str) and o})
    dups = {d: o for d, o in dups.items() if d != o}  # one path given twice: one doc_id, kept
    if not dups:
        return frames, records, {}
    out = {name: (df[~df["doc_id"].isin(dups)].reset_index(drop=True) if "doc_id" in df.columns else df)
           for name, df in frames.items()}
    return out, [r for r in records if r.get("doc_id") not in dups], dups
