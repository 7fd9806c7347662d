"""The lead and support names ``find_responsible`` gives a sentence: the one reading the body
table tests of tests/extractors share (imported by name: pytest puts this folder on sys.path)."""
from __future__ import annotations

from vntasks.extractors.bodies import find_responsible


def roles(text: str, *args, **kw) -> tuple[list[str], list[str]]:
    """(leads, supports) of ``text``; other arguments go to ``find_responsible`` (the level)."""
    found = find_responsible(text, *args, **kw)
    return ([m.name for m in found if m.role == "lead"], [m.name for m in found if m.role == "support"])
