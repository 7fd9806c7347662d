"""Running a corpus: the refresh cache and the engines (one process, a process pool, Dask).

Each input becomes an :class:`Encoded` record: everything the writers need (the JSONL line and
the rows of every table, plus the source text to save when it is not the file itself). The
encoding is what the cache stores, so a cached notice is written without being extracted again.

Cache: ``OUT/.cache/<key>.json`` where the key hashes the pipeline's fingerprint (its version
and every module and data file of the package), the input path, its doc_id and the sha256 of
its bytes. A changed notice, a changed pipeline or a moved file misses; an unchanged one hits.
Entries are written atomically as each notice is done, so an interrupted run's work is reused
by the next; entries not used by a completed run are pruned.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

from . import __version__
from .errors import PipelineError
from .load import input_format, load_bytes, read_bytes
from .model import Document
from .process import failed, process
from .tables import document_row, error_rows, reference_rows, task_rows

R = TypeVar("R")


@dataclass(slots=True)
class Encoded:
    doc_id: str
    source: str
    status: str
    error_stage: str | None
    errors: list[str]
    json_line: str
    tasks: list[dict]
    references: list[dict]
    document: dict
    error_rows: list[dict]
    text_path: str | None = None
    text: str | None = None
    cached: bool = field(default=False)


def encode(doc: Document, text: str | None) -> Encoded:
    return Encoded(doc.doc_id, doc.source, doc.status, doc.error_stage, list(doc.errors),
                   json.dumps(doc.to_dict(), ensure_ascii=False), task_rows(doc), reference_rows(doc),
                   document_row(doc), error_rows(doc), doc.text_path, text if doc.text_path else None)


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """The pipeline's identity: version plus a hash of every module and data file."""
    h = hashlib.sha256(__version__.encode())
    root = resources.files("pipeline")
    for p in sorted(Path(str(root)).rglob("*"), key=lambda q: q.as_posix()):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json") and "__pycache__" not in p.parts:
            h.update(p.relative_to(Path(str(root))).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


class Cache:
    def __init__(self, folder: str | os.PathLike):
        self.dir = Path(folder)
        self.dir.mkdir(parents=True, exist_ok=True)

    @staticmethod
    def key(source: str, doc_id: str, sha256: str, fp: str) -> str:
        return hashlib.sha256("\0".join((fp, source, doc_id, sha256)).encode("utf-8")).hexdigest()[:32]

    def get(self, key: str) -> Encoded | None:
        p = self.dir / f"{key}.json"
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
            enc = Encoded(**data)
        except (OSError, ValueError, TypeError):
            return None
        enc.cached = True
        return enc

    def put(self, key: str, enc: Encoded) -> None:
        data = {f.name: getattr(enc, f.name) for f in fields(enc) if f.name != "cached"}  # no deep copy
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, ensure_ascii=False))  # dumps: the C encoder (dump is pure Python)
        os.replace(tmp, self.dir / f"{key}.json")

    MANIFEST = "manifest.json"

    def manifest(self) -> list[str] | None:
        """The ordered cache keys of the last completed run (its tables are current for them)."""
        try:
            return json.loads((self.dir / self.MANIFEST).read_text(encoding="utf-8"))["keys"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write_manifest(self, keys: list[str]) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"keys": keys}, fh)
        os.replace(tmp, self.dir / self.MANIFEST)

    def clear_manifest(self) -> None:
        (self.dir / self.MANIFEST).unlink(missing_ok=True)

    def prune(self, keep: set[str]) -> int:
        n = 0
        for p in self.dir.glob("*.json"):
            if p.stem not in keep and p.name != self.MANIFEST:
                p.unlink(missing_ok=True)
                n += 1
        for p in self.dir.glob(".tmp-*"):
            p.unlink(missing_ok=True)
        return n


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
    except Exception as exc:  # noqa: BLE001 - one input's bug never stops the run
        err = PipelineError("load", f"internal error: {type(exc).__name__}: {exc}")
        return failed(job.doc_id, job.source, err, sha), None
    return process(loaded, job.doc_id, job.source), (loaded.text if loaded.derived else None)


def run_one(job: Job) -> tuple[Encoded, str | None]:
    """Encode one input (from the cache when it is there); returns (encoded, cache key)."""
    try:
        input_format(Path(job.source))
        data = read_bytes(Path(job.source), job.max_bytes)
    except PipelineError as exc:
        return encode(failed(job.doc_id, job.source, exc), None), None
    cache = Cache(job.cache_dir) if job.cache_dir else None
    key = Cache.key(job.source, job.doc_id, hashlib.sha256(data).hexdigest(), job.fp) if cache else None
    if cache is not None:
        hit = cache.get(key)
        if hit is not None:
            return hit, key
    doc, text = document_of(job, data)
    enc = encode(doc, text)
    if doc.status == "failed":
        return enc, None  # a failure is not cached: the next run tries again
    if cache is not None:
        cache.put(key, enc)
    return enc, key


def map_ordered(fn: Callable[[Job], R], jobs: list[Job], workers: int = 1) -> Iterator[R]:
    """``fn`` over ``jobs`` in input order: in this process, or in a pool of ``workers`` processes."""
    if workers <= 1 or len(jobs) < 2:
        for j in jobs:
            yield fn(j)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as ex:
        yield from ex.map(fn, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8) or 1)))


def run_jobs(jobs: list[Job], workers: int = 1, engine: str = "local",
             scheduler: str | None = None) -> Iterator[tuple[Encoded, str | None]]:
    """Results in input order, whatever the engine."""
    if engine == "dask":
        yield from _run_dask(jobs, workers, scheduler)
        return
    yield from map_ordered(run_one, jobs, workers)


def _run_dask(jobs: list[Job], workers: int, scheduler: str | None,
              batch: int = 512) -> Iterator[tuple[Encoded, str | None]]:
    """Dask distributed: a local cluster by default, or the scheduler at ``scheduler``.
    Batches of futures are gathered in order so memory stays bounded and order deterministic."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise PipelineError("usage", "the dask engine needs `pip install 'dask[distributed]'`") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    try:
        for i in range(0, len(jobs), batch):
            futures = client.map(run_one, jobs[i:i + batch], pure=False)
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
