"""The registry of date forms: everything about one written form of a date or span in one entry.

In: ``DateForm`` entries (``forms.py`` lists them, in the order they are tried). Out: the entries
compiled and validated by ``build`` when the list is made, at import: names unique, pattern and
anchor compile, the anchor is a suffix of the pattern, and no match attempt reads more than
``TIME_REACH`` characters right of its start (which ``find.iter_times`` relies on). A bad entry
raises ``FormError`` naming it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import regex

from .expr import Cue, TimeKind

try:  # the stdlib's own pattern parser, to measure a pattern's reach
    import re._parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

#: Every form and anchor is compiled with these flags.
FLAGS = regex.IGNORECASE | regex.VERSION0

#: An anchored form is run from at most this many characters before its anchor (its optional
#: prefixes -- time of day, "sáng", "ngày", a span's head -- are bounded: < 50 characters).
ANCHOR_LEAD = 64

#: How far right of its start a form's match attempt reads, at most: the longest match of any
#: form with its lookaheads, and the anchor's reach plus ANCHOR_LEAD for an anchored form
#: (about 110 today; ``build`` checks every entry against it).
TIME_REACH = 200


class FormError(ValueError):
    """A date form that cannot be registered."""


class Parsed(NamedTuple):
    """What a handler reads from a match: the span, and its kind when not the form's own."""

    first: date
    last: date
    kind: TimeKind | None = None


#: A handler turns a match and the notice's year (None when unknown) into the span it denotes,
#: or None when the match is no valid date (an invalid match still blocks its stretch of text, so
#: "ngày 31 tháng 2 năm 2025" yields nothing rather than "tháng 2 năm 2025"). It may raise
#: ``ValueError`` for a year outside the calendar's range (taken as None).
Handler = Callable[[regex.Match, int | None], Parsed | None]


@dataclass(frozen=True, slots=True)
class Needs:
    """What a form cannot match without, a cheap pre-check on the lower-cased text so that most
    forms are not run at all on most texts: words that must all occur, and a digit."""

    words: tuple[str, ...] = ()
    digit: bool = True

    def met(self, low: str, has_digit: bool) -> bool:
        return (has_digit or not self.digit) and all(w in low for w in self.words)


@dataclass(frozen=True)
class DateForm:
    """One written form of a date or span.

    ``pattern`` is a regex whose named groups ``handler`` reads; ``kind`` is what the form
    denotes (the handler may say otherwise for one match, ``Parsed.kind``); ``cue`` is the cue
    the form writes itself ("từ ... đến ..."); ``needs`` is what every match contains;
    ``anchor``, for a form that starts with optional prefixes the engine would otherwise try at
    every position, is a suffix of ``pattern`` found first (the form is then run from at most
    ANCHOR_LEAD characters before it, which finds the same matches)."""

    name: str
    kind: TimeKind
    pattern: str
    handler: Handler
    needs: Needs = Needs()
    anchor: str | None = None
    cue: Cue = Cue.NONE
    compiled: regex.Pattern = field(init=False, repr=False, compare=False)
    compiled_anchor: regex.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", _compile(self.name, self.pattern))
        object.__setattr__(self, "compiled_anchor",
                           None if self.anchor is None else _compile(self.name, self.anchor))
        if self.anchor is not None and not self.pattern.endswith(self.anchor):
            raise FormError(f"date form {self.name!r}: its anchor is not a suffix of its pattern")
        if any(not w or w != w.lower() for w in self.needs.words):
            raise FormError(f"date form {self.name!r}: needed words must be lower-case (the text is)")
        if reach(self.pattern) > TIME_REACH:
            raise FormError(f"date form {self.name!r}: reads more than TIME_REACH={TIME_REACH} characters")
        if self.anchor is not None and reach(self.anchor) + ANCHOR_LEAD > TIME_REACH:
            raise FormError(f"date form {self.name!r}: anchor reach + ANCHOR_LEAD exceeds TIME_REACH")

    def finditer(self, text: str) -> Iterator[regex.Match]:
        """The form's non-overlapping matches in ``text``, as ``compiled.finditer``; with an anchor,
        each search starts at most ANCHOR_LEAD characters before the next anchor: every match
        contains one that far from its start, so no match is missed, and the prefixes are not
        tried everywhere else."""
        if self.compiled_anchor is None:
            yield from self.compiled.finditer(text)
            return
        pos = 0
        while True:
            a = self.compiled_anchor.search(text, pos)
            if a is None:
                return
            m = self.compiled.search(text, max(pos, a.start() - ANCHOR_LEAD))
            if m is None:
                return
            yield m
            pos = m.end()

    def parse(self, m: regex.Match, year: int | None) -> tuple[TimeKind, date, date] | None:
        """The match read by the handler: (kind, first, last), or None for no valid date."""
        try:
            got = self.handler(m, year)
        except ValueError:  # a year outside the calendar's range
            return None
        if got is None:
            return None
        return got.kind or self.kind, got.first, got.last


def _compile(name: str, src: str) -> regex.Pattern:
    try:
        return regex.compile(src, FLAGS)
    except regex.error as e:
        raise FormError(f"date form {name!r}: pattern does not compile: {e}") from e


def reach(src: str) -> int:
    """The most characters right of its start that ``src`` can read: its longest match with its
    lookaheads counted as text (the stdlib parser's width, \\p{..} read as one character)."""
    for prop in (r"\p{L}", r"\p{N}", r"\p{Lu}", r"\p{Ll}"):
        src = src.replace(prop, "a")
    src = src.replace("(?=", "(?:").replace("(?!", "(?:")
    try:
        return _sre_parse.parse(src).getwidth()[1]
    except Exception as e:  # any complaint of the stdlib parser: the reach is unknown
        raise FormError(f"cannot measure the reach of {src[:60]!r}: {e}") from e


def build(*forms: DateForm) -> tuple[DateForm, ...]:
    """The registry: ``forms`` in the order given, which is the order they are tried (of two
    matches with the same start and end, the earlier form's is taken). Names must be unique."""
    seen: set[str] = set()
    for f in forms:
        if f.name in seen:
            raise FormError(f"date form {f.name!r} registered twice")
        seen.add(f.name)
    return tuple(forms)
