"""One document through every stage: load -> clean -> segment -> header -> resolve -> Document.

A failure in a stage after loading keeps what earlier stages found (status "partial"); a
failure to load or decode gives status "failed". Either way the error names its stage.
"""
from __future__ import annotations

import hashlib
import importlib
import inspect
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import PipelineError
from ..extractors.references import find_references
from ..ingest.clean import Cleaned, clean
from ..ingest.load import Loaded
from ..model import Document, Reference
from ..resolve.inherit import resolve
from ..structure.header import extract_header
from ..structure.segment import Segmented, segment
from ..text.lexicon import PACKAGE
from ..text.normalise import ref_id
from ..text.spans import Span

#: A notice cites a handful of documents; more than this is not a notice.
MAX_REFERENCES = 3000


def doc_ids(sources: Sequence[str]) -> list[str]:
    """Stable ids, unique over the run by construction, whatever their case (they name text
    files): the file's stem; with a short hash of the path when stems collide; and when that
    still meets another input's id (a file named like a hashed id), "-2", "-3"... on the later one."""
    return list(unique_ids(sources))


def file_stem(path: str) -> str:
    """``Path(path).stem``, faster (a run asks it of every input several times)."""
    name = os.path.basename(path.rstrip("/" + os.sep))
    if name in ("", ".", "..") or "\0" in name:
        return Path(path).stem
    i = name.rfind(".")
    return name[:i] if 0 < i < len(name) - 1 else name


def unique_ids(sources: Sequence[str]) -> Iterator[str]:
    """:func:`doc_ids` one by one (``sources`` is read three times; only sets of the ids are held)."""
    counts = Counter(file_stem(s).casefold() for s in sources)

    def wanted() -> Iterator[tuple[str, bool]]:  # (id wanted, hashed)
        for src in sources:
            stem = file_stem(src)
            if counts[stem.casefold()] == 1:
                yield stem, False
            else:
                yield f"{stem}-{hashlib.sha1(src.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}", True

    taken = {w.casefold() for w, hashed in wanted() if hashed}  # (the others are unique stems)
    taken.update(k for k, c in counts.items() if c == 1)
    used: set[str] = set()
    for w, _ in wanted():
        got, n = w, 2
        while got.casefold() in used or (got is not w and got.casefold() in taken):
            got, n = f"{w}-{n}", n + 1
        used.add(got.casefold())
        yield got


#: The modules whose lexicons, pattern tables and models :func:`warm` loads.
WARM_MODULES = ("text.normalise", "ingest.load", "ingest.encodings", "ingest.formats", "ingest.clean",
                "structure.fields", "structure.segment", "structure.header", "structure.classify",
                "extractors.bodies", "extractors.temporal.cues", "extractors.references", "learn.model",
                "resolve.inherit")


def warm() -> int:
    """Load every lexicon, compiled pattern table and learned model the stages read, now rather
    than on the first notice that needs it: each module's cached loaders that take no argument.
    Called before a pool of workers forks, so that the workers share them instead of each loading
    its own copy. underthesea's models are not loaded (a run rarely needs them). Returns how many
    loaders ran."""
    n = 0
    for name in WARM_MODULES:
        mod = importlib.import_module(f"{PACKAGE}.{name}")
        for fn in vars(mod).values():
            if (callable(fn) and hasattr(fn, "cache_info") and getattr(fn, "__module__", None) == mod.__name__
                    and not inspect.signature(fn).parameters):
                fn()
                n += 1
    return n


def failed(doc_id: str, source: str, err: PipelineError, sha256: str | None = None) -> Document:
    return Document(doc_id, source, sha256, status="failed", errors=[err.message], error_stage=err.stage)


def process(loaded: Loaded, doc_id: str, source: str) -> Document:
    """Run the stages on a loaded input; never raises for problems of the input itself."""
    doc = Document(doc_id, source, loaded.sha256, input_format=loaded.input_format, encoding=loaded.encoding,
                   pages=list(loaded.pages))
    if loaded.derived:
        doc.text_path = f"text/{doc_id}.txt"
    if loaded.warnings:  # the text was read, with repairs: reported in errors.csv
        doc.status, doc.error_stage = "partial", "decode"
        doc.errors.extend(loaded.warnings)
    stage = "clean"
    try:
        cleaned = clean(loaded.text, soft_wraps=loaded.input_format == "pdf")
        stage = "segment"
        seg = segment(cleaned.text)
        if seg.truncated:
            doc.status, doc.error_stage = "partial", "segment"
            doc.errors.append("too many lines or items for one notice (several pasted together?): "
                              f"only the first {len(seg.units)} items were processed")
        stage = "header"
        doc.set_meta(extract_header(cleaned, seg, loaded.published, loaded.title))
        stage = "resolve"
        doc.tasks = resolve(cleaned, seg, doc.year, doc.meeting_date, doc.level, doc.issue_date)
        stage = "extract"
        doc.references = document_references(cleaned, seg, doc)
        if len(doc.references) > MAX_REFERENCES:
            doc.references = doc.references[:MAX_REFERENCES]
            doc.status, doc.error_stage = "partial", "extract"
            doc.errors.append(f"more than {MAX_REFERENCES} references: only the first {MAX_REFERENCES} are kept")
    except PipelineError as exc:
        doc.status, doc.error_stage = "partial", exc.stage
        doc.errors.append(exc.message)
    except RecursionError:
        doc.status, doc.error_stage = "partial", stage
        doc.errors.append("input too deeply nested")
    except MemoryError:
        doc.status, doc.error_stage = "partial", stage
        doc.errors.append(f"out of memory in {stage} (the memory limit of a worker)")
    except Exception as exc:  # noqa: BLE001 - a bug must not lose the other inputs
        doc.status, doc.error_stage = "partial", stage
        doc.errors.append(f"internal error in {stage}: {type(exc).__name__}: {exc}")
    return doc


def document_references(cleaned: Cleaned, seg: Segmented, doc: Document) -> list[Reference]:
    """Every numbered reference in the text and its footnotes, except the notice's own number."""
    year = doc.year
    own = ref_id(doc.doc_number) if doc.doc_number else None
    task_ranges = [(t.start, t.end, t.task_id) for t in doc.tasks]
    out: list[Reference] = []
    seen_spans = set()

    def add(r: Reference, s: int, e: int, text: str) -> None:
        if r.id and own and ref_id(r.id) == own:
            return
        if (s, e) in seen_spans:
            return
        seen_spans.add((s, e))
        tid = next((t for a, b, t in task_ranges if a <= s and e <= b), None)
        out.append(replace(r, text=text, start=s, end=e, task_id=tid))

    text = cleaned.text
    for a, b in _chunks(text, 50_000):  # one chunk for any real notice; junk stops at the cap
        for r in find_references(text[a:b], year):
            sp = cleaned.span(a + r.start, a + r.end)
            add(r, sp.start, sp.end, sp.text)
        if len(out) > MAX_REFERENCES:
            break
    for note in cleaned.footnotes:
        for r in find_references(note.text, year):
            s, e = note.start + r.start, note.start + r.end
            add(r, s, e, Span(s, e, cleaned.source[s:e]).text)
    out.sort(key=lambda r: r.start)
    return out


def _chunks(text: str, size: int) -> list[tuple[int, int]]:
    """[a, b) pieces of about ``size`` characters, cut after a line break where there is one."""
    out, a = [], 0
    while a < len(text):
        b = min(len(text), a + size)
        if b < len(text):
            nl = text.rfind("\n", a + size // 2, b)
            b = nl + 1 if nl >= 0 else b
        out.append((a, b))
        a = b
    return out
