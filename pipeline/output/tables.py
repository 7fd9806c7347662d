"""Flat tables of the SPEC: rows from Documents, column lists and dtypes, typed DataFrames.

In: :class:`~..model.Document` records (or the rows and files written from them). Out: the rows
of the tables, their CSV lines, their Arrow schema and typed pandas DataFrames.

The column lists start with the SPEC's columns in its order; added columns follow. Lists are
joined with "; " in CSV, dates are ISO, a null is an empty cell, text cells follow the CSV cell
policy of :mod:`.cells`.

One dtype policy for every table, whether read from CSV or Parquet (``type_frame``,
``type_parquet_frame``, :func:`read_table`): text ``string`` (missing values ``<NA>``), dates
``datetime64[ms]`` (``NaT``), integers ``Int64``, floats ``Float64``, booleans ``boolean`` and
lists as Python lists of str (``object``; an empty list, never a missing value).

Duplicate inputs: ``documents`` has a ``duplicate_of`` column, the doc_id of the earlier input
with the same sha256, or with the same doc_number and issuer (:class:`Duplicates`).
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Document, Stage, Status, iso
from ..text.normalise import fold, ref_id
from .cells import needs_quote, unsafe_cell

if TYPE_CHECKING:
    from .seen import DiskMap

# pandas is imported inside the functions that make frames: extraction and the CSV rows never load it.

TASK_COLUMNS = (
    "doc_id", "task_id", "parent_id", "label", "section", "text", "responsible", "support", "deadline",
    "period_start", "period_end", "references", "start", "end", "doc_number", "doc_type", "level",
    "province", "meeting_date",
    # added
    "responsible_inherited", "body_types", "deadline_text", "period_text", "period_inherited",
    "district", "issuer", "issue_date", "score",
)
REFERENCE_COLUMNS = ("doc_id", "task_id", "id", "type", "number", "symbol", "date", "issuer", "text", "start", "end")
DOCUMENT_COLUMNS = (
    "doc_id", "source", "sha256", "status", "doc_type", "doc_number", "title", "issuer", "level", "province",
    "district", "issue_date", "meeting_date", "chair_name", "chair_title", "signer_name", "signer_title", "n_tasks",
    # added
    "n_references", "recipients", "input_format", "encoding", "errors", "duplicate_of",
)
ERROR_COLUMNS = ("source", "stage", "error")

class ColumnType(Enum):
    """The type of a column: its pandas dtype when read back (``type_frame``), its Arrow type
    in the Parquet files (:func:`arrow_schema`). A column not listed in ``COLUMN_TYPES`` is TEXT."""

    TEXT = "string"
    DATE = "datetime64[ms]"
    INT = "Int64"
    FLOAT = "Float64"
    BOOL = "boolean"
    LIST = "list"  # a list of strings (object dtype in pandas)


_T = ColumnType
#: The column types of the tables, defined once: every column not named here is TEXT.
COLUMN_TYPES: dict[str, dict[str, ColumnType]] = {
    "tasks": {"responsible": _T.LIST, "support": _T.LIST, "deadline": _T.DATE, "period_start": _T.DATE,
              "period_end": _T.DATE, "references": _T.LIST, "start": _T.INT, "end": _T.INT,
              "meeting_date": _T.DATE, "responsible_inherited": _T.BOOL, "body_types": _T.LIST,
              "period_inherited": _T.BOOL, "issue_date": _T.DATE, "score": _T.FLOAT},
    "references": {"date": _T.DATE, "start": _T.INT, "end": _T.INT},
    "documents": {"issue_date": _T.DATE, "meeting_date": _T.DATE, "n_tasks": _T.INT, "n_references": _T.INT,
                  "recipients": _T.LIST, "errors": _T.LIST},
    "errors": {},
}


def column_type(table: str, column: str) -> ColumnType:
    return COLUMN_TYPES[table].get(column, ColumnType.TEXT)


COLUMNS = {"tasks": TASK_COLUMNS, "references": REFERENCE_COLUMNS, "documents": DOCUMENT_COLUMNS,
           "errors": ERROR_COLUMNS}


def _columns_of(kind: ColumnType) -> dict[str, tuple[str, ...]]:
    """Per table, its columns of type ``kind`` in column order."""
    return {name: tuple(c for c in cols if column_type(name, c) is kind) for name, cols in COLUMNS.items()}


LIST_COLUMNS = _columns_of(ColumnType.LIST)
DATE_COLUMNS = _columns_of(ColumnType.DATE)
INT_COLUMNS = _columns_of(ColumnType.INT)
BOOL_COLUMNS = _columns_of(ColumnType.BOOL)
FLOAT_COLUMNS = _columns_of(ColumnType.FLOAT)


def task_rows(doc: Document) -> list[dict]:
    rows = []
    for t in doc.tasks:
        leads = [b for b in t.responsible if b.role == "lead"]
        rows.append({
            "doc_id": doc.doc_id, "task_id": t.task_id, "parent_id": t.parent_id, "label": t.label,
            "section": t.section, "text": t.text,
            "responsible": [b.name for b in leads],
            "support": [b.name for b in t.responsible if b.role == "support"],
            "deadline": iso(t.deadline.date) if t.deadline else None,
            "period_start": iso(t.period.start) if t.period else None,
            "period_end": iso(t.period.end) if t.period else None,
            "references": list(t.references), "start": t.start, "end": t.end,
            "doc_number": doc.doc_number, "doc_type": doc.doc_type, "level": doc.level,
            "province": doc.province, "meeting_date": iso(doc.meeting_date),
            "responsible_inherited": bool(leads) and all(b.inherited for b in leads),
            "body_types": [b.body_type or "" for b in leads],
            "deadline_text": t.deadline.text if t.deadline else None,
            "period_text": t.period.text if t.period else None,
            "period_inherited": t.period.inherited if t.period else None,
            "district": doc.district, "issuer": doc.issuer, "issue_date": iso(doc.issue_date), "score": t.score,
        })
    return rows


def reference_rows(doc: Document) -> list[dict]:
    return [{"doc_id": doc.doc_id, "task_id": r.task_id, "id": r.id, "type": r.type, "number": r.number,
             "symbol": r.symbol, "date": iso(r.date), "issuer": r.issuer, "text": r.text, "start": r.start, "end": r.end}
            for r in doc.references]


def document_row(doc: Document) -> dict:
    return {
        "doc_id": doc.doc_id, "source": doc.source, "sha256": doc.sha256, "status": doc.status,
        "doc_type": doc.doc_type, "doc_number": doc.doc_number, "title": doc.title, "issuer": doc.issuer,
        "level": doc.level, "province": doc.province, "district": doc.district, "issue_date": iso(doc.issue_date),
        "meeting_date": iso(doc.meeting_date),
        "chair_name": doc.chair.name if doc.chair else None, "chair_title": doc.chair.title if doc.chair else None,
        "signer_name": doc.signer.name if doc.signer else None,
        "signer_title": doc.signer.title if doc.signer else None,
        "n_tasks": len(doc.tasks), "n_references": len(doc.references), "recipients": list(doc.recipients),
        "input_format": doc.input_format, "encoding": doc.encoding, "errors": list(doc.errors),
        "duplicate_of": None,  # known only beside the earlier inputs: Duplicates.mark
    }


def error_rows(doc: Document) -> list[dict]:
    if doc.status == "ok":
        return []
    return [{"source": doc.source, "stage": doc.error_stage or "extract", "error": e} for e in doc.errors]


@dataclass(slots=True)
class Encoded:
    """One notice as the writers take it: its documents.jsonl line and the rows of every table
    (plus the source text to save when it is not the file itself). It is also what the refresh
    cache stores, so a cached notice is written without being extracted again."""

    doc_id: str
    source: str
    status: Status
    error_stage: Stage | None
    errors: list[str]
    json_line: str
    tasks: list[dict]
    references: list[dict]
    document: dict
    error_rows: list[dict]
    text_path: str | None = None
    text: str | None = None
    cached: bool = field(default=False)
    # made by the worker so that the main process only writes (not stored in the cache):
    csv: dict[str, str] | None = None  # table -> its CSV lines for this notice (``tables.csv_lines``)
    cache_json: str | None = None  # the cache entry, serialised

def encode(doc: Document, text: str | None) -> Encoded:
    """The rows of ``doc``; ``text`` is its source text, kept when the Document has a text_path."""
    return Encoded(doc.doc_id, doc.source, doc.status, doc.error_stage, list(doc.errors),
                   json.dumps(doc.to_dict(), ensure_ascii=False), task_rows(doc), reference_rows(doc),
                   document_row(doc), error_rows(doc), doc.text_path, text if doc.text_path else None)


_QUOTE_FIRST = ("=", "+", "-", "@", "\t", "\r", "'")  # cells.needs_quote is asked only for these


def cell(value) -> str:
    """A CSV cell: lists joined with "; ", None empty, booleans as true/false, dates ISO, and
    text that a spreadsheet would compute neutralised with "'" (:mod:`.cells`: "=1+1" and
    "-cmd|..." are, the labels "-", "+" and "- a" are not)."""
    if type(value) is str:  # the common case first (one call per cell saved)
        return "'" + value if value.startswith(_QUOTE_FIRST) and needs_quote(value) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    s = "; ".join(str(v) for v in value) if isinstance(value, (list, tuple)) else str(value)
    return "'" + s if needs_quote(s) else s


def csv_lines(name: str, rows: Iterable[dict]) -> str:
    """The CSV lines of ``rows`` of table ``name`` (its columns, ``cell`` format, "\n" endings):
    the bytes the writers append, made where the rows are made (in a worker)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = COLUMNS[name]
    for r in rows:
        w.writerow([cell(r[c]) for c in cols])
    return buf.getvalue()


def csv_tables(enc: Encoded) -> dict[str, str]:
    """The CSV lines of every table for one encoded notice."""
    return {"tasks": csv_lines("tasks", enc.tasks), "references": csv_lines("references", enc.references),
            "documents": csv_lines("documents", [enc.document]), "errors": csv_lines("errors", enc.error_rows)}


def frames_from_rows(rows: dict[str, list[dict]]):
    """Typed DataFrames from row dicts: dates datetime64, lists lists, ints Int64, bools boolean."""
    import pandas as pd

    out = {}
    for name, cols in COLUMNS.items():
        df = pd.DataFrame(rows.get(name, []), columns=list(cols))
        out[name] = type_frame(name, df, from_csv=False)
    return out


def _blank(v) -> bool:
    if v is None or (isinstance(v, str) and v == ""):
        return True
    try:
        return v != v  # NaN, NaT
    except TypeError:  # pd.NA
        return True


def _dates(series):
    """A column of ISO strings, datetime.date or Timestamps (or blanks) as datetime64[ms]."""
    import pandas as pd

    vals = series.map(lambda v: None if _blank(v) else v)
    return pd.to_datetime(vals, format="%Y-%m-%d", errors="coerce").astype(ColumnType.DATE.value)


def type_frame(name: str, df, from_csv: bool = True):
    """``df`` (a table read from CSV as str, or made from rows when not ``from_csv``) with the
    dtypes of the policy (module docstring). CSV cells neutralised by :mod:`.cells` are given
    back as written; an empty text is a missing value (a CSV cannot tell them apart)."""
    import pandas as pd

    text = unsafe_cell if from_csv else _same
    for c in df.columns:
        kind = column_type(name, c)
        col = df[c]
        if kind is ColumnType.DATE:
            df[c] = _dates(col)
        elif kind is ColumnType.INT or kind is ColumnType.FLOAT:
            df[c] = pd.to_numeric(col.map(lambda v: None if _blank(v) else v)).astype(kind.value)
        elif kind is ColumnType.BOOL:
            df[c] = col.map(lambda v: None if _blank(v) else (v if isinstance(v, bool) else str(v).lower() == "true")
                            ).astype(kind.value)
        elif kind is ColumnType.LIST:
            df[c] = col.map(lambda v: _as_list(text(v)))
        else:
            df[c] = col.map(lambda v: None if _blank(v) else text(v)).astype(kind.value)
    return df


def _same(v):
    return v


def type_parquet_frame(name: str, df):
    """A table read from Parquet with the same dtypes as :func:`type_frame` gives a CSV."""
    import pandas as pd

    for c in df.columns:
        kind = column_type(name, c)
        if kind is ColumnType.DATE:
            df[c] = pd.to_datetime(df[c]).astype(kind.value)
        elif kind is ColumnType.LIST:
            df[c] = df[c].map(_as_list)
        elif kind is ColumnType.TEXT:
            df[c] = df[c].map(lambda v: None if _blank(v) else v).astype(kind.value)
        else:
            df[c] = df[c].astype(kind.value)
    return df


def read_table(out_dir: str | os.PathLike, name: str):
    """Table ``name`` of an output folder as a typed DataFrame: from ``name.parquet`` when the
    folder has one, else from ``name.csv`` (the same dtypes either way)."""
    import pandas as pd

    out_dir = Path(out_dir)
    pq = out_dir / f"{name}.parquet"
    if pq.exists():
        return type_parquet_frame(name, pd.read_parquet(pq))
    df = pd.read_csv(out_dir / f"{name}.csv", dtype=str, keep_default_na=False)
    return type_frame(name, df)


def read_table_files(out_dir: str | os.PathLike) -> dict:
    """Every table of an output folder (:func:`read_table`): what ``vntasks.read_tables`` gives."""
    return {name: read_table(out_dir, name) for name in COLUMNS}


def arrow_schema(name: str):
    """The Arrow schema of table ``name``'s Parquet file: one field per column, in column order."""
    import pyarrow as pa

    arrow = {ColumnType.TEXT: pa.string(), ColumnType.DATE: pa.date32(), ColumnType.INT: pa.int64(),
             ColumnType.FLOAT: pa.float64(), ColumnType.BOOL: pa.bool_(), ColumnType.LIST: pa.list_(pa.string())}
    return pa.schema([pa.field(c, arrow[column_type(name, c)]) for c in COLUMNS[name]])


def _as_list(v) -> list:
    if v is None or (isinstance(v, float) and v != v):
        return []
    if isinstance(v, (list, tuple)):
        return list(v)
    if hasattr(v, "tolist"):
        return list(v.tolist())
    s = str(v)
    return [x for x in s.split("; ") if x] if s else []


def rows_of(docs: Iterable[Document]) -> dict[str, list[dict]]:
    """The rows of every table for ``docs``, duplicates marked (:class:`Duplicates`)."""
    rows: dict[str, list[dict]] = {"tasks": [], "references": [], "documents": [], "errors": []}
    dups = Duplicates()
    for d in docs:
        rows["tasks"].extend(task_rows(d))
        rows["references"].extend(reference_rows(d))
        row = document_row(d)
        row["duplicate_of"] = dups.original_of(row)
        rows["documents"].append(row)
        rows["errors"].extend(error_rows(d))
    return rows


# ---------------------------------------------------------------- duplicate inputs

def duplicate_key(doc_number, issuer) -> tuple[str, str] | None:
    """The key under which two notices are the same notice: (number as a reference id, issuer
    folded), or None when either is missing. "Số 57 /TB-UBND" of "UBND huyện X" and
    "57/TB-UBND" of "ubnd huyện x" are one key."""
    if _blank(doc_number) or _blank(issuer):
        return None
    number, name = ref_id(str(doc_number)), fold(str(issuer))
    return (number, name) if number and name else None


class Duplicates:
    """Duplicate inputs, in input order: the first input with a given sha256, or a given
    :func:`duplicate_key`, is the original; a later one is a duplicate of it (the same file
    twice, or one notice as .txt, .pdf and a TCVN3 copy).

    ``mark(enc)`` is for the writers (the main process sees every input in order; a worker sees
    one): it fills ``duplicate_of`` of the notice's document row and its CSV line."""

    __slots__ = ("_by_key", "_by_sha")

    def __init__(self, by_sha: dict | DiskMap | None = None, by_key: dict | DiskMap | None = None) -> None:
        """``by_sha`` and ``by_key``: where to keep the originals (dicts unless given: the writer
        gives :class:`~.seen.DiskMap` stores, so that a large run stays flat in memory)."""
        self._by_sha = {} if by_sha is None else by_sha
        self._by_key = {} if by_key is None else by_key

    def original_of(self, document: Mapping) -> str | None:
        """The doc_id of the earlier input ``document`` (a documents row) duplicates, or None;
        ``document`` is remembered as an original when it is none."""
        doc_id = str(document["doc_id"])
        sha = document.get("sha256")
        sha = None if _blank(sha) else str(sha)
        key = duplicate_key(document.get("doc_number"), document.get("issuer"))
        original = (self._by_sha.get(sha) if sha else None) or (self._by_key.get(key) if key else None)
        if original is not None:  # (the same id when one path was given twice)
            return original
        if sha:
            self._by_sha.setdefault(sha, doc_id)
        if key:
            self._by_key.setdefault(key, doc_id)
        return None

    def mark(self, enc: Encoded) -> None:
        """Set ``duplicate_of`` of ``enc``'s document row (and its documents CSV line when the
        worker made them), from the inputs marked before it."""
        original = self.original_of(enc.document)
        if original != enc.document.get("duplicate_of"):
            enc.document["duplicate_of"] = original
            if enc.csv is not None:
                enc.csv["documents"] = csv_lines("documents", [enc.document])


def duplicate_map(documents: Iterable[Mapping]) -> dict[str, str]:
    """doc_id -> doc_id of its original, for every duplicate among ``documents`` (rows in input
    order); what ``duplicate_of`` says, computed again (for tables written without it)."""
    dups = Duplicates()
    out = {}
    for row in documents:
        original = dups.original_of(row)
        if original is not None:
            out[str(row["doc_id"])] = original
    return out
