"""Tests of the date forms (pipeline/extractors/temporal/forms.py): every registered form read by
find_times, one table row (at least) per form, and property tests of the day and span forms.

Expected ISO values are written by hand from SPEC "Deadline"/"Period" and the calendar. Adding a
date form: its registry entry, and a row of TIMES.
"""
from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vntasks.extractors.temporal import TimeExpr, find_deadlines, find_times
from vntasks.extractors.temporal.forms import FORMS


def _iso(t: TimeExpr) -> tuple[str, str, str, str, str]:
    return (t.text, t.first.isoformat(), t.last.isoformat(), t.kind, t.cue)


# --- find_times: every form -----------------------------------------------------------------

TIMES = [
    # day level
    ("ngày 25/10/2022", 2020, [("ngày 25/10/2022", "2022-10-25", "2022-10-25", "day", "")]),
    ("25/10/2022", None, [("25/10/2022", "2022-10-25", "2022-10-25", "day", "")]),
    ("25-10-2022", None, [("25-10-2022", "2022-10-25", "2022-10-25", "day", "")]),
    ("ký ngày 05.01.2024", None, [("ngày 05.01.2024", "2024-01-05", "2024-01-05", "day", "")]),
    ("ngày 30 tháng 11 năm 2025", None, [("ngày 30 tháng 11 năm 2025", "2025-11-30", "2025-11-30", "day", "")]),
    ("Hà Nội, ngày 03 tháng 02 năm 2026", None, [("ngày 03 tháng 02 năm 2026", "2026-02-03", "2026-02-03", "day", "")]),
    ("trước 30/6", 2024, [("trước 30/6", "2024-06-30", "2024-06-30", "day", "before")]),
    ("trước 30/6", None, []),
    ("ngày 29/2", 2024, [("ngày 29/2", "2024-02-29", "2024-02-29", "day", "")]),
    ("ngày 29/2", 2023, []),
    ("Chiều 5/3, tại trụ sở", 2025, [("Chiều 5/3", "2025-03-05", "2025-03-05", "day", "")]),
    ("17 giờ ngày 27/11/2025", None, [("17 giờ ngày 27/11/2025", "2025-11-27", "2025-11-27", "day", "")]),
    ("trước 17 giờ ngày 27/11/2025", None,
     [("trước 17 giờ ngày 27/11/2025", "2025-11-27", "2025-11-27", "day", "before")]),
    ("trước 16h00 ngày 20/10/2025", None, [("trước 16h00 ngày 20/10/2025", "2025-10-20", "2025-10-20", "day", "before")]),
    ("chậm nhất ngày 15/12/2025", None, [("chậm nhất ngày 15/12/2025", "2025-12-15", "2025-12-15", "day", "before")]),
    ("chậm nhất là ngày 05/12/2025", None,
     [("chậm nhất là ngày 05/12/2025", "2025-12-05", "2025-12-05", "day", "before")]),
    ("gửi xong trước ngày 10/9/2024", None, [("trước ngày 10/9/2024", "2024-09-10", "2024-09-10", "day", "before")]),
    ("Hạn chót: 31/12/2025", None, [("Hạn chót: 31/12/2025", "2025-12-31", "2025-12-31", "day", "before")]),
    ("trước ngày\n25/10/2022", None, [("trước ngày\n25/10/2022", "2022-10-25", "2022-10-25", "day", "before")]),
    # a span counted from an event whose date is written: the day it ends
    ("trong 10 ngày kể từ ngày 25/11/2026", None,
     [("trong 10 ngày kể từ ngày 25/11/2026", "2026-12-05", "2026-12-05", "day", "before")]),
    ("trong vòng 30 ngày kể từ ngày 15 tháng 12 năm 2026", None,
     [("trong vòng 30 ngày kể từ ngày 15 tháng 12 năm 2026", "2027-01-14", "2027-01-14", "day", "before")]),
    ("trong 10 ngày kể từ ngày ký", 2026, []),
    # invalid dates are skipped, and do not leave a month or year behind
    ("ngày 31/2/2025", None, []),
    ("ngày 31 tháng 2 năm 2025", None, []),
    ("ngày 31/4/2025 và ngày 30/4/2025", None, [("ngày 30/4/2025", "2025-04-30", "2025-04-30", "day", "")]),
    # months
    ("tháng 11 năm 2025", None, [("tháng 11 năm 2025", "2025-11-01", "2025-11-30", "month", "")]),
    ("tháng 12/2025", None, [("tháng 12/2025", "2025-12-01", "2025-12-31", "month", "")]),
    ("tháng 2/2024", None, [("tháng 2/2024", "2024-02-01", "2024-02-29", "month", "")]),
    ("tháng 11", 2023, [("tháng 11", "2023-11-01", "2023-11-30", "month", "")]),
    ("tháng 11", None, []),
    ("tháng 13/2025", None, []),
    ("trong tháng 12/2025", None, [("trong tháng 12/2025", "2025-12-01", "2025-12-31", "month", "within")]),
    # quarters
    ("quý IV/2022", None, [("quý IV/2022", "2022-10-01", "2022-12-31", "quarter", "")]),
    ("quý I năm 2026", None, [("quý I năm 2026", "2026-01-01", "2026-03-31", "quarter", "")]),
    ("quý 3", 2024, [("quý 3", "2024-07-01", "2024-09-30", "quarter", "")]),
    ("Quý II/2025", None, [("Quý II/2025", "2025-04-01", "2025-06-30", "quarter", "")]),
    ("quý II và quý III", 2020, [("quý II và quý III", "2020-04-01", "2020-09-30", "quarter", "")]),
    ("quý III, IV năm 2025", None, [("quý III, IV năm 2025", "2025-07-01", "2025-12-31", "quarter", "")]),
    ("trong quý I/2026", None, [("trong quý I/2026", "2026-01-01", "2026-03-31", "quarter", "within")]),
    ("quý vị đại biểu", 2025, []),
    # parts of a year
    ("6 tháng đầu năm", 2020, [("6 tháng đầu năm", "2020-01-01", "2020-06-30", "half", "")]),
    ("6 tháng đầu năm 2021", 2020, [("6 tháng đầu năm 2021", "2021-01-01", "2021-06-30", "half", "")]),
    ("6 tháng cuối năm 2020", None, [("6 tháng cuối năm 2020", "2020-07-01", "2020-12-31", "half", "")]),
    ("9 tháng đầu năm", 2022, [("9 tháng đầu năm", "2022-01-01", "2022-09-30", "months_of_year", "")]),
    ("3 tháng cuối năm", 2022, [("3 tháng cuối năm", "2022-10-01", "2022-12-31", "months_of_year", "")]),
    ("sáu tháng cuối năm 2024", None, [("sáu tháng cuối năm 2024", "2024-07-01", "2024-12-31", "half", "")]),
    ("nửa đầu năm 2025", None, [("nửa đầu năm 2025", "2025-01-01", "2025-06-30", "half", "")]),
    ("6 tháng cuối năm", None, []),
    # years and ranges
    ("năm 2023", None, [("năm 2023", "2023-01-01", "2023-12-31", "year", "")]),
    ("trong năm 2027", None, [("trong năm 2027", "2027-01-01", "2027-12-31", "year", "within")]),
    ("giai đoạn 2022-2025", None, [("giai đoạn 2022-2025", "2022-01-01", "2025-12-31", "range", "")]),
    ("giai đoạn 2021 - 2025", None, [("giai đoạn 2021 - 2025", "2021-01-01", "2025-12-31", "range", "")]),
    ("giai đoạn 2026–2030", None, [("giai đoạn 2026–2030", "2026-01-01", "2030-12-31", "range", "")]),
    ("giai đoạn 03 năm 2026 - 2028", None, [("giai đoạn 03 năm 2026 - 2028", "2026-01-01", "2028-12-31", "range", "")]),
    ("nhiệm kỳ 2020-2025", None, [("nhiệm kỳ 2020-2025", "2020-01-01", "2025-12-31", "range", "")]),
    ("kế hoạch 5 năm 2021-2025", None, [("năm 2021-2025", "2021-01-01", "2025-12-31", "range", "")]),
    ("giai đoạn 2025-2021", None, []),
    ("từ năm 2021 đến năm 2025", None, [("từ năm 2021 đến năm 2025", "2021-01-01", "2025-12-31", "range", "from_to")]),
    ("từ ngày 15 đến ngày 31 tháng 12 năm 2025", None,
     [("từ ngày 15 đến ngày 31 tháng 12 năm 2025", "2025-12-15", "2025-12-31", "range", "from_to")]),
    ("từ ngày 01/12 đến 15/12/2025", None,
     [("từ ngày 01/12 đến 15/12/2025", "2025-12-01", "2025-12-15", "range", "from_to")]),
    ("từ ngày 20/12 đến ngày 10/01/2026", None,
     [("từ ngày 20/12 đến ngày 10/01/2026", "2025-12-20", "2026-01-10", "range", "from_to")]),
    ("từ tháng 10 đến tháng 12 năm 2025", None,
     [("từ tháng 10 đến tháng 12 năm 2025", "2025-10-01", "2025-12-31", "range", "from_to")]),
    # a time of day at an end of the span (deadlines for filing, campaigning): still one span
    ("từ ngày 02/03/2026 đến 17 giờ 00 ngày 20/3/2026", None,
     [("từ ngày 02/03/2026 đến 17 giờ 00 ngày 20/3/2026", "2026-03-02", "2026-03-20", "range", "from_to")]),
    ("Từ 7h30 ngày 10/4/2026 đến 16 giờ ngày 12/4/2026", None,
     [("Từ 7h30 ngày 10/4/2026 đến 16 giờ ngày 12/4/2026", "2026-04-10", "2026-04-12", "range", "from_to")]),
    # hours of one day ("the polls open from 7 to 19 o'clock"): the day, not a span
    ("Từ 07 giờ 00 đến 19 giờ 00 ngày 22/3/2026", None,
     [("Từ 07 giờ 00 đến 19 giờ 00 ngày 22/3/2026", "2026-03-22", "2026-03-22", "day", "")]),
    ("từ 7h đến 17h ngày 9 tháng 5 năm 2026", None,
     [("từ 7h đến 17h ngày 9 tháng 5 năm 2026", "2026-05-09", "2026-05-09", "day", "")]),
    # news reports: "Sáng nay (12/11)", "Chiều qua 3/4" with the year of the publication
    ("Sáng nay (12/11), Phó Chủ tịch UBND tỉnh chủ trì", 2026, [("12/11", "2026-11-12", "2026-11-12", "day", "")]),
    ("Chiều qua 3/4, đoàn công tác", 2026, [("3/4", "2026-04-03", "2026-04-03", "day", "")]),
    # months or quarters joined by a dash or "đến" without "từ" (time cells, spans in prose)
    ("Tháng 3-5/2026", None, [("Tháng 3-5/2026", "2026-03-01", "2026-05-31", "range", "")]),
    ("tháng 9 - tháng 11 năm 2024", None, [("tháng 9 - tháng 11 năm 2024", "2024-09-01", "2024-11-30", "range", "")]),
    ("tháng 11/2024 – tháng 2/2025", None,
     [("tháng 11/2024 – tháng 2/2025", "2024-11-01", "2025-02-28", "range", "")]),
    ("trong tháng 7 đến tháng 8", 2023, [("trong tháng 7 đến tháng 8", "2023-07-01", "2023-08-31", "range", "within")]),
    ("tháng 6 - 2025", None, [("tháng 6 - 2025", "2025-06-01", "2025-06-30", "month", "")]),
    ("Quý III/2024 - Quý I/2025", None, [("Quý III/2024 - Quý I/2025", "2024-07-01", "2025-03-31", "range", "")]),
    ("quý IV năm 2026 đến quý II năm 2027", None,
     [("quý IV năm 2026 đến quý II năm 2027", "2026-10-01", "2027-06-30", "range", "")]),
    ("Quý I - Quý III/2027", None, [("Quý I - Quý III/2027", "2027-01-01", "2027-09-30", "quarter", "")]),
    ("định hướng đến năm 2030", 2022, [("định hướng đến năm 2030", "2022-01-01", "2030-12-31", "range", "")]),
    ("đến năm 2030", None, [("đến năm 2030", "2030-01-01", "2030-12-31", "range", "")]),
    # "before" with a span: the day before the span begins
    ("trước tháng 12/2025", None, [("trước tháng 12/2025", "2025-11-30", "2025-11-30", "day", "before")]),
    ("chậm nhất quý I/2026", None, [("chậm nhất quý I/2026", "2026-01-01", "2026-03-31", "quarter", "before")]),
    # several in one text, in order
    ("Sáng 12/1, hội nghị triển khai nhiệm vụ năm 2021 (giai đoạn 2021-2025).", 2021,
     [("Sáng 12/1", "2021-01-12", "2021-01-12", "day", ""), ("năm 2021", "2021-01-01", "2021-12-31", "year", ""),
      ("giai đoạn 2021-2025", "2021-01-01", "2025-12-31", "range", "")]),
    ("chuyển việc của quý IV sang quý II và quý III", 2020,
     [("quý IV", "2020-10-01", "2020-12-31", "quarter", ""), ("quý II và quý III", "2020-04-01", "2020-09-30", "quarter", "")]),
    # not dates
    ("Nghị định số 30/2020/NĐ-CP và Thông tư 01/2021/TT-BNV", None, []),
    ("Quyết định số 1329/QĐ-UBND", 2023, []),
    ("đạt 1/3 số hộ, tăng 12 tháng liên tục", 2023, []),
    ("kịp thời, thường xuyên, định kỳ hằng tháng", 2023, []),
]


@pytest.mark.parametrize("text,year,expected", TIMES)
def test_find_times(text, year, expected):
    got = find_times(text, year)
    assert [_iso(t) for t in got] == expected
    for t in got:
        assert text[t.start : t.end] == t.text



def test_every_registered_form_has_a_row_of_times():
    """Each form of the registry produces (the tail of) some expected expression of TIMES."""
    def produces(form, text, expected):
        for exp_text, *_ in expected:
            s = text.index(exp_text)
            e = s + len(exp_text)
            if any(m.end() == e and m.start() >= s for m in form.compiled.finditer(text)):
                return True
        return False

    missing = [f.name for f in FORMS if not any(produces(f, text, exp) for text, _year, exp in TIMES)]
    assert missing == []


# --- property tests -------------------------------------------------------------------------

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FILLER = st.sampled_from(["", "Đề nghị UBND xã ", "các ngành thực hiện, ", "(1) ", "Sở Y tế báo cáo\n"])
TAIL = st.sampled_from(["", ".", "; đồng thời", " của Ban Chỉ đạo", "\n- Tiếp tục"])


def _day_forms(d: int, m: int, y: int) -> list[str]:
    return [
        f"ngày {d}/{m}/{y}",
        f"ngày {d:02d}/{m:02d}/{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"ngày {d} tháng {m} năm {y}",
        f"17 giờ ngày {d}/{m}/{y}",
        f"trước ngày {d}/{m}/{y}",
    ]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    d=st.integers(1, 31), m=st.integers(1, 12), y=st.integers(1990, 2099), form=st.integers(0, 5),
    pre=FILLER, post=TAIL,
)
def test_property_day_forms(d, m, y, form, pre, post):
    text = pre + _day_forms(d, m, y)[form] + post
    got = find_times(text, None)
    if d > calendar.monthrange(y, m)[1]:
        assert got == []
        return
    assert len(got) == 1
    t = got[0]
    assert text[t.start : t.end] == t.text
    assert t.first == t.last == date(y, m, d)
    assert t.kind == "day"
    if form == 5:
        assert find_deadlines(text, None) == got


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(d=st.integers(1, 31), m=st.integers(1, 12), y=st.integers(1990, 2099), pre=FILLER, post=TAIL)
def test_property_yearless_day_takes_the_notice_year(d, m, y, pre, post):
    text = pre + f"trước {d}/{m}" + post
    got = find_times(text, y)
    if d > calendar.monthrange(y, m)[1]:
        assert got == []
        return
    assert [(t.text, t.first, t.cue) for t in got] == [(f"trước {d}/{m}", date(y, m, d), "before")]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    m=st.integers(1, 12), q=st.integers(1, 4), n=st.sampled_from([3, 6, 9]), y=st.integers(1990, 2090),
    k=st.integers(0, 9), form=st.integers(0, 5), pre=FILLER, post=TAIL,
)
def test_property_span_forms(m, q, n, y, k, form, pre, post):
    month_last = date(y, m, calendar.monthrange(y, m)[1])
    q_first, q_last = date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    cases = [
        (f"tháng {m}/{y}", date(y, m, 1), month_last, "month"),
        (f"tháng {m} năm {y}", date(y, m, 1), month_last, "month"),
        (f"quý {ROMAN[q]}/{y}", q_first, q_last, "quarter"),
        (f"{n} tháng đầu năm {y}", date(y, 1, 1), date(y, n, calendar.monthrange(y, n)[1]),
         "half" if n == 6 else "months_of_year"),
        (f"{n} tháng cuối năm {y}", date(y, 13 - n, 1), date(y, 12, 31), "half" if n == 6 else "months_of_year"),
        (f"giai đoạn {y}-{y + k}", date(y, 1, 1), date(y + k, 12, 31), "range"),
    ]
    expr, first, last, kind = cases[form]
    text = pre + expr + post
    got = find_times(text, None)
    assert [(t.text, t.first, t.last, t.kind) for t in got] == [(expr, first, last, kind)]
    assert got[0].first <= got[0].last
    assert text[got[0].start : got[0].end] == expr
