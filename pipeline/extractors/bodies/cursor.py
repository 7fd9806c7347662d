"""The scanner's token cursor: one task's tokens and what can be asked of a token position.

In: one task's text. Out: a :class:`TokenCursor` over its tokens -- the tokens with their
offsets, their lexicon keys, which lie inside a parenthesis and where each "(" closes -- with the
tests the name readers ask at a position (a word, capitalised, an abbreviation, a verb, a stop
word, a head noun, the start of a body).
"""
from __future__ import annotations

from ...text import patterns as P
from .lexicon import LOW_CACHE, TOKEN, TOKEN_RE, Head, HeadKind, lex

__all__ = ["TokenCursor", "tokens"]

_BLOCK, _DOMAIN = HeadKind.BLOCK, HeadKind.DOMAIN


def tokens(text: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    """(token, start, end) of every token of ``text``, and each token's ``low`` form. Tokens
    are separated by white space only (every other character is part of one), so each starts
    at the first occurrence of its own text after the previous one: ``findall`` + ``str.find``
    is twice as fast as match objects."""
    words = (TOKEN_RE if P.latin_only(text) else TOKEN).findall(text)
    pos = 0
    find = text.find
    out = [(t, (a := find(t, pos)), (pos := a + len(t))) for t in words]
    return out, list(map(LOW_CACHE.__getitem__, words))


class TokenCursor:
    """Tokens of one text (``toks``: (token, start, end); ``low``: lexicon keys; ``n``), the
    parentheses (``in_paren`` per token, ``close_of`` "(" index -> ")" index), and the tests
    of one position against the token's shape and the lexicon."""

    def __init__(self, text: str):
        self.text = text
        self.lex = lex()
        self.toks, self.low = tokens(text)
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

    # --- token shape ---
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

    def brand(self, i: int) -> bool:
        """A name of capitals only that is not an abbreviation of the lexicon ("FPT", "VNPT")."""
        if not self.word(i) or self.low[i] in self.lex.abbr or self.toks[i][0].lower() in self.lex.abbr:
            return False
        t = self.toks[i][0]
        return len(t) >= 2 and t.isalpha() and t.isupper() and not self.starts_body(i)

    def lower_word(self, i: int) -> bool:
        return self.word(i) and not self.toks[i][0][0].isupper() and not self.toks[i][0][0].isdigit()

    def gap_has_newline(self, i: int) -> bool:
        """Whether token ``i`` starts a new line: a name never runs on over a line break (in PDF
        text the cleaner has joined wrapped lines already)."""
        if not self.multiline or i == 0 or i >= self.n:
            return False
        return "\n" in self.text[self.toks[i - 1][2]:self.toks[i][1]]

    def span_text(self, a: int, b: int) -> tuple[int, int, str]:
        """(start, end, text) of tokens [a, b)."""
        s, e = self.toks[a][1], self.toks[b - 1][2]
        return s, e, self.text[s:e]

    # --- cues ---
    def is_verb(self, i: int) -> bool:
        lex = self.lex
        if i >= self.n or self.low[i] not in lex.verb_firsts:  # the common miss, in one set lookup
            return False
        if self.in_compound(i):  # "bị" of "thiết bị"
            return False
        return bool(lex.cue("verb", self.low, i) or lex.cue("subject_verb", self.low, i)
                    or lex.cue("object_verb", self.low, i) or lex.cue("lead_marker", self.low, i)
                    or lex.cue("support_marker", self.low, i))

    def in_compound(self, i: int) -> bool:
        """Whether token ``i`` is a later syllable of a compound word ("bị" of "thiết bị", "trang thiết bị")."""
        low, firsts = self.low, self.lex.cue_firsts("compound")
        for j in (i - 1, i - 2):
            if j >= 0 and low[j] in firsts and (m := self.lex.cue("compound", low, j)) and m[0] > i:
                return True
        return False

    def is_stop(self, i: int) -> bool:
        return bool(self.lex.cue("stop", self.low, i))

    def verb_wins(self, j: int, nw_end: int) -> bool:
        """Whether a verb at ``j`` runs at least as far as the name word ending at ``nw_end``."""
        v = self.lex.cue("verb", self.low, j)
        return bool(v and v[0] >= nw_end)

    # --- body starts ---
    def head_at(self, i: int) -> tuple[int, Head] | None:
        """(end, head) of a head noun at ``i``; not a "block" word, not a longer verb."""
        m = self.lex.heads.match(self.low, i)
        if m is None:
            return None
        if m[1].kind is _BLOCK:
            return None
        v = self.lex.cue("verb", self.low, i)
        if v and v[0] > m[0]:
            return None
        return m

    def independent_head(self, i: int) -> bool:
        """A head that starts a body of its own inside a capitalised run (not "Phòng" of "Hải Phòng")."""
        m = self.head_at(i)
        return bool(m and m[1].kind is not _DOMAIN)

    def starts_body(self, i: int) -> bool:
        """Whether a body (a generic addressee or a head, after determiners) starts at ``i``."""
        k = self.skip_determiners(i)
        return bool(self.lex.generics.match(self.low, i) or self.lex.generics.match(self.low, k)
                    or self.head_at(k))

    def skip_determiners(self, i: int) -> int:
        while True:
            m = self.lex.cue("determiner", self.low, i)
            if not m:
                return i
            i = m[0]
