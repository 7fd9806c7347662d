"""The domain that completes a generic head: "ngành" + "Thuế", "doanh nghiệp" + "viễn thông",
"cơ quan" + "thông tin, truyền thông", "cơ sở" + "nuôi trồng thủy sản".

In: a :class:`~.names.NameReader` position after a generic head. Out: the token index where its
domain ends (:meth:`DomainReader.qualified`).
"""
from __future__ import annotations

from .lexicon import HeadKind
from .names import NameReader
from .places import MAX_NAME

__all__ = ["DomainReader"]


class DomainReader(NameReader):
    """Reads the lower-case or capitalised domain after a generic head, up to the verb."""

    def qualified(self, k: int, activity: bool = False) -> int:
        """End of the domain that completes a generic head at ``k`` ("ngành" + "Thuế", "doanh
        nghiệp" + "viễn thông"): a capitalised name that is no body, level or verb, or a lower-case
        domain noun phrase; ``k`` itself where none follows."""
        if k >= self.n or self.in_paren[k]:
            return k
        if self.lower_word(k):
            return self.lower_domain(k, activity)
        h = self.head_at(k)
        own = h is not None and h[1].kind is HeadKind.LEVELLED  # "ngành Thuế tỉnh": the domain, no body
        if self.cap(k) and (own or not self.starts_body(k)) and not self.is_verb(k) and self.level_end(k) is None \
                and not self.gap_has_newline(k):
            return self.plain_name(k)
        return k

    def lower_domain(self, k: int, activity: bool = False) -> int:
        """End of a lower-case domain noun phrase from ``k`` up to the verb ("giáo dục và đào tạo
        chỉ đạo"): known name words or words the tagger reads as nouns, joined by "và"."""
        low = self.low
        start = k
        while k < self.n and k < start + MAX_NAME and not self.in_paren[k]:
            if low[k] == "," and k > start and k + 1 < self.n and self.lower_word(k + 1) \
                    and not self.ends_domain(k + 1) and (activity or self.lex.name_words.match(low, k + 1)):
                k = self.domain_word(k + 1, start - 1, activity)  # "thông tin, truyền thông"
                continue
            if low[k] == "và" and k > start:
                if not self.lower_word(k + 1) or self.ends_domain(k + 1) or self.suffix(k + 1) > k + 1:
                    break
                nxt = self.domain_word(k + 1, start - 1, activity)
                if not nxt:
                    break
                k = nxt
                continue
            if not self.lower_word(k) or self.ends_domain(k) or self.suffix(k) > k:
                break
            nxt = self.domain_word(k, start - 1, activity)
            if not nxt:
                break
            k = nxt
        return k

    def ends_domain(self, k: int) -> bool:
        """Whether token ``k`` ends a generic's lower-case domain: as :meth:`ends_name`, except a
        name word that is also a verb ("thông tin") where another domain word, a level or the owner
        follows it ("các cơ quan thông tin, truyền thông của tỉnh"): there it is the domain's noun."""
        if not self.ends_name(k):
            return False
        low = self.low
        nw = self.lex.name_words.match(low, k)
        if nw is None or not self.is_verb(k) or self.is_stop(k) or self.level_end(k) is not None:
            return True
        e = nw[0]
        if e >= self.n:
            return True
        if low[e] in (",", "và") and e + 1 < self.n and self.lower_word(e + 1) and not self.is_verb(e + 1) \
                and self.lex.name_words.match(low, e + 1):
            return False
        if low[e] == "của" and self.unit_end(e + 1) is not None:
            return False
        return self.level_end(e) is None

    def domain_word(self, k: int, head: int, activity: bool = False) -> int:
        """End of one domain word at ``k`` (a name word or a noun by the tagger), or 0. The domain of
        an activity generic ("cơ sở nuôi trồng thủy sản", "hộ gia đình sản xuất, kinh doanh") is an
        activity: any lower-case word that is no cue."""
        nw = self.lex.name_words.match(self.low, k)
        if nw:
            return nw[0]
        if activity:
            return k + 1
        n = self.nominal_here(k, head)
        return k + n if n else 0
