"""Typed results: one return shape for every document, whatever was or was not found.

A field that was not found is ``None`` (scalars) or ``[]`` (lists), never missing.
``to_dict`` gives the documents.jsonl record of the SPEC ("vntasks/1").
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache

SCHEMA = "vntasks/1"


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _flat(obj) -> dict:
    """A dataclass whose fields are all scalars as a dict, in field order (what
    ``dataclasses.asdict`` gives for it, without its deep copies: the hot path of encoding)."""
    return {name: getattr(obj, name) for name in _names(type(obj))}


@dataclass(frozen=True, slots=True)
class Body:
    """A responsible body of a task: canonical ``name``, ``role`` lead|support, the mention."""

    name: str
    role: str  # "lead" | "support"
    text: str
    start: int | None
    end: int | None
    inherited: bool = False
    body_type: str | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    date: str  # ISO
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Period:
    start: str  # ISO first day
    end: str  # ISO last day
    text: str
    inherited: bool = False
    span_start: int | None = None
    span_end: int | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    id: str | None
    type: str | None
    number: str | None
    symbol: str | None
    date: str | None
    issuer: str | None
    text: str
    start: int
    end: int
    task_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    title: str | None


@dataclass(slots=True)
class Task:
    task_id: str
    parent_id: str | None
    label: str | None
    section: str | None
    text: str
    start: int
    end: int
    responsible: list[Body] = field(default_factory=list)
    deadline: Deadline | None = None
    period: Period | None = None
    references: list[str] = field(default_factory=list)
    score: float | None = None  # confidence of the task decision

    def to_dict(self) -> dict:
        return {
            "task_id": self.task_id,
            "parent_id": self.parent_id,
            "label": self.label,
            "section": self.section,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "responsible": [_flat(b) for b in self.responsible],
            "deadline": _flat(self.deadline) if self.deadline is not None else None,
            "period": _flat(self.period) if self.period is not None else None,
            "references": list(self.references),
            "score": self.score,
        }


@dataclass(slots=True)
class Document:
    doc_id: str
    source: str
    sha256: str | None
    status: str = "ok"  # ok | partial | failed
    errors: list[str] = field(default_factory=list)
    doc_type: str | None = None
    doc_number: str | None = None
    title: str | None = None
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    district: str | None = None
    issue_date: str | None = None
    meeting_date: str | None = None
    chair: Person | None = None
    signer: Person | None = None
    recipients: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    # provenance of the text the offsets refer to
    input_format: str | None = None  # txt | md | html | docx | pdf
    encoding: str | None = None
    text_path: str | None = None  # OUT/text/<doc_id>.txt when the source text is not the file itself
    pages: list[int] = field(default_factory=list)  # start offset of each page (pdf)
    error_stage: str | None = None

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "doc_id": self.doc_id,
            "source": self.source,
            "sha256": self.sha256,
            "status": self.status,
            "errors": list(self.errors),
            "doc_type": self.doc_type,
            "doc_number": self.doc_number,
            "title": self.title,
            "issuer": self.issuer,
            "level": self.level,
            "province": self.province,
            "district": self.district,
            "issue_date": self.issue_date,
            "meeting_date": self.meeting_date,
            "chair": _flat(self.chair) if self.chair else None,
            "signer": _flat(self.signer) if self.signer else None,
            "recipients": list(self.recipients),
            "references": [_flat(r) for r in self.references],
            "tasks": [t.to_dict() for t in self.tasks],
            "input_format": self.input_format,
            "encoding": self.encoding,
            "text_path": self.text_path,
            "pages": list(self.pages),
        }
