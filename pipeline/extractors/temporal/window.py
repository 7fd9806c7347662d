"""Look-back windows around an expression: where its clause starts and ends, the last n tokens.

In: a text and offsets. Out: offsets bounding the words that deadlines and periods read around an
expression (characters bound the work; tokens bound the meaning).
"""
from __future__ import annotations

import regex

from ...text import patterns as P

#: How far a look-back reaches, in characters, at most.
LOOKBACK_CHARS = 240

_CLAUSE_STOP = regex.compile(P.T_CLAUSE_STOP)
_TOKEN_REVERSED = regex.compile(r"(?r)[\p{L}\p{N}]+")


def clause_start(text: str, pos: int, limit: int) -> int:
    """Offset right after the last clause stop in the ``limit`` characters before ``pos``."""
    lo = max(0, pos - limit)
    last = lo
    for m in _CLAUSE_STOP.finditer(text, lo, pos):
        last = m.end()
    return last


def clause_end(text: str, pos: int, limit: int) -> int:
    """Offset of the first clause stop in the ``limit`` characters after ``pos``."""
    m = _CLAUSE_STOP.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def last_tokens_start(text: str, lo: int, hi: int, n: int) -> int:
    """Offset of the n-th token counted back from ``hi`` (not before ``lo``)."""
    start = lo
    for i, m in enumerate(_TOKEN_REVERSED.finditer(text, lo, hi), 1):
        start = m.start()
        if i == n:
            return start
    return lo
