"""``vntasks report OUT_DIR --by province|level|issuer|district|doc_type|year --out REPORT_DIR``.

In: the tables ``vntasks extract`` wrote to OUT_DIR. Out: an HTML report
(``REPORT_DIR/index.html``) with PNG charts comparing groups of notices side by side: tasks per
notice, deadlines, responsible-body types, directive actions, periods, the most cited documents
and the citation links between notices of the corpus (``REPORT_DIR/links.csv``, beside the
report it belongs to).

Charts show the ``--top`` (10) largest groups, the others merged into one "other (k groups)",
and the unknown group last; every group is listed with its size in the first table. Groups
with fewer than ``--min-notices`` (5) notices are flagged, never hidden. A notice that
duplicates an earlier input (``documents.duplicate_of``: the same file, or the same number and
issuer) is counted once. Output is deterministic: sorted groups, fixed figure sizes, no
timestamps.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PipelineError
from ..model import BODY_TYPES
from .actions import NO_ACTION, Action, action_of, task_actions
from .charts import BAR2, Panel, bars, heatmap, stacked
from .groups import (
    DIMENSIONS,
    FLAG,
    SMALL_GROUP,
    TOP,
    UNKNOWN,
    Group,
    Grouping,
    doc_groups,
    drop_duplicates,
    group_notices,
    sort_key,
)
from .links import build_links, chains, most_cited, write_links

# pandas and matplotlib are imported inside the functions that use them (start-up of every command).

__all__ = ["DIMENSIONS", "NO_ACTION", "UNKNOWN", "Action", "Inputs", "action_of", "build_report", "doc_groups",
           "load_inputs", "period_label", "sort_key", "task_actions"]

BODY_TYPE_ORDER = (*BODY_TYPES, "none")
N_CITED = 12

CHARTS = {
    "tasks": "tasks_per_notice.png",
    "deadlines": "deadlines.png",
    "bodies": "body_types.png",
    "actions": "actions.png",
    "periods": "periods.png",
    "citations": "citations.png",
}


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


# ---------------------------------------------------------------- the report

@dataclass
class Inputs:
    """What the report reads: the tables, the documents.jsonl records and the citation links,
    duplicate inputs left out (``duplicates``: doc_id -> the earlier input it repeats)."""

    frames: dict
    records: list[dict]
    links: object  # DataFrame
    duplicates: dict[str, str] = field(default_factory=dict)


def load_inputs(out_dir: str | os.PathLike) -> Inputs:
    from ..api import read_tables  # lazily: the whole pipeline; the CLI imports this module for every command

    out_dir = Path(out_dir)
    frames = read_tables(out_dir)
    records = []
    jl = out_dir / "documents.jsonl"
    if jl.exists():
        with open(jl, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    frames, records, dups = drop_duplicates(frames, records)
    return Inputs(frames, records, build_links(frames), dups)


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


def build_report(inputs: Inputs, by: str, report_dir: str | os.PathLike, min_notices: int = SMALL_GROUP,
                 top: int = TOP) -> Path:
    """Write ``index.html``, the PNG charts and ``links.csv`` into ``report_dir``; return the
    HTML path."""
    rdir = Path(report_dir)
    rdir.mkdir(parents=True, exist_ok=True)
    docs = inputs.frames["documents"]
    n_tasks_of = dict(zip(docs["doc_id"], docs["n_tasks"].fillna(0).astype(int), strict=True))
    grouping = group_notices(docs, by, n_tasks_of, top, min_notices)
    groups = grouping.groups
    tasks = inputs.frames["tasks"]
    refs = inputs.frames["references"]
    tasks = tasks.assign(group=tasks["doc_id"].map(grouping.of))
    refs = refs.assign(group=refs["doc_id"].map(grouping.of))
    per_doc = docs.assign(group=docs["doc_id"].map(grouping.of))
    ctx = _Ctx(by, groups, [g.axis_label for g in groups], {i for i, g in enumerate(groups) if g.small}, rdir)
    sections = [_groups_section(grouping, by),
                _tasks_section(ctx, per_doc),
                _deadlines_section(ctx, tasks),
                _bodies_section(ctx, tasks),
                _actions_section(ctx, tasks, inputs.records),
                _periods_section(ctx, tasks),
                _citations(refs, ctx),
                _links_section(inputs.links, grouping.fine, docs)]
    write_links(inputs.links, rdir / "links.csv")

    n_small = sum(g.small for g in grouping.all_groups)
    head = (f"<p>{len(docs)} notices, {len(tasks)} tasks, {len(refs)} references, grouped by "
            f"<b>{esc(by)}</b> into {len(grouping.all_groups)} groups"
            + (f"; the charts show the {top} largest, the others as one “other” group" if len(groups) <
               len(grouping.all_groups) else "") +
            f". {FLAG} marks a group of fewer than {min_notices} notices ({n_small} such groups): its figures "
            "are shown but rest on few notices.</p>" + _duplicates_note(inputs.duplicates))
    toc = "<ul>" + "".join(f'<li><a href="#{k}">{esc(t)}</a></li>' for k, t in (
        ("groups", "Groups"), ("tasks", "Tasks per notice"), ("deadlines", "Deadlines"),
        ("bodies", "Responsible-body types"), ("actions", "Directive actions"), ("periods", "Periods covered"),
        ("citations", "Most cited documents"), ("links", "Citation links"))) + "</ul>"
    page = _PAGE.format(title=esc(f"vntasks report by {by}"), body=head + toc + "\n".join(sections))
    out = rdir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What every section needs: the dimension, the groups shown, their axis labels, the rows
    of small groups and the report folder."""

    by: str
    groups: list[Group]
    labels: list[str]
    small_rows: set[int]
    rdir: Path


def _duplicates_note(dups: dict[str, str]) -> str:
    if not dups:
        return ""
    items = ", ".join(f"{esc(d)} (= {esc(o)})" for d, o in sorted(dups.items()))
    return (f'<p class="note">{len(dups)} input(s) repeat an earlier input (the same file, or the same number '
            f"and issuer: documents.csv, column duplicate_of) and are counted once: {items}.</p>")


def _groups_section(grouping: Grouping, by: str) -> str:
    shown = {g: s for g, s in grouping.shown_of.items()}
    rows = [[g.shown, g.n_docs, g.n_tasks, shown.get(g.label, g.label)] for g in grouping.all_groups]
    small = {i for i, g in enumerate(grouping.all_groups) if g.small}
    return _section("groups", "Groups", None, html_table([by, "notices", "tasks", "in the charts as"], rows, small),
                    note="Every group with its size; groups beyond the largest are charted together as “other”.")


def _tasks_section(ctx: _Ctx, per_doc) -> str:
    rows, means = [], []
    for g in ctx.groups:
        counts = [int(x) for x in per_doc.loc[per_doc["group"] == g.label, "n_tasks"].fillna(0)]
        mean = statistics.fmean(counts) if counts else None
        means.append(mean)
        rows.append([g.shown, g.n_docs, g.n_tasks, mean, float(statistics.median(counts)) if counts else None,
                     min(counts, default=None), max(counts, default=None)])
    bars(ctx.rdir / CHARTS["tasks"], ctx.labels, [
        Panel(means, "Tasks per notice (mean)", "tasks per notice"),
        Panel([float(g.n_tasks) for g in ctx.groups], "Tasks (all notices of the group)", "tasks",
              fmt="{:.0f}".format, integer=True, color=BAR2)])
    return _section("tasks", "Tasks per notice", CHARTS["tasks"], html_table(
        [ctx.by, "notices", "tasks", "tasks/notice (mean)", "median", "min", "max"], rows, ctx.small_rows))


def _deadlines_section(ctx: _Ctx, tasks) -> str:
    rows, shares, medians = [], [], []
    for g in ctx.groups:
        t = tasks[tasks["group"] == g.label]
        with_dl = int(t["deadline"].notna().sum())
        both = t[t["deadline"].notna() & t["meeting_date"].notna()]
        days = [int(d) for d in (both["deadline"] - both["meeting_date"]).dt.days]
        med = float(statistics.median(days)) if days else None
        share = _pct(with_dl, len(t))
        shares.append(share)
        medians.append(med)
        rows.append([g.shown, len(t), with_dl, share, len(days), med])
    bars(ctx.rdir / CHARTS["deadlines"], ctx.labels, [
        Panel(shares, "Tasks with a deadline", "% of the group's tasks", fmt="{:.0f} %".format),
        Panel(medians, "Median days, meeting → deadline", "days", fmt="{:.0f} d".format, integer=True, color=BAR2)])
    return _section("deadlines", "Deadlines", CHARTS["deadlines"], html_table(
        [ctx.by, "tasks", "with deadline", "% with deadline", "tasks with meeting date and deadline",
         "median days meeting → deadline"], rows, ctx.small_rows))


def _bodies_section(ctx: _Ctx, tasks) -> str:
    """One type per lead body; a task without a lead counts as "none"."""
    type_counts = {g.label: Counter() for g in ctx.groups}
    for grp, types in zip(tasks["group"], tasks["body_types"], strict=True):
        types = [x or "other" for x in (types or [])]
        type_counts[grp].update(types or ["none"])
    present = [t for t in BODY_TYPE_ORDER if any(c[t] for c in type_counts.values())]
    present += sorted({t for c in type_counts.values() for t in c} - set(present))
    rows = [[g.shown, *[type_counts[g.label][t] for t in present], sum(type_counts[g.label].values())]
            for g in ctx.groups]
    stacked(ctx.rdir / CHARTS["bodies"], ctx.labels,
            {t: [type_counts[g.label][t] for g in ctx.groups] for t in present},
            "Lead body types (share of leads)", totals_word=" leads")
    return _section("bodies", "Responsible-body types", CHARTS["bodies"], html_table(
        [ctx.by, *present, "leads"], rows, ctx.small_rows),
        note="One type per lead body; a task without a lead counts as “none”.")


def _actions_section(ctx: _Ctx, tasks, records: list[dict]) -> str:
    actions = task_actions(records) if records else {
        (r.doc_id, r.task_id): action_of(r.text or "", None, tuple(r.responsible) + tuple(r.support))
        for r in tasks.itertuples(index=False)}
    cat_counts = {g.label: Counter() for g in ctx.groups}
    verb_counts: Counter = Counter()
    verb_by_group = {g.label: Counter() for g in ctx.groups}
    for r in tasks.itertuples(index=False):
        a = actions.get((r.doc_id, r.task_id), Action(None, NO_ACTION))
        cat_counts[r.group][a.category] += 1
        if a.verb:
            verb_counts[(a.verb, a.category)] += 1
            verb_by_group[r.group][a.verb] += 1
    total_cats: Counter = Counter()
    for c in cat_counts.values():
        total_cats.update(c)
    cats = sorted(total_cats, key=lambda c: (c == NO_ACTION, -total_cats[c], c))
    rows = [[g.shown, *[cat_counts[g.label][c] for c in cats],
             ", ".join(f"{v} ({n})" for v, n in sorted(verb_by_group[g.label].items(), key=lambda x: (-x[1], x[0]))[:3])]
            for g in ctx.groups]
    stacked(ctx.rdir / CHARTS["actions"], ctx.labels, {c: [cat_counts[g.label][c] for g in ctx.groups] for c in cats},
            "Action categories (share of tasks)", totals_word=" tasks")
    top_verbs = sorted(verb_counts.items(), key=lambda x: (-x[1], x[0]))[:25]
    return _section("actions", "Directive actions", CHARTS["actions"], html_table(
        [ctx.by, *cats, "top verbs"], rows, ctx.small_rows) + "<h3>Most frequent verbs (all notices)</h3>" + html_table(
        ["verb", "category", "tasks"], [[v, c, n] for (v, c), n in top_verbs]),
        note="The action is the first verb of pipeline/data/action_verbs.tsv after the task's lead body "
             "(body names masked, auxiliaries such as “chủ trì”, “phối hợp”, “tăng cường” skipped). The chart "
             "shows the most frequent categories, the rest as “other”; the table has them all.")


def _periods_section(ctx: _Ctx, tasks) -> str:
    rows, years_by_group = [], {g.label: Counter() for g in ctx.groups}
    for g in ctx.groups:
        t = tasks[(tasks["group"] == g.label) & tasks["period_start"].notna() & tasks["period_end"].notna()]
        own = int((t["period_inherited"] == False).sum())  # noqa: E712 - pandas boolean mask
        lab = Counter(period_label(s, e) for s, e in zip(t["period_start"], t["period_end"], strict=True))
        for s, e in zip(t["period_start"], t["period_end"], strict=True):
            for y in range(s.year, min(e.year, s.year + 30) + 1):
                years_by_group[g.label][y] += 1
        rows.append([g.shown, g.n_tasks, len(t), own, len(t) - own, _pct(len(t), g.n_tasks),
                     ", ".join(f"{k} ({n})" for k, n in sorted(lab.items(), key=lambda x: (-x[1], x[0]))[:4])])
    years = sorted({y for c in years_by_group.values() for y in c})
    heatmap(ctx.rdir / CHARTS["periods"], ctx.labels, [str(y) for y in years],
            [[years_by_group[g.label][y] for y in years] for g in ctx.groups], "Tasks whose period covers each year")
    return _section("periods", "Periods covered", CHARTS["periods"], html_table(
        [ctx.by, "tasks", "with period", "own", "inherited", "% with period", "most frequent periods"], rows,
        ctx.small_rows))


def _section(key: str, title: str, png: str | None, table: str, note: str = "") -> str:
    img = f'<img src="{esc(png)}" alt="{esc(title)}">' if png else ""
    note = f'<p class="note">{esc(note)}</p>' if note else ""
    return f'<section id="{esc(key)}"><h2>{esc(title)}</h2>{note}{img}{table}</section>'


def _citations(refs, ctx: _Ctx) -> str:
    """The most cited documents: a table with the citing notices per group, and a chart of the
    citing notices of the first ``N_CITED``, stacked by group (so it differs with ``--by``)."""
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
    order = {g.label: i for i, g in enumerate(ctx.groups)}
    shown = {g.label: g.shown for g in ctx.groups}
    rows = [[rid, s["type"], len(s["docs"]), s["n"],
             "; ".join(f"{shown.get(k, k)}: {n}" for k, n in sorted(s["groups"].items(), key=lambda x: order.get(x[0], 0)))]
            for rid, s in top]
    per_group = [[g.shown, int((r["group"] == g.label).sum()), r.loc[r["group"] == g.label, "id"].nunique()]
                 for g in ctx.groups]
    cited = top[:N_CITED]
    stacked(ctx.rdir / CHARTS["citations"], [rid for rid, _ in cited] or ["–"],
            {g.label: [s["groups"][g.label] for _, s in cited] or [0] for g in ctx.groups},
            f"Most cited documents: citing notices by {ctx.by}", share=False, xlabel="citing notices")
    return _section("citations", "Most cited documents", CHARTS["citations"], html_table(
        ["reference", "type", "citing notices", "mentions", f"citing notices by {ctx.by}"], rows) +
        f"<h3>References by {esc(ctx.by)}</h3>" + html_table([ctx.by, "references", "distinct ids"], per_group,
                                                             ctx.small_rows))


def _links_section(links, gmap: dict[str, str], docs) -> str:
    numbers = dict(zip(docs["doc_id"], docs["doc_number"], strict=True))
    if links is None or len(links) == 0:
        return ('<section id="links"><h2>Citation links</h2><p>No reference of the corpus names a notice of '
                'the corpus (<a href="links.csv">links.csv</a> is empty).</p></section>')
    top = most_cited(links)[:20]
    rows = [[t, numbers.get(t), gmap.get(t, UNKNOWN), nd, n] for t, nd, n in top]
    ch = chains(links, limit=30)
    items = "".join("<li>" + " → ".join(f"{esc(d)} ({esc(numbers.get(d) or '')})" for d in c) + "</li>" for c in ch)
    by_match = Counter(links["match"])
    return ('<section id="links"><h2>Citation links</h2>'
            f"<p>{len(links)} links (" + ", ".join(f"{esc(k)}: {v}" for k, v in sorted(by_match.items())) +
            ") from references to notices of this corpus; see <a href='links.csv'>links.csv</a>.</p>" +
            "<h3>Most cited notices of the corpus</h3>" +
            html_table(["notice", "number", "group", "citing notices", "citations"], rows) +
            "<h3>Chains of follow-up notices (oldest first)</h3>" +
            (f"<ol>{items}</ol>" if items else "<p>No chain of two or more links.</p>") + "</section>")


_PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 1200px; color: #222;
  padding: 0 1.5em; box-sizing: border-box; }}
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
    if args.top < 1:
        print("vntasks: --top must be at least 1", file=sys.stderr)
        return 2
    try:
        inputs = load_inputs(out_dir)
        page = build_report(inputs, args.by, args.out, args.min_notices, args.top)
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
    p = subparsers.add_parser("report", help="HTML report with charts comparing groups of notices "
                                             "(province, level, issuer, district, doc_type, year)")
    p.add_argument("out_dir", metavar="OUT_DIR", help="folder written by `vntasks extract`")
    p.add_argument("--by", choices=DIMENSIONS, default="province", help="group notices by (default province)")
    p.add_argument("--out", required=True, metavar="REPORT_DIR",
                   help="folder for index.html, the charts and links.csv")
    p.add_argument("--top", type=int, default=TOP,
                   help=f"charts show the N largest groups, the others as one “other” group (default {TOP})")
    p.add_argument("--min-notices", type=int, default=SMALL_GROUP,
                   help=f"flag groups with fewer notices than this (default {SMALL_GROUP})")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_report)
