"""vntasks: Vietnamese administrative notices -> a normalised task table.

Public API::

    import pipeline
    doc = pipeline.extract("notice.txt")              # a path, or a str of text
    docs = pipeline.extract_corpus(["corpus/"])        # iterator of Document
    frames = pipeline.to_frames(docs)                  # {"tasks": DataFrame, ...}
    frames = pipeline.read_tables("out/")              # the written tables, typed

Names are imported lazily so that ``import pipeline.temporal`` (say) stays cheap.
"""
from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "extract": "api", "extract_corpus": "api", "to_frames": "api", "read_tables": "api",
    "PipelineError": "errors", "Span": "spans",
    "Body": "model", "Deadline": "model", "Document": "model", "Period": "model",
    "Person": "model", "Reference": "model", "Task": "model",
}
__all__ = [*_LAZY, "__version__"]


def __getattr__(name: str):
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{mod}", __name__), name)
