"""vntasks as a spaCy pipeline component: ``nlp.add_pipe("vntasks")``.

In: a spaCy ``Doc`` of one notice's text. Out: the same Doc with span groups and extensions
filled from :func:`vntasks.extract_text` (every offset maps to tokens with
``doc.char_span(..., alignment_mode="expand")``):

- ``doc.spans["tasks"]`` (label "TASK"), ``["bodies"]`` (label = role, "lead" or "support"),
  ``["deadlines"]`` ("DEADLINE"), ``["periods"]`` ("PERIOD"), ``["references"]`` ("REFERENCE");
  a body or period inherited from a heading has no words of its own in the task, so no span;
- ``span._.value``: the normalised value of a span: the task id, the canonical body name, the
  ISO date of a deadline, "first/last" ISO days of a period, the id of a reference; it is the
  span's ``kb_id_``. ``span._.task``: the id of the task the span belongs to (its ``id_``);
- ``doc._.vntasks``: the notice's documents.jsonl record (a dict, dates as ISO strings: a Doc
  with it is saved by ``DocBin`` like any other).

Registering: ``import vntasks.nlp`` registers the "vntasks" factory (``@Language.factory``)
and the tokenizer "vntasks.vi_tokenizer"; an installed vntasks also declares both as entry
points (``spacy_factories``, ``spacy_tokenizers``), so spaCy finds them without the import.

Works offline: spaCy's Vietnamese tokenizer wants pyvi for word segmentation; without it,
``spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})`` splits at spaces
only (a comma stays on its word), and :func:`blank` uses "vntasks.vi_tokenizer" (spaCy's
rule-based tokenizer with its punctuation rules), so that spans end where the words end.

>>> import vntasks.nlp
>>> nlp = vntasks.nlp.blank()
>>> _ = nlp.add_pipe("vntasks")
>>> doc = nlp("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch, "
...           "hoàn thành trước ngày 15/3/2025.")
>>> [(s.text, s.label_, s._.value) for s in doc.spans["bodies"]]
[('Sở Y tế', 'lead', 'Sở Y tế'), ('Sở Tài chính', 'support', 'Sở Tài chính')]
>>> [(s.text, s._.value, s._.task) for s in doc.spans["deadlines"]]
[('trước ngày 15/3/2025', '2025-03-15', 't1')]
>>> doc._.vntasks["tasks"][0]["deadline"]["date"]
'2025-03-15'
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy import displacy
from spacy.lang.punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from ..api import extract_text
from ..model import Document

#: The span groups the component fills, and the label of their spans (bodies: the role).
SPAN_KEYS = ("tasks", "bodies", "deadlines", "periods", "references")
TASK, DEADLINE, PERIOD, REFERENCE = "TASK", "DEADLINE", "PERIOD", "REFERENCE"
#: displaCy colours of the labels (the review page's palette).
COLORS = {TASK: "#eef3fb", "lead": "#ffd966", "support": "#c6e0b4", DEADLINE: "#f4b084", PERIOD: "#bdd7ee",
          REFERENCE: "#d9c3e9"}

if not Doc.has_extension("vntasks"):
    Doc.set_extension("vntasks", default=None)
if not Span.has_extension("value"):
    Span.set_extension("value", getter=lambda span: span.kb_id_ or None)
if not Span.has_extension("task"):
    Span.set_extension("task", getter=lambda span: span.id_ or None)


@registry.tokenizers("vntasks.vi_tokenizer")
def vi_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's rule-based tokenizer with its default punctuation rules, for Vietnamese without
    pyvi: syllables split at spaces, punctuation split off."""
    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab, prefix_search=compile_prefix_regex(TOKENIZER_PREFIXES).search,
                         suffix_search=compile_suffix_regex(TOKENIZER_SUFFIXES).search,
                         infix_finditer=compile_infix_regex(TOKENIZER_INFIXES).finditer)
    return make


def blank() -> Language:
    """A blank Vietnamese pipeline that needs no download: ``spacy.blank("vi")`` with the
    "vntasks.vi_tokenizer" tokenizer."""
    import spacy

    return spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vntasks.vi_tokenizer"}}})


class VntasksComponent:
    """The pipeline component: runs vntasks on ``doc.text`` and fills the Doc (see the module)."""

    def __init__(self, nlp: Language, name: str = "vntasks"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        record = extract_text(doc.text) if doc.text.strip() else None
        groups = spans_of(doc, record) if record is not None else {k: [] for k in SPAN_KEYS}
        for key in SPAN_KEYS:
            doc.spans[key] = groups[key]
        doc._.vntasks = record.to_dict() if record is not None else None
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("vntasks", assigns=["doc.spans", "doc._.vntasks"])
def make_vntasks(nlp: Language, name: str) -> VntasksComponent:
    """The "vntasks" component (``nlp.add_pipe("vntasks")``)."""
    return VntasksComponent(nlp, name)


def spans_of(doc: Doc, record: Document) -> dict[str, list[Span]]:
    """The spans of each group for ``record`` extracted from ``doc.text`` (duplicates once)."""
    groups: dict[str, list[Span]] = {k: [] for k in SPAN_KEYS}
    seen: set[tuple] = set()

    def add(key: str, start: int | None, end: int | None, label: str, value: str | None, task: str | None):
        if start is None or end is None or (key, start, end, label, task) in seen:
            return
        seen.add((key, start, end, label, task))
        span = doc.char_span(start, end, label=label, kb_id=value or "", span_id=task or "",
                             alignment_mode="expand")
        if span is not None:
            groups[key].append(span)

    for t in record.tasks:
        add("tasks", t.start, t.end, TASK, t.task_id, t.task_id)
        for b in t.responsible:
            if not b.inherited:
                add("bodies", b.start, b.end, b.role, b.name, t.task_id)
        if t.deadline is not None:
            add("deadlines", t.deadline.start, t.deadline.end, DEADLINE, t.deadline.date.isoformat(), t.task_id)
        p = t.period
        if p is not None and not p.inherited:
            add("periods", p.span_start, p.span_end, PERIOD, f"{p.start.isoformat()}/{p.end.isoformat()}", t.task_id)
    for r in record.references:
        add("references", r.start, r.end, REFERENCE, r.id, r.task_id)
    return groups


def render(doc: Doc, spans_key: str = "tasks", *, page: bool = True, keys: Iterable[str] | None = None) -> str:
    """HTML of displaCy's span view of one group of ``doc`` (``spans_key``), or of several
    groups together (``keys``, e.g. ``("bodies", "deadlines", "periods")``).

    >>> nlp = blank(); _ = nlp.add_pipe("vntasks")
    >>> html = render(nlp("Công an huyện tăng cường tuần tra trong quý III/2025."), keys=("bodies", "periods"))
    >>> "Công an huyện" in html and "PERIOD" in html and "lead" in html
    True
    """
    options = {"colors": COLORS}
    if keys is None:
        return displacy.render(doc, style="span", page=page, jupyter=False,
                               options={**options, "spans_key": spans_key})
    view = "vntasks-view"
    doc.spans[view] = [s for k in keys for s in doc.spans[k]]
    try:
        return displacy.render(doc, style="span", page=page, jupyter=False, options={**options, "spans_key": view})
    finally:
        del doc.spans[view]
