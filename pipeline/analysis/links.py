"""Citation links: references resolved to notices of the same corpus.

A reference whose id equals a document's own ``doc_number`` (both normalised: NFC, upper
case, no spaces, dashes unified) is a link from the citing task/document to that notice.
When the reference gives a date and the target notice has an issue date, they must agree
(``match`` = "number+date"); a date that disagrees means another notice with the same number
(numbers restart every year), so no link. Without a date on either side the link is by
number alone (``match`` = "number").
"""
from __future__ import annotations

import csv
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import regex

from ..output.cells import safe_cell

# pandas is imported where it is used: the links of a corpus need it, importing this module not.

LINK_COLUMNS = ("doc_id", "task_id", "ref_id", "target_doc_id", "match")

# every dash-like code point (hyphen, en/em dash, minus, ...) -> "-"
_DASHES = regex.compile(r"[\p{Pd}\u2212]")
_SPACES = regex.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Link:
    doc_id: str
    task_id: str | None
    ref_id: str
    target_doc_id: str
    match: str  # "number" | "number+date"


def norm_number(value) -> str:
    """A document number as a comparable key: "Số 57 /tb-bcđ389" -> "57/TB-BCĐ389"."""
    if value is None or _isna(value):
        return ""
    s = unicodedata.normalize("NFC", str(value))
    s = _SPACES.sub("", _DASHES.sub("-", s)).upper()
    s = regex.sub(r"^SỐ[:.]?", "", s)
    return unicodedata.normalize("NFC", s)


def _isna(v) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(v)) if not isinstance(v, (list, tuple)) else False
    except (TypeError, ValueError):
        return False


def _iso(v) -> str | None:
    if v is None or _isna(v):
        return None
    if hasattr(v, "date") and callable(v.date):
        return v.date().isoformat()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    s = str(v)
    return s[:10] or None


def find_links(references: list[dict], documents: list[dict]) -> list[Link]:
    """Links from reference rows (doc_id, task_id, id, date) to document rows (doc_id,
    doc_number, issue_date). A notice never links to itself. Sorted for stable output."""
    by_number: dict[str, list[dict]] = {}
    for d in documents:
        key = norm_number(d.get("doc_number"))
        if key:
            by_number.setdefault(key, []).append(d)
    out: set[Link] = set()
    for r in references:
        key = norm_number(r.get("id"))
        if not key:
            continue
        ref_date = _iso(r.get("date"))
        task_id = r.get("task_id")
        task_id = None if task_id is None or _isna(task_id) or task_id == "" else str(task_id)
        for d in by_number.get(key, []):
            if d["doc_id"] == r["doc_id"]:
                continue
            target_date = _iso(d.get("issue_date"))
            if ref_date and target_date:
                if ref_date != target_date:
                    continue
                match = "number+date"
            else:
                match = "number"
            out.add(Link(str(r["doc_id"]), task_id, key, str(d["doc_id"]), match))
    return sorted(out, key=lambda lk: (lk.doc_id, lk.task_id or "", lk.ref_id, lk.target_doc_id))


def build_links(frames: dict):
    """The links of ``frames`` (as returned by ``pipeline.read_tables``) as a DataFrame with
    columns doc_id, task_id, ref_id, target_doc_id, match."""
    import pandas as pd

    refs = frames["references"][["doc_id", "task_id", "id", "date"]].to_dict("records")
    docs = frames["documents"][["doc_id", "doc_number", "issue_date"]].to_dict("records")
    links = find_links(refs, docs)
    df = pd.DataFrame([[getattr(lk, c) for c in LINK_COLUMNS] for lk in links], columns=list(LINK_COLUMNS))
    return df.astype("string")


def write_links(links, path: str | os.PathLike) -> Path:
    """links.csv (atomic replace), text cells neutralised against spreadsheet formulas."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(LINK_COLUMNS)
        for row in links[list(LINK_COLUMNS)].itertuples(index=False):
            w.writerow([safe_cell("" if _isna(v) else str(v)) for v in row])
    os.replace(tmp, path)
    return path


def most_cited(links) -> list[tuple[str, int, int]]:
    """(target_doc_id, number of citing notices, number of citations), most cited first."""
    counts: dict[str, tuple[set, int]] = {}
    for row in links.itertuples(index=False):
        citing, n = counts.get(row.target_doc_id, (set(), 0))
        citing.add(row.doc_id)
        counts[row.target_doc_id] = (citing, n + 1)
    out = [(t, len(c), n) for t, (c, n) in counts.items()]
    return sorted(out, key=lambda x: (-x[1], -x[2], x[0]))


def chains(links, limit: int = 50) -> list[list[str]]:
    """Chains of follow-up notices: [A, B, C] when B cites A and C cites B; maximal paths from
    notices that cite no other notice of the corpus, cycles cut. Longest first."""
    follows: dict[str, set[str]] = {}  # cited -> notices citing it
    cites: dict[str, set[str]] = {}
    for row in links.itertuples(index=False):
        if row.doc_id == row.target_doc_id:
            continue
        follows.setdefault(row.target_doc_id, set()).add(row.doc_id)
        cites.setdefault(row.doc_id, set()).add(row.target_doc_id)
    roots = sorted(t for t in follows if t not in cites) or sorted(follows)
    out: list[list[str]] = []

    def walk(path: list[str]) -> None:
        if len(out) >= limit * 4:
            return
        nxt = sorted(n for n in follows.get(path[-1], ()) if n not in path)
        if not nxt:
            if len(path) > 1:
                out.append(list(path))
            return
        for n in nxt:
            walk([*path, n])

    for r in roots:
        walk([r])
    out.sort(key=lambda p: (-len(p), p))
    return out[:limit]
