"""Resolution: units + extractor mentions -> tasks with bodies, deadline, period, references.

- which units are tasks: :mod:`pipeline.classify`, with the category of the unit's section
  (its nearest heading, or the last list intro before it among its siblings);
- bodies: the unit's own subjects (:func:`pipeline.bodies.find_responsible`); a unit with no
  lead inherits its nearest ancestor's bodies, else the addressees of the intro that announces
  it ("đề nghị các cấp, các ngành ... tập trung thực hiện ... sau:"); ``inherited`` is then True;
- period: the unit's own period unless it lies wholly before the meeting (an assessment of the
  past) or merely contains the inherited one (a year around a half-year section); else the
  nearest ancestor's, heading's or intro's;
- deadline: the one that ends the task (:func:`pipeline.temporal.choose_deadline`);
- references: the ids found in the task's own text;
- a repeat (a leaf whose text and lead bodies are word for word those of an earlier task, as when
  an annex table restates an assignment of the body) is the same directive: not a second task.
All offsets are mapped back to the source through the cleaning map.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import regex

from ..extractors.bodies import body_type_of, canonical_name, find_responsible, states_duty
from ..extractors.bodies.lexicon import OpenerUse, opener_words
from ..extractors.references import find_references
from ..extractors.temporal import (
    choose_deadline,
    counted_from_event,
    counted_from_notice,
    election_day,
    find_deadlines,
    period_of,
    time_of_cell,
)
from ..ingest.clean import Cleaned
from ..learn.model import learned_body_type
from ..model import Body, Deadline, Period, Task
from ..structure.classify import Decision, decide, unit_categories, unit_features
from ..structure.fields import field_children
from ..structure.segment import Segmented
from ..text import patterns as P
from ..text.normalise import fold

# In a table cell of bodies, ";" always separates bodies; "," only after a name of two words or
# more and before a word that opens a body's name (the body lexicon's cell openers, capitalised),
# "các ", or a lower-case "cơ quan"/"đơn vị" that a lower-case qualifier follows (a class of
# bodies; "liên quan" only closes the list): "Phòng Kinh tế, Hạ tầng và
# Đô thị" is one body, "Sở Y tế, Sở Tài chính" two, "Cơ quan ngang bộ, cơ quan thuộc Chính phủ"
# two; a list of bare nouns sharing one qualifier is one ("Viện, Trường", "Sở, ban, ngành", "Các cơ
# quan, đơn vị thành viên Ban Chỉ đạo": a bare plural noun before the comma).
_CELL_SPLIT = regex.compile(
    r"\s*;\s*|(?<=\S[ \t]+\S+)\s*,\s*(?=(?:(?:" + P.word_set(opener_words(OpenerUse.CELL)) + r")(?!\p{Ll})"
    r"|(?i:các)[ \t]+\p{L}|(?<!(?:^|[\n;,])[ \t]*(?i:các)[ \t]+(?:cơ quan|đơn vị)[ \t]*,[ \t]*)"
    r"(?:cơ quan|đơn vị)[ \t]+(?!(?:có[ \t]+)?liên quan|theo(?!\p{L}))\p{Ll}))")

#: The manner a cell of bodies may end with ("Các cơ quan, đơn vị theo quy định", "... theo chức năng,
#: nhiệm vụ được giao"): it says how they act, it is no part of a body's name nor a body of its own.
_MANNER_TAIL = regex.compile(r"(?i)[ \t,]+theo[ \t]+(?:quy định|chức năng|thẩm quyền|nhiệm vụ|lĩnh vực)(?!\p{L}).*$")


_LETTER = regex.compile(P.LETTER)


_ADDRESS_CUE = regex.compile(r"(?i)(?<!\p{L})(?:đề nghị|yêu cầu|giao)(?!\p{L})")

#: A lead that is only the head of whoever is addressed ("người đứng đầu chịu trách nhiệm ...",
#: "Thủ trưởng đơn vị ...") names no body of its own: the item takes its parent's or intro's bodies.
_RELATIONAL_LEAD = regex.compile(r"(?i)^(?:người đứng đầu|thủ trưởng)(?:[ \t]+(?:các[ \t]+)?"
                                 r"(?:cơ quan(?:,[ \t]*đơn vị)?|đơn vị|địa phương|cơ quan, địa phương))?$")


#: Extractors read at most this much of one unit (a directive is a few hundred characters).
MAX_UNIT_CHARS = 20000


#: A heading that ends by stating the roles with no partner after them ("b) Chủ trì, phối hợp:",
#: "2. Sở Y tế chủ trì, phối hợp với:"): the body it names or inherits leads each sub-item, and the
#: bodies each sub-item names as its subject are the partners, its support (SPEC: lead and support).
_ROLE_HEAD = regex.compile(r"(?i)(?<!\p{L})chủ trì[ \t]*(?:,|và)?[ \t]*phối hợp(?:[ \t]+với)?[ \t]*[:.]?$")


_GLOSS = regex.compile(r"\([^()\n]*\)")
_JOINER = regex.compile(r"(?i)^(?:[ \t]*[,;][ \t]*|[ \t]+và[ \t]+|[ \t]*,[ \t]*và[ \t]+)$")
#: A line naming bodies has at most this many words (glosses aside).
_BODY_LINE_WORDS = 24


def _names_only_bodies(own: str, level: str | None) -> bool:
    """Whether an item's own text is nothing but the names of bodies (a gloss in parentheses and a
    final ":" aside), as the body reader reads them: "Các cơ quan đăng ký đầu tư (Sở A, Ban B):",
    "Cơ quan chủ trì thẩm định hồ sơ". Over sub-items such an item is a heading (SPEC)."""
    text = " ".join(_GLOSS.sub(" ", own).split()).strip(" \t:;.")
    if not text or len(text.split()) > _BODY_LINE_WORDS:
        return False
    leads = [b for b in find_responsible(text, default_level=level) if b.role == "lead"]
    if not leads or leads[0].start != 0 or leads[-1].end != len(text):
        return False
    return all(_JOINER.match(text[a.end:b.start]) for a, b in zip(leads, leads[1:], strict=False))


@dataclass(slots=True)
class _Ctx:
    bodies: tuple[Body, ...] = ()
    period: Period | None = None
    partners: bool = False  # the sub-items' subjects are partners of these bodies (a role heading)


def _period(cleaned: Cleaned, base: int, text: str, year: int | None, inherited: bool,
            as_of: date | None = None) -> Period | None:
    t = period_of(text, year, as_of=as_of, section=inherited)  # inherited: a heading's or an intro's
    if t is None:
        return None
    sp = cleaned.span(base + t.start, base + t.end)
    return Period(t.first.isoformat(), t.last.isoformat(), sp.text, inherited, sp.start, sp.end)


def _bodies(cleaned: Cleaned, base: int, text: str, level: str | None = None) -> list[Body]:
    out = []
    for b in find_responsible(text, default_level=level):
        sp = cleaned.span(base + b.start, base + b.end)
        out.append(Body(b.name, b.role, sp.text, sp.start, sp.end, False, learned_body_type(b.name) or b.body_type))
    return out


#: A lead cell that states the roles itself ("Ban Thường trực Ủy ban MTTQ xã chủ trì, phối hợp với
#: Ủy ban nhân dân xã"): read as a sentence, its partners are support.
_ROLE_CELL = regex.compile(r"(?i)(?<!\p{L})chủ trì(?!\p{L}).*?(?<!\p{L})phối hợp(?!\p{L})")


def _cell_bodies(cleaned: Cleaned, text: str, cell: tuple[int, int] | None, role: str) -> list[Body]:
    if cell is None:
        return []
    s0, e0 = cell
    if role == "lead" and _ROLE_CELL.search(text, s0, e0):
        read = _bodies(cleaned, s0, text[s0:e0])
        if any(b.role == "lead" for b in read):
            return read
    out = _split_cell(cleaned, text, s0, e0, role)
    # a cell written as a sentence ("X rà soát ...; các sở, ngành liên quan ...", "Các sở, ngành có liên
    # quan theo chức năng, nhiệm vụ được giao"): its subjects, when they are no fewer than its parts;
    # a list the reader parts more finely ("A, B và các cơ quan, tổ chức liên quan"): the reader's
    # bodies; else (names the reader does not know) the parts
    read = [b for b in _bodies(cleaned, s0, text[s0:e0]) if b.role == "lead"]
    if len(read) > len(out) or (read and len(read) == len(out) and states_duty(text[s0:e0])):
        return [replace(b, role=role) for b in read]
    return out


def _split_cell(cleaned: Cleaned, text: str, s0: int, e0: int, role: str) -> list[Body]:
    out = []
    pos = s0
    for m in list(_CELL_SPLIT.finditer(text, s0, e0)) + [None]:
        a, b = pos, (m.start() if m else e0)
        pos = m.end() if m else e0
        part = text[a:b].strip(" .;,")
        part = _MANNER_TAIL.sub("", part)
        if not part or not _LETTER.search(part):
            continue
        a = text.index(part, a)
        name = canonical_name(part)
        sp = cleaned.span(a, a + len(part))
        out.append(Body(name, role, sp.text, sp.start, sp.end, False, learned_body_type(name) or body_type_of(name)))
    return out


def _cell_time(cleaned: Cleaned, text: str, cell: tuple[int, int] | None,
               year: int | None) -> tuple[Deadline | None, Period | None]:
    """A table's time cell or a time field: its deadline or its period (temporal.time_of_cell)."""
    got = time_of_cell(text[cell[0]:cell[1]], year) if cell is not None else None
    dl = pe = None
    if got is not None and got.deadline is not None:
        sp = cleaned.span(cell[0] + got.deadline.start, cell[0] + got.deadline.end)
        dl = Deadline(got.deadline.last.isoformat(), sp.text, sp.start, sp.end)
    if got is not None and got.period is not None:
        sp = cleaned.span(cell[0] + got.period.start, cell[0] + got.period.end)
        pe = Period(got.period.first.isoformat(), got.period.last.isoformat(), sp.text, False, sp.start, sp.end)
    return dl, pe


def _row_bodies(cleaned: Cleaned, text: str, cells: dict[str, tuple[int, int]], own: list[Body]) -> list[Body]:
    """A table row's bodies: the lead cell's (else the content's own subjects), then the support
    cell's and every partner the content names ("Chủ trì, phối hợp với Sở Y tế ...")."""
    leads = _cell_bodies(cleaned, text, cells.get("lead"), "lead") or [b for b in own if b.role == "lead"]
    support = _cell_bodies(cleaned, text, cells.get("support"), "support")
    names = {b.name.lower() for b in leads + support}
    for b in own:
        if b.role == "support" and b.name.lower() not in names:
            support.append(b)
            names.add(b.name.lower())
    return leads + support


def _inherit(bodies: tuple[Body, ...]) -> list[Body]:
    return [replace(b, inherited=True) for b in bodies]


def resolve(cleaned: Cleaned, seg: Segmented, year: int | None, meeting_date: date | None,
            level: str | None = None, issue_date: date | None = None) -> list[Task]:
    """Tasks of a segmented notice. ``level`` (the notice's) completes local bodies that name none;
    ``issue_date`` (the notice's own date) ends spans counted from its signing."""
    text = seg.text
    units = seg.units
    ctx: list[_Ctx] = [_Ctx() for _ in units]
    decisions: list[Decision | None] = [None] * len(units)
    task_of: dict[int, Task] = {}
    intro_of_parent: dict[int | None, _Ctx] = {}
    tasks: list[Task] = []
    as_of = meeting_date
    election = election_day(text, year)  # the day election deadlines count from, when named
    fields, field_units = field_children(text, units)
    # the opening's own addressees ("... đề nghị Chủ tịch UBND các tỉnh chỉ đạo thực hiện:") pass to
    # top-level items that name no body, as a list intro's do
    if seg.opening is not None:
        o_start, o_end = seg.opening
        cues = list(_ADDRESS_CUE.finditer(text, o_start, o_end))
        cue = cues[-1] if cues else None
        if cue is not None:
            leads = [b for b in _bodies(cleaned, cue.end(), text[cue.end():o_end], level) if b.role == "lead"]
            if leads:
                intro_of_parent[None] = _Ctx(tuple(_inherit(tuple(leads))), None)
    # a unit longer than any real directive (pasted text without breaks) is read only at its start
    ends = [min(u.end, u.start + MAX_UNIT_CHARS) for u in units]
    owns = [seg.own_text(u) if e == u.end else " ".join(text[u.start:e].split()) for u, e in zip(units, ends, strict=True)]
    categories = unit_categories(units, owns, field_units)
    parents = {u.parent for u in units if u.parent is not None}
    item_parents = {u.parent for j, u in enumerate(units) if u.parent is not None and j not in field_units}
    seen: set[tuple[str, tuple[str, ...]]] = set()  # (folded text, lead names) of the tasks so far
    for i, u in enumerate(units):
        if i in field_units:
            continue  # a labelled field of its parent, read with the parent
        own, raw, category = owns[i], text[u.start:ends[i]], categories[i]
        parent_ctx = ctx[u.parent] if u.parent is not None else _Ctx()
        intro = intro_of_parent.get(u.parent)
        if u.kind == "heading" or (u.kind == "item" and i in item_parents and _names_only_bodies(own, level)):
            # "a) Hoạt động 1" / "- Nội dung: ..." / "- Cơ quan thực hiện: X chủ trì, phối hợp với Y":
            # the heading's labelled fields are the bodies of the contents under it
            head_bodies = _row_bodies(cleaned, text, fields[i], []) if i in fields else []
            head_bodies = head_bodies or _bodies(cleaned, u.start, raw, level)
            c = _Ctx(tuple(_inherit(tuple(head_bodies))) or parent_ctx.bodies,
                     _period(cleaned, u.start, raw, year, True, as_of) or parent_ctx.period,
                     _ROLE_HEAD.search(own) is not None)
            ctx[i] = c
            intro_of_parent.pop(i, None)
            continue
        feats = unit_features(own, u.kind, category, u.intro)
        dec = decide(feats)
        decisions[i] = dec
        if not dec.is_task and not u.intro and i not in parents:
            continue  # neither a task nor read by another unit: its bodies and period serve nothing
        cells = u.cells if u.cells is not None else fields.get(i)
        own_bodies = _bodies(cleaned, u.start, raw, level)
        if u.cells is not None:
            own_bodies = _row_bodies(cleaned, text, u.cells, own_bodies)
        # a labelled lead field wins over the sentence's subject (SPEC)
        elif cells and (cells.get("lead") or not any(b.role == "lead" for b in own_bodies)):
            own_bodies = (_cell_bodies(cleaned, text, cells.get("lead"), "lead")
                          + [b for b in own_bodies if b.role == "support"])
        if u.cells is None and cells and cells.get("support") and not any(b.role == "support" for b in own_bodies):
            own_bodies += _cell_bodies(cleaned, text, cells.get("support"), "support")
        cell_deadline, cell_period = _cell_time(cleaned, text, cells.get("time"), year) if cells else (None, None)
        own_period = cell_period or _period(cleaned, u.start, raw, year, False, as_of)
        inherited_period = parent_ctx.period or (intro.period if intro else None)
        if own_period and meeting_date and own_period.end < meeting_date and cell_period is None:
            own_period = None
        if own_period and inherited_period and cell_period is None and own_period.start <= inherited_period.start \
                and own_period.end >= inherited_period.end:
            own_period = None
        period = own_period or (replace(inherited_period, inherited=True) if inherited_period else None)
        leads = [b for b in own_bodies if b.role == "lead"]
        source = parent_ctx.bodies or (intro.bodies if intro else ())
        if leads and source and all(_RELATIONAL_LEAD.match(b.name) for b in leads):
            own_bodies = [b for b in own_bodies if b.role != "lead"]
            leads = []
        if leads:
            bodies = own_bodies
        else:
            inherited = _inherit(source)
            bodies = inherited + [b for b in own_bodies if b.role == "support" and not any(
                x.name == b.name for x in inherited)]
        heads = [b for b in parent_ctx.bodies if b.role == "lead"] if parent_ctx.partners else []
        if leads and heads:
            # under "Chủ trì, phối hợp": the heading's body leads, the item's subjects work with it
            taken = {b.name.lower() for b in heads}
            bodies = list(heads)
            for b in own_bodies:
                if b.name.lower() not in taken:
                    bodies.append(replace(b, role="support"))
                    taken.add(b.name.lower())
        if u.intro and u.kind == "para":
            # an intro passes on the period of its last sentence, the one that announces the items
            last = max(raw.rfind(". "), raw.rfind(".\n"))
            intro_period = _period(cleaned, u.start + last + 1, raw[last + 1:], year, True, as_of) if last > 0 else own_period
            intro_ctx = _Ctx(tuple(_inherit(tuple(b for b in own_bodies if b.role == "lead")))
                             or parent_ctx.bodies, intro_period or inherited_period)
            intro_of_parent[u.parent] = intro_ctx
        ctx[i] = _Ctx(tuple(bodies), period, _ROLE_HEAD.search(own) is not None)
        if not dec.is_task:
            continue
        deadline = cell_deadline
        dl = choose_deadline(find_deadlines(raw, year)) if deadline is None else None
        if deadline is None and dl is None:
            dl = counted_from_notice(raw, issue_date) or counted_from_event(raw, election)
        if dl is not None:
            sp = cleaned.span(u.start + dl.start, u.start + dl.end)
            deadline = Deadline(dl.last.isoformat(), sp.text, sp.start, sp.end)
        refs = []
        for r in find_references(raw, year):
            if r.id and r.id not in refs:
                refs.append(r.id)
        ref_cell = u.cells.get("ref") if u.cells is not None else None
        if ref_cell is not None:  # a table's reference column: the document that assigned the row
            for r in find_references(text[ref_cell[0]:ref_cell[1]], year):
                if r.id and r.id not in refs:
                    refs.append(r.id)
        parent_task = None
        p = u.parent
        while p is not None:
            if p in task_of:
                parent_task = task_of[p].task_id
                break
            p = units[p].parent
        section = None
        p = u.parent
        while p is not None:
            if units[p].kind == "heading" and units[p].style in ("roman", "part", "num.", "num-", "num)", "num/"):
                hu = units[p]
                section = " ".join(f"{hu.label or ''} {seg.own_text(hu)}".split())
                break
            p = units[p].parent
        key = (fold(own), tuple(sorted(fold(b.name) for b in bodies if b.role == "lead")))
        if key[1] and key in seen and i not in item_parents:
            continue  # the same directive to the same body, restated: one task (SPEC: one directive)
        seen.add(key)
        s0, e0 = cleaned.to_source(u.start, u.end)
        t = Task(f"t{len(tasks) + 1}", parent_task, u.label, section, own, s0, e0, bodies, deadline, period,
                 refs, round(dec.score, 3))
        tasks.append(t)
        task_of[i] = t
    return tasks
