"""report.py (vntasks report), groups.py, charts.py and links.py (citation links between notices)."""
from __future__ import annotations

import csv
import datetime as dt
import html
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from vntasks.analysis.links import LINK_COLUMNS, build_links, chains, find_links, most_cited, norm_number
from vntasks.analysis.report import NO_ACTION, UNKNOWN, action_of, doc_groups, period_label, sort_key
from vntasks.cli import main

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


# ------------------------------------------------------------------ report on the repo corpus

@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet"])
    return out


def _expected_groups(out: Path, by: str) -> Counter:
    """Group sizes straight from documents.csv (independent of report.py)."""
    with open(out / "documents.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    if by == "year":
        return Counter((r["meeting_date"] or r["issue_date"])[:4] or UNKNOWN for r in rows)
    return Counter(r[by] or UNKNOWN for r in rows)


@pytest.mark.parametrize("by", ["level", "province", "year", "issuer", "district", "doc_type"])
def test_report_names_every_group_with_counts(out_dir, tmp_path, by):
    rdir = tmp_path / "rep"
    assert main(["report", str(out_dir), "--by", by, "--out", str(rdir), "--quiet"]) == 0
    page = (rdir / "index.html").read_text(encoding="utf-8")
    groups = _expected_groups(out_dir, by)
    assert len(groups) > 1
    for label, n in groups.items():
        if n < 5:
            row = f'<tr class="small"><th>{html.escape(label)} ⚑</th><td class="num">{n}</td>'
        else:
            row = f'<tr><th>{html.escape(label)}</th><td class="num">{n}</td>'
        assert row in page, (label, n)
    # every chart is referenced by a relative link and is a valid PNG without a timestamp
    srcs = re.findall(r'<img src="([^"]+)"', page)
    assert len(srcs) == 6
    for src in srcs:
        assert "/" not in src and not src.startswith("http")
        data = (rdir / src).read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        assert b"IEND" in data[-12:]
        assert b"Software" not in data and b"tIME" not in data
    # links.csv beside the report it belongs to, linked from it; nothing written into the extract folder
    assert (rdir / "links.csv").read_text(encoding="utf-8").splitlines()[0] == ",".join(LINK_COLUMNS)
    assert 'href="links.csv"' in page or "href='links.csv'" in page
    assert not (out_dir / "links.csv").exists()


def test_report_flags_small_groups_not_hides_them(out_dir, tmp_path):
    rdir = tmp_path / "rep"
    main(["report", str(out_dir), "--by", "level", "--out", str(rdir), "--min-notices", "100", "--quiet"])
    page = (rdir / "index.html").read_text(encoding="utf-8")
    for label in _expected_groups(out_dir, "level"):
        assert f'<tr class="small"><th>{html.escape(label)} ⚑</th>' in page


def test_report_is_deterministic(out_dir, tmp_path):
    for name in ("a", "b"):
        main(["report", str(out_dir), "--by", "level", "--out", str(tmp_path / name), "--quiet"])
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for f in files:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def test_report_without_tables_is_a_usage_error(tmp_path):
    assert main(["report", str(tmp_path), "--out", str(tmp_path / "r"), "--quiet"]) == 2


# ------------------------------------------------------------------ actions, periods, groups

@pytest.mark.parametrize(("text", "subject", "mentions", "verb", "category"), [
    ("Ủy ban nhân dân xã tăng cường tuyên truyền về phòng cháy rừng.", "Ủy ban nhân dân xã", (),
     "tuyên truyền", "tuyên truyền/vận động"),
    ("Văn phòng xây dựng kế hoạch tổ chức hội nghị sơ kết.", "Văn phòng", (),
     "xây dựng kế hoạch", "xây dựng kế hoạch/phương án"),
    ("Thanh tra huyện giải quyết đơn thư của công dân đúng hạn.", "Thanh tra huyện", (),
     "giải quyết đơn", "giải quyết đơn thư"),
    ("Công an xã xử lý dứt điểm các điểm nóng.", "Công an xã", (),
     "xử lý dứt điểm", "giải quyết/tháo gỡ vướng mắc"),
    ("Các xã báo cáo kết quả về Ủy ban nhân dân huyện.", "Các xã", (), "báo cáo", "báo cáo/tổng kết"),
    ("Nhà thầu đẩy nhanh tiến độ thi công công trình.", "Nhà thầu", (), "thi công", "đầu tư/xây dựng"),
    ("Giao Phòng Kinh tế chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng rà soát danh mục.",
     "Phòng Kinh tế", ("Phòng Kinh tế", "Ban Quản lý dự án đầu tư xây dựng"), "rà soát", "kiểm tra/giám sát"),
    ("Đề nghị các   cơ quan khẩn trương kiểm tra", None, (), "kiểm tra", "kiểm tra/giám sát"),
    ("Trường học ổn định nề nếp.", "Trường học", (), None, NO_ACTION),
    ("Phòng Nội vụ chủ trì, phối hợp.", "Phòng Nội vụ", (), None, NO_ACTION),
    ("", None, (), None, NO_ACTION),
])
def test_action_of(text, subject, mentions, verb, category):
    a = action_of(text, subject, mentions)
    assert (a.verb, a.category) == (verb, category)


def _ts(s: str) -> pd.Timestamp:
    return pd.Timestamp(s)


@pytest.mark.parametrize(("start", "end", "label"), [
    ("2024-01-01", "2024-12-31", "2024"),
    ("2024-07-01", "2024-09-30", "Q3/2024"),
    ("2024-01-01", "2024-06-30", "6T đầu/2024"),
    ("2020-07-01", "2020-12-31", "6T cuối/2020"),
    ("2025-11-01", "2025-11-30", "T11/2025"),
    ("2024-01-01", "2024-09-30", "1–9/2024"),
    ("2021-01-01", "2025-12-31", "2021–2025"),
    ("2024-04-01", "2025-03-31", "2024-04-01–2025-03-31"),
])
def test_period_label(start, end, label):
    assert period_label(_ts(start), _ts(end)) == label


def test_sort_key_orders_levels_and_vietnamese_names():
    assert sorted(["trung ương", "xã", UNKNOWN, "tỉnh", "huyện"], key=sort_key) == \
        ["xã", "huyện", "tỉnh", "trung ương", UNKNOWN]
    assert sorted(["Gia Lai", "Đắk Lắk", "Cà Mau", "Ân Thi"], key=sort_key) == ["Ân Thi", "Cà Mau", "Đắk Lắk", "Gia Lai"]


def test_doc_groups_year_falls_back_to_issue_date():
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c"], "province": ["Huế", None, "Huế"],
        "meeting_date": pd.to_datetime(["2023-12-30", None, None]),
        "issue_date": pd.to_datetime(["2024-01-02", "2025-02-01", None]),
    })
    assert doc_groups(docs, "year") == {"a": "2023", "b": "2025", "c": UNKNOWN}
    assert doc_groups(docs, "province") == {"a": "Huế", "b": UNKNOWN, "c": "Huế"}
    with pytest.raises(ValueError):
        doc_groups(docs, "colour")


# ------------------------------------------------------------------ links

@pytest.mark.parametrize(("raw", "key"), [
    ("12/TB-UBND", "12/TB-UBND"),
    ("12/tb-ubnd", "12/TB-UBND"),
    (" 12 / TB – UBND ", "12/TB-UBND"),
    ("Số 127 -TB/BCĐ", "127-TB/BCĐ"),
    ("57/TB-BCĐ389", "57/TB-BCĐ389"),
    (None, ""),
    ("", ""),
])
def test_norm_number(raw, key):
    assert norm_number(raw) == key


DOCS = [
    {"doc_id": "a", "doc_number": "12/TB-UBND", "issue_date": dt.date(2024, 3, 5)},
    {"doc_id": "old", "doc_number": "12/TB-UBND", "issue_date": dt.date(2019, 1, 9)},
    {"doc_id": "c", "doc_number": "7-tb/hu", "issue_date": None},
    {"doc_id": "d", "doc_number": None, "issue_date": None},
]


@pytest.mark.parametrize(("ref", "expected"), [
    # number and date agree with one notice only
    ({"doc_id": "b", "task_id": "t1", "id": "12/TB-UBND", "date": "2024-03-05"}, [("b", "t1", "12/TB-UBND", "a", "number+date")]),
    # no date: every notice with that number
    ({"doc_id": "b", "task_id": None, "id": "12/tb-ubnd", "date": None},
     [("b", None, "12/TB-UBND", "a", "number"), ("b", None, "12/TB-UBND", "old", "number")]),
    # a date that no notice has: no link
    ({"doc_id": "b", "task_id": "t2", "id": "12/TB-UBND", "date": "2022-08-08"}, []),
    # the target has no issue date: number alone
    ({"doc_id": "b", "task_id": "t3", "id": "7-TB/HU", "date": "2023-01-01"}, [("b", "t3", "7-TB/HU", "c", "number")]),
    # never to itself
    ({"doc_id": "a", "task_id": "t1", "id": "12/TB-UBND", "date": "2024-03-05"}, []),
    ({"doc_id": "b", "task_id": "t1", "id": None, "date": None}, []),
    ({"doc_id": "b", "task_id": "t1", "id": "99/QĐ-TTG", "date": None}, []),
])
def test_find_links(ref, expected):
    got = [(lk.doc_id, lk.task_id, lk.ref_id, lk.target_doc_id, lk.match) for lk in find_links([ref], DOCS)]
    assert got == expected


def _links(pairs):
    return pd.DataFrame([{"doc_id": a, "task_id": "t1", "ref_id": "x", "target_doc_id": b, "match": "number"}
                         for a, b in pairs], columns=list(LINK_COLUMNS))


def test_chains_and_most_cited():
    links = _links([("b", "a"), ("c", "b"), ("d", "a"), ("b", "a")])
    assert chains(links) == [["a", "b", "c"], ["a", "d"]]
    assert most_cited(links) == [("a", 2, 3), ("b", 1, 1)]
    assert chains(_links([("a", "b"), ("b", "a")])) == [["a", "b"], ["b", "a"]]  # a cycle is cut
    assert chains(_links([])) == []




def _items(action: str) -> list[str]:
    return [f"1. Phòng Văn hóa và Thông tin {action}, hoàn thành trước ngày 30/6/2024.",
            "2. Ủy ban nhân dân các xã báo cáo kết quả trước ngày 15/6/2024."]


def test_links_between_two_handmade_notices(tmp_path, district_notice):
    src = tmp_path / "in"
    src.mkdir()
    (src / "first.txt").write_text(district_notice("12/TB-UBND", "05", "3", _items("tham mưu kế hoạch chuyển đổi số")),
                                   encoding="utf-8")
    (src / "second.txt").write_text(district_notice("30/TB-UBND", "20", "5", _items(
        "tiếp tục thực hiện Thông báo số 12/TB-UBND ngày 05/3/2024 của Ủy ban nhân dân huyện")), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "--out", str(out), "--quiet"]) == 0
    from vntasks import read_tables

    links = build_links(read_tables(out))
    assert list(links.columns) == list(LINK_COLUMNS)
    assert [tuple(r) for r in links.itertuples(index=False)] == [("second", "t1", "12/TB-UBND", "first", "number+date")]
    rdir = tmp_path / "rep"
    assert main(["report", str(out), "--by", "level", "--out", str(rdir), "--quiet"]) == 0
    with open(rdir / "links.csv", encoding="utf-8", newline="") as fh:
        assert list(csv.DictReader(fh)) == [{"doc_id": "second", "task_id": "t1", "ref_id": "12/TB-UBND",
                                             "target_doc_id": "first", "match": "number+date"}]
    page = (rdir / "index.html").read_text(encoding="utf-8")
    assert "first (12/TB-UBND) → second (30/TB-UBND)" in page
