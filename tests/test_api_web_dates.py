"""Why dateparser is a dependency: a web page's publication date spelled in words.

The hand-written grammar reads the dates of a notice (numeric, "ngày 15 tháng 3 năm 2021",
spans, quarters); a page's <meta>/<time> date in words ("15 Tháng Ba, 2021", "March 15, 2021",
an RFC 822 stamp) it does not. dateparser reads those, and only those (a value the numeric
patterns read never reaches it); a notice without a dateline takes the page's date as its
issue date."""
from __future__ import annotations

import datetime as dt

import pytest

import vntasks
from vntasks.extractors.temporal import find_times

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">{meta}<title>Thông báo</title></head>
<body><article><h1>Thông báo kết luận của Chủ tịch UBND huyện</h1>{time}
<p>1. Giao Phòng Nội vụ chủ trì rà soát biên chế, hoàn thành trước ngày 30/6.</p>
<p>2. Công an huyện tăng cường tuần tra trên các tuyến đường trong tháng 7.</p>
</article></body></html>"""

# (the page's date as it is written, where, the date it means or None)
CASES = [
    ("15 tháng 3, 2021", "meta", dt.date(2021, 3, 15)),
    ("15 Tháng Ba, 2021", "time", dt.date(2021, 3, 15)),
    ("Thứ hai, 15 tháng 3 năm 2021 - 08:30", "meta", dt.date(2021, 3, 15)),
    ("March 15, 2021", "meta", dt.date(2021, 3, 15)),
    ("Mon, 15 Mar 2021 08:00:00 GMT", "meta", dt.date(2021, 3, 15)),
    ("2021-03-15T08:00:00+07:00", "meta", dt.date(2021, 3, 15)),  # the numeric patterns
    ("15/03/2021 08:30", "time", dt.date(2021, 3, 15)),
    ("2 ngày trước", "time", None),  # "two days ago": relative to the clock, never read
    ("hôm qua", "meta", None),
    ("tháng 3, 2021", "meta", None),  # no day
]


def page(value: str, where: str) -> str:
    meta = f'<meta property="article:published_time" content="{value}">' if where == "meta" else ""
    time = f"<p>Cập nhật: <time pubdate>{value}</time></p>" if where == "time" else ""
    return PAGE.format(meta=meta, time=time)


@pytest.mark.parametrize("value, where, expected", CASES)
def test_publication_date_of_a_page(tmp_path, value, where, expected):
    p = tmp_path / "tb.html"
    p.write_text(page(value, where), encoding="utf-8")
    doc = vntasks.extract(p)
    assert doc.status == "ok", doc.errors
    assert doc.issue_date == expected
    if expected is not None and where == "meta":  # the page's year completes dates written without one
        assert doc.tasks[0].deadline.date == expected.replace(month=6, day=30)


@pytest.mark.parametrize("value", ["15 Tháng Ba, 2021", "March 15, 2021", "Mon, 15 Mar 2021 08:00:00 GMT"])
def test_the_grammar_does_not_read_these_spellings(value):
    assert [t for t in find_times(value, None) if t.kind == "day"] == []
