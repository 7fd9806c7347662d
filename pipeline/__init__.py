"""vntasks: Vietnamese administrative notices -> a normalised task table.

Public API::

    import vntasks
    doc = vntasks.extract_text("Giao Sở Y tế chủ trì ...")   # a notice given as text
    doc = vntasks.extract("notice.txt")                      # a path (or a text: see input_kind)
    docs = vntasks.extract_corpus(["corpus/", "Giao ..."])   # iterator of Document, in order
    frames = vntasks.to_frames(docs)                         # {"tasks": DataFrame, ...}
    frames = vntasks.read_tables("out/")                     # the written tables, typed
    html = vntasks.review_html(doc, text)                    # the review page of one notice

The spaCy component is in :mod:`vntasks.nlp` (``nlp.add_pipe("vntasks")``).

>>> import vntasks
>>> text = "Giao Sở Y tế chủ trì xây dựng kế hoạch, hoàn thành trước ngày 15/3/2025."
>>> doc = vntasks.extract_text(text)
>>> doc.tasks[0].responsible[0].name, doc.tasks[0].deadline.date.isoformat()
('Sở Y tế', '2025-03-15')
>>> page = vntasks.review_html(doc, text)  # a whole HTML page, every span highlighted
>>> '<mark class="k-lead"' in page and "trước ngày 15/3/2025</mark>" in page
True

The package folder is ``pipeline/``; it installs and imports as ``vntasks``. Stages live in
sub-packages (ingest, structure, extractors, resolve, run, output; analysis and evaluate beside
them). Names are imported lazily so that ``import vntasks.extractors.temporal`` stays cheap.
The version is defined here only (``pyproject.toml`` reads it).
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

#: public name -> "module" (the same name there) or "module:name"
_LAZY = {
    "extract": "api", "extract_text": "api", "extract_corpus": "api", "to_frames": "api", "read_tables": "api",
    "input_kind": "api", "InputKind": "api",
    "review_html": "analysis.show:render_page",
    "PipelineError": "errors", "Span": "text.spans",
    "Body": "model", "Deadline": "model", "Document": "model", "Period": "model",
    "Person": "model", "Reference": "model", "Task": "model",
}
__all__ = [*_LAZY, "__version__"]


def __getattr__(name: str):
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'vntasks' has no attribute {name!r}")
    mod, _, attr = target.partition(":")
    return getattr(importlib.import_module(f".{mod}", __name__), attr or name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
