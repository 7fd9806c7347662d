"""HTML pages -> plain text: the article's paragraphs, list items and table cells, headline first.

In: a page's bytes, a path, or its markup. Out: an :class:`~.layout.Extracted` (its text laid
out by the rules of :mod:`.formats`, the publication date and headline from the markup). Menus,
scripts, share buttons, related-links boxes and footers are left out (trafilatura finds the
main text; a plain lxml walk is the fallback when it finds little).
"""
from __future__ import annotations

import codecs
import copy
import json
import logging
import unicodedata
from collections.abc import Iterator
from datetime import date

import regex
from lxml import etree
from lxml import html as lxml_html

from ..errors import PipelineError
from ..text import patterns as P
from ..text.normalise import fold_label
from .clean import chrome_lines, tail_headings
from .layout import Extracted, Lines, Source, finish, read_source
from .limits import check_text

# trafilatura is imported by the function that runs it (start-up).

_LIST_MARKER = regex.compile(P.LIST_MARKER)
_META_CHARSET = regex.compile(P.HTML_META_CHARSET)
_XML_DECL_ENCODING = regex.compile(P.XML_DECL_ENCODING)
_XML_DECL = regex.compile(P.XML_DECL)
_PUBLISHED_YMD = regex.compile(P.PUBLISHED_YMD)
_PUBLISHED_DMY = regex.compile(P.PUBLISHED_DMY)
#: Characters no web page's text has: C0 controls but tab and line ends, DEL, U+FFFD.
_BINARY = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SNIFF = 1 << 16


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
            return _spelled_date(value)
        d, m, y = (int(g) for g in found.groups())
    try:
        return date(y, m, d).isoformat() if 1900 <= y <= 2200 else None
    except ValueError:
        return None


#: A year written in full: a date in words is read only when it has one (never "2 ngày trước").
_FULL_YEAR = regex.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")
_DATEPARSER_SETTINGS = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                        "PREFER_LOCALE_DATE_ORDER": False, "RETURN_AS_TIMEZONE_AWARE": False}


def _spelled_date(value: str) -> str | None:
    """A publication date in words, Vietnamese or English ("15 tháng 3, 2021", "15 Tháng Ba,
    2021", "March 15, 2021", "Mon, 15 Mar 2021 08:00:00 GMT"): dateparser reads these, the
    numeric patterns do not."""
    if not _FULL_YEAR.search(value):
        return None
    import dateparser  # lazily: only a page whose date is spelled out needs it

    found = dateparser.parse(value[:200], languages=["vi", "en"], settings=_DATEPARSER_SETTINGS)
    return found.date().isoformat() if found is not None and 1900 <= found.year <= 2200 else None


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


def _render(el: etree._Element, out: Lines, cap: int = 2) -> None:
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


def _render_children(el: etree._Element, out: Lines, cap: int) -> None:
    out.add(el.text)
    for child in el:
        _render(child, out, cap)
        out.add(child.tail)


def _layout(root: etree._Element) -> str:
    out = Lines(collapse=True)
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


class _QuietDiscard(logging.Filter):
    """Drops trafilatura's "discarding data: None" warning: finding no main text is an answer
    here (the fallback runs), not something to print on the user's terminal."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("discarding data")


_QUIET = _QuietDiscard()


def _trafilatura(tree: etree._Element) -> tuple[str, str | None, str | None]:
    """(main text, title, date) from trafilatura, ("", None, None) when it finds nothing."""
    import trafilatura

    core = logging.getLogger("trafilatura.core")
    if _QUIET not in core.filters:
        core.addFilter(_QUIET)

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
        raw = read_source(data, "HTML")
    try:
        return _html_to_text(raw)
    except RecursionError:
        raise PipelineError("load", "HTML page is nested too deeply to lay out") from None


def _check_markup(page: str) -> None:
    """Refuse bytes that are not a web page: control characters (or undecodable bytes) in more
    than 1% of its first 64 KB (random bytes have about 12%)."""
    head = page[:_SNIFF]
    n = len(_BINARY.findall(head))
    if n > max(8, 0.01 * len(head)):
        raise PipelineError("load", f"not an HTML page: binary data ({n} control characters in the "
                                    f"first {len(head):,})")


def _html_to_text(raw: bytes) -> Extracted:
    page = _decode_html(raw)
    _check_markup(page)
    tree = _parse_html(page)
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
    text = finish(_drop_chrome_blocks(_with_headline(main, title)))
    check_text(len(text), "HTML")
    if not text.strip():
        raise PipelineError("load", "HTML page has no readable text")
    return Extracted(text=text, pages=(), published=published or _iso_date(traf_date),
                     title=unicodedata.normalize("NFC", title) if title else None)
