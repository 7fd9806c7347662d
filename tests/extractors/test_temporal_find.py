"""Tests of finding expressions (pipeline/extractors/temporal/find.py): iter_times is find_times
read lazily, junk and pathological inputs give well-formed output in bounded time.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vntasks.extractors.temporal import (
    choose_deadline,
    find_deadlines,
    find_periods,
    find_times,
    iter_times,
    period_of,
)

OVERLAPS = [
    # the leftmost longest match wins; an invalid date still blocks its stretch
    ("từ ngày 15 đến ngày 31 tháng 12 năm 2025", None, ["từ ngày 15 đến ngày 31 tháng 12 năm 2025"]),
    ("ngày 31 tháng 2 năm 2025", None, []),
    ("quý 3 năm 2024, tháng 7", None, ["quý 3 năm 2024"]),
    # a cue joins the span, but never reaches back over the previous expression
    ("ngày 1/2/2025 trước ngày 3/2/2025", None, ["ngày 1/2/2025", "trước ngày 3/2/2025"]),
    ("không có ngày tháng nào", 2025, []),
]


@pytest.mark.parametrize("text,year,expected", OVERLAPS)
def test_find_times_takes_leftmost_longest(text, year, expected):
    assert [t.text for t in find_times(text, year)] == expected


JUNK_ALPHABET = st.sampled_from(
    ["trước ", "ngày ", "tháng ", "năm ", "quý ", "từ ", "đến ", "giai đoạn ", "trong ", "chậm nhất ",
     "I", "IV", "/", "-", ".", ",", " ", "\n", "0", "1", "2", "9", "12", "31", "2025", "20", "giờ ", "h",
     "Kế hoạch ", "số ", "KH/UBND", "hoàn thành ", "tiếp tục ", "và ", "đã ", "6 tháng ", "cuối ", "đầu "]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(JUNK_ALPHABET, max_size=60), year=st.one_of(st.none(), st.integers(1990, 2090)))
def test_property_junk_never_breaks(parts, year):
    text = "".join(parts)
    for fn in (find_times, find_deadlines, find_periods):
        got = fn(text, year)
        prev_end = 0
        for t in got:
            assert text[t.start : t.end] == t.text
            assert t.first <= t.last
            assert t.start >= prev_end
            prev_end = t.end
    period_of(text, year)
    choose_deadline(find_deadlines(text, year))


@pytest.mark.parametrize("unit", ["trước ngày ", "năm 2020 ", "từ ngày 1 đến ", "quý I và quý ", "12/12/"])
def test_pathological_input_completes(unit):
    # speed is measured by `make bench`; here: no error and well-formed output on junk
    text = unit * (200_000 // len(unit))
    for t in find_times(text, 2025):
        assert text[t.start:t.end] == t.text and t.first <= t.last
    find_deadlines(text, 2025)
    find_periods(text, 2025)


def test_pathological_before_cue_200kb_under_5s():
    text = "trước ngày " * (200_000 // len("trước ngày "))
    t0 = time.perf_counter()
    assert find_times(text, 2025) == []
    assert find_deadlines(text, 2025) == []
    assert time.perf_counter() - t0 < 5.0



# --- iter_times: find_times read from the start, lazily ------------------------------------------

_TIME_BITS = ["ngày 15/3/2024", "15/3", "quý II năm 2025", "6 tháng đầu năm", "từ ngày 1/2 đến ngày 5/3/2025",
              "trước ngày 30/6", "năm 2025", "giai đoạn 2021-2025", "tháng 7/2024", "8 giờ 30 phút, ngày 2/4",
              "họp", "Sở Y tế", "hoàn thành", ", ", ". ", "\n", "trong", "đến năm 2030", "2024", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TIME_BITS), max_size=120), st.sampled_from([None, 2024]),
       st.sampled_from([201, 260, 512]))
def test_iter_times_is_find_times(bits, year, first):
    text = " ".join(bits)
    assert list(iter_times(text, year, first)) == find_times(text, year)
