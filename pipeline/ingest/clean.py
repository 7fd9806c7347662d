"""Cleaning: source text -> cleaned text, with one offset map back to the source.

Three passes, each a :class:`~pipeline.spans.Rewriter` whose map is composed with the last:

1. characters: NFC (NFD input composed cluster by cluster), invisible characters deleted,
   odd spaces made plain, form feeds (PDF page breaks) made newlines, "ð" -> "đ";
2. lines and markup: web chrome (view counters, weekday datelines, lone dots, share
   buttons, the related-links tail), footnote lines and markers, markdown emphasis and
   headings are removed; repeated adjacent lines (captions, summaries) dropped; old tone
   placement modernised per syllable ("uỷ" -> "ủy", "hoà" -> "hòa": underthesea's token
   table, applied to whole syllables only so "quý", "hoàng" and symbols such as
   "25-TB/BCĐ" are untouched);
3. page breaks: a sentence cut by blank lines (and perhaps a page number) is rejoined with
   one space when the first part ends mid-sentence and the second starts in lower case.

What was removed is kept: ``footnotes`` and ``boilerplate`` are source spans, so the header
stage can still read a publication dateline and the references stage can read footnotes.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..text import patterns as P
from ..text.lexicon import load_words
from ..text.spans import OffsetMap, Rewriter, Span

_INVISIBLE = regex.compile(P.INVISIBLE)
_ODD_SPACE = regex.compile(P.ODD_SPACE)
# form feeds (PDF page breaks) become newlines; the Icelandic eth that some fonts put for "đ"
_ODD_LETTERS = {"\f": "\n", "ð": "đ", "Ð": "Đ"}
_ODD_LETTER = regex.compile("[\f\u00f0\u00d0]")
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

def _toned_vowels() -> str:
    out = []
    for v in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY":
        for mark in "\u0300\u0301\u0309\u0303\u0323":
            out.append(unicodedata.normalize("NFC", v + mark))
    return "".join(out)


# only a word with a vowel before a toned vowel can have its tone misplaced ("hoà", "uỷ", "baì")
# old placement puts the tone on the second vowel of a pair ("hoà", "uỷ", "khoẻ"): only such words
# are looked up in the table (the table's other entries correct spelling, which is not our job)
_OLD_TONE_WORD = regex.compile(r"(?<!\p{L})\p{L}*[aăâeêioôơuưyAĂÂEÊIOÔƠUƯY][" + _toned_vowels() + r"]\p{L}*")
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


def _underthesea_token_map() -> dict[str, str]:
    """underthesea's token normalisation map. Read straight from the rules file its normaliser
    loads (a plain pickle of dicts), which spares importing the whole underthesea package (about
    0.4 s per process); through that import when the file cannot be found or read so."""
    import importlib.util
    import pickle

    try:
        spec = importlib.util.find_spec("underthesea")
        folder = Path(spec.submodule_search_locations[0]) / "pipeline" / "text_normalize"
        m = _RULE_FILE.search((folder / "text_normalizer.py").read_text(encoding="utf-8"))
        with open(folder / m.group(1), "rb") as fh:
            token_map = pickle.load(fh)["token"]
        if isinstance(token_map, dict) and token_map:
            return token_map
    except Exception:  # noqa: BLE001 - any surprise: the documented import below
        pass
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    return token_map


#: The rules file that underthesea's text_normalizer.py loads (its uncommented assignment).
_RULE_FILE = regex.compile(r'(?m)^rule_file\s*=\s*"([\w.\-]+\.bin)"')


@lru_cache(maxsize=1)
def _tone_table() -> dict[str, str]:
    """Old -> modern tone placement for whole syllables, from underthesea's normaliser table.

    Only entries that keep the length and differ just in where the tone mark sits are used, so
    offsets stay one-to-one and no spelling is "corrected" beyond tone placement.
    """
    token_map = _underthesea_token_map()

    def base(s: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))

    table = {}
    for old, new in token_map.items():
        old_n, new_n = unicodedata.normalize("NFC", old), unicodedata.normalize("NFC", new)
        if old_n != new_n and len(old_n) == len(new_n) and base(old_n) == base(new_n):
            table[old_n] = new_n
    return table


@lru_cache(maxsize=1)
def _old_tone_ends() -> P.BoundedWords:
    """The endings of the tone table's words from their first vowel + toned vowel ("hoà" ->
    "oà"), at a word's end. Searching these (a trie, see ``patterns.word_set``) finds every word
    of the table that ``_OLD_TONE_WORD`` would, without visiting the many modern words."""
    toned = frozenset(_toned_vowels())
    vowels = frozenset("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY")
    ends = set()
    for word in _tone_table():
        k = next((i for i in range(len(word) - 1) if word[i] in vowels and word[i + 1] in toned), None)
        if k is not None:  # an entry without a toned vowel is never matched by _OLD_TONE_WORD
            ends.add(word[k:])
    return P.BoundedWords(P.word_set(sorted(ends)), before=False)


def old_tone_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, modern form) of each word of ``text`` with its tone on the old place: the
    words ``_OLD_TONE_WORD`` finds that the table knows, found from the table's endings."""
    table = _tone_table()
    out = []
    for a, end in _old_tone_ends().spans(text):
        while a > 0 and text[a - 1].isalpha():  # back to the word's start (str.isalpha is \p{L})
            a -= 1
        new = table.get(text[a:end])
        if new:
            out.append((a, end, new))
    return out


@lru_cache(maxsize=1)
def _chrome_lines() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_words("web_chrome.txt"))


@lru_cache(maxsize=1)
def _tail_headings() -> frozenset[str]:
    return frozenset(w.casefold() for w in load_words("web_tail_headings.txt"))


def _pass_characters(text: str) -> tuple[str, OffsetMap]:
    rw = Rewriter(text)
    for m in _INVISIBLE.finditer(text):
        rw.delete(m.start(), m.end())
    for m in _ODD_SPACE.finditer(text):
        rw.replace(m.start(), m.end(), " ")
    for m in _ODD_LETTER.finditer(text):
        rw.replace(m.start(), m.end(), _ODD_LETTERS[m.group()])
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
    if stripped.rstrip(":.").casefold() in _chrome_lines():
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
    tail_headings = _tail_headings()
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
            if head in tail_headings or share:
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
    ``soft_wraps``: also join lines wrapped at the right margin (text from a PDF)."""
    t1, m1 = _pass_characters(source)
    t2, m2, removed, notes = _pass_lines(t1)
    t3, m3 = _pass_breaks(t2, soft_wraps)
    omap = m1.compose(m2).compose(m3)
    boiler = tuple(m1.span(source, s, e, kind) for s, e, kind in removed)
    foot = tuple(m1.span(source, s, e, "footnote") for s, e in notes)
    return Cleaned(source, t3, omap, foot, boiler)
