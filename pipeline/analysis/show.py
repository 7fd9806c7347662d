"""``vntasks show FILE --html OUT.html``: a review page of one notice.

The source text (the text every offset refers to) with every extracted span highlighted:
lead and support bodies, deadlines, the task's own periods (not inherited ones) and document
references; each task has an anchor at its start and a row in the task list linking to it.
Spans that cross each other are split into pieces that share a ``data-span`` id, so nesting
stays valid HTML. Everything from the notice is escaped.
"""
from __future__ import annotations

import argparse
import html
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import PipelineError
from ..ingest.load import load_path
from ..model import Document

KIND_RANK = {"task": 0, "period": 1, "lead": 2, "support": 3, "reference": 4, "deadline": 5}


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted stretch of the source text."""

    start: int
    end: int
    kind: str  # task | lead | support | deadline | period | reference
    sid: str  # shared by the pieces of one span
    title: str


def esc(v) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def marks_of(doc: Document, text_len: int) -> list[Mark]:
    """Every span of ``doc`` to highlight, deduplicated, offsets clipped to the text."""
    seen: dict[tuple[int, int, str], Mark] = {}

    def add(start, end, kind, title):
        if start is None or end is None:
            return
        s, e = max(0, int(start)), min(text_len, int(end))
        if e <= s:
            return
        key = (s, e, kind)
        if key in seen:
            old = seen[key]
            if title not in old.title.split(" | "):
                seen[key] = Mark(s, e, kind, old.sid, f"{old.title} | {title}")
            return
        seen[key] = Mark(s, e, kind, f"{kind}-{len(seen) + 1}", title)

    for t in doc.tasks:
        add(t.start, t.end, "task", f"task {t.task_id}")
        for b in t.responsible:
            if b.inherited:
                continue
            kind = "lead" if b.role == "lead" else "support"
            add(b.start, b.end, kind, f"{t.task_id} {b.role}: {b.name}" + (f" ({b.body_type})" if b.body_type else ""))
        if t.deadline is not None:
            add(t.deadline.start, t.deadline.end, "deadline", f"{t.task_id} deadline {t.deadline.date}")
        p = t.period
        if p is not None and not p.inherited:
            add(p.span_start, p.span_end, "period", f"{t.task_id} period {p.start}..{p.end}")
    for r in doc.references:
        bits = [r.id or "(no id)", r.type, r.date, r.issuer]
        add(r.start, r.end, "reference", "reference " + " · ".join(str(b) for b in bits if b))
    return sorted(seen.values(), key=lambda m: (m.start, -m.end, KIND_RANK.get(m.kind, 9), m.sid))


def render_text(text: str, marks: list[Mark], anchors: dict[int, list[str]] | None = None) -> str:
    """``text`` escaped, with ``<mark>`` elements for ``marks`` (properly nested: a span that
    crosses another is split into pieces with the same ``data-span``) and, at each offset of
    ``anchors``, empty ``<a id="task-ID">`` anchors (their label is drawn by CSS, so the text
    content of the page stays the source text)."""
    anchors = anchors or {}
    order = {m: i for i, m in enumerate(sorted(marks, key=lambda m: (m.start, -m.end, KIND_RANK.get(m.kind, 9), m.sid)))}
    points = sorted({0, len(text), *anchors, *(m.start for m in marks), *(m.end for m in marks)})
    points = [p for p in points if 0 <= p <= len(text)]
    by_start: dict[int, list[Mark]] = {}
    for m in marks:
        if m.end > m.start:
            by_start.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    started: set[str] = set()
    live: set[Mark] = set()
    for a, b in zip(points, [*points[1:], None], strict=True):
        live = {m for m in live if m.end > a}
        live.update(by_start.get(a, ()))
        active = sorted(live, key=order.__getitem__) if b is not None else []
        k = 0
        while k < len(stack) and k < len(active) and stack[k] is active[k]:
            k += 1
        for _ in range(len(stack) - k):
            stack.pop()
            out.append("</mark>")
        for tid in anchors.get(a, []):
            out.append(f'<a class="anchor" id="task-{esc(tid)}" href="#row-{esc(tid)}" data-label="{esc(tid)}"></a>')
        for m in active[k:]:
            first = m.sid not in started
            started.add(m.sid)
            cont = "" if first else " cont"
            out.append(f'<mark class="k-{esc(m.kind)}{cont}" data-span="{esc(m.sid)}" data-kind="{esc(m.kind)}" '
                       f'title="{esc(m.title)}">')
            stack.append(m)
        if b is not None:
            out.append(esc(text[a:b]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _task_rows(doc: Document) -> str:
    rows = []
    for t in doc.tasks:
        leads = [b for b in t.responsible if b.role == "lead"]
        sup = [b for b in t.responsible if b.role == "support"]

        def names(bs):
            return "<br>".join(esc(b.name) + (' <span class="inh">(inherited)</span>' if b.inherited else "")
                               for b in bs)

        dl = f"{esc(t.deadline.date)}<br><small>{esc(t.deadline.text)}</small>" if t.deadline else ""
        p = t.period
        per = (f"{esc(p.start)} – {esc(p.end)}<br><small>{esc(p.text)}"
               + (" (inherited)" if p.inherited else "") + "</small>") if p else ""
        rows.append(
            f'<tr id="row-{esc(t.task_id)}"><th><a href="#task-{esc(t.task_id)}">{esc(t.task_id)}</a></th>'
            f"<td>{esc(t.parent_id or '')}</td><td>{esc(t.label or '')}</td><td>{esc(t.section or '')}</td>"
            f'<td class="text">{esc(t.text)}</td><td>{names(leads)}</td><td>{names(sup)}</td><td>{dl}</td>'
            f"<td>{per}</td><td>{esc('; '.join(t.references))}</td>"
            f"<td>{'' if t.score is None else f'{t.score:.2f}'}</td></tr>")
    head = ("<tr><th>task</th><th>parent</th><th>label</th><th>section</th><th>text</th><th>lead</th>"
            "<th>support</th><th>deadline</th><th>period</th><th>references</th><th>score</th></tr>")
    return f'<table class="tasks"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _meta(doc: Document) -> str:
    fields = [("source", doc.source), ("status", doc.status), ("doc_type", doc.doc_type),
              ("doc_number", doc.doc_number), ("title", doc.title), ("issuer", doc.issuer), ("level", doc.level),
              ("province", doc.province), ("district", doc.district), ("issue_date", doc.issue_date),
              ("meeting_date", doc.meeting_date),
              ("chair", f"{doc.chair.name} ({doc.chair.title})" if doc.chair else None),
              ("signer", f"{doc.signer.name} ({doc.signer.title})" if doc.signer else None),
              ("input", f"{doc.input_format or ''} {doc.encoding or ''}".strip()),
              ("errors", "; ".join(doc.errors))]
    return '<table class="meta">' + "".join(
        f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in fields if v) + "</table>"


def render_page(doc: Document, text: str) -> str:
    """The whole review page of ``doc`` over its source ``text``."""
    marks = marks_of(doc, len(text))
    anchors: dict[int, list[str]] = {}
    for t in doc.tasks:
        pos = min(max(0, t.start), len(text))
        anchors.setdefault(pos, []).append(t.task_id)
    counts = {k: sum(m.kind == k for m in marks) for k in KIND_RANK}
    legend = " ".join(f'<mark class="k-{k}">{esc(k)} ({counts[k]})</mark>' for k in KIND_RANK)
    body = (f"<h1>{esc(doc.doc_id)}</h1>{_meta(doc)}"
            f"<p class=\"legend\">{legend}</p>"
            f"<h2>Tasks ({len(doc.tasks)})</h2>{_task_rows(doc)}"
            f'<h2>Source text</h2><pre class="source">{render_text(text, marks, anchors)}</pre>')
    return _PAGE.format(title=esc(f"vntasks: {doc.doc_id}"), body=body)


def show(path: str | os.PathLike, html_out: str | os.PathLike) -> Path:
    """Extract ``path`` and write its review page to ``html_out``."""
    from ..api import extract  # lazily: the whole pipeline; the CLI imports this module for every command

    doc = extract(path)
    try:
        text = load_path(path).text
    except PipelineError:
        text = ""
    out = Path(html_out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_page(doc, text), encoding="utf-8")
    return out


def cmd_show(args: argparse.Namespace) -> int:
    if not Path(args.file).is_file():
        print(f"vntasks: {args.file}: no such file", file=sys.stderr)
        return 2
    try:
        out = show(args.file, args.html)
    except OSError as exc:
        print(f"vntasks: cannot write {args.html}: {exc}", file=sys.stderr)
        return 1
    print(f"vntasks: review page -> {out}", file=sys.stderr)
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("show", help="an HTML review page of one notice with every extracted span highlighted")
    p.add_argument("file", metavar="FILE", help="a notice (.txt .md .html .docx .pdf)")
    p.add_argument("--html", required=True, metavar="OUT.html", help="where to write the page")
    p.set_defaults(func=cmd_show)


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1300px; color: #222;
  padding: 0 1.5em; box-sizing: border-box; }}
table {{ border-collapse: collapse; margin: .6em 0 1.4em; font-size: 88%; }}
th, td {{ border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }}
table.tasks thead th {{ background: #305496; color: #fff; position: sticky; top: 0; }}
td.text {{ max-width: 34em; }}
.inh {{ color: #888; font-size: 85%; }}
pre.source {{ white-space: pre-wrap; font-family: inherit; line-height: 1.7; background: #fafafa;
  border: 1px solid #ddd; padding: 1em; }}
mark {{ padding: 0 1px; border-radius: 2px; }}
mark.k-task {{ background: none; border-left: 3px solid #bbb; }}
mark.k-task.cont {{ border-left: none; }}
mark.k-lead {{ background: #ffe08a; }}
mark.k-support {{ background: #ffeecc; border-bottom: 2px dashed #d9a400; }}
mark.k-deadline {{ background: #ffb3b3; }}
mark.k-period {{ background: #c9e7ff; }}
mark.k-reference {{ background: #d5f5d0; }}
a.anchor {{ text-decoration: none; }}
a.anchor::before {{ content: attr(data-label); font-size: 70%; vertical-align: super; color: #fff;
  background: #305496; border-radius: 3px; padding: 0 3px; margin-right: 2px; }}
:target {{ outline: 2px solid #e67e22; }}
</style></head><body>
{body}
</body></html>
"""
