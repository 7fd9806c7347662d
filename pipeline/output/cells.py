"""The CSV cell policy: which text cells get a neutralising apostrophe, and how a reader undoes it.

In: one cell's text. Out: the text as written to a CSV file (:func:`safe_cell`) and back
(:func:`unsafe_cell`).

A spreadsheet program that opens a CSV file evaluates a cell as a formula when it starts with
"=", "+", "-" or "@" ("CSV injection": ``=HYPERLINK(...)``, ``-2+3+cmd|' /C calc'!A0``), and a
leading tab or carriage return can hide such a cell. Item markers of notices begin cells too:
the ``label`` of a task is often "-" or "+". The policy neutralises what a spreadsheet would
compute and leaves those labels readable:

- a cell starting with "=", "@", a tab or a carriage return is always neutralised;
- a cell starting with "+" or "-" is neutralised unless the rest is plain words: letters,
  combining marks, spaces and the punctuation ``. , : ;`` only. So "-", "+", "- a" and
  "- Giao Phòng Nội vụ" stay as they are; "-1+1", "+84 912", "-cmd|' /C calc'!A0",
  "-SUM(A1)", "--1" and "- 5 ngày" (any digit, bracket, operator, quote, "|", "!", "$") are
  neutralised;
- a cell starting with "'" whose rest would itself be neutralised gets one more "'", so that
  :func:`unsafe_cell` gives back exactly the text that was written (round trip).

Neutralising prefixes one apostrophe ("'=1+1"); :func:`unsafe_cell` (used by
``vntasks.read_tables``) removes it. The workbook (``output.xlsx``) needs none of this: its
text cells are stored as text, never as formulas.
"""
from __future__ import annotations

import regex

#: first characters after which a spreadsheet may compute a cell (the quick test of every cell)
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: first characters that always make a cell neutralised
_ALWAYS = ("=", "@", "\t", "\r")

#: what may follow a leading "+" or "-" without making a formula: plain words
_PLAIN_WORDS = regex.compile(r"[\p{L}\p{M}\s.,:;]*")

#: a cell's quick test: a trigger or an apostrophe first (everything else is written as it is)
_FIRST = (*FORMULA_TRIGGERS, "'")


def needs_quote(text: str) -> bool:
    """True when ``text`` must be written with a leading apostrophe (see the module docstring)."""
    if not text.startswith(_FIRST):
        return False
    if text.startswith(_ALWAYS):
        return True
    if text[0] == "'":
        return needs_quote(text[1:])
    return _PLAIN_WORDS.fullmatch(text, 1) is None


def safe_cell(value):
    """``value`` unchanged unless it is a str that :func:`needs_quote`; then "'" + value."""
    if isinstance(value, str) and needs_quote(value):
        return "'" + value
    return value


def unsafe_cell(value):
    """Undo :func:`safe_cell` when reading a CSV cell back."""
    if isinstance(value, str) and value[:1] == "'" and needs_quote(value[1:]):
        return value[1:]
    return value
