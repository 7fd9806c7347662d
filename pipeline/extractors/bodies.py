"""Responsible bodies of one task: who must do it (lead) and who works with them (support).

``find_responsible(text)`` reads one task's own text (cleaned: NFC, modern tones) and returns
the subjects of its directive as :class:`BodyMention` (offsets relative to ``text``):

- a body at a clause start ("UBND huyện xây dựng ...", "Các thành viên Ban Chỉ đạo huyện ..."),
- a body after a subject-introducer ("Đề nghị X ...", "giao X chủ trì ...", "Đối với X ..."),
- a body after a purpose clause and a comma, followed by a subject verb ("Để ..., X cần ..."),
- support bodies after "phối hợp với", "cùng với", ... and in "X chủ trì, Y phối hợp".

Coordinated subjects ("Chi bộ, Ban XDCS và thực hiện QCDC các thôn") are several
bodies, a shared level suffix distributes over the conjuncts, and coordinated generic addressees
("các cấp, các ngành, doanh nghiệp") are one body. Objects ("chỉ đạo Công an huyện"), report
recipients, issuers inside references and parenthetical glosses are never subjects, because
subjects are only looked for at the positions above.

A body name is read by a small scanner over tokens, driven by the lexicons in ``pipeline/data``
(``body_heads.tsv``, ``generic_addressees.tsv``, ``directive_cues.tsv``, ``abbreviations.tsv``).
Where no rule decides where a name ends (an unknown lowercase word after a domain), underthesea's
POS tagger is asked -- lazily, cached, and a bounded number of times per call.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import patterns as P
from ..text.lexicon import load_table, load_word_set

__all__ = ["BodyMention", "BODY_TYPES", "find_responsible", "canonical_name", "body_type_of"]

BODY_TYPES = ("party", "state", "front", "security", "steering", "enterprise", "generic", "other")

_TOKEN = regex.compile(P.BODY_TOKEN)
_TOKEN_RE = re.compile(P.BODY_TOKEN_RE)  # the same tokens, faster, on Latin-script text
_PAREN = regex.compile(P.BODY_PAREN_GLOSS)
_OLD_TONE = regex.compile(P.BODY_OLD_TONE)
_DASH = regex.compile(P.BODY_DASH)
_SPACE_PUNCT = regex.compile(P.BODY_SPACE_BEFORE_PUNCT)
_SPACES = regex.compile(P.BODY_SPACES)
_DASH_CHARS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_MAX_CONDITION = 5  # words of a generic's condition ("các xã chưa có dịch")
_MAX_PERSON = 4  # syllables of a person's name ("Lò Văn Tuân", "Nguyễn Thị Minh Khai")
_MAX_POS_CALLS = 24  # underthesea calls allowed per find_responsible call
_LOOKAHEAD = 8  # tokens a complement may run past a verb to reach its level word
_MAX_NAME = 30  # tokens of one body name (bounds the work per position: linear time overall)
_MAX_CONJUNCTS = 24  # bodies in one coordination
_MAX_LIST = 12  # localities in one level list ("các tỉnh, thành phố: A, B, ...")
_MAX_TITLES = 3  # titles stacked before one body ("Phó Trưởng ban ...": bounds recursion)


@dataclass(frozen=True, slots=True)
class BodyMention:
    """One responsible body: canonical ``name``, ``role`` lead|support, the mention as written."""

    name: str
    role: str  # "lead" | "support"
    text: str
    start: int
    end: int
    body_type: str


# --- lexicons ---------------------------------------------------------------------------------


def _low_uncached(tok: str) -> str:
    tok = tok.lower()
    if tok in _DASH_CHARS:
        return "-"
    return _modern_tones(tok) if _OLD_TONE.search(tok) else tok


class _LowCache(dict):
    """token -> _low(token), filled on first use; cleared when full (bounded memory)."""

    def __missing__(self, tok: str) -> str:
        if len(self) >= _LOW_CACHE_MAX:
            self.clear()
        got = self[tok] = _low_uncached(tok)
        return got


_LOW_CACHE_MAX = 200_000  # distinct tokens kept
_LOW_CACHE = _LowCache()


def _low(tok: str) -> str:
    """Lower case, dashes unified, modern tones: the form lexicon keys are written in (cached)."""
    return _LOW_CACHE[tok]


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(_low(m.group()) for m in _TOKEN.finditer(unicodedata.normalize("NFC", phrase)))


class _Phrases:
    """Longest-match lookup of token sequences (lower case) -> value.

    Entries are grouped by their first token; each group is a list of (length, rest of the key
    as a list, value), longest first, so that a lookup is one dict access and, for the few
    tokens that start an entry, a slice comparison per entry."""

    def __init__(self, items):
        by_first: dict[str, list] = {}
        for phrase, value in items:
            key = _phrase_key(phrase)
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
class _Head:
    head: str
    canonical: str
    body_type: str
    kind: str
    scope: str


class _Lexicon:
    def __init__(self):
        heads = [_Head(r["head"], r["canonical"], r["body_type"], r["kind"], r["scope"])
                 for r in load_table("body_heads.tsv", ("head", "canonical", "body_type", "kind", "scope"))]
        body_kinds = ("complete", "org", "complement", "part", "domain", "role", "role_alone", "block")
        self.heads = _Phrases((h.head, h) for h in heads if h.kind in body_kinds)
        self.levels = _Phrases((h.head, h.scope) for h in heads if h.kind == "level")
        self.name_words = _Phrases((h.head, True) for h in heads if h.kind == "name_word")
        self.head_by_canonical = {h.head: h for h in heads if h.kind in body_kinds}
        gen = load_table("generic_addressees.tsv", ("phrase", "body_type"))
        self.generics = _Phrases((r["phrase"], r["body_type"]) for r in gen)
        cues = load_table("directive_cues.tsv", ("cue", "role"))
        by_role: dict[str, list[str]] = {}
        for r in cues:
            by_role.setdefault(r["role"], []).append(r["cue"])
        self.cues = {role: _Phrases((c, role) for c in words) for role, words in by_role.items()}
        self._firsts: dict[tuple[str, ...], frozenset[str]] = {}
        # tokens a body can start with (parse_unit / _title_list find nothing elsewhere)
        self.body_firsts = self.heads.firsts | self.generics.firsts | self.cue_firsts("determiner")
        # tokens a verb-like cue can start with (Scanner.is_verb)
        self.verb_firsts = self.cue_firsts("verb", "subject_verb", "object_verb", "lead_marker", "support_marker")
        abbr = load_table("abbreviations.tsv", ("abbr", "expansion"))
        self.abbr = {r["abbr"]: r["expansion"] for r in abbr}
        alts = "|".join(regex.escape(a) for a in sorted(self.abbr, key=len, reverse=True))
        self.abbr_re = regex.compile(rf"(?<![\p{{L}}\p{{N}}&])(?:{alts})(?![\p{{L}}\p{{N}}&])")

    def cue(self, role: str, low: list[str], i: int):
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
def _lex() -> _Lexicon:
    return _Lexicon()


# --- canonical names --------------------------------------------------------------------------


def _modern_tones(s: str) -> str:
    """"Uỷ ban" -> "Ủy ban", "hoà" -> "hòa": move the tone mark onto the first vowel."""

    def fix(m: regex.Match) -> str:
        first, toned = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        parts = unicodedata.normalize("NFD", toned)
        base, marks = parts[0], parts[1:]
        return unicodedata.normalize("NFC", first + marks) + base

    return _OLD_TONE.sub(fix, s)


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
# completed with the notice's level gets the full name (see _mentions)
_UNIONS = regex.compile(r"^(?:(?i:các)\s+)?(?i:đoàn thể)(?=\s|$)")


def _expand_abbreviations(s: str) -> str:
    lex = _lex()
    s = _MTTQ_COMMITTEE.sub("Ủy ban Mặt trận Tổ quốc Việt Nam", s)
    # a bare "MTTQ" names the Front's committee ("MTTQ tỉnh" -> "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")
    s = _MTTQ_BARE.sub("Ủy ban Mặt trận Tổ quốc Việt Nam", s)
    s = lex.abbr_re.sub(lambda m: lex.abbr[m.group()], s)
    s = _FRONT_BARE.sub("Mặt trận Tổ quốc Việt Nam", s)
    return _FRONT_NO_VN.sub("Mặt trận Tổ quốc Việt Nam", s)


def _case_heads(s: str) -> str:
    """Canonical casing of the head at the start and of a body after a role or "của"."""
    lex = _lex()
    toks = list(_TOKEN.finditer(s))
    low = [_low(t.group()) for t in toks]
    out, pos, i = [], 0, 0
    expect_head = True
    while i < len(toks):
        m = lex.heads.match(low, i) if expect_head else None
        if m and m[1].kind in ("role", "role_alone") and not lex.heads.match(low, m[0]):
            # "Trưởng Ban Chỉ đạo": the shorter title that leaves a body after it
            m = next((x for x in lex.heads.matches(low, i)
                      if x[1].kind in ("role", "role_alone") and lex.heads.match(low, x[0])), m)
        expect_head = False
        if m and m[1].kind != "block":
            end, head = m
            start_c, end_c = toks[i].start(), toks[end - 1].end()
            written = s[start_c:end_c]
            canon = head.canonical if _phrase_key(head.canonical) == _phrase_key(written) else written
            out.append(s[pos:start_c])
            out.append(canon)
            pos = end_c
            expect_head = head.kind in ("role", "role_alone")
            i = end
            continue
        if low[i] == "của":
            expect_head = True
        i += 1
    out.append(s[pos:])
    return "".join(out)


def _is_generic_start(s: str) -> bool:
    low = [_low(m.group()) for m in _TOKEN.finditer(s)]
    return bool(low) and _lex().generics.match(low, 0) is not None


@lru_cache(maxsize=8192)
def canonical_name(text: str) -> str:
    """The canonical name of a body mention (SPEC "Bodies"): NFC, modern tones, glosses and a
    leading "các đồng chí"/"đồng chí"/"các"/"từng" dropped (generic addressees keep their "Các"),
    abbreviations expanded, head casing normalised, first letter upper case."""
    s = unicodedata.normalize("NFC", text or "")
    s = _modern_tones(s)
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
    s = _expand_abbreviations(s)
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
    lex = _lex()
    s = _expand_abbreviations(_modern_tones(unicodedata.normalize("NFC", name or "")))
    low = [_low(m.group()) for m in _TOKEN.finditer(s)]
    if lex.generics.match(low, 0) and not lex.heads.match(low, 0):
        return "generic"
    i = 0
    while lex.cue("determiner", low, i):
        i = lex.cue("determiner", low, i)[0]
    g = lex.generics.match(low, i)
    h = lex.heads.match(low, i)
    if g and (not h or g[0] > h[0]):
        return "generic"
    while h and h[1].kind in ("role", "role_alone"):
        nxt = lex.heads.match(low, h[0])
        if not nxt or nxt[1].kind == "block":
            g = lex.generics.match(low, h[0])
            return "generic" if g else "other"
        h = nxt
    if not h or h[1].kind == "block":
        return "other"
    typ = h[1].body_type if h[1].body_type in BODY_TYPES else "other"
    if typ == "other" and "của" in low[h[0]:]:
        k = low.index("của", h[0]) + 1
        owner = lex.heads.match(low, k)
        if owner and owner[1].body_type in BODY_TYPES:
            return owner[1].body_type
    return typ


# --- the scanner ------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One body found in the token stream: tokens [start, end), its level suffix if any."""

    start: int
    end: int
    head: _Head | None
    generic: bool = False
    has_level: bool = False
    level: tuple[int, int] | None = None  # tokens of a trailing level phrase
    name_override: str | None = None  # a body named in a parenthesis ("cơ quan thường trực (X)")
    text_span: tuple[int, int] | None = None  # tokens of the mention when not [start, end)
    role: bool = False  # led by a title ("Giám đốc các sở"): never merged into a generic list


_PARTY_COMMITTEE = {"huyện", "tỉnh", "thành", "quận", "thị", "đảng"}
_ROMAN = regex.compile(r"[IVXLC]+|\d+[A-Za-z]?")
_NOMINAL_TAGS = ("N", "Np", "Nc", "Nu", "Ny", "Nb")


@lru_cache(maxsize=512)
def _pos_words(s: str) -> tuple[tuple[str, str], ...]:
    try:
        from underthesea import pos_tag  # lazily: only where no rule decides
    except Exception:  # pragma: no cover - underthesea is a dependency
        return ()
    try:
        return tuple((w, t) for w, t in pos_tag(s))
    except Exception:  # pragma: no cover
        return ()


def _tokens(text: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    """(token, start, end) of every token of ``text``, and each token's ``_low`` form. Tokens
    are separated by white space only (every other character is part of one), so each starts
    at the first occurrence of its own text after the previous one: ``findall`` + ``str.find``
    is twice as fast as match objects."""
    words = (_TOKEN_RE if P.latin_only(text) else _TOKEN).findall(text)
    pos = 0
    find = text.find
    out = [(t, (a := find(t, pos)), (pos := a + len(t))) for t in words]
    return out, list(map(_LOW_CACHE.__getitem__, words))


class _Scanner:
    def __init__(self, text: str):
        self.text = text
        self.lex = _lex()
        self.toks, self.low = _tokens(text)
        self.n = len(self.toks)
        self.pos_calls = 0
        self.role_depth = 0
        self.close_of: dict[int, int] = {}
        self.multiline = "\n" in text  # else no gap between tokens holds a line break
        if "(" not in text:  # no parenthesis opens: no token is inside one
            self.in_paren = [False] * self.n
            return
        depth = 0
        self.in_paren = []
        stack: list[int] = []
        for k, (t, _, _) in enumerate(self.toks):
            if t == "(":
                stack.append(k)
                depth += 1
                self.in_paren.append(True)
                continue
            if t == ")" and depth:
                depth -= 1
                self.close_of[stack.pop()] = k
                self.in_paren.append(True)
                continue
            self.in_paren.append(depth > 0)

    # --- token tests ---
    def word(self, i: int) -> bool:
        return i < self.n and self.toks[i][0][0].isalnum()

    def cap(self, i: int) -> bool:
        return self.word(i) and self.toks[i][0][0].isupper()

    def abbr(self, i: int) -> bool:
        if not self.word(i):
            return False
        t = self.toks[i][0]
        if t.isupper():  # else some letter is lower case (or none is cased): not all capitals
            letters = [c for c in t if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                return True
        return t in self.lex.abbr

    def lower_word(self, i: int) -> bool:
        return self.word(i) and not self.toks[i][0][0].isupper() and not self.toks[i][0][0].isdigit()

    def gap_has_newline(self, i: int) -> bool:
        """Whether token ``i`` starts a new line: a name never runs on over a line break (in PDF
        text the cleaner has joined wrapped lines already)."""
        if not self.multiline or i == 0 or i >= self.n:
            return False
        return "\n" in self.text[self.toks[i - 1][2]:self.toks[i][1]]

    def is_verb(self, i: int) -> bool:
        lex = self.lex
        if i >= self.n or self.low[i] not in lex.verb_firsts:  # the common miss, in one set lookup
            return False
        return bool(lex.cue("verb", self.low, i) or lex.cue("subject_verb", self.low, i)
                    or lex.cue("object_verb", self.low, i) or lex.cue("lead_marker", self.low, i)
                    or lex.cue("support_marker", self.low, i))

    def is_stop(self, i: int) -> bool:
        return bool(self.lex.cue("stop", self.low, i))

    # --- levels ---
    def level_end(self, i: int) -> int | None:
        """End of a level phrase at ``i`` ("huyện", "các xã, thị trấn", "từ huyện đến cơ sở",
        "tỉnh Quảng Ninh", "các tỉnh, thành phố: Quảng Ninh, Hải Phòng"), or None."""
        low, lex = self.low, self.lex
        if i >= self.n or self.in_paren[i]:
            return None
        m = lex.levels.match(low, i)
        if m and m[1] == "phrase":
            end = m[0]
            if low[end - 1] == "cấp" and end < self.n and low[end] == "ủy":
                return None
            return end
        k = i
        plural = low[k] == "các"
        if plural:
            k += 1
        m = self._unit(k)
        if m is None:
            return None
        end = m
        for _ in range(_MAX_LIST):
            if not (end + 1 < self.n and low[end] in (",", "và")):
                break
            nxt = self._unit(end + 1)
            if nxt is None:
                break
            end = nxt
        if end + 1 < self.n and low[end] == "trực" and low[end + 1] == "thuộc":
            end += 2
            for cand in (("trung", "ương"), ("thành", "phố"), ("tỉnh",), ("huyện",)):
                if tuple(low[end:end + len(cand)]) == cand:
                    end += len(cand)
                    break
        if end < self.n and _ROMAN.fullmatch(self.toks[end][0]):
            return end + 1
        if plural and end + 1 < self.n and low[end] == "vùng" and self.cap(end + 1):
            return self._plain_name(end + 1)  # "các tỉnh vùng Tây Nguyên"
        if plural and end + 1 < self.n and low[end] == ":" and self.cap(end + 1):
            return self._name_list(end + 1)
        if plural and self.cap(end) and not self._starts_body(end) and not self.is_verb(end):
            return self._name_list(end)
        if not plural:
            # "tỉnh Nghệ An, Hà Tĩnh": a singular level may name several units too
            named = self._proper_run(end)
            if named == end:  # no name after the level ("Công an xã và Tổ bảo vệ rừng")
                return end
            end = named
            for _ in range(_MAX_LIST):
                nxt = end + 1
                if not (nxt < self.n and low[end] in (",", "và") and self.cap(nxt) and not self._starts_body(nxt)
                        and lex.levels.match(low, nxt) is None and not self.is_verb(nxt)):
                    break
                after = self._proper_run(nxt)
                if after == nxt:
                    break
                end = after
            return end
        return end

    def _unit(self, k: int) -> int | None:
        m = self.lex.levels.match(self.low, k)
        if not m or m[1] != "unit":
            return None
        end = m[0]
        if end < self.n and self.low[end] in ("hội", "ủy", "đoàn"):  # "xã hội", "Huyện ủy", "Huyện đoàn"
            return None
        return end

    def _proper_run(self, k: int) -> int:
        """Extend over a capitalised proper name ("Quảng Ninh", "Bà Rịa - Vũng Tàu")."""
        end = k
        while self.cap(end) and end < k + 8 and not self._independent_head(end) and not self.gap_has_newline(end):
            end += 1
            if end + 1 < self.n and self.low[end] == "-" and self.cap(end + 1):
                end += 1
        return end

    def _name_list(self, k: int) -> int:
        end = self._proper_run(k)
        for _ in range(_MAX_LIST * 4):
            if not (end + 1 < self.n and self.low[end] in (",", "và") and self.cap(end + 1)):
                break
            nxt = self._proper_run(end + 1)
            if nxt == end + 1:
                break
            end = nxt
        return end

    # --- body starts ---
    def _head_at(self, i: int):
        m = self.lex.heads.match(self.low, i)
        if m is None:
            return None
        if m[1].kind == "block":
            return None
        v = self.lex.cue("verb", self.low, i)
        if v and v[0] > m[0]:
            return None
        return m

    def _independent_head(self, i: int) -> bool:
        """A head that starts a body of its own inside a capitalised run (not "Phòng" of "Hải Phòng")."""
        m = self._head_at(i)
        return bool(m and m[1].kind not in ("domain",))

    def _starts_body(self, i: int) -> bool:
        k = self.skip_determiners(i)
        return bool(self.lex.generics.match(self.low, i) or self.lex.generics.match(self.low, k)
                    or self._head_at(k))

    def skip_determiners(self, i: int) -> int:
        while True:
            m = self.lex.cue("determiner", self.low, i)
            if not m:
                return i
            i = m[0]

    # --- one body ---
    def parse_unit(self, i: int) -> _Unit | None:
        if i >= self.n or self.in_paren[i]:
            return None
        lex, low = self.lex, self.low
        k = self.skip_determiners(i)
        g_i = lex.generics.match(low, i)
        g = g_i or (lex.generics.match(low, k) if k != i else None)
        h = self._head_at(k)
        g_start = i if g_i else k
        dg = lex.cue("domain_generic", low, g_start) if g else None
        if dg and dg[0] == g[0] and self.lower_word(g[0]):
            d_end = self._lower_domain(g[0])
            if d_end > g[0]:  # "các sở giáo dục và đào tạo", "ngành y tế"
                return self._generic(g_start, d_end)
        if g and (not h or g[0] > h[0] or (g[0] == h[0] and g_start < k)):
            return self._generic(g_start, g[0])
        if not h:
            return self._person_then_title(i, k)
        end, head = h
        if head.head == "lãnh đạo" and not (k > 0 and low[k - 1] == "chí"):
            return None  # a verb, unless it names persons ("các đồng chí lãnh đạo Ban ...")
        if head.kind in ("role", "role_alone"):
            if self.role_depth >= _MAX_TITLES:
                return None
            self.role_depth += 1
            try:
                return self._titled(k, end, head)
            finally:
                self.role_depth -= 1
        return self._scan(k, end, head)

    def _person_then_title(self, i: int, k: int) -> _Unit | None:
        """A person named before the title ("đồng chí Lò Văn Tuân, Phó Chủ tịch UBND xã"): the
        title's body, named as when the name follows it ("Phó Chủ tịch Ủy ban nhân dân xã Lò Văn
        Tuân"). Only after "đồng chí"/"đ/c", with a family name first and two to four syllables."""
        if k == i or self.low[k - 1] not in ("chí", "c") or not self.cap(k) or self.toks[k][0] not in load_word_set("surnames.txt"):
            return None
        j = k + 1
        while j < self.n and j < k + _MAX_PERSON and self.cap(j) and not self._starts_body(j):
            j += 1
        if j == k + 1 or j + 1 >= self.n or self.low[j] != ",":
            return None
        h = self._head_at(j + 1)
        if h is None or h[1].kind not in ("role", "role_alone"):
            return None
        title = self.parse_unit(j + 1)
        if title is None or not title.role:
            return None
        person = self.span_text(k, j)[2]
        written = self.span_text(j + 1, title.end)[2]
        return _Unit(k, title.end, title.head, title.generic, title.has_level, title.level,
                     name_override=canonical_name(f"{written} {person}"), role=True)

    def _titled(self, k: int, end: int, head: _Head) -> _Unit | None:
        """A title and the body it heads ("Chủ tịch UBND tỉnh", "Trưởng các ấp")."""
        lex, low = self.lex, self.low
        body = self.parse_unit(end)
        if body is None:  # a shorter title may leave a body after it ("Trưởng" + "Ban Chỉ đạo ...")
            for end2, head2 in lex.heads.matches(low, k):
                if end2 < end and head2.kind in ("role", "role_alone"):
                    body = self.parse_unit(end2)
                    if body is not None:
                        end, head = end2, head2
                        break
        if body is not None and body.generic and body.start == end:
            lvl = self.level_end(end)
            if lvl is not None and lvl > body.end:  # "Trưởng các bản Nà Ban, Nà Tiến": the units named
                return _Unit(k, lvl, None, True, True, (end, lvl), role=True)
        if body is not None:
            unit = _Unit(k, body.end, body.head, body.generic, body.has_level, body.level, role=True)
            if head.head.startswith("cơ quan") and body.end < self.n and low[body.end] == "(":
                inner = self._paren_body(body.end)
                if inner is not None:
                    return inner
            return unit
        if head.head.startswith("cơ quan") and end < self.n and low[end] == "(":
            inner = self._paren_body(end)  # "Cơ quan thường trực (Sở Y tế)": the body named inside
            if inner is not None:
                return inner
        lvl = self.level_end(end)
        if lvl is not None:  # "Trưởng các ấp", "Chủ tịch xã"
            return _Unit(k, lvl, None, True, True, (end, lvl), role=True)
        if head.kind == "role_alone":
            return _Unit(k, end, head)
        return None

    def _paren_body(self, open_i: int) -> _Unit | None:
        close = self.close_of.get(open_i)
        if close is None:
            return None
        saved = self.in_paren
        self.in_paren = [False] * self.n
        try:
            inner = self.parse_unit(open_i + 1)
        finally:
            self.in_paren = saved
        if inner is None or inner.end != close:
            return None
        return inner

    def _generic(self, start: int, end: int) -> _Unit:
        end0 = end
        end = self._suffix(end)
        if end == end0:
            end = self._condition(end)
        lvl = self.level_end(end)
        unit = _Unit(start, end, None, generic=True, has_level="trực" in self.low[end0:end])
        if lvl is None and end + 1 < self.n and self.low[end] == "của" and self._unit(end + 1) == end + 2:
            lvl = end + 2  # "các cơ quan báo chí của tỉnh"
        if lvl:
            unit.end, unit.has_level, unit.level = lvl, True, (end, lvl)
        return unit

    def _suffix(self, end: int) -> int:
        """A qualifier that stays in the name: "có liên quan", "trực thuộc (Trung ương)",
        "được giao chủ trì" ("các đơn vị được giao chủ trì")."""
        low = self.low
        if tuple(low[end:end + 3]) == ("có", "liên", "quan"):
            return end + 3
        if tuple(low[end:end + 2]) == ("liên", "quan"):
            return end + 2
        if tuple(low[end:end + 2]) == ("trực", "thuộc"):
            return self._subordinate_to(end + 2)
        m = self.lex.cue("qualifier", low, end)
        if m:
            return m[0]
        return end

    def _condition(self, end: int) -> int:
        """A condition that picks some of a generic's members, up to a comma: "(Đối với) các xã
        chưa có dịch, ..." -> "Các xã chưa có dịch"."""
        low = self.low
        k = end + (1 if end < self.n and low[end] in ("chưa", "đã", "không") else 0)
        if k >= self.n or low[k] != "có" or self.lex.cue("subject_verb", low, k):
            return end  # "các xã có trách nhiệm ...": the predicate
        j = k + 1
        while j < self.n and j <= k + _MAX_CONDITION and self.lower_word(j):
            if self.is_verb(j):
                return end
            j += 1
        return j if j > k + 1 and j < self.n and low[j] == "," else end

    def _subordinate_to(self, k: int) -> int:
        """After "trực thuộc": the superior it names, if any ("Trung ương", "Huyện ủy", "tỉnh")."""
        low = self.low
        if k + 1 < self.n and low[k] in _PARTY_COMMITTEE and low[k + 1] == "ủy":
            return k + 2
        for cand in (("trung", "ương"), ("thành", "phố"), ("tỉnh",), ("huyện",)):
            if tuple(low[k:k + len(cand)]) == cand:
                return k + len(cand)
        return k

    def _committee_list(self, k: int) -> int | None:
        """End of "Huyện ủy, Thành ủy" / "Huyện ủy Tiên Yên, Ba Chẽ" from token ``k``, or None."""
        low = self.low
        if not (k + 1 < self.n and low[k] in _PARTY_COMMITTEE and low[k] != "đảng" and low[k + 1] == "ủy"):
            return None
        end = k + 2
        for _ in range(_MAX_LIST):
            if end + 2 < self.n and low[end] in (",", "và") and low[end + 1] in _PARTY_COMMITTEE \
                    and low[end + 2] == "ủy":
                end += 3
                continue
            break
        if self.cap(end) and not self._starts_body(end) and not self.is_verb(end):
            end = self._name_list(end)
        if tuple(low[end:end + 2]) == ("trực", "thuộc"):
            end = self._subordinate_to(end + 2)
        return end

    def _scan(self, start: int, head_end: int, head: _Head) -> _Unit | None:
        """Read the rest of a body name after its head."""
        low, lex = self.low, self.lex
        kind = head.kind
        j = head_end
        seen_domain = False
        has_level = head.scope == "fixed" and kind in ("complete", "org")
        last_cap = -1
        level: tuple[int, int] | None = None
        if kind == "org" and (self.cap(j) or self.abbr(j)):
            owner = self._owner(j)
            if owner is not None:
                return _Unit(start, owner.end, head, False, owner.has_level, owner.level)
        while j < self.n and not self.in_paren[j] and j < start + _MAX_NAME:
            if self._own_scope(j):  # "Thanh tra Bộ", "Văn phòng Sở": complete, placed by its owner
                return _Unit(start, j + 1, head, False, True, None)
            # "Ban Thường vụ các Huyện ủy A, B", "Ban Dân vận các huyện ủy, thành ủy"
            if low[j] == "các" and j + 1 < self.n:
                cl = self._committee_list(j + 1)
                if cl is not None:
                    return _Unit(start, cl, head, False, True, None)
            # a qualified name with a comma inside ("Khám, chữa bệnh", "Thi đua, khen thưởng")
            if (seen_domain or kind in ("domain", "complement", "part")) and self.cap(j):
                nw = lex.name_words.match(low, j)
                if nw and nw[0] > j + 1:
                    j = nw[0]
                    seen_domain = True
                    continue
            # party committees ("Huyện ủy") complete a name and place it
            if low[j] in _PARTY_COMMITTEE and j + 1 < self.n and low[j + 1] == "ủy":
                j += 2
                if low[j - 2] != "đảng":
                    has_level = True
                    seen_domain = True
                    level = (j - 2, j)  # shared by the conjuncts before it ("Ban Tuyên giáo và UBKT Huyện ủy")
                    break
                seen_domain = True
                continue
            lvl = self.level_end(j)
            if lvl is not None and not (self.cap(j) and kind in ("domain", "complement") and not seen_domain
                                        and low[j] not in ("trung",)):
                level = (j, lvl)
                has_level = True
                j = lvl
                break
            if self.gap_has_newline(j):
                break  # the name ended with its line
            if self.cap(j) or self.abbr(j) or (self.word(j) and self.toks[j][0][0].isdigit() and (
                    seen_domain or (j == head_end and kind in ("complement", "part", "domain")))):
                if self.cap(j) and (self.is_verb(j) and not seen_domain and kind != "domain"):
                    break
                if kind in ("complete", "org", "role", "role_alone") and self._starts_body(j) and not self.abbr(j):
                    # "Ban Dân vận Huyện ủy" is handled above; a new head here starts another body
                    if not (lex.heads.match(low, j) and lex.heads.match(low, j)[1].kind == "complete"
                            and lex.heads.match(low, j)[1].scope == "fixed"):
                        break
                seen_domain = True
                last_cap = j
                j += 1
                # the lowercase rest of a capitalised word ("Tài chính", "Cựu chiến binh")
                if self.lower_word(j) and not self._ends_name(j):
                    nw = lex.name_words.match(low, j)
                    j = nw[0] if nw else j + 1
                continue
            t = low[j]
            if t in ("và", "-", ",", "&") and j + 1 < self.n:
                nxt = j + 1
                if ((t == "-" or kind in ("domain", "complement", "part")) and seen_domain
                        or t == "-" and kind == "domain" and j == head_end) and \
                        (self.cap(nxt) or self.abbr(nxt)) and not self._starts_body(nxt):
                    j = nxt
                    continue
                if t == "và" and kind in ("domain", "complement") and seen_domain:
                    v = lex.cue("domain_verb", low, nxt)
                    if v and (self.abbr(v[0]) or self.cap(v[0]) or lex.name_words.match(low, v[0])):
                        j = v[0]
                        continue
                if t == "-" and lex.name_words.match(low, nxt):
                    j = lex.name_words.match(low, nxt)[0]
                    continue
                break
            if not self.lower_word(j):
                break
            if t == "của" and kind == "part":
                owner = self.parse_unit(j + 1)
                if owner is not None and not owner.generic:
                    return _Unit(start, owner.end, head, False, owner.has_level, owner.level)
                break
            nw = lex.name_words.match(low, j)
            if nw and (kind in ("complement", "part") or seen_domain) and not (
                    kind == "complement" and not seen_domain and self._verb_wins(j, nw[0])):
                seen_domain = True
                j = nw[0]
                continue
            if nw and kind == "domain" and not seen_domain:
                # a lowercase domain that leads to a proper name or a level: "Hợp tác xã dịch vụ
                # nông nghiệp Nghi Phong" (a domain head is no body before it: "Hợp tác xã thực hiện")
                k = nw[0]
                while k < self.n and (nxt_w := lex.name_words.match(low, k)):
                    k = nxt_w[0]
                if k < self.n and not self.in_paren[k] and (
                        (self.cap(k) and not self.is_verb(k) and not self._starts_body(k))
                        or self.level_end(k) is not None):
                    seen_domain = True
                    j = k
                    continue
            if self.is_verb(j):
                dv = lex.cue("domain_verb", low, j)
                if dv and kind == "complement" and (j == head_end or low[j - 1] == "và"):
                    after = dv[0]
                    if self.abbr(after) or self.cap(after) or lex.name_words.match(low, after):
                        seen_domain = True
                        j = after
                        continue
                if kind == "complement":
                    ext = self._lookahead_level(j)
                    if ext is not None:
                        level, j, has_level = ext, ext[1], True
                break
            if self.is_stop(j) or self.lex.cue("determiner", low, j):
                break
            if kind in ("complete", "org", "role", "role_alone") or (kind == "domain" and not seen_domain):
                break
            n_syll = self._nominal_here(j, last_cap)
            if not n_syll:
                break
            seen_domain = True
            j += n_syll
        if kind == "domain" and not seen_domain and not has_level:
            return None
        end = self._suffix(j) if level is None else j
        if "trực" in low[j:end]:
            has_level = True
        return _Unit(start, end, head, False, has_level, level)

    def _own_scope(self, j: int) -> bool:
        """A capitalised "Bộ"/"Sở" closing a unit's name: "of the Ministry/Department" (own scope),
        not the head of another body ("Thanh tra Bộ Y tế" names one after it)."""
        m = self.lex.cue("own_scope", self.low, j)
        if not m or not self.cap(j):
            return False
        nxt = m[0]
        return not (self.cap(nxt) or self.abbr(nxt)) or self.gap_has_newline(nxt)

    def _owner(self, j: int) -> _Unit | None:
        """The body an organisation belongs to, named right after it ("Đảng ủy Công an tỉnh",
        "Đảng đoàn Ủy ban MTTQ tỉnh", "Đảng ủy Quốc hội"): a level is then its own."""
        h = self._head_at(j)
        if not h or h[1].kind not in ("complete", "org", "domain", "complement"):
            return None
        if h[1].kind == "org" and h[0] < self.n and self._head_at(h[0]) and \
                self._head_at(h[0])[1].kind == "org":
            return None  # at most one organisation nested in another (bounded work)
        owner = self.parse_unit(j)
        if owner is None:
            return None
        central = owner.head is not None and owner.head.scope in ("central", "fixed")
        return _Unit(j, owner.end, owner.head, False, owner.has_level or central, owner.level)

    def _lower_domain(self, k: int) -> int:
        """End of a lower-case domain noun phrase from ``k`` up to the verb ("giáo dục và đào tạo
        chỉ đạo"): known name words or words the tagger reads as nouns, joined by "và"."""
        low = self.low
        start = k
        while k < self.n and k < start + _MAX_NAME and not self.in_paren[k]:
            if low[k] == "và" and k > start:
                if not self.lower_word(k + 1) or self._ends_name(k + 1) or self._suffix(k + 1) > k + 1:
                    break
                nxt = self._domain_word(k + 1, start - 1)
                if not nxt:
                    break
                k = nxt
                continue
            if not self.lower_word(k) or self._ends_name(k) or self._suffix(k) > k:
                break
            nxt = self._domain_word(k, start - 1)
            if not nxt:
                break
            k = nxt
        return k

    def _domain_word(self, k: int, head: int) -> int:
        """End of one domain word at ``k`` (a name word or a noun by the tagger), or 0."""
        nw = self.lex.name_words.match(self.low, k)
        if nw:
            return nw[0]
        n = self._nominal_here(k, head)
        return k + n if n else 0

    def _verb_wins(self, j: int, nw_end: int) -> bool:
        v = self.lex.cue("verb", self.low, j)
        return bool(v and v[0] >= nw_end)

    def _ends_name(self, j: int) -> bool:
        low = self.low
        if self.is_verb(j) or self.is_stop(j):
            return True
        if self.level_end(j) is not None or self.lex.cue("determiner", low, j):
            return True
        return low[j] in ("và", ",", "ủy")

    def _lookahead_level(self, j: int) -> tuple[int, int] | None:
        """A complement that runs past a verb to a level word followed by the predicate
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương ...")."""
        low, lex = self.low, self.lex
        for k in range(j, min(self.n, j + _LOOKAHEAD)):
            if not self.word(k) or self.in_paren[k]:
                return None
            if k > j and (lex.cue("subject_verb", low, k) or lex.cue("object_verb", low, k)
                          or lex.cue("support_marker", low, k) or self.is_stop(k)):
                return None
            if k == j and (lex.cue("object_verb", low, k) or lex.cue("subject_verb", low, k)):
                return None
            lvl = self.level_end(k) if k > j else None
            if lvl is not None:
                if lvl < self.n and self.is_verb(lvl):
                    return (k, lvl)
                return None
        return None

    def _nominal_here(self, j: int, last_cap: int) -> int:
        """How many syllables from token ``j`` continue the name, by underthesea's tagging."""
        if self.pos_calls >= _MAX_POS_CALLS:
            return 0
        self.pos_calls += 1
        base = self.toks[last_cap][1] if last_cap >= 0 else self.toks[j][1]
        stop = self.toks[j][2]
        k = j
        while k < self.n and k < j + 12 and self.word(k):
            stop = self.toks[k][2]
            k += 1
        s = self.text[base:stop]
        target = self.toks[j][1] - base
        pos = 0
        for word, tag in _pos_words(s):
            at = s.find(word, pos)
            if at < 0:
                return 0
            w_end = at + len(word)
            pos = w_end
            if w_end <= target:
                continue
            if at < target or tag in _NOMINAL_TAGS:
                n = 0
                while j + n < self.n and self.toks[j + n][2] - base <= w_end:
                    n += 1
                return n
            return 0
        return 0

    # --- coordinated bodies ---
    def parse_chain(self, i: int) -> tuple[list[_Unit], int]:
        """Bodies coordinated by "," / "và" from token ``i``; the end token of the chain."""
        if i >= self.n or self.low[i] not in self.lex.body_firsts:
            return [], i  # no determiner, head or generic addressee starts here: no body
        titled = self._title_list(i)
        if titled:
            return titled, titled[-1].end
        first = self.parse_unit(i)
        if first is None:
            return [], i
        units = [first]
        j = first.end
        while j < self.n and len(units) < _MAX_CONJUNCTS:
            k = j
            if self.low[k] == ")" and self.in_paren[k]:  # a body named inside "(...)": the clause goes on after
                k += 1
                j = k
                if k >= self.n:
                    break
            if self.low[k] == "(" and k in self.close_of:  # a gloss after a body
                k = self.close_of[k] + 1
            conn = k
            if conn < self.n and self.low[conn] in (",", ";"):  # ";" right after a body: a list of bodies
                conn += 1
                if conn < self.n and self.low[conn] == "và":
                    conn += 1
            elif conn < self.n and self.low[conn] == "và":
                conn += 1
            else:
                j = k
                break
            parsed = self.parse_unit(conn)
            nxt = self._sibling(units[-1], conn, parsed)
            if nxt is None:
                j = k
                break
            units.append(nxt)
            j = nxt.end
        return self._merge_generics(units), j

    def _sibling(self, prev: _Unit, conn: int, nxt: _Unit | None) -> _Unit | None:
        """"Ban nhân dân ấp A và ấp B", "Ủy ban nhân dân tỉnh A, tỉnh B": a conjunct that is only
        another place of the same level (a generic "ấp B", or no body at all: "tỉnh B") names
        the same kind of body there. ``nxt``: the conjunct parsed as a body, if it is one."""
        if (nxt is not None and not nxt.generic) or prev.generic or prev.level is None or prev.level[1] != prev.end:
            return nxt
        unit_end = self._unit(conn)
        lvl = self.level_end(conn)
        if unit_end is None or lvl is None or lvl <= unit_end or not self.cap(unit_end):
            return nxt
        head_text = self.text[self.toks[prev.start][1]:self.toks[prev.level[0]][1]]
        name = canonical_name(head_text + self.span_text(conn, lvl)[2])
        return _Unit(conn, lvl, prev.head, False, True, (conn, lvl), name_override=name)

    def _title_list(self, i: int) -> list[_Unit]:
        """"Bộ trưởng các Bộ: Y tế, Công an" -> one body per name ("Bộ trưởng Bộ Y tế", ...); the
        same without a title ("Các Sở: Tài chính, Nội vụ" -> "Sở Tài chính", "Sở Nội vụ")."""
        low, lex = self.low, self.lex
        k = self.skip_determiners(i)
        r = lex.heads.match(low, k)
        if r and r[1].kind == "domain" and k > i and low[k - 1] == "các":
            d = r  # no title: "Các Sở: Tài chính, Nội vụ" -> "Sở Tài chính", "Sở Nội vụ"
            prefix = self.span_text(k, d[0])[2]
        else:
            if not r or r[1].kind not in ("role", "role_alone") or r[0] >= self.n or low[r[0]] != "các":
                return []
            d = lex.heads.match(low, r[0] + 1)
            if not d or d[1].kind != "domain":
                return []
            prefix = self.span_text(k, r[0])[2] + " " + self.span_text(r[0] + 1, d[0])[2]
        if d[0] + 1 >= self.n or low[d[0]] != ":" or not self.cap(d[0] + 1):
            return []
        out: list[_Unit] = []
        a = d[0] + 1
        for _ in range(_MAX_LIST):
            b = self._plain_name(a)
            if b == a:
                break
            name = canonical_name(prefix + " " + self.span_text(a, b)[2])
            out.append(_Unit(k if not out else a, b, d[1], False, True, None, name_override=name))
            if not (b + 1 < self.n and low[b] == "," and self.cap(b + 1)):
                break
            a = b + 1
        return out

    def _plain_name(self, k: int) -> int:
        """End of a capitalised name from ``k`` ("Giáo dục và Đào tạo", "Công Thương")."""
        lex, low = self.lex, self.low
        start = k
        while k < self.n and k < start + _MAX_NAME:
            nw = lex.name_words.match(low, k)
            if self.cap(k) and nw and nw[0] > k + 1:
                k = nw[0]
            elif self.cap(k):
                k += 1
                if self.lower_word(k) and not self._ends_name(k):
                    k += 1
            elif low[k] in ("và", "-", "&") and k + 1 < self.n and self.cap(k + 1) and k > start:
                k += 1
            else:
                break
        return k

    def _merge_generics(self, units: list[_Unit]) -> list[_Unit]:
        out: list[_Unit] = []
        for u in units:
            if out and u.generic and out[-1].generic and not out[-1].has_level and not u.role:
                prev = out[-1]  # "các cấp, các ngành"; "Thủ trưởng các cơ quan, đơn vị"
                out[-1] = _Unit(prev.start, u.end, None, True, u.has_level, u.level, role=prev.role)
                continue
            out.append(u)
        return out

    def span_text(self, a: int, b: int) -> tuple[int, int, str]:
        s, e = self.toks[a][1], self.toks[b - 1][2]
        return s, e, self.text[s:e]


# --- subject positions ------------------------------------------------------------------------


_CLAUSE_PUNCT = frozenset((".", "!", "?", ";", "…", ":"))


def _clause_starts(sc: _Scanner) -> list[int]:
    """Tokens that open a clause: the first, one after a line break, one after end punctuation
    and a space (capitalised unless after ";"), a capitalised one after ":"."""
    n = sc.n
    if not n:
        return []
    toks, text, in_paren = sc.toks, sc.text, sc.in_paren
    # candidates: after a punctuation token or a line break (every other token is no start)
    cands = {0}
    cands.update(k + 1 for k, t in enumerate(sc.low) if t in _CLAUSE_PUNCT)
    if "\n" in text:
        tok_starts = [t[1] for t in toks]
        p = text.find("\n")
        while p >= 0:
            cands.add(bisect.bisect_left(tok_starts, p))
            p = text.find("\n", p + 1)
    starts = []
    for i in sorted(cands):
        if i >= n or in_paren[i]:
            continue
        if i == 0:
            starts.append(i)
            continue
        prev, _, prev_end = toks[i - 1]
        tok, tok_start, _ = toks[i]
        first = tok[0]
        if tok_start > prev_end:  # spaced
            if "\n" in text[prev_end:tok_start]:
                starts.append(i)
                continue
            if prev in (".", "!", "?", ";", "…"):
                if first.isalnum() and (prev == ";" or first.isupper()):
                    starts.append(i)
                continue
        if prev == ":" and first.isalnum() and first.isupper():
            starts.append(i)
    return starts


def _skip_connectors(sc: _Scanner, i: int) -> int:
    while True:
        m = sc.lex.cue("connector", sc.low, i)
        if not m:
            return i
        j = m[0]
        if j < sc.n and sc.low[j] == ",":
            j += 1
        elif sc.lex.cue("introducer_clause", sc.low, j) or sc.lex.cue("introducer", sc.low, j):
            pass
        elif m[1] and sc.low[i] != "riêng":
            return i
        i = j


def _introducer_at(sc: _Scanner, i: int, clause_start: bool) -> int | None:
    """End of a subject-introducer at ``i`` ("Đề nghị", "giao", "Đối với" at a clause start)."""
    lex, low = sc.lex, sc.low
    m = lex.cue("introducer", low, i)
    if m:
        if i > 0 and not clause_start:
            p = i - 1
            b = lex.cue("intro_block", low, p)
            if b and b[0] == i:
                return None
            b = lex.cue("intro_block", low, p - 1) if p > 0 else None
            if b and b[0] == i:
                return None
        return m[0]
    m = lex.cue("introducer_clause", low, i)
    if m and (clause_start or (i > 0 and low[i - 1] == ",")):
        return m[0]
    return None


def _followed_by(sc: _Scanner, j: int, role: str) -> bool:
    if j < sc.n and sc.low[j] == "(" and j in sc.close_of:
        j = sc.close_of[j] + 1
    return bool(j < sc.n and sc.lex.cue(role, sc.low, j))


def _after_gloss(sc: _Scanner, j: int) -> int:
    if j < sc.n and sc.low[j] == "(" and j in sc.close_of:
        return sc.close_of[j] + 1
    return j


def _clause_end(sc: _Scanner, i: int) -> int:
    j = i
    while j < sc.n:
        if sc.toks[j][0] in (".", "!", "?", ";") and (j + 1 >= sc.n or sc.toks[j + 1][1] > sc.toks[j][2]):
            return j
        j += 1
    return j


def _find_units(sc: _Scanner) -> list[tuple[str, list[_Unit]]]:
    lex, low = sc.lex, sc.low
    found: list[tuple[str, list[_Unit]]] = []
    used_intro: set[int] = set()
    starts = _clause_starts(sc)
    start_set = set(starts)
    lead_clauses: set[int] = set()
    subject_ends: set[int] = set()  # where a clause-start subject ends: "X yêu cầu Y" -> Y is an object
    for c in starts:
        i = _skip_connectors(sc, c)
        intro = _introducer_at(sc, i, True)
        if intro is not None:
            used_intro.add(i)
            units, end = sc.parse_chain(intro)
            if len(units) > 1 and end < sc.n and _introducer_at(sc, end, False) is not None and _can_speak(units[-1]):
                units = units[:-1]  # "Đối với X, Phó Chủ tịch UBND tỉnh đề nghị ...": the speaker, no conjunct
            if units:
                found.append(("lead", units))
                lead_clauses.add(c)
            continue
        units, end = sc.parse_chain(i)
        if not units:
            continue
        end = _after_gloss(sc, end)
        if _followed_by(sc, end, "closing_verb"):
            continue  # "Văn phòng ... thông báo để ... biết": the notice's closing formula
        if _followed_by(sc, end, "speaker_verb") and not _followed_by(sc, end, "subject_verb") \
                and _can_speak(units[0]):
            continue  # "đồng chí Chủ tịch yêu cầu ...": the speaker
        if end >= sc.n or (c == 0 and end + 1 == sc.n and sc.low[end] in (".", ":")):
            if c == 0 and i == 0:  # the whole text is a body ("1. Sở Nội vụ" over its sub-items)
                found.append(("lead", units))
                lead_clauses.add(c)
            continue
        nxt = sc.low[end]
        ok = sc.word(end) or (nxt == "," and end + 1 < sc.n and sc.is_verb(end + 1))
        if c == 0 and nxt == ":":
            ok = True
        if ok and (sc.is_verb(end) or not sc.is_stop(end) or lex.cue("adverbial", low, end)):
            found.append(("lead", units))
            lead_clauses.add(c)
            subject_ends.add(end)
    # the tokens each search below starts from, found in one pass (a cheap pre-check)
    intro_firsts = lex.cue_firsts("introducer", "introducer_clause")
    support_firsts = lex.cue_firsts("support_marker")
    intro_at: list[int] = []
    comma_at: list[int] = []
    support_at: list[int] = []
    for k, t in enumerate(low):
        if t == ",":
            comma_at.append(k)
        if t in intro_firsts:
            intro_at.append(k)
        if t in support_firsts:
            support_at.append(k)
    # subject-introducers inside a clause ("đồng chí yêu cầu ban soạn thảo ...")
    for i in intro_at:
        if i in used_intro or sc.in_paren[i] or i in start_set or i in subject_ends:
            continue
        intro = _introducer_at(sc, i, False)
        if intro is None:
            continue
        units, _ = sc.parse_chain(intro)
        if units:
            found.append(("lead", units))
            lead_clauses.add(_clause_of(starts, i))
    # "Để ..., X cần ...": a body after a comma, followed by a subject verb; "X chủ trì, Y phối hợp"
    by_end: dict[int, list[int]] = {}
    covered_to, covered_end = -1, -1
    for i in comma_at:
        if sc.in_paren[i]:
            continue
        if i < covered_to:  # inside a chain already read: its suffix ends where the chain ends
            by_end[covered_end].append(i)
            continue
        units, end = sc.parse_chain(i + 1)
        if units:
            by_end.setdefault(end, []).append(i)
            covered_to, covered_end = end, end
    obj_verbs: list[int] | None = None  # positions of object verbs (sorted), computed on demand
    for end, commas in by_end.items():
        end2 = _after_gloss(sc, end)
        if end2 < sc.n and low[end2] == "phối" and not _followed_by(sc, end2, "support_marker"):
            found.append(("support", sc.parse_chain(commas[-1] + 1)[0]))
            continue
        if not _followed_by(sc, end, "subject_verb") or _followed_by(sc, end, "object_verb"):
            continue
        c0 = commas[0]
        clause = _clause_of(starts, c0)
        if clause in lead_clauses:
            continue
        if obj_verbs is None:
            obj_firsts = lex.cue_firsts("object_verb")
            obj_verbs = [k for k, t in enumerate(low) if t in obj_firsts and lex.cue("object_verb", low, k)]
        if bisect.bisect_left(obj_verbs, c0) > bisect.bisect_left(obj_verbs, clause):
            continue  # an object verb between the clause start and the list: an object
        # the earliest comma opens the list unless a body ends right before it ("của X, Y, Z cần"):
        # then only the last conjunct is sure to be the subject
        ambiguous = _body_ends_at(sc, c0) or "của" in low[max(clause, c0 - 8):c0]
        first = commas[-1] if ambiguous else c0
        found.append(("lead", sc.parse_chain(first + 1)[0]))
    # support markers anywhere: "phối hợp với X", "cùng với X"
    for i in support_at:
        if sc.in_paren[i]:
            continue
        m = lex.cue("support_marker", low, i)
        if not m:
            continue
        units, _ = sc.parse_chain(m[0])
        if not units:
            brand = _brand_at(sc, m[0])
            units = [brand] if brand is not None else []
        if units:
            found.append(("support", units))
    topics = _topic_spans(sc, starts)
    if topics:
        found = [(r, [u for u in us if not _inside(topics, u.start)]) for r, us in found]
    return [(r, us) for r, us in found if us]


def _can_speak(u: _Unit) -> bool:
    """Whether a body before "yêu cầu"/"đề nghị" can be the notice's speaker (a person, a leading
    committee, a generic addressee) rather than an agency that must itself ask a third party
    ("Ban Quản lý dự án yêu cầu nhà thầu ..." -> the Ban is responsible)."""
    if u.role or u.head is None or u.head.body_type == "steering":  # "Ban Chỉ đạo yêu cầu ..."
        return True
    return u.head.kind in ("complete", "org", "role", "role_alone") and u.head.body_type in (
        "party", "state", "role")


def _topic_spans(sc: _Scanner, starts: list[int]) -> list[tuple[int, int]]:
    """"Về đề nghị của UBND xã A ...: Giao ...": the request up to its ":" names no responsible body."""
    spans = []
    for c in starts:
        m = sc.lex.cue("topic", sc.low, c)
        if not m:
            continue
        end = _clause_end(sc, c)
        for k in range(m[0], end):
            if sc.low[k] == ":" and not sc.in_paren[k]:
                spans.append((c, k))
                break
    return spans


def _inside(spans: list[tuple[int, int]], k: int) -> bool:
    return any(a <= k < b for a, b in spans)


def _body_ends_at(sc: _Scanner, c: int) -> bool:
    for k in range(max(0, c - 8), c):
        u = sc.parse_unit(k)
        if u is not None and u.end == c:
            return True
    return False


def _clause_of(starts: list[int], i: int) -> int:
    k = bisect.bisect_right(starts, i) - 1
    return starts[k] if k >= 0 else 0


def _bare_level(sc: _Scanner, level: tuple[int, int]) -> bool:
    """A level phrase of level words only ("xã", "các xã, thị trấn"), without a place name."""
    k, b = level
    while k < b:
        m = sc.lex.levels.match(sc.low, k)
        if m:
            k = m[0]
        elif sc.cap(k) or sc.abbr(k):
            return False
        else:
            k += 1
    return True


def _is_unions(u: _Unit) -> bool:
    return u.head is not None and u.head.head == "đoàn thể"


def _brand_at(sc: _Scanner, k: int) -> _Unit | None:
    """A partner named by its brand, a word that is no Vietnamese syllable ("phối hợp với
    Viettel Đắk Lắk", "VNPT Gia Lai"), with the place after it: a body with no head noun."""
    from ..ingest.encodings import is_vietnamese_syllable

    if k >= sc.n or sc.in_paren[k] or not sc.cap(k):
        return None
    word = sc.toks[k][0]
    if len(word) < 3 or not word.isalpha() or is_vietnamese_syllable(word):
        return None
    end = sc._proper_run(k)
    return _Unit(k, max(end, k + 1), None, False, True, None)


def _ends_with_name(sc: _Scanner, u: _Unit) -> bool:
    """Whether a body's name ends with a proper name after its head ("Báo Cao Bằng", "Trường Tiểu
    học Kim Đồng"), not with its own words ("Sở Công Thương") or an abbreviation ("Văn phòng HĐND")."""
    last = u.end - 1
    if u.head is None or u.generic or last <= u.start or not sc.cap(last) or sc.abbr(last):
        return False
    head_len = len(_phrase_key(u.head.head))
    return last >= u.start + head_len + 1 and sc.cap(last - 1) and not sc.lex.name_words.match(sc.low, last - 1)


def _mentions(sc: _Scanner, role: str, units: list[_Unit], default_level: str | None) -> list[BodyMention]:
    """Canonical names of coordinated bodies. A level written after the last conjunct distributes
    back onto the others ("Chi bộ, Ban XDCS các thôn"); a bare level of an earlier conjunct carries
    forward ("Ủy ban MTTQ phường và các đoàn thể" -> "Các đoàn thể phường"); only a body with
    neither takes the notice's level ``default_level``. A title's level stays with its body."""
    shared = None
    last = units[-1]
    if last.level is not None and last.level[1] == last.end and not last.role:
        shared = sc.span_text(*last.level)[2]
    carried = None
    out = []
    for u in units:
        s, e, written = sc.span_text(u.start, u.end)
        name = u.name_override or canonical_name(written)
        scope = u.head.scope if u.head else "any"
        if u.level is not None and u.start > 0 and sc.low[u.start - 1] == "các" and \
                sc.low[u.level[0]] != "các" and not u.role and not _is_unions(u) and \
                sc._unit(u.level[0]) is not None and \
                not _is_own_level(sc.span_text(*u.level)[2], default_level):
            # "Các chi bộ xóm" -> "Chi bộ các xóm": the plural belongs to the level
            head_text = sc.text[sc.toks[u.start][1]:sc.toks[u.level[0]][1]]
            name = canonical_name(head_text + "các " + sc.span_text(*u.level)[2])
        elif u.name_override or u.has_level or _ends_with_name(sc, u):
            pass  # "Báo Cao Bằng": a proper name places the body; no level is added to it
        elif shared and u is not last and not u.generic and scope in ("local", "any"):
            name = canonical_name(written + " " + shared)
        elif carried and not u.generic and scope == "local":
            name = canonical_name(written + " " + carried)
        elif default_level and not u.generic and scope == "local":
            if _is_unions(u) and u.end - u.start == 2:  # a bare "các đoàn thể": their full name
                written_full = written + " chính trị - xã hội"
                name = canonical_name(written_full + " " + default_level)
            else:
                name = canonical_name(written + " " + default_level)
        if u.level is not None and u.level[1] == u.end and _bare_level(sc, u.level) and not u.role:
            carried = sc.span_text(*u.level)[2]
        out.append(BodyMention(name, role, written, s, e, body_type_of(name) if not u.generic else "generic"))
    return out


@lru_cache(maxsize=1)
def _level_of_word() -> dict[str, str]:
    return {r["word"]: r["level"] for r in load_table("levels.tsv", ("word", "level"))}


def _is_own_level(written: str, level: str | None) -> bool:
    """Whether a level phrase ("xã", "phường") is the notice's own level ("xã"): "các tổ chức
    chính trị - xã hội xã" are several bodies of the one commune, not one body in each of many."""
    return level is not None and _level_of_word().get(" ".join(_phrase_key(written))) == level


@lru_cache(maxsize=64)  # a notice's units share its level; the levels are a handful of words
def _local_level(level: str | None) -> str | None:
    """The notice's level when it is a local unit ("xã", "huyện", "tỉnh"); None for a central
    notice ("trung ương"): central bodies are named without a level suffix."""
    if not level:
        return None
    low = list(_phrase_key(level))
    m = _lex().levels.match(low, 0)
    return level if m and m[0] == len(low) and m[1] == "unit" else None


def find_responsible(text: str, default_level: str | None = None) -> list[BodyMention]:
    """Responsible bodies of one task's own text: leads first, then supports, document order.

    ``default_level`` ("huyện", "tỉnh", ...), when given, is appended to local bodies that name
    no level ("MTTQ" in a district notice -> "Ủy ban Mặt trận Tổ quốc Việt Nam huyện").
    """
    if not text or not text.strip():
        return []
    default_level = _local_level(default_level)
    sc = _Scanner(text)
    leads: list[BodyMention] = []
    supports: list[BodyMention] = []
    distributive: set[int] = set()
    for role, units in _find_units(sc):
        mentions = _mentions(sc, role, units, default_level)
        for u, m in zip(units, mentions, strict=True):
            if u.start > 0 and sc.low[u.start - 1] in ("mỗi", "từng"):
                distributive.add(m.start)
        (leads if role == "lead" else supports).extend(mentions)
    if any(m.start not in distributive for m in leads):  # "X ...; mỗi chi bộ đăng ký ..." restates X
        leads = [m for m in leads if m.start not in distributive]
    seen: set[str] = set()
    out: list[BodyMention] = []
    for m in sorted(leads, key=lambda m: m.start) + sorted(supports, key=lambda m: m.start):
        key = m.name.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out
