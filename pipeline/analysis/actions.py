"""Directive actions: the verb of a task, looked up in ``data/action_verbs.tsv``.

In: a task's text, its lead body as written and the bodies it mentions (or documents.jsonl
records). Out: an :class:`Action` (the verb found and its category) per task.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from ..text.lexicon import load_table

NO_ACTION = "(không xác định)"
SKIP = "-"


@dataclass(frozen=True, slots=True)
class Action:
    verb: str | None
    category: str


@cache
def _verb_lexicon() -> tuple[dict[str, str], regex.Pattern]:
    rows = load_table("action_verbs.tsv", ("verb", "category"))
    table = {unicodedata.normalize("NFC", r["verb"]).lower(): r["category"] for r in rows}
    alts = "|".join(regex.escape(v) for v in sorted(table, key=lambda v: (-len(v), v)))
    return table, regex.compile(rf"(?<![\w])(?:{alts})(?![\w])")


def _collapse(s: str) -> str:
    return " ".join(s.split())


def action_of(text: str, subject: str | None = None, mentions: tuple[str, ...] = ()) -> Action:
    """The directive action of a task: the first verb of ``data/action_verbs.tsv`` after the
    ``subject`` (the lead body as written, when it occurs in ``text``), skipping auxiliary
    verbs and the words of every body ``mentions`` (names are not actions: "Ban Quản lý dự án
    đầu tư xây dựng" says nothing about what to do)."""
    table, pattern = _verb_lexicon()
    low = unicodedata.normalize("NFC", _collapse(text)).lower()
    masked = list(low)
    for m in mentions:
        m = unicodedata.normalize("NFC", _collapse(m)).lower()
        if not m:
            continue
        i = low.find(m)
        while i >= 0:
            masked[i:i + len(m)] = ["\0"] * len(m)
            i = low.find(m, i + len(m))
    pos = 0
    if subject:
        s = unicodedata.normalize("NFC", _collapse(subject)).lower()
        i = low.find(s) if s else -1
        if i >= 0:
            pos = i + len(s)
    for m in pattern.finditer("".join(masked), pos):
        cat = table[m.group(0)]
        if cat != SKIP:
            return Action(m.group(0), cat)
    return Action(None, NO_ACTION)


def task_actions(records: list[dict]) -> dict[tuple[str, str], Action]:
    """(doc_id, task_id) -> Action, from documents.jsonl records (body mentions as written)."""
    out = {}
    for rec in records:
        for t in rec.get("tasks") or []:
            bodies = t.get("responsible") or []
            mentions = tuple(b.get("text") or "" for b in bodies if not b.get("inherited"))
            leads = [b.get("text") for b in bodies if b.get("role") == "lead" and not b.get("inherited")]
            out[(rec["doc_id"], t["task_id"])] = action_of(t.get("text") or "", leads[0] if leads else None, mentions)
    return out
