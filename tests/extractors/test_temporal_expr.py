"""Tests of the expression record (pipeline/extractors/temporal/expr.py): TimeExpr, TimeKind, Cue."""
from __future__ import annotations

from datetime import date

import pytest

from vntasks.extractors.temporal import Cue, TimeExpr, TimeKind


def test_timeexpr_is_validated():
    with pytest.raises(ValueError):
        TimeExpr(0, 3, "abc", date(2025, 2, 1), date(2025, 1, 1), "day", "")
    with pytest.raises(ValueError):
        TimeExpr(0, 3, "abc", date(2025, 1, 1), date(2025, 1, 1), "week", "")
    with pytest.raises(ValueError):
        TimeExpr(0, 3, "abc", date(2025, 1, 1), date(2025, 1, 1), "day", "after")
    with pytest.raises(ValueError):
        TimeExpr(0, 4, "abc", date(2025, 1, 1), date(2025, 1, 1), "day", "")


def test_kind_and_cue_are_stored_as_enums_that_read_as_their_values():
    t = TimeExpr(0, 3, "abc", date(2025, 1, 1), date(2025, 1, 31), "month", "within")
    assert t.kind is TimeKind.MONTH and t.cue is Cue.WITHIN
    assert t.kind == "month" and str(t.kind) == "month" and f"{t.cue}" == "within"
    assert TimeExpr(0, 3, "abc", date(2025, 1, 1), date(2025, 1, 1), TimeKind.DAY, Cue.NONE).cue is Cue.NONE
