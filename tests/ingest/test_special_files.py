"""Only regular files are read, and the size limit holds while reading (issue 21, items 8 and
14): a FIFO named as an input, a device, a file that says it is empty but is not; the size
message speaks the README's MB."""
from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vntasks.errors import PipelineError
from vntasks.ingest.limits import size_text
from vntasks.ingest.load import MAX_BYTES, read_bytes

pytestmark = pytest.mark.fault

ROOT = Path(__file__).resolve().parents[2]


def extract(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "vntasks", "extract", *args, "--jobs", "1"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def errors(out: Path) -> list[dict]:
    with open(out / "errors.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_fifo_named_as_an_input_is_refused_at_once(tmp_path, huyen_notice):
    c = tmp_path / "c"
    c.mkdir()
    (c / "a.txt").write_text(huyen_notice, encoding="utf-8")
    os.mkfifo(c / "pipe.txt")  # nobody ever writes to it: reading it would wait forever
    p = extract(str(c / "a.txt"), str(c / "pipe.txt"), "--out", str(tmp_path / "out"), timeout=60)
    assert p.returncode == 1, p.stderr
    [row] = errors(tmp_path / "out")
    assert row["source"].endswith("pipe.txt") and row["error"] == (
        "not a regular file (a named pipe (FIFO)): only regular files are read")


def test_a_device_is_refused_without_reading_it(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # endless: st_size says 0
    p = extract(str(tmp_path / "zero.txt"), "--out", str(tmp_path / "out"), timeout=60)
    assert p.returncode == 1
    assert errors(tmp_path / "out")[0]["error"] == "not a regular file (a character device): only regular files are read"


def test_the_size_limit_holds_while_reading():
    """/proc files are regular files that say they are empty (st_size 0) and are not."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        pytest.skip("no /proc")
    assert os.stat(maps).st_size == 0 and len(read_bytes(maps)) > 100
    with pytest.raises(PipelineError, match=r"file too large: more than the 100 bytes limit \(--max-bytes\) read from a file whose size said less"):
        read_bytes(maps, max_bytes=100)


def test_a_file_over_the_limit_says_so_in_the_readmes_units(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(PipelineError) as exc:
        read_bytes(big)
    assert exc.value.message == "file too large: 20.1 MB > 20 MB limit (--max-bytes)"


@pytest.mark.parametrize(("n", "text"), [(20 * 1024 * 1024, "20 MB"), (1024 * 1024 + 1, "1.1 MB"),
                                         (1024 * 1024 * 3 // 2, "1.5 MB"), (100, "100 bytes"),
                                         (3890, "3.8 KB"), (2048, "2 KB"), (3 << 30, "3 GB")])
def test_size_text(n, text):
    assert size_text(n) == text
