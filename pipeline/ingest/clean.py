"""Cleaning: source text -> cleaned text, with one offset map back to the source.

Three passes, each a :class:`~pipeline.spans.Rewriter` whose map is composed with the last:

1. characters: NFC (NFD input composed cluster by cluster), invisible characters deleted,
   odd spaces made plain, form feeds (PDF page breaks) made newlines, "ð" -> "đ";
2. lines and markup: web chrome (view counters, weekday datelines, lone dots, share
   buttons, the related-links tail), footnote lines and markers, markdown emphasis and
   headings are removed; repeated adjacent lines (captions, summaries) dropped; old tone
   placement modernised per syllable ("uỷ" -> "ủy", "hoà" -> "hòa": underthesea's token
   table, applied to whole syllables only so "quý", "hoàng" and symbols such as
   "25-TB/BCĐ" are untouched; :func:`~..text.normalise.old_tone_words`);
3. page breaks: a sentence cut by blank lines (and perhaps a page number) is rejoined with
   one space when the first part ends mid-sentence and the second starts in lower case.

What was removed is kept: ``footnotes`` and ``boilerplate`` are source spans, so the header
stage can still read a publication dateline and the references stage can read footnotes.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import patterns as P
from ..text.lexicon import load_words
from ..text.normalise import old_tone_words
from ..text.spans import OffsetMap, Rewriter, Span

_INVISIBLE = regex.compile(P.INVISIBLE)
# odd spaces, and runs of two or three spaces between words, become one plain space
_ODD_SPACE = regex.compile(P.SPACE_RUN + "|" + P.ODD_SPACE)
# form feeds (PDF page breaks) become newlines; the Icelandic eth that some fonts put for "đ";
# the private-use bullets of Word's symbol fonts become "•"
_ODD_LETTERS = {"\f": "\n", "ð": "đ", "Ð": "Đ"}
_ODD_LETTER = regex.compile("[\f\u00f0\u00d0]|" + P.PUA_BULLET)
_QU_TONE = regex.compile(P.QU_TONE)
_CELL_LINE = regex.compile(r"(?m)^[^\n]*[\t|][^\n]*$")
_CELL_SEP = regex.compile(P.CELL_SEP)
_CELL_EDGE = regex.compile(P.CELL_EDGE)
_CELL_RULE = regex.compile(P.CELL_RULE)
_NON_NFC_CLUSTER = regex.compile(r"\P{M}?\p{M}+")
_LINE = regex.compile(r"[^\n]*(?:\n|$)")
_MD_EMPHASIS = regex.compile(P.MD_EMPHASIS)
_MD_HEADING = regex.compile(P.MD_HEADING)
_MD_LINE_EMPHASIS = regex.compile(P.MD_LINE_EMPHASIS)
_FOOTNOTE_MARK = regex.compile(P.FOOTNOTE_MARK)
_FOOTNOTE_LINE = regex.compile(P.FOOTNOTE_LINE)
_WEB_COUNTER = regex.compile(P.WEB_COUNTER)
_WEB_DATELINE = regex.compile(P.WEB_DATELINE)
_WEB_PUBLISHED = regex.compile(P.WEB_PUBLISHED)
_DOTS_LINE = regex.compile(P.DOTS_LINE)
_PAGE_MARK_LINE = regex.compile(P.PAGE_MARK_LINE)
_WORD = regex.compile(r"\p{L}+")
_ANY_DATE = regex.compile(P.ANY_DATE)
_LINE_OR_EMPTY = regex.compile(P.SEG_LINE_OR_EMPTY)

_BYLINE = regex.compile(P.BYLINE)
_CHROME_CANDIDATE = regex.compile(P.CHROME_CANDIDATE)
_FOOTNOTE_FIRST = frozenset("\u207d\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u2070[")
# A sentence cut by a page break: lower-case letter or comma, line break(s), optional
# page-number lines, and a lower-case continuation. The match starts at the line break (the
# engine then only tries line breaks) and the letter and spaces before it are a look-behind;
# ``_with_spaces_before`` puts those spaces back into the replaced range.
_BROKEN = regex.compile(
    r"(?<=[\p{Ll}\p{N},][ \t]*)\n(?:[ \t]*\n|" + P.PAGE_NUMBER_LINE.lstrip("^").rstrip("$")
    + r"\n)*[ \t]*(?=\p{Ll})(?![a-zđ][ \t]*\)|[a-zđ][.\-][ \t])"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned text and the way back to the source."""

    source: str
    text: str
    map: OffsetMap
    footnotes: tuple[Span, ...]
    boilerplate: tuple[Span, ...]

    def span(self, start: int, end: int, label: str = "") -> Span:
        """The source span of cleaned range [start, end)."""
        return self.map.span(self.source, start, end, label)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.map.to_source(start, end)


@lru_cache(maxsize=1)
def chrome_lines() -> frozenset[str]:
    """The case-folded lines of web chrome ("Chia sẻ", "Zalo"), from data/web_chrome.txt."""
    return frozenset(w.casefold() for w in load_words("web_chrome.txt"))


@lru_cache(maxsize=1)
def tail_headings() -> frozenset[str]:
    """The case-folded headings that start a page's related-links tail ("Tin liên quan")."""
    return frozenset(w.casefold() for w in load_words("web_tail_headings.txt"))


def _pass_characters(text: str) -> tuple[str, OffsetMap]:
    rw = Rewriter(text)
    for m in _INVISIBLE.finditer(text):
        rw.delete(m.start(), m.end())
    for m in _ODD_SPACE.finditer(text):
        rw.replace(m.start(), m.end(), " ")
    for m in _ODD_LETTER.finditer(text):
        rw.replace(m.start(), m.end(), _ODD_LETTERS.get(m.group(), "•"))
    if not unicodedata.is_normalized("NFC", text):
        for m in _NON_NFC_CLUSTER.finditer(text):
            nfc = unicodedata.normalize("NFC", m.group())
            if nfc != m.group():
                # a cluster may hold a zero-width char already deleted: skip overlaps safely
                s, e = m.start(), m.end()
                if not _INVISIBLE.search(m.group()):
                    rw.replace(s, e, nfc)
    return rw.apply()


def _line_kind(body: str, prev: str | None) -> str | None:
    """Why a whole line is chrome (a boilerplate label), or None."""
    stripped = body.strip()
    if not stripped:
        return None
    if _DOTS_LINE.match(stripped):
        return "dots"
    if _PAGE_MARK_LINE.match(stripped):
        return "page"
    if _WEB_DATELINE.match(stripped) or (len(stripped) <= 100 and _WEB_PUBLISHED.match(stripped)):
        return "dateline"
    counter = _WEB_COUNTER.search(stripped)
    if counter and len(stripped) <= 80:
        return "dateline" if _ANY_DATE.search(stripped) else "counter"
    if stripped.rstrip(":.").casefold() in chrome_lines():
        return "chrome"
    if _BYLINE.match(stripped):
        return "byline"
    if prev is not None and stripped == prev.strip() and len(stripped) > 20:
        return "repeat"
    return None


#: A "Chia sẻ" (share buttons) line ends the article after this many characters of kept text
#: or after a byline; before both it sits under the title, and only the line itself is chrome.
_SHARE_TAIL_AFTER = 400


def _pass_lines(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]], list[tuple[int, int]]]:
    rw = Rewriter(text)
    removed: list[tuple[int, int, str]] = []
    footnotes: list[tuple[int, int]] = []
    prev: str | None = None
    gone: list[tuple[int, int]] = []  # removed line ranges (with their newline), in order
    s = 0
    n = len(text)
    tails = tail_headings()
    kept = 0  # characters of the lines kept so far
    while s < n:
        e = text.find("\n", s)
        e = n if e < 0 else e + 1
        body = text[s:e].rstrip("\n")
        stripped = body.strip()
        if len(stripped) <= 120 and stripped:
            head = stripped.rstrip(":").casefold()
            share = head.startswith("chia sẻ") and len(head.split()) <= 8
            if share and kept < _SHARE_TAIL_AFTER and not any(r[2] == "byline" for r in removed):
                # share buttons under the title (no article and no byline before them): that line only
                removed.append((s, s + len(body), "chrome"))
                gone.append((s, e))
                s = e
                continue
            if head in tails or share:
                removed.append((s, n, "chrome"))
                gone.append((s, n))
                break
            candidate = _CHROME_CANDIDATE.match(stripped) or (len(stripped) > 20 and stripped == (prev or "").strip())
            kind = _line_kind(body, prev) if candidate else None
            if kind:
                removed.append((s, s + len(body), kind))
                gone.append((s, e))
                s = e
                continue
        if stripped and stripped[0] in _FOOTNOTE_FIRST and _FOOTNOTE_LINE.match(body):
            footnotes.append((s, s + len(body)))
            gone.append((s, e))
            s = e
            continue
        if stripped:
            prev = body
            kept += len(stripped)
        s = e
    for a, b in gone:
        rw.delete(a, b)
    # in-line edits, found over the whole text and kept outside removed lines
    edits: list[tuple[int, int, str]] = []
    for m in _MD_HEADING.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for le in _MD_LINE_EMPHASIS.finditer(text):
        if le.group(2) == le.group(3):
            edits.append((le.start(2), le.end(2), ""))
            edits.append((le.start(3), le.end(3), ""))
    for m in _MD_EMPHASIS.finditer(text):
        edits.append((m.start(), m.end(), ""))
    for m in _FOOTNOTE_MARK.finditer(text):
        edits.append((m.start(), m.end(), ""))
    edits.extend(old_tone_words(text))
    edits.extend(_qu_tones(text))
    if "\t" in text or "|" in text:
        edits.extend(_cell_edits(text))
    edits.sort()
    last = -1
    g = 0
    for a, b, new in edits:
        if a < last:
            continue
        while g < len(gone) and gone[g][1] <= a:
            g += 1
        if g < len(gone) and gone[g][0] < b:
            continue  # inside a removed line
        rw.replace(a, b, new)
        last = b
    new_text, omap = rw.apply()
    return new_text, omap, removed, footnotes


def _qu_tones(text: str) -> list[tuple[int, int, str]]:
    """"qúy" -> "quý": a tone on the "u" of "qu" moved onto the vowel after it (same length)."""
    out = []
    if "q" in text or "Q" in text:
        for m in _QU_TONE.finditer(text):
            u = unicodedata.normalize("NFD", m.group(2))
            out.append((m.start(2), m.end(3), u[0] + unicodedata.normalize("NFC", m.group(3) + u[1:])))
    return out


def _cell_edits(text: str) -> list[tuple[int, int, str]]:
    """A table row written on one line, its cells separated by tabs or by " | " (one kind, at
    least three cells), is laid out one cell per line as flattened tables are read: each separator becomes a
    line break and the "|" at the row's edges goes; a markdown rule line ("|---|---|") goes."""
    out: list[tuple[int, int, str]] = []
    for line in _CELL_LINE.finditer(text):
        a, b = line.span()
        if _CELL_RULE.match(line.group()):
            out.append((a, min(b + 1, len(text)), ""))
            continue
        edges = [(a + m.start(), a + m.end()) for m in _CELL_EDGE.finditer(line.group()) if m.end() > m.start()]
        lo = max((e for s, e in edges if s == a), default=a)
        hi = min((s for s, e in edges if e == b and s > lo), default=b)
        seps = [(m.start(), m.end()) for m in _CELL_SEP.finditer(text, lo, hi)]
        if len(seps) < 2 or len({"|" in text[s:e] for s, e in seps}) > 1:
            continue  # fewer than three cells, or tabs and "|" mixed: not one table's row
        out.extend((s, e, "") for s, e in edges)
        out.extend((s, e, "\n") for s, e in seps)
    return out


_ITEM_START = regex.compile(r"[ \t]*(?:[IVX]{1,5}[.\-)]|\d{1,2}(?:\.\d{1,2}){0,3}[.)\-/]?[ \t]|[a-zđ][).][ \t]|"
                            r"\([\w]{1,4}\)|[-–—+•*][ \t]|(?i:nơi nhận|kính gửi))")


def _in_capitals(line: str) -> bool:
    """A line with letters, all of them capitals (a heading); "10/9/2024." has none, and so
    continues the line before it like any other text."""
    return line != line.lower() and line == line.upper()


def _soft_wraps(text: str, rw: Rewriter, taken: set[int]) -> None:
    """PDF text: a line that ran to the right margin without ending its sentence continues on
    the next line (joined with one space) unless that line starts an item or is in capitals."""
    lines = [(m.start(), m.end()) for m in _LINE_OR_EMPTY.finditer(text) if m.end() > m.start()]
    if len(lines) < 3:
        return
    widths = sorted(e - s for s, e in lines)
    margin = widths[int(len(widths) * 0.9)] * 0.7
    for (s1, e1), (s2, e2) in zip(lines, lines[1:], strict=False):
        if s2 != e1 + 1 or e1 in taken:
            continue
        prev, nxt = text[s1:e1].rstrip(), text[s2:e2]
        if len(prev) < margin or prev.endswith((".", ":", ";", "!", "?", "./.")):
            continue
        if _ITEM_START.match(nxt) or _in_capitals(nxt):
            continue
        rw.replace(e1, e1 + 1, " ")


# a compound cut at its hyphen by a line wrap: "chính trị\n- xã hội" (a bullet starts in capitals);
# from the line break, as _BROKEN
_BROKEN_COMPOUND = regex.compile(r"(?<=\p{Ll}[ \t]*)\n(?=-[ \t]\p{Ll})")


def _with_spaces_before(text: str, start: int) -> int:
    """``start`` moved back over the spaces and tabs before it."""
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start


#: Text hard-wrapped at a margin (a PDF's or a mail's lines): most of its lines end near the widest
#: ones, and the widest are no longer than a printed line (a paragraph per line runs far longer).
_WRAP_MAX_WIDTH = 110
_WRAP_MIN_LINES = 12
#: Lines shorter than this (headings, table cells, signatures) say nothing of a margin.
_WRAP_MIN_WIDTH = 40
_WRAP_NEAR = 0.8
_WRAP_SHARE = 0.4


def looks_wrapped(text: str) -> bool:
    """Whether ``text`` was hard-wrapped at a margin: of its lines of :data:`_WRAP_MIN_WIDTH`
    characters or more, the 95th-percentile width is at most :data:`_WRAP_MAX_WIDTH` and at
    least :data:`_WRAP_SHARE` reach :data:`_WRAP_NEAR` of that width."""
    widths = sorted(n for n in map(len, text.split("\n")) if n >= _WRAP_MIN_WIDTH)
    if len(widths) < _WRAP_MIN_LINES:
        return False
    top = widths[int(len(widths) * 0.95)]
    if top > _WRAP_MAX_WIDTH:
        return False
    return sum(w >= top * _WRAP_NEAR for w in widths) >= _WRAP_SHARE * len(widths)


def _pass_breaks(text: str, soft_wraps: bool = False) -> tuple[str, OffsetMap]:
    rw = Rewriter(text)
    taken = set()
    for m in _BROKEN.finditer(text):
        a = _with_spaces_before(text, m.start())
        rw.replace(a, m.end(), " ")
        taken.update(range(a, m.end()))
    for m in _BROKEN_COMPOUND.finditer(text):
        a = _with_spaces_before(text, m.start())
        if a not in taken:
            rw.replace(a, m.end(), " ")
            taken.update(range(a, m.end()))
    if soft_wraps:
        _soft_wraps(text, rw, taken)
    return rw.apply()


def clean(source: str, soft_wraps: bool = False) -> Cleaned:
    """Clean ``source`` for extraction; see the module docstring for what is done.
    ``soft_wraps``: also join lines wrapped at the right margin (text from a PDF); done as well
    where the text :func:`looks_wrapped`."""
    t1, m1 = _pass_characters(source)
    t2, m2, removed, notes = _pass_lines(t1)
    t3, m3 = _pass_breaks(t2, soft_wraps or looks_wrapped(t2))
    omap = m1.compose(m2).compose(m3)
    boiler = tuple(m1.span(source, s, e, kind) for s, e, kind in removed)
    foot = tuple(m1.span(source, s, e, "footnote") for s, e in notes)
    return Cleaned(source, t3, omap, foot, boiler)
