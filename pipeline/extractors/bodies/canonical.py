"""Canonical names and body types of body mentions (SPEC "Bodies").

In: a body's name as written ("UBND huyện", "các đồng chí thành viên Ban chỉ đạo"). Out:
:func:`canonical_name` -- NFC, modern tone placement, glosses and leading determiners dropped,
abbreviations expanded, the head's canonical casing -- and :func:`body_type_of`, one of
``BODY_TYPES`` from the head (or the body after a title, or the owner after "của").
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

from ...text import patterns as P
from .lexicon import BODY_TYPES, TITLE_KINDS, TOKEN, HeadKind, lex, low, modern_tones, phrase_key

__all__ = ["body_type_of", "canonical_name", "expand_abbreviations"]

_BLOCK = HeadKind.BLOCK

_PAREN = regex.compile(P.BODY_PAREN_GLOSS)
_DASH = regex.compile(P.BODY_DASH)
_SPACE_PUNCT = regex.compile(P.BODY_SPACE_BEFORE_PUNCT)
_SPACES = regex.compile(P.BODY_SPACES)

_LEADING = regex.compile(
    r"^(?:(?:các\s+đồng\s+chí|đồng\s+chí|đ\s*/\s*c|tất\s+cả\s+các|tất\s+cả|toàn\s+thể|các|từng|mỗi|những|mọi)\s+)+",
    regex.IGNORECASE,
)
_MTTQ_COMMITTEE = regex.compile(
    r"(?:(?:Ủy ban|UB)\s+(?:MTTQ(?:VN)?|Mặt trận Tổ quốc)|UBMTTQ(?:VN)?)(?:\s+Việt\s+Nam)?")
_MTTQ_BARE = regex.compile(r"(?<![\p{L}\p{N}&])MTTQ(?:VN)?(?![\p{L}\p{N}&])(?:\s+Việt\s+Nam)?")
_CAC = regex.compile(r"(?i)các\s")
_LEADING_KEEP_CAC = regex.compile(r"^(?:(?i:các\s+đồng\s+chí|đồng\s+chí|từng|mỗi|những|mọi)\s+)+")
_FRONT_BARE = regex.compile(r"Mặt trận(?! Tổ quốc)", regex.IGNORECASE)
_FRONT_NO_VN = regex.compile(r"Mặt trận Tổ quốc(?! Việt Nam)")
# "các đoàn thể" is kept as written, always plural ("Các đoàn thể xã"); only a bare "các đoàn thể"
# completed with the notice's level gets the full name (see mentions.mentions_of)
_UNIONS = regex.compile(r"^(?:(?i:các)\s+)?(?i:đoàn thể)(?=\s|$)")


def expand_abbreviations(s: str) -> str:
    """"MTTQ", "UBND", "Sở TN&MT", ... written out (``abbreviations.tsv``)."""
    lx = lex()
    s = _MTTQ_COMMITTEE.sub("Ủy ban Mặt trận Tổ quốc Việt Nam", s)
    # a bare "MTTQ" names the Front's committee ("MTTQ tỉnh" -> "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
    s = _MTTQ_BARE.sub("Ủy ban Mặt trận Tổ quốc Việt Nam", s)
    s = lx.abbr_re.sub(lambda m: lx.abbr[m.group()], s)
    s = _FRONT_BARE.sub("Mặt trận Tổ quốc Việt Nam", s)
    return _FRONT_NO_VN.sub("Mặt trận Tổ quốc Việt Nam", s)


def _case_heads(s: str) -> str:
    """Canonical casing of the head at the start and of a body after a role or "của"."""
    lx = lex()
    toks = list(TOKEN.finditer(s))
    lows = [low(t.group()) for t in toks]
    out, pos, i = [], 0, 0
    expect_head = True
    while i < len(toks):
        m = lx.heads.match(lows, i) if expect_head else None
        if m and m[1].kind in TITLE_KINDS and not lx.heads.match(lows, m[0]):
            # "Trưởng Ban Chỉ đạo": the shorter title that leaves a body after it
            m = next((x for x in lx.heads.matches(lows, i)
                      if x[1].kind in TITLE_KINDS and lx.heads.match(lows, x[0])), m)
        expect_head = False
        if m and m[1].kind is not _BLOCK:
            end, head = m
            start_c, end_c = toks[i].start(), toks[end - 1].end()
            written = s[start_c:end_c]
            canon = head.canonical if phrase_key(head.canonical) == phrase_key(written) else written
            out.append(s[pos:start_c])
            out.append(canon)
            pos = end_c
            expect_head = head.kind in TITLE_KINDS
            i = end
            continue
        if lows[i] == "của":
            expect_head = True
        i += 1
    out.append(s[pos:])
    return "".join(out)


def _is_generic_start(s: str) -> bool:
    lows = [low(m.group()) for m in TOKEN.finditer(s)]
    return bool(lows) and lex().generics.match(lows, 0) is not None


@lru_cache(maxsize=8192)
def canonical_name(text: str) -> str:
    """The canonical name of a body mention (SPEC "Bodies"): NFC, modern tones, glosses and a
    leading "các đồng chí"/"đồng chí"/"các"/"từng" dropped (generic addressees keep their "Các"),
    abbreviations expanded, head casing normalised, first letter upper case."""
    s = unicodedata.normalize("NFC", text or "")
    s = modern_tones(s)
    s = _PAREN.sub("", s)
    s = _SPACES.sub(" ", s).strip(" ,;:.-\u2013")
    m = _LEADING.match(s)
    if m:
        rest = s[m.end():]
        keep_cac = _is_generic_start(s) and not _is_generic_start(rest)
        if keep_cac or _is_generic_start(s) and _CAC.match(s):
            s = _LEADING_KEEP_CAC.sub("", s)
        else:
            s = rest
    s = expand_abbreviations(s)
    s = _DASH.sub(" - ", s)
    s = s.replace(": ", " ").replace(":", " ")
    s = _SPACE_PUNCT.sub(r"\1", s)
    s = _SPACES.sub(" ", s).strip(" ,;:.")
    s = _case_heads(s)
    s = _UNIONS.sub("Các đoàn thể", s)
    return s[:1].upper() + s[1:] if s else s


@lru_cache(maxsize=8192)
def body_type_of(name: str) -> str:
    """One of BODY_TYPES for a body name (canonical or as written): the type of its head, of the
    body after a leading role ("Chủ tịch UBND tỉnh" -> state), or of the owner after "của"."""
    lx = lex()
    s = expand_abbreviations(modern_tones(unicodedata.normalize("NFC", name or "")))
    lows = [low(m.group()) for m in TOKEN.finditer(s)]
    if lx.generics.match(lows, 0) and not lx.heads.match(lows, 0):
        return "generic"
    i = 0
    while lx.cue("determiner", lows, i):
        i = lx.cue("determiner", lows, i)[0]
    g = lx.generics.match(lows, i)
    h = lx.heads.match(lows, i)
    if g and (not h or g[0] > h[0]):
        return "generic"
    while h and h[1].kind in TITLE_KINDS:
        nxt = lx.heads.match(lows, h[0])
        if not nxt or nxt[1].kind is _BLOCK:
            g = lx.generics.match(lows, h[0])
            return "generic" if g else "other"
        h = nxt
    if not h or h[1].kind is _BLOCK:
        return "other"
    typ = h[1].body_type if h[1].body_type in BODY_TYPES else "other"
    if typ == "other" and "của" in lows[h[0]:]:
        k = lows.index("của", h[0]) + 1
        owner = lx.heads.match(lows, k)
        if owner and owner[1].body_type in BODY_TYPES:
            return owner[1].body_type
    return typ
