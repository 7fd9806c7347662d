"""vntasks: Vietnamese administrative notices -> a normalised task table.

Public API::

    import vntasks
    doc = vntasks.extract("notice.txt")              # a path, or a str of text
    docs = vntasks.extract_corpus(["corpus/"])        # iterator of Document
    frames = vntasks.to_frames(docs)                  # {"tasks": DataFrame, ...}
    frames = vntasks.read_tables("out/")              # the written tables, typed

The package folder is ``pipeline/``; it installs and imports as ``vntasks``. Stages live in
sub-packages (ingest, structure, extract, resolve, run, output; analysis and evaluate beside
them). Names are imported lazily so that ``import vntasks.extractors.temporal`` stays cheap.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "extract": "api", "extract_corpus": "api", "to_frames": "api", "read_tables": "api",
    "PipelineError": "errors", "Span": "text.spans",
    "Body": "model", "Deadline": "model", "Document": "model", "Period": "model",
    "Person": "model", "Reference": "model", "Task": "model",
}
__all__ = [*_LAZY, "__version__"]


def __getattr__(name: str):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'vntasks' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{mod}", __name__), name)
