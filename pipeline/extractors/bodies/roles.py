"""Clause roles: where in a task's text a body is a subject (lead) or a partner (support).

In: a :class:`~.scan.Scanner` over one task's text. Out: (role, coordinated units) pairs
(:func:`find_units`), role "lead" or "support", in the order found. Subjects are looked for only
at these positions, so objects, report recipients and issuers inside references are never read:

- a body at a clause start followed by its predicate ("UBND huyện xây dựng ..."), unless it is
  the speaker ("đồng chí Chủ tịch yêu cầu ...") or the notice's closing formula;
- a body after a subject-introducer ("Đề nghị X ...", "giao X chủ trì ...", "Đối với X ...");
- a body after a purpose clause and a comma, followed by a subject verb ("Để ..., X cần ...");
- partners after "phối hợp với", "cùng với", ... and in "X chủ trì, Y phối hợp".
"""
from __future__ import annotations

import bisect

from .lexicon import HeadKind
from .names import Unit
from .scan import Scanner

__all__ = ["clause_starts", "find_units"]

_OBJECT_GAP = 6  # words between an object and a partner marker that still make it the object's
_OBJECT_REACH = 60  # tokens back from a ";" to the object verb whose object list it continues
_TIME_REACH = 10  # tokens of a time phrase between a subject and its verb ("trong tháng 5/2027")
_GENERIC_OPENER = 8  # tokens of a plural generic before the ":" of its list ("các cơ quan, đơn vị:")
_CLAUSE_PUNCT = frozenset((".", "!", "?", ";", "…", ":"))
_SPEAKER_KINDS = (HeadKind.COMPLETE, HeadKind.ORG, HeadKind.ROLE, HeadKind.ROLE_ALONE)

Found = list[tuple[str, list[Unit]]]


def clause_starts(sc: Scanner) -> list[int]:
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


def _skip_connectors(sc: Scanner, i: int) -> int:
    """Past sentence adverbials before a subject ("Đồng thời, ...", "Riêng ...")."""
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


def _introducer_at(sc: Scanner, i: int, clause_start: bool) -> int | None:
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


def _followed_by(sc: Scanner, j: int, role: str) -> bool:
    """Whether a cue of ``role`` follows at ``j`` (past a gloss)."""
    if j < sc.n and sc.low[j] == "(" and j in sc.close_of:
        j = sc.close_of[j] + 1
    return bool(j < sc.n and sc.lex.cue(role, sc.low, j))


def _partner_marker(sc: Scanner, j: int) -> int | None:
    """End of a support marker at ``j`` that a body follows ("phối hợp (với) Sở Y tế"), or None
    ("X chủ trì, Y phối hợp thẩm định": there "phối hợp" is Y's verb)."""
    m = sc.lex.cue("support_marker", sc.low, j)
    if m is None or not sc.parse_chain(m[0])[0]:
        return None
    return m[0]


def _after_gloss(sc: Scanner, j: int) -> int:
    if j < sc.n and sc.low[j] == "(" and j in sc.close_of:
        return sc.close_of[j] + 1
    return j


def _past_time(sc: Scanner, j: int) -> int:
    """The verb after a time phrase at ``j`` that stands between a subject and its verb ("Sở Y tế
    trong tháng 5/2027 hoàn thành ...", "X từ nay đến cuối năm tập trung ..."); ``j`` when none
    is there or no verb follows it within the clause."""
    m = sc.lex.cue("time_adverbial", sc.low, j)
    if m is None:
        return j
    for k in range(m[0], min(sc.n, m[0] + _TIME_REACH)):
        if sc.low[k] in _CLAUSE_PUNCT or sc.low[k] == ",":
            return j
        if sc.is_verb(k):
            return k
    return j


def _clause_end(sc: Scanner, i: int) -> int:
    j = i
    while j < sc.n:
        if sc.toks[j][0] in (".", "!", "?", ";") and (j + 1 >= sc.n or sc.toks[j + 1][1] > sc.toks[j][2]):
            return j
        j += 1
    return j


class _Subjects:
    """The state of one search: the clause starts, what was found, which clauses have a lead."""

    def __init__(self, sc: Scanner):
        self.sc = sc
        self.found: Found = []
        self.used_intro: set[int] = set()
        self.starts = clause_starts(sc)
        self.start_set = set(self.starts)
        self.lead_clauses: set[int] = set()
        # where a clause-start subject ends: "X yêu cầu Y" -> Y is an object
        self.subject_ends: set[int] = set()
        # tokens of partner lists ("phối hợp với X, Y, Z"): a comma inside one opens no subject
        self.partner_spans: list[tuple[int, int]] = []

    def at_clause_starts(self) -> None:
        """A body at a clause start, or after an introducer there."""
        sc, lex, low = self.sc, self.sc.lex, self.sc.low
        found, lead_clauses = self.found, self.lead_clauses
        read_to = -1  # the end of the last chain read: a clause start inside it is no new subject
        for c in self.starts:
            if c < read_to:  # "Các Bộ: Công an, Quốc phòng ...": the ":" opens no clause of its own
                if found and found[-1][1][-1].end == read_to:
                    lead_clauses.add(c)  # its subject is the chain's
                continue
            if c > 1 and low[c - 1] == ":" and _listed_by_generic(sc, c - 1):
                continue  # "phối hợp với các cơ quan: Công an tỉnh, ...": the list's bodies, read there
            if c > 1 and low[c - 1] == ";" and not sc.cap(c) and self.object_list_before(c - 1):
                continue  # "hướng dẫn Sở, ban, ngành ...; các xã, phường ... tổ chức ...": the objects go on
            i = _skip_connectors(sc, c)
            intro = _introducer_at(sc, i, True)
            if intro is not None:
                self.used_intro.add(i)
                units, end = sc.parse_chain(intro)
                if len(units) > 1 and end < sc.n and _introducer_at(sc, end, False) is not None \
                        and _can_speak(units[-1]):
                    units = units[:-1]  # "Đối với X, Phó Chủ tịch UBND tỉnh đề nghị ...": the speaker
                if units:
                    found.append(("lead", units))
                    lead_clauses.add(c)
                    read_to = end
                continue
            units, end = sc.parse_chain(i)
            if not units:
                continue
            read_to = end
            end = _past_time(sc, _after_gloss(sc, end))
            if _followed_by(sc, end, "closing_verb"):
                continue  # "Văn phòng ... thông báo để ... biết": the notice's closing formula
            if _followed_by(sc, end, "speaker_verb") and not _followed_by(sc, end, "subject_verb") \
                    and _can_speak(units[0]):
                continue  # "đồng chí Chủ tịch yêu cầu ...": the speaker
            if _followed_by(sc, end, "decision_verb") and _directive_after(sc, end):
                continue  # "UBND tỉnh không chấp thuận; yêu cầu nhà đầu tư ...": who decides is the speaker
            if end >= sc.n or (c == 0 and end + 1 == sc.n and low[end] in (".", ":")):
                if c == 0 and i == 0:  # the whole text is a body ("1. Sở Nội vụ" over its sub-items)
                    found.append(("lead", units))
                    lead_clauses.add(c)
                continue
            nxt = low[end]
            ok = sc.word(end) or (nxt == "," and end + 1 < sc.n and (
                sc.is_verb(end + 1) or lex.cue("fronted", low, end + 1)))  # "X, trên cơ sở ..., chủ trì"
            if c == 0 and nxt == ":":
                ok = True
            if ok and (sc.is_verb(end) or not sc.is_stop(end) or lex.cue("adverbial", low, end)):
                found.append(("lead", units))
                lead_clauses.add(c)
                self.subject_ends.add(end)

    def object_list_before(self, semi: int) -> bool:
        """Whether the clause before the ";" at ``semi`` ends with the objects of an object verb
        ("... hướng dẫn Sở, ban, ngành và các tổ chức chính trị - xã hội tỉnh;"): bodies only from
        the object verb's object to the ";"."""
        sc, lex, low = self.sc, self.sc.lex, self.sc.low
        if not _body_ends_at(sc, semi):
            return False
        obj_firsts = lex.cue_firsts("object_verb")
        for k in range(semi - 1, max(-1, semi - _OBJECT_REACH), -1):
            if low[k] in (".", ";", ":"):
                return False
            if low[k] in obj_firsts and (ov := lex.cue("object_verb", low, k)) is not None:
                units, end = sc.parse_chain(ov[0])
                return bool(units) and end >= semi  # the chain may run on over the ";"
        return False

    def after_introducers(self, intro_at: list[int]) -> None:
        """Subject-introducers inside a clause ("đồng chí yêu cầu ban soạn thảo ...")."""
        sc = self.sc
        for i in intro_at:
            if i in self.used_intro or sc.in_paren[i] or i in self.start_set or i in self.subject_ends:
                continue
            intro = _introducer_at(sc, i, False)
            if intro is None:
                continue
            units, _ = sc.parse_chain(intro)
            if units:
                self.found.append(("lead", units))
                self.lead_clauses.add(_clause_of(self.starts, i))

    def after_commas(self, comma_at: list[int]) -> None:
        """"Để ..., X cần ...": a body after a comma, followed by a subject verb; "X chủ trì, Y
        phối hợp": the body after the comma is a partner."""
        sc, lex, low = self.sc, self.sc.lex, self.sc.low
        by_end: dict[int, list[int]] = {}
        covered_to, covered_end = -1, -1
        for i in comma_at:
            if sc.in_paren[i] or _inside(self.partner_spans, i):
                continue
            if i < covered_to:  # inside a chain already read: its suffix ends where the chain ends
                by_end[covered_end].append(i)
                continue
            units, end = sc.parse_chain(_after_then(sc, i))
            if units:
                by_end.setdefault(end, []).append(i)
                covered_to, covered_end = end, end
        obj_verbs: list[int] | None = None  # positions of object verbs (sorted), computed on demand
        for end, commas in by_end.items():
            end2 = _after_gloss(sc, end)
            if end2 < sc.n and low[end2] == "phối" and _partner_marker(sc, end2) is None:
                self.found.append(("support", sc.parse_chain(commas[-1] + 1)[0]))
                continue
            c0 = commas[0]
            clause = _clause_of(self.starts, c0)
            # "Căn cứ ..., X <verb>", "Trong quá trình ..., nếu ..., X <verb>": after a fronted
            # clause any verb marks the subject, and the fronted clause's own words are not its objects
            fronted = self.fronted_end(clause, comma_at)
            if fronted is not None and fronted <= c0:
                after = _after_gloss(sc, end)  # a verb, or "theo chức năng, nhiệm vụ" before the verb
                if not (sc.is_verb(after) or lex.cue("adverbial", low, after)) \
                        or _followed_by(sc, end, "object_verb"):
                    continue
            elif not _followed_by(sc, end, "subject_verb") or _followed_by(sc, end, "object_verb"):
                continue
            if clause in self.lead_clauses:
                continue
            if obj_verbs is None:
                obj_firsts = lex.cue_firsts("object_verb")
                obj_verbs = [k for k, t in enumerate(low) if t in obj_firsts and lex.cue("object_verb", low, k)]
            region = clause if fronted is None or fronted > c0 else fronted
            if bisect.bisect_left(obj_verbs, c0) > bisect.bisect_left(obj_verbs, region):
                continue  # an object verb between the clause start and the list: an object
            # the earliest comma opens the list unless a body ends right before it ("của X, Y, Z
            # cần"): then only the last conjunct is sure to be the subject
            ambiguous = _body_ends_at(sc, c0) or "của" in low[max(clause, c0 - 8):c0]
            first = commas[-1] if ambiguous else c0
            self.found.append(("lead", sc.parse_chain(_after_then(sc, first))[0]))

    def fronted_end(self, clause: int, comma_at: list[int]) -> int | None:
        """The first comma after a fronted clause that opens the clause at ``clause`` ("Căn cứ Kế
        hoạch này,", "Để ...,"), or None when the clause opens otherwise."""
        sc = self.sc
        i = _skip_connectors(sc, clause)
        m = sc.lex.cue("fronted", sc.low, i)
        if m is None:
            return None
        k = bisect.bisect_left(comma_at, m[0])
        while k < len(comma_at) and sc.in_paren[comma_at[k]]:
            k += 1
        return comma_at[k] if k < len(comma_at) else None

    def after_support_markers(self, support_at: list[int]) -> None:
        """Support markers anywhere: "phối hợp với X", "cùng với X"."""
        sc = self.sc
        for i in support_at:
            if sc.in_paren[i]:
                continue
            m = sc.lex.cue("support_marker", sc.low, i)
            if not m or self.object_partner(i):
                continue
            units, end = sc.parse_chain(m[0])
            if not units:
                brand = sc.brand_at(m[0])
                units = [brand] if brand is not None else []
                end = brand.end if brand is not None else end
            if units:
                self.found.append(("support", units))
                self.partner_spans.append((i, end))


    def object_partner(self, i: int) -> bool:
        """Whether the partners after the marker at ``i`` are an object's ("tham mưu UBND tỉnh phối
        hợp Bộ Y tế ...", "chỉ đạo các xã chủ động phối hợp với Công an ..."): an object verb earlier
        in the clause, its object ending a few words before the marker."""
        sc, lex, low = self.sc, self.sc.lex, self.sc.low
        c = _clause_of(self.starts, i)
        obj_firsts = lex.cue_firsts("object_verb")
        for k in range(i - 1, c - 1, -1):
            if low[k] in (";", "."):
                return False
            if low[k] not in obj_firsts:
                continue
            ov = lex.cue("object_verb", low, k)
            if ov is None or ov[0] > i:
                continue
            if lex.cue("introducer", low, k):  # "Đề nghị X phối hợp với Y": X is the subject
                return False
            units, end = sc.parse_chain(ov[0])
            if not units:  # an object named by no body ("chỉ đạo hệ thống y tế cơ sở phối hợp với ...")
                gap = low[ov[0]:i]
                return 0 < len(gap) <= _OBJECT_GAP and all(sc.word(k) for k in range(ov[0], i)) \
                    and low[i - 1] != "và" \
                    and not any(lex.cue("connector", low, g) for g in range(ov[0], i))
            if end > i or i - end > _OBJECT_GAP or low[i - 1] == ",":
                return False  # "hướng dẫn các xã thực hiện, phối hợp với ...": the subject's partner
            return not any(lex.cue("connector", low, g) for g in range(end, i))
        return False


def find_units(sc: Scanner) -> Found:
    """(role, coordinated units) of every lead and support position of the scanner's text."""
    lex, low = sc.lex, sc.low
    search = _Subjects(sc)
    search.at_clause_starts()
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
    search.after_introducers(intro_at)
    search.after_support_markers(support_at)
    search.after_commas(comma_at)
    found = search.found
    topics = _topic_spans(sc, search.starts)
    if topics:
        found = [(r, [u for u in us if not _inside(topics, u.start)]) for r, us in found]
    return [(r, us) for r, us in found if us]


def _directive_after(sc: Scanner, k: int) -> bool:
    """Whether a subject-introducer ("yêu cầu", "giao", "đề nghị"; not "được giao") follows token ``k``."""
    low, firsts = sc.low, sc.lex.cue_firsts("introducer")
    return any(low[j] in firsts and _introducer_at(sc, j, False) is not None for j in range(k + 1, sc.n))


def _listed_by_generic(sc: Scanner, colon: int) -> bool:
    """Whether the ":" at ``colon`` ends a plural generic whose chain reads the bodies after it
    ("các cơ quan, đơn vị: Sở Y tế, ..."): those bodies are read with the generic's own role."""
    low = sc.low
    for k in range(colon - 1, max(-1, colon - _GENERIC_OPENER), -1):
        if low[k] == "các":
            return sc.parse_chain(k)[1] > colon
        if not (sc.lower_word(k) or low[k] == ","):
            return False
    return False


def _can_speak(u: Unit) -> bool:
    """Whether a body before "yêu cầu"/"đề nghị" can be the notice's speaker (a person, a leading
    committee, a generic addressee) rather than an agency that must itself ask a third party
    ("Ban Quản lý dự án yêu cầu nhà thầu ..." -> the Ban is responsible)."""
    if u.role or u.head is None or u.head.body_type == "steering":  # "Ban Chỉ đạo yêu cầu ..."
        return True
    return u.head.kind in _SPEAKER_KINDS and u.head.body_type in ("party", "state", "role")


def _topic_spans(sc: Scanner, starts: list[int]) -> list[tuple[int, int]]:
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


def _body_ends_at(sc: Scanner, c: int) -> bool:
    for k in range(max(0, c - 8), c):
        u = sc.parse_unit(k)
        if u is not None and u.end == c:
            return True
    return False


def _clause_of(starts: list[int], i: int) -> int:
    k = bisect.bisect_right(starts, i) - 1
    return starts[k] if k >= 0 else 0


def _after_then(sc: Scanner, comma: int) -> int:
    """Where the clause after the comma at ``comma`` opens: past "thì" ("Nếu ..., thì X phải ...")."""
    k = comma + 1
    return k + 1 if k < sc.n and sc.low[k] == "thì" else k
