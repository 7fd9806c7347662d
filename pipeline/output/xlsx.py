"""The workbook: ``write_xlsx`` (``vntasks extract --format xlsx`` writes ``tables.xlsx``).

In: the typed DataFrames of the tables. Out: one sheet per table. Text is stored as text cells
(never as formulas, so "=HYPERLINK(...)" or "- Giao Phòng ..." show as written, with no
apostrophe); dates are real Excel dates, lists are joined with "; ". The CSV files have their
own policy (:mod:`.cells`), re-exported here for older imports.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .cells import FORMULA_TRIGGERS, safe_cell

# pandas and openpyxl are imported inside the functions that use them (--format xlsx only).

__all__ = ["FORMULA_TRIGGERS", "MAX_CELL_CHARS", "safe_cell", "write_xlsx", "xlsx_value"]

#: Excel's limit on the characters of one cell
MAX_CELL_CHARS = 32767

_SHEET_ORDER = ("tasks", "references", "documents", "errors", "links")


def _isna(v) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return v != v
    try:
        import pandas as pd

        r = pd.isna(v)
        return bool(r) if isinstance(r, bool) or getattr(r, "shape", None) == () else False
    except (TypeError, ValueError):
        return False


def xlsx_value(value):
    """A Python value for one Excel cell: dates as datetime.date/datetime, lists joined with
    "; ", missing values None, text as it is but for characters XML cannot hold (it is stored
    as a text cell by :func:`write_xlsx`, so it needs no apostrophe)."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, (list, tuple)) or (hasattr(value, "tolist") and not hasattr(value, "to_pydatetime")
                                             and getattr(value, "ndim", 0) == 1):
        items = value.tolist() if hasattr(value, "tolist") else value
        value = "; ".join(str(v) for v in items if not _isna(v))
    if _isna(value):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.replace(tzinfo=None)
        return value.date() if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0) else value
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
    if isinstance(value, (bool, int, float)):
        return value
    s = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    if len(s) > MAX_CELL_CHARS - 1:
        s = s[: MAX_CELL_CHARS - 2] + "…"
    return s


def _sheet_names(frames: dict) -> list[str]:
    known = [n for n in _SHEET_ORDER if n in frames]
    return known + [n for n in frames if n not in known]


def write_xlsx(frames: dict, path: str | os.PathLike) -> Path:
    """One sheet per table of ``frames`` ({name: DataFrame}), in the order tasks, references,
    documents, errors, then any other: bold header on a fill, panes frozen below the header,
    an autofilter, real Excel dates (yyyy-mm-dd), lists joined with "; ", text as text cells
    (a text starting with "=" is not a formula: its cell is typed as a string and marked with
    Excel's quote prefix, so editing it keeps it text). Written to a temporary file then moved
    over ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.creator = "vntasks"
    wb.properties.created = fixed
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="305496")
    for name in _sheet_names(frames):
        df = frames[name]
        ws = wb.create_sheet(title=str(name)[:31])
        cols = [str(c) for c in df.columns]
        ws.append(cols)
        for cell in ws[1]:
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(vertical="top")
        widths = [min(max(len(c) + 2, 8), 60) for c in cols]
        date_cols: set[int] = set()
        for row in df.itertuples(index=False, name=None):
            vals = [xlsx_value(v) for v in row]
            for j, v in enumerate(vals):
                if isinstance(v, dt.date):
                    date_cols.add(j)
                elif v is not None:
                    widths[j] = min(max(widths[j], len(str(v)) + 2), 60)
            ws.append(vals)
            for j, v in enumerate(vals):
                if isinstance(v, str) and v.startswith("="):  # openpyxl would store a formula
                    c = ws.cell(row=ws.max_row, column=j + 1)
                    c.data_type = "s"
                    c.quotePrefix = True
        for j in range(len(cols)):
            letter = get_column_letter(j + 1)
            ws.column_dimensions[letter].width = 12 if j in date_cols else widths[j]
            if j in date_cols:
                for (cell,) in ws.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
                    if isinstance(cell.value, dt.datetime) and cell.value.time() != dt.time(0):
                        cell.number_format = "yyyy-mm-dd hh:mm"
                    elif cell.value is not None:
                        cell.number_format = "yyyy-mm-dd"
        ws.freeze_panes = "A2"
        if cols:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, ws.max_row)}"
    if not wb.sheetnames:
        wb.create_sheet("empty")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    wb.save(tmp)
    os.replace(tmp, path)
    return path
