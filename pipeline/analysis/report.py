"""``vntasks report OUT_DIR --by province|level|issuer|year --out REPORT_DIR``.

An HTML report (``REPORT_DIR/index.html``) with PNG charts comparing groups of notices side
by side: tasks per notice, deadlines, responsible-body types, directive actions, periods,
the most cited documents and the citation links between notices of the corpus (also written
to ``OUT_DIR/links.csv``). Groups with fewer than ``--min-notices`` (5) notices are flagged,
never hidden. Output is deterministic: sorted groups, fixed figure widths, no timestamps.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from ..errors import PipelineError
from ..model import BODY_TYPES
from ..text.lexicon import load_table
from ..text.normalise import strip_accents
from .links import build_links, chains, most_cited, write_links

# pandas and matplotlib are imported inside the functions that use them (start-up of every command).

DIMENSIONS = ("province", "level", "issuer", "year")
BODY_TYPE_ORDER = (*BODY_TYPES, "none")
LEVEL_ORDER = ("xã", "huyện", "tỉnh", "trung ương")
UNKNOWN = "(không rõ)"
NO_ACTION = "(không xác định)"
SKIP = "-"
SMALL_GROUP = 5
FLAG = "⚑"

CHARTS = {
    "tasks": "tasks_per_notice.png",
    "deadlines": "deadlines.png",
    "bodies": "body_types.png",
    "actions": "actions.png",
    "periods": "periods.png",
    "citations": "citations.png",
}


# ---------------------------------------------------------------- actions (verb lexicon)

@dataclass(frozen=True, slots=True)
class Action:
    verb: str | None
    category: str


@cache
def _verb_lexicon() -> tuple[dict[str, str], regex.Pattern]:
    rows = load_table("action_verbs.tsv", ("verb", "category"))
    table = {unicodedata.normalize("NFC", r["verb"]).lower(): r["category"] for r in rows}
    alts = "|".join(regex.escape(v) for v in sorted(table, key=lambda v: (-len(v), v)))
    return table, regex.compile(rf"(?<![\w])(?:{alts})(?![\w])")


def _collapse(s: str) -> str:
    return " ".join(s.split())


def action_of(text: str, subject: str | None = None, mentions: tuple[str, ...] = ()) -> Action:
    """The directive action of a task: the first verb of ``data/action_verbs.tsv`` after the
    ``subject`` (the lead body as written, when it occurs in ``text``), skipping auxiliary
    verbs and the words of every body ``mentions`` (names are not actions: "Ban Quản lý dự án
    đầu tư xây dựng" says nothing about what to do)."""
    table, pattern = _verb_lexicon()
    low = unicodedata.normalize("NFC", _collapse(text)).lower()
    masked = list(low)
    for m in mentions:
        m = unicodedata.normalize("NFC", _collapse(m)).lower()
        if not m:
            continue
        i = low.find(m)
        while i >= 0:
            masked[i:i + len(m)] = ["\0"] * len(m)
            i = low.find(m, i + len(m))
    pos = 0
    if subject:
        s = unicodedata.normalize("NFC", _collapse(subject)).lower()
        i = low.find(s) if s else -1
        if i >= 0:
            pos = i + len(s)
    for m in pattern.finditer("".join(masked), pos):
        cat = table[m.group(0)]
        if cat != SKIP:
            return Action(m.group(0), cat)
    return Action(None, NO_ACTION)


def task_actions(records: list[dict]) -> dict[tuple[str, str], Action]:
    """(doc_id, task_id) -> Action, from documents.jsonl records (body mentions as written)."""
    out = {}
    for rec in records:
        for t in rec.get("tasks") or []:
            bodies = t.get("responsible") or []
            mentions = tuple(b.get("text") or "" for b in bodies if not b.get("inherited"))
            leads = [b.get("text") for b in bodies if b.get("role") == "lead" and not b.get("inherited")]
            out[(rec["doc_id"], t["task_id"])] = action_of(t.get("text") or "", leads[0] if leads else None, mentions)
    return out


# ---------------------------------------------------------------- grouping

def sort_key(label: str) -> tuple:
    """Vietnamese-friendly, deterministic order: diacritics folded, unknown last."""
    if label == UNKNOWN:
        return (2, "", label)
    if label in LEVEL_ORDER:
        return (0, f"{LEVEL_ORDER.index(label):02d}", label)
    return (1, strip_accents(label), label)


def _str_or_unknown(v) -> str:
    import pandas as pd

    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return UNKNOWN
    s = str(v).strip()
    return s or UNKNOWN


def doc_groups(documents, by: str) -> dict[str, str]:
    """doc_id -> group label for dimension ``by``; missing values are "(không rõ)"."""
    import pandas as pd

    if by not in DIMENSIONS:
        raise ValueError(f"unknown dimension {by!r}; use one of {', '.join(DIMENSIONS)}")
    out = {}
    for row in documents.itertuples(index=False):
        if by == "year":
            d = row.meeting_date if not pd.isna(row.meeting_date) else row.issue_date
            out[row.doc_id] = UNKNOWN if pd.isna(d) else str(d.year)
        else:
            out[row.doc_id] = _str_or_unknown(getattr(row, by))
    return out


@dataclass(frozen=True, slots=True)
class Group:
    label: str
    n_docs: int
    n_tasks: int
    small: bool

    @property
    def shown(self) -> str:
        return f"{self.label} {FLAG}" if self.small else self.label

    @property
    def axis_label(self) -> str:
        return f"{self.shown} (n={self.n_docs})"


# ---------------------------------------------------------------- HTML helpers

def esc(v) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def html_table(header: list[str], rows: list[list], small_rows: set[int] = frozenset(), cls: str = "") -> str:
    attr = f' class="{esc(cls)}"' if cls else ""
    out = [f"<table{attr}><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr></thead><tbody>"]
    for i, row in enumerate(rows):
        tr = '<tr class="small">' if i in small_rows else "<tr>"
        cells = []
        for j, v in enumerate(row):
            tag = "th" if j == 0 else "td"
            num = ' class="num"' if isinstance(v, (int, float)) and not isinstance(v, bool) else ""
            cells.append(f"<{tag}{num}>{esc(_fmt(v))}</{tag}>")
        out.append(tr + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def _fmt(v) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return "–" if v != v else f"{v:.1f}"
    return str(v)


def _pct(a: int, b: int) -> float | None:
    return 100.0 * a / b if b else None


# ---------------------------------------------------------------- charts

def _figure(n_rows: int, width: float = 8.0):
    # the Agg canvas directly: no pyplot, no global backend switch (safe inside a notebook)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    height = max(2.6, 0.32 * n_rows + 1.4)
    fig = Figure(figsize=(width, height), dpi=100)
    FigureCanvasAgg(fig)
    return fig


def save_png(fig, path: Path) -> None:
    """PNG without the Software text chunk or any timestamp: same data, same bytes."""
    fig.savefig(path, format="png", metadata={"Software": None}, dpi=100, bbox_inches="tight")


def _barh_stacked(path: Path, labels: list[str], parts: dict[str, list[float]], title: str, xlabel: str) -> None:
    fig = _figure(len(labels))
    ax = fig.add_subplot(1, 1, 1)
    left = [0.0] * len(labels)
    y = list(range(len(labels)))
    cmap = __import__("matplotlib").colormaps["tab20"]
    for k, (name, vals) in enumerate(parts.items()):
        ax.barh(y, vals, left=left, label=name, color=cmap(k % 20), edgecolor="white", linewidth=0.5)
        left = [a + b for a, b in zip(left, vals, strict=True)]
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    fig.subplots_adjust(left=0.3, right=0.72)
    save_png(fig, path)


def _barh(path: Path, labels: list[str], values: list[float], title: str, xlabel: str,
          second: tuple[list[float | None], str, str] | None = None) -> None:
    fig = _figure(len(labels), width=9.0 if second else 8.0)
    panels = [(values, title, xlabel)] + ([second] if second else [])
    y = list(range(len(labels)))
    for k, (vals, t, xl) in enumerate(panels):
        ax = fig.add_subplot(1, len(panels), k + 1)
        ax.barh(y, [0.0 if v is None else v for v in vals], color="#4472c4" if k == 0 else "#ed7d31")
        ax.set_yticks(y, labels if k == 0 else [""] * len(labels))
        ax.invert_yaxis()
        ax.set_title(t, fontsize=10)
        ax.set_xlabel(xl)
    fig.subplots_adjust(left=0.3, right=0.97, wspace=0.08)
    save_png(fig, path)


def _heatmap(path: Path, labels: list[str], cols: list[str], matrix: list[list[int]], title: str) -> None:
    fig = _figure(len(labels), width=max(6.0, 2.5 + 0.5 * len(cols)))
    ax = fig.add_subplot(1, 1, 1)
    if cols:
        ax.imshow(matrix, aspect="auto", cmap="Blues", interpolation="nearest")
        top = max((v for row in matrix for v in row), default=0)
        for i, row in enumerate(matrix):
            for j, v in enumerate(row):
                if v:
                    ax.text(j, i, str(v), ha="center", va="center", fontsize=7,
                            color="white" if v > top / 2 else "black")
    ax.set_xticks(range(len(cols)), cols, rotation=90 if len(cols) > 10 else 0)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_title(title)
    fig.subplots_adjust(left=0.3, bottom=0.2)
    save_png(fig, path)


# ---------------------------------------------------------------- the report

@dataclass
class Inputs:
    frames: dict
    records: list[dict]
    links: object  # DataFrame


def load_inputs(out_dir: str | os.PathLike) -> Inputs:
    from ..api import read_tables  # lazily: the whole pipeline; the CLI imports this module for every command

    out_dir = Path(out_dir)
    frames = read_tables(out_dir)
    records = []
    jl = out_dir / "documents.jsonl"
    if jl.exists():
        with open(jl, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    return Inputs(frames, records, build_links(frames))


def period_label(start, end) -> str:
    """A short label of a period: "2024", "Q3/2024", "6T đầu/2024", "T5/2024", "2021–2025"."""
    s, e = start.date(), end.date()
    if s.year == e.year:
        y = s.year
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
            return str(y)
        if s.day == 1 and (e.month % 3 == 0) and s.month == e.month - 2:
            return f"Q{e.month // 3}/{y}"
        if (s.month, e.month) == (1, 6):
            return f"6T đầu/{y}"
        if (s.month, e.month) == (7, 12):
            return f"6T cuối/{y}"
        if s.month == e.month:
            return f"T{s.month}/{y}"
        return f"{s.month}–{e.month}/{y}"
    if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
        return f"{s.year}–{e.year}"
    return f"{s.isoformat()}–{e.isoformat()}"


def build_report(inputs: Inputs, by: str, report_dir: str | os.PathLike, min_notices: int = SMALL_GROUP) -> Path:
    """Write ``index.html`` and the PNG charts into ``report_dir``; return the HTML path."""
    rdir = Path(report_dir)
    rdir.mkdir(parents=True, exist_ok=True)
    docs = inputs.frames["documents"]
    tasks = inputs.frames["tasks"]
    refs = inputs.frames["references"]
    gmap = doc_groups(docs, by)
    labels = sorted(set(gmap.values()), key=sort_key)
    tasks = tasks.assign(group=tasks["doc_id"].map(gmap).fillna(UNKNOWN))
    refs = refs.assign(group=refs["doc_id"].map(gmap).fillna(UNKNOWN))
    n_docs = Counter(gmap.values())
    n_tasks = Counter(tasks["group"])
    groups = [Group(g, n_docs[g], n_tasks.get(g, 0), n_docs[g] < min_notices) for g in labels]
    shown = [g.axis_label for g in groups]
    small_rows = {i for i, g in enumerate(groups) if g.small}
    sections: list[str] = []

    # 1. tasks per notice
    per_doc = docs.assign(group=docs["doc_id"].map(gmap))
    rows, means = [], []
    for g in groups:
        counts = [int(x) for x in per_doc.loc[per_doc["group"] == g.label, "n_tasks"].fillna(0)]
        mean = statistics.fmean(counts) if counts else None
        means.append(mean or 0.0)
        rows.append([g.shown, g.n_docs, g.n_tasks, mean, float(statistics.median(counts)) if counts else None,
                     min(counts, default=None), max(counts, default=None)])
    _barh(rdir / CHARTS["tasks"], shown, means, "Tasks per notice (mean)", "tasks")
    sections.append(_section("tasks", "Tasks per notice", CHARTS["tasks"], html_table(
        [by, "notices", "tasks", "tasks/notice (mean)", "median", "min", "max"], rows, small_rows)))

    # 2. deadlines
    rows, shares, medians = [], [], []
    for g in groups:
        t = tasks[tasks["group"] == g.label]
        with_dl = int(t["deadline"].notna().sum())
        both = t[t["deadline"].notna() & t["meeting_date"].notna()]
        days = [int(d) for d in (both["deadline"] - both["meeting_date"]).dt.days]
        med = float(statistics.median(days)) if days else None
        share = _pct(with_dl, len(t))
        shares.append(share or 0.0)
        medians.append(med)
        rows.append([g.shown, len(t), with_dl, share, len(days), med])
    _barh(rdir / CHARTS["deadlines"], shown, shares, "Tasks with a deadline (%)", "%",
          second=(medians, "Median days meeting → deadline", "days"))
    sections.append(_section("deadlines", "Deadlines", CHARTS["deadlines"], html_table(
        [by, "tasks", "with deadline", "% with deadline", "tasks with meeting date and deadline",
         "median days meeting → deadline"], rows, small_rows)))

    # 3. responsible-body types (one per lead; a task without lead counts as "none")
    type_counts = {g.label: Counter() for g in groups}
    for grp, types in zip(tasks["group"], tasks["body_types"], strict=True):
        types = [x or "other" for x in (types or [])]
        type_counts[grp].update(types or ["none"])
    present = [t for t in BODY_TYPE_ORDER if any(c[t] for c in type_counts.values())]
    present += sorted({t for c in type_counts.values() for t in c} - set(present))
    rows = [[g.shown, *[type_counts[g.label][t] for t in present], sum(type_counts[g.label].values())] for g in groups]
    parts = {t: [_pct(type_counts[g.label][t], sum(type_counts[g.label].values())) or 0.0 for g in groups]
             for t in present}
    _barh_stacked(rdir / CHARTS["bodies"], shown, parts, "Lead body types (share of leads)", "%")
    sections.append(_section("bodies", "Responsible-body types", CHARTS["bodies"], html_table(
        [by, *present, "leads"], rows, small_rows),
        note="One type per lead body; a task without a lead counts as “none”."))

    # 4. actions
    actions = task_actions(inputs.records) if inputs.records else {
        (r.doc_id, r.task_id): action_of(r.text or "", None, tuple(r.responsible) + tuple(r.support))
        for r in tasks.itertuples(index=False)}
    cat_counts = {g.label: Counter() for g in groups}
    verb_counts: Counter = Counter()
    verb_by_group = {g.label: Counter() for g in groups}
    for r in tasks.itertuples(index=False):
        a = actions.get((r.doc_id, r.task_id), Action(None, NO_ACTION))
        cat_counts[r.group][a.category] += 1
        if a.verb:
            verb_counts[(a.verb, a.category)] += 1
            verb_by_group[r.group][a.verb] += 1
    total_cats = Counter()
    for c in cat_counts.values():
        total_cats.update(c)
    cats = sorted(total_cats, key=lambda c: (c == NO_ACTION, -total_cats[c], c))
    rows = [[g.shown, *[cat_counts[g.label][c] for c in cats],
             ", ".join(f"{v} ({n})" for v, n in sorted(verb_by_group[g.label].items(), key=lambda x: (-x[1], x[0]))[:3])]
            for g in groups]
    parts = {c: [_pct(cat_counts[g.label][c], g.n_tasks) or 0.0 for g in groups] for c in cats}
    _barh_stacked(rdir / CHARTS["actions"], shown, parts, "Action categories (share of tasks)", "%")
    top_verbs = sorted(verb_counts.items(), key=lambda x: (-x[1], x[0]))[:25]
    sections.append(_section("actions", "Directive actions", CHARTS["actions"], html_table(
        [by, *cats, "top verbs"], rows, small_rows) + "<h3>Most frequent verbs (all notices)</h3>" + html_table(
        ["verb", "category", "tasks"], [[v, c, n] for (v, c), n in top_verbs]),
        note="The action is the first verb of pipeline/data/action_verbs.tsv after the task's lead body "
             "(body names masked, auxiliaries such as “chủ trì”, “phối hợp”, “tăng cường” skipped)."))

    # 5. periods
    rows, years_by_group = [], {g.label: Counter() for g in groups}
    for g in groups:
        t = tasks[(tasks["group"] == g.label) & tasks["period_start"].notna() & tasks["period_end"].notna()]
        own = int((t["period_inherited"] == False).sum())  # noqa: E712 - pandas boolean mask
        lab = Counter(period_label(s, e) for s, e in zip(t["period_start"], t["period_end"], strict=True))
        for s, e in zip(t["period_start"], t["period_end"], strict=True):
            for y in range(s.year, min(e.year, s.year + 30) + 1):
                years_by_group[g.label][y] += 1
        rows.append([g.shown, g.n_tasks, len(t), own, len(t) - own, _pct(len(t), g.n_tasks),
                     ", ".join(f"{k} ({n})" for k, n in sorted(lab.items(), key=lambda x: (-x[1], x[0]))[:4])])
    years = sorted({y for c in years_by_group.values() for y in c})
    _heatmap(rdir / CHARTS["periods"], shown, [str(y) for y in years],
             [[years_by_group[g.label][y] for y in years] for g in groups], "Tasks whose period covers each year")
    sections.append(_section("periods", "Periods covered", CHARTS["periods"], html_table(
        [by, "tasks", "with period", "own", "inherited", "% with period", "most frequent periods"], rows, small_rows)))

    # 6. most cited documents
    sections.append(_citations(refs, groups, rdir, by))

    # 7. links between notices of the corpus
    sections.append(_links_section(inputs.links, gmap, docs))

    n_small = sum(g.small for g in groups)
    head = (f"<p>{len(docs)} notices, {len(tasks)} tasks, {len(refs)} references, grouped by "
            f"<b>{esc(by)}</b> into {len(groups)} groups. {FLAG} marks a group of fewer than {min_notices} "
            f"notices ({n_small} such groups): its figures are shown but rest on few notices.</p>")
    toc = "<ul>" + "".join(f'<li><a href="#{k}">{esc(t)}</a></li>' for k, t in (
        ("tasks", "Tasks per notice"), ("deadlines", "Deadlines"), ("bodies", "Responsible-body types"),
        ("actions", "Directive actions"), ("periods", "Periods covered"), ("citations", "Most cited documents"),
        ("links", "Citation links"))) + "</ul>"
    page = _PAGE.format(title=esc(f"vntasks report by {by}"), body=head + toc + "\n".join(sections))
    out = rdir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


def _section(key: str, title: str, png: str | None, table: str, note: str = "") -> str:
    img = f'<img src="{esc(png)}" alt="{esc(title)}">' if png else ""
    note = f'<p class="note">{esc(note)}</p>' if note else ""
    return f'<section id="{esc(key)}"><h2>{esc(title)}</h2>{note}{img}{table}</section>'


def _citations(refs, groups: list[Group], rdir: Path, by: str) -> str:
    r = refs[refs["id"].notna() & (refs["id"] != "")]
    stats: dict[str, dict] = {}
    for row in r.itertuples(index=False):
        s = stats.setdefault(row.id, {"type": None, "docs": set(), "n": 0, "groups": Counter()})
        if s["type"] is None and isinstance(row.type, str):
            s["type"] = row.type
        s["n"] += 1
        if row.doc_id not in s["docs"]:
            s["docs"].add(row.doc_id)
            s["groups"][row.group] += 1
    top = sorted(stats.items(), key=lambda x: (-len(x[1]["docs"]), -x[1]["n"], x[0]))[:25]
    order = {g.label: i for i, g in enumerate(groups)}
    shown = {g.label: g.shown for g in groups}
    rows = [[rid, s["type"], len(s["docs"]), s["n"],
             "; ".join(f"{shown.get(k, k)}: {n}" for k, n in sorted(s["groups"].items(), key=lambda x: order.get(x[0], 0)))]
            for rid, s in top]
    per_group = [[g.shown, int((r["group"] == g.label).sum()), r.loc[r["group"] == g.label, "id"].nunique()]
                 for g in groups]
    top15 = top[:15]
    _barh(rdir / CHARTS["citations"], [rid for rid, _ in top15] or ["–"],
          [float(len(s["docs"])) for _, s in top15] or [0.0], "Most cited documents", "citing notices")
    return _section("citations", "Most cited documents", CHARTS["citations"], html_table(
        ["reference", "type", "citing notices", "mentions", f"citing notices by {by}"], rows) +
        f"<h3>References by {esc(by)}</h3>" + html_table([by, "references", "distinct ids"], per_group,
                                                         {i for i, g in enumerate(groups) if g.small}))


def _links_section(links, gmap: dict[str, str], docs) -> str:
    numbers = dict(zip(docs["doc_id"], docs["doc_number"], strict=True))
    if links is None or len(links) == 0:
        return ('<section id="links"><h2>Citation links</h2><p>No reference of the corpus names a notice of '
                'the corpus (links.csv is empty).</p></section>')
    top = most_cited(links)[:20]
    rows = [[t, numbers.get(t), gmap.get(t, UNKNOWN), nd, n] for t, nd, n in top]
    ch = chains(links, limit=30)
    items = "".join("<li>" + " → ".join(f"{esc(d)} ({esc(numbers.get(d) or '')})" for d in c) + "</li>" for c in ch)
    by_match = Counter(links["match"])
    return ('<section id="links"><h2>Citation links</h2>'
            f"<p>{len(links)} links (" + ", ".join(f"{esc(k)}: {v}" for k, v in sorted(by_match.items())) +
            ") from references to notices of this corpus; see links.csv.</p>" +
            "<h3>Most cited notices of the corpus</h3>" +
            html_table(["notice", "number", "group", "citing notices", "citations"], rows) +
            "<h3>Chains of follow-up notices (oldest first)</h3>" +
            (f"<ol>{items}</ol>" if items else "<p>No chain of two or more links.</p>") + "</section>")


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1200px; color: #222; }}
table {{ border-collapse: collapse; margin: .8em 0 1.6em; font-size: 90%; }}
th, td {{ border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; }}
thead th {{ background: #305496; color: #fff; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
tr.small {{ background: #fff4d6; }}
tr.small th::after {{ content: " (few notices)"; font-weight: normal; color: #a35b00; font-size: 85%; }}
img {{ max-width: 100%; display: block; margin: .5em 0; }}
.note {{ color: #555; font-size: 90%; }}
section {{ margin-top: 2em; }}
</style></head><body>
<h1>{title}</h1>
{body}
</body></html>
"""


# ---------------------------------------------------------------- CLI

def cmd_report(args: argparse.Namespace) -> int:
    out_dir = Path(args.out_dir)
    if not (out_dir / "documents.csv").exists():
        print(f"vntasks: {out_dir} has no tables; run `vntasks extract ... --out {out_dir}` first", file=sys.stderr)
        return 2
    try:
        inputs = load_inputs(out_dir)
        write_links(inputs.links, out_dir / "links.csv")
        page = build_report(inputs, args.by, args.out, args.min_notices)
    except PipelineError as exc:  # tables that are not one set
        print(f"vntasks: {exc.message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"vntasks: cannot write the report: {exc}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"vntasks: report -> {page}", file=sys.stderr)
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="HTML report with charts comparing provinces, levels, issuers or years")
    p.add_argument("out_dir", metavar="OUT_DIR", help="folder written by `vntasks extract`")
    p.add_argument("--by", choices=DIMENSIONS, default="province", help="group notices by (default province)")
    p.add_argument("--out", required=True, metavar="REPORT_DIR", help="folder for index.html and the charts")
    p.add_argument("--min-notices", type=int, default=SMALL_GROUP,
                   help=f"flag groups with fewer notices than this (default {SMALL_GROUP})")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_report)
