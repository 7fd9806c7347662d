"""The task decision: which units of the body are directives (tasks).

A scored component: ``unit_features`` describes a unit (cue weights from
``data/task_cues.tsv``, the category of its section from ``data/section_cues.tsv``, its kind and
position), ``rule_score`` turns the features into a score, and ``decide`` applies the
threshold. The learned classifier of the corpus issue replaces ``rule_score`` where
cross-validation shows it is better; the features stay the same.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import regex

from ..extractors.bodies.lexicon import subject_start_pattern
from ..text import patterns as P
from ..text.lexicon import LexiconError, load_table

_PAREN = regex.compile(r"\([^()\n]{0,400}\)")
_SUBJECT_START = regex.compile(subject_start_pattern())
_TOPIC_HEADING = regex.compile(P.SEG_TOPIC_HEADING)
#: "Công tác X" under a section names a field of work, a topic of that section like "Về X": "1. Công tác
#: chỉ đạo, điều hành" under "I. Kết quả thực hiện" reports results, it directs no one.
_WORK_TOPIC = regex.compile(r"(?i)\s*công tác\s")

_LEADING_CONNECTIVE = regex.compile(
    r"(?i)^(?:[\"“(]?\s*)(?:đồng thời|bên cạnh đó|ngoài ra|mặt khác|trong đó|trước mắt|trước tiên|"
    r"trong thời gian tới|thời gian tới|sau đó|cùng với đó|theo đó|để [^,]{1,120}|trong quá trình [^,.;:]{1,80}|"
    r"trước hết|tiếp theo|cuối cùng|"
    r"thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))\s*,\s*"
)


@dataclass(frozen=True, slots=True)
class Decision:
    is_task: bool
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Features:
    kind: str  # heading | item | para | sentence
    category: str | None  # directive | assessment | None (unknown)
    intro: bool
    closing: bool
    n_words: int
    ends_sentence: bool
    cue_score: float
    cues: tuple[str, ...]
    clause: bool = False  # a directive clause of its own (read for the items of spec sections)


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[regex.Pattern, float, str, str], ...]:
    out = []
    for row in load_table("task_cues.tsv", ("cue", "weight", "where")):
        if row["where"] not in ("start", "any"):
            raise ValueError(f"task_cues.tsv: bad where {row['where']!r}")
        out.append((regex.compile(r"(?<![\p{L}])" + regex.escape(row["cue"]) + r"(?![\p{L}])", regex.I),
                    float(row["weight"]), row["where"], row["cue"]))
    return tuple(out)


#: Kinds of body_heads.tsv that open a subject as they stand, and the kind that needs a name.
_SUBJECT_KINDS = ("complete", "complement", "part", "role", "role_alone", "org")


@lru_cache(maxsize=1)
def _subject_head_start() -> regex.Pattern:
    """A unit that opens with a head noun of the body lexicon (``P.SUBJECT_HEAD_START``)."""
    rows = load_table("body_heads.tsv", ("head", "canonical", "body_type", "kind", "scope"))
    heads = {r["head"].lower() for r in rows if r["kind"] in _SUBJECT_KINDS}
    domains = {r["head"].lower() for r in rows if r["kind"] == "domain"}
    return regex.compile(P.SUBJECT_HEAD_START.format(heads=P.word_set(heads), domains=P.word_set(domains)))


class Section(StrEnum):
    """The category of a section: what its items are (``data/section_cues.tsv``)."""

    DIRECTIVE = "directive"  # tasks
    ASSESSMENT = "assessment"  # results, limitations, causes, grounds: never tasks
    AIM = "aim"  # purposes, targets, orientations, forecasts: never tasks
    SPEC = "spec"  # scope, attributes, criteria, resources: tasks only with a directive clause
    SCOPE = "scope"  # who a plan covers ("Đối tượng thi đua"), criteria an item announces: never tasks


class _Where(StrEnum):
    ANY = "any"
    START = "start"
    WHOLE = "whole"


@dataclass(frozen=True, slots=True)
class _SectionCue:
    pattern: regex.Pattern
    cue: str
    category: Section
    where: _Where
    part: bool  # a directive cue naming a part of a plan: after "và" it makes a heading mixed


@lru_cache(maxsize=1)
def _section_cues() -> tuple[_SectionCue, ...]:
    out = []
    for row in load_table("section_cues.tsv", ("cue", "category", "where"), ("part",)):
        try:
            category, where = Section(row["category"]), _Where(row["where"])
        except ValueError as e:
            raise LexiconError(f"section_cues.tsv: {e}") from None
        if row["part"] not in ("", "part"):
            raise LexiconError(f"section_cues.tsv: bad part {row['part']!r}")
        out.append(_SectionCue(regex.compile(r"(?<![\p{L}])" + regex.escape(row["cue"]) + r"(?![\p{L}])", regex.I),
                               row["cue"].lower(), category, where, row["part"] == "part"))
    return tuple(out)


#: A clause fronted before a heading's or intro's own words ("Để đạt mục tiêu trên, ...",
#: "Căn cứ tình hình thực tế, ..."): its words do not name the section.
_FRONTED_CLAUSE = regex.compile(r"(?i)^[\"“(]?\s*(?:để|nhằm|căn cứ|trên cơ sở)\s[^,:;]{1,120},\s*")
_HEADING_PUNCT = " \t:.;,\"“”"
_AND_BEFORE = regex.compile(r"(?i)(?<![\p{L}])và\s+(?:các\s+|những\s+)?$")


@lru_cache(maxsize=1024)  # a heading is read again for each unit under it, and headings recur
def _own_category(text: str) -> tuple[Section | None, int]:
    """The category of a heading's own words and where its cue starts (-1 when none): a
    "whole" cue that is the entire heading; else the earliest cue ("start" cues only at 0); a
    heading whose earliest cue is not directive but that joins a part of a plan with "và"
    ("DỰ BÁO ... VÀ CÁC GIẢI PHÁP") is mixed: None."""
    stripped = text.strip(_HEADING_PUNCT).lower()
    cues = _section_cues()
    for c in cues:
        if c.where is _Where.WHOLE and stripped == c.cue:
            return c.category, 0
    best: tuple[int, Section] | None = None
    caps = text.isupper()
    for c in cues:
        if c.where is _Where.WHOLE:
            continue
        if c.where is _Where.START:
            m = c.pattern.match(text)
        else:  # not a word of a name inside the heading ("Ban Chỉ đạo", "Ủy ban Kiểm tra")
            m = next((m for m in c.pattern.finditer(text) if m.start() == 0 or caps
                      or not text[m.start()].isupper()), None)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), c.category)
    if best is None:
        return None, -1
    if best[1] is not Section.DIRECTIVE:
        for c in cues:
            if c.part:
                for m in c.pattern.finditer(text, best[0] + 1):
                    if _AND_BEFORE.search(text, 0, m.start()):
                        return None, -1
    return best[1], best[0]


def section_category(heading: str, parent: str | None = None) -> Section | None:
    """The category of a heading's or intro's text (``parent``: the category it would
    inherit). A fronted clause ("Để ..., ") is skipped. A topic heading ("1. Về nguồn vốn, tín
    dụng", "Đối với trẻ em", "Lĩnh vực lao động:") is a topic of its parent's section (of
    directives when there is none), unless the topic itself is a non-directive cue ("Về kết
    quả đạt được", "Về tồn tại, hạn chế")."""
    text = _FRONTED_CLAUSE.sub("", heading.strip(), count=1)
    topic = _TOPIC_HEADING.match(text) or (_WORK_TOPIC.match(text) if parent else None)
    if topic is None:
        return _own_category(text)[0]
    category, at = _own_category(text[topic.end():].lstrip())
    if category is not None and category is not Section.DIRECTIVE and at == 0:
        return category
    return Section(parent) if parent else Section.DIRECTIVE


@lru_cache(maxsize=1)
def _cue_index() -> tuple[P.BoundedWords, dict[str, tuple[int, float, str]], dict[str, tuple[str, ...]]]:
    """One pattern for all cues (longest first, overlapping matches), each cue's (order, weight,
    where), and for each cue the shorter cues it begins with ("chủ trì" in "chủ trì hội nghị")."""
    info = {cue.lower(): (i, w, where) for i, (_, w, where, cue) in enumerate(_cues())}
    # on lower-cased text (cue_score lowers it): cheaper than matching ignoring case
    rx = P.BoundedWords(P.word_set(info))
    prefixes = {c: tuple(p for p in info if p != c and c.startswith(p + " ")) for c in info}
    return rx, info, prefixes


#: An item of a criteria section that ends by announcing the criteria its sub-items list ("Tập thể ...
#: đạt các tiêu chuẩn sau:", "đáp ứng các điều kiện sau đây:"): a qualification, not a directive,
#: and so are the criteria.
_CRITERIA_INTRO = regex.compile(r"(?i)(?<![\p{L}])(?:đạt|đáp ứng|có đủ|bảo đảm|đảm bảo)\s+(?:được\s+)?(?:các|những|đủ)?\s*"
                                r"(?:tiêu chuẩn|tiêu chí|điều kiện|yêu cầu)\s+(?:như\s+)?sau(?:\s+đây)?\s*:\s*$")
_LAST_SENTENCE = regex.compile(r"(?<=[.!?]\s)[^.!?]+$")
_LEADING_PLURAL = regex.compile(r"(?i)^(?:các|những)\s+")


def unit_categories(units, texts: list[str], skip: frozenset[int] | set[int] = frozenset()) -> list[str | None]:
    """The section category of each unit of a segmented notice: a heading's own category (or
    its parent's, but none below a Roman/Part heading); else the parent's; else the category of
    the list intro ("... các nhiệm vụ sau:") that stands before it among its siblings. An item
    with sub-items that opens with a section's name ("2. Các giải pháp thực hiện ...") gives
    that category to its sub-items. Units in ``skip`` (labelled fields) take no part.
    ``texts`` are the units' own texts."""
    cats: list[str | None] = [None] * len(units)
    down: list[str | None] = [None] * len(units)  # the category a unit passes to its sub-units
    intro_cat: dict[int | None, str | None] = {}
    for i, u in enumerate(units):
        if i in skip:
            continue
        parent_cat = down[u.parent] if u.parent is not None else None
        if u.kind == "heading":
            cats[i] = down[i] = section_category(texts[i], parent_cat) or (
                parent_cat if u.style not in ("roman", "part") else None)
            continue
        category = parent_cat
        if category is None and u.parent in intro_cat:
            category = intro_cat[u.parent]
        if u.intro and u.kind == "para":
            # the intro's last sentence announces the items ("Năm 2024, ... đạt chỉ tiêu. Để
            # ..., yêu cầu các đơn vị thực hiện các nội dung sau:")
            last = _LAST_SENTENCE.search(texts[i])
            intro_cat[u.parent] = section_category(last.group() if last else texts[i], category) or category
        cats[i] = down[i] = category
        if u.children and category in (Section.SPEC, Section.SCOPE) and _CRITERIA_INTRO.search(texts[i]):
            cats[i] = down[i] = Section.SCOPE  # "... đạt các tiêu chuẩn sau:": it and its items qualify, not direct
            continue
        if u.children:
            own, at = _own_category(_LEADING_PLURAL.sub("", texts[i], count=1))
            if own is not None and at == 0:
                down[i] = own
    return cats


#: Row category of ``data/action_verbs.tsv`` for auxiliaries and for nouns that hold a verb.
_SKIP_VERB = "-"


@lru_cache(maxsize=1)
def _predicates() -> regex.Pattern:
    """The verbs that make a predicate: the action verbs of ``data/action_verbs.tsv`` and the
    directive auxiliaries among the task cues ("chủ trì", "tiếp tục", "có trách nhiệm"); the
    nouns that hold a verb ("chương trình") are matched too, so that they can be skipped."""
    rows = load_table("action_verbs.tsv", ("verb", "category"))
    verbs = {r["verb"].lower(): r["category"] != _SKIP_VERB for r in rows}
    for _, w, _, cue in _cues():
        if w > 0 and cue.lower() in verbs:
            verbs[cue.lower()] = True
    verbs["phối hợp"] = True
    return regex.compile(r"(?<![\p{L}])(?:" + P.word_set(verbs) + r")(?![\p{L}])"), verbs


def has_predicate(text: str) -> bool:
    """Whether ``text`` holds a verb used as a predicate: a lower-case action verb that is not a
    member of a list ("... doanh nghiệp, tổ chức, cá nhân": followed by "," or ";"). Verbs in
    capitalised names ("Sở Xây dựng", "Ban Chỉ đạo") do not count."""
    rx, verbs = _predicates()
    low = text.lower()
    for m in rx.finditer(low):
        if not verbs[m.group()] or not text[m.start()].islower():
            continue
        rest = low[m.end():m.end() + 2].lstrip(" ")
        if rest[:1] in (",", ";"):
            continue
        if _NOUN_DETERMINER.search(low, max(0, m.start() - 12), m.start()):
            continue  # "các tổ chức chính trị - xã hội", "những hoạt động": a noun, not a predicate
        return True
    return False


#: A plural or distributive determiner right before a verb makes it a noun ("các tổ chức").
_NOUN_DETERMINER = regex.compile(r"(?<![\p{L}])(?:các|những|mọi|từng|mỗi)\s+$")


#: A leading label of an item ("Tập thể: ...", "Khen thưởng cấp Nhà nước: ...").
_LEADING_LABEL = regex.compile(r"^[^:;.]{1,80}?:\s*")
_LABEL_WORDS = 12


def directive_clause(text: str) -> bool:
    """Whether an item issues a directive of its own, after a short leading label: it opens
    with a subject (a body) and has a predicate, or it holds an addressing cue ("đề nghị",
    "giao cho", "yêu cầu"). Decides the items of a spec section."""
    m = _LEADING_LABEL.match(text)
    value = text[m.end():] if m and len(m.group().split()) <= _LABEL_WORDS else text
    value = _LEADING_CONNECTIVE.sub("", _PAREN.sub(" ", value), count=1)
    score, found = cue_score(value)
    if "subject" in found and has_predicate(value):
        return True
    rx = _address_cues()
    return any(m.start() == 0 or _CLAUSE_BREAK.search(value, 0, m.start()) for m in rx.finditer(value.lower()))


@lru_cache(maxsize=1)
def _address_cues() -> regex.Pattern:
    words = [cue.lower() for _, w, where, cue in _cues() if w >= _ADDRESS_WEIGHT and where == "any"]
    return regex.compile(r"(?<![\p{L}])(?:" + P.word_set(words) + r")(?![\p{L}])")


#: The end of a clause just before a position: an addressing cue there starts a clause.
_CLAUSE_BREAK = regex.compile(r"[,;:]\s*$")


#: A label that names a place ("Xã Hòa Bình:", "Cửa sông Gianh:"): a site of a specification list.
#: A water body's kind may stand between the place noun and the name ("Cửa sông lạch Trà", "Vùng đầm Ô Loan").
_PLACE_LABEL = regex.compile(r"(?i)^(?:xã|phường|thị trấn|thôn|ấp|bản|tổ dân phố|cửa sông|cửa biển|sông|kênh|vùng|khu vực|"
                             r"điểm)(?:\s+(?:lạch|rạch|kênh|sông|suối|đầm|phá|vịnh|hồ|cửa))?\s+(?-i:\p{Lu})")
#: A count of units where an item opens ("01 vị trí tại ...", "Không quá 05 cá nhân;").
_COUNT_START = regex.compile(r"(?i)^(?:không quá|tối đa|tối thiểu|ít nhất|khoảng)?\s*\d[\d.,]*\s+(?-i:\p{Ll})")


#: A labelled value that is only a day ("Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026."): a date line.
_DATE_ONLY_VALUE = regex.compile(
    r"(?i)(?:(?:chủ nhật|thứ (?:hai|ba|tư|năm|sáu|bảy))\s*,?\s*)?(?:ngày\s+)?\d{1,2}"
    r"(?:\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)\s*[.;]?\s*$")
#: "Nội dung (giám sát): Việc ...": the content of a review names its object, a noun phrase, not an action.
_OBJECT_CONTENT = regex.compile(r"(?i)^nội dung(?:\s+\p{L}+){0,2}\s*:\s*(?:việc|tình hình|kết quả)(?!\p{L})")


def specification(text: str) -> bool:
    """Whether an item only specifies its parent (SPEC: sampling sites, parameters, quotas are
    not tasks): its label names an attribute ("Thông số: ...", "Số lượng: ...") or a place
    ("Xã Hòa Bình: Lấy mẫu 01 vị trí"), or it opens with a count of units ("01 vị trí tại ..."),
    or its value is only a day, or it is the content of a review ("Nội dung: Việc ...")."""
    if _COUNT_START.match(text):
        return not has_predicate(text)
    m = _LEADING_LABEL.match(text)
    if m is None or len(m.group().split()) > _LABEL_WORDS:
        return False
    if _DATE_ONLY_VALUE.match(text, m.end()) or _OBJECT_CONTENT.match(text):
        return True
    label = m.group().rstrip(": \t")
    category, at = _own_category(_LEADING_PLURAL.sub("", label, count=1))
    return (category in (Section.SPEC, Section.SCOPE) and at == 0) or bool(_PLACE_LABEL.match(label))


#: Task cues of this weight or more that may stand anywhere address a body ("đề nghị", "giao cho").
_ADDRESS_WEIGHT = 3


def cue_score(text: str) -> tuple[float, tuple[str, ...]]:
    """Sum of cue weights, each cue once; "start" cues only where the unit's text opens
    (after a connective such as "Đồng thời,"); glosses in parentheses do not count. A unit that
    opens with a subject (a body's head noun or an introducer) scores as a cue "subject"."""
    text = _PAREN.sub(" ", text)
    body = _LEADING_CONNECTIVE.sub("", text, count=1)
    head = " ".join(body.split()[:4])
    rx, info, prefixes = _cue_index()
    hits: set[str] = set()
    for c in rx.overlapped(text.lower()):
        hits.add(c)
        hits.update(prefixes.get(c, ()))
    starts: set[str] = set()
    for m in (rx.match(head.lower()), rx.match(body.lower())):
        if m is not None:
            c = m.group()
            starts.add(c)
            starts.update(prefixes.get(c, ()))
    score = 0.0
    found = []
    for c in sorted(hits | starts, key=lambda k: info[k][0]):
        _, w, where = info[c]
        if where == "any" or c in starts:
            score += w
            found.append(_cues()[info[c][0]][3])
    if _SUBJECT_START.match(body) or _subject_head_start().match(body):
        score += 2
        found.append("subject")
    return score, tuple(found)


#: An item labelled with an aim ("1. Mục tiêu: đến năm 2030 ...", "- Chỉ tiêu cụ thể: ..."): SPEC, aims are not tasks.
_AIM_LABEL = regex.compile(r"(?i)^(?:mục tiêu|mục đích|chỉ tiêu)(?:\s+\p{L}+){0,3}\s*:")


def unit_features(text: str, kind: str, category: str | None, intro: bool, closing: bool = False) -> Features:
    s, cues = cue_score(text)
    if kind in ("item", "para") and _AIM_LABEL.match(text):
        category = Section.AIM
    ends = text.rstrip().endswith((".", ";", "!", "?", "…", ":", "./.", ")", "”", '"'))
    spec = category == Section.SPEC or (kind in ("item", "para") and specification(text))
    clause = spec and directive_clause(text)
    return Features(kind, Section.SPEC if spec and category not in (Section.AIM, Section.ASSESSMENT, Section.SCOPE)
                    else category, intro, closing, len(text.split()), ends, s, cues, clause)


def rule_score(f: Features) -> float:
    """A score > 0 means "task". Items of a directive section are tasks unless they are formulas."""
    if f.kind == "heading" or f.closing:
        return -10.0
    if f.category in (Section.ASSESSMENT, Section.AIM, Section.SCOPE):
        return -5.0
    if f.category == Section.SPEC:
        return 3.0 if f.clause else -4.0  # scope, criteria, quotas: tasks only with a directive clause
    if f.intro and f.kind == "para":
        return -1.0  # a list intro announces the items; its addressees pass to them
    if f.kind in ("item", "row"):
        if f.category == "directive" or f.kind == "row":
            return 3.0
        # an item of a conclusion with no section heading: a directive unless the cues
        # clearly say assessment
        return 1.0 + f.cue_score if f.cue_score <= -3 else 1.0 + max(f.cue_score, 0.0)
    if f.n_words < 5 or (not f.ends_sentence and f.n_words < 12):
        return -3.0  # a byline, a caption, a fragment
    base = 0.5 if f.category == "directive" else -1.0
    return base + f.cue_score


def decide(f: Features) -> Decision:
    score = rule_score(f)
    return Decision(score > 0, score, f.cues)
