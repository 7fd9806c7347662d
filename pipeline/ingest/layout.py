"""The common ground of the html/docx/pdf readers: their result record and the layout of lines.

In: the pieces of text a reader walks through (strings and line breaks). Out: the laid-out
source text (:class:`Lines`, see the layout rules in :mod:`.formats`) in an :class:`Extracted`;
bytes of a path or a buffer (:func:`read_source`), errors as ``PipelineError("load", ...)``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import PipelineError

Source = str | Path | bytes | bytearray | memoryview


@dataclass(frozen=True, slots=True)
class Extracted:
    """The plain text of one input and what its container told about it.

    ``pages``: start offset in ``text`` of each page (pdf; ``()`` otherwise).
    ``published``: the publication date of a web page ("YYYY-MM-DD") when the HTML gives it.
    ``title``: the headline or document title when known.
    """

    text: str
    pages: tuple[int, ...] = ()
    published: str | None = None
    title: str | None = None


# Characters dropped from every extracted text: NUL, zero-width spaces/joiners, BOM and the
# non-characters PDFium uses for unknown glyphs.
_DROP = dict.fromkeys(map(ord, "\x00\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff"))


def one_line(message: str) -> str:
    return " ".join(str(message).split())


def read_source(source: Source, kind: str) -> bytes:
    """The bytes of ``source`` (a path or the content itself)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PipelineError("load", f"{kind} file not found: {path}") from None
    except OSError as exc:
        raise PipelineError("load", one_line(f"cannot read {kind} file {path}: {exc.strerror}")) from None


def finish(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_DROP))


class Lines:
    """Collects text pieces and breaks (1 = newline, 2 = blank line) into laid-out lines.

    Consecutive breaks merge into the strongest; breaks before the first or after the last
    line vanish; a line of only spaces is no line. With ``collapse`` (HTML) runs of
    whitespace inside a line become one space; otherwise (DOCX) tabs and spaces are kept.
    """

    def __init__(self, collapse: bool) -> None:
        self.collapse = collapse
        self.lines: list[tuple[int, str]] = []
        self.cur: list[str] = []
        self.gap = 0

    def brk(self, n: int) -> None:
        line = "".join(self.cur)
        line = " ".join(line.split()) if self.collapse else line.strip(" \t\r\n\xa0")
        if line:
            self.lines.append((self.gap, line))
            self.gap = n
        else:
            self.gap = max(self.gap, n)
        self.cur = []

    def add(self, piece: str | None) -> None:
        if piece:
            self.cur.append(piece)

    def text(self) -> str:
        self.brk(0)
        return "".join(("\n" * gap if i else "") + line for i, (gap, line) in enumerate(self.lines))
