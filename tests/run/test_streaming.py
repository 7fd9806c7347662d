"""Results stream through the pool (issue 21, item 12): workers never run far ahead of the main
process, so a refresh whose notices all come from the cache (workers fast, the writer slow)
holds a bounded number of results, however large the corpus."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from vntasks.run import pool
from vntasks.run.engines import map_ordered

pytestmark = pytest.mark.fault


def touch(job: tuple[str, int]) -> int:
    """A job that takes no time: it only records that it ran."""
    folder, i = job
    Path(folder, str(i)).touch()
    return i


def test_workers_do_not_run_ahead_of_a_slow_reader(tmp_path):
    jobs = [(str(tmp_path), i) for i in range(1500)]
    results = map_ordered(touch, jobs, workers=2)
    assert next(results) == 0
    time.sleep(2)  # the reader is busy: the workers would finish every job meanwhile
    ran = len(os.listdir(tmp_path))
    chunk = max(1, min(16, len(jobs) // 16))
    assert ran <= (pool.WINDOW * 2 + 1) * chunk, ran
    assert list(results) == list(range(1, 1500))  # and every result still comes, in order
