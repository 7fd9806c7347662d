"""Segmentation: cleaned text -> zones and a tree of units (headings, items, paragraphs, sentences).

Zones, from the genre's layout: the *header* (issuer, số/ký hiệu, type name, trích yếu), the
*opening* (date, place, chair, "... kết luận như sau:"), the *body* (the conclusions), the
*closing* formula ("Trên đây là ...", "Văn phòng ... thông báo để ... biết"), the *footer*
("Nơi nhận", signature), and the *annexes* after it ("PHỤ LỤC I", a title, "(Kèm theo Kế hoạch
số ...)"). An annex is directive content: its task tables are read (:mod:`.tables`), and so are
its lists when its title names tasks ("DANH MỤC NHIỆM VỤ ..."); its title lines are not units.

In the body every line is parsed for a marker (Roman section, "Phần I", "2.1.", "1.", "1-",
"a)", "(1)", "(i)", "-", "+", "•", "Thứ nhất,"). Several parenthesised markers in sequence on one
line are inline items. The tree is built with a stack of marker styles: a style already on the
stack closes the items down to it (a sibling); a new style opens a level (a child). Short
numbered lines that introduce deeper content are headings, not items. Unnumbered paragraphs are
siblings of the last item, or continue it when they do not start a directive of their own.

A body without markers is prose (a news report): it is cut into sentences from the sentence
that reports the conclusion ("Phát biểu kết luận ...", "Kết luận cuộc họp ...") on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..text import patterns as P
from .classify import has_predicate
from .directives import CONDITION_START, DIRECTIVE_START, starts_directive
from .fields import bare_time_label, field_label
from .lines import SECTION_STYLES, body_follows, inline_sequence
from .tables import HEAD_FIRST, Group, annex_heading, names_tasks, read_table, table_header

_LINE = regex.compile(r"[^\n]+")
_PART = regex.compile(P.PART_MARK)
_ROMAN = regex.compile(P.ROMAN_MARK)
_MULTI = regex.compile(P.MULTI_MARK)
_NUM = regex.compile(P.NUM_MARK)
_ALPHA = regex.compile(P.ALPHA_MARK)
_PNUM = regex.compile(P.PAREN_NUM_MARK)
_PROMAN = regex.compile(P.PAREN_ROMAN_MARK)
_PALPHA = regex.compile(P.PAREN_ALPHA_MARK)
_DASH = regex.compile(P.DASH_BULLET)
_PLUS = regex.compile(P.PLUS_BULLET)
_DOT = regex.compile(P.DOT_BULLET)
_STAR = regex.compile(P.STAR_BULLET)
_ORDINAL = regex.compile(P.ORDINAL_MARK)
_RECIPIENTS = regex.compile(P.RECIPIENTS_LINE)
_OPENING_END = regex.compile(P.OPENING_END)
_SENTENCE_END = regex.compile(P.SENTENCE_END)
_INLINE = regex.compile(r"(?<=^|[\s:;,.])(" + P.PAREN_NUM_MARK + "|" + P.PAREN_ROMAN_MARK + r")(?=[ \t]*\S)")
_ROMAN_VALID = regex.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_WS = regex.compile(r"\s+")
_WS_NOT_SPLIT = regex.compile(P.SPLIT_ONLY_SPACE)
_CLOSING_NOTICE = regex.compile(P.SEG_CLOSING_NOTICE)
_CLOSING_OFFICE = regex.compile(P.SEG_CLOSING_OFFICE)
_CLOSING_PROBLEMS = regex.compile(P.SEG_CLOSING_PROBLEMS)
_DIRECTIVE_WORD = regex.compile(P.SEG_DIRECTIVE_WORD)
_NOT_ROMAN_DIGIT = regex.compile(P.SEG_NOT_ROMAN_DIGIT)

# marker styles, tried in this order at line start
_STYLES: tuple[tuple[str, regex.Pattern], ...] = (
    ("part", _PART), ("roman", _ROMAN), ("multi", _MULTI), ("num", _NUM), ("alpha", _ALPHA),
    ("pnum", _PNUM), ("proman", _PROMAN), ("palpha", _PALPHA), ("ordinal", _ORDINAL),
    ("dash", _DASH), ("plus", _PLUS), ("dot", _DOT), ("star", _STAR),
)

#: A notice has tens of items, rarely hundreds. Past this many units a text is not a notice (or
#: is many pasted together): segmentation stops and the document is reported as partial.
MAX_UNITS = 3000
#: Likewise for lines: a notice has a few hundred.
MAX_LINES = 20000
BULLET_STYLES = frozenset({"dash", "plus", "dot", "star"})


@dataclass(slots=True)
class Line:
    start: int  # cleaned offsets of the stripped line
    end: int
    blank_before: bool


@dataclass(slots=True)
class Unit:
    """A node of the body tree. Offsets are cleaned-text offsets of the unit's own text."""

    kind: str  # "heading" | "item" | "para" | "sentence"
    style: str | None  # marker style ("num", "multi2", "dash", ...) or None
    label: str | None  # the marker as written ("2.1.", "a)", "-") or None
    start: int
    end: int
    marker_start: int
    parent: int | None = None
    children: list[int] = field(default_factory=list)
    intro: bool = False  # an unnumbered paragraph that announces the items after it (ends with ":")
    inline: bool = False
    cells: dict[str, tuple[int, int]] | None = None  # a table row's cells by column kind (cleaned offsets)


@dataclass(slots=True)
class Segmented:
    text: str
    header_end: int  # cleaned offset where the opening/body starts
    body_start: int
    body_end: int
    footer_start: int
    units: list[Unit]
    prose: bool
    closing: list[tuple[int, int]]  # closing-formula lines (cleaned offsets)
    truncated: bool = False  # more than MAX_UNITS units: the rest was not segmented
    opening: tuple[int, int] | None = None  # the line that ends the opening ("... đề nghị X thực hiện:")
    annex_start: int | None = None  # cleaned offset of the first annex after the footer, if any

    def own_text(self, u: Unit) -> str:
        s = self.text[u.start:u.end]
        if _WS_NOT_SPLIT.search(s) is None:  # str.split agrees with \s: the faster way
            return " ".join(s.split())
        return _WS.sub(" ", s).strip()


def _lines(text: str, limit: int | None = None) -> list[Line]:
    out: list[Line] = []
    last_end = 0
    for m in _LINE.finditer(text):
        if limit is not None and len(out) >= limit:
            break
        s, e = m.start(), m.end()
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if lead == len(raw):
            continue
        gap = text[last_end:s]
        out.append(Line(s + lead, e - trail, gap.count("\n") >= 2))
        last_end = e
    return out


_PIPE_ROW = regex.compile(r"\|(?:[^|\n]*\|){2,}[ \t]*")
_PIPE_CELL = regex.compile(r"[^|]+")
_PIPE_RULE = regex.compile(r"[\s:\-–—=+]*")


def _pipe_cells(text: str, lines: list[Line]) -> list[Line]:
    """A markdown table row ("| 1 | Tổ chức ... | Sở Tư pháp | Quý II/2025 |") as one line per
    non-empty cell, the form of a table flattened one cell per line; rule rows ("|---|") dropped."""
    out: list[Line] = []
    for ln in lines:
        if text[ln.start] != "|" or not _PIPE_ROW.fullmatch(text, ln.start, ln.end):
            out.append(ln)
            continue
        for m in _PIPE_CELL.finditer(text, ln.start, ln.end):
            cell = m.group()
            if _PIPE_RULE.fullmatch(cell):
                continue
            lead = len(cell) - len(cell.lstrip())
            out.append(Line(m.start() + lead, m.start() + len(cell.rstrip()), False))
    return out


# all marker styles in one pattern: the first alternative that matches wins, as in _STYLES
_ANY_MARKER = regex.compile("|".join(f"(?P<{name}>{rx.pattern})" for name, rx in _STYLES))


def parse_marker(line: str) -> tuple[str, str, int] | None:
    """(style, label, end of marker incl. following spaces) of a line's leading marker, or None."""
    m = _ANY_MARKER.match(line)
    if m is None:
        return None
    if m.lastgroup != "roman":
        return _marker(m.lastgroup, m, line)
    for style, rx in _STYLES:  # an invalid Roman numeral: try the other styles in order
        m = rx.match(line)
        if not m:
            continue
        label = m.group().strip()
        if style == "roman" and not _ROMAN_VALID.match(_NOT_ROMAN_DIGIT.sub("", label)):
            continue
        return _marker(style, m, line)
    return None


def _marker(style: str, m, line: str) -> tuple[str, str, int] | None:
    label = m.group().strip()
    if style == "multi":
        style = f"multi{label.rstrip('.)').replace(',', '.').count('.') + 1}"  # "2,3." is a typo of "2.3."
    elif style == "num":
        style = "num" + label[-1] if label[-1] in ".)-/" else "num-"
    end = m.end()
    while end < len(line) and line[end] in " \t":
        end += 1
    if end >= len(line):
        return None
    return style, label, end


def _words(s: str) -> int:
    return len(s.split())


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges of text[start:end] (absolute offsets)."""
    out = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def _find_footer(text: str, lines: list[Line]) -> int:
    for i, ln in enumerate(lines):
        if _RECIPIENTS.match(text[ln.start:ln.end]):
            return i
    return len(lines)


def _is_closing(s: str) -> bool:
    low = s.lower()
    return (low.startswith("trên đây là") or low.startswith("trên đây")
            or _CLOSING_NOTICE.search(low) is not None
            or _CLOSING_OFFICE.search(low) is not None
            or _CLOSING_PROBLEMS.match(low) is not None)


def _opening_end(text: str, lines: list[Line], stop: int) -> int:
    """Index of the first body line: after "... kết luận như sau:" when present."""
    first_numbered = next((i for i in range(stop) if (pm := parse_marker(text[lines[i].start:lines[i].end]))
                           and pm[0] not in BULLET_STYLES), stop)
    for i in range(min(first_numbered + 1, stop)):
        s = text[lines[i].start:lines[i].end]
        if _OPENING_END.search(s) and not s.lower().startswith(("kính gửi", "nơi nhận")):
            if parse_marker(s) and i == first_numbered:
                break
            return i + 1
    return -1


def segment(text: str) -> Segmented:
    lines = _pipe_cells(text, _lines(text, MAX_LINES + 1))
    over = len(lines) > MAX_LINES
    lines = lines[:MAX_LINES]
    footer_i = _find_footer(text, lines)
    footer_start = lines[footer_i].start if footer_i < len(lines) else len(text)
    # signature lines at the very end when there is no "Nơi nhận" (web reports end with an author)
    body_i = _opening_end(text, lines, footer_i)
    opening = (lines[body_i - 1].start, lines[body_i - 1].end) if body_i > 0 else None
    markers = [parse_marker(text[ln.start:ln.end]) for ln in lines[:footer_i]]
    numbered = [i for i, m in enumerate(markers) if m and m[0] not in BULLET_STYLES]
    marked = [i for i, m in enumerate(markers) if m]
    # each line's run of inline markers "(1) ... (2) ...", found once: used here and by _tree_units
    seqs = _sequences(text, lines[:footer_i])
    inline = [i for i in range(footer_i) if len(seqs[i]) >= 2]
    n_marked = len([i for i in sorted(set(marked) | set(inline)) if i >= max(body_i, 0)])
    has_table = any(HEAD_FIRST.match(text[ln.start:ln.end].strip()) for ln in lines[:footer_i])
    prose = not has_table and (n_marked == 0 or (n_marked < 2 and body_i < 0)
                               or (not numbered and _reported_list(text, lines, marked, footer_i)))
    kg_end = _kinh_gui_end(text, lines, footer_i)
    if body_i < 0:
        if not prose and numbered:
            body_i = numbered[0]
        elif not prose and marked:
            body_i = marked[0]
        else:  # prose, or a task table with no marker before it
            body_i = _title_end(text, lines, footer_i)
    body_i = max(body_i, kg_end)
    header_end = lines[body_i].start if body_i < len(lines) else len(text)
    units: list[Unit] = []
    closing: list[tuple[int, int]] = []
    if prose:
        _prose_units(text, lines[body_i:footer_i], units, closing)
    else:
        _tree_units(text, lines[body_i:footer_i], markers[body_i:footer_i], seqs[body_i:footer_i], units, closing)
    body_start = units[0].marker_start if units else header_end
    zones = _annex_zones(text, lines, footer_i)
    for first, title_end, end in zones:
        _annex_units(text, lines, first, title_end, end, units, closing)
    annex_start = lines[zones[0][0]].start if zones else None
    truncated = len(units) >= MAX_UNITS or over
    return Segmented(text, header_end, body_start, footer_start, footer_start, units[:MAX_UNITS], prose, closing,
                     truncated, opening, annex_start)


def _sequences(text: str, lines: list[Line]) -> list[list]:
    """Each line's run of inline markers "(1) ... (2) ..."; none inside a task table, where a
    cell's "(1) Luật ...; (2) ..." is the cell's own text."""
    seqs = [inline_sequence(list(_INLINE.finditer(text[ln.start:ln.end]))) for ln in lines]
    heads = [i for i, ln in enumerate(lines) if HEAD_FIRST.match(text[ln.start:ln.end].strip())]
    if heads:
        texts = [text[ln.start:ln.end].strip() for ln in lines]
        for i in heads:
            kinds = table_header(texts, i)
            if kinds:
                for j in range(i, read_table(texts, i, kinds).end):
                    seqs[j] = []
    return seqs


_KEM_THEO = regex.compile(r"(?i)^[(\[]?[ \t]*(?:ban[ \t]+hành[ \t]+)?kèm[ \t]+theo(?!\p{L})")
#: Lines of an annex's title looked through for its "(Kèm theo ...)" line.
_ANNEX_TITLE_LINES = 5


def _annex_zones(text: str, lines: list[Line], footer_i: int) -> list[tuple[int, int, int]]:
    """The annexes after the footer: (first line, first line after the title, end) each. An
    annex opens with "PHỤ LỤC ...", "DANH MỤC ...", "BẢNG PHÂN CÔNG ...", "Mẫu biểu số ...", or
    with its capitalised title over a "(Kèm theo <văn bản> ...)" line; the title runs to that
    line, else over the capitalised lines after the heading."""
    texts = [text[ln.start:ln.end].strip(" \t*_") for ln in lines]
    heading = annex_heading()
    starts: list[tuple[int, int]] = []
    i = footer_i + 1
    while i < len(lines):
        s = texts[i]
        is_head = s[:1].isupper() and len(s.split()) <= 40 and heading.match(s.lower()) is not None
        if not is_head and not _KEM_THEO.match(s):
            i += 1
            continue
        first = i
        if not is_head:  # the title in capitals above "(Kèm theo ...)" (not the signer's name)
            floor = max(starts[-1][1] if starts else footer_i + 1, i - 3)
            while first - 1 >= floor and texts[first - 1].isupper():
                first -= 1
        end = next((j + 1 for j in range(i, min(len(lines), i + _ANNEX_TITLE_LINES)) if _KEM_THEO.match(texts[j])),
                   None)
        if end is None:
            end = i + 1
            while end < min(len(lines), i + 4) and texts[end].isupper() and not HEAD_FIRST.match(texts[end]):
                end += 1
        starts.append((first, end))
        i = end
    return [(a, b, starts[n + 1][0] if n + 1 < len(starts) else len(lines)) for n, (a, b) in enumerate(starts)]


def _annex_units(text: str, lines: list[Line], first: int, title_end: int, end: int, units: list[Unit],
                 closing: list) -> None:
    """Units of one annex: its lines read as the body's when its title names tasks, else only
    its task tables."""
    zone = lines[title_end:end]
    if names_tasks(" ".join(text[ln.start:ln.end] for ln in lines[first:title_end])):
        markers = [parse_marker(text[ln.start:ln.end]) for ln in zone]
        _tree_units(text, zone, markers, _sequences(text, zone), units, closing)
        return
    entries = [(ln, None, False) for ln in zone]
    texts = [text[ln.start:ln.end].strip() for ln in zone]
    k = 0
    while k < len(zone) and len(units) < MAX_UNITS:
        kinds = table_header(texts, k)
        if kinds:
            k = _table_units(text, entries, texts, k, kinds, None, units)
        else:
            k += 1


_KINH_GUI = regex.compile(r"(?i)[ \t*_]*kính[ \t]+gửi")


def _kinh_gui_end(text: str, lines: list[Line], stop: int) -> int:
    """Index after a "Kính gửi:" block (the addressees of a công văn/công điện), or 0."""
    for i, ln in enumerate(lines[:min(stop, 80)]):  # the block stands in the header
        if _KINH_GUI.match(text, ln.start, ln.end):
            j = i + 1
            while j < stop:
                s = text[lines[j].start:lines[j].end]
                pm = parse_marker(s)
                if (pm and pm[0] in BULLET_STYLES and _words(s) <= 25) or (not pm and _words(s) <= 12 and s.rstrip().endswith((";", ",", "."))):
                    j += 1
                    continue
                break
            return j
    return 0


def _title_end(text: str, lines: list[Line], stop: int) -> int:
    """For prose: skip the headline (first line) when followed by longer paragraphs."""
    return 1 if stop > 1 and _words(text[lines[0].start:lines[0].end]) < 30 else 0


_CONCLUSION = regex.compile(r"(?i)\b(?:phát biểu kết luận|kết luận (?:hội nghị|cuộc họp|buổi làm việc|phiên họp|buổi)|"
                            r"kết luận,|kết luận tại|khi kết luận|trong (?:phần )?kết luận|chỉ đạo tại hội nghị|"
                            r"phát biểu chỉ đạo)")


#: A formal notice's header lines: its number ("Số: 12/KH-UBND") or its place and date.
_FORMAL_HEAD = regex.compile(r"(?i)^[ \t*_]*số[ \t]*(?::|\d)|,[ \t]*ngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm")
#: The lines of the head looked through for them.
_FORMAL_HEAD_LINES = 15


def _reported_list(text: str, lines: list[Line], marked: list[int], stop: int) -> bool:
    """A news report whose conclusion lists its directives as bullets ("Kết luận hội nghị, đồng
    chí ... yêu cầu:" / "- Sở ..."): no formal header, and the conclusion is reported in a
    paragraph before the first bullet. It is read as prose, sentence by sentence, so that the
    paragraphs after the list are directives of their own."""
    if not marked or any(_FORMAL_HEAD.search(text, ln.start, ln.end) for ln in lines[:min(stop, _FORMAL_HEAD_LINES)]):
        return False
    return any(_CONCLUSION.search(text, ln.start, ln.end) for ln in lines[:marked[0]])


#: An enumeration in prose that opens after a colon ("đề nghị ... các nội dung sau: Thứ nhất, ..."):
#: its first item is a sentence of its own, as the next ones ("Thứ hai, ...") already are.
_FIRST_AFTER_COLON = regex.compile(r"(?<=:)[ \t]+(?=(?i:thứ nhất|trước hết|một là),)")


def _prose_units(text: str, lines: list[Line], units: list[Unit], closing: list) -> None:
    sentences: list[tuple[int, int]] = []
    for ln in lines:
        pm = parse_marker(text[ln.start:ln.end])  # a reported list's bullet: the sentence starts after it
        for s, e in split_sentences(text, ln.start + (pm[2] if pm and pm[0] in BULLET_STYLES else 0), ln.end):
            cut = _FIRST_AFTER_COLON.search(text, s, e)  # "... một số nội dung: Thứ nhất, Sở ..."
            sentences.extend([(s, cut.start()), (cut.end(), e)] if cut else [(s, e)])
    first = next((k for k, (s, e) in enumerate(sentences) if _CONCLUSION.search(text, s, e)), 0)
    for s, e in sentences[first:]:
        if len(units) >= MAX_UNITS:
            break
        if _is_closing(text[s:e]):
            closing.append((s, e))
            continue
        units.append(Unit("sentence", None, None, s, e, s))


def _is_heading(text: str, ln: Line, style: str, label_end: int, next_deeper: bool,
                next_text: str = "") -> bool:
    own = text[ln.start + label_end:ln.end]
    if style in SECTION_STYLES:
        return True
    if not next_deeper:
        return False
    if next_text and HEAD_FIRST.match(next_text.strip()):
        return True  # the title of the table that follows
    if next_text:
        pm = parse_marker(next_text)
        if field_label().match(next_text, pm[2] if pm else 0):
            return False  # an item whose sub-items are its fields ("- Cơ quan chủ trì: ...")
    n = _words(own)
    low = own.lower()
    if style in BULLET_STYLES:
        return n <= 16 and (low.startswith("về ") or own.rstrip().endswith(":"))
    if next_text and parse_marker(next_text) and _names_only_bodies(own):
        # "1. Sở Tài chính", "b) Ủy ban nhân dân các xã, phường:" over sub-items, which are the
        # tasks; over a paragraph alone the line is the paragraph's subject (one item)
        return True
    if DIRECTIVE_START.match(own) and not low.startswith(("đối với", "riêng đối với")):
        return False  # "Ủy ban nhân dân xã chỉ đạo ...": an item with sub-items
    if n <= 16 and not _DIRECTIVE_WORD.search(own):
        return True
    return low.startswith("về ") and n <= 30 and own.rstrip().endswith((":", "."))


#: A heading that names bodies has at most this many words (glosses in parentheses aside).
_BODY_HEADING_WORDS = 20
_GLOSS = regex.compile(r"\([^()\n]*\)")
#: An addressing word before the bodies of a heading ("2.9. Đề nghị Liên đoàn Lao động tỉnh").
_ADDRESSING = regex.compile(r"(?i)^(?:đề nghị|giao)\s+")
#: A stub that only says the roles ("b) Chủ trì, phối hợp:"): the sub-items name the bodies.
_ROLE_STUB = regex.compile(r"(?i)^(?:chủ trì|phối hợp)(?:\s*(?:,|và)\s*(?:chủ trì|phối hợp))?(?:\s+với)?\s*:?$")


def _names_only_bodies(own: str) -> bool:
    """Whether a numbered line only names bodies (one or more, an optional gloss in parentheses,
    an optional ":"), with no predicate: a heading whose sub-items are the bodies' tasks (SPEC).
    Also a stub that only names the roles ("Chủ trì, phối hợp:")."""
    text = _GLOSS.sub(" ", own).strip(" \t:;.,")
    if _ROLE_STUB.match(text):
        return True
    addressed = _ADDRESSING.match(text)
    if addressed:
        text = text[addressed.end():]
    if not text or _words(text) > _BODY_HEADING_WORDS:
        return False
    if not (DIRECTIVE_START.match(text) or (addressed and text[0].isupper())):
        return False
    return not _DIRECTIVE_WORD.search(text) and not has_predicate(text)


def _tree_units(text: str, lines: list[Line], markers: list, seqs: list[list], units: list[Unit],
                closing: list) -> None:
    # expand inline parenthesised items (``seqs``: each line's run of inline markers) into virtual lines
    entries: list[tuple[Line, tuple | None, bool]] = []
    for ln, mk, seq in zip(lines, markers, seqs, strict=True):
        s = text[ln.start:ln.end]
        if len(seq) >= 2:
            cut = [m.start() for m in seq]
            head_end = cut[0]
            if s[:head_end].strip():
                entries.append((Line(ln.start, ln.start + len(s[:head_end].rstrip()), ln.blank_before), mk, False))
            for k, m in enumerate(seq):
                end = cut[k + 1] if k + 1 < len(seq) else len(s)
                piece = s[m.start():end].rstrip(" ;,.")
                vl = Line(ln.start + m.start(), ln.start + m.start() + len(piece), False)
                entries.append((vl, parse_marker(piece), True))
        else:
            entries.append((ln, mk, False))
    stack: list[tuple[str, int]] = []  # (style, unit index)
    last_item: int | None = None
    texts = [text[e[0].start:e[0].end].strip() for e in entries]
    k = -1
    merge_next = False  # the line before is an item whose own body is this paragraph
    while k + 1 < len(entries) and len(units) < MAX_UNITS:
        k += 1
        ln, mk, inline = entries[k]
        s = text[ln.start:ln.end]
        merge_next, merging = False, merge_next
        table = table_header(texts, k)
        if table:
            top = stack[-1][1] if stack else None
            parent = top if top is not None and units[top].kind == "heading" else (
                units[top].parent if top is not None else None)
            k = _table_units(text, entries, texts, k, table, parent, units) - 1
            last_item = None
            continue
        if _is_closing(s) and not mk:
            closing.append((ln.start, ln.end))
            continue
        if mk:
            style, label, off = mk
            nxt = entries[k + 1] if k + 1 < len(entries) else None
            if style in SECTION_STYLES:
                stack.clear()
            else:
                styles = [st for st, _ in stack]
                if style in styles:
                    del stack[styles.index(style):]
            nxt_text = text[nxt[0].start:nxt[0].end] if nxt else ""
            # the next line goes deeper when its style is not one of the levels still open; a closing
            # formula ("... thông báo để các cơ quan biết, thực hiện") after the last item is not under it
            next_deeper = bool(nxt and (nxt[1] is None or nxt[1][0] not in [st for st, _ in stack] + [style])
                               and not (nxt[1] is None and _is_closing(nxt_text)))
            parent = stack[-1][1] if stack else None
            after = entries[k + 2][1] if k + 2 < len(entries) else None
            if next_deeper and nxt[1] is None and after and after[0] == style and starts_directive(nxt_text):
                # "b) ..." / "Trong quá trình thực hiện, giao X ..." / "c) ...": a paragraph with a
                # subject of its own between two sibling items stands among them, not under the first
                next_deeper = False
            body_next = not inline and nxt is not None and nxt[1] is None and body_follows(
                text[ln.start + off:ln.end], nxt_text, _is_closing(nxt_text), style,
                after[0] if after else None, k + 2 >= len(entries), [st for st, _ in stack])
            kind = "heading" if not body_next and _is_heading(text, ln, style, off, next_deeper, nxt_text) else "item"
            u = Unit(kind, style, label, ln.start + off, ln.end, ln.start, parent, inline=inline)
            units.append(u)
            idx = len(units) - 1
            if parent is not None:
                units[parent].children.append(idx)
            stack.append((style, idx))
            last_item = idx if kind == "item" else None
            merge_next = body_next
            continue
        # an unnumbered paragraph
        top = stack[-1][1] if stack else None
        if s[:1].islower() and units and units[-1].kind in ("item", "para") and not units[-1].children \
                and not units[-1].inline:
            units[-1].end = ln.end  # a sentence broken over lines ("... cấp ủy;" / "thủ trưởng ... chịu trách nhiệm")
            continue
        if top is not None and units[top].kind == "item" and (field_label().match(s) or bare_time_label().match(s)):
            # "Đơn vị chủ trì thực hiện: ..." written as a paragraph under an item: a field of it
            units.append(Unit("para", None, None, ln.start, ln.end, ln.start, top))
            units[top].children.append(len(units) - 1)
            last_item = None
            continue
        if (last_item is not None and top == last_item and not units[last_item].children
                and (merging or not starts_directive(s))):
            units[last_item].end = ln.end  # continuation of the item
            continue
        if top is None:
            parent = None
        elif units[top].kind == "heading":
            parent = top
        else:
            parent = units[top].parent
            # the paragraph closes the item's level; one that sets a condition on the items' bodies
            # ("Trường hợp ..., cơ quan chủ trì có trách nhiệm ...") stands among them, the list goes on
            while stack and stack[-1][1] != parent and not CONDITION_START.match(s):
                stack.pop()
        u = Unit("para", None, None, ln.start, ln.end, ln.start, parent, intro=s.rstrip().endswith(":"))
        units.append(u)
        idx = len(units) - 1
        if parent is not None:
            units[parent].children.append(idx)
        last_item = None


def _table_units(text: str, entries: list, texts: list[str], k: int, kinds: tuple[str, ...], parent: int | None,
                 units: list[Unit]) -> int:
    """Emit one "row" unit per table row (group rows become headings over their rows); return
    the index of the entry after the table."""
    table = read_table(texts, k, kinds)
    group = parent
    for part in table.parts:
        if isinstance(part, Group):
            first, last = entries[part.first][0], entries[part.last][0]
            label = texts[part.first] if part.last > part.first else None
            units.append(Unit("heading", None, label, last.start, last.end, first.start, parent))
            group = len(units) - 1
            if parent is not None:
                units[parent].children.append(group)
            continue
        cells = {kind: (entries[a][0].start, entries[b][0].end) for kind, (a, b) in part.cells.items()}
        if "task" not in cells:
            continue
        s0, e0 = cells["task"]
        units.append(Unit("row", "table", part.label, s0, e0, entries[part.number_line][0].start, group, cells=cells))
        if group is not None:
            units[group].children.append(len(units) - 1)
    return table.end
