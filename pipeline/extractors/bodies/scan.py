"""Name scanning: coordinated bodies from a token position.

In: one task's text (:class:`Scanner`) and a token position. Out: the bodies coordinated by ","
/ ";" / "và" there (:meth:`Scanner.parse_chain`): a list of :class:`~.names.Unit` and the end
token. The scanner is built up by concern, each layer a class of its own:

- :class:`~.cursor.TokenCursor` -- the tokens, parentheses, and token tests;
- :class:`~.places.PlaceReader` -- levels, place names, lists of them;
- :class:`~.qualifiers.QualifierReader` -- what stays in a name after it (qualifiers, places, conditions);
- :class:`~.names.NameReader` -- the rest of a name after its head noun;
- :class:`~.units.UnitReader` -- one body (generic, head, title, person);
- :class:`Scanner` -- coordination: conjuncts, "các Sở: A, B" lists, generic lists merged.
"""
from __future__ import annotations

import regex

from .canonical import canonical_name
from .lexicon import TITLE_KINDS, HeadKind, Scope, phrase_key, place_key, province_units
from .names import Unit
from .places import MAX_LIST
from .units import UnitReader

__all__ = ["Scanner", "Unit"]

_MAX_CONJUNCTS = 24  # bodies in one coordination
_MAX_KINDS = 6  # words naming further kinds of body before a list's ":" ("các Bộ, cơ quan ngang bộ: ...")
_DOMAIN = HeadKind.DOMAIN
_NUMBER = regex.compile(r"\d+[A-Za-z]?")  # a unit's number after "số" ("7", "12A")
_AFTER_NUMBER = frozenset((",", "và", ";", ".", ":"))  # what may follow a bare number in a list of units


class Scanner(UnitReader):
    """The body scanner of one task's text: coordinated bodies at a position."""

    def parse_chain(self, i: int) -> tuple[list[Unit], int]:
        """Bodies coordinated by "," / "và" from token ``i``; the end token of the chain."""
        if i >= self.n or self.low[i] not in self.lex.body_firsts:
            return [], i  # no determiner, head or generic addressee starts here: no body
        units = self.title_list(i)  # "các Bộ: A, B" -> one body per name; the chain goes on after them
        if not units:
            first = self.parse_unit(i)
            if first is None:
                return [], i
            units = [first]
        j = units[-1].end
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
            nxt = self.sibling(units[-1], conn, parsed)
            if nxt is None:
                j = k
                break
            units.append(nxt)
            j = nxt.end
        units = self.merge_generics(self.split_places(units))
        if len(units) == 1 and j < self.n and self.low[j] == ":" and self.generic_opener(units[0]):
            named, end = self.named_after(j)
            if named:
                return named, end  # "các cơ quan: Công an tỉnh, Sở Tư pháp" -> the bodies named
        return units, j

    def generic_opener(self, u: Unit) -> bool:
        """Whether ``u`` is a plural generic addressee that may open a list of named bodies after
        its ":" ("các cơ quan:", "các đơn vị, địa phương:"); not one led by a title."""
        return u.generic and not u.role and not u.qualified and self.low[u.start] == "các"

    def named_after(self, colon: int) -> tuple[list[Unit], int]:
        """The bodies a generic's ":" names ("các cơ quan: Công an tỉnh, Sở Tư pháp và các đơn vị
        liên quan"): a chain that opens with a named (capitalised, not generic) body; else none."""
        a = colon + 1
        if a >= self.n or not self.cap(a) or self.is_stop(a) or self.predicate_at(a) or not self.starts_body(a):
            return [], colon
        units, end = self.parse_chain(a)
        if not units or units[0].generic:
            return [], colon
        return units, end

    def sibling(self, prev: Unit, conn: int, nxt: Unit | None) -> Unit | None:
        """"Ban nhân dân ấp A và ấp B", "Ủy ban nhân dân tỉnh A, tỉnh B": a conjunct that is only
        another place of the same level (a generic "ấp B", or no body at all: "tỉnh B") names
        the same kind of body there. ``nxt``: the conjunct parsed as a body, if it is one."""
        numbered = self.next_number(prev, conn)
        if numbered is not None:
            return numbered
        if nxt is None and prev.head is not None and prev.head.kind is _DOMAIN and self.brand(conn) \
                and prev.end - prev.start == len(phrase_key(prev.head.head)) + 1 and self.brand(prev.end - 1):
            # "Tập đoàn FPT, CMC": another brand after the head's own names the same kind of body
            head_text = self.span_text(prev.start, prev.end - 1)[2]
            return Unit(conn, conn + 1, prev.head, False, True, None,
                        name_override=canonical_name(f"{head_text} {self.toks[conn][0]}"))
        if (nxt is not None and not nxt.generic and not nxt.place) or prev.generic or prev.level is None or prev.level[1] != prev.end:
            return nxt
        unit_end = self.unit_end(conn)
        lvl = self.level_end(conn)
        if unit_end is None or lvl is None or lvl <= unit_end or not self.cap(unit_end):
            return nxt
        head_text = self.text[self.toks[prev.start][1]:self.toks[prev.level[0]][1]]
        name = canonical_name(head_text + self.span_text(conn, lvl)[2])
        return Unit(conn, lvl, prev.head, False, True, (conn, lvl), name_override=name)

    def next_number(self, prev: Unit, conn: int) -> Unit | None:
        """"Các Tổ bầu cử số 1, số 2", "Ban bầu cử số 4, 5 và 6": another number after a numbered
        unit names another unit of the same kind (its name with that number)."""
        last = self.toks[prev.end - 1][0]
        if prev.end < 2 or not _NUMBER.fullmatch(last):
            return None
        if prev.name_override and prev.name_override.endswith(" " + last):
            stem = prev.name_override[:-len(last) - 1]  # a unit named by its number in the list already
        elif self.number_at(prev.end - 2) and prev.start < prev.end - 2:
            stem = self.text[self.toks[prev.start][1]:self.toks[prev.end - 2][2]]
        else:
            return None
        if self.number_at(conn):
            b = conn + 2
        elif conn < self.n and _NUMBER.fullmatch(self.toks[conn][0]) and not self.in_paren[conn] \
                and (conn + 1 >= self.n or self.low[conn + 1] in _AFTER_NUMBER or self.is_verb(conn + 1)):
            b = conn + 1  # "số 4, 5 và 6"; not "số 3, 2 cán bộ ...": a count
        else:
            return None
        return Unit(conn, b, prev.head, prev.generic, True, None,
                    name_override=canonical_name(f"{stem} {self.toks[b - 1][0]}"))

    def title_list(self, i: int) -> list[Unit]:
        """"Bộ trưởng các Bộ: Y tế, Công an" -> one body per name ("Bộ trưởng Bộ Y tế", ...); the
        same without a title ("Các Sở: Tài chính, Nội vụ" -> "Sở Tài chính", "Sở Nội vụ")."""
        low, lex = self.low, self.lex
        k = self.skip_determiners(i)
        r = lex.heads.match(low, k)
        if r and r[1].kind is _DOMAIN and k > i and low[k - 1] == "các":
            d = r  # no title: "Các Sở: Tài chính, Nội vụ" -> "Sở Tài chính", "Sở Nội vụ"
            prefix = self.span_text(k, d[0])[2]
        else:
            if not r or r[1].kind not in TITLE_KINDS or r[0] >= self.n or low[r[0]] != "các":
                return []
            d = lex.heads.match(low, r[0] + 1)
            if not d or d[1].kind is not _DOMAIN:
                return []
            prefix = self.span_text(k, r[0])[2] + " " + self.span_text(r[0] + 1, d[0])[2]
        colon = self.kinds_colon(d[0])
        if colon is None or not self.cap(colon + 1) or self.is_stop(colon + 1) or self.predicate_at(colon + 1):
            return []  # "Các sở, ngành: Là các đơn vị ...": the predicate, no names
        title = prefix[:-len(self.span_text(r[0] + 1, d[0])[2])].strip() if d is not r else ""
        out: list[Unit] = []
        a = colon + 1
        for _ in range(MAX_LIST):
            own = self.parse_unit(a) if self.independent_head(a) else None
            if own is not None and own.head is not None and own.end == self.head_at(a)[0] \
                    and own.head.scope is not Scope.CENTRAL:
                own = None  # a bare local head names one of the kind ("các Bộ: Công an" -> "Bộ Công an")
            if own is not None and not own.generic:  # "các Bộ, cơ quan: Quốc phòng, Văn phòng Chính phủ"
                b = own.end
                written = own.name_override or canonical_name(self.span_text(a, b)[2])
                name = canonical_name(f"{title} {written}") if title else written
            else:
                b = self.plain_name(a)
                if b == a:
                    break
                name = canonical_name(prefix + " " + self.span_text(a, b)[2])
            out.append(Unit(k if not out else a, b, d[1], False, True, None, name_override=name))
            if not (b + 1 < self.n and low[b] == "," and self.cap(b + 1)):
                break
            a = b + 1
        return out

    def predicate_at(self, k: int) -> bool:
        """Whether a verb at ``k`` opens a predicate ("Là đầu mối ...", "Xây dựng kế hoạch ..."): a
        lower-case word that is no verb goes on after it; a name that is also a verb ("Xây dựng")
        is followed by "," or by its own verb."""
        v = self.lex.cue("verb", self.low, k) or self.lex.cue("subject_verb", self.low, k)
        if not v:
            return False
        return self.lower_word(v[0]) and not self.is_verb(v[0])

    def kinds_colon(self, k: int) -> int | None:
        """The ":" that opens the names after a plural head at ``k`` ("các Bộ: ...", "các Bộ, cơ quan
        ngang bộ: ..."): the head's own ":" or one after a few lower-case words naming other kinds of
        body, or None."""
        low = self.low
        if k < self.n and low[k] == ":":
            return k
        if k >= self.n or low[k] != ",":
            return None
        j = k + 1
        while j < self.n and j <= k + _MAX_KINDS and (self.lower_word(j) or low[j] == ","):
            j += 1
        return j if j > k + 2 and j < self.n and low[j] == ":" and self.starts_body(k + 1) else None

    def merge_generics(self, units: list[Unit]) -> list[Unit]:
        """Coordinated generic addressees as one body ("các cấp, các ngành")."""
        out: list[Unit] = []
        for u in units:
            shared = self.shared_title(out[-1], u) if out and u.generic and out[-1].role else None
            if shared is not None:
                out.append(shared)  # "Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ": two bodies
                continue
            if out and u.generic and out[-1].generic and not out[-1].has_level and not u.role \
                    and not out[-1].qualified and not (u.qualified and u.has_level) \
                    and not self.new_phrase(out[-1].end, u.start):
                prev = out[-1]  # "các cấp, các ngành"; "Thủ trưởng các cơ quan, đơn vị"
                out[-1] = Unit(prev.start, u.end, None, True, u.has_level, u.level, role=prev.role)
                continue
            out.append(u)
        return out

    def split_places(self, units: list[Unit]) -> list[Unit]:
        """"Ủy ban nhân dân các tỉnh: Lào Cai, Yên Bái", "Chủ tịch UBND các huyện A, B", "các tỉnh
        A, B": a plural level that names its places is one body per place, the head copied to each."""
        out: list[Unit] = []
        for u in units:
            places = self.named_places(u) if u.level is not None and self.low[u.level[0]] == "các" else None
            if not places:
                out.append(u)
                continue
            a = u.level[0]
            head_text = self.text[self.toks[u.start][1]:self.toks[a][1]] if u.start < a else ""
            ue = self.unit_end(a + 1)
            # one unit word is copied to each place; of a list ("các tỉnh, thành phố: A, B") the
            # province's own when the lexicon knows it (a centrally-governed city or a tỉnh), else none
            unit_word = self.span_text(a + 1, ue)[2] + " " if self.low[ue] != "," else ""
            unit_words = self.unit_words(a + 1) if not unit_word and head_text else ()
            for n, (p, q) in enumerate(places):
                place = self.span_text(p, q)[2]
                own = province_units().get(place_key(place)) if unit_words else None
                word = f"{own} " if own in unit_words else unit_word
                name = canonical_name(f"{head_text}{word}{place}")
                out.append(Unit(u.start if n == 0 else p, q, u.head, u.generic and not head_text, True, (p, q),
                                name_override=name, role=u.role))
        return out

    def unit_words(self, k: int) -> tuple[str, ...]:
        """The unit words of a list of them from ``k`` ("tỉnh, thành phố" -> ("tỉnh", "thành phố"))."""
        out = []
        while (e := self.unit_end(k)) is not None and len(out) < MAX_LIST:
            out.append(" ".join(self.low[k:e]))
            if not (e + 1 < self.n and self.low[e] == ","):
                break
            k = e + 1
        return tuple(out)

    def named_places(self, u: Unit) -> list[tuple[int, int]] | None:
        """The proper names a plural level phrase "các <unit>(, <unit>)(:) A, B và C" ends with, as
        token spans, or None when it names none (then it stays one body: "UBND các xã, phường")."""
        low = self.low
        a, b = u.level
        k = self.unit_end(a + 1)
        if k is None:
            return None
        while k + 1 < b and low[k] == "," and self.unit_end(k + 1) is not None:
            k = self.unit_end(k + 1)
        if k + 2 < b and low[k] == "trực" and low[k + 1] == "thuộc":  # "... trực thuộc Trung ương: A, B"
            k = self.subordinate_to(k + 2)
        if k < b and low[k] == ":":
            k += 1
        places = []
        if k < b and (self.is_verb(k) or self.starts_body(k)) and not self.province_at(k):
            return None  # "các xã, phường: Phối hợp ...": the predicate, no place
        while k < b and self.cap(k):
            q = self.proper_run(k)
            if q == k:
                return None
            places.append((k, q))
            if q < b and low[q] in (",", "và"):
                k = q + 1
                continue
            k = q
            break
        return places if places and k == b else None

    def shared_title(self, prev: Unit, u: Unit) -> Unit | None:
        """A title over two named kinds of body ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính
        phủ"): ``u`` with the title of ``prev`` copied; None when either is a list or a bare noun."""
        if u.role or not self.kind_name(u.start, u.end):
            return None
        m = next((x for x in self.lex.heads.matches(self.low, prev.start)
                  if x[1].kind in TITLE_KINDS and self.kind_name(x[0], prev.end)), None)
        if m is None:
            return None
        title = self.span_text(prev.start, m[0])[2]
        name = canonical_name(f"{title} {self.span_text(u.start, u.end)[2]}")
        return Unit(u.start, u.end, u.head, True, u.has_level, u.level, name_override=name, role=True)

    def kind_name(self, a: int, b: int) -> bool:
        """Whether tokens [a, b) name one kind of body in three words or more, no list."""
        return b - a >= 3 and not any(t in (",", ";", "và") for t in self.low[a:b]) and self.low[a] != "các"

    def new_phrase(self, prev_end: int, start: int) -> bool:
        """Whether a conjunct opens a phrase of its own: "và các ..." after a list ("các sở, ngành
        và các đơn vị có liên quan" are two bodies; "các cấp, các ngành" is one)."""
        return "và" in self.low[prev_end:start] and self.low[start] == "các"

    def brand_at(self, k: int) -> Unit | None:
        """A partner named by its brand, a word that is no Vietnamese syllable ("phối hợp với
        Viettel Đắk Lắk", "VNPT Gia Lai"), with the place after it: a body with no head noun."""
        from ...ingest.encodings import is_vietnamese_syllable

        if k >= self.n or self.in_paren[k] or not self.cap(k):
            return None
        word = self.toks[k][0]
        if len(word) < 3 or not word.isalpha() or is_vietnamese_syllable(word):
            return None
        end = self.proper_run(k)
        return Unit(k, max(end, k + 1), None, False, True, None)
