"""DOCX files -> plain text: the body's paragraphs and tables in reading order.

In: a .docx file's bytes or path. Out: an :class:`~.layout.Extracted` laid out by the rules of
:mod:`.formats` (``title`` from the core properties). Headers, footers, footnotes and text boxes
are not read.
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Iterator

from lxml import etree

from ..errors import PipelineError
from .layout import Extracted, Lines, Source, finish, one_line, read_source
from .limits import check_text, check_zip

# python-docx is imported by docx_to_text (start-up).

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Run content kept as text; everything else in a run (drawings, field codes, footnote
# references, deleted text) is not.
_RUN_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "noBreakHyphen": "-", _W + "softHyphen": ""}
_RUN_BREAK = {_W + "br", _W + "cr"}
# Containers inside a paragraph whose runs are part of its text (links, insertions, fields,
# content controls, smart tags); deletions and moved-away text are not.
_PARA_WRAPPERS = {_W + "hyperlink", _W + "ins", _W + "fldSimple", _W + "smartTag",
                  _W + "customXml", _W + "sdt", _W + "sdtContent", _W + "moveTo", _W + "dir",
                  _W + "bdo"}
# Containers of block content (paragraphs and tables) in the body or a cell.
_BODY_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml", _W + "ins", _W + "moveTo"}


def _docx_runs(el: etree._Element, out: Lines) -> None:
    for child in el:
        tag = child.tag
        if tag == _W + "r":
            for part in child:
                if part.tag in _RUN_TEXT:
                    out.add(part.text if _RUN_TEXT[part.tag] is None else _RUN_TEXT[part.tag])
                elif part.tag in _RUN_BREAK:
                    out.brk(1)
        elif tag in _PARA_WRAPPERS:
            _docx_runs(child, out)


def _docx_blocks(parent: etree._Element, out: Lines, in_cell: bool) -> None:
    """Paragraphs and tables of ``parent`` in document order.

    Automatic list numbering (a paragraph with w:numPr) is drawn by Word from numbering.xml
    and is not in the paragraph's text; python-docx does not render it either. Such a
    paragraph's text is kept as written: no number is invented for it.
    """
    for child in parent:
        tag = child.tag
        if tag == _W + "p":
            out.brk(1)
            before = len(out.lines)
            _docx_runs(child, out)
            has_text = len(out.lines) > before or bool("".join(out.cur).strip())
            # An empty paragraph of the body is a blank line; inside a cell it is nothing.
            out.brk(1 if in_cell or has_text else 2)
        elif tag == _W + "tbl":
            _docx_table(child, out, in_cell)
        elif tag in _BODY_WRAPPERS:
            _docx_blocks(child, out, in_cell)


def _docx_children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children of ``parent`` named ``tag``, looking through content controls."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _BODY_WRAPPERS:
            yield from _docx_children(child, tag)


def _docx_table(tbl: etree._Element, out: Lines, in_cell: bool) -> None:
    """Rows of a table separated by a blank line (a newline in a nested table), each cell
    on its own line(s)."""
    row_gap = 1 if in_cell else 2
    out.brk(row_gap)
    for tr in _docx_children(tbl, _W + "tr"):
        out.brk(row_gap)
        for tc in _docx_children(tr, _W + "tc"):
            merge = tc.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(_W + "val", "continue") == "continue":
                continue  # the lower part of a vertically merged cell: its text is above
            out.brk(1)
            _docx_blocks(tc, out, in_cell=True)
            out.brk(1)
        out.brk(row_gap)
    out.brk(row_gap)


def docx_to_text(source: Source) -> Extracted:
    """Paragraphs and tables of a .docx body in reading order (see the module's layout
    rules); ``title`` from the core properties. Headers, footers, footnotes and text boxes
    are not read."""
    data = read_source(source, "DOCX")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise PipelineError("load", "not a DOCX file: old binary Word (.doc) is not supported")
    if not data.startswith(b"PK"):
        raise PipelineError("load", "not a DOCX file (not a zip archive)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            check_zip(z)  # before python-docx inflates a part
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        title = (document.core_properties.title or "").strip() or None
    except (zipfile.BadZipFile, EOFError):
        raise PipelineError("load", "DOCX file is damaged or truncated (bad zip archive)") from None
    except KeyError as exc:
        raise PipelineError("load", one_line(f"DOCX package lacks a part: {exc}")) from None
    except etree.XMLSyntaxError:
        raise PipelineError("load", "DOCX document XML is malformed") from None
    except PipelineError:
        raise
    except MemoryError:
        raise PipelineError("load", "out of memory reading the DOCX file (the memory limit of a worker)") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on bad packages
        raise PipelineError("load", one_line(f"cannot read DOCX ({type(exc).__name__}: {exc})")) from None
    out = Lines(collapse=False)
    _docx_blocks(body, out, in_cell=False)
    text = out.text()
    check_text(len(text), "DOCX")
    return Extracted(text=finish(text), pages=(), published=None,
                     title=unicodedata.normalize("NFC", title) if title else None)
