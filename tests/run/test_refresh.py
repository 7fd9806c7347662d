"""The refresh job: cache (changed, new, deleted, interrupted), --jobs, and the Dask engine."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vntasks.cli import main

TABLES = ("documents.jsonl", "tasks.csv", "tasks.parquet", "references.csv", "documents.csv", "errors.csv")


def notices(d: Path, huyen_notice: str, n: int = 4) -> None:
    d.mkdir(exist_ok=True)
    for i in range(n):
        (d / f"tb{i}.txt").write_text(huyen_notice.replace("Số 58", f"Số {60 + i}"), encoding="utf-8")


def ids(out: Path) -> list[str]:
    return [json.loads(x)["doc_id"] for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]


def snapshot(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in TABLES}


def run(capsys, *args) -> tuple[int, str]:
    rc = main(["extract", *args])
    return rc, capsys.readouterr().err


def test_cache_reuses_unchanged_and_refreshes_changed_new_deleted(tmp_path, huyen_notice, capsys):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice)
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and "0 unchanged" in err
    first = snapshot(out)
    mtimes = {n: (out / n).stat().st_mtime_ns for n in TABLES}
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and "unchanged since the last run" in err
    assert snapshot(out) == first and {n: (out / n).stat().st_mtime_ns for n in TABLES} == mtimes  # not rewritten
    (out / "tasks.csv").unlink()  # a missing table is rewritten, from the cache
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert "4 unchanged (cached)" in err
    assert snapshot(out) == first  # a cached run writes the same bytes
    # changed, new and deleted notices
    (c / "tb1.txt").write_text(huyen_notice.replace("Số 58", "Số 99"), encoding="utf-8")
    (c / "tb9.txt").write_text(huyen_notice, encoding="utf-8")
    (c / "tb3.txt").unlink()
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert "2 unchanged (cached)" in err
    assert ids(out) == ["tb0", "tb1", "tb2", "tb9"]
    docs = {json.loads(x)["doc_id"]: json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    assert docs["tb1"]["doc_number"] == "99-TB/HU"
    from vntasks.run.engines import Cache

    with Cache(out / ".cache") as cache:
        assert len(cache.keys()) == 4  # deleted: pruned
    # --no-cache gives the same tables
    rc, err = run(capsys, str(c), "--out", str(tmp_path / "fresh"), "--jobs", "1", "--no-cache")
    assert snapshot(tmp_path / "fresh") == snapshot(out)


def test_interrupted_run_is_completed_by_the_next(tmp_path, huyen_notice, capsys, crash_on_job):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 3)
    disarm = crash_on_job(3)
    rc, _ = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 130 and not (out / "tasks.csv").exists()
    disarm()
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and "2 unchanged (cached)" in err and ids(out) == ["tb0", "tb1", "tb2"]


def test_a_changed_pipeline_misses_the_cache(tmp_path, huyen_notice, capsys, monkeypatch):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    run(capsys, str(c), "--out", str(out), "--jobs", "1")
    import vntasks.run.refresh as refresh

    monkeypatch.setattr(refresh, "fingerprint", lambda: "another-version")
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert "0 unchanged" in err


def test_jobs_output_is_byte_identical(tmp_path, huyen_notice, capsys):
    c = tmp_path / "c"
    notices(c, huyen_notice, 6)
    run(capsys, str(c), "--out", str(tmp_path / "j1"), "--jobs", "1", "--no-cache")
    run(capsys, str(c), "--out", str(tmp_path / "j2"), "--jobs", "2", "--no-cache")
    assert snapshot(tmp_path / "j1") == snapshot(tmp_path / "j2")


def test_dask_engine_with_a_local_cluster_is_byte_identical(tmp_path, huyen_notice, capsys):
    pytest.importorskip("distributed")
    c = tmp_path / "c"
    notices(c, huyen_notice, 5)
    run(capsys, str(c), "--out", str(tmp_path / "local"), "--jobs", "1", "--no-cache")
    rc, err = run(capsys, str(c), "--out", str(tmp_path / "dask"), "--engine", "dask", "--jobs", "2", "--no-cache")
    assert rc == 0, err
    assert snapshot(tmp_path / "local") == snapshot(tmp_path / "dask")


def test_a_damaged_cache_is_set_aside_and_rebuilt(tmp_path, huyen_notice, capsys):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    run(capsys, str(c), "--out", str(out), "--jobs", "1")
    first = snapshot(out)
    db = out / ".cache" / "cache.sqlite3"
    for extra in (".cache/cache.sqlite3-wal", ".cache/cache.sqlite3-shm", ".cache/tables.json"):
        (out / extra).unlink(missing_ok=True)
    db.write_bytes(b"this is not a database" * 100)
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and "0 unchanged" in err and snapshot(out) == first
    assert (out / ".cache" / "cache.sqlite3.damaged").exists()
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")  # the rebuilt cache serves
    assert rc == 0 and "unchanged since the last run" in err


def test_extraction_leaves_the_callers_gc_threshold_as_it_was(tmp_path, huyen_notice):
    import gc

    from vntasks.api import extract_corpus

    notices(tmp_path / "c", huyen_notice, 2)
    before = gc.get_threshold()
    docs = list(extract_corpus([tmp_path / "c"], jobs=1))
    assert len(docs) == 2 and gc.get_threshold() == before


def test_entries_of_the_former_file_per_notice_cache_are_removed(tmp_path, huyen_notice, capsys):
    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 1)
    (out / ".cache").mkdir(parents=True)
    old = out / ".cache" / "0123456789abcdef0123456789abcdef.json"
    old.write_text("{}", encoding="utf-8")
    rc, _ = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and not old.exists() and (out / ".cache" / "tables.json").exists()


def test_a_database_of_the_former_layout_is_replaced(tmp_path, huyen_notice, capsys):
    """A cache.sqlite3 whose entries embed the JSON line in their data (table "entries"): the
    table is dropped, the notices extracted again, and the next run reads the new entries."""
    import sqlite3

    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    (out / ".cache").mkdir(parents=True)
    db = sqlite3.connect(out / ".cache" / "cache.sqlite3")
    db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, data TEXT NOT NULL)")
    db.execute("INSERT INTO entries VALUES ('k', '{}')")
    db.commit()
    db.close()
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and "0 unchanged" in err
    first = snapshot(out)
    db = sqlite3.connect(out / ".cache" / "cache.sqlite3")
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    n = db.execute("SELECT count(*) FROM notices").fetchone()[0]
    db.close()
    assert "entries" not in tables and n == 2
    # one notice changed: the other is read from the new entries, and its rows are as before
    (c / "tb1.txt").write_text(huyen_notice.replace("Số 58", "Số 99"), encoding="utf-8")
    rc, err = run(capsys, str(c), "--out", str(out), "--jobs", "1")
    assert rc == 0 and "1 unchanged" in err
    again = snapshot(out)
    line = [x for x in first["documents.jsonl"].splitlines() if b'"tb0"' in x]
    assert line and line[0] in again["documents.jsonl"].splitlines()


def _cached_loaders():
    import importlib

    from vntasks.run.process import WARM_MODULES
    from vntasks.text import lexicon

    fns = [lexicon.load_table]
    for name in WARM_MODULES:
        mod = importlib.import_module(f"vntasks.{name}")
        fns += [f for f in vars(mod).values() if hasattr(f, "cache_clear") and getattr(f, "__module__", "") == mod.__name__]
    return fns


def _tables_loaded(_job) -> int:
    from vntasks.text.lexicon import load_table

    return load_table.cache_info().currsize


def test_after_warm_extraction_reads_no_lexicon_or_model_file(monkeypatch, huyen_notice):
    from vntasks.api import extract
    from vntasks.learn import model as learn
    from vntasks.run.process import warm
    from vntasks.text import lexicon

    for f in _cached_loaders():
        f.cache_clear()
    assert warm() >= 20
    reads: list[str] = []
    real_text, real_model = lexicon.data_text, learn._package_model_text
    monkeypatch.setattr(lexicon, "data_text", lambda n: reads.append(n) or real_text(n))
    monkeypatch.setattr(learn, "_package_model_text", lambda n: reads.append(n) or real_model(n))
    doc = extract(huyen_notice)
    assert doc.tasks and reads == []


def test_pool_workers_start_with_the_lexicons_loaded():
    from vntasks.run.engines import map_ordered

    for f in _cached_loaders():
        f.cache_clear()
    got = list(map_ordered(_tables_loaded, [1, 2, 3, 4], 2))
    assert len(got) == 4 and min(got) > 0


def test_refresh_is_callable_without_the_command_line(tmp_path, huyen_notice):
    from vntasks.api import expand_inputs
    from vntasks.run.refresh import refresh

    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    sources = expand_inputs([c])
    seen: list[int] = []
    first = refresh(sources, out, on_result=lambda i, enc: seen.append(i))
    assert (first.n_inputs, first.n_bad, first.n_cached, first.current) == (2, 0, 0, False) and seen == [1, 2]
    assert refresh(sources, out).current
    again = refresh(sources, out, reuse_tables=False)
    assert (again.n_cached, again.current) == (2, False)


def test_the_tables_are_current_only_for_the_same_inputs_in_the_same_order(tmp_path, huyen_notice):
    from vntasks.api import expand_inputs
    from vntasks.run.refresh import refresh

    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 3)
    sources = expand_inputs([c])
    refresh(sources, out)
    assert refresh(sources, out).current
    assert not refresh(list(reversed(sources)), out).current  # another order: other tables
    assert refresh(list(reversed(sources)), out).current
    assert not refresh(sources[:2], out).current  # one input fewer
    refresh(sources, out)
    (c / "tb1.txt").write_text(huyen_notice.replace("Số 58", "Số 77"), encoding="utf-8")  # one changed
    assert not refresh(sources, out).current


def test_a_manifest_listing_every_input_is_replaced_by_its_digest(tmp_path, huyen_notice):
    """An older version listed the cache key of every input in the manifest (memory growing with
    the corpus): such tables are written again once, and the manifest then holds a digest."""
    from vntasks.api import expand_inputs
    from vntasks.output.writers import MANIFEST
    from vntasks.run.refresh import refresh

    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    sources = expand_inputs([c])
    refresh(sources, out)
    path = out / MANIFEST
    m = json.loads(path.read_text(encoding="utf-8"))
    m["inputs"] = ["0" * 32, "1" * 32]
    path.write_text(json.dumps(m), encoding="utf-8")
    again = refresh(sources, out)
    assert not again.current and again.n_cached == 2
    assert set(json.loads(path.read_text(encoding="utf-8"))["inputs"]) == {"count", "sha256"}
    assert refresh(sources, out).current


def test_a_run_with_a_failed_input_is_never_current(tmp_path, huyen_notice):
    from vntasks.api import expand_inputs
    from vntasks.run.refresh import refresh

    c, out = tmp_path / "c", tmp_path / "out"
    notices(c, huyen_notice, 2)
    (c / "broken.docx").write_bytes(b"not a zip")
    sources = expand_inputs([c])
    first = refresh(sources, out)
    assert first.n_bad == 1
    assert not refresh(sources, out).current  # the failed input is tried again
