"""Lists inside one coordination: the bodies a plural names one by one.

In: a :class:`~.units.UnitReader` position or a parsed :class:`~.names.Unit`. Out: one unit per
body named -- "các Bộ: Y tế, Công an" and "Bộ trưởng các Bộ: ..." (:meth:`ListReader.title_list`),
"UBND các tỉnh, thành phố: A, B" with each province's own unit word (:meth:`ListReader.split_places`),
"các cơ quan: Công an tỉnh, Sở Tư pháp" (:meth:`ListReader.named_after`), "các Tổ bầu cử số 1,
số 2" (:meth:`ListReader.next_number`).
"""
from __future__ import annotations

import regex

from .canonical import canonical_name
from .lexicon import TITLE_KINDS, HeadKind, Scope, place_key, province_units
from .names import Unit
from .places import MAX_LIST
from .units import UnitReader

__all__ = ["ListReader"]

_MAX_KINDS = 6  # words naming further kinds of body before a list's ":" ("các Bộ, cơ quan ngang bộ: ...")
_DOMAIN = HeadKind.DOMAIN
_NUMBER = regex.compile(r"\d+[A-Za-z]?")  # a unit's number after "số" ("7", "12A")
_AFTER_NUMBER = frozenset((",", "và", ";", ".", ":"))  # what may follow a bare number in a list of units


class ListReader(UnitReader):
    """Lists of named bodies after a plural: one unit per name, place or number."""

    def parse_chain(self, i: int) -> tuple[list[Unit], int]:  # pragma: no cover - the Scanner's
        raise NotImplementedError

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
        return j if j > k + 1 and j < self.n and low[j] == ":" and self.starts_body(k + 1) else None

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
