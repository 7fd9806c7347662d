"""The rest of a body's name after its head noun: domains, proper names, levels, qualifiers.

In: a :class:`~.places.PlaceReader` position just after a head (:class:`~.lexicon.Head`). Out: a
:class:`Unit` -- the body's tokens, its head, its level phrase -- or None where the head makes no
body ("Sở" with nothing after it). Where no rule decides where a name ends (an unknown lower-case
word after a domain), underthesea's POS tagger is asked (:func:`pos_words`): lazily, cached, and
a bounded number of times per scanner.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Head, HeadKind, Scope
from .places import MAX_NAME, PARTY_COMMITTEE
from .qualifiers import QualifierReader

__all__ = ["NameReader", "Unit", "pos_words"]

_MAX_POS_CALLS = 24  # underthesea calls allowed per scanner (per find_responsible call)
_NOMINAL_TAGS = ("N", "Np", "Nc", "Nu", "Ny", "Nb")

_COMPLETE, _ORG, _COMPLEMENT, _PART, _DOMAIN, _LEVELLED = (
    HeadKind.COMPLETE, HeadKind.ORG, HeadKind.COMPLEMENT, HeadKind.PART, HeadKind.DOMAIN, HeadKind.LEVELLED)
#: a name complete as it stands: a new head after it starts another body
_WHOLE = (HeadKind.COMPLETE, HeadKind.ORG, HeadKind.ROLE, HeadKind.ROLE_ALONE)
#: a name that goes on after its head (a domain, a complement, a sub-unit's owner)
_OPEN = (HeadKind.DOMAIN, HeadKind.COMPLEMENT, HeadKind.PART)
_NAMED = (HeadKind.DOMAIN, HeadKind.COMPLEMENT)  # a capitalised word after the head is its domain
_CONTINUED = (HeadKind.COMPLEMENT, HeadKind.PART)  # a lower-case name word after the head continues it
_OWNERS = (HeadKind.COMPLETE, HeadKind.ORG, HeadKind.DOMAIN, HeadKind.COMPLEMENT)
_PLACED = (HeadKind.COMPLETE, HeadKind.ORG)  # placed by a fixed scope ("Huyện ủy")
_FIXED = Scope.FIXED
_CENTRAL_OR_FIXED = (Scope.CENTRAL, Scope.FIXED)

_package = sys.modules[__package__]  # the tagger is looked up there: tests stub bodies._pos_words


@dataclass
class Unit:
    """One body found in the token stream: tokens [start, end), its level suffix if any."""

    start: int
    end: int
    head: Head | None
    generic: bool = False
    has_level: bool = False
    level: tuple[int, int] | None = None  # tokens of a trailing level phrase
    name_override: str | None = None  # a body named in a parenthesis ("cơ quan thường trực (X)")
    text_span: tuple[int, int] | None = None  # tokens of the mention when not [start, end)
    role: bool = False  # led by a title ("Giám đốc các sở"): never merged into a generic list
    place: bool = False  # a place named as its governing body ("Tỉnh Sơn La"), no head noun
    qualified: bool = False  # a generic with its own domain or place ("các doanh nghiệp viễn thông")


@lru_cache(maxsize=512)
def pos_words(s: str) -> tuple[tuple[str, str], ...]:
    """(word, tag) of underthesea's POS tagging of ``s`` (empty if it fails)."""
    try:
        from underthesea import pos_tag  # lazily: only where no rule decides
    except Exception:  # pragma: no cover - underthesea is a dependency
        return ()
    try:
        return tuple((w, t) for w, t in pos_tag(s))
    except Exception:  # pragma: no cover
        return ()


class NameReader(QualifierReader):
    """Reads a body's name on from its head (:meth:`read_name`), its owner ("Đảng ủy Công an
    tỉnh"), the qualifier or condition that stays in a generic's name, and asks the tagger
    how far an unknown word continues a name."""

    def read_name(self, start: int, head_end: int, head: Head) -> Unit | None:
        """Read the rest of a body name after its head."""
        low, lex = self.low, self.lex
        kind = head.kind
        j = head_end
        seen_domain = False
        has_level = head.scope is _FIXED and kind in _PLACED
        last_cap = -1
        level: tuple[int, int] | None = None
        if kind is _LEVELLED:  # "Thuế tỉnh Đắk Lắk": the level is the name; "thuế" alone is no body
            lvl = self.level_end(j) if j < self.n and not self.in_paren[j] else None
            return None if lvl is None else Unit(start, lvl, head, False, True, (j, lvl))
        if kind is _ORG and (self.cap(j) or self.abbr(j)):
            owner = self.owner(j)
            if owner is not None:
                return Unit(start, owner.end, head, False, owner.has_level, owner.level)
        while j < self.n and not self.in_paren[j] and j < start + MAX_NAME:
            if self.own_scope(j):  # "Thanh tra Bộ", "Văn phòng Sở": complete, placed by its owner
                return Unit(start, j + 1, head, False, True, None)
            # "Ban Thường vụ các Huyện ủy A, B", "Ban Dân vận các huyện ủy, thành ủy"
            if low[j] == "các" and j + 1 < self.n:
                cl = self.committee_list(j + 1)
                if cl is not None:
                    return Unit(start, cl, head, False, True, None)
            # "Ban Quản lý các khu công nghệ cao và khu công nghiệp": what a complement head manages
            if low[j] == "các" and kind is _COMPLEMENT and j == head_end and self.level_end(j) is None:
                obj = self.plural_object(j + 1)
                if obj > j + 1:
                    j, seen_domain = obj, True
                    continue
            # a qualified name with a comma inside ("Khám, chữa bệnh", "Thi đua, khen thưởng")
            if (seen_domain or kind in _OPEN) and self.cap(j):
                nw = lex.name_words.match(low, j)
                if nw and nw[0] > j + 1:
                    j = nw[0]
                    seen_domain = True
                    continue
            # party committees ("Huyện ủy") complete a name and place it
            if low[j] in PARTY_COMMITTEE and j + 1 < self.n and low[j + 1] == "ủy":
                j += 2
                if low[j - 2] != "đảng":
                    has_level = True
                    seen_domain = True
                    level = (j - 2, j)  # shared by the conjuncts before it ("Ban Tuyên giáo và UBKT Huyện ủy")
                    break
                seen_domain = True
                continue
            br = lex.cue("branch", low, j) if kind in _WHOLE or seen_domain else None
            if br and br[0] < self.n and not self.in_paren[br[0]] and (
                    self.level_end(br[0]) is not None or self.cap(br[0])):
                j = br[0]  # "Ngân hàng Nhà nước chi nhánh tỉnh Lâm Đồng": the branch and its place
                seen_domain = True
                continue
            if self.number_at(j):
                j += 2  # an ordinal names the unit ("Tổ bầu cử số 3", "Trường Tiểu học số 1")
                seen_domain = has_level = True
                continue
            lvl = self.level_end(j)
            if lvl is not None and not (self.cap(j) and kind in _NAMED and not seen_domain
                                        and low[j] not in ("trung",)):
                level = (j, lvl)
                has_level = True
                j = lvl
                break
            if self.gap_has_newline(j):
                break  # the name ended with its line
            if self.cap(j) or self.abbr(j) or (self.word(j) and self.toks[j][0][0].isdigit() and (
                    seen_domain or (j == head_end and kind in _OPEN))):
                if self.cap(j) and (self.is_verb(j) and not seen_domain and kind not in _NAMED):
                    break  # a capitalised domain names a complement head's body ("Lực lượng Quản lý thị trường")
                if kind is _DOMAIN and seen_domain and self.next_domain_body(j):
                    break  # "Sở Khoa học và Công nghệ Sở Công Thương": two bodies, the comma left out
                if kind in _WHOLE and self.starts_body(j) and not self.abbr(j):
                    # "Ban Dân vận Huyện ủy" is handled above; a new head here starts another body
                    if not (lex.heads.match(low, j) and lex.heads.match(low, j)[1].kind is _COMPLETE
                            and lex.heads.match(low, j)[1].scope is _FIXED):
                        break
                seen_domain = True
                last_cap = j
                j += 1
                # the lowercase rest of a capitalised word ("Tài chính", "Cựu chiến binh")
                if self.lower_word(j) and not self.ends_name(j):
                    nw = lex.name_words.match(low, j)
                    j = nw[0] if nw else j + 1
                continue
            t = low[j]
            if t in ("và", "-", ",", "&") and j + 1 < self.n:
                nxt = j + 1
                if t == "," and kind is _DOMAIN and self.brand(j - 1) and self.brand(nxt):
                    break  # "Tập đoàn FPT, CMC": two bodies (the scanner's sibling)
                if ((t == "-" or kind in _OPEN) and seen_domain
                        or t == "-" and kind is _DOMAIN and j == head_end) and \
                        (self.cap(nxt) or self.abbr(nxt)) and not self.starts_body(nxt):
                    j = nxt
                    continue
                if t == "và" and kind in _NAMED and seen_domain:
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
            if t == "của" and kind is _PART:
                owner = self.parse_unit(j + 1)
                if owner is not None and not owner.generic:
                    return Unit(start, owner.end, head, False, owner.has_level, owner.level)
                break
            # what a board works for or against runs on to its level, inner commas and all ("Ban Chỉ
            # đạo phòng, chống tham nhũng, tiêu cực tỉnh ...": a fixed phrase, no list of bodies)
            if kind is _COMPLEMENT and (j == head_end or low[j - 1] == "và") and lex.cue("domain_verb", low, j):
                ext = self.lookahead_level(j, commas=True)
                if ext is not None:
                    level, j, has_level = ext, ext[1], True
                    break
            nw = lex.name_words.match(low, j)
            if nw and (kind in _CONTINUED or seen_domain) and not (
                    kind is _COMPLEMENT and not seen_domain and self.verb_wins(j, nw[0])):
                seen_domain = True
                j = nw[0]
                continue
            if nw and kind is _DOMAIN and not seen_domain:
                # a lowercase domain that leads to a proper name or a level: "Hợp tác xã dịch vụ
                # nông nghiệp Nghi Phong" (a domain head is no body before it: "Hợp tác xã thực hiện")
                k = nw[0]
                while k < self.n and (nxt_w := lex.name_words.match(low, k)):
                    k = nxt_w[0]
                if k < self.n and not self.in_paren[k] and (
                        (self.cap(k) and not self.is_verb(k) and not self.starts_body(k))
                        or self.level_end(k) is not None):
                    seen_domain = True
                    j = k
                    continue
            if self.is_verb(j):
                dv = lex.cue("domain_verb", low, j)
                if dv and kind is _COMPLEMENT and (j == head_end or low[j - 1] == "và"):
                    after = dv[0]
                    if self.abbr(after) or self.cap(after) or lex.name_words.match(low, after):
                        seen_domain = True
                        j = after
                        continue
                if kind is _COMPLEMENT:
                    ext = self.lookahead_level(j)
                    if ext is not None:
                        level, j, has_level = ext, ext[1], True
                break
            if self.is_stop(j) or self.lex.cue("determiner", low, j):
                break
            if kind in _WHOLE or (kind is _DOMAIN and not seen_domain):
                break
            n_syll = self.nominal_here(j, last_cap)
            if not n_syll:
                break
            seen_domain = True
            j += n_syll
        if kind is _DOMAIN and not seen_domain and not has_level:
            return None
        end = self.suffix(j) if level is None else j
        if "trực" in low[j:end]:
            has_level = True
        return Unit(start, end, head, False, has_level, level)

    def plural_object(self, k: int) -> int:
        """End of the plural object of a complement head after its "các" ("các khu công nghệ cao
        và khu công nghiệp", "các chương trình mục tiêu quốc gia"): nouns up to a verb, a level, a
        stop word or a new body; a "và"/"," goes on only to the same first noun again."""
        low = self.low
        first = low[k] if k < self.n else ""
        j = k
        while j < self.n and j < k + MAX_NAME and self.word(j) and not self.in_paren[j]:
            if j > k and low[j] in ("và", ",") and j + 1 < self.n and low[j + 1] == first:
                j += 2
                continue
            nw = self.lex.name_words.match(low, j)
            if nw:
                j = nw[0]
                continue
            if (self.is_verb(j) or self.is_stop(j) or self.lex.cue("determiner", low, j)
                    or self.level_end(j) is not None or self.gap_has_newline(j) or low[j] == "và"
                    or (j > k and self.starts_body(j))):
                break
            j += 1
        return j if j > k else k

    def next_domain_body(self, j: int) -> bool:
        """Whether a domain head with its capitalised domain starts at ``j`` right after a body of a
        domain head ("Sở Tài chính Sở Xây dựng", a comma left out in a flattened cell): another body."""
        h = self.head_at(j)
        return h is not None and h[1].kind is _DOMAIN and h[0] < self.n and self.cap(h[0]) \
            and not self.gap_has_newline(j)

    def own_scope(self, j: int) -> bool:
        """A capitalised "Bộ"/"Sở" closing a unit's name: "of the Ministry/Department" (own scope),
        not the head of another body ("Thanh tra Bộ Y tế" names one after it)."""
        m = self.lex.cue("own_scope", self.low, j)
        if not m or not self.cap(j):
            return False
        nxt = m[0]
        return not (self.cap(nxt) or self.abbr(nxt)) or self.gap_has_newline(nxt)

    def owner(self, j: int) -> Unit | None:
        """The body an organisation belongs to, named right after it ("Đảng ủy Công an tỉnh",
        "Đảng đoàn Ủy ban MTTQ tỉnh", "Đảng ủy Quốc hội"): a level is then its own."""
        h = self.head_at(j)
        if not h or h[1].kind not in _OWNERS:
            return None
        if h[1].kind is _ORG and h[0] < self.n and self.head_at(h[0]) and \
                self.head_at(h[0])[1].kind is _ORG:
            return None  # at most one organisation nested in another (bounded work)
        owner = self.parse_unit(j)
        if owner is None:
            return None
        central = owner.head is not None and owner.head.scope in _CENTRAL_OR_FIXED
        return Unit(j, owner.end, owner.head, False, owner.has_level or central, owner.level)

    def nominal_here(self, j: int, last_cap: int) -> int:
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
        for word, tag in _package._pos_words(s):
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
