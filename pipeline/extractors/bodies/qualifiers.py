"""What stays in a body's name after it: a qualifier ("có liên quan", "trực thuộc Sở", "được giao
chủ trì"), an open qualifier's activity ("được lựa chọn quan trắc môi trường"), a run on to a duty
verb, a place ("trên địa bàn tỉnh", "trong các khu công nghiệp, cụm công nghiệp"), a condition
("các xã chưa có dịch,").

In: a :class:`~.places.PlaceReader` position just after a name. Out: the end token of what stays
in the name (the position itself where nothing does).
"""
from __future__ import annotations

from .places import MAX_NAME, PlaceReader

__all__ = ["ON_AREA", "QualifierReader"]

_MAX_CONDITION = 5  # words of a generic's condition ("các xã chưa có dịch")
_MAX_ACTIVITY = 6  # words of an open qualifier's activity ("được lựa chọn quan trắc môi trường")
_MAX_QUALIFIED = 14  # words between a qualifier and the duty verb its name runs on to
ON_AREA = ("trên", "địa", "bàn")
_PASSIVE = "được"
_NOT_PASSIVE = frozenset(("phép",))  # "được phép": a permission, the predicate


class QualifierReader(PlaceReader):
    """Reads what stays in a name after it (:meth:`suffix`, :meth:`locative`, :meth:`condition`)."""

    def parse_unit(self, i: int):  # pragma: no cover - UnitReader reads a body (a names.Unit or None)
        raise NotImplementedError

    def suffix(self, end: int) -> int:
        """A qualifier that stays in the name: "có liên quan", "trực thuộc (Trung ương)",
        "được giao chủ trì" ("các đơn vị được giao chủ trì")."""
        low = self.low
        if tuple(low[end:end + 3]) == ("có", "liên", "quan"):
            return end + 3
        if tuple(low[end:end + 2]) == ("liên", "quan"):
            return end + 2
        if tuple(low[end:end + 2]) == ("trực", "thuộc"):
            sup = self.parse_unit(end + 2) if self.independent_head(end + 2) and self.role_depth < 3 else None
            if sup is not None and not sup.generic:  # "các cơ quan, đơn vị trực thuộc UBND tỉnh"
                return sup.end
            return self.subordinate_to(end + 2)
        m = self.lex.cue("qualifier", low, end)
        if m:
            return self.duty_ahead(m[0])
        m = self.lex.cue("qualifier_open", low, end)
        if m:  # "đơn vị được lựa chọn quan trắc môi trường": the activity and its object
            return self.duty_ahead(self.activity(m[0]))
        if tuple(low[end:end + 3]) == ON_AREA:  # "các doanh nghiệp trên địa bàn tỉnh": the place stays
            lvl = self.level_end(end + 3)
            if lvl is not None:
                return lvl
        return end

    def passive(self, end: int) -> int:
        """A passive participle that picks some of a generic's members stays in its name when the
        predicate's verb follows it: "Các tổ dân phố được giám sát bố trí địa điểm" -> "Các tổ dân phố
        được giám sát". Not a request ("các xã được yêu cầu báo cáo"), a permission ("được phép"),
        nor a passive predicate with no verb after it ("các xã được tập huấn.")."""
        low, lex = self.low, self.lex
        k = end + 1
        if end >= self.n or low[end] != _PASSIVE or k >= self.n or not self.lower_word(k) \
                or low[k] in _NOT_PASSIVE or lex.cue("introducer", low, k) or self.gap_has_newline(k):
            return end
        v = lex.cue("verb", low, k)
        a = v[0] if v else k + 1  # past the participle, its object up to the predicate's verb
        while a < min(self.n, k + _MAX_ACTIVITY) and self.lower_word(a) and not self.in_paren[a] \
                and not self.gap_has_newline(a) and not self.is_verb(a) and not self.is_stop(a) \
                and not lex.cue("determiner", low, a):
            a += 1
        if a >= self.n or not self.is_verb(a) or self.in_paren[a] or self.gap_has_newline(a):
            return end
        return a

    def activity(self, k: int) -> int:
        """End of the activity after an open qualifier: a first word (a verb may be it), then lower-case
        words that are no verb, stop word or determiner, on one line, up to _MAX_ACTIVITY words."""
        j = k
        while j < self.n and j < k + _MAX_ACTIVITY and self.lower_word(j) and not self.gap_has_newline(j) \
                and not self.in_paren[j]:
            if j > k and (self.is_verb(j) or self.is_stop(j) or self.lex.cue("determiner", self.low, j)):
                break
            j += 1
        return j

    def duty_ahead(self, end: int) -> int:
        """A qualified generic's name runs on to a duty verb that follows within a few words of one
        line, no punctuation between ("Các cơ quan được phân công chủ trì thực hiện nhiệm vụ theo Kế
        hoạch này có trách nhiệm ..."); else it ends at ``end``."""
        for j in range(end, min(self.n, end + _MAX_QUALIFIED)):
            if not self.word(j) or self.in_paren[j] or self.gap_has_newline(j):
                return end
            if j > end and self.lex.cue("duty_verb", self.low, j):
                return j
        return end

    def locative(self, end: int) -> int:
        """A place that stays in a generic's name: "trong|tại|ở (các) <area>(, <area>)" ("nhà đầu tư
        trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp"): lower-case nouns up to a verb,
        a stop word or a new body; none where the words after the preposition are a time or a
        circumstance ("trong quá trình ...", "tại hội nghị")."""
        low, lex = self.low, self.lex
        m = lex.cue("locative", low, end)
        if m is None or lex.cue("fronted", low, end) or lex.cue("connector", low, end):
            return end
        k = m[0]
        if k < self.n and low[k] == "các":
            k += 1
        if k >= self.n or not self.lower_word(k) or lex.cue("not_place", low, k) or self.is_verb(k) \
                or self.starts_body(k):
            return end
        j = k
        while j < self.n and j < k + MAX_NAME and not self.in_paren[j] and not self.gap_has_newline(j):
            if low[j] == "," and j + 1 < self.n and self.lower_word(j + 1) and not self.is_verb(j + 1) \
                    and not self.starts_body(j + 1) and not lex.cue("determiner", low, j + 1):
                j += 1
                continue
            if not self.lower_word(j) or self.is_verb(j) or self.is_stop(j) or (j > k and self.starts_body(j)):
                break
            j += 1
        return j if j > k else end

    def condition(self, end: int) -> int:
        """A condition that picks some of a generic's members, up to a comma: "(Đối với) các xã
        chưa có dịch, ..." -> "Các xã chưa có dịch"."""
        low = self.low
        k = end + (1 if end < self.n and low[end] in ("chưa", "đã", "không") else 0)
        if k >= self.n or low[k] != "có" or self.lex.cue("subject_verb", low, k):
            return end  # "các xã có trách nhiệm ...": the predicate
        j = k + 1
        while j < self.n and j <= k + _MAX_CONDITION and self.lower_word(j):
            if self.is_verb(j):
                return end
            j += 1
        return j if j > k + 1 and j < self.n and low[j] == "," else end
