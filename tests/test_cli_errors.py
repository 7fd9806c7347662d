"""Mistakes in a command: each gets one line on stderr and the exit status ``vntasks --help``
lists (2 usage, 1 an input failed, 3 no inputs), and nothing is written when nothing should be."""
from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest

from vntasks.cli import EXIT_CODES, Exit, build_parser, main, parse_size

BIN = Path(sys.executable).parent / "vntasks"


def run(args, **kw):
    cmd = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "vntasks"]
    return subprocess.run(cmd + args, capture_output=True, text=True, **kw)


@pytest.fixture()
def notice(tmp_path, huyen_notice) -> Path:
    p = tmp_path / "in" / "tb58.txt"
    p.parent.mkdir()
    p.write_text(huyen_notice, encoding="utf-8")
    return p


def one_line(err: str) -> str:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# (arguments after "extract", with {in} the input folder and {out} the output folder; status; words of the line)
MISTAKES = [
    (["{tmp}/nowhere", "--out", "{out}"], Exit.USAGE, "no such file or folder: "),
    (["{in}", "{tmp}/missing.txt", "--out", "{out}"], Exit.USAGE, "missing.txt"),
    (["{in}", "--out", "{in}/tb58.txt"], Exit.USAGE, "is a file"),
    (["{in}", "--out", "{out}", "--jobs", "-1"], Exit.USAGE, "0 (every core) or more, not -1"),
    (["{in}", "--out", "{out}", "--jobs", "many"], Exit.USAGE, "not a number"),
    (["{in}", "--out", "{out}", "--scheduler", "tcp://127.0.0.1:8786"], Exit.USAGE, "--scheduler needs --engine dask"),
    (["{in}", "--out", "{out}", "--max-bytes", "20XB"], Exit.USAGE, "not a size: '20XB'"),
    (["{in}", "--out", "{out}", "--max-bytes", "0"], Exit.USAGE, "not a size"),
    (["{in}", "--out", "{out}", "--engine", "spark"], Exit.USAGE, "invalid choice: 'spark'"),
    (["{in}"], Exit.USAGE, "the following arguments are required: --out"),
    (["{empty}", "--out", "{out}"], Exit.NO_INPUTS, "no inputs found in "),
]


@pytest.mark.parametrize("args, status, words", MISTAKES)
def test_each_mistake_gets_one_line_and_its_status(tmp_path, notice, args, status, words):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.json").write_text("{}", encoding="utf-8")  # not an input type
    out = tmp_path / "out"
    subst = {"{tmp}": str(tmp_path), "{in}": str(notice.parent), "{out}": str(out), "{empty}": str(tmp_path / "empty")}
    argv = []
    for a in args:
        for k, v in subst.items():
            a = a.replace(k, v)
        argv.append(a)
    r = run(["extract", *argv])
    assert r.returncode == status
    assert words in one_line(r.stderr)
    assert not out.exists()  # nothing written


def test_no_inputs_keeps_the_previous_tables(tmp_path, notice):
    out = tmp_path / "out"
    assert main(["extract", str(notice.parent), "--out", str(out), "--quiet"]) == Exit.OK
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (tmp_path / "empty").mkdir()
    assert main(["extract", str(tmp_path / "empty"), "--out", str(out), "--quiet"]) == Exit.NO_INPUTS == 3
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_an_input_that_fails_gives_1_and_the_size_in_words(tmp_path, notice):
    r = run(["extract", str(notice.parent), "--out", str(tmp_path / "out"), "--max-bytes", "10", "--quiet"])
    assert r.returncode == Exit.INPUT_FAILED == 1
    line = one_line(r.stderr)
    size = notice.stat().st_size
    kb = math.ceil(size / 1024 * 10) / 10
    assert line.endswith(f"tb58.txt: load: file too large: {kb:.1f} KB > 10 bytes limit (--max-bytes)")


@pytest.mark.parametrize("text, n", [
    ("300", 300), ("20MB", 20 * 1024 ** 2), ("20 mb", 20 * 1024 ** 2), ("512k", 512 * 1024), ("512KiB", 512 * 1024),
    ("1.5G", 3 * 1024 ** 3 // 2), ("64b", 64),
])
def test_max_bytes_reads_units(text, n):
    assert parse_size(text) == n
    args = build_parser().parse_args(["extract", "x", "--out", "o", "--max-bytes", text])
    assert args.max_bytes == n


def test_help_lists_examples_and_every_exit_status():
    for argv in (["--help"], ["extract", "--help"]):
        r = run(argv)
        assert r.returncode == 0
        assert "examples:" in r.stdout and "vntasks extract corpus/ --out out" in r.stdout
        assert "cat notice.txt | vntasks extract - --out out" in r.stdout
        for status in Exit:
            assert f"\n  {int(status)} " in r.stdout, status
    assert EXIT_CODES.count("\n  ") >= len(Exit)


def test_stdin_is_read_and_kept_beside_the_tables(tmp_path, huyen_notice):
    out = tmp_path / "out"
    r = run(["extract", "-", "--out", str(out), "--quiet"], input=huyen_notice)
    assert r.returncode == 0, r.stderr
    assert (out / "stdin.txt").read_text(encoding="utf-8") == huyen_notice
    docs = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(docs) == 2 and docs[1].startswith("stdin,") and ",58-TB/HU," in docs[1]


def test_empty_stdin_is_no_inputs(tmp_path):
    r = run(["extract", "-", "--out", str(tmp_path / "out")], input="  \n")
    assert r.returncode == Exit.NO_INPUTS
    assert "standard input is empty" in one_line(r.stderr)


def test_verbose_logs_the_run_and_each_notice(tmp_path, notice):
    r = run(["extract", str(notice.parent), "--out", str(tmp_path / "out"), "-vv"])
    assert r.returncode == 0
    assert "vntasks: INFO: vntasks: 1 input(s); engine local" in r.stderr
    assert f"vntasks: DEBUG: vntasks: {notice}: ok, " in r.stderr
    quiet = run(["extract", str(notice.parent), "--out", str(tmp_path / "out2"), "--quiet"])
    assert quiet.stderr == ""


def test_progress_bar_shows_rate_and_time_left(tmp_path, huyen_notice, monkeypatch, capsys):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"n{i}.txt").write_text(huyen_notice.replace("58", str(60 + i)), encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["extract", str(d), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "3/3" in err and "notice/s" in err  # count and rate
    assert "<00:00" in err  # elapsed < time left
