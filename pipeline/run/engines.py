"""Running a corpus: the refresh cache and the engines (one process, a process pool, Dask).

Each input becomes an :class:`~..output.tables.Encoded` record: everything the writers need (the JSONL line and
the rows of every table, plus the source text to save when it is not the file itself). The
encoding is what the cache stores, so a cached notice is written without being extracted again.

Cache: one SQLite database, ``OUT/.cache/cache.sqlite3``, of encoded notices by key; the key
hashes the pipeline's fingerprint (its version and every module and data file of the package),
the input path, its doc_id and the sha256 of its bytes. A changed notice, a changed pipeline or
a moved file misses; an unchanged one hits. Workers only read it; the main process writes each
new entry as results arrive (one file for the corpus: a file per notice cost more than the
extraction on a real disk) and commits every ``Cache.BATCH`` entries and when the run stops for
any reason, so an interrupted run's work is reused by the next. Entries not used by a completed
run are pruned (the run notes the keys it used in a temporary table, on disk, not in memory). A
damaged database is set aside and rebuilt: it is only a cache. The folder also
holds the table manifest (:mod:`..output.writers`), which says which inputs the tables are for.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from .. import __version__
from ..errors import PipelineError
from ..ingest.load import input_format, load_bytes, read_bytes
from ..model import Document
from ..output.tables import Encoded, csv_tables, encode
from ..output.writers import MANIFEST
from ..text.lexicon import PACKAGE
from .pool import MAX_MEMORY, pool_map
from .process import failed, process, warm

# distributed (the Dask engine) and the process pool are imported only when used (start-up).

R = TypeVar("R")


#: Fields of :class:`Encoded` that the cache does not store in an entry's ``data`` (the JSON line
#: has a column of its own: it is not escaped into a second JSON text).
_NOT_CACHED = frozenset(("cached", "csv", "cache_json", "json_line"))


def cache_payload(enc: Encoded) -> str:
    """The ``data`` of a notice's cache entry: its encoded fields but the JSON line (no deep
    copy: the C encoder reads the fields)."""
    return json.dumps({f.name: getattr(enc, f.name) for f in fields(enc) if f.name not in _NOT_CACHED},
                      ensure_ascii=False)


def prepare(enc: Encoded, cache_entry: bool) -> Encoded:
    """Fill in the CSV lines (and the cache entry when it will be stored) of a new result."""
    enc.csv = csv_tables(enc)
    if cache_entry:
        enc.cache_json = cache_payload(enc)
    return enc


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The pipeline's identity: version plus a hash of every module and data file."""
    h = hashlib.sha256(__version__.encode())
    root = resources.files(PACKAGE)
    for p in sorted(Path(str(root)).rglob("*"), key=lambda q: q.as_posix()):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(Path(str(root))).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    """The refresh cache of one output folder (see the module docstring)."""

    FILE = "cache.sqlite3"
    KEEP = frozenset({Path(MANIFEST).name})  # the table manifest lives beside the cache
    BATCH = 64  # entries per commit

    def __init__(self, folder: str | os.PathLike, readonly: bool = False):
        self.dir = Path(folder)
        self.readonly = readonly
        self._db: sqlite3.Connection | None = None
        self._pending = 0
        self._using = False  # the temporary table of keys used by this run exists
        if not readonly:
            self.dir.mkdir(parents=True, exist_ok=True)

    # --- the database ---
    def open(self) -> Cache:
        """Open (and create or repair) the database now, before any worker reads it."""
        self._connect()
        return self

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        path = self.dir / self.FILE
        if self.readonly and not path.exists():
            return None
        try:
            self._db = self._open(path)
        except sqlite3.DatabaseError:
            if self.readonly:
                return None
            path.replace(path.with_name(path.name + ".damaged"))  # set aside, start afresh
            self._db = self._open(path)
        return self._db

    def _open(self, path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=30)  # a reader only SELECTs (a "ro" open cannot read WAL)
        if not self.readonly:
            db.execute("PRAGMA journal_mode=WAL")  # readers (the workers) never wait for the writer
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS notices "
                       "(key TEXT PRIMARY KEY, line TEXT NOT NULL, data TEXT NOT NULL)")
            db.execute("DROP TABLE IF EXISTS entries")  # the former layout: its entries are stale
            db.commit()
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a damaged file fails here
        return db

    @staticmethod
    def key(source: str, doc_id: str, sha256: str, fp: str) -> str:
        return hashlib.sha256("\0".join((fp, source, doc_id, sha256)).encode("utf-8")).hexdigest()[:32]

    def get(self, key: str) -> Encoded | None:
        try:
            db = self._connect()
            row = db.execute("SELECT line, data FROM notices WHERE key = ?", (key,)).fetchone() if db else None
            if row is None:
                return None
            enc = Encoded(json_line=row[0], **json.loads(row[1]))
        except (sqlite3.Error, ValueError, TypeError):
            return None
        enc.cached = True
        return enc

    def put(self, key: str, enc: Encoded) -> None:
        db = self._connect()
        try:
            db.execute("INSERT OR REPLACE INTO notices (key, line, data) VALUES (?, ?, ?)",
                       (key, enc.json_line, enc.cache_json if enc.cache_json is not None else cache_payload(enc)))
        except sqlite3.Error as exc:
            raise self._os_error(exc) from exc
        self._pending += 1
        if self._pending >= self.BATCH:
            self.commit()

    def commit(self) -> None:
        if self._db is not None and self._pending:
            try:
                self._db.commit()
            except sqlite3.Error as exc:
                raise self._os_error(exc) from exc
            self._pending = 0

    def _os_error(self, exc: sqlite3.Error) -> OSError:
        """A write that failed (a full disk): an OSError of the output folder, as the tables' would be."""
        self._pending = 0  # lost with the transaction
        return OSError(f"cannot write the cache {self.dir / self.FILE}: {exc}")

    def close(self) -> None:
        """Commit what is pending and close (also after an interrupted run: its work is kept)."""
        if self._db is not None:
            try:
                self.commit()
            finally:
                self._db.close()
                self._db = None
                self._using = False

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def keys(self) -> set[str]:
        db = self._connect()
        return {k for (k,) in db.execute("SELECT key FROM notices")} if db else set()

    def use(self, key: str) -> None:
        """Note that this run used the entry ``key`` (:meth:`prune_unused` keeps it). The keys are
        noted in a temporary table of this connection, on disk: none is held in memory."""
        db = self._used_table()
        try:
            db.execute("INSERT OR IGNORE INTO temp.used (key) VALUES (?)", (key,))
        except sqlite3.Error as exc:
            raise self._os_error(exc) from exc
        self._pending += 1
        if self._pending >= self.BATCH:
            self.commit()

    def _used_table(self) -> sqlite3.Connection:
        """The connection, with the temporary table of the keys this run used (on disk)."""
        db = self._connect()
        if not self._using:
            db.execute("PRAGMA temp_store=FILE")
            db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY) WITHOUT ROWID")
            self._using = True
        return db

    def prune_unused(self) -> int:
        """Delete the entries this run did not :meth:`use`; the number deleted."""
        db = self._used_table()
        gone = db.execute("DELETE FROM notices WHERE key NOT IN (SELECT key FROM temp.used)").rowcount
        db.commit()
        self._pending = 0
        self._sweep()
        return gone

    def _sweep(self) -> None:
        """Remove the leftovers of former layouts and of interrupted writes."""
        for p in self.dir.glob(".tmp-*"):
            p.unlink(missing_ok=True)
        for p in self.dir.glob("*.json"):  # entries of the former one-file-per-notice layout, and
            if p.name not in self.KEEP:  # its manifest of inputs (now in the table manifest)
                p.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class Job:
    source: str
    doc_id: str
    max_bytes: int
    cache_dir: str | None
    fp: str


def job_key(job: Job) -> str | None:
    """The cache key of a job's input as it is now (None when it cannot be read)."""
    try:
        data = read_bytes(Path(job.source), job.max_bytes)
    except PipelineError:
        return None
    return Cache.key(job.source, job.doc_id, hashlib.sha256(data).hexdigest(), job.fp)


def document_of(job: Job, data: bytes | None = None) -> tuple[Document, str | None]:
    """Load and process one input (its bytes when already read): the Document and, when the
    source text is not the file itself, that text. Problems of the input give a failed Document."""
    sha = hashlib.sha256(data).hexdigest() if data is not None else None
    try:
        fmt = input_format(Path(job.source))
        if data is None:
            data = read_bytes(Path(job.source), job.max_bytes)
            sha = hashlib.sha256(data).hexdigest()
        loaded = load_bytes(data, fmt)
    except PipelineError as exc:
        return failed(job.doc_id, job.source, exc, sha), None
    except MemoryError:
        err = PipelineError("load", "out of memory (the memory limit of a worker)")
        return failed(job.doc_id, job.source, err, sha), None
    except Exception as exc:  # noqa: BLE001 - one input's bug never stops the run
        err = PipelineError("load", f"internal error: {type(exc).__name__}: {exc}")
        return failed(job.doc_id, job.source, err, sha), None
    return process(loaded, job.doc_id, job.source), (loaded.text if loaded.derived else None)


_DOCUMENT_OF = document_of  # as defined here (a test may replace the module's name)


_READERS: dict[tuple[int, str], Cache] = {}  # this process's reading connection to each cache


def _reader(folder: str) -> Cache:
    k = (os.getpid(), folder)  # a connection is never used across a fork
    got = _READERS.get(k)
    if got is None:
        got = _READERS[k] = Cache(folder, readonly=True)
    return got


def close_readers() -> None:
    """Close this process's reading connections (at the end of a run)."""
    for k in [k for k in _READERS if k[0] == os.getpid()]:
        _READERS.pop(k).close()


def run_one(job: Job) -> tuple[Encoded, str | None]:
    """Encode one input (from the cache when it is there); returns (encoded, cache key). The
    key is None for a failed input (never cached: the next run tries again). A result with
    ``cached`` False and a key is new: the caller stores it (:func:`store`)."""
    try:
        input_format(Path(job.source))
        data = read_bytes(Path(job.source), job.max_bytes)
    except PipelineError as exc:
        return prepare(encode(failed(job.doc_id, job.source, exc), None), False), None
    key = Cache.key(job.source, job.doc_id, hashlib.sha256(data).hexdigest(), job.fp) if job.cache_dir else None
    if key is not None:
        hit = _reader(job.cache_dir).get(key)
        if hit is not None:
            return prepare(hit, False), key  # the CSV lines are made here, not in the main process
    try:
        doc, text = document_of(job, data)
        enc = encode(doc, text)
        if doc.status == "failed":
            return prepare(enc, False), None
        return prepare(enc, key is not None), key
    except MemoryError:  # wherever it struck: what it held is free again once we are here
        doc = text = enc = None
        err = PipelineError("load", "out of memory (the memory limit of a worker)")
        return prepare(encode(failed(job.doc_id, job.source, err, hashlib.sha256(data).hexdigest()), None), False), None


def store(cache: Cache | None, enc: Encoded, key: str | None) -> None:
    """Write a new result of :func:`run_one` to the cache (in the main process: one writer)."""
    if cache is not None and key is not None and not enc.cached:
        cache.put(key, enc)


#: Allocations between collections of the youngest generation while extracting (CPython's
#: default is 700). Extraction makes many short-lived objects and few cycles; collecting less
#: often saves about 8% of the time at no measurable cost in memory.
GC_THRESHOLD = (100_000, 50, 100)


def _tune_gc() -> tuple[int, int, int]:
    old = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    return old


def worker_died(why: str) -> PipelineError:
    """The error of an input whose worker process died while processing it."""
    return PipelineError("extract", f"worker died ({why}) while processing this input (out of memory, "
                                    "or a crash in a library); the input was skipped")


def _dead_document(job: Job, why: str) -> tuple[Document, str | None]:
    return failed(job.doc_id, job.source, worker_died(why)), None


def _dead_encoded(job: Job, why: str) -> tuple[Encoded, str | None]:
    return prepare(encode(failed(job.doc_id, job.source, worker_died(why)), None), False), None


def map_ordered(fn: Callable[[Job], R], jobs: Sequence[Job], workers: int = 1,
                max_memory: int | None = MAX_MEMORY) -> Iterator[R]:
    """``fn`` over ``jobs`` in input order: in this process, or in a pool of ``workers`` processes
    (:func:`.pool.pool_map`: a worker that dies gives its input a failed result, ``max_memory``
    bytes per worker). ``fn`` is :func:`run_one` or :func:`document_of` (or returns what it does)."""
    if workers <= 1 or len(jobs) < 2:
        old = _tune_gc()
        try:
            for j in jobs:
                yield fn(j)
        finally:
            gc.set_threshold(*old)  # the caller's process is left as it was
        return
    warm()  # lexicons and patterns loaded once, before the fork, and shared by the workers
    on_death = _dead_document if fn is _DOCUMENT_OF else _dead_encoded
    yield from pool_map(fn, jobs, workers, on_death, chunk=max(1, min(16, len(jobs) // (workers * 8) or 1)),
                        max_memory=max_memory, gc_threshold=GC_THRESHOLD)


def run_jobs(jobs: Sequence[Job], workers: int = 1, engine: str = "local", scheduler: str | None = None,
             max_memory: int | None = MAX_MEMORY) -> Iterator[tuple[Encoded, str | None]]:
    """Results in input order, whatever the engine."""
    if engine == "dask":
        yield from run_dask(jobs, workers, scheduler, max_memory=max_memory)
        return
    yield from map_ordered(run_one, jobs, workers, max_memory)


#: Times Dask runs a task again after it killed its worker, before the task is given up (Dask's
#: ``distributed.scheduler.allowed-failures``, 3 by default; a local cluster only).
DASK_RETRIES = 1


def run_dask(jobs: Sequence[Job], workers: int, scheduler: str | None, *, batch: int = 512,
             max_memory: int | None = MAX_MEMORY,
             fn: Callable[[Job], tuple[Encoded, str | None]] = run_one) -> Iterator[tuple[Encoded, str | None]]:
    """Dask distributed: a local cluster by default, or the scheduler at ``scheduler``.
    Batches of futures are gathered in order so memory stays bounded and order deterministic.

    A local cluster's workers may use ``max_memory`` bytes each (Dask's ``memory_limit``: its
    nanny restarts a worker above it). A task given up after its workers died (``KilledWorker``:
    Dask counts every task the dead worker held) is run once more on its own; when that kills
    its worker too, its input gets a failed result, as with a dead pool worker. The other
    inputs are written. ``fn``: what runs on the workers (:func:`run_one`)."""
    try:
        import dask
        from distributed import Client, KilledWorker, LocalCluster
    except ImportError as exc:
        raise PipelineError("usage", "the dask engine needs `pip install 'dask[distributed]'`") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        with dask.config.set({"distributed.scheduler.allowed-failures": DASK_RETRIES}):
            cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40, memory_limit=max_memory or 0)
        client = Client(cluster)
    try:
        for i in range(0, len(jobs), batch):
            part = jobs[i:i + batch]
            futures = client.map(fn, part, pure=False)
            for job, fut in zip(part, futures, strict=True):
                try:
                    yield fut.result()
                except KilledWorker:  # it, or a task beside it on the worker that died, killed it
                    try:
                        yield client.submit(fn, job, pure=False).result()  # alone, once more
                    except KilledWorker:
                        yield _dead_encoded(job, "killed each time Dask ran it")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
