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
from pathlib import Path

from .model import Document
from .tables import (
    COLUMNS,
    DATE_COLUMNS,
    csv_tables,
)

TABLE_FILES = ("documents.jsonl", "tasks.csv", "tasks.parquet", "references.csv", "documents.csv", "errors.csv")


def _parquet_schema():
    import pyarrow as pa

    fields = []
    for c in COLUMNS["tasks"]:
        if c in DATE_COLUMNS["tasks"]:
            t = pa.date32()
        elif c in ("start", "end"):
            t = pa.int64()
        elif c in ("responsible", "support", "references", "body_types"):
            t = pa.list_(pa.string())
        elif c in ("responsible_inherited", "period_inherited"):
            t = pa.bool_()
        elif c == "score":
            t = pa.float64()
        else:
            t = pa.string()
        fields.append(pa.field(c, t))
    return pa.schema(fields)


def _string_array(values: list):
    """An Arrow string array of ``values`` (str or None), made from its three buffers (validity
    bits, int32 offsets, UTF-8 bytes) with ``pa.Array.from_buffers``."""
    import pyarrow as pa

    data = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = array("i", [0])
    total = 0
    for b in data:
        total += len(b)
        offsets.append(total)
    nulls = values.count(None)
    validity = None
    if nulls:
        bits = 0
        for i, v in enumerate(values):
            if v is not None:
                bits |= 1 << i
        validity = pa.py_buffer(bits.to_bytes((len(values) + 7) // 8, "little"))
    return pa.Array.from_buffers(pa.string(), len(values),
                                 [validity, pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(data))],
                                 null_count=nulls)


def _arrow_table(rows: list[dict]):
    """The task rows as an Arrow table of ``_parquet_schema()``.

    Each column is made as a string array and cast to its type (Arrow's own parsing of ISO
    dates, integers, ``repr`` floats and true/false), lists from their flattened values and
    offsets; the same table as ``pyarrow.table`` of the Python values (tested), without it:
    for a Python list, ``pa.array`` first asks whether pandas could convert it, and that imports
    pandas (0.3 s per run, a quarter of a small refresh)."""
    import pyarrow as pa

    schema = _parquet_schema()
    arrays = []
    for f in schema:
        vals = [r[f.name] for r in rows]
        t = f.type
        if pa.types.is_list(t):
            flat: list = []
            offsets: list = []
            for v in vals:
                offsets.append(None if v is None else str(len(flat)))  # a null offset: a null list
                if v is not None:
                    flat.extend(v)
            offsets.append(str(len(flat)))
            arrays.append(pa.ListArray.from_arrays(_string_array(offsets).cast(pa.int32()), _string_array(flat)))
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
        from .engines import encode

        self.add_encoded(encode(doc, source_text))

    def add_encoded(self, enc) -> None:
        """Append one document's encoded rows (see :class:`pipeline.engines.Encoded`)."""
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

    def _flush(self, final: bool = False) -> None:
        import pyarrow.parquet as pq

        if self._pq is None:
            self._pq = pq.ParquetWriter(self.tmp / "tasks.parquet", _parquet_schema(), compression="zstd")
        if self._batch:
            self._pq.write_table(_arrow_table(self._batch))
        self._batch = []

    def commit(self) -> None:
        """Close the temporary files and move them over the previous tables."""
        self._flush(final=True)
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
