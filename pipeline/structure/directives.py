"""Whether an unnumbered paragraph among items issues a directive of its own (SPEC: such a paragraph
is a task, not the continuation of the item above it).

In: a paragraph's text. Out: :func:`starts_directive`; :data:`DIRECTIVE_START` (a unit opening with a
directive's subject: "Giao X", "Đề nghị X", "UBND xã ...") and :data:`CONDITION_START` ("Trường hợp
..."), read by :mod:`.segment`.
"""
from __future__ import annotations

import regex

from ..extractors.bodies.lexicon import subject_start_pattern

__all__ = ["CONDITION_START", "DIRECTIVE_START", "starts_directive"]

DIRECTIVE_START = regex.compile(subject_start_pattern())
#: A sentence adverbial before a paragraph's directive ("Đồng thời, giao X ...", "Ngoài ra, đề nghị ...").
_CONNECTIVE = regex.compile(r"(?i)^(?:đồng thời|ngoài ra|bên cạnh đó|cùng với đó|mặt khác"
                             r"|trong quá trình (?:tổ chức |triển khai )*(?:thực hiện)?[^,.;:\n]{0,60})[ \t]*,[ \t]*")
#: A paragraph opening with a condition ("Trường hợp ..., cơ quan chủ trì có trách nhiệm ..."): where
#: its main clause may begin, after a comma in its first sentence.
CONDITION_START = regex.compile(r"(?i)^(?:trường hợp|nếu)(?!\p{L})")
_MAIN_CLAUSE = regex.compile(r",[ \t]+(?:thì[ \t]+)?")
_FIRST_SENTENCE = regex.compile(r"[.;:](?:[ \t]|$)")
#: An obligation stated of the main clause's subject ("có trách nhiệm", "phải", "chủ trì").
_DUTY = regex.compile(r"(?i)^[^,;.]{0,80}?(?<!\p{L})(?:có trách nhiệm|chịu trách nhiệm|phải|chủ trì|có quyền)(?!\p{L})")


def starts_directive(s: str) -> bool:
    """Whether a paragraph issues a directive of its own (SPEC: an unnumbered paragraph among items that
    does is a task): it opens (after "Đồng thời,") with a directive's subject, or with a condition whose main clause does
    and states the subject's duty ("Trường hợp ..., cơ quan chủ trì có trách nhiệm ...")."""
    s = _CONNECTIVE.sub("", s.lstrip(), count=1)
    if DIRECTIVE_START.match(s):
        return True
    if not CONDITION_START.match(s):
        return False
    stop = _FIRST_SENTENCE.search(s)
    for m in _MAIN_CLAUSE.finditer(s, 0, stop.start() if stop else len(s)):
        rest = s[m.end():]
        if DIRECTIVE_START.match(rest) and _DUTY.match(rest):
            return True
    return False
