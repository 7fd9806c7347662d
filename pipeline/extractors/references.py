"""Numbered document references: "Thông báo số 31-TB/BCĐ ngày 16/03/2021 của Ban Chỉ đạo huyện".

Two symbol grammars (GENRE "Two systems, two symbol grammars"):

- Party  NUMBER-TYPE/ISSUER      "25-TB/BCĐ", "08-QĐi/TW", "234-CV/BTGTU"
- State  NUMBER/TYPE-ISSUER      "1329/QĐ-UBND", "158/CĐ-TTg"; normative with the year
         "30/2020/NĐ-CP", "197/2025/QH15"; công văn NUMBER/ISSUER-UNIT "11306/VPCP-NN".

A number without a symbol ("Đoàn kiểm tra 1068", "Đề án 06") is never a reference.

Fields of the :class:`~..model.Reference` records found:

- ``id``: SPEC normalisation of number + symbol: spaces removed, dashes unified to "-",
  NFC, letters upper-case ("08-QĐi/TW" -> "08-QĐI/TW").
- ``number``: the number, with the year for normative documents ("30/2020"), so that
  ``id == upper(number + sep + symbol)`` with sep "-" (Party) or "/" (State).
- ``symbol``: the rest, spaces removed and dashes unified but letter case kept ("QĐi/TW").
- ``type``: from the type word written before the number ("Kết luận số ..."), else from the
  symbol's type abbreviation (``data/doc_types.tsv``), else inherited from the previous
  reference of an elided list ("Thông báo 36-TB/VPTU, số 71-TB/VPTU").
- ``date``: ISO date written right after ("ngày 18/02/2020", "ngày 18 tháng 7 năm 2025").
- ``issuer``: the short noun phrase after "của" ("của Ban Thường vụ Tỉnh ủy về ..."), shared
  by every reference of a list it closes; else DERIVED from the symbol's issuer abbreviation
  (``data/issuer_abbreviations.tsv``: "NQ/TW" -> "Trung ương").
- ``text``/``start``/``end``: the mention as written, from the type word (or "số") to the
  end of the symbol or of the attached date; the "của" phrase is not part of it.

The notice's own number ("Số 127 -TB/BCĐ" at the start of a line, or "Số: ...") is not a
reference; :func:`doc_number_of` returns it instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import regex

from ..model import Reference
from ..text import patterns as P
from ..text.lexicon import load_table
from ..text.normalise import normalise_symbol, ref_id

__all__ = ["find_references", "doc_number_of", "normalise_symbol", "ref_id",
           "type_of_abbreviation", "issuer_of_abbreviation"]


# --- tables ---------------------------------------------------------------------------------

_SPACES = regex.compile(r"\s+")
# Type words that name no type of their own.
_GENERIC_TYPE_WORDS = frozenset({"văn bản"})


@lru_cache(maxsize=1)
def _type_rows() -> tuple[dict, ...]:
    return load_table("doc_types.tsv", ("abbr", "system", "name"))


@lru_cache(maxsize=1)
def _type_table() -> dict[tuple[str, str], str]:
    """(system, UPPER abbr) -> type name, for systems party/state/both."""
    out: dict[tuple[str, str], str] = {}
    for row in _type_rows():
        if row["system"] in ("party", "state", "both"):
            out.setdefault((row["system"], row["abbr"].upper()), row["name"])
    return out


@lru_cache(maxsize=1)
def _type_words() -> dict[str, str]:
    """lower-case type word -> canonical type name (every name of the table)."""
    return {row["name"].lower(): row["name"] for row in _type_rows()}


@lru_cache(maxsize=1)
def _issuer_table() -> dict[str, str]:
    """UPPER abbreviation -> expansion."""
    return {row["abbr"].upper(): row["expansion"]
            for row in load_table("issuer_abbreviations.tsv", ("abbr", "system", "expansion"))}


def type_of_abbreviation(abbr: str, system: str) -> str | None:
    """Type name of a symbol's type part in ``system`` ("party" | "state"): TT -> Thông tri
    (party) / Thông tư (state); None when the abbreviation names no type."""
    key = abbr.upper()
    table = _type_table()
    return table.get((system, key)) or table.get(("both", key))


def issuer_of_abbreviation(abbr: str) -> str | None:
    """Expansion of an issuer abbreviation ("VPTU" -> "Văn phòng Tỉnh ủy"); a trailing term
    number is dropped when the exact key is unknown ("UBTVQH15" -> "UBTVQH")."""
    table = _issuer_table()
    key = abbr.upper()
    if key in table:
        return table[key]
    bare = key.rstrip("0123456789")
    return table.get(bare) if bare and bare != key else None


# --- patterns -------------------------------------------------------------------------------

_CORE = rf"(?:{P.REF_PARTY_CORE}|{P.REF_STATE_CORE})"


@lru_cache(maxsize=1)
def _ref_re() -> P.LatinFast:
    alts = P.word_set({w.lower() for w in _type_words()})  # matched ignoring case: one trie
    prefix = (
        rf"(?:(?<![\p{{L}}\p{{N}}])(?P<tw>(?i:{alts}))"
        rf"(?:{P.REF_SP1}{P.REF_TYPE_QUALIFIER})?{P.REF_SP}(?:(?P<tw_so>{P.REF_SO}))?"
        rf"|(?<![\p{{L}}\p{{N}}])(?P<so>{P.REF_SO})"
        rf"|{P.REF_START})"
    )
    return P.LatinFast(prefix + _CORE)


_ANCHOR_RE = regex.compile(P.REF_ANCHOR)


@lru_cache(maxsize=1)
def _ref_lead() -> int:
    """An upper bound on the characters a reference's prefix (type word, qualifier, "số")
    takes before its number: the longest type word plus the bounded rest (<= 28), with room."""
    return max((len(w) for w in _type_words()), default=0) + 40


def _ref_matches(text: str):
    """``_ref_re().finditer(text)``, but the pattern is only run from ``_ref_lead()``
    characters before the next anchor (REF_ANCHOR: digits then a dash or slash), since every
    reference's number is one: the same matches, without trying the pattern everywhere."""
    pat, lead = _ref_re().for_text(text), _ref_lead()
    pos = 0
    while True:
        a = _ANCHOR_RE.search(text, pos)
        if a is None:
            return
        m = pat.search(text, max(pos, a.start() - lead))
        if m is None:
            return
        yield m
        pos = m.end()  # never empty: a match has digits


_CORE_RE = regex.compile(rf"{P.REF_SP}{_CORE}{P.REF_SP}")
_DATE_RE = regex.compile(P.REF_DATE_AFTER)
_OF_RE = regex.compile(P.REF_OF)
_WORD_RE = regex.compile(P.REF_ISSUER_WORD)
_JOIN_RE = regex.compile(P.REF_LIST_JOIN + P.REF_SP)
_GAP_RE = regex.compile(r"[ \t\u00a0]{1,2}")
# Words before "số" that number something other than a document.
_NOT_DOCUMENT_BEFORE = regex.compile(r"(?i:(?<![\p{L}])(?:mẫu|biểu))[ \t\u00a0]{1,3}\Z")

# Lowercase words that continue a body name whatever precedes them ("Ủy ban nhân dân tỉnh",
# "huyện ủy", "Ban chỉ đạo").
_NAME_LOWER = frozenset("tỉnh huyện xã quận phường thị trấn thành phố nhân dân đạo vụ ủy trung ương".split())
# Level words after which capitalised words are a place name ("UBND tỉnh Quảng Ninh").
_LEVEL = frozenset("tỉnh huyện xã quận phường trấn phố ủy".split())
# Words that end an issuer phrase.
_ISSUER_STOP = frozenset(
    "về đã đang sẽ được bị theo trong tại cho để nhằm với số ngày năm tháng là có đến từ gắn "
    "trên khi thì nay này đó các những hoặc cũng phải cần không chưa nên vào ra lên qua do "
    "bởi mà như sau trước đối".split()
)
_ISSUER_MAX_WORDS = 12
# Characters that may precede "Số" on the notice's own number line (markdown residue).
_LINE_LEAD = frozenset(" \t\u00a0*#>|_")


# --- date and issuer ------------------------------------------------------------------------

def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _date_at(text: str, pos: int, year: int | None) -> tuple[str | None, int]:
    """ISO date written at ``pos`` ("ngày 18/02/2020") and its end, else (None, pos)."""
    m = _DATE_RE.match(text, pos)
    if not m:
        return None, pos
    d = int(m["d"])
    mo = int(m["m"] or m["m2"])
    y = m["y"] or m["y2"]
    yy = int(y) if y else year
    if yy is None:
        return None, pos
    iso = _iso(yy, mo, d)
    return (iso, m.end()) if iso else (None, pos)


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _issuer_at(text: str, pos: int) -> str | None:
    """The short noun phrase after "của" at ``pos``, abbreviations expanded, else None."""
    m = _OF_RE.match(text, pos)
    if not m:
        return None
    words: list[str] = []
    i = m.end()
    prev_cap = False
    in_place = False  # inside a place name after a level word ("tỉnh Quảng Ninh")
    while len(words) < _ISSUER_MAX_WORDS:
        w = _WORD_RE.match(text, i)
        if not w:
            break
        word = w.group()
        low = word.lower()
        end = w.end()
        if not words:
            if not _is_cap(word):
                return None
        elif _is_cap(word):
            in_place = in_place or (words[-1] in _LEVEL)  # lower-case level word only
        elif low == "và":
            nxt = _GAP_RE.match(text, end)
            nw = _WORD_RE.match(text, nxt.end()) if nxt else None
            if in_place or not (nw and _is_cap(nw.group())):
                break
        elif in_place or low in _ISSUER_STOP:
            break
        elif not (low in _NAME_LOWER or prev_cap):
            break
        elif low == "ban" and text[end:end + 5] == " hành":
            break  # "UBND ban hành"
        if end < len(text) and (text[end].isalnum()):
            break  # a word longer than REF_ISSUER_WORD allows: not a name
        words.append(word)
        prev_cap = _is_cap(word) and not (len(word) > 1 and word.isupper())  # "Chính" not "UBND"
        g = _GAP_RE.match(text, end)
        if not g:
            break
        i = g.end()
    while words and words[-1].lower() == "và":
        words.pop()
    if not words:
        return None
    table = _issuer_table()
    out = [table.get(wd, wd) if wd.isupper() and len(wd) > 1 else wd for wd in words]
    return " ".join(out)


# --- matching -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Raw:
    start: int
    tail_end: int  # after the attached date
    number: str
    symbol: str
    sep: str
    type_word: str | None  # canonical type name of the written type word
    abbr_type: str | None
    derived_issuer: str | None
    date: str | None
    elided: bool  # written with "số" or bare, no type word


def _at_line_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and pos - i <= 40:
        c = text[i]
        if c == "\n":
            return True
        if c not in _LINE_LEAD:
            return False
        i -= 1
    return i < 0


def _after_sentence_end(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0" and pos - i <= 40:
        i -= 1
    return i >= 0 and text[i] in ".!?;…"


def _is_own_number(text: str, m: regex.Match) -> bool:
    """The notice's own number: a capital "Số" with a colon ("Số: 637/TB-VPCP"), at a line
    start ("Số 127 -TB/BCĐ"), or glued to a flattened header line ("HUYỆN ỦY X * Số 12-TB/HU")
    -- anywhere but at the start of a sentence, where a capital "Số" is ordinary prose."""
    so = m["so"]
    if not so or not so[:1].isupper():
        return False
    pos = m.start("so")
    return ":" in so or _at_line_start(text, pos) or not _after_sentence_end(text, pos)


def _parts(m: regex.Match) -> tuple[str, str, str, str | None, str | None]:
    """(number, symbol, sep, abbreviation type, derived issuer) of a core match."""
    if m["p_num"] is not None:
        number = m["p_num"]
        iss = normalise_symbol(m["p_iss"])
        symbol = f"{m['p_type']}/{iss}"
        first_iss = iss.split("-")[0]
        # DERIVED issuer: from the symbol, used only when no "của" phrase names one.
        return number, normalise_symbol(symbol), "-", type_of_abbreviation(m["p_type"], "party"), \
            issuer_of_abbreviation(first_iss)
    number = m["s_num"] + (f"/{m['s_year']}" if m["s_year"] else "")
    first = m["s_first"]
    rest = normalise_symbol(m["s_rest"]) if m["s_rest"] else None
    symbol = first + (f"-{rest}" if rest else "")
    abbr_type = type_of_abbreviation(first, "state")
    if abbr_type is None and issuer_of_abbreviation(first) is None and rest:
        abbr_type = type_of_abbreviation(first, "party")  # e.g. "KL-UBND"
    if abbr_type is not None:
        derived = issuer_of_abbreviation(rest.split("-")[0]) if rest else None
    else:
        derived = issuer_of_abbreviation(first)
        if not m["s_year"]:
            abbr_type = "Công văn"  # NUMBER/ISSUER-UNIT has no type part
    return number, normalise_symbol(symbol), "/", abbr_type, derived


def _raw_matches(text: str, year: int | None, keep_own: bool) -> list[_Raw]:
    out: list[_Raw] = []
    words = _type_words()
    for m in _ref_matches(text):
        if not keep_own and _is_own_number(text, m):
            continue
        if m["so"] is not None and _NOT_DOCUMENT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "Mẫu số 01/TK-SDDPNN" is a form, not a document
        has_prefix = m["tw"] is not None or m["so"] is not None
        if m["s_num"] is not None and not m["s_year"] and not m["s_rest"] and not has_prefix:
            continue  # a bare "123/UBND" needs "số" or a type word
        number, symbol, sep, abbr_type, derived = _parts(m)
        tw = m["tw"]
        type_word = None
        if tw is not None:
            low = _SPACES.sub(" ", tw.lower())
            if low not in _GENERIC_TYPE_WORDS:
                type_word = words.get(low)
        d, tail = _date_at(text, m.end(), year)
        out.append(_Raw(m.start(), tail, number, symbol, sep, type_word, abbr_type,
                        derived, d, tw is None))
    return out


def _same_list(text: str, a: _Raw, b: _Raw) -> bool:
    j = _JOIN_RE.match(text, a.tail_end)
    return bool(j) and j.end() == b.start


def _compatible(a: _Raw, b: _Raw) -> bool:
    return a.derived_issuer is None or b.derived_issuer is None or a.derived_issuer == b.derived_issuer


def find_references(text: str, year: int | None = None, *, keep_own: bool = False) -> list[Reference]:
    """Every numbered document reference in ``text``, in order (one per mention).

    ``year`` completes a date written without one ("ngày 18/02"). The notice's own number
    line is skipped unless ``keep_own``.
    """
    raws = _raw_matches(text, year, keep_own)
    out: list[Reference] = []
    n = len(raws)
    i = 0
    while i < n:
        j = i  # [i, j] is one list of references joined by ", " / "và"
        while j + 1 < n and _same_list(text, raws[j], raws[j + 1]):
            j += 1
        shared_issuer = _issuer_at(text, raws[j].tail_end)
        prev_type: str | None = None
        for k in range(i, j + 1):
            r = raws[k]
            typ = r.type_word or r.abbr_type or (prev_type if r.elided else None)
            prev_type = typ
            rid = ref_id(f"{r.number}{r.sep}{r.symbol}")
            # the closing "của" phrase names the issuer of every member whose own symbol
            # does not point to another body ("11306/VPCP-NN, 2345/UBND-VX của UBND tỉnh")
            shared = shared_issuer if _compatible(r, raws[j]) else None
            out.append(Reference(rid, typ, r.number, r.symbol, r.date,
                                 shared or r.derived_issuer,
                                 text[r.start:r.tail_end], r.start, r.tail_end))
        i = j + 1
    return out


def doc_number_of(text: str) -> str | None:
    """The notice's own number from its "Số ..." line, normalised with letter case kept:
    "Số 127 -TB/BCĐ" -> "127-TB/BCĐ", "Số: 637/TB-VPCP" -> "637/TB-VPCP", "Số: 08-QĐi/TW" ->
    "08-QĐi/TW" (the scorer upper-cases both sides, so case is kept here as written).
    Accepts a single line, a header, or a whole text; a bare "127 -TB/BCĐ" line also works.
    """
    for m in _ref_matches(text):
        if _is_own_number(text, m):
            number, symbol, sep, _t, _i = _parts(m)
            return f"{number}{sep}{symbol}"
    m = _CORE_RE.fullmatch(text.strip())
    if m:
        number, symbol, sep, _t, _i = _parts(m)
        return f"{number}{sep}{symbol}"
    return None
