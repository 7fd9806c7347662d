"""Flat tables of the SPEC: rows from Documents, column lists and dtypes, typed DataFrames.

The column lists start with the SPEC's columns in its order; added columns follow. Lists are
joined with "; " in CSV, dates are ISO, a null is an empty cell.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from ..model import Document, Stage, Status, iso
from ..output.xlsx import FORMULA_TRIGGERS, safe_cell

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
    "n_references", "recipients", "input_format", "encoding", "errors",
)
ERROR_COLUMNS = ("source", "stage", "error")

class ColumnType(Enum):
    """The type of a column: its pandas dtype when read back (``type_frame``), its Arrow type
    in tasks.parquet (``output.writers``). A column not listed in ``COLUMN_TYPES`` is TEXT."""

    TEXT = "string"
    DATE = "datetime64[ns]"
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


def cell(value) -> str:
    """A CSV cell: lists joined with "; ", None empty, booleans as true/false, and text that a
    spreadsheet would run as a formula ("=", "+", "-", "@", tab, CR first) neutralised with "'"."""
    if type(value) is str:  # the common case first (safe_cell inlined: one call per cell saved)
        return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return repr(value)
    return safe_cell(str(value))


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
        out[name] = type_frame(name, df)
    return out


def unsafe_cell(value):
    """Undo ``cell``'s neutralising apostrophe when reading a CSV back."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def type_frame(name: str, df):
    import pandas as pd

    for c in DATE_COLUMNS[name]:
        df[c] = pd.to_datetime(df[c].replace("", None), format="%Y-%m-%d", errors="coerce")
    for c in INT_COLUMNS[name]:
        df[c] = pd.to_numeric(df[c].replace("", None)).astype("Int64")
    for c in FLOAT_COLUMNS[name]:
        df[c] = pd.to_numeric(df[c].replace("", None)).astype("Float64")
    for c in BOOL_COLUMNS[name]:
        df[c] = df[c].map(lambda v: None if v is None or v == "" or (isinstance(v, float) and v != v)
                          else (v if isinstance(v, bool) else str(v).lower() == "true")).astype("boolean")
    for c in LIST_COLUMNS[name]:
        df[c] = df[c].map(_as_list).map(lambda xs: [unsafe_cell(x) for x in xs])
    for c in df.columns:
        if c not in DATE_COLUMNS[name] + INT_COLUMNS[name] + FLOAT_COLUMNS[name] + BOOL_COLUMNS[name] + LIST_COLUMNS[name]:
            df[c] = df[c].map(unsafe_cell).astype("string")
    return df


def type_parquet_frame(name: str, df):
    """A table read from Parquet with the same dtypes as :func:`type_frame` gives a CSV."""
    import pandas as pd

    for c in df.columns:
        kind = column_type(name, c)
        if kind is ColumnType.DATE:
            df[c] = pd.to_datetime(df[c])
        elif kind is ColumnType.LIST:
            df[c] = df[c].map(lambda v: list(v) if v is not None else [])
        elif kind is not ColumnType.TEXT:
            df[c] = df[c].astype(kind.value)
        elif df[c].dtype == object:
            df[c] = df[c].astype("string")
    return df


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
    rows: dict[str, list[dict]] = {"tasks": [], "references": [], "documents": [], "errors": []}
    for d in docs:
        rows["tasks"].extend(task_rows(d))
        rows["references"].extend(reference_rows(d))
        rows["documents"].append(document_row(d))
        rows["errors"].extend(error_rows(d))
    return rows
