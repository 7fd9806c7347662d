"""The body vocabulary: head nouns, levels, generic addressees, directive cues, abbreviations.

In: the data files ``body_heads.tsv``, ``generic_addressees.tsv``, ``directive_cues.tsv``,
``abbreviations.tsv``, ``levels.tsv`` and ``body_openers.tsv`` under ``pipeline/data``. Out: a
:class:`Lexicon` of longest-match phrase tables over lower-case tokens (:class:`Phrases`), each
head a :class:`Head` whose kind is a :class:`HeadKind` and whose scope a :class:`Scope`, parsed
and validated on load (a bad cell raises :class:`LexiconError`). Adding a body head is one data
row. The regex pre-checks outside the scanner (``subject_start_pattern()``,
``resolve.inherit``'s cell split) take their head words from here (:func:`opener_words`).

Also here: the token pattern and the token key (:func:`low`: lower case, dashes unified, modern
tone placement) every table is keyed by, cached because the scanner keys every token.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import regex

from ...text import patterns as P
from ...text.lexicon import LexiconError, load_table, load_words
from ...text.normalise import modern_tones

__all__ = ["BODY_TYPES", "Head", "HeadKind", "Lexicon", "LexiconError", "OpenerUse", "Phrases", "Scope",
           "lex", "level_of_word", "low", "modern_tones", "opener_words", "parse_heads", "phrase_key"]

BODY_TYPES = ("party", "state", "front", "security", "steering", "enterprise", "generic", "other")

TOKEN = regex.compile(P.BODY_TOKEN)
TOKEN_RE = re.compile(P.BODY_TOKEN_RE)  # the same tokens, faster, on Latin-script text
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

HEAD_COLUMNS = ("head", "canonical", "body_type", "kind", "scope")


class HeadKind(Enum):
    """What a row of ``body_heads.tsv`` is (its ``kind`` column; see the file's header)."""

    COMPLETE = "complete"  # a whole body name; a level or a capitalised name may follow
    ORG = "org"  # a complete body of an organisation, perhaps followed by the body it belongs to
    COMPLEMENT = "complement"  # a lower-case complement may follow ("Ban Chỉ đạo thực hiện ...")
    PART = "part"  # a sub-unit ("Tổ kiểm tra của Ban Chỉ đạo tỉnh")
    DOMAIN = "domain"  # a body only with a domain or level after it ("Sở Y tế")
    LEVELLED = "levelled"  # a body only with a level word right after it ("Thuế tỉnh Đắk Lắk")
    ROLE = "role"  # a title before a body ("Chủ tịch UBND tỉnh")
    ROLE_ALONE = "role_alone"  # a title that may also stand alone ("Bộ trưởng")
    BLOCK = "block"  # not a body ("tổ chức", "phòng, chống")
    LEVEL = "level"  # a level word or phrase ("xã", "các cấp")
    NAME_WORD = "name_word"  # a lower-case word that continues a name ("nhân dân")


class Scope(Enum):
    """Where a head's body sits (``scope`` column): whether a shared level suffix distributes
    onto it; for a level row, whether it is a unit word or a whole level phrase."""

    CENTRAL = "central"
    FIXED = "fixed"
    LOCAL = "local"
    ANY = "any"
    UNIT = "unit"  # a level: one unit word ("xã", "tỉnh"), a place name may follow
    PHRASE = "phrase"  # a level: a whole phrase ("các cấp", "từ tỉnh đến cơ sở")
    NONE = "-"  # a row with no scope (block, name_word)


#: Kinds read as the head noun of a body (and "block", which stops one).
HEAD_KINDS = (HeadKind.COMPLETE, HeadKind.ORG, HeadKind.COMPLEMENT, HeadKind.PART, HeadKind.DOMAIN,
              HeadKind.LEVELLED, HeadKind.ROLE, HeadKind.ROLE_ALONE, HeadKind.BLOCK)
#: Kinds of a title that heads the body after it.
TITLE_KINDS = (HeadKind.ROLE, HeadKind.ROLE_ALONE)
#: Body types a head may have besides BODY_TYPES: a title's, and none.
_OTHER_TYPES = ("role", "-")


# --- token keys -------------------------------------------------------------------------------


def _low_uncached(tok: str) -> str:
    tok = tok.lower()
    if tok in _DASH_CHARS:
        return "-"
    return modern_tones(tok)  # a no-op where no tone is misplaced


class _LowCache(dict):
    """token -> low(token), filled on first use; cleared when full (bounded memory)."""

    def __missing__(self, tok: str) -> str:
        if len(self) >= _LOW_CACHE_MAX:
            self.clear()
        got = self[tok] = _low_uncached(tok)
        return got


_LOW_CACHE_MAX = 200_000  # distinct tokens kept
LOW_CACHE = _LowCache()


def low(tok: str) -> str:
    """Lower case, dashes unified, modern tones: the form lexicon keys are written in (cached)."""
    return LOW_CACHE[tok]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The token keys of a phrase ("Uỷ ban  MTTQ" -> ("ủy", "ban", "mttq"))."""
    return tuple(low(m.group()) for m in TOKEN.finditer(unicodedata.normalize("NFC", phrase)))


# --- phrase tables ----------------------------------------------------------------------------


class Phrases:
    """Longest-match lookup of token sequences (lower case) -> value.

    Entries are grouped by their first token; each group is a list of (length, rest of the key
    as a list, value), longest first, so that a lookup is one dict access and, for the few
    tokens that start an entry, a slice comparison per entry."""

    def __init__(self, items):
        by_first: dict[str, list] = {}
        for phrase, value in items:
            key = phrase_key(phrase)
            if key:
                by_first.setdefault(key[0], []).append((key, value))
        table: dict[str, list] = {}
        for first, entries in by_first.items():
            entries.sort(key=lambda kv: -len(kv[0]))
            table[first] = [(len(k), list(k[1:]), v) for k, v in entries]
        self._by_first = table
        self.firsts = frozenset(table)

    def match(self, low: list[str], i: int):
        """(end index, value) of the longest entry starting at token ``i``, or None."""
        if i >= len(low):
            return None
        entries = self._by_first.get(low[i])
        if entries is None:
            return None
        for n, rest, value in entries:
            if n == 1:
                return i + 1, value
            if low[i + 1:i + n] == rest:
                return i + n, value
        return None

    def matches(self, low: list[str], i: int):
        """Every (end index, value) of an entry starting at token ``i``, longest first."""
        if i >= len(low):
            return
        for n, rest, value in self._by_first.get(low[i], ()):
            if n == 1 or low[i + 1:i + n] == rest:
                yield i + n, value


@dataclass(frozen=True)
class Head:
    """One row of ``body_heads.tsv``: the head as matched, its canonical spelling, its body type
    (one of BODY_TYPES, "role" or "-"), its kind and scope."""

    head: str
    canonical: str
    body_type: str
    kind: HeadKind
    scope: Scope


def _parse(enum: type[Enum], value: str, what: str, head: str, source: str):
    try:
        return enum(value)
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        raise LexiconError(f"{source}: head {head!r}: bad {what} {value!r} (one of {allowed})") from None


def parse_heads(rows, source: str = "body_heads.tsv") -> tuple[Head, ...]:
    """Rows of the head table (dicts of HEAD_COLUMNS) as :class:`Head` records; an unknown kind,
    scope or body type raises :class:`LexiconError` naming the head."""
    heads = []
    for r in rows:
        kind = _parse(HeadKind, r["kind"], "kind", r["head"], source)
        scope = _parse(Scope, r["scope"], "scope", r["head"], source)
        if r["body_type"] not in BODY_TYPES and r["body_type"] not in _OTHER_TYPES:
            raise LexiconError(f"{source}: head {r['head']!r}: bad body_type {r['body_type']!r}")
        heads.append(Head(r["head"], r["canonical"], r["body_type"], kind, scope))
    return tuple(heads)


#: The roles of directive_cues.tsv (see the file's header); another raises LexiconError.
CUE_ROLES = frozenset((
    "introducer", "introducer_clause", "lead_marker", "support_marker", "object_verb", "speaker_verb",
    "subject_verb", "verb", "stop", "connector", "determiner", "intro_block", "domain_verb", "qualifier",
    "closing_verb", "topic", "adverbial", "domain_generic", "own_scope", "fronted", "role_noun", "duty_verb",
    "qualifier_open", "locative", "not_place", "activity_generic", "decision_verb",
    "compound", "branch", "time_adverbial"))


class Lexicon:
    """The phrase tables the scanner reads: ``heads`` (-> Head), ``levels`` (-> Scope),
    ``name_words``, ``generics`` (-> body type), ``cues`` by role, ``abbr`` and its pattern."""

    def __init__(self, head_rows=None):
        """``head_rows``: the rows of the head table (default: ``body_heads.tsv``)."""
        if head_rows is None:
            head_rows = load_table("body_heads.tsv", HEAD_COLUMNS)
        heads = parse_heads(head_rows)
        self.heads = Phrases((h.head, h) for h in heads if h.kind in HEAD_KINDS)
        self.levels = Phrases((h.head, h.scope) for h in heads if h.kind is HeadKind.LEVEL)
        self.name_words = Phrases((h.head, True) for h in heads if h.kind is HeadKind.NAME_WORD)
        self.head_by_canonical = {h.head: h for h in heads if h.kind in HEAD_KINDS}
        gen = load_table("generic_addressees.tsv", ("phrase", "body_type"))
        self.generics = Phrases((r["phrase"], r["body_type"]) for r in gen)
        cues = load_table("directive_cues.tsv", ("cue", "role"))
        by_role: dict[str, list[str]] = {}
        for r in cues:
            if r["role"] not in CUE_ROLES:
                raise LexiconError(f"directive_cues.tsv: cue {r['cue']!r}: bad role {r['role']!r}")
            by_role.setdefault(r["role"], []).append(r["cue"])
        self.cues = {role: Phrases((c, role) for c in words) for role, words in by_role.items()}
        self._firsts: dict[tuple[str, ...], frozenset[str]] = {}
        # tokens a body can start with (parse_unit / title_list find nothing elsewhere)
        self.body_firsts = self.heads.firsts | self.generics.firsts | self.cue_firsts("determiner") \
            | self.levels.firsts  # a place named as its governing body ("Tỉnh Quảng Nam")
        # tokens a verb-like cue can start with (TokenCursor.is_verb)
        self.verb_firsts = self.cue_firsts("verb", "subject_verb", "object_verb", "lead_marker", "support_marker")
        abbr = load_table("abbreviations.tsv", ("abbr", "expansion"))
        self.abbr = {r["abbr"]: r["expansion"] for r in abbr}
        alts = "|".join(regex.escape(a) for a in sorted(self.abbr, key=len, reverse=True))
        self.abbr_re = regex.compile(rf"(?<![\p{{L}}\p{{N}}&])(?:{alts})(?![\p{{L}}\p{{N}}&])")

    def cue(self, role: str, low: list[str], i: int):
        """(end, role) of the longest cue of ``role`` at token ``i``, or None."""
        table = self.cues.get(role)
        if table is None or i >= len(low) or low[i] not in table.firsts:  # the common miss, cheaply
            return None
        return table.match(low, i)

    def cue_firsts(self, *roles: str) -> frozenset[str]:
        """Tokens that start a cue of one of ``roles`` (a cheap pre-check before ``cue``)."""
        got = self._firsts.get(roles)
        if got is None:
            out: set[str] = set()
            for role in roles:
                table = self.cues.get(role)
                if table is not None:
                    out |= table.firsts
            got = self._firsts[roles] = frozenset(out)
        return got


@lru_cache(maxsize=1)
def lex() -> Lexicon:
    """The lexicon of the data files, loaded once."""
    return Lexicon()


@lru_cache(maxsize=1)
def level_of_word() -> dict[str, str]:
    """Level word -> the notice level it names (``levels.tsv``: "phường" -> "xã")."""
    return {r["word"]: r["level"] for r in load_table("levels.tsv", ("word", "level"))}


def place_key(name: str) -> str:
    """A province name as compared: hyphens and spacing dropped ("Bà Rịa - Vũng Tàu" = "Bà Rịa Vũng Tàu")."""
    return " ".join(name.replace("-", " ").split())


@lru_cache(maxsize=1)
def province_units() -> dict[str, str]:
    """Province name key (:func:`place_key`) -> the unit word that names it: "thành phố" for a
    centrally-governed city (``central_cities.txt``), else "tỉnh" (``provinces.txt``). A city
    that is no name of ``provinces.txt`` raises LexiconError."""
    units = {place_key(p): "tỉnh" for p in load_words("provinces.txt")}
    for city in load_words("central_cities.txt"):
        if place_key(city) not in units:
            raise LexiconError(f"central_cities.txt: {city!r} is not in provinces.txt")
        units[place_key(city)] = "thành phố"
    return units


# --- head words for regex pre-checks ----------------------------------------------------------


class OpenerUse(Enum):
    """Where a word of ``body_openers.tsv`` serves (its ``use`` column, space-separated)."""

    SUBJECT = "subject"  # a unit opens with a directive's subject (subject_start_pattern)
    CELL = "cell"  # a "," in a table cell of bodies splits before it (resolve.inherit)


@lru_cache(maxsize=4)
def opener_words(use: OpenerUse) -> tuple[str, ...]:
    """The words of ``body_openers.tsv`` for ``use``, as written (the cell split matches them
    with their capitals). Each must start a head of ``body_heads.tsv`` or a generic addressee
    (checked here: the openers are the lexicon's words, not a list of their own)."""
    rows = load_table("body_openers.tsv", ("opener", "use"))
    heads = [phrase_key(r["head"]) for r in load_table("body_heads.tsv", HEAD_COLUMNS)]
    heads += [phrase_key(r["phrase"]) for r in load_table("generic_addressees.tsv", ("phrase", "body_type"))]
    out = []
    for r in rows:
        uses = {_parse(OpenerUse, u, "use", r["opener"], "body_openers.tsv") for u in r["use"].split()}
        key = phrase_key(r["opener"])
        if not any(h[:len(key)] == key for h in heads):
            raise LexiconError(f"body_openers.tsv: {r['opener']!r} starts no head or generic addressee")
        if use in uses:
            out.append(r["opener"])
    return tuple(out)


@lru_cache(maxsize=1)
def subject_start_pattern() -> str:
    """``text.patterns.SUBJECT_START_TEMPLATE`` filled in with the subject openers: a unit that
    opens with a directive's subject (the segmenter's and the task decision's pre-check)."""
    words = {w.lower() for w in opener_words(OpenerUse.SUBJECT)}
    return P.SUBJECT_START_TEMPLATE.format(heads=P.word_set(words))
