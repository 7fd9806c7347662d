"""Small faults of real files (issue 21, item 14): a few stray bytes or a NUL keep the notice
(decoded with U+FFFD, a warning in errors.csv); random bytes named .html are no page; no
"discarding data" lines on stderr."""
from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from vntasks.errors import PipelineError
from vntasks.ingest.encodings import decode_bytes
from vntasks.ingest.load import load_bytes
from vntasks.run.refresh import refresh

pytestmark = pytest.mark.fault

ROOT = Path(__file__).resolve().parents[2]


def spoil(data: bytes, bad: bytes, at: list[int]) -> bytes:
    """``data`` with ``bad`` put before the byte at each offset (moved to a character start)."""
    out, last = [], 0
    for i in at:
        while data[i] & 0xC0 == 0x80:  # not inside a UTF-8 sequence
            i += 1
        out += [data[last:i], bad]
        last = i
    return b"".join([*out, data[last:]])


@pytest.mark.parametrize(("bad", "n"), [(b"\xff", 3), (b"\x00", 1), (b"\xff", 1), (b"\xc3", 2)])
def test_stray_bytes_keep_the_text(huyen_notice, bad, n):
    data = huyen_notice.encode("utf-8")
    spoilt = spoil(data, bad, [200 + 300 * k for k in range(n)])
    d = decode_bytes(spoilt)
    assert d.encoding == "utf-8" and d.replaced == n
    assert d.text.replace("\ufffd", "") == huyen_notice and d.text.count("\ufffd") == n
    loaded = load_bytes(spoilt, "txt")
    assert loaded.derived and loaded.warnings == (
        f"warning: {n} byte(s) that are not utf-8 text replaced by U+FFFD; the rest of the text is kept",)


def test_many_nuls_or_bad_bytes_are_still_binary(huyen_notice):
    data = huyen_notice.encode("utf-8")
    with pytest.raises(PipelineError, match="NUL bytes"):
        decode_bytes(spoil(data, b"\x00", list(range(10, 1000, 50))))


def test_a_notice_with_stray_bytes_is_extracted_with_a_warning(tmp_path, huyen_notice):
    data = spoil(huyen_notice.encode("utf-8"), b"\xff", [300, 600, 900])
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "tb.txt").write_bytes(data)
    out = tmp_path / "out"
    summary = refresh([str(tmp_path / "c" / "tb.txt")], out, jobs=1)
    assert summary.n_bad == 1
    [doc] = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert doc["status"] == "partial" and doc["doc_number"] == "58-TB/HU" and len(doc["tasks"]) >= 2
    text = (out / doc["text_path"]).read_text(encoding="utf-8")  # offsets refer to the decoded text
    assert text == data.decode("utf-8", errors="replace")
    for t in doc["tasks"]:
        assert text[t["start"]:t["end"]] == t["text"]
    with open(out / "errors.csv", encoding="utf-8", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    assert row["stage"] == "decode" and row["error"].startswith("warning: 3 byte(s)")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_are_no_web_page(seed):
    data = random.Random(seed).randbytes(20_000)
    with pytest.raises(PipelineError, match="not an HTML page: binary data"):
        load_bytes(data, "html")


def test_no_discarding_data_on_stderr(tmp_path):
    """trafilatura warns "discarding data: None" when it finds no main text; with logging set up
    (a notebook, the Dask engine) that reached stderr once per such page."""
    page = tmp_path / "empty.html"
    page.write_text("<html><body><div><script>x()</script></div></body></html>", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    p = subprocess.run([sys.executable, "-c", "import logging, sys; logging.basicConfig(); "
                        "from vntasks.ingest.load import load_path; load_path(sys.argv[1])", str(page)],
                       env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "HTML page has no readable text" in p.stderr
    assert "discarding data" not in p.stderr
