"""A pool of worker processes that survives the death of a worker, bounded in memory.

In: a function of one job (module-level, so that it pickles), the jobs, how many workers, a
memory ceiling per worker, and ``on_death(job, reason)`` giving the result of a job whose worker
died. Out: one result per job, in input order (:func:`pool_map`).

* Jobs go to the workers in chunks, and only a few chunks per worker are in flight at a time:
  results never pile up in the main process when it writes slower than the workers produce (a
  refresh whose notices all come from the cache).
* A worker that dies (killed by the OOM killer or by hand, a crash in a C library) breaks
  the pool: the chunks that were in flight run again one job at a time in a new pool, and the
  job that kills its worker again gets ``on_death``'s result; every other job's result is kept.
* Each worker limits its own memory (``RLIMIT_DATA``, ``max_memory`` bytes above what it
  inherited from the main process): an input that needs more fails alone (``MemoryError``, or
  the worker dies and the job is reported) instead of taking the machine.
* Workers die with the main process (Linux: ``PR_SET_PDEATHSIG``; elsewhere a watchdog thread
  that watches the parent's pid), and are killed when the run stops early (an exception, Ctrl-C,
  SIGTERM).
"""
from __future__ import annotations

import ctypes
import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

J = TypeVar("J")
R = TypeVar("R")

#: Default memory ceiling of one worker, above what it inherits from the main process.
MAX_MEMORY = 2 * 1024 ** 3

#: Chunks in flight per worker.
WINDOW = 2

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def die_with_parent(parent: int) -> None:
    """Make this process exit when ``parent`` (the process that started it) goes."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent went before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="vntasks-watchdog").start()


def _watch_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


def _data_size() -> int:
    """This process's data size (VmData, bytes), what ``RLIMIT_DATA`` counts; 0 when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def limit_memory(max_memory: int | None) -> None:
    """Cap this process's data segment at what it uses now plus ``max_memory`` bytes."""
    if not max_memory:
        return
    try:
        import resource
    except ImportError:  # not on this platform
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    want = _data_size() + max_memory
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft == resource.RLIM_INFINITY or want < soft:
        try:
            resource.setrlimit(resource.RLIMIT_DATA, (want, hard))
        except (ValueError, OSError):
            pass


def _init_worker(parent: int, max_memory: int | None, gc_threshold: tuple[int, int, int] | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's cleanup handler
    die_with_parent(parent)
    limit_memory(max_memory)
    if gc_threshold:
        gc.set_threshold(*gc_threshold)


def _run_chunk(fn: Callable[[J], R], chunk: list[J]) -> list[R]:
    return [fn(j) for j in chunk]


class _Pool:
    """A ProcessPoolExecutor that can be replaced when a worker dies."""

    def __init__(self, workers: int, max_memory: int | None, gc_threshold: tuple[int, int, int] | None):
        self.args = (os.getpid(), max_memory, gc_threshold)
        self.workers = workers
        self.ex = None
        self.procs: dict = {}  # pid -> Process of the current executor (it forgets them when it breaks)
        self.start()

    def start(self) -> None:
        from concurrent.futures import ProcessPoolExecutor  # lazily: a one-process run never needs it

        self.ex = ProcessPoolExecutor(max_workers=self.workers, initializer=_init_worker, initargs=self.args)
        self.procs = {}

    def submit(self, fn: Callable, *args):
        fut = self.ex.submit(fn, *args)
        self.procs.update(getattr(self.ex, "_processes", None) or {})
        return fut

    def death(self) -> str:
        """How the dead worker of a broken pool ended (its exit code or signal), for the message."""
        codes = []
        for p in self.procs.values():
            p.join(timeout=1)
            if p.exitcode:
                codes.append(p.exitcode)
        codes.sort(key=lambda c: c == -signal.SIGTERM)  # the others are terminated when the pool breaks
        for code in codes:
            if code < 0:
                try:
                    return f"killed by {signal.Signals(-code).name}"
                except ValueError:
                    return f"killed by signal {-code}"
        return f"exit status {codes[0]}" if codes else "ended unexpectedly"

    def restart(self) -> str:
        why = self.death()
        self.stop(kill=True)
        self.start()
        return why

    def stop(self, kill: bool) -> None:
        ex, self.ex = self.ex, None
        if ex is None:
            return
        if kill:
            for p in list((getattr(ex, "_processes", None) or {}).values()):
                try:
                    p.kill()
                except (OSError, AttributeError, ValueError):
                    pass
            ex.shutdown(wait=True, cancel_futures=True)
        else:
            ex.shutdown(wait=True)


def pool_map(fn: Callable[[J], R], jobs: Sequence[J], workers: int, on_death: Callable[[J, str], R], *,
             chunk: int = 1, max_memory: int | None = MAX_MEMORY,
             gc_threshold: tuple[int, int, int] | None = None) -> Iterator[R]:
    """``fn`` over ``jobs`` in ``workers`` processes; results in input order (see the module doc)."""
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, chunk)
    starts = range(0, len(jobs), chunk)  # a chunk's jobs are taken from ``jobs`` when it is sent
    pool = _Pool(workers, max_memory, gc_threshold)
    done = False
    try:
        pending: deque = deque()  # (the chunk's jobs, its future)
        nxt = 0
        while pending or nxt < len(starts):
            try:
                while nxt < len(starts) and len(pending) < WINDOW * workers:
                    part = jobs[starts[nxt]:starts[nxt] + chunk]
                    pending.append((part, pool.submit(_run_chunk, fn, part)))
                    nxt += 1
                results = pending[0][1].result()
                pending.popleft()
            except BrokenProcessPool:
                suspects = [part for part, _ in pending]
                pending.clear()
                pool.restart()
                for part in suspects:  # one job at a time: the one that breaks the pool again is the culprit
                    for job in part:
                        yield _isolated(pool, fn, job, on_death)
                continue
            yield from results
        done = True
    finally:
        pool.stop(kill=not done)


def _isolated(pool: _Pool, fn: Callable[[J], R], job: J, on_death: Callable[[J, str], R]) -> R:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(_run_chunk, fn, [job]).result()[0]
    except BrokenProcessPool:
        return on_death(job, pool.restart())
