"""A worker killed while it works (as the OOM killer would): its input gets an error row, the
pool is rebuilt, and every other input's results are written (issue 21, item 1)."""
from __future__ import annotations

import csv
import json
import os
import signal
from pathlib import Path

import pytest

import vntasks.run.engines as engines
from vntasks.run.refresh import refresh

pytestmark = pytest.mark.fault


def notices(d: Path, text: str, n: int) -> list[str]:
    d.mkdir(exist_ok=True)
    for i in range(n):
        (d / f"tb{i:02d}.txt").write_text(text.replace("Số 58", f"Số {60 + i}"), encoding="utf-8")
    return sorted(str(p) for p in d.iterdir())


def killing(real, victims: set[str]):
    """``document_of`` that kills its own process (SIGKILL) for the inputs named in ``victims``."""

    def document_of(job, data=None):
        if Path(job.source).name in victims:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(job, data)

    return document_of


@pytest.mark.parametrize("victims", [{"tb03.txt"}, {"tb00.txt", "tb07.txt", "tb11.txt"}])
def test_a_killed_worker_fails_its_input_only(tmp_path, huyen_notice, monkeypatch, victims):
    sources = notices(tmp_path / "c", huyen_notice, 12)
    monkeypatch.setattr(engines, "document_of", killing(engines.document_of, victims))
    out = tmp_path / "out"
    summary = refresh(sources, out, jobs=2)
    assert summary.n_inputs == 12 and summary.n_bad == len(victims)
    docs = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [d["doc_id"] for d in docs] == [f"tb{i:02d}" for i in range(12)]
    for d in docs:
        if d["doc_id"] + ".txt" in victims:
            assert d["status"] == "failed" and d["errors"][0].startswith("worker died (")
        else:
            assert d["status"] == "ok" and d["doc_number"] == f"{60 + int(d['doc_id'][2:])}-TB/HU"
    with open(out / "errors.csv", encoding="utf-8", newline="") as fh:
        errors = list(csv.DictReader(fh))
    assert sorted(Path(e["source"]).name for e in errors) == sorted(victims)
    # the reason is the dead worker's as the pool saw it: "killed by SIGKILL"; under heavy load the
    # SIGTERM the broken pool sent its other worker, or "ended unexpectedly" when no exit status was
    # left to read: the row is there either way
    assert all(e["stage"] == "extract" and e["error"].startswith("worker died (") for e in errors)
    assert any("SIG" in e["error"] or "ended unexpectedly" in e["error"] for e in errors)
    # the failed inputs are not cached: the next run (nobody killing) extracts them
    monkeypatch.undo()
    again = refresh(sources, out, jobs=2)
    assert again.n_bad == 0 and again.n_cached == 12 - len(victims)
