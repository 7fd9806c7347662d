"""The public API: extract from a path or a string, frames with proper dtypes, read_tables."""
from __future__ import annotations

import datetime as dt

import pandas as pd

import vntasks as pipeline
from vntasks.cli import main


def test_extract_text_and_path_agree(tmp_path, huyen_notice):
    p = tmp_path / "tb58.txt"
    p.write_text(huyen_notice, encoding="utf-8")
    a = pipeline.extract(p)
    b = pipeline.extract(huyen_notice)
    assert a.doc_id == "tb58" and a.status == "ok"
    assert [t.text for t in a.tasks] == [t.text for t in b.tasks]
    assert a.doc_number == "58-TB/HU" and a.level == "huyện"
    assert a.meeting_date == dt.date(2023, 4, 10) and a.issue_date == dt.date(2023, 4, 14)
    assert a.chair is not None and a.chair.name == "Lô Văn Thắng"
    assert a.signer is not None and a.signer.name == "Lô Văn Thắng"
    assert a.recipients == ["Thường trực Huyện ủy", "Lưu VPHU"]


def test_extract_never_raises_on_bad_input(tmp_path):
    d = pipeline.extract(tmp_path / "nope.txt")
    assert d.status == "failed" and d.error_stage == "load" and d.tasks == [] and d.references == []
    e = pipeline.extract("   ")
    assert e.status == "failed"


def test_no_match_gives_empty_lists_not_none():
    d = pipeline.extract("Một đoạn văn bản không có nhiệm vụ nào cả, chỉ là lời chào.")
    assert d.tasks == [] and d.references == [] and d.recipients == []


def test_to_frames_dtypes(tmp_path, huyen_notice):
    frames = pipeline.to_frames([pipeline.extract(huyen_notice)])
    tasks = frames["tasks"]
    assert set(frames) == {"tasks", "references", "documents", "errors"}
    assert pd.api.types.is_datetime64_any_dtype(tasks["deadline"])
    assert pd.api.types.is_datetime64_any_dtype(tasks["meeting_date"])
    assert isinstance(tasks["responsible"].iloc[0], list)
    assert str(tasks["start"].dtype) == "Int64"
    assert tasks["deadline"].iloc[0] == pd.Timestamp("2023-05-30")


def test_read_tables_round_trip(tmp_path, huyen_notice):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "tb.txt").write_text(huyen_notice, encoding="utf-8")
    assert main(["extract", str(tmp_path / "c"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    frames = pipeline.read_tables(tmp_path / "out")
    direct = pipeline.to_frames(pipeline.extract_corpus([tmp_path / "c"]))
    for name in ("tasks", "documents", "references"):
        a, b = frames[name], direct[name]
        assert list(a.columns) == list(b.columns), name
        assert len(a) == len(b), name
    t = frames["tasks"]
    assert pd.api.types.is_datetime64_any_dtype(t["period_start"])
    assert t["responsible"].map(type).eq(list).all()
    assert t["references"].iloc[1] == direct["tasks"]["references"].iloc[1]
    docs = frames["documents"]
    assert pd.api.types.is_datetime64_any_dtype(docs["issue_date"])
    assert docs["n_tasks"].iloc[0] == len(t)


def test_read_tables_types_parquet_and_csv_alike(tmp_path, huyen_notice):
    """The tasks table has the dtypes of output.tables.COLUMN_TYPES whether read from Parquet or CSV."""
    from vntasks.output.tables import ColumnType, column_type

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "tb.txt").write_text(huyen_notice, encoding="utf-8")
    assert main(["extract", str(tmp_path / "c"), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    from_parquet = pipeline.read_tables(tmp_path / "out")["tasks"]
    (tmp_path / "out" / "tasks.parquet").unlink()
    from_csv = pipeline.read_tables(tmp_path / "out")["tasks"]
    assert list(from_parquet.columns) == list(from_csv.columns)
    for df in (from_parquet, from_csv):
        for c in df.columns:
            kind = column_type("tasks", c)
            if kind is ColumnType.LIST:
                assert df[c].map(type).eq(list).all(), c
            elif kind is ColumnType.DATE:
                assert pd.api.types.is_datetime64_any_dtype(df[c]), c
            elif kind is ColumnType.TEXT:
                assert isinstance(df[c].dtype, pd.StringDtype), c
            else:
                assert str(df[c].dtype) == kind.value, c
