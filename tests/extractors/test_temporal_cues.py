"""Tests of the temporal word lists (pipeline/extractors/temporal/cues.py): the data files load,
every row's class is known, and a bad row is refused."""
from __future__ import annotations

import pytest

from vntasks.extractors.temporal import cues as C
from vntasks.extractors.temporal.expr import Cue
from vntasks.text.lexicon import load_table


def test_data_files_load():
    assert load_table("temporal_cues.tsv", ("phrase", "cue", "span"))
    assert load_table("temporal_verbs.tsv", ("phrase", "class"))
    assert load_table("period_words.tsv", ("phrase", "role"), ("case",))


def test_tables_as_read():
    pat, table = C.cues()
    assert table["chậm nhất"] == (Cue.BEFORE, C.SpanRule.LAST)
    assert table["trước"] == (Cue.BEFORE, C.SpanRule.DAY_BEFORE)
    assert pat.search("báo cáo chậm nhất  ").group("c") == "chậm nhất"
    _, classes = C.verbs()
    assert classes["hoàn thành"] is C.VerbClass.ONEOFF and classes["tiếp tục"] is C.VerbClass.ONGOING
    words = C.period_words()
    assert set(words) == set(C.PeriodRole) and words[C.PeriodRole.OBJECT].search("Kế hoạch năm 2024")


@pytest.mark.parametrize(("loader", "row"), [
    ("cues", {"phrase": "trước", "cue": "from_to", "span": "last"}),
    ("cues", {"phrase": "trước", "cue": "before", "span": "first"}),
    ("verbs", {"phrase": "ký", "class": "sometimes"}),
    ("period_words", {"phrase": "kế hoạch", "role": "subject", "case": ""}),
])
def test_a_bad_row_is_refused(monkeypatch, loader, row):
    monkeypatch.setattr(C, "load_table", lambda *_a: (row,))
    fn = getattr(C, loader)
    fn.cache_clear()
    try:
        with pytest.raises(ValueError, match="bad"):
            fn()
    finally:
        fn.cache_clear()
