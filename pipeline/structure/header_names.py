"""A body's name in a header block: lines joined into names, capitals restored inside names.

In: the upper-case lines of a header's left column, top to bottom ("BỘ LAO ĐỘNG - THƯƠNG BINH",
"VÀ XÃ HỘI"), or a name already in sentence case. Out: :func:`join_name_lines` -- one line per
body, a name broken over lines joined and gloss lines ("(BCĐ 389)") dropped; :func:`field_capitals`
and :func:`inner_heads` -- the capitals a ministry's fields and a body named inside another take
("Bộ Lao động - Thương binh và Xã hội", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam").
"""
from __future__ import annotations

import regex

from ..extractors.bodies.lexicon import TOKEN, HeadKind, lex, low, phrase_key

__all__ = ["DASH_END", "field_capitals", "inner_heads", "join_name_lines", "title_words"]

#: a name line that ends on a dash after a word ("BỘ LAO ĐỘNG -"): the name goes on below
DASH_END = regex.compile(r"\p{L}[ \t]+[-–][ \t*_]*$")
#: a header line that goes on from the line above: "VÀ XÃ HỘI", "- THƯƠNG BINH", ", ..."
_CONTINUES_LINE = regex.compile(r"^(?:VÀ|&|[-–,])(?:\s|$)")
#: a header line cut inside a name: it ends on a comma, a dash or "VÀ"
_CUT_LINE = regex.compile(r"(?:[,&\-–]|(?<!\p{L})VÀ)$")
#: a gloss on its own line under the name: "(BCĐ 389)"
_GLOSS_LINE = regex.compile(r"^\(.*\)$")
#: a ministry or department and its fields up to a level word: each field after "và", "-", ","
#: takes a capital ("Bộ Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Môi trường")
_FIELD_PARTS = regex.compile(r"^((?:Bộ|Sở|Phòng|Cục|Tổng cục|Chi cục|Vụ) )(\p{L}.*?)"
                             r"(?=\s(?:tỉnh|thành phố|huyện|quận|thị xã|xã(?! hội)|phường|thị trấn)(?!\p{L})|$)")
_FIELD_START = regex.compile(r"((?:^|\s(?:và|-|–|&)\s|,\s))(\p{Ll})")
#: head kinds whose canonical casing a name keeps wherever they stand in it ("... Ủy ban Mặt trận ...")
_NAMED_KINDS = (HeadKind.COMPLETE, HeadKind.ORG, HeadKind.COMPLEMENT)


def _opens_body(line: str) -> bool:
    """Whether a header line begins a body's name or a locality (a body head or a level word)."""
    lows = [low(t.group()) for t in TOKEN.finditer(line)]
    return bool(lows) and (lex().heads.match(lows, 0) is not None or lex().levels.match(lows, 0) is not None)


def join_name_lines(block: list[str]) -> list[str]:
    """Header lines with a name broken over several lines joined into one line: a line that starts
    with "VÀ" or a dash, follows a line cut on a comma, a dash or "VÀ", or opens no body ("BAN CHỈ
    ĐẠO CÁC CHƯƠNG TRÌNH" / "MỤC TIÊU QUỐC GIA") goes on from the line above; gloss lines are dropped."""
    out: list[str] = []
    for line in block:
        if _GLOSS_LINE.match(line):
            continue
        if out and (_CONTINUES_LINE.match(line) or _CUT_LINE.search(out[-1]) or not _opens_body(line)):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def title_words(s: str) -> str:
    """Every word with a capital ("vĩnh lộc" -> "Vĩnh Lộc")."""
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def field_capitals(s: str) -> str:
    """A ministry's or department's fields with their capitals ("Bộ Giáo dục và đào tạo" ->
    "Bộ Giáo dục và Đào tạo"); the level and place after them are left as they are."""
    return _FIELD_PARTS.sub(
        lambda m: m.group(1) + _FIELD_START.sub(lambda p: p.group(1) + p.group(2).upper(), m.group(2)), s)


def inner_heads(s: str) -> str:
    """Body heads of two words or more after the name's own head in their canonical casing
    ("Ban Thường trực ủy ban mặt trận ..." -> "... Ủy ban Mặt trận Tổ quốc Việt Nam ...")."""
    toks = list(TOKEN.finditer(s))
    lows = [low(t.group()) for t in toks]
    heads = lex().heads
    i = 0
    while i < len(toks):
        m = heads.match(lows, i)
        if m is None:
            i += 1
            continue
        if i > 0 and m[0] - i >= 2 and m[1].kind in _NAMED_KINDS:  # the first head is the caller's
            a, b = toks[i].start(), toks[m[0] - 1].end()
            if phrase_key(s[a:b]) == phrase_key(m[1].canonical):
                s = s[:a] + m[1].canonical + s[b:]
        i = m[0]
    return s
