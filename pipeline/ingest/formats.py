"""Plain text out of non-text inputs: HTML pages, DOCX and PDF files.

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

import codecs
import copy
import io
import json
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import regex
from lxml import etree
from lxml import html as lxml_html

from ..errors import PipelineError
from ..text import patterns as P
from ..text.normalise import fold_label
from .clean import chrome_lines, tail_headings

# trafilatura, python-docx and pypdfium2 are imported by the reader that needs them (start-up).

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


# --- common --------------------------------------------------------------------------------

_LIST_MARKER = regex.compile(P.LIST_MARKER)
_META_CHARSET = regex.compile(P.HTML_META_CHARSET)
_XML_DECL_ENCODING = regex.compile(P.XML_DECL_ENCODING)
_XML_DECL = regex.compile(P.XML_DECL)
_PUBLISHED_YMD = regex.compile(P.PUBLISHED_YMD)
_PUBLISHED_DMY = regex.compile(P.PUBLISHED_DMY)

# Characters dropped from every extracted text: NUL, zero-width spaces/joiners, BOM and the
# non-characters PDFium uses for unknown glyphs.
_DROP = dict.fromkeys(map(ord, "\x00\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff"))


def _one_line(message: str) -> str:
    return " ".join(str(message).split())


def _read(source: Source, kind: str) -> bytes:
    """The bytes of ``source`` (a path or the content itself)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source)
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise PipelineError("load", f"{kind} file not found: {path}") from None
    except OSError as exc:
        raise PipelineError("load", _one_line(f"cannot read {kind} file {path}: {exc.strerror}")) from None


def _finish(text: str) -> str:
    return unicodedata.normalize("NFC", text.translate(_DROP))


class _Lines:
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


# --- HTML ----------------------------------------------------------------------------------

def _decode_html(data: bytes) -> str:
    """Decode by BOM, then valid UTF-8, then the declared charset, then Windows-1258."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:4096].decode("latin-1")
    found = _XML_DECL_ENCODING.search(head) or _META_CHARSET.search(head)
    if found:
        try:
            return data.decode(codecs.lookup(found.group(1)).name, errors="replace")
        except LookupError:
            pass
    # Undeclared and not UTF-8: the Vietnamese Windows code page is the likeliest.
    return data.decode("cp1258", errors="replace")


# huge_tree lifts libxml2's nesting limit (256), beyond which it silently drops the rest of
# a page (deeply nested layout tables and divs do occur).
_HTML_PARSER = lxml_html.HTMLParser(huge_tree=True)


def _parse_html(text: str) -> etree._Element | None:
    text = _XML_DECL.sub("", text, count=1)
    if not text.strip():
        return None
    try:
        return lxml_html.document_fromstring(text, parser=_HTML_PARSER)
    except (etree.ParserError, ValueError):
        return None


# <meta> keys (name / property / itemprop, lower-cased) that carry the publication date,
# most specific first.
_PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "published_time",
    "article.published", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "date", "created_date",
)


def _iso_date(value: str | None) -> str | None:
    """"YYYY-MM-DD" from a metadata value (year-first, else day-first), or None."""
    if not value:
        return None
    found = _PUBLISHED_YMD.search(value)
    if found:
        y, m, d = (int(g) for g in found.groups())
    else:
        found = _PUBLISHED_DMY.search(value)
        if not found:
            return None
        d, m, y = (int(g) for g in found.groups())
    try:
        return date(y, m, d).isoformat() if 1900 <= y <= 2200 else None
    except ValueError:
        return None


def _json_ld_dates(obj: object) -> Iterator[str]:
    if isinstance(obj, dict):
        value = obj.get("datePublished")
        if isinstance(value, str):
            yield value
        for child in obj.values():
            yield from _json_ld_dates(child)
    elif isinstance(obj, list):
        for child in obj:
            yield from _json_ld_dates(child)


def _meta_published(tree: etree._Element) -> str | None:
    """The publication date declared by <meta> tags, JSON-LD or <time pubdate>."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key in _PUBLISHED_KEYS and content and key not in found:
                found[key] = content
    for key in _PUBLISHED_KEYS:
        iso = _iso_date(found.get(key))
        if iso:
            return iso
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                data = json.loads(script.text)
            except ValueError:
                continue
            for value in _json_ld_dates(data):
                iso = _iso_date(value)
                if iso:
                    return iso
    for node in tree.iter("time"):
        if node.get("pubdate") is not None or (node.get("itemprop") or "").lower() == "datepublished":
            iso = _iso_date(node.get("datetime") or node.text_content())
            if iso:
                return iso
    return None


# class/id words of page chrome; an element carrying one is dropped before extraction
# unless it holds most of the page's text (a wrapper misnamed "main-menu-content").
_CHROME_WORDS = frozenset({
    "share", "sharing", "social", "addthis", "sharethis", "related", "relate", "lienquan",
    "tinlienquan", "breadcrumb", "breadcrumbs", "comment", "comments", "binhluan", "menu",
    "navbar", "nav", "navigation", "sidebar", "footer", "banner", "advert", "ads", "quangcao",
    "toolbar", "rating", "subscribe", "newsletter", "popup", "cookie",
})
_CHROME_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button",
                "select", "nav", "aside", "footer")
_WORD_SPLIT = regex.compile(r"[\s_\-]+")


def _is_chrome(el: etree._Element) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}".lower()
    if not names.strip():
        return False
    return bool(set(_WORD_SPLIT.split(names)) & _CHROME_WORDS)


def _holds_content(el: etree._Element) -> bool:
    """An element that wraps the article (a headline, an <article>, several long
    paragraphs) is never chrome, whatever its class says."""
    if el.find(".//h1") is not None or el.find(".//article") is not None:
        return True
    long_paragraphs = sum(1 for p in el.iter("p") if len(p.text_content()) >= 120)
    return long_paragraphs >= 3


def _drop(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)  # drops el.tail too: chrome tails are chrome


def _prune(tree: etree._Element) -> None:
    """Remove page chrome from ``tree`` (in place): scripts, menus, share/related boxes."""
    body = tree.find("body")
    if body is None:
        return
    total = len(body.text_content()) or 1
    for el in list(body.iter(*_CHROME_TAGS)):
        # An ASP.NET page wraps everything in one <form>: the size guard keeps it.
        if el.getparent() is not None and len(el.text_content()) < 0.5 * total:
            _drop(el)
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if _is_chrome(el) and len(el.text_content()) < 0.4 * total and not _holds_content(el):
            _drop(el)
    for el in list(body.iter(etree.Comment)):
        _drop(el)


# How each element lays out, for the trafilatura XML and for raw HTML alike.
_BLOCK = frozenset({"p", "head", "quote", "code", "div", "section", "article", "main", "h1",
                    "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption",
                    "center", "address", "dl", "dt", "dd", "header", "body", "html", "hr"})
_LIST = frozenset({"list", "ul", "ol", "menu"})
_ITEM = frozenset({"item", "li"})
_TABLE = frozenset({"table"})
_ROW = frozenset({"row", "tr"})
_CELL = frozenset({"cell", "td", "th"})
_BREAK = frozenset({"lb", "br"})
_SKIP = frozenset({"script", "style", "noscript", "template", "title", "meta", "link",
                   "del", "graphic", "img", "svg", "button", "select", "option", "input"})


def _has_marker(el: etree._Element) -> bool:
    return bool(_LIST_MARKER.match("".join(el.itertext()).lstrip()))


def _render(el: etree._Element, out: _Lines, cap: int = 2) -> None:
    """Lay out ``el`` (not its tail) into ``out``; ``cap`` limits breaks inside lists/cells."""
    tag = el.tag if isinstance(el.tag, str) else ""
    tag = tag.lower()
    if not tag or tag in _SKIP:
        return
    if tag in _BREAK:
        out.brk(1)
        return
    if tag in _LIST:
        out.brk(min(2, cap))
        ordered = tag == "ol" or (tag == "list" and (el.get("rend") or "") == "ol")
        number = int(el.get("start") or 1) if (el.get("start") or "").isdigit() else 1
        for child in el:
            if isinstance(child.tag, str) and child.tag.lower() in _ITEM:
                out.brk(1)
                if not _has_marker(child):
                    out.add(f"{number}. " if ordered else "- ")
                number += 1
                _render_children(child, out, 1)
                out.brk(1)
            else:
                _render(child, out, 1)
            out.add(child.tail)
        out.brk(min(2, cap))
        return
    if tag in _ROW:
        out.brk(2)
        for child in el:
            _render(child, out, 1)
            out.brk(1)
        out.brk(2)
        return
    if tag in _CELL:
        out.brk(1)
        _render_children(el, out, 1)
        out.brk(1)
        return
    if tag in _TABLE:
        out.brk(2)
        _render_children(el, out, 2)
        out.brk(2)
        return
    if tag in _ITEM:  # an item outside a list
        out.brk(1)
        _render_children(el, out, 1)
        out.brk(1)
        return
    if tag in _BLOCK:
        out.brk(min(2, cap))
        _render_children(el, out, cap)
        out.brk(min(2, cap))
        return
    _render_children(el, out, cap)  # inline: hi, ref, span, a, b, strong, em ...


def _render_children(el: etree._Element, out: _Lines, cap: int) -> None:
    out.add(el.text)
    for child in el:
        _render(child, out, cap)
        out.add(child.tail)


def _layout(root: etree._Element) -> str:
    out = _Lines(collapse=True)
    _render_children(root, out, 2)
    return out.text()


def _drop_chrome_blocks(text: str) -> str:
    """Drop blocks made only of chrome lines ("Chia sẻ", "Zalo") and related-links blocks:
    a "Tin liên quan" heading block and, when it stands alone, the list block after it."""
    chrome, tails = chrome_lines(), tail_headings()
    kept: list[str] = []
    skip_next = False
    for block in text.split("\n\n"):
        lines = block.split("\n")
        if skip_next:
            skip_next = False
            continue
        if fold_label(lines[0]) in tails:
            skip_next = len(lines) == 1
            continue
        if all(fold_label(line) in chrome for line in lines):
            continue
        kept.append(block)
    return "\n\n".join(kept)


_TRAFILATURA_OPTIONS = dict(
    output_format="xml", favor_recall=True, include_tables=True, include_comments=False,
    include_images=False, include_links=False, include_formatting=False, with_metadata=True,
    deduplicate=False,
    # Dates from markup only (no free-text date guessing, which would take a meeting date
    # for the publication date) and no "today" bound, so results do not depend on the clock.
    date_extraction_params={"original_date": True, "extensive_search": False, "max_date": "2199-12-31"},
)

# Below this many non-space characters trafilatura's main text counts as "very little".
_MIN_MAIN_CHARS = 150


def _trafilatura(tree: etree._Element) -> tuple[str, str | None, str | None]:
    """(main text, title, date) from trafilatura, ("", None, None) when it finds nothing."""
    import trafilatura

    try:
        xml = trafilatura.extract(tree, **_TRAFILATURA_OPTIONS)
    except Exception:  # noqa: BLE001 - a failing heuristic means "no main text", not an error
        return "", None, None
    if not xml:
        return "", None, None
    try:
        doc = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return "", None, None
    main = doc.find("main")
    text = _layout(main) if main is not None else ""
    return text, doc.get("title") or None, doc.get("date") or None


def _lxml_fallback(tree: etree._Element) -> str:
    body = tree.find("body")
    if body is None:
        return ""
    for el in list(body.iter("header")):  # the page header, not an article's own header
        if el.getparent() is not None and el.find(".//h1") is None:
            _drop(el)
    return _layout(body)


def _headline(tree: etree._Element, found: str | None) -> str | None:
    if found and found.strip():
        return " ".join(found.split())
    for xpath in ("//h1", "//meta[@property='og:title']/@content", "//title"):
        hits = tree.xpath(xpath)
        if hits:
            value = hits[0] if isinstance(hits[0], str) else hits[0].text_content()
            value = " ".join(value.split())
            if value:
                return value
    return None


def _with_headline(text: str, title: str | None) -> str:
    if not title:
        return text
    head = " ".join(text[: len(title) + 400].split()).casefold()
    if " ".join(title.split()).casefold() in head:
        return text
    return f"{title}\n\n{text}" if text else title


def html_to_text(data: Source) -> Extracted:
    """The main text of a web page: article paragraphs, list items and table cells, with the
    headline first; menus, scripts, share buttons, related-links boxes and footers left out.

    ``data`` is the page's bytes (decoded by BOM, UTF-8, declared charset, Windows-1258), a
    path to it, or the markup as a str (a str without "<" is taken for a path). ``published`` comes from the page's metadata (<meta>, JSON-LD, <time>),
    else from trafilatura's date metadata.
    """
    if isinstance(data, str) and "<" in data:
        raw = data.encode("utf-8")  # markup already decoded
    else:
        raw = _read(data, "HTML")
    try:
        return _html_to_text(raw)
    except RecursionError:
        raise PipelineError("load", "HTML page is nested too deeply to lay out") from None


def _html_to_text(raw: bytes) -> Extracted:
    tree = _parse_html(_decode_html(raw))
    if tree is None:
        raise PipelineError("load", "HTML page is empty or cannot be parsed")
    published = _meta_published(tree)
    _prune(tree)
    main, title, traf_date = _trafilatura(copy.deepcopy(tree))
    if len("".join(main.split())) < _MIN_MAIN_CHARS:
        fallback = _lxml_fallback(copy.deepcopy(tree))
        if len("".join(fallback.split())) > len("".join(main.split())):
            main = fallback
    title = _headline(tree, title)
    text = _finish(_drop_chrome_blocks(_with_headline(main, title)))
    if not text.strip():
        raise PipelineError("load", "HTML page has no readable text")
    return Extracted(text=text, pages=(), published=published or _iso_date(traf_date),
                     title=unicodedata.normalize("NFC", title) if title else None)


# --- DOCX ----------------------------------------------------------------------------------

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


def _docx_runs(el: etree._Element, out: _Lines) -> None:
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


def _docx_blocks(parent: etree._Element, out: _Lines, in_cell: bool) -> None:
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


def _docx_table(tbl: etree._Element, out: _Lines, in_cell: bool) -> None:
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
    data = _read(source, "DOCX")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise PipelineError("load", "not a DOCX file: old binary Word (.doc) is not supported")
    if not data.startswith(b"PK"):
        raise PipelineError("load", "not a DOCX file (not a zip archive)")
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        title = (document.core_properties.title or "").strip() or None
    except (zipfile.BadZipFile, EOFError):
        raise PipelineError("load", "DOCX file is damaged or truncated (bad zip archive)") from None
    except KeyError as exc:
        raise PipelineError("load", _one_line(f"DOCX package lacks a part: {exc}")) from None
    except etree.XMLSyntaxError:
        raise PipelineError("load", "DOCX document XML is malformed") from None
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types on bad packages
        raise PipelineError("load", _one_line(f"cannot read DOCX ({type(exc).__name__}: {exc})")) from None
    out = _Lines(collapse=False)
    _docx_blocks(body, out, in_cell=False)
    return Extracted(text=_finish(out.text()), pages=(), published=None,
                     title=unicodedata.normalize("NFC", title) if title else None)


# --- PDF -----------------------------------------------------------------------------------

def _page_text(raw: str) -> str:
    # PDFium ends lines with "\r\n" and marks a hyphen it took for hyphenation as "\x02".
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    return text.replace("\f", "\n")


def _pdf_load_message(exc: Exception) -> str:
    reason = str(exc)
    if "password" in reason.lower():
        return "PDF is encrypted (password required)"
    detail = regex.search(r"\(PDFium: ([^)]*)\)", reason)
    return _one_line(f"PDF is damaged or truncated ({detail.group(1) if detail else type(exc).__name__})")


def pdf_to_text(source: Source) -> Extracted:
    """The text layer of a PDF (PDFium), pages joined by "\\f", NFC; ``pages`` holds each
    page's start offset. ``title`` from the document information."""
    import pypdfium2 as pdfium

    data = _read(source, "PDF")
    if b"%PDF-" not in data[:1024]:
        raise PipelineError("load", "not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - PdfiumError and friends
        raise PipelineError("load", _pdf_load_message(exc)) from None
    try:
        texts: list[str] = []
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                texts.append(_finish(_page_text(textpage.get_text_range())))
                textpage.close()
                page.close()
            except Exception as exc:  # noqa: BLE001
                raise PipelineError("load", _one_line(
                    f"cannot read the text of PDF page {index + 1} ({type(exc).__name__})")) from None
        try:
            title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
        except Exception:  # noqa: BLE001 - metadata is optional
            title = None
    finally:
        pdf.close()
    if not texts:
        raise PipelineError("load", "PDF has no pages")
    if not any(t.strip() for t in texts):
        raise PipelineError("load", "PDF has no text layer (scanned?); OCR is not supported")
    starts, offset = [], 0
    for t in texts:
        starts.append(offset)
        offset += len(t) + 1
    return Extracted(text="\f".join(texts), pages=tuple(starts), published=None,
                     title=unicodedata.normalize("NFC", title) if title else None)


# --- dispatch ------------------------------------------------------------------------------

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

