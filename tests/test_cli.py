"""End to end: the CLI on a temporary corpus, bad inputs, atomic writes, re-runs, the seeds."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from vntasks.cli import main

BIN = Path(sys.executable).parent / "vntasks"


def run(args, **kw):
    cmd = [str(BIN)] if BIN.exists() else [sys.executable, "-m", "vntasks"]
    return subprocess.run(cmd + args, capture_output=True, text=True, **kw)


@pytest.fixture()
def corpus(tmp_path, huyen_notice):
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    (d / "a_huyen.txt").write_text(huyen_notice, encoding="utf-8")
    (d / "sub" / "b_utf16.txt").write_bytes(huyen_notice.replace("Kỳ Sơn", "Con Cuông").encode("utf-16"))
    (d / "notes.json").write_text("{}", encoding="utf-8")  # not an input type: ignored in folders
    return d


def read_csv(p: Path) -> list[dict]:
    with open(p, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_extract_writes_every_table(corpus, tmp_path):
    out = tmp_path / "out"
    r = run(["extract", str(corpus), "--out", str(out)])
    assert r.returncode == 0, r.stderr
    for name in ("documents.jsonl", "tasks.csv", "tasks.parquet", "references.csv", "documents.csv", "errors.csv"):
        assert (out / name).exists(), name
    recs = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["a_huyen", "b_utf16"]
    assert recs[0]["schema"] == "vntasks/1" and recs[0]["status"] == "ok"
    assert recs[1]["encoding"] == "utf-16" and recs[1]["text_path"] == "text/b_utf16.txt"
    # offsets of a UTF-16 input refer to the written text file
    src = (out / "text" / "b_utf16.txt").read_text(encoding="utf-8")
    for t in recs[1]["tasks"]:
        for b in t["responsible"]:
            if b["start"] is not None:
                assert src[b["start"]:b["end"]] == b["text"]
    tasks = read_csv(out / "tasks.csv")
    assert {t["doc_id"] for t in tasks} == {"a_huyen", "b_utf16"}
    first = [t for t in tasks if t["doc_id"] == "a_huyen"]
    assert first[0]["deadline"] == "2023-05-30"
    assert first[0]["period_start"] == "2023-04-01" and first[0]["period_end"] == "2023-06-30"
    assert "12-KH/HU" in first[1]["references"]
    docs = read_csv(out / "documents.csv")
    assert docs[0]["doc_number"] == "58-TB/HU" and docs[0]["n_tasks"] == str(len(first))
    assert read_csv(out / "errors.csv") == []


def test_rerun_is_byte_identical(corpus, tmp_path):
    for o in ("o1", "o2"):
        assert run(["extract", str(corpus), "--out", str(tmp_path / o), "--quiet"]).returncode == 0
    for name in ("documents.jsonl", "tasks.csv", "tasks.parquet", "references.csv", "documents.csv", "errors.csv"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes(), name


def make_bad_inputs(d: Path) -> list[Path]:
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "corrupt.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF broken")
    with open(d / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (d / "dangling.txt").symlink_to(d / "nowhere.txt")
    return sorted(d.iterdir())


def test_bad_inputs_are_reported_and_never_lose_the_others(tmp_path, huyen_notice):
    bad = tmp_path / "bad"
    make_bad_inputs(bad)
    good = tmp_path / "good.txt"
    good.write_text(huyen_notice, encoding="utf-8")
    out = tmp_path / "out"
    r = run(["extract", str(bad), str(good), "--out", str(out)])
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    errors = read_csv(out / "errors.csv")
    by_name = {Path(e["source"]).name: e for e in errors}
    assert set(by_name) == {"binary.txt", "corrupt.docx", "corrupt.pdf", "dangling.txt", "empty.txt", "huge.txt"}
    assert "too large" in by_name["huge.txt"]["error"]
    assert by_name["binary.txt"]["stage"] == "decode"
    assert by_name["corrupt.docx"]["stage"] == "load"
    # one stderr line per failed input
    err_lines = [x for x in r.stderr.splitlines() if x.startswith("vntasks: ") and ": " in x[9:] and "input(s)" not in x]
    assert len(err_lines) == len(errors)
    recs = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 7
    ok = [x for x in recs if x["status"] == "ok"]
    assert len(ok) == 1 and ok[0]["doc_id"] == "good" and len(ok[0]["tasks"]) >= 3
    assert all(x["status"] == "failed" and x["errors"] for x in recs if x["status"] != "ok")


def test_unreadable_file(monkeypatch, tmp_path, capsys):
    p = tmp_path / "locked.txt"
    p.write_text("Nội dung.", encoding="utf-8")

    def deny(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("vntasks.ingest.load.open", deny, raising=False)
    rc = main(["extract", str(p), "--out", str(tmp_path / "out"), "--quiet", "--jobs", "1"])
    assert rc == 1
    err = capsys.readouterr().err
    assert "locked.txt: load: cannot read: Permission denied" in err


def test_usage_errors_exit_2(tmp_path):
    assert run(["extract", "--out", str(tmp_path)]).returncode == 2
    assert run(["frobnicate"]).returncode == 2


def test_interrupted_run_leaves_previous_tables(corpus, tmp_path, crash_on_job):
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out), "--quiet"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    crash_on_job(2)
    assert main(["extract", str(corpus), "--out", str(out), "--quiet", "--jobs", "1", "--no-cache"]) == 130
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in out.iterdir() if p.name.startswith(".vntasks-")]


def test_duplicate_stems_get_distinct_stable_ids(tmp_path, huyen_notice):
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "tb.txt").write_text(huyen_notice, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "x"), str(tmp_path / "y"), "--out", str(out), "--quiet"]) == 0
    ids = [json.loads(x)["doc_id"] for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(set(ids)) == 2 and all(i.startswith("tb-") for i in ids)


def test_docx_input_writes_its_text(tmp_path, huyen_notice):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for para in huyen_notice.split("\n"):
        d.add_paragraph(para)
    p = tmp_path / "tb.docx"
    d.save(p)
    out = tmp_path / "out"
    assert main(["extract", str(p), "--out", str(out), "--quiet"]) == 0
    rec = json.loads((out / "documents.jsonl").read_text(encoding="utf-8"))
    assert rec["input_format"] == "docx" and rec["doc_number"] == "58-TB/HU"
    src = (out / rec["text_path"]).read_text(encoding="utf-8")
    assert rec["tasks"] and all(src[r["start"]:r["end"]] == r["text"] for r in rec["references"])
    with zipfile.ZipFile(p) as z:
        assert "word/document.xml" in z.namelist()


def test_seeds_records(shared, tmp_path):
    out = tmp_path / "seeds"
    r = run(["extract", str(shared / "corpus" / "seeds"), "--out", str(out), "--quiet"])
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    files = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    assert [x["doc_id"] for x in recs] == [f.stem for f in files]
    assert [x["sha256"] for x in recs] == [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    assert all(x["status"] == "ok" for x in recs)
    # every mention's offsets point at its text in the source file
    for rec, f in zip(recs, files, strict=True):
        src = f.read_text(encoding="utf-8")
        for t in rec["tasks"]:
            for b in t["responsible"]:
                if b["start"] is not None:
                    assert src[b["start"]:b["end"]] == b["text"]
            if t["deadline"]:
                assert src[t["deadline"]["start"]:t["deadline"]["end"]] == t["deadline"]["text"]
        for ref in rec["references"]:
            assert src[ref["start"]:ref["end"]] == ref["text"]


def test_formula_cells_are_neutralised_in_csv_and_restored_by_read_tables(tmp_path):
    import vntasks as pipeline

    notice = ("Ngày 05/3/2024, đồng chí Trần Văn Nam chủ trì họp và kết luận như sau:\n\n"
              "1. Văn phòng rà soát =HYPERLINK(\"http://x\") và báo cáo.\n\n- Tổng hợp kết quả.\n")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "tb.txt").write_text(notice, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(tmp_path / "c"), "--out", str(out), "--quiet", "--format", "xlsx"]) == 0
    rows = read_csv(out / "tasks.csv")
    assert [r["label"] for r in rows] == ["1.", "-"]  # a lone item marker is no formula (output.cells)
    frames = pipeline.read_tables(out)
    assert list(frames["tasks"]["label"]) == ["1.", "-"]
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(out / "tables.xlsx")
    assert {"tasks", "references", "documents", "errors"} <= set(wb.sheetnames)
    assert wb["tasks"].freeze_panes == "A2"
