"""A run stopped from outside (issue 21, items 10 and 11): SIGTERM removes the temporary folder
and the workers and keeps the previous tables; after kill -9 the workers die with the main
process and the next run removes the temporary folder left behind (never one of a run in
progress); a full disk leaves no temporary files."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from vntasks.cli import main
from vntasks.output.writers import TABLE_FILES, TableWriter

pytestmark = pytest.mark.fault

ROOT = Path(__file__).resolve().parents[2]

# The CLI in a child process whose inputs each take a second (so that it can be stopped mid-run).
SLOW_RUN = """
import sys, time
import vntasks.run.engines as engines
real = engines.document_of
def slow(job, data=None):
    time.sleep(1)
    return real(job, data)
engines.document_of = slow
from vntasks.cli import main
sys.exit(main(["extract", *sys.argv[1:]]))
"""


def notices(d: Path, text: str, n: int) -> None:
    d.mkdir(exist_ok=True)
    for i in range(n):
        (d / f"tb{i:02d}.txt").write_text(text.replace("Số 58", f"Số {60 + i}"), encoding="utf-8")


def temporaries(out: Path) -> list[Path]:
    return [p for p in out.iterdir() if p.name.startswith(".vntasks-")]


def children(pid: int) -> set[int]:
    found = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(d.name))
    return found


def alive(pids: set[int]) -> set[int]:
    out = set()
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.add(p)
    return out


def wait_for(cond, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return cond()


def start_slow_run(c: Path, out: Path, **kw) -> tuple[subprocess.Popen, set[int]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.Popen([sys.executable, "-c", SLOW_RUN, str(c), "--out", str(out), "--jobs", "2", "--quiet"],
                         env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    assert wait_for(lambda: len(children(p.pid)) >= 2 and temporaries(out), 60), "the run did not start"
    time.sleep(1.5)  # some inputs done, others in the workers
    return p, children(p.pid)


@pytest.fixture()
def previous(tmp_path, huyen_notice) -> tuple[Path, Path, dict[str, bytes]]:
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    notices(c, huyen_notice, 12)
    return c, out, {n: (out / n).read_bytes() for n in TABLE_FILES}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_sigterm_removes_the_temporary_folder_and_the_workers(previous):
    c, out, tables = previous
    p, workers = start_slow_run(c, out)
    p.send_signal(signal.SIGTERM)
    assert p.wait(timeout=60) == 143, p.stderr.read()
    assert "Traceback" not in p.stderr.read()
    assert temporaries(out) == []
    assert {n: (out / n).read_bytes() for n in TABLE_FILES} == tables
    assert wait_for(lambda: not alive(workers), 10), "workers outlived the run"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_after_kill_9_workers_die_and_the_next_run_cleans_up(previous, capsys):
    c, out, tables = previous
    p, workers = start_slow_run(c, out)
    p.kill()
    p.wait(timeout=60)
    assert wait_for(lambda: not alive(workers), 10), "workers outlived the main process"
    left = temporaries(out)
    assert len(left) == 1 and {n: (out / n).read_bytes() for n in TABLE_FILES} == tables
    assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
    assert temporaries(out) == [] and not left[0].exists()


def test_the_temporary_folder_of_a_run_in_progress_is_left(tmp_path):
    first = TableWriter(tmp_path)
    second = TableWriter(tmp_path)  # a concurrent run into the same folder
    assert first.tmp.is_dir() and second.tmp.is_dir()
    second.abort()
    third = TableWriter(tmp_path)
    assert first.tmp.is_dir()
    first.abort()
    third.abort()
    assert temporaries(tmp_path) == []


def test_a_full_disk_leaves_no_temporary_files(previous):
    """RLIMIT_FSIZE makes every write past 64 KB fail (EFBIG) as a full disk would (ENOSPC)."""
    c, out, tables = previous

    def small_disk():
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    notices(c, (c / "tb00.txt").read_text(encoding="utf-8") * 8, 12)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.run([sys.executable, "-m", "vntasks", "extract", str(c), "--out", str(out), "--jobs", "1",
                        "--quiet"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
                       preexec_fn=small_disk)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "cannot write" in p.stderr
    assert temporaries(out) == [] and not list((out / ".cache").glob(".tmp-*"))
    assert {n: (out / n).read_bytes() for n in TABLE_FILES} == tables
