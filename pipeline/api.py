"""The public API: extract one input, extract a corpus, turn results into DataFrames, read tables."""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import PipelineError
from .ingest.load import MAX_BYTES, SUFFIXES, files_under, inside, load_path, load_string
from .model import Document
from .output.tables import COLUMNS, frames_from_rows, rows_of, type_frame, type_parquet_frame
from .output.writers import verify_tables
from .run.engines import Job, document_of, map_ordered
from .run.process import doc_ids, failed, process


def _looks_like_path(x) -> bool:
    if isinstance(x, os.PathLike):
        return True
    return isinstance(x, str) and "\n" not in x and len(x) < 4096 and Path(x).suffix.lower() in SUFFIXES


def extract(path_or_text: str | os.PathLike, *, doc_id: str | None = None) -> Document:
    """Extract one notice. A path (str or PathLike with a known suffix) is read from disk; any
    other string is taken as the notice's text. Problems with the input never raise: the
    Document has status "failed"/"partial" and ``errors``."""
    if _looks_like_path(path_or_text):
        src = os.fspath(path_or_text)
        did = doc_id or Path(src).stem
        try:
            loaded = load_path(src)
        except PipelineError as exc:
            return failed(did, src, exc)
        return process(loaded, did, src)
    text = str(path_or_text)
    try:
        loaded = load_string(text)
    except PipelineError as exc:
        return failed(doc_id or "text", "<text>", exc)
    return process(loaded, doc_id or f"text-{loaded.sha256[:12]}", "<text>")


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


def run_corpus(inputs: Iterable[str | os.PathLike], jobs: int = 1,
               max_bytes: int = MAX_BYTES) -> Iterator[tuple[Document, str | None]]:
    """(Document, source text when it must be written) for each input, in input order."""
    sources = expand_inputs(inputs)
    work = [Job(s, d, max_bytes, None, "") for s, d in zip(sources, doc_ids(sources), strict=True)]
    yield from map_ordered(document_of, work, jobs)


def extract_corpus(inputs: Iterable[str | os.PathLike], *, jobs: int = 1,
                   max_bytes: int = MAX_BYTES) -> Iterator[Document]:
    """Extract every input (files and folders); yields Documents in input order."""
    for doc, _ in run_corpus(inputs, jobs, max_bytes):
        yield doc


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
