"""Regular-expression fragments, named and commented, in one place.

Every extractor builds its patterns from these constants. All are written for the
``regex`` module on cleaned text (NFC, modern tone placement), except LATIN_LETTER,
NOT_LATIN_TEXT and BODY_TOKEN_RE, written for the stdlib ``re`` where it is faster and gives
the same matches (see BoundedWords). No fragment may contain nested unbounded quantifiers:
each must run in linear time on any input.
"""
from __future__ import annotations

import re as _re
from functools import cache, cached_property

import regex as _regex

# --- shared --------------------------------------------------------------------------------


def word_set(words) -> str:
    """An alternation of literal ``words`` factored as a trie ("chủ trì|chủ động" ->
    "chủ\\ (?:trì|động)"), so that a position costs one walk down the trie instead of a try of
    every word; greedy with backtracking, it matches what the longest-first alternation does.
    Linear: every branch consumes a character."""
    trie: dict = {}
    for w in words:
        if not w:
            raise ValueError("word_set: an empty word")
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [_regex.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + build(trie) + ")"


# Latin letters: ASCII, the letters of Latin-1, Latin Extended-A and -B, Latin Extended
# Additional (every Vietnamese letter, both cases). A subset of \p{L} written for the stdlib
# ``re``, which has no \p{L}: see BoundedWords.
LATIN_LETTER = "[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
# A character outside Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional and
# General Punctuation, or one of the few inside where ``re`` and ``regex`` disagree: U+001C-U+001F
# (white space to ``re`` only) and the Turkish İ ı (which ``re`` folds with i and I). In a text
# without one, LATIN_LETTER is exactly \p{L} (the letters of those blocks are its letters;
# General Punctuation has none), the body tokens can be found by BODY_TOKEN_RE, and a LatinFast
# pattern gives the matches of its ``regex`` original (all tested character by character).
NOT_LATIN_TEXT = "[^\x00-\x1b\x20-\u012f\u0132-\u024f\u1e00-\u1eff\u2000-\u206f]"
_NOT_LATIN = _re.compile(NOT_LATIN_TEXT)
# The characters that ``str.split()`` takes for white space and \s does not (U+001C-U+001F): in a
# text without one, " ".join(s.split()) is \s+ collapsed to one space and stripped.
SPLIT_ONLY_SPACE = "[\x1c-\x1f]"
_LETTER = _regex.compile(r"\p{L}")


def latin_only(text: str) -> bool:
    """Whether ``text`` holds no NOT_LATIN_TEXT character (where re and regex agree)."""
    return _NOT_LATIN.search(text) is None


class BoundedWords:
    r"""A ``word_set`` alternation between letter boundaries ("not after / not before a letter",
    \p{L}), searched fast and exactly.

    A large literal trie is searched several times faster by the stdlib ``re`` than by
    ``regex``, but ``re`` has no \p{L}. So ``re`` runs the trie with boundaries on Latin
    letters only (``LATIN_LETTER``, a subset of \p{L}: it accepts every match the exact pattern
    makes, perhaps more), and each of its matches is checked against \p{L}. Only where that
    check fails (a non-Latin letter touches a match) is the exact ``regex`` pattern run from that
    position on, so the result is the exact pattern's, always."""

    def __init__(self, alternation: str, before: bool = True, after: bool = True):
        self.before, self.after = before, after
        self._alternation = alternation
        fb, fa = (f"(?<!{LATIN_LETTER})" if before else ""), (f"(?!{LATIN_LETTER})" if after else "")
        self._fast = _re.compile(fb + alternation + fa)
        # one zero-width match per start position, the alternation captured: overlapped matches
        self._fast_each = _re.compile(f"(?=({fb}{alternation}{fa}))")

    @cached_property
    def exact(self) -> _regex.Pattern:
        """The pattern as ``regex`` runs it (compiled when first needed)."""
        return _regex.compile(("(?<!\\p{L})" if self.before else "") + self._alternation
                              + ("(?!\\p{L})" if self.after else ""))

    def _exact_at(self, text: str, start: int, end: int) -> bool:
        """Whether a match of the fast pattern at [start, end) has the exact boundaries too: a
        neighbour that ``latin_only`` admits was decided by LATIN_LETTER, exact there."""
        if self.before and start > 0:
            c = text[start - 1]
            if not latin_only(c) and _LETTER.match(c):
                return False
        if self.after and end < len(text):
            c = text[end]
            if not latin_only(c) and _LETTER.match(c):
                return False
        return True

    def spans(self, text: str, pos: int = 0):
        """(start, end) of the exact pattern's matches, as ``finditer`` gives them."""
        if latin_only(text):  # every letter of the text is a Latin one
            yield from (m.span() for m in self._fast.finditer(text, pos))
            return
        for m in self._fast.finditer(text, pos):
            s, e = m.span()
            if self._exact_at(text, s, e):
                yield s, e
                continue
            for m2 in self.exact.finditer(text, s):  # rare: a non-Latin letter at a boundary
                yield m2.span()
            return

    def overlapped(self, text: str):
        """The matched text at every position where the exact pattern matches (``finditer``
        with ``overlapped=True``)."""
        if latin_only(text):  # every letter of the text is a Latin one
            yield from self._fast_each.findall(text)
            return
        for m in self._fast_each.finditer(text):
            s, e = m.span(1)
            if self._exact_at(text, s, e):
                yield m.group(1)
                continue
            m2 = self.exact.match(text, s)
            if m2 is not None:
                yield m2.group()

    def match(self, text: str):
        """The exact pattern's match at the start of ``text``, or None."""
        return self.exact.match(text)


@cache
def latin_class(prop: str) -> str:
    r"""The characters of Unicode property ``prop`` (L, Lu, Ll, N, Nd) that a text without a
    NOT_LATIN_TEXT character can hold, as the inside of an ``re`` class (ranges): read off
    ``regex``'s own \p{prop}, so the two agree on such a text."""
    prop_rx = _regex.compile(r"\p{" + prop + "}")
    cps = [c for c in range(0x2070) if latin_only(chr(c)) and prop_rx.match(chr(c))]
    parts, i = [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        a, b = _re.escape(chr(cps[i])), _re.escape(chr(cps[j]))
        parts.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "".join(parts)


_PROPERTY = _re.compile(r"\\p\{(\w+)\}|\\[wWbB]|\\.|\[|\]|[^\\\[\]]+")


def latin_re(src: str) -> str:
    r"""``src`` (a ``regex`` pattern) for the stdlib ``re`` on Latin-script text: each \p{X} as its
    latin_class. \w and \b are refused (the two modules' \w differ even there: "²")."""
    if "[]" in src or "[^]" in src:
        raise ValueError("latin_re: a class opening with ']' is not translated")
    out, in_class = [], False
    for m in _PROPERTY.finditer(src):
        tok = m.group()
        if m.group(1):
            cls = latin_class(m.group(1))
            out.append(cls if in_class else f"[{cls}]")
            continue
        if tok in ("\\w", "\\W", "\\b", "\\B"):
            raise ValueError(f"latin_re: {tok} has no exact equivalent")
        if tok == "[" and not in_class:
            in_class = True
        elif tok == "]" and in_class:
            in_class = False
        out.append(tok)
    return "".join(out)


class LatinFast:
    r"""A ``regex`` pattern compiled twice: as written (``exact``) and for the stdlib ``re``
    (``latin_re``), which runs several of the larger patterns twice as fast. ``for_text`` gives
    the ``re`` one for a text without a NOT_LATIN_TEXT character, where both give the same
    matches, else the exact one. Use only the match API the two share (group, span, ...)."""

    def __init__(self, src: str, flags: int = 0):
        if flags & ~(_regex.IGNORECASE | _regex.MULTILINE | _regex.VERSION0 | _regex.UNICODE):
            raise ValueError("LatinFast: only the IGNORECASE and MULTILINE flags are translated")
        self.pattern, self.flags = src, flags
        re_flags = (_re.IGNORECASE if flags & _regex.IGNORECASE else 0) | (_re.MULTILINE if flags & _regex.MULTILINE else 0)
        self.fast = _re.compile(latin_re(src), re_flags)

    @cached_property
    def exact(self) -> _regex.Pattern:
        """The pattern as ``regex`` runs it (compiled when first needed: for non-Latin text)."""
        return _regex.compile(self.pattern, self.flags)

    def for_text(self, text: str):
        return self.fast if latin_only(text) else self.exact


# A Vietnamese letter (any case, with diacritics) or digit.
WORD_CHAR = r"[\p{L}\p{N}]"

# Any letter (a text with none is no name, no body, no title).
LETTER = r"\p{L}"

# Dashes as they arrive: hyphen-minus, en dash, em dash, minus, etc.
DASH = r"[\-\u2010-\u2015\u2212]"

# --- formats (html/docx/pdf -> plain text) -------------------------------------------------

# A charset declared in an HTML <meta> tag ("<meta charset=utf-8>", "content='text/html;
# charset=windows-1258'"), searched in the first bytes of the page decoded as latin-1.
HTML_META_CHARSET = r"(?i)<meta\b[^>]{0,300}?charset\s*=\s*[\"']?\s*([a-z0-9_.:\-]{1,40})"

# The encoding of an XML declaration at the very start ("<?xml version='1.0' encoding='...'?>").
XML_DECL_ENCODING = r"(?i)^\s*<\?xml\b[^>]{0,300}?encoding\s*=\s*[\"']([a-z0-9_.:\-]{1,40})"

# The XML declaration itself, removed before lxml parses a str.
XML_DECL = r"^\s*<\?xml\b[^>]{0,300}\?>"

# A publication date as metadata gives it: ISO-like year first ("2023-04-05T08:30:00+07:00",
# "2023/04/05") ...
PUBLISHED_YMD = r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"
# ... or day first as Vietnamese sites write it ("05/04/2023", "5-4-2023").
PUBLISHED_DMY = r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)"

# A line that already starts with an item marker: "-", "+", "•", "1.", "2.1.", "1)", "1 -",
# "a)", "đ.", "II." followed by a space. List items of HTML get no second marker then.
LIST_MARKER = (r"^[ \t]*(?:[\-\u2010-\u2015\u2212+•*·▪●○◦]|\d{1,3}(?:\.\d{1,3}){0,3}[.)]"
               r"|\d{1,3}[ \t]*[\-\u2013]|[a-zđ][.)]|[IVXLC]{1,6}[.)])(?=\s)")

# --- cleaning ------------------------------------------------------------------------------

# Characters deleted outright: carriage returns, zero-width spaces/joiners, soft hyphens, BOMs.
INVISIBLE = r"[\r\u200b\u200c\u200d\u2060\u00ad\ufeff]"

# Spaces that are not U+0020 (no-break, narrow, figure, ideographic ...), turned into " ".
ODD_SPACE = r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_ANY_SPACE = r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]"
# Two or three spaces (of any kind) between words, as typing and justified text leave them:
# one space. Longer runs are layout (columns of a PDF line) and stay.
SPACE_RUN = r"(?<=\S)" + _ANY_SPACE + r"{2,3}(?=\S)"
# Bullets that Word's Symbol and Wingdings fonts put in the private use area ("\uf0b7" is the
# Symbol bullet, "\uf0a7" the Wingdings square, "\uf0d8" an arrowhead, "\uf076" a diamond):
# turned into "•".
PUA_BULLET = r"[\uf06e\uf075\uf076\uf09f\uf0a7\uf0a8\uf0b7\uf0d8\uf0e0\uf0fc]"
# A tone mark written on the "u" of "qu" (part of the consonant): it belongs on the vowel after
# it ("qúy" -> "quý", "qủa" -> "quả"); at a word's end only, so longer syllables are untouched.
QU_TONE = r"(?<!\p{L})([qQ])([úùủũụÚÙỦŨỤ])([ayeAYE])(?!\p{L})"
# A cell separator of a table row written on one line: a tab (Word) or " | " (web, markdown).
CELL_SEP = r"[ ]*\t[ \t]*|[ \t]+\|[ \t]+"
# The "|" that opens or closes a markdown table row, with its space.
CELL_EDGE = r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$"
# A markdown table's rule line ("|---|:---:|").
CELL_RULE = r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$"

# Markdown emphasis markers ("**Thành phần:**", "__...__"); a lone "*" bullet is kept.
MD_EMPHASIS = r"\*\*|__"

# A whole line in single-star or underscore emphasis ("*Nơi nhận:*"): its two markers.
MD_LINE_EMPHASIS = r"(?m)^([ \t]*)([*_])(?=[^\s*_])[^\n]*?(?<=[^\s*_])([*_])[ \t]*$"

# A markdown heading marker at line start ("## II. Nhiệm vụ").
MD_HEADING = r"(?m)^[ \t]{0,3}\#{1,6}[ \t]+"

# Superscript digits as footnote markers use them.
SUPERSCRIPT_DIGITS = r"[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]"

# A footnote marker inside the text: "⁽¹⁾", superscript digits glued to a word or quote,
# "[1]" glued to the previous character.
FOOTNOTE_MARK = (r"\u207d" + SUPERSCRIPT_DIGITS + r"{1,3}\u207e"
                 r"|(?<=[\p{L}\p{N}\"”’)\]])" + SUPERSCRIPT_DIGITS + r"{1,3}"
                 r"|(?<=[\p{L}\p{N}\"”’).,;:])\[\d{1,3}\]")

# A footnote line: it starts with a marker ("⁽¹⁾ ...", "[1] ...", "¹ ...") and has text.
FOOTNOTE_LINE = (r"(?m)^[ \t]*(?:\u207d" + SUPERSCRIPT_DIGITS + r"{1,3}\u207e|\[\d{1,3}\]|"
                 + SUPERSCRIPT_DIGITS + r"{1,3})[ \t]*\S[^\n]*$")

# Web chrome lines: view counters and visitor statistics ("Lượt xem: 53", "Đang online: 17").
WEB_COUNTER = (r"(?i)(?:lượt xem|lượt đọc|số lượt xem|lượt truy cập|đang online|đang truy cập|"
               r"trực tuyến|hôm nay|hôm qua|tuần này|tháng này|đã truy cập|tổng truy cập|"
               r"tổng lượt truy cập|tổng số lượt truy cập|lượt thích|bình luận)\s*:?\s*[\d.,]+")

# A weekday-and-date publication line: "Thứ Ba, 12/01/2021, 13:19 [GMT+7]", "Chủ nhật, 3/3/2024".
WEB_DATELINE = (r"(?i)^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)\s*,?\s*"
                r"(?:ngày\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-,|]?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
                r"\s*(?:\[?\(?GMT\s*[+-]\s*\d{1,2}\)?\]?)?\s*$")

# A publication line that names itself: "Cập nhật lúc 09:45, Thứ Năm, 14/08/2025",
# "Ngày đăng: 08:12 20-05-2024", "Đăng ngày 3/3/2024 | 10:05".
WEB_PUBLISHED = (r"(?i)^(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật|thời\s+gian\s+đăng|"
                 r"xuất\s+bản|ngày\s+xuất\s+bản|posted)\b[^\n]{0,60}?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}[^\n]{0,40}$")

# The first words of a line that may be chrome (checked before the line's full tests, for speed):
# dots, a page mark, or a word that opens a counter, a dateline, a share or credit line.
CHROME_CANDIDATE = (r"(?i)[.…·•]|[-–—][ \t]*\d|" + word_set(
    "trang thứ chủ lượt số đang trực hôm tuần tháng đã tổng bình cập ngày đăng thời xuất posted tin ảnh bài "
    "nguồn tác chi chia in gửi trở quay về lên xem facebook zalo twitter tweet email bản cỡ tải đầu".split())
    + r"(?!\p{L})")

# An author or photo credit line of a news report: "Tin, ảnh: Hoàng Long", "Nguồn: Báo Nghệ An".
BYLINE = r"(?i)^(?:tin(?:\s*,\s*|\s+và\s+)ảnh|tin\s*-\s*ảnh|ảnh|bài\s+và\s+ảnh|bài(?:\s*,\s*ảnh)?|nguồn|tác\s+giả)\s*:\s*\S[^\n]{0,60}$"

# A date anywhere on a chrome line ("Ngày 09:41:07 05-06-2024 - Lượt xem: 128").
ANY_DATE = r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)"

# A line of lone dots, ellipses or middle dots (scraped separators).
DOTS_LINE = r"^[ \t.…·•]+$"

# An unambiguous page-number line: "- 2 -", "– 3 –", "Trang 4", "Trang 2/5" (a bare "2" may be a
# table's row number and is only dropped inside a broken sentence).
PAGE_MARK_LINE = r"^[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|(?:Trang|trang|TRANG)[ \t]+\d{1,3}(?:[ \t]*/[ \t]*\d{1,3})?)[ \t]*$"

# A page-number line between two halves of a broken sentence: "2", "- 3 -", "Trang 4".
PAGE_NUMBER_LINE = r"^[ \t]*(?:[-–—][ \t]*\d{1,3}[ \t]*[-–—]|(?:Trang|trang)[ \t]+\d{1,3}|\d{1,3})[ \t]*$"

# --- header --------------------------------------------------------------------------------

# "xã" followed by "hội" (society), not the commune level: checked right after a level word.
HDR_XA_HOI = r"(?i)\s+hội"
# A ministry line of the header ("BỘ Y TẾ", "Bộ Tài chính"): a central issuer.
HDR_MINISTRY_LINE = r"(?:^|\n)[ \t]*(?:BỘ|Bộ)[ \t]+\p{Lu}"
# A place name after a level word at the end of a sentence-cased name ("huyện vĩnh lộc",
# "xã vĩnh hòa hưng bắc"), not another level word or a committee ("ban thường vụ huyện ủy").
HDR_PLACE_AFTER_LEVEL = (r"(?<=(?:huyện|quận|xã|phường|thị trấn|thị xã|thành phố|ủy) )"
                         r"(?!(?:ủy|xã|phường|huyện|quận|thị|thành|tỉnh)(?!\p{L}))([\p{Ll}]+(?: [\p{Ll}]+){0,3})$")
# A party committee in a sentence-cased name ("ban thường vụ huyện ủy" -> "... Huyện ủy").
HDR_PARTY_COMMITTEE = r"(?<!\p{L})(huyện|tỉnh|thành|quận|thị)(?= ủy(?!\p{L}))"
# A body head at the start of a sentence-cased name, before the word to capitalise.
HDR_HEAD_THEN_NAME = r"^(Ban|Ủy ban|Hội đồng|Văn phòng|Sở|Phòng|Bộ) (?!nhân dân(?!\p{L}))([\p{Ll}])"
# A number of the form "12/UBND-VP" (an official letter when no type code is in it).
HDR_LETTER_NUMBER = r"^\d+/[\p{L}]+-[\p{L}]+$"
# The type codes that make such a number something else than a letter.
HDR_TYPED_NUMBER = r"/(?:TB|KH|QĐ|CT|BC|CĐ|NQ|KL|HD)-"
# From "Số:" to the end of a header line (the right-hand number beside the issuer).
HDR_NUMBER_TO_END = r"(?i)\bSố\s*:?\s*\S+.*$"
# The first words of the line after a title: where the title stops.
HDR_TITLE_STOP = r"(?i)^(?:ngày|sáng|chiều|tối|vừa qua|căn cứ|thực hiện|kính gửi|hôm nay|trong)\b"
# Words just before a date that make it a bound, not the meeting day ("đến ngày 5/3").
HDR_BOUND_BEFORE = r"(?i)(?:tính đến|đến|từ|trước|sau|hết)\s*(?:ngày)?\s*$"
# Where a chair's clause ends: a sentence mark followed by a space, or a line break.
HDR_CLAUSE_END = r"[.;:]\s|\n"
# A place word just before a name: the name is a place or a street's ("huyện Nguyễn Văn Cừ").
HDR_PLACE_BEFORE = (r"(?i)(?:huyện|xã|tỉnh|phường|quận|thị trấn|thị xã|thành phố|ấp|thôn|bản|đường|phố|cầu|trường)"
                    r"\s*$")
# "kết luận ..." shortly before a name: the concluding chair.
HDR_CONCLUDES_BEFORE = r"(?i)kết luận[^.;]{0,60}$"
# "chủ trì của đồng chí ..." before a name.
HDR_CHAIRED_BY_BEFORE = r"(?i)chủ trì của\s+(?:đồng chí|đ/c|ông|bà)?[^.;,]{0,40}$"
# An honorific right before a name.
HDR_HONORIFIC_BEFORE = r"(?i)(?:đồng chí|đ/c|ông|bà)\s*$"
# A title after a name: ", Chủ tịch UBND tỉnh chủ trì" -> "Chủ tịch UBND tỉnh"; also before
# the verb of a visit ("..., Chủ tịch UBND tỉnh có buổi làm việc với ...").
HDR_TITLE_AFTER = (r"\s*[,–—-]\s*(.+?)(?=\s+(?:chủ trì|kết luận|chỉ đạo|phát biểu|đã|cùng|có buổi|làm việc|"
                   r"kiểm tra)\b|$)")
# A title before a name: "Phó Thủ tướng Chính phủ Nguyễn Văn A".
HDR_TITLE_BEFORE = r"(?:^|[,.;(]\s*|(?i:đồng chí|đ/c|ông|bà)\s+)((?:\p{Lu}[\p{L}]*\s+)?[\p{L} ]{2,80}?)\s*$"
# The words that make such a phrase a leader's title.
HDR_LEADER_TITLE = r"(?i)thủ tướng|bộ trưởng|chủ tịch|bí thư|giám đốc|trưởng ban"
# The "Nơi nhận:" label that opens the recipients' block.
HDR_RECIPIENTS_LABEL = r"(?i)^\s*nơi\s+nhận\s*:?\s*"
# Recipients written on one line: separated by ";" or " - ".
HDR_RECIPIENTS_SPLIT = r"\s*[;]\s*-?\s*|\s+-\s+"
# The parts of a document number ("25-TB/BCĐ" -> "25", "TB", "BCĐ").
HDR_NUMBER_PARTS = r"[/-]"

# --- segmentation --------------------------------------------------------------------------

# A closing formula: "... thông báo để các cơ quan ... biết, thực hiện" (on lower-cased text).
SEG_CLOSING_NOTICE = r"thông báo (?:để|ý kiến|kết luận)[^.]{0,200}(?:biết|thực hiện)"
# ... or "Văn phòng ... (xin) thông báo ... biết" (lower-cased text).
SEG_CLOSING_OFFICE = r"(?:văn phòng|ban|ủy ban)[^.]{0,80}(?:xin )?thông báo\b[^.]{0,200}\bbiết"
# ... or the plans' closing on problems: "Trong quá trình (triển khai) thực hiện, nếu có (khó khăn,) vướng mắc,
# ... phản ánh/báo cáo về X" (lower-cased text, from its start).
SEG_CLOSING_PROBLEMS = (r"^trong quá trình (?:tổ chức |triển khai )*thực hiện[^.,]{0,60},[ \t]*nếu (?:có|phát sinh|gặp)"
                        r"[^.]{0,300}?(?<!\p{L})(?:phản ánh|báo cáo|đề xuất|liên hệ|trao đổi)(?!\p{L})")
# A directive verb anywhere in an item: such an item is no topic heading.
SEG_DIRECTIVE_WORD = r"(?i)(?<!\p{L})(?:đề nghị|yêu cầu|giao|chủ trì|phải|cần)(?!\p{L})"
# Anything but a Roman digit (to validate a Roman label).
SEG_NOT_ROMAN_DIGIT = r"[^IVXLC]"
# A topic heading of a conclusion: "Về ...", "Đối với ...", "Lĩnh vực ...".
SEG_TOPIC_HEADING = r"(?i)\s*(?:về|đối với|lĩnh vực)\s"
# A non-empty line (for the PDF soft-wrap join).
SEG_LINE_OR_EMPTY = r"[^\n]*"

# Roman numerals as section numbers (validated by the segmenter: "I", "IV", "XII").
ROMAN = r"[IVXLC]{1,6}"

# "Phần I", "PHẦN II", "Phần 1" at line start: a part heading; so is an article of a decision
# ("Điều 2. Tổ chức thực hiện", "Điều 3."; a full stop after its number, so a wrapped line that
# opens on "Điều 12 Nghị định ..." is no heading).
PART_MARK = (r"(?:Phần|PHẦN)[ \t]+(?:" + ROMAN + r"|\d{1,2})(?=[ \t]*[.:\-–—]|[ \t]+\p{Lu})[ \t]*[.:\-–—]?"
             r"|(?:Điều|ĐIỀU)[ \t]+\d{1,3}[ \t]*\.")

# "I.", "II-", "III)" at line start: a Roman section.
ROMAN_MARK = ROMAN + r"[ \t]*[.\-–—)](?=[ \t]*\S)"

# "2.1.", "2.1.3", "1.2)" at line start: a multi-level Arabic item.
MULTI_MARK = r"\d{1,2}(?:\.\d{1,2}){1,3}(?:\.|\))?(?=[ \t]+\S)|\d{1,2},\d{1,2}\.(?=[ \t]+\S)"

# "1.", "1)", "1-", "1/" at line start, followed by a space: an Arabic item.
NUM_MARK = r"\d{1,2}[ \t]*[.)\-–—/](?=[ \t]+\S)"

# "a)", "b.", "đ)" at line start: a lettered item.
ALPHA_MARK = r"[a-zđ][ \t]*[)](?=[ \t]*\S)|[a-zđ][.\-](?=[ \t]+\S)"

# "(1)", "(i)", "(a)" at line start or inline: a parenthesised item.
PAREN_NUM_MARK = r"\([ \t]*\d{1,2}[ \t]*\)"
PAREN_ROMAN_MARK = r"\([ \t]*(?:i{1,3}|iv|v|vi{1,3}|ix|x)[ \t]*\)"
PAREN_ALPHA_MARK = r"\([ \t]*[a-hđ][ \t]*\)"

# Bullets at line start: dash-like, plus, dot-like, star.
DASH_BULLET = r"[\-–—](?=[ \t]+\S)"
PLUS_BULLET = r"\+(?=[ \t]*\S)"
DOT_BULLET = r"[•·●○◦▪■□►✓❖]"
STAR_BULLET = r"\*(?=[ \t]+\S)"

# "Thứ nhất, ...", "Thứ hai: ...", "Một là, ..." ordinal paragraphs.
ORDINAL_MARK = (r"(?:(?:Thứ|THỨ)[ \t]+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|NHẤT|HAI|BA|TƯ|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI)"
                r"|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)[ \t]+là)[ \t]*[,:.]")

# A unit that opens with a directive's subject: an introducer ("Đề nghị", "Giao", "Đối với") or
# a word that opens a body's name, perhaps after "các"/"từng"/"mỗi" ("Từng thành viên Ban Chỉ đạo
# ..."). {heads}: the body lexicon's subject openers (extractors.bodies.lexicon.opener_words, from
# body_openers.tsv); the filled-in pattern is extractors.bodies.lexicon.subject_start_pattern().
SUBJECT_START_TEMPLATE = (
    r"(?i)^[\"“]?(?:đề nghị|yêu cầu|giao|đối với|riêng đối với|"
    r"(?:riêng )?(?:các |từng |mỗi |toàn thể )?(?:đồng chí )?{heads})(?![\p{{L}}])"
)


# The same opening with a head noun of the body lexicon (body_heads.tsv, filled in by
# classify): {heads} for heads that are a body as they stand or with a lowercase complement
# ("Công an", "Ban Quản lý dự án"), {domains} for heads that need a capitalised name after them
# ("Báo Quảng Trị", "Trường Tiểu học", "Đài Phát thanh"; not "trường hợp", "báo cáo").
SUBJECT_HEAD_START = (
    r"(?i)^[\"“]?(?:riêng )?(?:các |từng |mỗi |toàn thể )?(?:đồng chí )?"
    r"(?:(?:{heads})(?![\p{{L}}])|(?:{domains})[ \t]+(?-i:\p{{Lu}}))"
)

# The line that opens the recipients list and the signature area.
RECIPIENTS_LINE = r"(?i)^[ \t*_]*nơi[ \t]+nhận[ \t*_]*:?"

# The opening's last line: "... kết luận như sau:", "... ý kiến chỉ đạo như sau:", "... yêu cầu:".
OPENING_END = (r"(?i)(?:(?:kết[ \t]+luận|như[ \t]+sau|chỉ[ \t]+đạo|yêu[ \t]+cầu|đề[ \t]+nghị|thông[ \t]+báo|chỉ[ \t]+thị|ý[ \t]+kiến)"
               r"[^\n:]{0,40}|(?:nhiệm[ \t]+vụ|giải[ \t]+pháp|nội[ \t]+dung)[^\n:.;]{0,30}[ \t]sau(?:[ \t]+đây)?):[ \t]*$")

# A sentence boundary in prose: end punctuation, space, then a capital or an opening quote.
SENTENCE_END = r"(?<=[.!?…])(?<!\b(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|Th|St|đ/c|Đ/c|Q|KT|TM|TL|TUQ|K/T|T/M|tr|Tr|v\.v)\.)[ \t]+(?=[\p{Lu}“\"(])"

# --- temporal (deadlines and periods) ------------------------------------------------------
# The date forms and their fragments live with their registry entries, in
# pipeline/extractors/temporal/forms.py; here are the patterns the deadline and period rules read
# around an expression.

# A numbered document reference inside a text ("862-KL/TU", "1329/QĐ-UBND", "30/2020/NĐ-CP").
T_REFERENCE_ID = r"(?<![\p{L}\p{N}])\d{1,5}(?:/\d{4})?\s?[/\-]\s?\p{Lu}[\p{L}\p{N}]{0,12}(?:\s?[/\-]\s?[\p{L}\p{N}]{1,12}){0,2}"
# Punctuation that closes a clause (look-backs for verbs and object nouns stop there).
T_CLAUSE_STOP = r"[.;!?\n]"
# What closes a phrase (the object-noun look-back stops there too): punctuation, a blank
# line, or a line break before a list marker. A bare line break is not a stop: headings
# and PDF text wrap inside a phrase. Nor is the comma of a fixed pair inside a noun phrase:
# "phòng, chống", "cháy, chữa cháy", "(chương trình) kiểm tra, giám sát (năm 2024)",
# "(chương trình xây dựng) luật, pháp lệnh (năm 2026)".
T_PHRASE_STOP = (r"(?<!(?i:phòng|cháy)),(?!(?<=(?i:kiểm tra),)\s{0,2}(?i:giám sát))"
                 r"(?!(?<=(?i:luật),)\s{0,2}(?i:pháp lệnh))"
                 r"|[;:.!?]|\n[ \t]{0,8}(?=\n|[-+•]|\d{1,2}[.)\-]|[IVX]{1,4}[.\-]|\p{Ll}\))")

# --- references ----------------------------------------------------------------------------

# Horizontal space inside a symbol or between a reference's parts ("127 -TB/BCĐ",
# "1329 / QĐ-UBND"): bounded, never a newline.
REF_SP = r"[ \t\u00a0]{0,3}"
REF_SP1 = r"[ \t\u00a0]{1,3}"
# A document number: digits only, leading zeros kept ("08").
REF_NUMBER = r"\d{1,6}"
# The year part of a normative symbol ("30/2020/NĐ-CP").
REF_YEAR = r"(?:19[4-9]\d|20\d\d)"
# Abbreviations of symbols that contain a lowercase letter (Quy định QĐi / QyĐ, Thủ tướng
# TTg, Chương trình CTr, Tờ trình TTr). Any other abbreviation is upper-case letters and
# digits ("UBND", "BCĐ", "QH15"), so ordinary words ("Hà", "Về") never pass as one.
REF_MIXED_ABBR = r"QĐi|QyĐ|TTg|CTr|TTr"
# "&" joins two unit abbreviations inside one part ("QLCL&CGKT", "BNN&MT").
REF_ABBR = rf"(?:{REF_MIXED_ABBR}|\p{{Lu}}[\p{{Lu}}\p{{N}}]{{0,14}}(?:&\p{{Lu}}[\p{{Lu}}\p{{N}}]{{0,14}})?)"
# An issuer part, possibly with drafting-unit parts, joined by dashes without spaces
# ("UBND-KT", "BTC-BNV"); at most 4 parts.
REF_ABBR_CHAIN = rf"{REF_ABBR}(?:{DASH}{REF_ABBR}){{0,3}}"
# No letter or digit may follow a symbol ("COVID" is not "CO" + "VID").
REF_END = r"(?![\p{L}\p{N}])"
# No letter, digit, slash, dot or dash may precede a bare number ("2020-2025", "1.068").
REF_START = r"(?<![\p{L}\p{N}/.\-\u2010-\u2015\u2212])"
# Party grammar NUMBER-TYPE/ISSUER: "25-TB/BCĐ", "08-QĐi/TW", "127 -TB/BCĐ".
REF_PARTY_CORE = (
    rf"(?P<p_num>{REF_NUMBER}){REF_SP}{DASH}{REF_SP}(?P<p_type>{REF_ABBR})"
    rf"{REF_SP}/{REF_SP}(?P<p_iss>{REF_ABBR_CHAIN}){REF_END}"
)
# State grammar NUMBER[/YEAR]/FIRST[-REST]: "1329/QĐ-UBND", "30/2020/NĐ-CP", "197/2025/QH15",
# công văn "11306/VPCP-NN" (FIRST is then the issuer). A bare "123/UBND" is accepted by
# references.py only after a type word or "số".
REF_STATE_CORE = (
    rf"(?P<s_num>{REF_NUMBER}){REF_SP}/{REF_SP}(?:(?P<s_year>{REF_YEAR}){REF_SP}/{REF_SP})?"
    rf"(?P<s_first>{REF_ABBR})(?:{REF_SP}{DASH}{REF_SP}(?P<s_rest>{REF_ABBR_CHAIN}))?{REF_END}"
)
# What every reference contains where its number starts: digits, a dash or a slash (and a
# normative symbol's year) and the capital that starts the symbol ("25-T", "1329 / Q",
# "30/2020/N"); a date ("18/02/2020") or a span ("2021-2025") is none. references.py looks for
# it first and runs the full pattern only from a bounded distance before it (what stands in
# front -- type word, "số" -- is bounded), which finds the same matches without trying the
# pattern at every position of the text.
REF_ANCHOR = rf"\d{{1,6}}{REF_SP}(?:{DASH}{REF_SP}|/{REF_SP}(?:{REF_YEAR}{REF_SP}/{REF_SP})?)\p{{Lu}}"
# "số" / "Số:" / "SỐ" before a number (case-insensitive), with an optional colon; the
# number may start the next line ("Quyết định số" / "1329/QĐ-UBND").
REF_SO = rf"(?i:số)(?:{REF_SP}:)?{REF_SP}(?:\n{REF_SP})?"
# A footnote marker glued to a symbol ("25-TB/BCĐ[1] ngày ...", "⁽¹⁾").
REF_FOOTNOTE = r"(?:\[\d{1,3}\]|[\u2070\u00b9\u00b2\u00b3\u2074-\u207e]{1,6})?"
# Qualifiers between a type word and its number ("Thông tư liên tịch số", "Thông báo kết
# luận số").
REF_TYPE_QUALIFIER = r"(?i:liên tịch|kết luận|hợp nhất)"
# A date written right after a reference: "ngày 18/02/2020", ", ngày 28/02/2020",
# "ngày 18 tháng 7 năm 2025", "ban hành ngày 2-3-2021"; the year may be missing ("ngày 18/02").
REF_DATE_AFTER = (
    rf"{REF_FOOTNOTE}{REF_SP},?{REF_SP}(?:(?i:ban hành){REF_SP1})?(?i:ngày){REF_SP}(?P<d>\d{{1,2}}){REF_SP}"
    rf"(?:[/.\-]{REF_SP}(?P<m>\d{{1,2}})(?:{REF_SP}[/.\-]{REF_SP}(?P<y>\d{{4}}))?"
    rf"|(?i:tháng){REF_SP}(?P<m2>\d{{1,2}})(?:{REF_SP},?{REF_SP}(?i:năm){REF_SP}(?P<y2>\d{{4}}))?)"
    r"(?![\d/.\-]\d)(?!\d)"
)
# The "của" that introduces a reference's issuer: "..., của Ban Thường vụ Tỉnh ủy".
REF_OF = rf"{REF_FOOTNOTE}{REF_SP},?{REF_SP}(?i:của){REF_SP1}"
# One word of an issuer phrase, and the single space that may follow it.
REF_ISSUER_WORD = r"[\p{L}][\p{L}\p{N}]{0,19}"
# What may join two references of one list: ", ", "; ", " và ", ", và ", " hoặc ".
REF_LIST_JOIN = rf"{REF_SP}(?:[,;]{REF_SP}(?:(?:và|hoặc){REF_SP1})?|(?:và|hoặc){REF_SP1})"

# --- bodies --------------------------------------------------------------------------------

# One token of a body phrase: a word (letters/digits, "&" inside abbreviations such as "TN&MT")
# or a single non-space character (punctuation). Linear: one bounded alternation per token.
BODY_TOKEN = r"[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]"
# The same tokens for the stdlib ``re`` (faster), on ``latin_only`` text: there re's \w without
# "_" is [\p{L}\p{N}] and \s is regex's \s (tested character by character); "_" is a token of
# its own, as in BODY_TOKEN.
BODY_TOKEN_RE = r"[^\W_]+(?:&[^\W_]+)*|[^\s\w]|_"
# A parenthetical gloss inside a body name: "Ban Dân vận Huyện ủy (cơ quan Thường trực ...)".
BODY_PAREN_GLOSS = r"\s*\([^()\n]*\)"
# Old tone placement at the end of a syllable ("uỷ", "hoà", "khoẻ"; not the "uy" of "quý").
BODY_OLD_TONE = r"(?<![qQ])(?:([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?![\p{L}])"
# Any dash a name may contain, with the spaces around it.
BODY_DASH = r"\s*[\-\u2010-\u2015\u2212]\s*"
# Space before punctuation / after an opening colon-list, and runs of spaces, inside a name.
BODY_SPACE_BEFORE_PUNCT = r"\s+([,;.:])"
BODY_SPACES = r"\s+"
