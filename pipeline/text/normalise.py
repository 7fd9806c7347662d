"""Normalising Vietnamese text: every fold, tone and reference-id normalisation, in one place.

In: strings. Out: strings (or the offsets of edits). Each variant is named for what it does;
pick the one whose purpose is yours, they truly differ:

- :func:`fold` -- the matching key of the scorer (and of the learned models' labels and
  features): NFC, lower case, old tone placement modernised wherever it occurs, punctuation
  other than "/" "-" "_" as spaces, single spaces. Not an orthography: "hoàng" -> "hòang".
- :func:`collapse_lower` -- lower case, runs of whitespace as one space (phrase keys).
- :func:`fold_label` -- a short line compared with a word list of labels ("Chia sẻ:",
  "Tin liên quan…"): trimmed, trailing ":" "." "…" dropped, case-folded.
- :func:`strip_tones` -- the five tone marks removed from lower-case letters; the marks that
  make letters (ă â ê ô ơ ư đ) kept ("trường" -> "trương").
- :func:`strip_accents` -- every diacritic removed, "đ" -> "d", case-folded (sort keys).
- :func:`modern_tones` -- orthography: the tone of "oa", "oe", "uy" at a syllable's end moved
  onto the first vowel ("Uỷ ban" -> "Ủy ban", "hoà" -> "hòa"; "quý" untouched).
- :func:`old_tone_words` -- the cleaning stage's edits: whole syllables with the old tone
  placement that underthesea's normaliser table knows, with their modern form (same length,
  so offsets stay one-to-one).
- :func:`normalise_symbol` / :func:`ref_id` -- a document symbol and the SPEC reference id.
"""
from __future__ import annotations

import importlib.util
import pickle
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import regex

from . import patterns as P

# ---------------------------------------------------------------------------------------------
# Tone marks and vowels

#: Tone marks as combining characters: huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS = "\u0300\u0309\u0303\u0301\u0323"
#: The lower-case vowels a tone mark can sit on.
BASE_VOWELS = "aăâeêioôơuưy"
_VOWELS = BASE_VOWELS + BASE_VOWELS.upper()


def _toned_vowels() -> str:
    """Every vowel (both cases) with each tone mark, NFC."""
    return "".join(unicodedata.normalize("NFC", v + mark) for v in _VOWELS for mark in "\u0300\u0301\u0309\u0303\u0323")


@cache
def toneless_map() -> dict[int, str]:
    """Lower-case toned vowel -> the vowel without its tone (a ``str.translate`` table)."""
    out = {}
    for base in BASE_VOWELS:
        for mark in TONE_MARKS:
            toned = unicodedata.normalize("NFC", base + mark)
            if toned != base:
                out[ord(toned)] = base
    return out


def strip_tones(word: str) -> str:
    """``word`` (NFC, lower case) without tone marks; ă â ê ô ơ ư đ stay what they are."""
    return word.translate(toneless_map())


def strip_accents(text: str) -> str:
    """Every diacritic removed, "Đ"/"đ" as "D"/"d", case-folded: "Đà Nẵng" -> "da nang"."""
    s = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in s if unicodedata.category(c) != "Mn").casefold()


# ---------------------------------------------------------------------------------------------
# Matching keys


def _old_tone_pairs() -> tuple[tuple[str, str], ...]:
    """Old tone placement on oa/oe/uy ("oà", "uỷ") -> modern ("òa", "ủy"), both NFC."""
    marks = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
    pairs = (("o", "a"), ("o", "e"), ("u", "y"))
    return tuple((unicodedata.normalize("NFC", a + b + m), unicodedata.normalize("NFC", a + m + b))
                 for a, b in pairs for m in marks)


_OLD_TONES = _old_tone_pairs()
_OLD_TONE_OF = dict(_OLD_TONES)
#: Any old-placed pair of ``_OLD_TONES`` (two letters each, none overlapping another or made by a
#: replacement, so one pass is the same as replacing them one table row after the other).
_OLD_TONE_PAIR = re.compile("|".join(re.escape(old) for old, _new in _OLD_TONES))


def _kept(ch: str) -> bool:
    """A character fold() keeps: a (Unicode) word character, "/" or "-"."""
    return ch.isalnum() or ch in "_/-"


class _FoldTable(dict):
    """The ``str.translate`` table of :func:`fold`: a kept character to itself, any other to a
    space; filled as characters are first seen."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        got = self[code] = ch if _kept(ch) else " "
        return got


_FOLD_TABLE = _FoldTable()


def _modern_pair(m: re.Match) -> str:
    return _OLD_TONE_OF[m.group()]


def fold(text: str | None) -> str:
    """NFC, lower case, modern tone placement, other punctuation as spaces, single spaces."""
    s = _OLD_TONE_PAIR.sub(_modern_pair, unicodedata.normalize("NFC", text or "").lower())
    return " ".join(s.translate(_FOLD_TABLE).split())


def collapse_lower(text: str) -> str:
    """Lower case, runs of whitespace as one space, trimmed."""
    return " ".join(text.lower().split())


def fold_label(line: str, trailing: str = ":.…") -> str:
    """A line as compared with a list of labels: trimmed, ``trailing`` characters dropped from
    its end, trimmed again, case-folded."""
    return line.strip().rstrip(trailing).strip().casefold()


# ---------------------------------------------------------------------------------------------
# Tone placement

_OLD_TONE_END = regex.compile(P.BODY_OLD_TONE)


def modern_tones(text: str) -> str:
    """"Uỷ ban" -> "Ủy ban", "hoà" -> "hòa": the tone of oa/oe/uy at a syllable's end moved onto
    the first vowel (not after "q": "quý" keeps its tone). Same length as ``text``."""

    def fix(m: regex.Match) -> str:
        first, toned = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        parts = unicodedata.normalize("NFD", toned)
        return unicodedata.normalize("NFC", first + parts[1:]) + parts[0]

    return _OLD_TONE_END.sub(fix, text)


#: A word with a vowel before a toned vowel: only such a word can have its tone misplaced ("hoà",
#: "uỷ", "khoẻ"), so only such words are looked up in the table (whose other entries correct
#: spelling, which is not the cleaning stage's job). The reference for :func:`old_tone_words`.
OLD_TONE_WORD = regex.compile(r"(?<!\p{L})\p{L}*[" + _VOWELS + "][" + _toned_vowels() + r"]\p{L}*")

#: The rules file that underthesea's text_normalizer.py loads (its uncommented assignment).
_RULE_FILE = regex.compile(r'(?m)^rule_file\s*=\s*"([\w.\-]+\.bin)"')


def _underthesea_token_map() -> dict[str, str]:
    """underthesea's token normalisation map. Read straight from the rules file its normaliser
    loads (a plain pickle of dicts), which spares importing the whole underthesea package (about
    0.4 s per process); through that import when the file cannot be found or read so."""
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
    # lazily: importing underthesea costs about 0.4 s, and the fast path above rarely fails
    from underthesea.pipeline.text_normalize.text_normalizer import token_map

    return token_map


@lru_cache(maxsize=1)
def tone_table() -> dict[str, str]:
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
    of the table that ``OLD_TONE_WORD`` would, without visiting the many modern words."""
    toned = frozenset(_toned_vowels())
    vowels = frozenset(_VOWELS)
    ends = set()
    for word in tone_table():
        k = next((i for i in range(len(word) - 1) if word[i] in vowels and word[i + 1] in toned), None)
        if k is not None:  # an entry without a toned vowel is never matched by OLD_TONE_WORD
            ends.add(word[k:])
    return P.BoundedWords(P.word_set(sorted(ends)), before=False)


def old_tone_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, modern form) of each word of ``text`` with its tone on the old place: the
    words ``OLD_TONE_WORD`` finds that the table knows, found from the table's endings."""
    table = tone_table()
    out = []
    for a, end in _old_tone_ends().spans(text):
        while a > 0 and text[a - 1].isalpha():  # back to the word's start (str.isalpha is \p{L})
            a -= 1
        new = table.get(text[a:end])
        if new:
            out.append((a, end, new))
    return out


# ---------------------------------------------------------------------------------------------
# Document symbols and reference ids

_DASHES = regex.compile(r"[\u2010-\u2015\u2212]")  # hyphens, dashes, the minus sign
_SPACES = regex.compile(r"\s+")
_HAS_SPACE = regex.compile(r"\s")


def normalise_symbol(s: str) -> str:
    """NFC, whitespace removed, dashes unified to "-"; letter case kept."""
    if not s.isascii():
        s = _DASHES.sub("-", unicodedata.normalize("NFC", s))
    return _SPACES.sub("", s) if _HAS_SPACE.search(s) else s


def ref_id(value: str | None) -> str:
    """The SPEC reference id of a written number+symbol (as extracted and as scored):
    :func:`normalise_symbol`, upper-cased; "" for None. Whitespace is what ``str.split`` takes
    for it, as the shared scorer does (it also removes the separators U+001C..U+001F, which
    are not whitespace to ``regex``)."""
    s = normalise_symbol(value or "")
    return "".join(s.split()).upper()
