"""From found bodies to mentions: canonical names with their level, roles, de-duplication.

In: one task's text and the notice's level. Out: :func:`find_responsible` -- the task's
:class:`BodyMention` records, leads first, then supports, in document order.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .canonical import body_type_of, canonical_name
from .lexicon import Scope, level_of_word, lex, phrase_key
from .names import Unit
from .roles import find_units
from .scan import Scanner

__all__ = ["BodyMention", "find_responsible", "states_duty"]

_LOCAL, _UNIT = Scope.LOCAL, Scope.UNIT
_DISTRIBUTED = (Scope.LOCAL, Scope.ANY)  # a shared level suffix distributes onto these


@dataclass(frozen=True, slots=True)
class BodyMention:
    """One responsible body: canonical ``name``, ``role`` lead|support, the mention as written."""

    name: str
    role: str  # "lead" | "support"
    text: str
    start: int
    end: int
    body_type: str


#: The heads of the mass organisations as a group: "các đoàn thể (chính trị - xã hội) huyện" are the
#: district's organisations, not one in each district.
_UNIONS = frozenset(("đoàn thể", "đoàn thể chính trị - xã hội", "tổ chức chính trị - xã hội"))


def _is_unions(u: Unit) -> bool:
    return u.head is not None and u.head.head in _UNIONS


def _ends_with_name(sc: Scanner, u: Unit) -> bool:
    """Whether a body's name ends with a proper name after its head ("Báo Cao Bằng", "Trường Tiểu
    học Kim Đồng"), not with its own words ("Sở Công Thương") or an abbreviation ("Văn phòng HĐND")."""
    last = u.end - 1
    if u.head is None or u.generic or last <= u.start or not sc.cap(last) or sc.abbr(last):
        return False
    head_len = len(phrase_key(u.head.head))
    return last >= u.start + head_len + 1 and sc.cap(last - 1) and not sc.lex.name_words.match(sc.low, last - 1)


def _is_own_level(written: str, level: str | None) -> bool:
    """Whether a level phrase ("xã", "phường") is the notice's own level ("xã"): "các tổ chức
    chính trị - xã hội xã" are several bodies of the one commune, not one body in each of many."""
    return level is not None and level_of_word().get(" ".join(phrase_key(written))) == level


def mentions_of(sc: Scanner, role: str, units: list[Unit], default_level: str | None) -> list[BodyMention]:
    """Canonical names of coordinated bodies. A level written after the last conjunct distributes
    back onto the others after the last one placed by a level of its own ("Chi bộ, Ban XDCS các thôn"); a bare level of an earlier conjunct carries
    forward ("Ủy ban MTTQ phường và các đoàn thể" -> "Các đoàn thể phường"); only a body with
    neither takes the notice's level ``default_level``. A title's level stays with its body."""
    shared = None
    last = units[-1]
    if last.level is not None and last.level[1] == last.end and not last.role:
        shared = sc.span_text(*last.level)[2]
    # a conjunct with a level of its own closes the run the shared suffix reaches back over ("Ban A,
    # Sở B tỉnh, ..., Chi cục C khu vực XI": "khu vực XI" is C's alone)
    reach = max((n for n, u in enumerate(units[:-1]) if u.has_level or u.level is not None), default=-1)
    carried = None
    out = []
    for n, u in enumerate(units):
        s, e, written = sc.span_text(u.start, u.end)
        name = u.name_override or canonical_name(written)
        scope = u.head.scope if u.head else Scope.ANY
        if u.level is not None and 0 < u.start < u.level[0] and sc.low[u.start - 1] == "các" and \
                sc.low[u.level[0]] != "các" and not u.role and not _is_unions(u) and \
                sc.unit_end(u.level[0]) is not None and \
                not _is_own_level(sc.span_text(*u.level)[2], default_level):
            # "Các chi bộ xóm" -> "Chi bộ các xóm": the plural belongs to the level
            head_text = sc.text[sc.toks[u.start][1]:sc.toks[u.level[0]][1]]
            name = canonical_name(head_text + "các " + sc.span_text(*u.level)[2])
        elif u.name_override or u.has_level or _ends_with_name(sc, u):
            pass  # "Báo Cao Bằng": a proper name places the body; no level is added to it
        elif shared and u is not last and n > reach and not u.generic and scope in _DISTRIBUTED:
            name = canonical_name(written + " " + shared)
        elif carried and not u.generic and scope is _LOCAL:
            name = canonical_name(written + " " + carried)
        elif default_level and not u.generic and scope is _LOCAL:
            if _is_unions(u) and u.end - u.start == 2:  # a bare "các đoàn thể": their full name
                written_full = written + " chính trị - xã hội"
                name = canonical_name(written_full + " " + default_level)
            else:
                name = canonical_name(written + " " + default_level)
        if u.level is not None and u.level[1] == u.end and sc.bare_level(u.level) and not u.role:
            carried = sc.span_text(*u.level)[2]
        out.append(BodyMention(name, role, written, s, e, body_type_of(name) if not u.generic else "generic"))
    return out


@lru_cache(maxsize=64)  # a notice's units share its level; the levels are a handful of words
def local_level(level: str | None) -> str | None:
    """The notice's level when it is a local unit ("xã", "huyện", "tỉnh"); None for a central
    notice ("trung ương"): central bodies are named without a level suffix."""
    if not level:
        return None
    low = list(phrase_key(level))
    m = lex().levels.match(low, 0)
    return level if m and m[0] == len(low) and m[1] is _UNIT else None


def find_responsible(text: str, default_level: str | None = None) -> list[BodyMention]:
    """Responsible bodies of one task's own text: leads first, then supports, document order.

    ``default_level`` ("huyện", "tỉnh", ...), when given, is appended to local bodies that name
    no level ("MTTQ" in a district notice -> "Ủy ban Mặt trận Tổ quốc Việt Nam huyện").
    """
    if not text or not text.strip():
        return []
    default_level = local_level(default_level)
    sc = Scanner(text)
    leads: list[BodyMention] = []
    supports: list[BodyMention] = []
    distributive: set[int] = set()
    for role, units in find_units(sc):
        mentions = mentions_of(sc, role, units, default_level)
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


def states_duty(text: str) -> bool:
    """Whether ``text`` is a sentence about its bodies, not a bare list of names: a subject it
    names is followed by a verb or by "theo chức năng, nhiệm vụ ..." ("Sở Nội vụ rà soát ...;
    các sở, ngành liên quan ...", "Các sở, ngành có liên quan theo chức năng, nhiệm vụ được
    giao"); "UBND 06 thành phố trực thuộc trung ương" and "Sở Y tế, Sở Tài chính" are names.
    A labelled field or table cell that states a duty is read as a sentence."""
    if not text or not text.strip():
        return False
    sc = Scanner(text)
    adverbial = sc.lex.cue
    for role, units in find_units(sc):
        if role != "lead" or not units:
            continue
        end = units[-1].end
        if end < sc.n and sc.low[end] == "(" and end in sc.close_of:
            end = sc.close_of[end] + 1
        if end < sc.n and (sc.is_verb(end) or adverbial("adverbial", sc.low, end)):
            return True
    return False
