"""Writers: documents.jsonl, tasks.csv/.parquet, references.csv, documents.csv, errors.csv.

Documents stream through: each one is appended to temporary files as it comes, so memory does
not grow with the corpus. Only when every input has been processed are the temporary files
renamed over the previous tables (``os.replace``, atomic on one file system); a crash or an
interrupt before that leaves the previous tables as they were.
"""
from __future__ import annotations

import csv
import os
import shutil
import tempfile
from array import array
from functools import cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from ..model import Document
from .tables import COLUMNS, ColumnType, Encoded, column_type, csv_tables, encode

# pyarrow (and numpy) are imported inside the functions that use them, so that importing the
# writers stays cheap; they load on the first Parquet batch.

TABLE_FILES = ("documents.jsonl", "tasks.csv", "tasks.parquet", "references.csv", "documents.csv", "errors.csv")


@cache
def _parquet_schema():  # the same for every batch of a run
    import pyarrow as pa

    arrow = {ColumnType.TEXT: pa.string(), ColumnType.DATE: pa.date32(), ColumnType.INT: pa.int64(),
             ColumnType.FLOAT: pa.float64(), ColumnType.BOOL: pa.bool_(), ColumnType.LIST: pa.list_(pa.string())}
    return pa.schema([pa.field(c, arrow[column_type("tasks", c)]) for c in COLUMNS["tasks"]])


def _validity(values: list, nulls: int):
    """The validity bitmap of ``values`` (bit i set where value i is not None), or None without nulls."""
    if not nulls:
        return None
    import numpy as np
    import pyarrow as pa

    present = np.fromiter((v is not None for v in values), dtype=bool, count=len(values))
    return pa.py_buffer(np.packbits(present, bitorder="little"))


def _string_array(values: list):
    """An Arrow string array of ``values`` (str or None), made from its three buffers (validity
    bits, int32 offsets, UTF-8 bytes) with ``pa.Array.from_buffers``."""
    import pyarrow as pa

    data = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = array("i", accumulate(map(len, data), initial=0))
    nulls = values.count(None)
    return pa.Array.from_buffers(pa.string(), len(values),
                                 [_validity(values, nulls), pa.py_buffer(offsets), pa.py_buffer(b"".join(data))],
                                 null_count=nulls)


def _list_array(values: list):
    """An Arrow list<string> array of ``values`` (lists of str, or None)."""
    import pyarrow as pa

    flat = [x for v in values if v is not None for x in v]
    nulls = values.count(None)
    starts = array("i", accumulate((0 if v is None else len(v) for v in values), initial=0))
    # a null start offset makes a null list; the last offset (the end) is never null
    offsets = pa.Array.from_buffers(pa.int32(), len(values) + 1,
                                    [_validity([*values, ()], nulls), pa.py_buffer(starts)], null_count=nulls)
    return pa.ListArray.from_arrays(offsets, _string_array(flat))


def _arrow_table(rows: list[dict]):
    """The task rows as an Arrow table of ``_parquet_schema()``.

    Strings and lists are made from their buffers; dates, booleans, integers and floats as
    strings cast to their type (Arrow's own parsing of ISO dates, true/false, digits and
    ``repr`` floats). The same table as ``pyarrow.table`` of the Python values (tested), without
    it: for a Python list, ``pa.array`` first asks whether pandas could convert it, and that
    imports pandas (0.35 s per run, a quarter of a small refresh)."""
    import pyarrow as pa

    schema = _parquet_schema()
    arrays = []
    for f in schema:
        vals = list(map(itemgetter(f.name), rows))
        t = f.type
        if pa.types.is_list(t):
            arrays.append(_list_array(vals))
        elif pa.types.is_string(t):
            arrays.append(_string_array(vals))
        elif pa.types.is_boolean(t):
            arrays.append(_string_array([None if v is None else ("true" if v else "false") for v in vals]).cast(t))
        elif pa.types.is_floating(t):
            arrays.append(_string_array([None if v is None else repr(float(v)) for v in vals]).cast(t))
        elif pa.types.is_date(t):
            arrays.append(_string_array([v or None for v in vals]).cast(t))  # "" is no date, as None
        else:
            arrays.append(_string_array([None if v is None else str(int(v)) for v in vals]).cast(t))
    return pa.Table.from_arrays(arrays, schema=schema)


class TableWriter:
    """Streams documents into the output tables; ``commit()`` puts them in place atomically."""

    def __init__(self, out_dir: str | os.PathLike, batch: int = 500):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=".vntasks-", dir=self.out))
        (self.tmp / "text").mkdir()
        self._files = {}
        for name in ("tasks", "references", "documents", "errors"):
            fh = open(self.tmp / f"{name}.csv", "w", encoding="utf-8", newline="")
            csv.writer(fh, lineterminator="\n").writerow(COLUMNS[name])  # the rows: tables.csv_lines
            self._files[name] = fh
        self._jsonl = open(self.tmp / "documents.jsonl", "w", encoding="utf-8", newline="\n")
        self._batch: list[dict] = []
        self._batch_size = batch
        self._pq = None
        self._texts: list[str] = []
        self.n_docs = 0
        self.n_failed = 0

    def add(self, doc: Document, source_text: str | None = None) -> None:
        self.add_encoded(encode(doc, source_text))

    def add_encoded(self, enc: Encoded) -> None:
        """Append one document's encoded rows."""
        if enc.text is not None and enc.text_path:
            p = self.tmp / enc.text_path
            p.parent.mkdir(parents=True, exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="") as fh:
                fh.write(enc.text)
            self._texts.append(enc.text_path)
        self._jsonl.write(enc.json_line + "\n")
        lines = enc.csv if enc.csv is not None else csv_tables(enc)  # usually formatted by the worker
        for name in ("tasks", "references", "documents", "errors"):
            self._files[name].write(lines[name])
        self._batch.extend(enc.tasks)
        self.n_docs += 1
        self.n_failed += enc.status != "ok"
        if len(self._batch) >= self._batch_size:
            self._flush()

    def _flush(self) -> None:
        import pyarrow.parquet as pq

        if self._pq is None:
            self._pq = pq.ParquetWriter(self.tmp / "tasks.parquet", _parquet_schema(), compression="zstd")
        if self._batch:
            self._pq.write_table(_arrow_table(self._batch))
        self._batch = []

    def commit(self) -> None:
        """Close the temporary files and move them over the previous tables."""
        self._flush()
        if self._pq is not None:
            self._pq.close()
        for fh in self._files.values():
            fh.close()
        self._jsonl.close()
        for name in TABLE_FILES:
            os.replace(self.tmp / name, self.out / name)
        if self._texts:
            (self.out / "text").mkdir(exist_ok=True)
            for rel in self._texts:
                dest = self.out / rel
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.tmp / rel, dest)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def abort(self) -> None:
        for fh in self._files.values():
            fh.close()
        self._jsonl.close()
        if self._pq is not None:
            try:
                self._pq.close()
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()
