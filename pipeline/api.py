"""The public API: extract a text, a file or a corpus; turn results into DataFrames; read tables.

In: notices as text (``str``) or as files and folders (paths). Out: :class:`~.model.Document`
records (dates are ``datetime.date``, offsets index the notice's source text), or typed
DataFrames.

>>> import vntasks
>>> doc = vntasks.extract_text(
...     "Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch, "
...     "hoàn thành trước ngày 15/3/2025.")
>>> task = doc.tasks[0]
>>> [(b.name, b.role) for b in task.responsible]
[('Sở Y tế', 'lead'), ('Sở Tài chính', 'support')]
>>> task.deadline.date
datetime.date(2025, 3, 15)

Which inputs are paths and which are texts (:func:`input_kind`, used by :func:`extract` and
:func:`extract_corpus`): a ``pathlib.Path`` (any ``os.PathLike``) is a path; a ``str`` is a
path when it names an existing file or folder; otherwise it is text when it holds a line break
or is longer than :data:`MAX_PATH_CHARS` characters, a path when it ends in an accepted suffix
(.txt .md .html .docx .pdf ...) or holds no whitespace (a missing file is then reported as a
failed input), and text in every other case.
"""
from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .errors import PipelineError
from .ingest.load import MAX_BYTES, SUFFIXES, files_under, inside, load_path, load_string
from .model import Document
from .output.tables import COLUMNS, frames_from_rows, rows_of, type_frame, type_parquet_frame
from .output.writers import verify_tables
from .run.engines import Job, document_of, map_ordered
from .run.process import doc_ids, failed, process

log = logging.getLogger(__name__)

#: The error of an input path that does not exist.
NO_SUCH_INPUT = "no such file or folder"
#: A ``str`` input longer than this (or holding a line break) is a text, never a path.
MAX_PATH_CHARS = 255


class InputKind(Enum):
    """What an input of :func:`extract` / :func:`extract_corpus` is."""

    PATH = "path"
    TEXT = "text"


def input_kind(item: str | os.PathLike) -> InputKind:
    """Whether ``item`` is a path or a notice's text (the rule is in the module docstring).

    >>> input_kind("Giao Sở Y tế chủ trì xây dựng kế hoạch."), input_kind("notices/tb58.txt")
    (<InputKind.TEXT: 'text'>, <InputKind.PATH: 'path'>)
    >>> input_kind("UBND TỈNH\\nTHÔNG BÁO"), input_kind(Path("no such folder"))
    (<InputKind.TEXT: 'text'>, <InputKind.PATH: 'path'>)
    """
    if isinstance(item, os.PathLike):
        return InputKind.PATH
    if not isinstance(item, str):
        raise TypeError(f"an input is a str (text or path) or a path, not {type(item).__name__}")
    if "\n" in item or "\r" in item or len(item) > MAX_PATH_CHARS:
        return InputKind.TEXT
    if "\0" not in item and os.path.exists(item):
        return InputKind.PATH
    if Path(item).suffix.lower() in SUFFIXES or not any(c.isspace() for c in item):
        return InputKind.PATH
    return InputKind.TEXT


def text_doc_id(text: str) -> str:
    """The doc_id of a notice given as text: "text-" and 12 hex digits of its UTF-8 sha256.

    >>> text_doc_id("Giao Sở Y tế chủ trì.") == "text-" + hashlib.sha256("Giao Sở Y tế chủ trì.".encode()).hexdigest()[:12]
    True
    """
    return f"text-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def extract_text(text: str, *, doc_id: str | None = None) -> Document:
    """Extract one notice given as text. Offsets in the result index ``text``; problems never
    raise: the Document has status "failed" and ``errors`` (an empty text, for one).

    >>> doc = extract_text("Công an huyện tăng cường tuần tra trong quý III/2025.", doc_id="tb1")
    >>> doc.doc_id, doc.tasks[0].responsible[0].name
    ('tb1', 'Công an huyện')
    >>> p = doc.tasks[0].period
    >>> p.start, p.end, p.text
    (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30), 'trong quý III/2025')
    >>> extract_text("   ").errors
    ['empty text']
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_text takes a str, not {type(text).__name__}")
    try:
        loaded = load_string(text)
    except PipelineError as exc:
        return failed(doc_id or "text", "<text>", exc)
    return process(loaded, doc_id or text_doc_id(text), "<text>")


def extract(path_or_text: str | os.PathLike, *, doc_id: str | None = None) -> Document:
    """Extract one notice: a path is read from disk, a text is extracted as it is (which is
    which: :func:`input_kind`). Problems with the input never raise: the Document has status
    "failed"/"partial" and ``errors``.

    >>> extract("no-such-notice.txt").errors
    ['no such file or folder']
    """
    if input_kind(path_or_text) is InputKind.TEXT:
        return extract_text(str(path_or_text), doc_id=doc_id)
    src = os.fspath(path_or_text)
    did = doc_id or Path(src).stem
    if not os.path.lexists(src):
        return failed(did, src, PipelineError("load", NO_SUCH_INPUT))
    try:
        loaded = load_path(src)
    except PipelineError as exc:
        return failed(did, src, exc)
    return process(loaded, did, src)


def expand_inputs(inputs: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()) -> list[str]:
    """Files named, and the accepted files under folders (recursively, sorted), in input order.
    A named file that does not exist, and a subfolder that cannot be listed, are kept so that
    they are reported. Nothing in ``exclude`` (the output folder) is taken."""
    exclude = [e for e in exclude if e]
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            out.extend(files_under(p, exclude))
        elif not any(inside(p, e) for e in exclude):
            out.append(os.fspath(item))
    return out


def missing_inputs(inputs: Iterable[str | os.PathLike]) -> list[str]:
    """The named inputs that do not exist (a dangling link exists: it is reported when read)."""
    return [os.fspath(p) for p in inputs if not os.path.lexists(p)]


@dataclass(frozen=True, slots=True)
class TextJob:
    """A notice given as text, in a corpus run."""

    text: str
    doc_id: str


def _document_of(job: Job | TextJob) -> tuple[Document, str | None]:
    if isinstance(job, TextJob):
        return extract_text(job.text, doc_id=job.doc_id), None
    if not os.path.lexists(job.source):
        return failed(job.doc_id, job.source, PipelineError("load", NO_SUCH_INPUT)), None
    return document_of(job)


def _jobs(inputs: Iterable[str | os.PathLike], max_bytes: int) -> list[Job | TextJob]:
    """One job per notice, in input order: folders expanded, texts kept as texts."""
    items: list[tuple[InputKind, str]] = []
    for item in inputs:
        if input_kind(item) is InputKind.TEXT:
            items.append((InputKind.TEXT, str(item)))
        else:
            items.extend((InputKind.PATH, s) for s in expand_inputs([item]))
    path_ids = iter(doc_ids([s for k, s in items if k is InputKind.PATH]))
    jobs: list[Job | TextJob] = []
    seen: dict[str, int] = {}
    for kind, s in items:
        if kind is InputKind.PATH:
            jobs.append(Job(s, next(path_ids), max_bytes, None, ""))
            continue
        did = text_doc_id(s)
        seen[did] = seen.get(did, 0) + 1
        jobs.append(TextJob(s, did if seen[did] == 1 else f"{did}-{seen[did]}"))
    return jobs


def run_corpus(inputs: Iterable[str | os.PathLike], jobs: int = 1,
               max_bytes: int = MAX_BYTES) -> Iterator[tuple[Document, str | None]]:
    """(Document, source text when it must be written) for each input, in input order."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one input, not the characters of a string
    work = _jobs(inputs, max_bytes)
    log.info("extracting %d notice(s) with %d worker(s)", len(work), jobs)
    yield from map_ordered(_document_of, work, jobs)


def extract_corpus(inputs: Iterable[str | os.PathLike] | str | os.PathLike, *, jobs: int = 1,
                   max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Extract every input (files, folders and texts, told apart by :func:`input_kind`); yields
    Documents in input order. Files in a folder are read recursively, sorted; a file's doc_id
    is its stem, a text's is :func:`text_doc_id`. ``jobs`` > 1 extracts in worker processes.

    >>> docs = list(extract_corpus([
    ...     "Giao Sở Y tế chủ trì xây dựng kế hoạch, hoàn thành trước ngày 15/3/2025.",
    ...     Path("no-such-folder")]))
    >>> [(d.status, len(d.tasks)) for d in docs]
    [('ok', 1), ('failed', 0)]
    >>> docs[0].doc_id.startswith("text-"), docs[1].doc_id, docs[1].errors
    (True, 'no-such-folder', ['no such file or folder'])
    """
    for doc, _ in run_corpus(inputs, jobs, max_bytes):
        yield doc


#: The first bytes of each binary format a notice may come in (stdin is read as bytes).
_MAGIC = ((b"%PDF", ".pdf"), (b"PK\x03\x04", ".docx"))


def save_stdin(data: bytes, out_dir: str | os.PathLike) -> Path:
    """Save a notice read from standard input as ``OUT/stdin.<ext>`` (pdf and docx known by
    their first bytes, HTML by a leading "<", else text) and return the path: it is then
    extracted like any file, and its offsets refer to the saved file."""
    head = data.lstrip()[:512].lower()
    ext = next((e for magic, e in _MAGIC if data.startswith(magic)), None)
    if ext is None:
        ext = ".html" if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")) else ".txt"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("stdin.*"):
        if old.suffix != ext and old.suffix in SUFFIXES:
            old.unlink()
    path = out / f"stdin{ext}"
    path.write_bytes(data)
    return path


def to_frames(results: Iterable[Document]) -> dict:
    """{"tasks", "references", "documents", "errors"} -> typed pandas DataFrames."""
    return frames_from_rows(rows_of(results))


def read_tables(out_dir: str | os.PathLike) -> dict:
    """The tables written by ``vntasks extract`` as typed DataFrames (dates datetime64, lists lists).
    ``PipelineError`` when they are not one set (a run stopped while replacing them)."""
    import pandas as pd  # lazily: pandas is needed for frames only

    out_dir = Path(out_dir)
    verify_tables(out_dir)
    frames = {}
    for name in COLUMNS:
        if name == "tasks" and (out_dir / "tasks.parquet").exists():
            frames[name] = type_parquet_frame(name, pd.read_parquet(out_dir / "tasks.parquet"))
            continue
        df = pd.read_csv(out_dir / f"{name}.csv", dtype=str, keep_default_na=False)
        frames[name] = type_frame(name, df)
    return frames
