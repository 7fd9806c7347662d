"""The record of one date or span expression.

In: nothing (definitions only). Out: ``TimeKind`` (what span an expression denotes), ``Cue``
(the cue word written before it) and ``TimeExpr`` (offsets, text, ``first..last``), validated
on construction.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


class TimeKind(str, Enum):
    """What span an expression denotes (a ``str`` so that it compares and prints as its value)."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"  # "6 tháng đầu năm", "nửa cuối năm"
    MONTHS_OF_YEAR = "months_of_year"  # "9 tháng đầu năm", "3 tháng cuối năm"
    YEAR = "year"
    RANGE = "range"  # "giai đoạn 2022-2025", "từ ... đến ...", "đến năm 2030"

    def __str__(self) -> str:
        return self.value


class Cue(str, Enum):
    """The cue an expression carries: written before it (``temporal_cues.tsv``) or by its form."""

    BEFORE = "before"  # "trước", "chậm nhất", "hạn chót": a deadline
    WITHIN = "within"  # "trong": a deadline after a one-off action, else a period
    FROM_TO = "from_to"  # "từ ... đến ...": written by the form itself
    NONE = ""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One date or span expression: ``text == source[start:end]``; it denotes ``first..last``.

    ``kind`` and ``cue`` may be given as their string values ("day", "before"); they are stored
    as the enums, and an unknown value raises ``ValueError``."""

    start: int
    end: int
    text: str
    first: date
    last: date
    kind: TimeKind
    cue: Cue

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", TimeKind(self.kind))
        object.__setattr__(self, "cue", Cue(self.cue))
        if self.first > self.last:
            raise ValueError(f"empty span {self.first}..{self.last}")
        if len(self.text) != self.end - self.start:
            raise ValueError("text does not fit its offsets")
