"""Name scanning: coordinated bodies from a token position.

In: one task's text (:class:`Scanner`) and a token position. Out: the bodies coordinated by ","
/ ";" / "và" there (:meth:`Scanner.parse_chain`): a list of :class:`~.names.Unit` and the end
token. The scanner is built up by concern, each layer a class of its own:

- :class:`~.cursor.TokenCursor` -- the tokens, parentheses, and token tests;
- :class:`~.places.PlaceReader` -- levels, place names, lists of them;
- :class:`~.qualifiers.QualifierReader` -- what stays in a name after it (qualifiers, places, conditions);
- :class:`~.names.NameReader` -- the rest of a name after its head noun;
- :class:`~.units.UnitReader` -- one body (generic, head, title, person);
- :class:`~.lists.ListReader` -- lists a plural names ("các Sở: A, B", "các tỉnh, thành phố: A, B");
- :class:`Scanner` -- coordination: conjuncts, siblings, generic lists merged.
"""
from __future__ import annotations

from .canonical import canonical_name
from .lexicon import TITLE_KINDS, HeadKind, phrase_key
from .lists import ListReader
from .names import Unit

__all__ = ["Scanner", "Unit"]

_MAX_CONJUNCTS = 24  # bodies in one coordination
_DOMAIN = HeadKind.DOMAIN


class Scanner(ListReader):
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
            elif (placed := self.places_of_level(units[-1], k)) is not None:
                units[-1] = placed  # "Tổ đại biểu HĐND tỉnh các huyện A, B": split per place below
                j = placed.end
                continue
            elif not (units[-1].head is not None and units[-1].head.kind is _DOMAIN and k < self.n
                      and self.next_domain_body(k)):  # "Sở Tài chính Sở Xây dựng": no connector
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

    def places_of_level(self, prev: Unit, k: int) -> Unit | None:
        """"Tổ đại biểu HĐND tỉnh các huyện A, B": a body whose name ends with a bare level word,
        then a plural level that names its places with no connector: one unit over both, its
        level the plural one (:meth:`split_places` then gives one body per place); else None."""
        if k >= self.n or self.low[k] != "các" or prev.generic or prev.level is None \
                or prev.level != (prev.end - 1, prev.end):
            return None
        nxt = self.parse_unit(k)
        if nxt is None or not nxt.generic or nxt.level != (k, nxt.end):
            return None
        if not self.named_places(nxt):
            return None
        return Unit(prev.start, nxt.end, prev.head, False, True, nxt.level, role=prev.role)

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
