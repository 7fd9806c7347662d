"""The Dask engine survives a worker killed by its input (issue 21, item 1, for ``--engine dask``):
that input gets a failed result, every other input is written, in order."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from vntasks.run.engines import Job, fingerprint, run_dask, run_one

pytestmark = pytest.mark.fault


def kill_on_victims(job: Job):
    """``run_one``, but the worker process kills itself (SIGKILL, as the OOM killer would) for an
    input whose name starts with "victim" (this module is imported by the Dask workers)."""
    if Path(job.source).name.startswith("victim"):
        os.kill(os.getpid(), signal.SIGKILL)
    return run_one(job)


def test_a_dask_worker_killed_by_its_input_fails_that_input_only(tmp_path, huyen_notice):
    pytest.importorskip("distributed")
    names = ["a.txt", "victim.txt", "b.txt", "c.txt"]
    for i, name in enumerate(names):
        (tmp_path / name).write_text(huyen_notice.replace("Số 58", f"Số {70 + i}"), encoding="utf-8")
    jobs = [Job(str(tmp_path / n), Path(n).stem, 1 << 20, None, fingerprint()) for n in names]
    results = list(run_dask(jobs, 2, None, fn=kill_on_victims))
    assert [enc.doc_id for enc, _ in results] == ["a", "victim", "b", "c"]
    by_id = {enc.doc_id: enc for enc, _ in results}
    assert by_id["victim"].status == "failed" and by_id["victim"].error_stage == "extract"
    assert by_id["victim"].errors[0].startswith("worker died (killed each time Dask ran it)")
    for i, name in enumerate(names):
        if name != "victim.txt":
            enc = by_id[Path(name).stem]
            assert enc.status == "ok", enc.errors
            assert enc.document["doc_number"] == f"{70 + i}-TB/HU"
