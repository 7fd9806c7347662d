"""One body at a token position: a head noun and its name, a title and the body it heads, a
generic addressee ("các sở, ngành"), a person named before a title, a body named in a gloss.

In: a :class:`~.names.NameReader` position. Out: a :class:`~.names.Unit` or None
(:meth:`UnitReader.parse_unit`).
"""
from __future__ import annotations

from ...text.lexicon import load_word_set
from .canonical import canonical_name
from .domains import DomainReader
from .lexicon import TITLE_KINDS, Head, HeadKind
from .names import Unit
from .qualifiers import ON_AREA

__all__ = ["UnitReader"]

_MAX_PERSON = 4  # syllables of a person's name ("Lò Văn Tuân", "Nguyễn Thị Minh Khai")
_MAX_ROLE_LINE = 12  # words after a role name in a line naming the body ("Cơ quan chủ trì giải quyết ...")
_MAX_TITLES = 3  # titles stacked before one body ("Phó Trưởng ban ...": bounds recursion)
_ROLE_ALONE, _DOMAIN = HeadKind.ROLE_ALONE, HeadKind.DOMAIN
#: The word that makes a collective noun a member of it ("cấp ủy viên", "ủy viên"): a person.
_MEMBER = "viên"


class UnitReader(DomainReader):
    """Reads one body at a position: which reading applies (generic, head, title, person)."""

    def parse_unit(self, i: int) -> Unit | None:
        """The body starting at token ``i`` (after determiners), or None."""
        if i >= self.n or self.in_paren[i]:
            return None
        lex, low = self.lex, self.low
        k = self.skip_determiners(i)
        g_i = lex.generics.match(low, i)
        g = g_i or (lex.generics.match(low, k) if k != i else None)
        h = self.head_at(k)
        g_start = i if g_i else k
        if g and g[0] < self.n and low[g[0]] == _MEMBER:
            g = None  # "cấp ủy viên": a member of the committee, a person, not the committee
        dg = lex.cue("domain_generic", low, g_start) if g else None
        if dg and dg[0] == g[0]:
            ag = lex.cue("activity_generic", low, g_start)
            d_end = self.qualified(g[0], activity=bool(ag and ag[0] == g[0]))
            if ag and (d_end >= self.n or low[d_end] in (".", ";", ",")):
                d_end = self.qualified(g[0])  # the activity ran over the predicate: the tagger's reading
            if d_end > g[0]:  # "các sở giáo dục và đào tạo", "ngành Thuế", "doanh nghiệp viễn thông"
                unit = self.generic(g_start, d_end)
                unit.qualified = True
                return unit
        if g and (not h or g[0] > h[0] or (g[0] == h[0] and g_start < k)):
            if self.number_at(g[0]) and (numbered := self.place(k + (low[k] == "các"))) is not None:
                return numbered  # "Tổ dân phố số 4": one unit, named by its number
            return self.generic(g_start, g[0])
        if not h:
            return self.place(k) or self.person_then_title(i, k)
        end, head = h
        if head.head == "lãnh đạo" and not (k > 0 and low[k - 1] == "chí"):
            return None  # a verb, unless it names persons ("các đồng chí lãnh đạo Ban ...")
        if head.kind in TITLE_KINDS:
            if self.role_depth >= _MAX_TITLES:
                return None
            self.role_depth += 1
            try:
                return self.titled(k, end, head)
            finally:
                self.role_depth -= 1
        unit = self.read_name(k, end, head)
        if unit is not None and unit.level is not None and low[unit.level[0]] == "các" and unit.end == unit.level[1]:
            loc = self.locative(unit.end)  # "UBND các xã trong vùng quy hoạch": the members picked by place
            if loc > unit.end:
                unit.end, unit.qualified = loc, True
        if unit is None and head.kind is _DOMAIN and k > i and low[k - 1] == "các":
            d_end = self.lower_domain(end)  # "các ngân hàng thương mại", "các trung tâm y tế": a generic kind
            if d_end > end:
                return self.generic(i, d_end)
            if (self.is_verb(end) or (end + 1 < self.n and low[end] in (",", "và") and self.starts_body(end + 1))) \
                    and not self.gap_has_newline(end):
                return self.generic(i, end)  # "Các bộ khẩn trương ...", "các phòng, đơn vị ...": the kind
        return unit

    def place(self, k: int) -> Unit | None:
        """A place named as the body that governs it ("Thành phố Đà Nẵng và các tỉnh ...", "đề nghị
        tỉnh Quảng Nam ..."): one unit word and a proper name that is no body or verb, or its
        number ("Tổ dân phố số 4")."""
        ue = self.unit_end(k)
        if ue is not None and self.number_at(ue):
            return Unit(k, ue + 2, None, False, True, (k, ue + 2), place=True)  # "thôn số 3", "tổ dân phố số 4"
        if ue is None or not self.cap(ue) or self.gap_has_newline(ue) or (
                (self.starts_body(ue) or self.is_verb(ue)) and not self.province_at(ue)):  # "thành phố Cần Thơ"
            return None
        end = self.proper_run(ue)
        if end == ue:
            return None
        return Unit(k, end, None, False, True, (k, end), place=True)

    def person_then_title(self, i: int, k: int) -> Unit | None:
        """A person named before the title ("đồng chí Lò Văn Tuân, Phó Chủ tịch UBND xã"): the
        title's body, named as when the name follows it ("Phó Chủ tịch Ủy ban nhân dân xã Lò Văn
        Tuân"). Only after "đồng chí"/"đ/c", with a family name first and two to four syllables."""
        if k == i or self.low[k - 1] not in ("chí", "c") or not self.cap(k) or self.toks[k][0] not in load_word_set("surnames.txt"):
            return None
        j = k + 1
        while j < self.n and j < k + _MAX_PERSON and self.cap(j) and not self.starts_body(j):
            j += 1
        if j == k + 1 or j + 1 >= self.n or self.low[j] != ",":
            return None
        h = self.head_at(j + 1)
        if h is None or h[1].kind not in TITLE_KINDS:
            return None
        title = self.parse_unit(j + 1)
        if title is None or not title.role:
            return None
        person = self.span_text(k, j)[2]
        written = self.span_text(j + 1, title.end)[2]
        return Unit(k, title.end, title.head, title.generic, title.has_level, title.level,
                    name_override=canonical_name(f"{written} {person}"), role=True)

    def titled(self, k: int, end: int, head: Head) -> Unit | None:
        """A title and the body it heads ("Chủ tịch UBND tỉnh", "Trưởng các ấp")."""
        lex, low = self.lex, self.low
        body = self.parse_unit(end)
        if body is None:  # a shorter title may leave a body after it ("Trưởng" + "Ban Chỉ đạo ...")
            for end2, head2 in lex.heads.matches(low, k):
                if end2 < end and head2.kind in TITLE_KINDS:
                    body = self.parse_unit(end2)
                    if body is not None:
                        end, head = end2, head2
                        break
        if body is not None and body.generic and body.start == end:
            lvl = self.level_end(end)
            if lvl is not None and lvl > body.end:  # "Trưởng các bản Nà Ban, Nà Tiến": the units named
                return Unit(k, lvl, None, True, True, (end, lvl), role=True)
        if body is not None:
            unit = Unit(k, body.end, body.head, body.generic, body.has_level, body.level, role=True)
            if head.head.startswith("cơ quan") and body.end < self.n and low[body.end] == "(":
                inner = self.paren_body(body.end)
                if inner is not None:
                    return inner
            return unit
        if head.head.startswith("cơ quan") and end < self.n and low[end] == "(":
            inner = self.paren_body(end)  # "Cơ quan thường trực (Sở Y tế)": the body named inside
            if inner is not None:
                return inner
        lvl = self.level_end(end)
        if lvl is not None:  # "Trưởng các ấp", "Chủ tịch xã"
            return Unit(k, lvl, None, True, True, (end, lvl), role=True)
        if head.kind is _ROLE_ALONE:
            if self.lex.cue("role_noun", low, end - 2) == (end, "role_noun"):
                end = self.role_line_end(k, end)  # "Cơ quan chủ trì giải quyết thủ tục đầu tư" as a line
            return Unit(k, end, head)
        return None

    def paren_body(self, open_i: int) -> Unit | None:
        """The body that fills the parenthesis opened at ``open_i`` exactly, or None."""
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

    def generic(self, start: int, end: int) -> Unit:
        """A generic addressee over tokens [start, end), with its qualifier, condition, level."""
        end0 = end
        end = self.suffix(end)
        if end == end0:
            end = self.condition(end)
        if end == end0:
            end = self.passive(end)
        if end == end0:
            end = self.role_noun_end(start, end)
        qualified = tuple(self.low[end0:end0 + 3]) == ON_AREA  # "các doanh nghiệp trên địa bàn tỉnh"
        if end == end0:
            end = self.locative(end)
            qualified = end > end0
        lvl = self.level_end(end)
        if lvl is None and end == end0 and self.low[start] == "các" and self.unit_end(start + 1) is not None \
                and (self.cap(end) or (end + 1 < self.n and self.low[end] == ":" and self.cap(end + 1))):
            full = self.level_end(start)  # "các tỉnh Lai Châu, Điện Biên": the generic names its places
            if full is not None and full > end:
                return Unit(start, full, None, generic=True, has_level=True, level=(start, full))
        subordinate = "trực" in self.low[end0:end]  # "các cơ quan trực thuộc Sở"
        unit = Unit(start, end, None, generic=True, has_level=subordinate, qualified=qualified or subordinate)
        ue = self.unit_end(end + 1) if lvl is None and end + 1 < self.n and self.low[end] == "của" else None
        if ue is not None and (ue == end + 2 or ue >= self.n or not self.cap(ue)):
            lvl = ue  # "các cơ quan báo chí của tỉnh", "các sở, ban, ngành của Thành phố"
        if lvl:
            unit.end, unit.has_level, unit.level = lvl, True, (end, lvl)
        elif end + 1 < self.n and self.low[end] in ("của", "thuộc") and self.role_depth < _MAX_TITLES:
            # "các tổ chức thành viên của Mặt trận", "cơ quan chuyên môn thuộc UBND tỉnh"
            self.role_depth += 1  # bounds the recursion like a title does
            try:
                owner = self.parse_unit(end + 1)
            finally:
                self.role_depth -= 1
            if owner is not None and not owner.generic:  # "các tổ chức thành viên của Mặt trận"
                unit.end, unit.has_level = owner.end, True
        return unit

    def role_noun_end(self, start: int, end: int) -> int:
        """A generic named by its part in the task ("Cơ quan phối hợp có trách nhiệm ...", "các đơn vị
        chủ trì phải ..."): the role noun stays in the name before a duty verb, or where the name
        heads a line of its own (:meth:`role_line_end`); else ``end`` (there it is the predicate)."""
        m = self.lex.cue("role_noun", self.low, end)
        if m is None:
            return end
        if m[0] < self.n and self.lex.cue("duty_verb", self.low, m[0]):
            return m[0]
        line = self.role_line_end(start, m[0])
        return line if line > m[0] else end

    def role_line_end(self, start: int, end: int) -> int:
        """A role name that opens the text and runs on to its end in lower-case words, with no
        punctuation and no line break: a heading naming the body by its part ("Cơ quan chủ trì
        giải quyết thủ tục đầu tư dự án"), the whole line being its name; else ``end``."""
        if self.skip_determiners(0) != start or self.multiline:
            return end
        last = self.n - 1 if self.n and self.low[-1] in (".", ":") else self.n
        if last - end < 2 or last - end > _MAX_ROLE_LINE:
            return end
        if all(self.lower_word(k) for k in range(end, last)):
            return last
        return end
