"""The one span type, and the map that carries offsets from cleaned text back to the source.

Every extractor works on cleaned text (NFC, modern tone placement, page breaks rejoined,
boilerplate and footnotes set apart) and reports cleaned offsets; ``OffsetMap.span`` turns
them into a :class:`Span` over the *source* text, so ``source[span.start:span.end] ==
span.text`` always holds.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the source text: code-point offsets and the text they cover."""

    start: int
    end: int
    text: str
    label: str = ""

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text does not fit its offsets")


class OffsetMap:
    """For each character i of a derived text: the source range [starts[i], ends[i]).

    Built by :class:`Rewriter` passes and composed, so a chain of cleaning steps keeps one map
    from the final text to the original source. Arrays are numpy int64; an identity map stores
    none (``starts is None``) so untouched texts cost nothing.
    """

    __slots__ = ("starts", "ends", "source_len", "length")

    def __init__(self, starts, ends, source_len: int, length: int | None = None):
        self.starts = starts
        self.ends = ends
        self.source_len = source_len
        self.length = len(starts) if starts is not None else (source_len if length is None else length)

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls(None, None, n, n)

    @property
    def is_identity(self) -> bool:
        return self.starts is None

    def __len__(self) -> int:
        return self.length

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the derived range [start, end)."""
        if self.starts is None:
            return start, max(start, end)
        n = self.length
        if end <= start:
            pos = int(self.starts[start]) if start < n else self.source_len
            return pos, pos
        return int(self.starts[start]), int(self.ends[end - 1])

    def span(self, source: str, start: int, end: int, label: str = "") -> Span:
        s, e = self.to_source(start, end)
        return Span(s, e, source[s:e], label)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """``self`` maps text B -> A and ``inner`` maps C -> B: return C -> A."""
        if inner.starts is None:
            return self
        if self.starts is None:
            return OffsetMap(inner.starts, inner.ends, self.source_len)
        starts = self.starts[inner.starts]
        prev = inner.ends - 1
        ends = np.where(prev >= 0, self.ends[np.maximum(prev, 0)], self.starts[0] if len(self.starts) else 0)
        return OffsetMap(starts, ends, self.source_len)


class Rewriter:
    """Apply non-overlapping edits to a text and keep the map back to it.

    ``replace(start, end, new)``: when ``new`` has the length of the replaced text, character i
    maps to character start+i; otherwise every new character maps to the whole old range.
    Deleting is replacing with "". Inserting (an empty old range) is not supported.
    """

    def __init__(self, text: str):
        self.text = text
        self.edits: list[tuple[int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, new))

    def delete(self, start: int, end: int) -> None:
        self.edits.append((start, end, ""))

    def apply(self) -> tuple[str, OffsetMap]:
        text = self.text
        if not self.edits:
            return text, OffsetMap.identity(len(text))
        edits = sorted(self.edits)
        parts: list[str] = []
        # the new text as pieces: [out_start, length, shift] where character out_start+i maps to
        # source character out_start+i+shift (kept text and same-length replacements; adjacent
        # pieces with the same shift are one), and blocks (out_start, length, start, end) whose
        # every character maps to the whole replaced range [start, end)
        pieces: list[list[int]] = []
        blocks: list[tuple[int, int, int, int]] = []
        out = 0
        pos = 0

        def keep(src: int, n: int) -> None:
            shift = src - out
            if pieces and pieces[-1][2] == shift and pieces[-1][0] + pieces[-1][1] == out:
                pieces[-1][1] += n
            else:
                pieces.append([out, n, shift])

        for s, e, new in edits:
            if s < pos:
                raise ValueError(f"overlapping edits at {s}")
            if s > pos:
                parts.append(text[pos:s])
                keep(pos, s - pos)
                out += s - pos
            if new:
                parts.append(new)
                if len(new) == e - s:
                    keep(s, e - s)
                else:
                    blocks.append((out, len(new), s, e))
                out += len(new)
            pos = e
        if pos < len(text):
            parts.append(text[pos:])
            keep(pos, len(text) - pos)
            out += len(text) - pos
        shifts = np.zeros(out, dtype=np.int64)
        for o, n, shift in pieces:
            shifts[o:o + n] = shift
        starts = np.arange(out, dtype=np.int64) + shifts
        ends = starts + 1
        for o, n, s, e in blocks:
            starts[o:o + n] = s
            ends[o:o + n] = e
        return "".join(parts), OffsetMap(starts, ends, len(text))
