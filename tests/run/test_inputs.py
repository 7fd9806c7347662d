"""What is an input (issue 21, items 5 and 9): the output folder never is, even inside an input
folder; a subfolder that cannot be listed is reported in errors.csv, not skipped."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from vntasks.cli import main
from vntasks.run.refresh import refresh

pytestmark = pytest.mark.fault


def doc_ids(out: Path) -> list[str]:
    return [json.loads(x)["doc_id"] for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


def errors(out: Path) -> list[dict]:
    with open(out / "errors.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def windows_1258(c: Path, text: str, n: int) -> None:
    from vntasks.ingest.encodings import encode_cp1258

    c.mkdir(exist_ok=True)
    for i in range(n):  # their source text is saved as OUT/text/<doc_id>.txt: .txt files in OUT
        (c / f"tb{i}.txt").write_bytes(encode_cp1258(text + f"\n{i}\n"))


@pytest.mark.parametrize("out_name", ["out", "sub/out", "text"])
def test_the_output_folder_inside_an_input_folder_is_never_read(tmp_path, huyen_notice, capsys, out_name):
    c = tmp_path / "c"
    windows_1258(c, huyen_notice, 3)
    out = c / out_name
    for _ in range(3):
        assert main(["extract", str(c), "--out", str(out), "--jobs", "1", "--quiet"]) == 0
        assert doc_ids(out) == ["tb0", "tb1", "tb2"] and len(list((out / "text").iterdir())) == 3
    # named explicitly, a file in the output folder is not read either (API)
    summary = refresh([str(c / "tb0.txt"), str(out / "text" / "tb1.txt")], out, jobs=1)
    assert summary.n_inputs == 1 and doc_ids(out) == ["tb0"]


def test_the_output_folder_through_a_symlink(tmp_path, huyen_notice):
    c = tmp_path / "c"
    windows_1258(c, huyen_notice, 2)
    (tmp_path / "link").symlink_to(c)
    for _ in range(2):
        assert main(["extract", str(c), "--out", str(tmp_path / "link" / "out"), "--jobs", "1", "--quiet"]) == 0
    assert doc_ids(c / "out") == ["tb0", "tb1"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_reported(tmp_path, huyen_notice):
    _unreadable_subfolder_is_reported(tmp_path, huyen_notice)


def test_an_unreadable_subfolder_is_reported_even_to_root(tmp_path, huyen_notice, monkeypatch):
    """Root reads every folder: the fault is injected into the walk (os.scandir refuses it)."""
    real = os.scandir

    def scandir(path="."):
        if isinstance(path, (str, os.PathLike)) and Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    _unreadable_subfolder_is_reported(tmp_path, huyen_notice, chmod=False)


def _unreadable_subfolder_is_reported(tmp_path: Path, text: str, chmod: bool = True) -> None:
    c = tmp_path / "c"
    (c / "locked").mkdir(parents=True)
    (c / "a.txt").write_text(text, encoding="utf-8")
    (c / "locked" / "b.txt").write_text(text, encoding="utf-8")
    (c / "z.txt").write_text(text, encoding="utf-8")
    if chmod:
        (c / "locked").chmod(0)
    try:
        rc = main(["extract", str(c), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"])
    finally:
        (c / "locked").chmod(0o755)
    assert rc == 1
    assert doc_ids(tmp_path / "out") == ["a", "locked", "z"]
    [row] = errors(tmp_path / "out")
    assert row["source"] == str(c / "locked") and row["stage"] == "load"
    assert row["error"] == "cannot list the folder: Permission denied"
