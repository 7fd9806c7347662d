"""Tests of the date-form registry (pipeline/extractors/temporal/registry.py): the registered
forms keep the reach that iter_times relies on, and a bad entry is refused when it is made."""
from __future__ import annotations

from datetime import date

import pytest

from vntasks.extractors.temporal import TIME_REACH, DateForm, FormError, Needs, Parsed, TimeKind
from vntasks.extractors.temporal import registry as R
from vntasks.extractors.temporal.forms import FORMS


def _h(m, year):
    return Parsed(date(int(m.group("y")), 1, 1), date(int(m.group("y")), 12, 31))


def _form(**kw) -> DateForm:
    args = dict(name="test", kind=TimeKind.YEAR, pattern=r"niên khóa\s(?P<y>\d{4})", handler=_h,
                needs=Needs(("niên",)))
    return DateForm(**(args | kw))


def test_every_registered_form_is_within_time_reach():
    assert len(FORMS) >= 12
    for f in FORMS:
        assert R.reach(f.pattern) <= TIME_REACH, f.name
        if f.anchor is not None:
            assert R.reach(f.anchor) + R.ANCHOR_LEAD <= TIME_REACH, f.name


@pytest.mark.parametrize(("src", "expected"), [
    (r"abc", 3), (r"a\s{1,4}b", 6), (r"(?<![\p{L}])năm\s(?P<y>\d{4})(?!\d)", 9), (r"x(?=\p{L}{2})", 3),
])
def test_reach(src, expected):
    assert R.reach(src) == expected


def test_a_valid_entry_is_built_and_reads_its_matches():
    (f,) = R.build(_form())
    m = next(f.finditer("Đầu niên khóa 2024 học sinh"))
    assert m.group() == "niên khóa 2024"
    assert f.parse(m, None) == (TimeKind.YEAR, date(2024, 1, 1), date(2024, 12, 31))
    assert f.needs.met("niên khóa 2024", True) and not f.needs.met("khóa 2024", True)


def test_duplicate_name_is_refused():
    with pytest.raises(FormError, match="twice"):
        R.build(_form(), _form(pattern=r"niên\s(?P<y>\d{4})"))
    with pytest.raises(FormError, match="twice"):
        R.build(*FORMS, _form(name=FORMS[0].name))


@pytest.mark.parametrize(("kw", "message"), [
    ({"pattern": r"niên khóa (?P<y>\d{4}"}, "compile"),
    ({"anchor": r"(?P<y>\d{4}"}, "compile"),
    ({"anchor": r"\d{4}"}, "suffix"),
    ({"needs": Needs(("Niên",))}, "lower-case"),
    ({"pattern": r"niên khóa\s{1,300}(?P<y>\d{4})"}, "TIME_REACH"),
    ({"pattern": r"niên(?P<y>\d{4}\s{0,140})", "anchor": r"(?P<y>\d{4}\s{0,140})"}, "ANCHOR_LEAD"),
])
def test_a_bad_entry_is_refused(kw, message):
    with pytest.raises(FormError, match=message):
        _form(**kw)


def test_an_anchored_form_finds_what_the_plain_one_finds():
    plain = _form(pattern=r"(?:sáng\s)?(?:ngày\s)?(?P<y>\d{4})")
    anchored = _form(pattern=r"(?:sáng\s)?(?:ngày\s)?(?P<y>\d{4})", anchor=r"(?P<y>\d{4})")
    text = "sáng ngày 2024, ngày 2025 và 2026; sáng 2027"
    assert [m.span() for m in anchored.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(plain.finditer(text))) == 4


def test_a_handler_that_raises_value_error_reads_as_no_date():
    def bad(m, year):
        raise ValueError("year 0")

    (f,) = R.build(_form(handler=bad))
    assert f.parse(next(f.finditer("niên khóa 2024")), None) is None
