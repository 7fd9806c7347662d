"""The Parquet table of the writers: built from Arrow buffers, the same as pyarrow.table of the rows."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.output.tables import COLUMNS, DATE_COLUMNS
from vntasks.output.writers import TableWriter, _arrow_table, _parquet_schema, _string_array

ROOT = Path(__file__).resolve().parents[2]


def _oracle(rows: list[dict]) -> pa.Table:
    """The table as pyarrow.table makes it from the Python values (imports pandas: tests only)."""
    cols = {}
    for c in COLUMNS["tasks"]:
        vals = [r[c] for r in rows]
        if c in DATE_COLUMNS["tasks"]:
            vals = [dt.date.fromisoformat(v) if v else None for v in vals]
        cols[c] = vals
    return pa.table(cols, schema=_parquet_schema())


def _row(**over) -> dict:
    base = {c: None for c in COLUMNS["tasks"]}
    base.update(doc_id="d1", task_id="t1", text="Sở Tài chính chủ trì.", responsible=["Sở Tài chính"], support=[],
                references=[], body_types=["state"], start=0, end=21, level="tỉnh", issue_date="2024-03-05",
                responsible_inherited=False, score=0.873)
    base.update(over)
    return base


@pytest.mark.parametrize("rows", [
    [_row()],
    # nulls in every nullable kind of column, and the empty string (a value, not a null)
    [_row(parent_id=None, label="", deadline=None, period_inherited=None), _row(task_id="t2", label="a)")],
    # dates: "" is no date, as None
    [_row(deadline="2024-12-31", period_start="2024-07-01", period_end="2024-12-31", meeting_date="")],
    # lists: empty, several, non-ASCII, one element repeated, none at all (a null list)
    [_row(responsible=[], support=["UBND các xã, thị trấn", "Công an huyện"], references=["25-TB/BCĐ"] * 3)],
    [_row(responsible=None, body_types=["party"]), _row(task_id="t2", responsible=["Ban Tuyên giáo", ""]),
     _row(task_id="t3", responsible=None, support=None)],
    # numbers: large offsets, floats that need all their digits, booleans both ways
    [_row(start=2**40, end=2**40 + 7, score=0.1 + 0.2, responsible_inherited=True, period_inherited=False)],
    # a whole batch where one column is null throughout and another never is
    [_row(task_id=f"t{i}", section=None, text="ư" * i) for i in range(70)],
])
def test_same_table_as_pyarrow_table(rows):
    got = _arrow_table(rows)
    assert got.schema == _parquet_schema()
    assert got.equals(_oracle(rows))
    assert got.to_pylist() == _oracle(rows).to_pylist()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)),
                max_size=40))
def test_string_array_round_trips(values):
    arr = _string_array(values)
    assert arr.type == pa.string()
    assert arr.null_count == values.count(None)
    assert arr.to_pylist() == values


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=5, alphabet="aăâđ ,;")),
                          st.lists(st.text(max_size=4, alphabet="xyzơ"), max_size=3),
                          st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))),
                          st.one_of(st.none(), st.booleans()),
                          st.floats(allow_nan=False, allow_infinity=False)),
                min_size=1, max_size=25))
def test_rows_round_trip(cells):
    rows = [_row(task_id=f"t{i}", label=label, responsible=resp, deadline=d.isoformat() if d else None,
                 period_inherited=flag, score=score)
            for i, (label, resp, d, flag, score) in enumerate(cells)]
    assert _arrow_table(rows).equals(_oracle(rows))


def test_batches_write_one_parquet_file(tmp_path):
    rows = [_row(task_id=f"t{i}", deadline=f"2024-01-{i % 28 + 1:02d}") for i in range(12)]
    w = TableWriter(tmp_path, batch=5)
    w._batch["tasks"] = rows[:5]
    w._flush()
    w._batch["tasks"] = rows[5:]
    w.commit()
    table = pq.read_table(tmp_path / "tasks.parquet")
    assert table.num_rows == 12
    assert table.column("deadline").to_pylist()[3] == dt.date(2024, 1, 4)
    assert table.column("task_id").to_pylist() == [f"t{i}" for i in range(12)]


def test_extract_does_not_import_pandas(tmp_path):
    """A refresh run pays no pandas import: the tables are written with csv and pyarrow alone."""
    notice = tmp_path / "in" / "n1.txt"
    notice.parent.mkdir()
    notice.write_text("UỶ BAN NHÂN DÂN XÃ AN PHÚ\nSố: 12/TB-UBND\n\nTHÔNG BÁO\nKết luận cuộc họp\n\n"
                      "1. Giao công chức Địa chính nạo vét kênh nội đồng trước ngày 30/4/2024.\n\n"
                      "2. Văn phòng theo dõi, tổng hợp.\n", encoding="utf-8")
    code = ("import sys; from vntasks.cli import main; rc = main(sys.argv[1:]); "
            "print('pandas' in sys.modules); sys.exit(rc)")
    p = subprocess.run([sys.executable, "-c", code, "extract", str(notice.parent), "--out", str(tmp_path / "out"),
                        "--jobs", "1", "--quiet"], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip().splitlines()[-1] == "False"
    assert pq.read_table(tmp_path / "out" / "tasks.parquet").num_rows == 2
