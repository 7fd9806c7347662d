"""Plain text out of non-text inputs: HTML pages, DOCX and PDF files (one reader module each).

Each reader returns one :class:`Extracted`. Its ``text`` is the *source text* of the
document from then on: every offset the pipeline reports for an html/docx/pdf input points
into it (SPEC "Offsets"), so the readers only lay the text out; cleaning (page-break
rejoining, chrome removal) happens later and keeps offsets into this text.

Layout rules, shared by the three readers:

* Lines are stripped of surrounding spaces; the text is NFC and ends without a newline.
* A blank line ("\\n\\n") separates blocks: HTML paragraphs, headings, lists and tables; in
  a DOCX it stands where the document has one or more empty paragraphs (so its consecutive
  paragraphs are joined by a single "\\n", its blank paragraphs survive as the break the
  author typed).
* A list item or a table cell is one line (a cell with several paragraphs: one line each);
  the rows of a table are separated by a blank line, and a table by blank lines from the
  text around it.
* PDF pages are joined by "\\f"; ``Extracted.pages`` holds the offset where each page starts.

Corrupt or unreadable input raises ``PipelineError("load", <one-line message>)``.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import PipelineError
from .docx_reader import docx_to_text
from .html_reader import html_to_text
from .layout import Extracted
from .pdf_reader import pdf_to_text

__all__ = ["FORMATS", "Extracted", "docx_to_text", "extract_file", "html_to_text", "pdf_to_text"]

_READERS = {".html": html_to_text, ".htm": html_to_text, ".xhtml": html_to_text,
            ".docx": docx_to_text, ".pdf": pdf_to_text}
FORMATS: tuple[str, ...] = tuple(_READERS)


def extract_file(path: str | Path) -> Extracted:
    """Read ``path`` with the reader its suffix names (.html/.htm/.xhtml, .docx, .pdf)."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise PipelineError("load", f"not an html/docx/pdf file: {path.name}")
    return reader(path)
