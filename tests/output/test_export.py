"""output.xlsx: write_xlsx (sheets, frozen panes, dates, text cells stored as text, no apostrophe).
The CSV cell policy is tested in test_cells.py."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

openpyxl = pytest.importorskip("openpyxl")

from vntasks.cli import main  # noqa: E402
from vntasks.output.xlsx import write_xlsx, xlsx_value  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HYPERLINK = '=HYPERLINK("http://example.invalid","bấm vào đây")'


@pytest.mark.parametrize(("value", "expected"), [
    (["Phòng Nội vụ", "Công an huyện"], "Phòng Nội vụ; Công an huyện"),
    ([], ""),
    (None, None),
    (pd.NaT, None),
    (pd.NA, None),
    (float("nan"), None),
    (pd.Timestamp("2024-09-30"), dt.date(2024, 9, 30)),
    ("x\x07y", "xy"),  # a control character XML cannot hold
    ("=A1", "=A1"),  # as written: write_xlsx stores it as a text cell
    ("- a", "- a"),
    (7, 7),
])
def test_xlsx_value(value, expected):
    assert xlsx_value(value) == expected


def _frames() -> dict:
    tasks = pd.DataFrame({
        "doc_id": pd.Series(["a", "a"], dtype="string"),
        "task_id": pd.Series(["t1", "t2"], dtype="string"),
        "text": pd.Series([HYPERLINK + " Phòng Tài chính bố trí kinh phí.", "- rà soát"], dtype="string"),
        "responsible": [["Phòng Tài chính - Kế hoạch", "Công an huyện"], []],
        "deadline": pd.to_datetime(["2024-09-30", None]),
        "start": pd.Series([10, None], dtype="Int64"),
        "period_inherited": pd.Series([True, None], dtype="boolean"),
    })
    docs = pd.DataFrame({"doc_id": ["a"], "issue_date": pd.to_datetime(["2024-03-05"])})
    return {"documents": docs, "tasks": tasks}


def test_write_xlsx_round_trip(tmp_path):
    path = write_xlsx(_frames(), tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["tasks", "documents"]
    ws = wb["tasks"]
    assert ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == ["doc_id", "task_id", "text", "responsible", "deadline", "start",
                                        "period_inherited"]
    assert all(c.font.bold for c in ws[1])
    row2 = [c.value for c in ws[2]]
    assert row2[2] == HYPERLINK + " Phòng Tài chính bố trí kinh phí."
    assert ws.cell(2, 3).data_type == "s" and ws.cell(2, 3).quotePrefix  # text, not a formula
    assert row2[3] == "Phòng Tài chính - Kế hoạch; Công an huyện"
    assert isinstance(row2[4], dt.datetime) and row2[4].date() == dt.date(2024, 9, 30)
    assert ws.cell(2, 5).number_format == "yyyy-mm-dd"
    assert ws.cell(2, 5).is_date
    assert row2[5] == 10 and row2[6] is True
    row3 = [c.value for c in ws[3]]
    assert row3[2] == "- rà soát" and ws.cell(3, 3).data_type == "s"
    assert row3[3] is None and row3[4] is None and row3[5] is None
    docs = wb["documents"]
    assert docs.freeze_panes == "A2"
    assert docs.cell(2, 2).value == dt.datetime(2024, 3, 5)


ITEMS = [
    "1. Phòng Văn hóa và Thông tin tham mưu kế hoạch chuyển đổi số năm 2024, hoàn thành trước ngày 30/3/2024.",
    "2. Ủy ban nhân dân các xã rà soát hạ tầng mạng, báo cáo kết quả trước ngày 15/4/2024.",
    "- {link} Phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện.",
]


def test_formula_from_a_notice_is_neutralised(tmp_path, district_notice):
    src = tmp_path / "in"
    src.mkdir()
    items = [x.replace("{link}", HYPERLINK) for x in ITEMS]
    (src / "minh-long.txt").write_text(district_notice("12/TB-UBND", "05", "3", items), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "--out", str(out), "--quiet"]) == 0
    from vntasks import read_tables

    frames = read_tables(out)
    assert any(str(t).startswith("=HYPERLINK") for t in frames["tasks"]["text"])
    wb = openpyxl.load_workbook(write_xlsx(frames, tmp_path / "out.xlsx"))
    texts = [c.value for c in wb["tasks"]["F"][1:]]  # column "text"
    assert wb["tasks"]["F1"].value == "text"
    assert any(isinstance(v, str) and v.startswith("=HYPERLINK(") for v in texts)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # no formula anywhere
    assert not any(isinstance(c.value, str) and c.value.startswith("'") for c in cells)  # no apostrophe shown


def test_corpus_tables_to_xlsx(tmp_path):
    out = tmp_path / "out"
    main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet"])
    from vntasks import read_tables

    frames = read_tables(out)
    wb = openpyxl.load_workbook(write_xlsx(frames, tmp_path / "corpus.xlsx"), read_only=True)
    assert wb.sheetnames == ["tasks", "references", "documents", "errors"]
    ws = wb["tasks"]
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == len(frames["tasks"]) + 1
    col = rows[0].index("deadline")
    dates = [r[col] for r in rows[1:] if r[col] is not None]
    assert dates and all(isinstance(d, dt.datetime) for d in dates)
    assert len(dates) == int(frames["tasks"]["deadline"].notna().sum())
