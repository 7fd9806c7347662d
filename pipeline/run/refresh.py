"""A refresh run: inputs -> an output folder's tables, extracting again only what changed.

In: the input files, an output folder and how to run them (workers, engine). Out: the tables
written atomically by :class:`~..output.writers.TableWriter`, the folder's refresh cache
(:class:`~.engines.Cache`, ``OUT/.cache``) brought up to date, and a :class:`RunSummary`.

When the table manifest says the tables are one complete set written for exactly these inputs,
unchanged, by this pipeline, nothing runs (``RunSummary.current``). Otherwise every input is
encoded (from the cache when it is there), written, and new results are stored; entries no input
used are pruned. The manifest names the inputs when every input succeeded. Errors of the run itself
(``KeyboardInterrupt``, ``PipelineError`` of the engine, ``OSError`` of the output folder) reach
the caller, after the cache has kept what was extracted. No input at all is such an error
(:class:`NoInputs`): the previous tables stay.
"""
from __future__ import annotations

import hashlib
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass

from ..errors import PipelineError
from ..ingest.load import MAX_BYTES
from ..output.tables import Encoded
from ..output.writers import TableWriter, verify_tables
from .engines import Cache, Job, close_readers, fingerprint, job_key, run_jobs, store
from .jobs import JobList, PathList, doc_id_table
from .pool import MAX_MEMORY

CACHE_FOLDER = ".cache"


class NoInputs(PipelineError):
    """A run without a single input: the previous tables (and the cache) are left as they were
    (an emptied or mistyped input folder must not wipe them)."""

    def __init__(self, out: str):
        super().__init__("usage", f"no input files: the tables in {out} are left as they were")
        self.out = out


@dataclass(slots=True)
class RunSummary:
    """What a refresh run did: inputs, how many had errors, how many came from the cache, and
    whether the tables were already current (then nothing ran)."""

    n_inputs: int
    n_bad: int = 0
    n_cached: int = 0
    current: bool = False


class InputsDigest:
    """What a set of tables was made from, in constant memory: the number of inputs and a sha256
    over their cache keys in order (a key names the pipeline, the path, the doc_id and the bytes).
    ``complete`` is False once an input had no key (it could not be read, or it failed)."""

    def __init__(self) -> None:
        self._h = hashlib.sha256()
        self.count = 0
        self.complete = True

    def add(self, key: str | None) -> None:
        self.count += 1
        if key is None:
            self.complete = False
        else:
            self._h.update(key.encode("ascii") + b"\n")

    def record(self) -> dict:
        """The manifest's ``inputs``."""
        return {"count": self.count, "sha256": self._h.hexdigest()}


def tables_current(jobs: Sequence[Job], out: str | os.PathLike) -> bool:
    """True when the tables of ``out`` are one complete set (their manifest) written for exactly
    these inputs, unchanged (every input is read and hashed: no list of them is held)."""
    try:
        m = verify_tables(out, complete=True)
    except PipelineError:  # a mix of two runs: written again
        return False
    last = m.get("inputs") if m else None
    if not isinstance(last, dict) or last.get("count") != len(jobs):
        return False  # (also the list of keys an older version wrote: the tables are written again)
    now = InputsDigest()
    for j in jobs:
        now.add(job_key(j))
        if not now.complete:
            return False
    return now.record() == last


def not_inside(sources: Sequence[str], folder: str, keep: set[str] | frozenset[str] = frozenset()) -> PathList:
    """``sources`` but those in ``folder`` (one ``realpath`` per folder of the sources), except
    those in ``keep``."""
    top = os.path.realpath(folder).rstrip(os.sep) + os.sep
    verdict: dict[str, bool] = {}
    kept = PathList()
    for s in sources:
        d = os.path.dirname(s) or "."
        if d not in verdict:
            verdict[d] = (os.path.realpath(d) + os.sep).startswith(top)
        if not verdict[d] or s in keep:
            kept.append(s)
    return kept


@contextmanager
def terminated_cleanly() -> Iterator[None]:
    """While the block runs (in the main thread), SIGTERM unwinds it like an exception, so the
    temporary files are removed, the cache keeps what was extracted and the workers are killed;
    the process then exits with status 143 (128 + SIGTERM)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def refresh(sources: Sequence[str], out: str | os.PathLike, *, jobs: int = 1, engine: str = "local",
            scheduler: str | None = None, max_bytes: int = MAX_BYTES, use_cache: bool = True,
            reuse_tables: bool = True, on_result: Callable[[int, Encoded], None] | None = None,
            max_memory: int | None = MAX_MEMORY, own: Sequence[str] = ()) -> RunSummary:
    """Extract ``sources`` (files, in order) into the tables of ``out``.

    ``use_cache``: read and update ``out/.cache`` (else extract every input). ``reuse_tables``:
    return at once when the tables are current. ``on_result(i, encoded)`` is called for the i-th
    result (1-based), in input order, after it was written. ``max_memory``: bytes each worker
    process may use (above what it shares with this process). :class:`NoInputs` when there is
    no input: nothing is written. ``own``: files this run wrote into ``out`` itself to read
    them (the copy of standard input), the only sources inside ``out`` that are taken.
    """
    out = os.fspath(out)
    own_set = set(own)
    sources = not_inside(sources, out, keep=own_set)  # the output folder is never an input
    if not sources:
        raise NoInputs(out)
    cache_dir = os.path.join(out, CACHE_FOLDER) if use_cache else None
    fp = fingerprint()
    work = JobList(sources, doc_id_table(sources), max_bytes, cache_dir, fp)  # compact: ~50 bytes an input
    summary = RunSummary(len(work))
    if cache_dir and reuse_tables and tables_current(work, out):
        summary.current = True
        return summary
    inputs = InputsDigest()
    cache = Cache(cache_dir).open() if cache_dir else None
    try:
        with (terminated_cleanly(), TableWriter(out) as writer,
              closing(run_jobs(work, jobs, engine, scheduler, max_memory)) as results):
            for i, (enc, key) in enumerate(results, 1):
                store(cache, enc, key)
                writer.add_encoded(enc)
                summary.n_cached += enc.cached
                inputs.add(key)
                if cache is not None and key:
                    cache.use(key)
                summary.n_bad += enc.status != "ok"
                if on_result is not None:
                    on_result(i, enc)
            if cache is not None:
                cache.commit()  # the extracted work is kept, even if the commit of the tables is killed
                if summary.n_bad == 0 and inputs.complete:
                    writer.inputs = inputs.record()  # the tables are current for exactly these inputs
        if cache is not None:
            cache.prune_unused()  # the run completed: entries no input used go
    finally:
        close_readers()
        if cache is not None:
            cache.close()  # what was extracted is kept, even when the run stopped early
    return summary
