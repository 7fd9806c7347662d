"""The document header: type, number, title, issuer, level, place, dates, chair, signer, recipients.

Reads the header and opening zones found by :mod:`pipeline.segment`, the signature area at
the end, and what cleaning set apart (a portal's publication dateline). Every field is
optional: a field that is not found is None (or [] for recipients).
"""
from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

import regex

from ..extractors.bodies import canonical_name
from ..extractors.references import doc_number_of, find_references
from ..extractors.temporal import iter_times
from ..ingest.clean import Cleaned
from ..model import DocumentMeta, Person
from ..structure.header_names import DASH_END, field_capitals, inner_heads, join_name_lines, title_words
from ..structure.segment import Segmented
from ..text import patterns as P
from ..text.lexicon import load_table, load_word_set, load_words

_LINE = regex.compile(r"[^\n]+")
_SO_LINE = regex.compile(r"^\s*(?:Số|SỐ|So)\s*[:.]?\s*\S")
#: "Số:" alone on its line: the number stands on the next line.
_SO_ALONE = regex.compile(r"^\s*[*_]*(?:Số|SỐ|So)\s*[:.]?[*_\s]*$")
#: A line that is only a document symbol ("7360/KH-UBND", "25-TB/HU"): never a body's name.
_SYMBOL_LINE = regex.compile(r"^[\s*_]*\d+[\d.]*\s*[/-]\s*[\p{Lu}\d]+(?:\s*[/&-]\s*[\p{Lu}\d]+)*[\s*_.]*$")
_PLACE_DATE = regex.compile(
    r"(?:^|\n|[ \t]{2}|(?<=\d[ \t]*[-/][ \t]*[\p{Lu}Đ][\p{L}Đ\-/]{0,20}[ \t]))[ \t*_]*\p{Lu}[\p{L} .\-–']{1,40},[ \t]*(?i:ngày)[ \t]+(\d{1,2})[ \t]+(?i:tháng)[ \t]+(\d{1,2})"
    r"[ \t]+(?i:năm)[ \t]+(\d{4})")
_NUMERIC_DATE = regex.compile(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?![\d/])")
_RIGHT_COLUMN = regex.compile(
    r"(?i)\s*(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    r"Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)\s*")
_NAME_SYLLABLE = r"(?<!\p{L})\p{Lu}\p{Ll}*(?:'\p{Ll}+)?(?!\p{L})"
_NAME_RUN = regex.compile(_NAME_SYLLABLE + r"(?:[ \t]+" + _NAME_SYLLABLE + r"){1,5}")
_PLAIN_NAME = regex.compile(r"(?:" + _NAME_SYLLABLE + r"[ \t]+){1,4}" + _NAME_SYLLABLE)
_TITLE_STOP = frozenset(
    "Phó Chủ Bí Trưởng Giám Bộ Thủ Ủy Chánh Tổng Thường Ban Tỉnh Huyện Xã Quận UBND HĐND "
    "Sở Phòng Đảng Thứ Cục Viện Tòa Kiểm Các Tại Ủy viên".split())
#: Verbs after the chair's name; "có ý kiến (như sau)" is how a Government Office letter conveys
#: the opinion of the leader it speaks for.
_CHAIR_VERB = regex.compile(r"(?i)\b(kết luận|chủ trì|chỉ đạo|phát biểu|làm việc|kiểm tra|có ý kiến)\b")
_RECIPIENT_ITEM = regex.compile(r"^\s*[-–—+•*]\s*(.+?)\s*[,;.]?\s*$")
_V_V = regex.compile(r"^\s*(?:V/v|V/V|v/v|Về việc)\b[ \t.:]*", regex.I)
_XA_HOI = regex.compile(P.HDR_XA_HOI)
_MINISTRY_LINE = regex.compile(P.HDR_MINISTRY_LINE)
_PLACE_AFTER_LEVEL = regex.compile(P.HDR_PLACE_AFTER_LEVEL)
_HEAD_THEN_NAME = regex.compile(P.HDR_HEAD_THEN_NAME)
_PARTY_COMMITTEE = regex.compile(P.HDR_PARTY_COMMITTEE)
#: Names written with capitals inside a body's name ("Thủ tướng Chính phủ", "Ủy ban Mặt trận Tổ quốc").
_PROPER = {p.lower(): p for p in ("Chính phủ", "Quốc hội", "Trung ương", "Việt Nam", "Mặt trận Tổ quốc",
                                   "Bộ Chính trị", "Ban Bí thư")}
_PROPER_PHRASE = regex.compile(r"(?<!\p{L})(?:" + "|".join(sorted(_PROPER, key=len, reverse=True)) + r")(?!\p{L})",
                               regex.IGNORECASE)
_LETTER_NUMBER = regex.compile(P.HDR_LETTER_NUMBER)
_TYPED_NUMBER = regex.compile(P.HDR_TYPED_NUMBER)
_NUMBER_TO_END = regex.compile(P.HDR_NUMBER_TO_END)
_LETTER = regex.compile(P.LETTER)
_TITLE_STOP_LINE = regex.compile(P.HDR_TITLE_STOP)
_BOUND_BEFORE = regex.compile(P.HDR_BOUND_BEFORE)
_CLAUSE_END = regex.compile(P.HDR_CLAUSE_END)
_PLACE_BEFORE = regex.compile(P.HDR_PLACE_BEFORE)
_CONCLUDES_BEFORE = regex.compile(P.HDR_CONCLUDES_BEFORE)
_CHAIRED_BY_BEFORE = regex.compile(P.HDR_CHAIRED_BY_BEFORE)
_HONORIFIC_BEFORE = regex.compile(P.HDR_HONORIFIC_BEFORE)
_TITLE_AFTER = regex.compile(P.HDR_TITLE_AFTER)
_TITLE_BEFORE = regex.compile(P.HDR_TITLE_BEFORE)
_LEADER_TITLE = regex.compile(P.HDR_LEADER_TITLE)
_RECIPIENTS_LABEL = regex.compile(P.HDR_RECIPIENTS_LABEL)
_RECIPIENTS_SPLIT = regex.compile(P.HDR_RECIPIENTS_SPLIT)
_NUMBER_PARTS = regex.compile(P.HDR_NUMBER_PARTS)
#: A mark on its own line in the header's left column ("DỰ THẢO", "DỰ THẢO LẦN 2", "KHẨN"): never a body.
_MARK_LINE = regex.compile(r"^(?:DỰ THẢO|BẢN THẢO|THƯỢNG KHẨN|HỎA TỐC|HOẢ TỐC|KHẨN|MẬT|TỐI MẬT)(?:\s+LẦN\s+\S+)?$")
#: Sentence case of committee names: "Ban Thường trực ủy ban ..." -> "... Ủy ban ...".
_COMMITTEE_AFTER_HEAD = regex.compile(r"(?<=(?:Thường trực|Thường vụ) )ủy ban(?!\p{L})")
#: ... and "Ủy ban Bầu cử" -> "Ủy ban bầu cử" (an election body's name has no proper noun).
_ELECTION_BODY = regex.compile(r"^(Ủy ban|Ban|Tổ) Bầu cử(?!\p{L})")
#: A leader's title ending with a level word just before a name ("Phó Chủ tịch Thường trực UBND
#: tỉnh Lê Thị Hạnh chủ trì"): the name is the leader's, not a place's.
_TITLE_THEN_LEVEL = regex.compile(
    r"(?i)(?:Phó\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Trưởng ban)(?:\s+Thường trực)?\s+"
    r"(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Ủy ban MTTQ(?:\s+Việt Nam)?)?\s*"
    r"(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s*$")


@lru_cache(maxsize=1)
def _type_names() -> tuple[str, ...]:
    return tuple(sorted(load_words("doc_type_names.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return load_word_set("surnames.txt")


@lru_cache(maxsize=1)
def _provinces() -> tuple[str, ...]:
    names = list(load_words("provinces.txt"))
    names += [n.replace(" - ", "-") for n in names if " - " in n]
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _province_by_lower() -> dict[str, str]:
    """Lower-cased name -> the first of ``_provinces()`` with it (in their order)."""
    out: dict[str, str] = {}
    for n in _provinces():
        out.setdefault(n.lower(), n)
    return out


@lru_cache(maxsize=1)
def _province_rx() -> P.LatinFast:
    return P.LatinFast(
        r"(?i:tỉnh ủy|thành ủy|tỉnh|thành phố|tp\.|tp)\s+(" + P.word_set(_provinces()) + r")(?![\p{L}])"
        r"|(?<![\p{L}])(" + P.word_set({n.upper() for n in _provinces()}) + r")(?![\p{L}])")


@lru_cache(maxsize=1)
def _level_rx() -> tuple[regex.Pattern, dict[str, str]]:
    rows = load_table("levels.tsv", ("word", "level"))
    words = {r["word"].lower(): r["level"] for r in rows}
    for lv in words.values():
        if lv not in ("xã", "huyện", "tỉnh", "trung ương"):
            raise ValueError(f"levels.tsv: unknown level {lv!r}")
    return regex.compile(r"(?<![\p{L}])(" + P.word_set(words) + r")(?![\p{L}])", regex.I), words


_LEVEL_ORDER = {"xã": 0, "huyện": 1, "tỉnh": 2, "trung ương": 3}


_CITY = regex.compile(r"(?i)(?<!\p{L})(?:thành phố|thành ủy|tp\.?)\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})")


def levels_in(text: str) -> list[str]:
    """Levels named in ``text``; "thành phố/Thành ủy X" is tỉnh when X is a province-level city;
    "xã hội" (society) is no level; a ministry ("Bộ Y tế", "BỘ LAO ĐỘNG ...") is trung ương."""
    rx, words = _level_rx()
    out = [words[m.group(1).lower()] for m in rx.finditer(text)
           if not (m.group(1).lower() == "xã" and _XA_HOI.match(text, m.end(), m.end() + 5))]
    out += ["trung ương" for _ in _MINISTRY_LINE.finditer(text)]
    provs = _province_by_lower()
    for m in _CITY.finditer(text):
        name = m.group(1).lower()
        out.append("tỉnh" if any(name.startswith(p) for p in provs) else "huyện")
    return out


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    end = len(text) if end is None else end
    return [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text, start, end) if m.group().strip()]


def restore_case(s: str) -> str:
    """An all-capitals name ("HUYỆN ỦY VĨNH LỘC") in sentence case with proper names kept."""
    if s != s.upper():
        return s
    low = s.lower()
    out = low[:1].upper() + low[1:]
    lowered = out.lower()  # unchanged by the replacements below (each writes a name over its lower case)
    for name in _provinces():
        i = lowered.find(name.lower())
        if i >= 0:
            out = out[:i] + name + out[i + len(name):]
    # capitalise a place name after a level word: "huyện vĩnh lộc" -> "huyện Vĩnh Lộc" (not "xã hội")
    out = _PLACE_AFTER_LEVEL.sub(lambda m: m.group() if out[max(0, m.start() - 3):m.start()] == "xã "
                                 and m.group(1) == "hội" else title_words(m.group(1)), out)
    out = _HEAD_THEN_NAME.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", out)
    out = inner_heads(field_capitals(out))
    out = _PARTY_COMMITTEE.sub(lambda m: m.group(1).capitalize(), out)
    out = _PROPER_PHRASE.sub(lambda m: _PROPER[m.group().lower()], out)
    abbrs = _abbreviations()
    words = s.split(" ")
    if any(w in abbrs for w in words):  # "UBND HUYỆN THỌ XUÂN": abbreviations keep their capitals
        kept = out.split(" ")
        if len(kept) == len(words):
            out = " ".join(w if w in abbrs else k for w, k in zip(words, kept, strict=True))
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbr"] for r in load_table("abbreviations.tsv", ("abbr", "expansion")))


def _doc_type(lines: list[tuple[int, int, str]]) -> tuple[str | None, int]:
    for i, (_, _, s) in enumerate(lines[:25]):
        core = s.strip("*_ ").strip()
        if core != core.upper() or not core:
            continue
        for name in _type_names():
            if core.startswith(name.upper()) and (len(core) == len(name) or not core[len(name)].isalpha()):
                return name, i
    return None, -1


def _doc_number(lines: list[tuple[int, int, str]]) -> str | None:
    for i, (_, _, s) in enumerate(lines[:25]):
        if _SO_ALONE.match(s) and i + 1 < len(lines):
            s = "Số: " + lines[i + 1][2].strip()
        if _SO_LINE.match(s):
            found = doc_number_of(s)
            if found:
                return found
    return None


def _type_from_number(number: str | None) -> str | None:
    if not number:
        return None
    refs = find_references(number)
    if refs and refs[0].type:
        return refs[0].type
    if _LETTER_NUMBER.match(number) and not _TYPED_NUMBER.search(number):
        return "Công văn"
    return None


def _issuer_block(lines: list[tuple[int, int, str]], stop: int) -> list[str]:
    """The header's left column: the issuing body and its superiors, top to bottom."""
    cands = []
    for _, _, s in lines[:stop]:
        if _SO_ALONE.match(s) or _SYMBOL_LINE.match(s) or _MARK_LINE.match(s.strip(" *_")):
            continue  # the number or a draft/urgency mark under the issuer, not a body
        s2 = _RIGHT_COLUMN.sub(" ", s)
        s2 = _PLACE_DATE.sub(" ", s2)
        s2 = _NUMBER_TO_END.sub(" ", s2)
        cut = DASH_END.search(s2)  # "BỘ LAO ĐỘNG -": the name goes on below
        s2 = s2.strip(" *-–_") + (" -" if cut else "")
        if not s2 or len(s2.split()) > 14:
            continue
        if s2 != s2.upper() or not _LETTER.search(s2):
            continue
        cands.append(s2)
    return cands


# a locality line under its body ("XÃ TIÊN YÊN"), not a party committee ("HUYỆN ỦY CAN LỘC")
_LOCALITY_START = regex.compile(r"^(?:XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH|TP\.?)\s(?!(?:ỦY|UỶ|ĐOÀN)(?:\s|$))")
#: a unit named without its committee or level: the superior line completes it ("TỈNH ỦY X" / "BAN DÂN VẬN")
_GENERIC_HEAD = regex.compile(r"^(?:BAN THƯỜNG TRỰC|BAN THƯỜNG VỤ|THƯỜNG TRỰC|VĂN PHÒNG|BAN CHỈ ĐẠO|"
                              r"BAN (?:DÂN VẬN|TUYÊN GIÁO(?: VÀ DÂN VẬN)?|TỔ CHỨC|NỘI CHÍNH)|Ủ[YY] BAN KIỂM TRA)$")
#: the level and place at the end of a superior line ("ỦY BAN NHÂN DÂN HUYỆN QUẢN BẠ" -> "HUYỆN QUẢN BẠ")
_LOCALITY_END = regex.compile(r"(?<!\p{L})(?:XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|TỈNH|THÀNH PHỐ)"
                              r"(?:\s(?!ỦY|UỶ)\p{Lu}+){1,4}$")

#: a party committee named by its level alone ("TỈNH ỦY", "HUYỆN ỦY"): the Party organisation line
#: above it ("ĐẢNG BỘ TỈNH HÀ TĨNH") gives its place
_BARE_COMMITTEE = regex.compile(r"^(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s(?:ỦY|UỶ)$")
_PARTY_BODY_PLACE = regex.compile(r"^ĐẢNG BỘ\s(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s(\p{Lu}+(?:\s\p{Lu}+){0,4})$")


def _issuer(block: list[str]) -> str | None:
    block = join_name_lines(block)
    if not block:
        return None
    last = block[-1]
    if len(block) >= 2 and _LOCALITY_START.match(last):
        last = f"{block[-2]} {last}"  # "ỦY BAN NHÂN DÂN" / "XÃ TIÊN YÊN"
    elif len(block) >= 2 and _GENERIC_HEAD.match(last):
        last = f"{last} {' '.join(block[-3:-1] if len(block) >= 3 and _LOCALITY_START.match(block[-2]) else block[-2:-1])}"
    elif len(block) >= 2 and _BARE_COMMITTEE.match(last) and (party := _PARTY_BODY_PLACE.match(block[-2])):
        last = f"{last} {party.group(1)}"  # "ĐẢNG BỘ TỈNH HÀ TĨNH" / "TỈNH ỦY": "Tỉnh ủy Hà Tĩnh"
    elif len(block) >= 2 and not levels_in(last):
        place = _LOCALITY_END.search(block[-2])
        if place:  # a body named by its field under "UBND HUYỆN X" ("SỞ ...", "BAN CHỈ ĐẠO ..."): "... huyện X"
            last = f"{last} {place.group()}"
    name = _COMMITTEE_AFTER_HEAD.sub("Ủy ban", restore_case(last))
    return canonical_name(_ELECTION_BODY.sub(lambda m: f"{m.group(1)} bầu cử", name))


def _title(lines, type_i: int, text: str, body_start: int) -> str | None:
    parts = []
    if type_i >= 0:
        for s0, _, s in lines[type_i + 1:type_i + 8]:
            if s0 >= body_start:
                break
            if _TITLE_STOP_LINE.match(s) or len(s.split()) > 45:
                break
            parts.append(_V_V.sub("", s.strip("*_ ")))
    else:
        for _, _, s in lines[:8]:
            if _V_V.match(s):
                parts.append(_V_V.sub("", s))
                break
    title = " ".join(p for p in parts if p).strip()
    return title or None


def _issue_date(text: str, cleaned: Cleaned, published: str | None) -> str | None:
    m = _PLACE_DATE.search(text)
    if m:
        iso = _iso(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            return iso
    for sp in cleaned.boilerplate:
        if sp.label == "dateline":
            dm = _NUMERIC_DATE.search(sp.text)
            if dm:
                iso = _iso(int(dm.group(3)), int(dm.group(2)), int(dm.group(1)))
                if iso:
                    return iso
    return published


_REF_BEFORE = regex.compile(r"(?:\d+[ \t]*[-/][ \t]*[\p{Lu}Đ]{1,6}[\p{L}]*[ \t]*[/-][ \t]*[\p{L}\d]+|(?i:số)[ \t]+\d+[-/.]\S+)"
                         r"[ \t]*,?[ \t]*(?i:ngày[ \t]*)?$")


#: Words of a sentence that names a meeting; "dự" and "tiếp" only as "(tham) dự", "tiếp (xúc, đoàn)",
#: not in "dự báo", "dự án", "tiếp theo", "tiếp tục" (a forecast's or a dispatch's date is no meeting).
_MEETING = regex.compile(r"(?i)(?<!\p{L})(?:họp|hội nghị|làm việc|chủ trì|giao ban|phiên|kiểm tra|khảo sát|"
                         r"thăm|tiếp(?![ \t]+(?:theo|tục|nhận|cận|thu)(?!\p{L}))|"
                         r"dự(?![ \t]+(?:báo|án|toán|kiến|thảo|trữ|phòng|định|tính)(?!\p{L}))|"
                         r"đi kiểm tra|hội thảo|tọa đàm|trực tuyến)(?!\p{L})")


#: A numbered document reference ("52-TB/ĐU", "số 19/KH-UBND").
_DOC_REF = regex.compile(r"(?:\d+[ \t]*[-/][ \t]*[\p{Lu}Đ]{1,6}[\p{L}]*[ \t]*[/-][ \t]*[\p{L}\d]+|(?i:số)[ \t]+\d+[-/.]\S+)")


def _cites_before(clause: str) -> bool:
    """Whether a date's clause cites a document before it with no comma between: the date is
    then the cited document's ("Thông báo số 52-TB/ĐU ... tại hội nghị ngày 03/10/2025"), not the
    notice's meeting ("Thực hiện Chương trình số 05-CTr/HU, ngày 12/5/2025, Ban Thường vụ họp")."""
    ends = [m.end() for m in _DOC_REF.finditer(clause)]
    return bool(ends) and "," not in clause[ends[-1]:]


def _meeting_date(text: str, start: int, end: int, year: int | None) -> str | None:
    window = text[start:end]
    if not _MEETING.search(window):
        return None  # a meeting date stands in a sentence that names the meeting
    for t in iter_times(window, year):  # the date is near the start: the rest is read only if need be
        if t.kind != "day" or t.cue:
            continue
        before = window[max(0, t.start - 60):t.start]
        if _REF_BEFORE.search(before) or _BOUND_BEFORE.search(before):
            continue
        s0 = max(window.rfind(".", 0, t.start), window.rfind("\n", 0, t.start)) + 1
        ends = [e for e in (window.find(". ", t.end), window.find("\n", t.end)) if e > 0]
        sentence = window[s0:min(ends) if ends else len(window)]
        if _cites_before(window[max(s0, window.rfind(";", 0, t.start) + 1):t.start]):
            continue  # the meeting of a cited document ("Thông báo số ... tại hội nghị ngày ...")
        if not _MEETING.search(sentence):
            continue
        if _PLACE_DATE.search("\n" + window[max(0, t.start - 45):t.end]):
            continue
        return t.first.isoformat()
    return None


def _name_runs(s: str):
    """(start, end, name) of runs of 2-4 capitalised syllables that begin with a family name."""
    for m in _NAME_RUN.finditer(s):
        words = m.group().split()
        # a run may start with title words: drop them up to a family name
        k = 0
        while k < len(words) and words[k] not in _surnames():
            k += 1
        words = words[k:]
        # cut at a title word after the name
        for j in range(1, len(words)):
            if words[j] in _TITLE_STOP and j >= 2:
                words = words[:j]
                break
        if 2 <= len(words) <= 4 and words[0] in _surnames() and not any(w.isupper() and len(w) > 1 for w in words):
            offs = m.start() + m.group().find(" ".join(words))
            yield offs, offs + len(" ".join(words)), " ".join(words)


def _chair(text: str, start: int, end: int, issuer: str | None = None) -> Person | None:
    """The official whose conclusions are recorded; never the issuer's own place ("Chủ tịch UBND
    huyện Lục Sơn" names a district whose first syllable is also a family name)."""
    window = text[start:end]
    best = None
    provinces = set(_provinces())
    titles: dict[str, str] = {}
    for s, e, name in _name_runs(window):
        if name in provinces or (issuer and issuer.endswith(" " + name)):
            continue
        after = window[e:e + 260]
        cut = _CLAUSE_END.search(after)
        after = after[:cut.start()] if cut else after
        before = window[max(0, s - 80):s]
        if _PLACE_BEFORE.search(before) and not _TITLE_THEN_LEVEL.search(before):
            continue  # a place or a street named after a person
        score = 0
        vm = _CHAIR_VERB.search(after)
        if vm:
            # a visiting leader "làm việc với"/"kiểm tra" a unit (news reports): the weakest sign
            score = {"kết luận": 3, "chủ trì": 2, "chỉ đạo": 1, "phát biểu": 1, "làm việc": 1,
                     "kiểm tra": 1, "có ý kiến": 1}[vm.group(1).lower()]
        if _CONCLUDES_BEFORE.search(before):
            score = max(score, 3)
        if _CHAIRED_BY_BEFORE.search(before):
            score = max(score, 2)
        if _HONORIFIC_BEFORE.search(before):
            score += 0.5
        title = None
        tm = _TITLE_AFTER.match(after)
        if tm:
            title = tm.group(1).strip(" ,")
        else:
            bm = _TITLE_BEFORE.search(before)
            if bm and _LEADER_TITLE.search(bm.group(1)):
                title = bm.group(1).strip()
        if title:
            titles.setdefault(name, title)
        if score <= 0.5:
            continue
        if best is None or score > best[0]:
            best = (score, Person(name, title or None))
    if best and best[1].title is None and best[1].name in titles:
        return Person(best[1].name, titles[best[1].name])
    return best[1] if best else None


def _signer(text: str, lines: list[tuple[int, int, str]], footer_start: int, body_end: int,
            annex_start: int | None = None) -> Person | None:
    """The name under the signature block: the last name line of the footer, before any annex
    (an annex after the signature ends with its own tables, not a signature)."""
    stop = len(text) if annex_start is None else annex_start
    tail = [ln for ln in lines if min(footer_start, body_end) <= ln[0] < stop][-30:]
    has_footer = footer_start < len(text)
    for i in range(len(tail) - 1, -1, -1):
        s = tail[i][2].strip("*_ ")
        runs = list(_name_runs(s))
        plain = bool(_PLAIN_NAME.fullmatch(s)) and s != s.upper()
        if not (runs and runs[0][2] == s) and not (plain and i > 0 and tail[i - 1][2].strip("*_ ").isupper()):
            continue
        title_lines = []
        for j in range(i - 1, max(-1, i - 6), -1):
            t = tail[j][2].strip("*_ ")
            if t.startswith(("-", "+", "•")) or _RECIPIENT_ITEM.match(t) and t[:1] in "-+•":
                break
            if t == t.upper() or len(t.split()) <= 2:
                title_lines.insert(0, t)
            else:
                break
        if not title_lines and not has_footer:
            return None
        title = " ".join(title_lines) or None
        return Person(s, title)
    return None


def _recipients(text: str, lines: list[tuple[int, int, str]], footer_start: int) -> list[str]:
    out: list[str] = []
    started = False
    for s0, _, s in lines:
        if s0 < footer_start:
            continue
        if not started:
            started = True
            rest = _RECIPIENTS_LABEL.sub("", s)
            if rest:
                out.extend(x.strip(" -–+•,;.") for x in _RECIPIENTS_SPLIT.split(rest) if x.strip(" -–+•,;."))
            continue
        m = _RECIPIENT_ITEM.match(s)
        if not m:
            if out:
                break
            continue
        out.append(m.group(1).strip(" ,;."))
    return out


def _province(text: str, header_text: str, level: str | None, footnotes: str = "") -> str | None:
    if level == "trung ương":
        return None
    for src in (header_text, text, footnotes):
        m = _province_rx().for_text(src).search(src)
        if m:
            name = m.group(1) or m.group(2)
            n = _province_by_lower().get(name.lower())
            if n is not None:
                return n.replace("-", " - ") if "-" in n and " - " not in n else n
    return None


_DISTRICT = regex.compile(
    r"(?<![\p{L}])(?i:huyện ủy|quận ủy|thị ủy|huyện|quận|thị xã)[ \t]+"
    r"(\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*){0,3}|\p{Lu}+(?: \p{Lu}+){0,3})(?![\p{L}])")
#: words of a header or a body that stop a district's name ("HUYỆN ỦY ĐỨC HÒA   ĐẢNG CỘNG SẢN ...")
_DISTRICT_STOP = frozenset("Ủy Uỷ Ban Đảng Cộng Hội Công Chỉ Phòng Huyện UBND Nhân Sở Độc Thường Số".split())
#: a name used for a person: "đồng chí X", "ông X" before it, or ", Chủ tịch ..." after it
_PERSON_BEFORE = regex.compile(r"(?<!\p{L})(?i:đồng chí|ông|bà|đ/c)\s+$")
_PERSON_AFTER = regex.compile(r"\s*[,–-]\s*(?:Phó\s+)?(?:Chủ tịch|Bí thư|Trưởng|Giám đốc|Ủy viên|Thứ trưởng|Bộ trưởng)")


def _is_person(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` as a person's (a district named after one is not)."""
    i = text.find(name)
    while i >= 0:
        if _PERSON_BEFORE.search(text[max(0, i - 12):i]) or _PERSON_AFTER.match(text, i + len(name)):
            return True
        i = text.find(name, i + len(name))
    return False


def _district(text: str, header_text: str, level: str | None) -> str | None:
    if level not in ("huyện", "xã"):
        return None
    for src in (header_text, text):
        for m in _DISTRICT.finditer(src):
            words = [w if not w.isupper() else w[:1] + w[1:].lower() for w in m.group(1).split()]
            cut = next((i for i, w in enumerate(words) if w in _DISTRICT_STOP
                        or w == "Văn" and words[i + 1:i + 2] == ["Phòng"]), len(words))
            name = " ".join(words[:cut])
            if not name or _is_person(text, name):
                continue
            return name
    return None


def _level(issuer: str | None, chair: Person | None, number: str | None, opening: str) -> str | None:
    if issuer:
        lv = levels_in(issuer)
        if lv:
            return min(lv, key=_LEVEL_ORDER.get)
    if chair and chair.title:
        lv = levels_in(chair.title)
        if lv:
            return min(lv, key=_LEVEL_ORDER.get)
    if number:
        issuer_code = _NUMBER_PARTS.split(number)[-1].upper()
        by_code = {"HU": "huyện", "QU": "huyện", "TU": "tỉnh", "TW": "trung ương", "VPTW": "trung ương",
                   "CP": "trung ương", "TTG": "trung ương", "VPCP": "trung ương", "VPTU": "tỉnh", "VPHU": "huyện",
                   "BDVTU": "tỉnh", "BDVHU": "huyện"}
        if issuer_code in by_code:
            return by_code[issuer_code]
    lv = levels_in(opening)
    if lv:
        counts = {k: lv.count(k) for k in set(lv)}
        return max(counts, key=lambda k: (counts[k], -_LEVEL_ORDER[k]))
    return None


def extract_header(cleaned: Cleaned, seg: Segmented, published: str | None = None,
                   web_title: str | None = None) -> DocumentMeta:
    """The header fields of a cleaned, segmented notice; ``published`` and ``web_title`` are
    what a web page's markup said (its publication date and headline)."""
    text = cleaned.text
    # the header fields stand in the head and the signature area: read only those regions
    head_stop = min(len(text), max(seg.header_end, 0) + 3000)
    tail_start = max(head_stop, min(seg.footer_start, len(text) - 4000) - 2000)
    lines = _lines(text, 0, head_stop) + _lines(text, tail_start)
    head_lines = [ln for ln in lines if ln[0] < seg.header_end] or lines[:3]
    h = DocumentMeta()
    h.doc_type, type_i = _doc_type(head_lines)
    h.doc_number = _doc_number(head_lines)
    if h.doc_type is None:
        h.doc_type = _type_from_number(h.doc_number)
    if h.doc_type is None and any(_V_V.match(s) for _, _, s in head_lines[:10]):
        h.doc_type = "Công văn"
    h.title = _title(head_lines, type_i, text, seg.header_end)
    if h.title is None and type_i < 0 and head_lines and seg.prose:
        h.title = web_title or head_lines[0][2]
    stop = type_i if type_i >= 0 else next((i for i, ln in enumerate(head_lines) if _SO_LINE.match(ln[2])), 3) + 1
    block = _issuer_block(head_lines, max(stop, 0))
    h.issuer = _issuer(block)
    h.issue_date = _issue_date(text, cleaned, published)
    year = h.year
    opening_end = seg.header_end if not seg.prose else min(len(text), seg.body_start + 3000)
    opening_start = head_lines[type_i][0] if type_i >= 0 else 0
    h.meeting_date = _meeting_date(text, opening_start, max(opening_end, min(len(text), 1500)), year)
    chair_end = seg.header_end if not seg.prose else seg.footer_start
    h.chair = _chair(text, 0, min(max(chair_end, min(len(text), 1200)), 30000), h.issuer)
    h.signer = _signer(text, lines, seg.footer_start, seg.body_end, seg.annex_start)
    h.recipients = _recipients(text, lines, seg.footer_start) if seg.footer_start < len(text) else []
    header_text = "\n".join(s for _, _, s in head_lines[:max(stop, 1) + 2])
    opening = text[:seg.header_end or 1500] if not seg.prose else text[:seg.body_start + 2500]
    h.level = _level(" ".join(block) or None, h.chair, h.doc_number, opening)
    h.province = _province(text, header_text, h.level, "\n".join(f.text for f in cleaned.footnotes))
    h.district = _district(text, header_text, h.level)
    return h


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)
