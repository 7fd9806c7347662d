"""All tables switch together (issue 21, item 3): a run killed while it replaces the tables
leaves a set that ``read_tables``, ``report`` and the next refresh refuse; the next run writes
one consistent set again. Old text files go with the tables that named them."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from vntasks.api import read_tables
from vntasks.cli import main
from vntasks.errors import PipelineError
from vntasks.output.writers import MANIFEST, TABLE_FILES, verify_tables

ROOT = Path(__file__).resolve().parents[2]

# Runs the CLI in a child process whose os.replace, in the writers, kills the process with
# SIGKILL right after the AFTER-th table was replaced: a kill -9 in the middle of the commit.
KILL_DURING_COMMIT = """
import os, signal, sys
import vntasks.output.writers as w
tables, after, real, done = set(w.TABLE_FILES), int(sys.argv[1]), os.replace, []
def replace(src, dst):
    real(src, dst)
    if os.path.basename(str(dst)) in tables:
        done.append(dst)
        if len(done) == after:
            os.kill(os.getpid(), signal.SIGKILL)
w.os = type("os", (), {**{k: getattr(os, k) for k in dir(os) if not k.startswith("__")}, "replace": staticmethod(replace)})
from vntasks.cli import main
sys.exit(main(["extract", *sys.argv[2:]]))
"""

pytestmark = pytest.mark.fault


def notices(d: Path, text: str, numbers: list[int]) -> None:
    d.mkdir(exist_ok=True)
    for i, n in enumerate(numbers):
        (d / f"tb{i}.txt").write_text(text.replace("Số 58", f"Số {n}"), encoding="utf-8")


def numbers(out: Path) -> list[str]:
    return [json.loads(x)["doc_number"] for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


def kill_during_commit(src: Path, out: Path, after: int) -> int:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*sys.path])}
    p = subprocess.run([sys.executable, "-c", KILL_DURING_COMMIT, str(after), str(src), "--out", str(out),
                        "--jobs", "1", "--quiet"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    return p.returncode


@pytest.mark.parametrize("after", [1, 3, 4])  # documents.csv (5th) is still old
def test_a_kill_during_the_commit_never_yields_a_mixed_set(tmp_path, huyen_notice, capsys, after):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, [60, 61])
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert verify_tables(out) is not None and len(read_tables(out)["documents"]) == 2
    old = {n: (out / n).read_bytes() for n in TABLE_FILES}
    notices(c, huyen_notice, [70, 71])
    assert kill_during_commit(c, out, after) == -signal.SIGKILL
    new = [n for n in TABLE_FILES if (out / n).read_bytes() != old[n]]
    assert 0 < len(new) < len(TABLE_FILES)  # the fault: some tables new, some old
    with pytest.raises(PipelineError, match="not from one run"):
        read_tables(out)
    assert main(["report", str(out), "--out", str(tmp_path / "r.html")]) == 2
    assert "not from one run" in capsys.readouterr().err
    # the next run does not take the mix for current tables: it writes them again
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "tables are current" not in err and "2 unchanged (cached)" in err
    assert numbers(out) == ["70-TB/HU", "71-TB/HU"] and len(read_tables(out)["tasks"]) > 0


def test_the_manifest_names_every_table_and_the_inputs(tmp_path, huyen_notice):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, [60])
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    m = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert sorted(m["tables"]) == sorted(TABLE_FILES)
    assert m["inputs"]["count"] == 1 and re.fullmatch("[0-9a-f]{64}", m["inputs"]["sha256"])
    (out / "errors.csv").write_text("source,stage,error\nx,load,y\n", encoding="utf-8")  # one table changed
    with pytest.raises(PipelineError, match=r"errors\.csv"):
        read_tables(out)


def test_text_files_of_inputs_gone_are_removed(tmp_path, huyen_notice):
    c, out = tmp_path / "c", tmp_path / "out"
    c.mkdir()
    for name in ("a", "b"):  # Windows-1258: the source text is saved as text/<doc_id>.txt
        (c / f"{name}.txt").write_bytes(huyen_notice.encode("cp1258", errors="replace"))
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert sorted(p.name for p in (out / "text").iterdir()) == ["a.txt", "b.txt"]
    (c / "b.txt").unlink()
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert sorted(p.name for p in (out / "text").iterdir()) == ["a.txt"]
