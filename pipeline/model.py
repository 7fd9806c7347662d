"""Typed results: one return shape for every document, whatever was or was not found.

In: what the stages find. Out: :class:`Document` (its header fields are a :class:`DocumentMeta`,
the header stage's result), holding :class:`Task`, :class:`Body`, :class:`Deadline`,
:class:`Period`, :class:`Reference` and :class:`Person` records. A field that was not found is
``None`` (scalars) or ``[]`` (lists), never missing. ``to_dict`` gives the documents.jsonl
record of the SPEC ("vntasks/1").

The closed vocabularies (roles, statuses, stages, body types) are ``Literal`` types, each with
the tuple of its values: the records stay plain strings in JSON, CSV and Parquet.

Dates are ``datetime.date`` (``Document.issue_date``, ``meeting_date``; ``Deadline.date``;
``Period.start``/``end``; ``Reference.date``). A record also accepts an ISO string
("2025-03-15") for them, when built or when a header field is set, and stores the date;
``to_dict`` writes them back as ISO strings:

>>> d = Deadline("2025-03-15", "trước ngày 15/3/2025", 10, 30)
>>> d.date
datetime.date(2025, 3, 15)
>>> d.date.isoformat() == Deadline(dt.date(2025, 3, 15), d.text, 10, 30).date.isoformat()
True
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Literal, get_args

SCHEMA = "vntasks/1"

#: The role of a responsible body in a task.
Role = Literal["lead", "support"]
ROLES: tuple[str, ...] = get_args(Role)
#: How far a document got: every stage ran, a later stage failed, or it could not be loaded.
Status = Literal["ok", "partial", "failed"]
STATUSES: tuple[str, ...] = get_args(Status)
#: The stage a :class:`~.errors.PipelineError` (and a document's ``error_stage``) names.
Stage = Literal["load", "decode", "clean", "header", "segment", "extract", "resolve", "write", "usage"]
STAGES: tuple[str, ...] = get_args(Stage)
#: The type of a responsible body (SPEC "Bodies"), in the order reports list them.
BodyType = Literal["party", "state", "front", "security", "steering", "enterprise", "generic", "other"]
BODY_TYPES: tuple[str, ...] = get_args(BodyType)
#: The kind of file a notice came from ("str": a text given to the API).
InputFormat = Literal["txt", "md", "html", "docx", "pdf", "str"]


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _flat(obj) -> dict:
    """A dataclass whose fields are all scalars as a dict, in field order (what
    ``dataclasses.asdict`` gives for it, without its deep copies: the hot path of encoding);
    dates as ISO strings."""
    out = {name: getattr(obj, name) for name in _names(type(obj))}
    for name in _DATE_FIELDS.get(type(obj), ()):
        out[name] = iso(out[name])
    return out


def as_date(value: dt.date | str | None) -> dt.date | None:
    """A date from a ``datetime.date`` or an ISO "YYYY-MM-DD" string (None stays None).

    >>> as_date("2023-04-10"), as_date(None)
    (datetime.date(2023, 4, 10), None)
    """
    if value is None or type(value) is dt.date:
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"a date or an ISO date string, not {type(value).__name__}")


def iso(value: dt.date | None) -> str | None:
    """The ISO string of a date (None stays None): how dates are written in every table."""
    return None if value is None else value.isoformat()


def _set_dates(obj, names: tuple[str, ...]) -> None:
    """Coerce the date fields of a frozen record (``__post_init__``)."""
    for name in names:
        value = getattr(obj, name)
        if value is not None and type(value) is not dt.date:
            object.__setattr__(obj, name, as_date(value))


@dataclass(frozen=True, slots=True)
class Body:
    """A responsible body of a task: canonical ``name``, ``role`` lead|support, the mention."""

    name: str
    role: Role
    text: str
    start: int | None
    end: int | None
    inherited: bool = False
    body_type: BodyType | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """The date a task must be done by, and the words that say it (offsets into the source)."""

    date: dt.date
    text: str
    start: int
    end: int

    def __post_init__(self) -> None:
        _set_dates(self, ("date",))


@dataclass(frozen=True, slots=True)
class Period:
    """The period a task belongs to: ``start`` its first day, ``end`` its last day."""

    start: dt.date
    end: dt.date
    text: str
    inherited: bool = False
    span_start: int | None = None
    span_end: int | None = None

    def __post_init__(self) -> None:
        _set_dates(self, ("start", "end"))


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered document reference (see :mod:`.extractors.references` for its fields); its
    ``task_id`` is set when it lies in a task's text."""

    id: str | None
    type: str | None
    number: str | None
    symbol: str | None
    date: dt.date | None
    issuer: str | None
    text: str
    start: int
    end: int
    task_id: str | None = None

    def __post_init__(self) -> None:
        _set_dates(self, ("date",))


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


@dataclass(slots=True, kw_only=True)
class DocumentMeta:
    """The header fields of a notice: what the header stage reads (type, number, title, issuer,
    level, place, dates, chair, signer, recipients). A :class:`Document` is one."""

    doc_type: str | None = None
    doc_number: str | None = None
    title: str | None = None
    issuer: str | None = None
    level: str | None = None
    province: str | None = None
    district: str | None = None
    issue_date: dt.date | None = None
    meeting_date: dt.date | None = None
    chair: Person | None = None
    signer: Person | None = None
    recipients: list[str] = field(default_factory=list)

    def __setattr__(self, name: str, value) -> None:
        if name in _META_DATES and value is not None and type(value) is not dt.date:
            value = as_date(value)  # an ISO string from a stage, or a date
        object.__setattr__(self, name, value)

    @property
    def year(self) -> int | None:
        """The notice's year (of the issue date, else of the meeting), for dates written without one."""
        date = self.issue_date or self.meeting_date
        return date.year if date else None

    def set_meta(self, meta: DocumentMeta) -> None:
        """Take every header field of ``meta`` (lists copied)."""
        for f in fields(DocumentMeta):
            value = getattr(meta, f.name)
            setattr(self, f.name, list(value) if isinstance(value, list) else value)


@dataclass(slots=True)
class Document(DocumentMeta):
    """One notice: where it came from, how far it got, its header fields, tasks and references."""

    doc_id: str
    source: str
    sha256: str | None
    status: Status = "ok"
    errors: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    # provenance of the text the offsets refer to
    input_format: InputFormat | None = None
    encoding: str | None = None
    text_path: str | None = None  # OUT/text/<doc_id>.txt when the source text is not the file itself
    pages: list[int] = field(default_factory=list)  # start offset of each page (pdf)
    error_stage: Stage | None = None

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
            "issue_date": iso(self.issue_date),
            "meeting_date": iso(self.meeting_date),
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


_META_DATES = frozenset(("issue_date", "meeting_date"))
#: The date fields of each record (coerced from ISO strings, written as ISO strings).
_DATE_FIELDS: dict[type, tuple[str, ...]] = {Deadline: ("date",), Period: ("start", "end"), Reference: ("date",)}
