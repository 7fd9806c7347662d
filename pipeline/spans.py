"""The one span type, and the map that carries offsets from cleaned text back to the source.

Every extractor works on cleaned text (NFC, modern tone placement, page breaks rejoined,
boilerplate and footnotes set apart) and reports cleaned offsets; ``OffsetMap.span`` turns
them into a :class:`Span` over the *source* text, so ``source[span.start:span.end] ==
span.text`` always holds.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass


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
    from the final text to the original source.
    """

    __slots__ = ("starts", "ends", "source_len")

    def __init__(self, starts: array, ends: array, source_len: int):
        self.starts = starts
        self.ends = ends
        self.source_len = source_len

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        return cls(array("l", range(n)), array("l", range(1, n + 1)), n)

    def __len__(self) -> int:
        return len(self.starts)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the derived range [start, end)."""
        n = len(self.starts)
        if end <= start:
            pos = self.starts[start] if start < n else self.source_len
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def span(self, source: str, start: int, end: int, label: str = "") -> Span:
        s, e = self.to_source(start, end)
        return Span(s, e, source[s:e], label)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """``self`` maps text B -> A and ``inner`` maps C -> B: return C -> A."""
        starts = array("l", (self.starts[i] for i in inner.starts))
        ends = array("l", (self.ends[i - 1] if i > 0 else self.starts[0] for i in inner.ends))
        return OffsetMap(starts, ends, self.source_len)


class Rewriter:
    """Apply non-overlapping edits to a text and keep the map back to it.

    ``replace(start, end, new)``: when ``new`` has the length of the replaced text, character i
    maps to character start+i; otherwise every new character maps to the whole old range.
    Deleting is replacing with "".
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
        starts = array("l")
        ends = array("l")
        pos = 0
        for s, e, new in edits:
            if s < pos:
                raise ValueError(f"overlapping edits at {s}")
            parts.append(text[pos:s])
            starts.extend(range(pos, s))
            ends.extend(range(pos + 1, s + 1))
            parts.append(new)
            if len(new) == e - s:
                starts.extend(range(s, e))
                ends.extend(range(s + 1, e + 1))
            else:
                starts.extend([s] * len(new))
                ends.extend([e] * len(new))
            pos = e
        parts.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
        return "".join(parts), OffsetMap(starts, ends, len(text))
