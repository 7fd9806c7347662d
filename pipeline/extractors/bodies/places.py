"""Levels and places after a body's head: "huyện", "các xã, thị trấn", "tỉnh Quảng Ninh",
"từ tỉnh đến cơ sở", "các Huyện ủy A, B", "trực thuộc Trung ương".

In: a :class:`~.cursor.TokenCursor` position. Out: the end token of the level phrase, place
name, name list or party-committee list there (or None / the position itself when there is none).
"""
from __future__ import annotations

import regex

from .cursor import TokenCursor
from .lexicon import Scope, place_key, province_units

__all__ = ["MAX_LIST", "MAX_NAME", "PARTY_COMMITTEE", "PlaceReader"]

MAX_LIST = 12  # localities in one level list ("các tỉnh, thành phố: A, B, ...")
_LOOKAHEAD = 8  # tokens a complement may run past a verb to reach its level word
_LOOKAHEAD_PHRASE = 12  # words of what a board works against ("phòng, chống rửa tiền, tài trợ khủng bố")
MAX_NAME = 30  # tokens of one body name (bounds the work per position: linear time overall)
PARTY_COMMITTEE = {"huyện", "tỉnh", "thành", "quận", "thị", "đảng"}
_ROMAN = regex.compile(r"[IVXLC]+|\d+[A-Za-z]?")
_SUPERIORS = (("trung", "ương"), ("thành", "phố"), ("tỉnh",), ("huyện",))  # after "trực thuộc"
_PHRASE, _UNIT = Scope.PHRASE, Scope.UNIT


class PlaceReader(TokenCursor):
    """Level phrases, proper place names and lists of them, read from a token position."""

    def level_end(self, i: int) -> int | None:
        """End of a level phrase at ``i`` ("huyện", "các xã, thị trấn", "từ huyện đến cơ sở",
        "tỉnh Quảng Ninh", "các tỉnh, thành phố: Quảng Ninh, Hải Phòng"), or None."""
        low, lex = self.low, self.lex
        if i >= self.n or self.in_paren[i]:
            return None
        m = lex.levels.match(low, i)
        if m and m[1] is _PHRASE:
            end = m[0]
            if low[end - 1] == "cấp" and end < self.n and low[end] == "ủy":
                return None
            return end
        k = i
        plural = low[k] == "các"
        if plural:
            k += 1
        m = self.unit_end(k)
        if m is None:
            return None
        end = m
        for _ in range(MAX_LIST):
            if not (end + 1 < self.n and low[end] in (",", "và")):
                break
            nxt = self.unit_end(end + 1)
            if nxt is None:
                break
            end = nxt
        if end + 1 < self.n and low[end] == "trực" and low[end + 1] == "thuộc":
            end += 2
            for cand in _SUPERIORS:
                if tuple(low[end:end + len(cand)]) == cand:
                    end += len(cand)
                    break
        if end < self.n and _ROMAN.fullmatch(self.toks[end][0]):
            return end + 1
        if plural and end + 1 < self.n and low[end] == "vùng" and self.cap(end + 1):
            return self.plain_name(end + 1)  # "các tỉnh vùng Tây Nguyên"
        if plural and end + 1 < self.n and low[end] == ":" and self.cap(end + 1) and (self.province_at(end + 1) or (
                not self.is_verb(end + 1) and not self.starts_body(end + 1))):  # "các xã: A, B", not "các xã: Phối hợp"
            return self.name_list(end + 1)
        if plural and self.cap(end) and not self.starts_body(end) and not self.is_verb(end):
            return self.name_list(end)
        if not plural:
            # "tỉnh Nghệ An, Hà Tĩnh": a singular level may name several units too
            named = self.proper_run(end)
            if named == end and self.number_at(end):
                return end + 2  # "thôn số 2", "khu vực bỏ phiếu số 5": the number names the unit
            if named == end:  # no name after the level ("Công an xã và Tổ bảo vệ rừng")
                return end
            end = named
            for _ in range(MAX_LIST):
                nxt = end + 1
                if not (nxt < self.n and low[end] in (",", "và") and self.cap(nxt) and not self.starts_body(nxt)
                        and lex.levels.match(low, nxt) is None and not self.is_verb(nxt)):
                    break
                after = self.proper_run(nxt)
                if after == nxt:
                    break
                end = after
            return end
        return end

    def province_at(self, k: int) -> bool:
        """Whether a province's name (``provinces.txt``) is written at ``k``, also one that opens with a
        verb's word ("Cần Thơ")."""
        end = self.proper_run(k)
        return end > k + 1 and place_key(self.span_text(k, end)[2]) in province_units()

    def number_at(self, k: int) -> bool:
        """Whether "số" and a number outside a parenthesis stand at ``k`` ("số 7", "số 12A")."""
        return k + 1 < self.n and self.low[k] == "số" and _ROMAN.fullmatch(self.toks[k + 1][0]) is not None \
            and self.toks[k + 1][0][0].isdigit() and not self.in_paren[k + 1]

    def unit_end(self, k: int) -> int | None:
        """End of a unit word at ``k`` ("xã", "thành phố"), not the start of "xã hội", "Huyện ủy"."""
        m = self.lex.levels.match(self.low, k)
        if not m or m[1] is not _UNIT:
            return None
        end = m[0]
        if end < self.n and self.low[end] in ("hội", "ủy", "đoàn"):  # "xã hội", "Huyện ủy", "Huyện đoàn"
            return None
        return end

    def bare_level(self, level: tuple[int, int]) -> bool:
        """A level phrase of level words only ("xã", "các xã, thị trấn"), without a place name."""
        k, b = level
        while k < b:
            m = self.lex.levels.match(self.low, k)
            if m:
                k = m[0]
            elif self.cap(k) or self.abbr(k):
                return False
            else:
                k += 1
        return True

    def proper_run(self, k: int) -> int:
        """Extend over a capitalised proper name ("Quảng Ninh", "Bà Rịa - Vũng Tàu")."""
        end = k
        while self.cap(end) and end < k + 8 and not self.independent_head(end) and not self.gap_has_newline(end):
            end += 1
            if end + 1 < self.n and self.low[end] == "-" and self.cap(end + 1):
                end += 1
        return end

    def name_list(self, k: int) -> int:
        """End of proper names joined by "," / "và" ("Quảng Ninh, Hải Phòng và Thái Bình")."""
        end = self.proper_run(k)
        for _ in range(MAX_LIST * 4):
            if not (end + 1 < self.n and self.low[end] in (",", "và") and self.cap(end + 1)):
                break
            nxt = self.proper_run(end + 1)
            if nxt == end + 1:
                break
            end = nxt
        return end

    def plain_name(self, k: int) -> int:
        """End of a capitalised name from ``k`` ("Giáo dục và Đào tạo", "Công Thương")."""
        lex, low = self.lex, self.low
        start = k
        while k < self.n and k < start + MAX_NAME:
            nw = lex.name_words.match(low, k)
            if self.cap(k) and nw and nw[0] > k + 1:
                k = nw[0]
            elif self.cap(k):
                k += 1
                if self.lower_word(k) and not self.ends_name(k):
                    k += 1
            elif k > start and self.lower_word(k) and not self.cap(k - 1) and nw and not self.ends_name(k):
                k = nw[0]  # a name word after a name word ("Phát triển nông thôn", "Giao thông vận tải")
            elif low[k] in ("và", "-", "&") and k + 1 < self.n and self.cap(k + 1) and k > start \
                    and not (low[k] == "và" and self.head_at(k + 1)):
                k += 1  # "Giáo dục và Đào tạo"; not "Y tế và Ủy ban nhân dân ...": a body of its own
            else:
                break
        return k

    def ends_name(self, j: int) -> bool:
        """Whether token ``j`` ends a name: a verb, a stop word, a level, a determiner, "và", ","."""
        low = self.low
        if self.is_verb(j) or self.is_stop(j):
            return True
        if self.level_end(j) is not None or self.lex.cue("determiner", low, j):
            return True
        return low[j] in ("và", ",", "ủy")

    def subordinate_to(self, k: int) -> int:
        """After "trực thuộc": the superior it names, if any ("Trung ương", "Huyện ủy", "tỉnh")."""
        low = self.low
        if k + 1 < self.n and low[k] in PARTY_COMMITTEE and low[k + 1] == "ủy":
            return k + 2
        own = self.lex.cue("own_scope", low, k)
        if own and self.cap(k) and not (self.cap(own[0]) or self.abbr(own[0])):
            return own[0]  # "trực thuộc Sở": the notice's own department
        for cand in _SUPERIORS:
            if tuple(low[k:k + len(cand)]) == cand:
                return k + len(cand)
        return k

    def committee_list(self, k: int) -> int | None:
        """End of "Huyện ủy, Thành ủy" / "Huyện ủy Tiên Yên, Ba Chẽ" from token ``k``, or None."""
        low = self.low
        if not (k + 1 < self.n and low[k] in PARTY_COMMITTEE and low[k] != "đảng" and low[k + 1] == "ủy"):
            return None
        end = k + 2
        for _ in range(MAX_LIST):
            if end + 2 < self.n and low[end] in (",", "và") and low[end + 1] in PARTY_COMMITTEE \
                    and low[end + 2] == "ủy":
                end += 3
                continue
            break
        if self.cap(end) and not self.starts_body(end) and not self.is_verb(end):
            end = self.name_list(end)
        if tuple(low[end:end + 2]) == ("trực", "thuộc"):
            end = self.subordinate_to(end + 2)
        return end

    def lookahead_level(self, j: int, commas: bool = False) -> tuple[int, int] | None:
        """A complement that runs past a verb to a level word followed by the predicate
        ("Ban Quản lý dự án đầu tư xây dựng tỉnh khẩn trương ..."). With ``commas`` (a complement
        opened by what the board works against, "Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh
        ..."), a comma between lower-case words that open no body is inside the phrase, no list
        separator, and does not count against the lookahead; the level may also end the text or
        a heading's line (":")."""
        low, lex = self.low, self.lex
        k, words = j, 0
        most = _LOOKAHEAD_PHRASE if commas else _LOOKAHEAD
        while k < self.n and words < most:
            if commas and k > j and low[k] == "," and not self.in_paren[k] and self.lower_word(k + 1) \
                    and self.word(k - 1) and not self.is_stop(k + 1) and not self.starts_body(k + 1) \
                    and not lex.cue("determiner", low, k + 1) and not self.gap_has_newline(k + 1):
                k += 1
                continue
            if not self.word(k) or self.in_paren[k]:
                return None
            if k > j and (lex.cue("subject_verb", low, k) or lex.cue("object_verb", low, k)
                          or lex.cue("support_marker", low, k) or self.is_stop(k)):
                return None
            if k == j and (lex.cue("object_verb", low, k) or lex.cue("subject_verb", low, k)):
                return None
            lvl = self.level_end(k) if k > j else None
            if lvl is not None:
                if lvl < self.n and self.is_verb(lvl):
                    return (k, lvl)
                if commas and (lvl >= self.n or low[lvl] == ":"):
                    return (k, lvl)  # the whole line ("1. Ban Chỉ đạo phòng, chống dịch huyện:")
                return None
            k += 1
            words += 1
        return None
