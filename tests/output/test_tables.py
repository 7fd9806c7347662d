"""output.tables: one dtype policy for every table (CSV, Parquet, rows), and duplicate inputs."""
from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest

from vntasks.cli import main
from vntasks.output.tables import (
    COLUMNS,
    ColumnType,
    Duplicates,
    arrow_schema,
    column_type,
    duplicate_key,
    duplicate_map,
    read_table,
    read_table_files,
)

pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

ROOT = Path(__file__).resolve().parents[2]
VARIANTS = ROOT / "tests" / "fixtures" / "variants"

#: the dtype each kind of column has when read back, whatever the file (written by hand, not
#: taken from ColumnType, so that a change of the policy shows here)
POLICY = {
    ColumnType.TEXT: "string",
    ColumnType.DATE: "datetime64[ms]",
    ColumnType.INT: "Int64",
    ColumnType.FLOAT: "Float64",
    ColumnType.BOOL: "boolean",
    ColumnType.LIST: "object",
}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """The tables of two notices of corpus/ and a copy of one of them (a duplicate input)."""
    src = tmp_path_factory.mktemp("in")
    for name in ("huyen_phu-tho_ubnd-tuyen-quan.txt", "tinh_quang-ninh_ubnd-moi-truong-vinh.txt"):
        shutil.copy(ROOT / "corpus" / name, src / name)
    shutil.copy(ROOT / "corpus" / "huyen_phu-tho_ubnd-tuyen-quan.txt", src / "zz_copy.txt")
    o = tmp_path_factory.mktemp("out")
    assert main(["extract", str(src), "--out", str(o), "--quiet"]) == 0
    return o


def _check_policy(frames: dict) -> None:
    for name, df in frames.items():
        assert list(df.columns) == list(COLUMNS[name]), name
        for c in df.columns:
            assert str(df[c].dtype) == POLICY[column_type(name, c)], (name, c, df[c].dtype)
            if column_type(name, c) is ColumnType.LIST:
                assert all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in df[c]), (name, c)


def _csv_only(out: Path, folder: Path) -> Path:
    folder.mkdir()
    for name in COLUMNS:
        shutil.copy(out / f"{name}.csv", folder / f"{name}.csv")
    return folder


def test_every_table_read_from_csv_has_the_policy_dtypes(out, tmp_path):
    frames = read_table_files(_csv_only(out, tmp_path / "csv"))
    assert len(frames["tasks"]) > 5 and len(frames["documents"]) == 3
    _check_policy(frames)


def test_read_tables_has_the_policy_dtypes(out):
    """What users call: vntasks.read_tables (tasks from tasks.parquet when there)."""
    import vntasks

    _check_policy(vntasks.read_tables(out))


def _write_parquet(frames: dict, folder: Path) -> None:
    """Each table as a Parquet file of arrow_schema(name), from its rows as the writers hold them."""
    for name, df in frames.items():
        rows = []
        for rec in df.to_dict("records"):
            row = {}
            for c, v in rec.items():
                kind = column_type(name, c)
                if kind is ColumnType.LIST:
                    row[c] = list(v)
                elif v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v):
                    row[c] = None
                elif kind is ColumnType.DATE:
                    row[c] = v.date()
                else:
                    row[c] = v
            rows.append(row)
        pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(name)), folder / f"{name}.parquet")


def test_parquet_csv_and_rows_give_equal_frames(out, tmp_path):
    import vntasks

    from_csv = read_table_files(_csv_only(out, tmp_path / "csv"))
    pq_dir = tmp_path / "pq"
    pq_dir.mkdir()
    _write_parquet(from_csv, pq_dir)
    from_pq = read_table_files(pq_dir)
    _check_policy(from_pq)
    docs = list(vntasks.extract_corpus(sorted((ROOT / "corpus").glob("huyen_phu-tho_ubnd-tuyen-quan.txt"))))
    from_rows = vntasks.to_frames(docs)
    _check_policy(from_rows)
    for name in COLUMNS:
        pd.testing.assert_frame_equal(from_csv[name], from_pq[name], check_dtype=True, obj=name)
    first = from_csv["tasks"][from_csv["tasks"]["doc_id"] == "huyen_phu-tho_ubnd-tuyen-quan"].reset_index(drop=True)
    pd.testing.assert_frame_equal(first, from_rows["tasks"], obj="tasks")


def test_missing_values_are_na_not_empty_strings(out):
    docs = read_table(out, "documents")
    assert docs["errors"].map(len).eq(0).all()
    assert not docs["district"].eq("").fillna(False).any()
    tasks = read_table(out, "tasks")
    assert tasks["deadline"].isna().any() and tasks["deadline"].notna().any()
    assert tasks["parent_id"].isna().any()


def test_labels_read_back_as_written(out):
    """The '-' and '+' item markers: as written in tasks.csv itself (no apostrophe for pandas
    or a spreadsheet to show), and in the typed frame."""
    with open(out / "tasks.csv", encoding="utf-8", newline="") as fh:
        labels = [r["label"] for r in csv.DictReader(fh)]
    assert "-" in labels and not any(lb.startswith("'") for lb in labels)
    assert "-" in set(read_table(out, "tasks")["label"].dropna())


def test_arrow_schema_of_every_table():
    for name, cols in COLUMNS.items():
        schema = arrow_schema(name)
        assert schema.names == list(cols)
    docs = arrow_schema("documents")
    assert docs.field("issue_date").type == pa.date32()
    assert docs.field("n_tasks").type == pa.int64()
    assert docs.field("recipients").type == pa.list_(pa.string())
    assert docs.field("duplicate_of").type == pa.string()


# ---------------------------------------------------------------- duplicates

@pytest.mark.parametrize(("a", "b", "same"), [
    (("57/TB-UBND", "UBND huyện Phù Ninh"), ("57 / TB–UBND", "ubnd huyện  phù ninh"), True),
    (("57/TB-UBND", "UBND huyện Phù Ninh"), ("58/TB-UBND", "UBND huyện Phù Ninh"), False),
    (("57/TB-UBND", "UBND huyện Phù Ninh"), ("57/TB-UBND", "UBND huyện Lâm Thao"), False),
    (("57/TB-UBND", None), ("57/TB-UBND", None), False),  # no issuer: no key
    ((None, "UBND huyện Phù Ninh"), (None, "UBND huyện Phù Ninh"), False),
    (("", "x"), ("", "x"), False),
])
def test_duplicate_key(a, b, same):
    ka, kb = duplicate_key(*a), duplicate_key(*b)
    assert (ka is not None and ka == kb) is same


def _doc(doc_id, sha, number=None, issuer=None):
    return {"doc_id": doc_id, "sha256": sha, "doc_number": number, "issuer": issuer}


def test_duplicates_in_input_order():
    rows = [
        _doc("a", "s1", "12/TB-UBND", "UBND huyện X"),
        _doc("b", "s2", "12/TB-UBND", "UBND huyện X"),  # same number and issuer as a
        _doc("c", "s1"),  # same bytes as a
        _doc("d", "s3", "12/TB-UBND", "UBND huyện Y"),  # another issuer
        _doc("e", "s3"),  # same bytes as d
        _doc("f", None),  # a failed input: nothing to compare
        _doc("g", None),
    ]
    assert duplicate_map(rows) == {"b": "a", "c": "a", "e": "d"}
    dups = Duplicates()
    assert [dups.original_of(r) for r in rows] == [None, "a", "a", None, "d", None, None]


def test_to_frames_marks_duplicates():
    import vntasks

    src = ROOT / "corpus" / "xa_nghe-an_dang-uy-nong-thon-moi.txt"
    docs = list(vntasks.extract_corpus([src, VARIANTS / "xa_nghe-an_dang-uy-nong-thon-moi-vni.txt", src]))
    d = vntasks.to_frames(docs)["documents"]
    assert list(d["duplicate_of"].isna()) == [True, False, False]
    assert set(d["duplicate_of"].dropna()) == {d["doc_id"][0]}


def test_duplicates_mark_fills_the_csv_line():
    from vntasks.api import extract
    from vntasks.output.tables import csv_tables, encode

    doc = extract(ROOT / "corpus" / "xa_nghe-an_dang-uy-nong-thon-moi.txt")
    first, second = encode(doc, None), encode(doc, None)
    second.doc_id = second.document["doc_id"] = "copy"
    for e in (first, second):
        e.csv = csv_tables(e)
    dups = Duplicates()
    dups.mark(first)
    dups.mark(second)
    assert first.document["duplicate_of"] is None and first.csv["documents"].rstrip("\n").endswith(",")
    assert second.document["duplicate_of"] == doc.doc_id
    assert second.csv["documents"].rstrip("\n").endswith("," + doc.doc_id)


def test_documents_csv_names_the_original_of_a_duplicate(out):
    docs = read_table(out, "documents")
    by_id = dict(zip(docs["doc_id"], docs["duplicate_of"], strict=True))
    assert by_id["zz_copy"] == "huyen_phu-tho_ubnd-tuyen-quan"
    assert pd.isna(by_id["huyen_phu-tho_ubnd-tuyen-quan"])


def test_variants_with_their_sources_are_duplicates(tmp_path):
    """A notice as .txt, .docx and VNI: one original, two duplicates (by number and issuer)."""
    import vntasks

    inputs = [ROOT / "corpus" / "xa_nghe-an_dang-uy-nong-thon-moi.txt",
              VARIANTS / "xa_nghe-an_dang-uy-nong-thon-moi-docx.docx",
              VARIANTS / "xa_nghe-an_dang-uy-nong-thon-moi-vni.txt"]
    d = vntasks.to_frames(vntasks.extract_corpus(inputs))["documents"]
    assert d["issue_date"].iloc[0] == pd.Timestamp(dt.date(2024, 3, 20))
    assert list(d["duplicate_of"].fillna("")) == ["", d["doc_id"][0], d["doc_id"][0]]


def test_every_table_has_a_parquet_file_with_the_csv_rows(out):
    """Parquet for every table, typed by ``arrow_schema``, holding what its CSV file holds."""
    import pandas as pd
    import pyarrow.parquet as pq

    from vntasks.output.tables import arrow_schema, type_frame

    for name in ("tasks", "references", "documents", "errors"):
        assert pq.read_schema(out / f"{name}.parquet").equals(arrow_schema(name)), name
        from_csv = type_frame(name, pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False))
        pd.testing.assert_frame_equal(read_table(out, name), from_csv, check_dtype=True)
