"""The temporal grammar: dates, spans, deadlines and periods (SPEC "Deadline" and "Period").

In: a cleaned text (a unit, a heading, a table cell, a header window) and the notice's year
(None when unknown). Out: ``TimeExpr`` records with offsets into that text, ``first..last`` and
their ``TimeKind`` and ``Cue``:

- ``find_times`` / ``iter_times``: every date or span expression (:mod:`.find`), read by the
  date forms of the registry (:mod:`.forms`, :mod:`.registry`);
- ``find_deadlines`` / ``choose_deadline``: the deadlines of a task and the one that ends it; a
  deadline's date is always ``expr.last`` (:mod:`.deadlines`);
- ``find_periods`` / ``period_of``: the period a text belongs to, ``first..last`` (:mod:`.periods`);
- ``time_of_cell``: the deadline or the period of a table's time cell or a time field (:mod:`.cells`).

The cue words, verbs and period words come from data files (:mod:`.cues`).

Why the grammar is hand-written and does not call ``dateparser``: the forms that matter are
spans, not instants. dateparser reads "6 tháng cuối năm 2020" as a single day (it takes
"6" as a day number), has no notion of quarters ("quý IV/2022", "quý II và quý III"), of
"giai đoạn 2022-2025", of "từ ngày 15 đến ngày 31 tháng 12 năm 2025" with the month and
year shared by both ends, and it guesses a missing year from the clock instead of the
notice. The day-level forms are plain numbers, so ``datetime.date`` validates them (no
31/2) with no language model at all.

Adding a date form: one ``DateForm`` entry in ``forms.FORMS`` and one row of the forms' table
test; the registry validates the entry at import.
"""
from __future__ import annotations

from .cells import CellTime, time_of_cell
from .counted import counted_from_event, counted_from_notice, election_day
from .deadlines import choose_deadline, find_deadlines
from .expr import Cue, TimeExpr, TimeKind
from .find import find_times, iter_times
from .periods import find_periods, period_of
from .registry import TIME_REACH, DateForm, FormError, Needs, Parsed

__all__ = [
    "TIME_REACH", "CellTime", "Cue", "DateForm", "FormError", "Needs", "Parsed", "TimeExpr", "TimeKind",
    "choose_deadline", "counted_from_event", "counted_from_notice", "election_day", "find_deadlines",
    "find_periods", "find_times", "iter_times", "period_of", "time_of_cell",
]
