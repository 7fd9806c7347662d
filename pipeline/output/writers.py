"""Writers: documents.jsonl, tasks.csv/.parquet, references.csv, documents.csv, errors.csv.

Documents stream through: each one is appended to temporary files (in ``OUT/.vntasks-*``) as
it comes, so memory does not grow with the corpus. Only when every input has been processed
are the temporary files renamed over the previous tables (``os.replace``, atomic on one file
system); a crash or an interrupt before that leaves the previous tables as they were.

All tables switch together: before the first table is replaced, the commit writes the table
manifest (``OUT/.cache/tables.json``: the size and sha256 of every table, and the inputs they
were made from) naming the new generation. A reader (:func:`verify_tables`, used by
``read_tables``, ``report`` and the refresh) refuses a set of tables that does not match its
manifest: a run killed half-way through its commit leaves a mix that is never taken for
tables, and the next run writes them again. Tables without a manifest (written by an older
version, or after ``.cache`` was deleted) are accepted as they are.

Text files (``OUT/text/<doc_id>.txt``) not written by the last commit are removed.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import tempfile
from array import array
from functools import cache
from itertools import accumulate
from operator import itemgetter
from pathlib import Path

from ..errors import PipelineError
from ..model import Document
from .seen import DiskMap, DiskSet, Store
from .tables import COLUMNS, Duplicates, Encoded, arrow_schema, csv_tables, encode

# pyarrow (and numpy) are imported inside the functions that use them, so that importing the
# writers stays cheap; they load on the first Parquet batch.

#: The tables that also get a Parquet file (every one: typed columns, ``tables.arrow_schema``).
PARQUET_TABLES = ("tasks", "references", "documents", "errors")

#: Rows of one table converted to Arrow at a time (the Python rows held meanwhile).
BATCH_ROWS = 500
#: A table's converted batches are written as one Parquet row group once they hold this many
#: bytes (Arrow's count) or rows, and at the commit. Few large row groups: the writer keeps the
#: metadata of every row group it wrote until it closes (a row group per 500 rows made the main
#: process grow by about 0.6 KB per notice), and readers scan large ones faster.
ROW_GROUP_BYTES = 8 * 1024 * 1024
ROW_GROUP_ROWS = 128 * 1024
TABLE_FILES = ("documents.jsonl", *(f"{name}.{ext}" for name in PARQUET_TABLES for ext in ("csv", "parquet")))

#: Temporary folders of runs in progress (``OUT/.vntasks-XXXX``), each locked by its run.
TEMP_PREFIX = ".vntasks-"
LOCK_FILE = ".lock"
#: A temporary folder without a lock (an older version's) is stale when older than this.
STALE_UNLOCKED = 3600

#: The table manifest, relative to the output folder (in the folder the CLI's tables never list).
MANIFEST = os.path.join(".cache", "tables.json")
MANIFEST_VERSION = 1


def digest(path: str | os.PathLike) -> dict | None:
    """{"size", "sha256"} of a file; None when it does not exist."""
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            while block := fh.read(1 << 20):
                h.update(block)
    except FileNotFoundError:
        return None
    return {"size": os.path.getsize(path), "sha256": h.hexdigest()}


def read_manifest(out_dir: str | os.PathLike) -> dict | None:
    """The table manifest of ``out_dir``; None when there is none (or it cannot be read)."""
    try:
        with open(Path(out_dir) / MANIFEST, encoding="utf-8") as fh:
            m = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(m, dict) or m.get("version") != MANIFEST_VERSION or not isinstance(m.get("tables"), dict):
        return None
    return m


def verify_tables(out_dir: str | os.PathLike, complete: bool = False) -> dict | None:
    """The manifest of ``out_dir`` when every table matches it (None when there is no manifest);
    ``PipelineError("write", ...)`` when the tables are not the set it names. A table that is
    missing is no mix (a reader may do without it) unless ``complete``."""
    m = read_manifest(out_dir)
    if m is None:
        return None
    got = {name: digest(Path(out_dir) / name) for name in m["tables"]}
    bad = [name for name, want in sorted(m["tables"].items())
           if got[name] != want and (complete or got[name] is not None)]
    if bad:
        raise PipelineError("write", f"the tables in {out_dir} are not from one run ({', '.join(bad)} "
                                     f"differ from {MANIFEST}: a run stopped while replacing them); "
                                     "run `vntasks extract` again")
    return m


@cache
def _parquet_schema(name: str = "tasks"):  # the same for every batch of a run
    return arrow_schema(name)


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


def _arrow_table(rows: list[dict], name: str = "tasks"):
    """The rows of table ``name`` as an Arrow table of ``_parquet_schema(name)``.

    Strings and lists are made from their buffers; dates, booleans, integers and floats as
    strings cast to their type (Arrow's own parsing of ISO dates, true/false, digits and
    ``repr`` floats). The same table as ``pyarrow.table`` of the Python values (tested), without
    it: for a Python list, ``pa.array`` first asks whether pandas could convert it, and that
    imports pandas (0.35 s per run, a quarter of a small refresh)."""
    import pyarrow as pa

    schema = _parquet_schema(name)
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

    def __init__(self, out_dir: str | os.PathLike, batch: int = BATCH_ROWS, row_group_bytes: int = ROW_GROUP_BYTES):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(self.out)
        self.tmp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.out))
        self._lock = _hold_lock(self.tmp)  # released when this process ends, however it ends
        (self.tmp / "text").mkdir()
        self._files = {}
        for name in ("tasks", "references", "documents", "errors"):
            fh = open(self.tmp / f"{name}.csv", "w", encoding="utf-8", newline="")
            csv.writer(fh, lineterminator="\n").writerow(COLUMNS[name])  # the rows: tables.csv_lines
            self._files[name] = fh
        self._jsonl = open(self.tmp / "documents.jsonl", "w", encoding="utf-8", newline="\n")
        self._batch: dict[str, list[dict]] = {name: [] for name in PARQUET_TABLES}
        self._batch_size = batch
        self._group_bytes = row_group_bytes
        self._groups: dict[str, list] = {name: [] for name in PARQUET_TABLES}  # Arrow tables of the next row group
        self._group_size = {name: [0, 0] for name in PARQUET_TABLES}  # its bytes and rows
        self._pq: dict[str, object] = {}
        # what every input left to remember (doc_ids, originals) is kept on disk: flat memory
        self._seen = Store(self.tmp / "seen.sqlite3")
        self._dups = Duplicates(DiskMap(self._seen, "by_sha"), DiskMap(self._seen, "by_key"))
        self._ids = DiskSet(self._seen, "doc_ids")
        self.n_docs = 0
        self.n_failed = 0
        #: what the tables are complete for (the refresh sets it before the commit, from
        #: :class:`~..run.refresh.InputsDigest`; it goes into the manifest)
        self.inputs: dict | None = None

    def add(self, doc: Document, source_text: str | None = None) -> None:
        self.add_encoded(encode(doc, source_text))

    def add_encoded(self, enc: Encoded) -> None:
        """Append one document's encoded rows (``PipelineError`` for a doc_id already written:
        doc_ids name text files and join the tables, so they are unique, whatever their case)."""
        if not self._ids.add_new(enc.doc_id.casefold()):
            raise PipelineError("write", f"doc_id {enc.doc_id!r} given to two inputs")
        self._dups.mark(enc)  # duplicate_of: the writer sees every input, in order
        if enc.text is not None and enc.text_path:
            p = self.tmp / enc.text_path
            p.parent.mkdir(parents=True, exist_ok=True)
            with open(p, "w", encoding="utf-8", newline="") as fh:
                fh.write(enc.text)
        self._jsonl.write(enc.json_line + "\n")
        lines = enc.csv if enc.csv is not None else csv_tables(enc)  # usually formatted by the worker
        for name in ("tasks", "references", "documents", "errors"):
            self._files[name].write(lines[name])
        for name, rows in (("tasks", enc.tasks), ("references", enc.references), ("documents", [enc.document]),
                           ("errors", enc.error_rows)):
            self._batch[name].extend(rows)
        self.n_docs += 1
        self.n_failed += enc.status != "ok"
        for name, rows in self._batch.items():
            if len(rows) >= self._batch_size:
                self._convert(name)

    def _convert(self, name: str) -> None:
        """Turn the Python rows of table ``name`` into an Arrow table of its next row group;
        write the row group when it is full."""
        rows = self._batch[name]
        if rows:
            table = _arrow_table(rows, name)
            self._groups[name].append(table)
            self._batch[name] = []
            size = self._group_size[name]
            size[0] += table.get_total_buffer_size()
            size[1] += table.num_rows
            if size[0] >= self._group_bytes or size[1] >= ROW_GROUP_ROWS:
                self._write_group(name)

    def _write_group(self, name: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if name not in self._pq:
            self._pq[name] = pq.ParquetWriter(self.tmp / f"{name}.parquet", _parquet_schema(name),
                                              compression="zstd")
        group = self._groups[name]
        if group:
            table = pa.concat_tables(group) if len(group) > 1 else group[0]
            self._pq[name].write_table(table, row_group_size=max(1, table.num_rows))
            self._groups[name] = []
        self._group_size[name] = [0, 0]

    def _flush(self) -> None:
        """Write every row that is held (the last row group of each table)."""
        for name in PARQUET_TABLES:
            self._convert(name)
            self._write_group(name)

    def commit(self) -> None:
        """Close the temporary files and put them in place: the text files, then the manifest
        that names the new tables, then the tables (see the module docstring)."""
        self._flush()
        for w in self._pq.values():
            w.close()
        for fh in self._files.values():
            fh.close()
        self._jsonl.close()
        self._seen.close()
        manifest = {"version": MANIFEST_VERSION, "tables": {name: digest(self.tmp / name) for name in TABLE_FILES},
                    "inputs": self.inputs}
        new_texts, texts = self.tmp / "text", self.out / "text"
        stale = _stale_texts(texts, new_texts)  # (before the new ones are moved in)
        with os.scandir(new_texts) as entries:
            for e in entries:
                texts.mkdir(exist_ok=True)
                os.replace(e.path, texts / e.name)
        write_manifest(self.out, manifest)
        for name in TABLE_FILES:
            os.replace(self.tmp / name, self.out / name)
        for path in stale:
            try:
                os.unlink(path)
            except OSError:
                pass
        self._remove_tmp()

    def _remove_tmp(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def abort(self) -> None:
        """Remove the temporary files (closing them may fail, on a full disk: they go anyway)."""
        self._seen.close()
        for fh in [*self._files.values(), self._jsonl, *self._pq.values()]:
            if fh is not None:
                try:
                    fh.close()
                except Exception:  # noqa: BLE001 - best effort on the way out
                    pass
        self._remove_tmp()

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def write_manifest(out_dir: Path, manifest: dict) -> None:
    """Write the table manifest atomically (a temporary file renamed over it)."""
    path = out_dir / MANIFEST
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(manifest, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _stale_texts(folder: Path, new: Path) -> list[str]:
    """The text files of ``folder`` (the tool's) that no file of ``new`` replaces: those of
    doc_ids the commit does not write."""
    try:
        with os.scandir(folder) as entries:
            return [e.path for e in entries if e.name.endswith(".txt") and e.is_file(follow_symlinks=False)
                    and not os.path.lexists(new / e.name)]
    except OSError:
        return []


def _hold_lock(folder: Path) -> int | None:
    """An exclusive lock on ``folder``'s lock file, held while the descriptor is open."""
    try:
        import fcntl
    except ImportError:  # not on this platform: stale folders are told by age only
        return None
    fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _is_stale(folder: Path) -> bool:
    """True when no live run holds ``folder`` (its lock can be taken), or, without a lock file,
    when it is older than ``STALE_UNLOCKED`` seconds."""
    try:
        import fcntl
    except ImportError:
        fcntl = None
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | getattr(os, "O_CLOEXEC", 0)) if fcntl else -1
    except FileNotFoundError:
        fd = -1
    except OSError:
        return False
    if fd < 0:
        try:
            import time

            return time.time() - folder.stat().st_mtime > STALE_UNLOCKED
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # a live run holds it
    finally:
        os.close(fd)
    return True


def remove_stale_temporaries(out_dir: Path) -> list[Path]:
    """Remove the temporary folders of runs that ended without removing them (kill -9, power
    loss); those of runs in progress (into the same folder, concurrently) are left. Returns
    the folders removed."""
    gone = []
    try:
        entries = [Path(e.path) for e in os.scandir(out_dir)
                   if e.name.startswith(TEMP_PREFIX) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return gone
    for d in entries:
        if _is_stale(d):
            shutil.rmtree(d, ignore_errors=True)
            gone.append(d)
    return gone
