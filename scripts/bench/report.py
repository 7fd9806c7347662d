"""The report: the machine's description and the measured ``Results`` in, a markdown section of
BENCHMARKS.md out (``render``), put in place of the section of the same size and mode
(``write_report``)."""
from __future__ import annotations

import datetime as dt
import math
import os
import platform
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]



def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    except OSError:
        pass

    def git(*a: str) -> str:
        try:
            return subprocess.run(["git", "-C", str(ROOT), *a], capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    if git("status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    try:
        load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "unknown"
    try:
        from importlib.metadata import version

        uts = version("underthesea")
    except Exception:  # noqa: BLE001
        uts = "not installed"
    return {"uname": " ".join(platform.uname()), "cpu": cpu, "cores": os.cpu_count() or 1, "ram": ram,
            "python": platform.python_version(), "underthesea": uts,
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "commit": commit,
            "load": load}


@dataclass
class Check:
    """One row of the summary: measurement, value, target, verdict (PASS, FAIL or n/a)."""

    name: str
    value: str
    target: str
    verdict: str


@dataclass
class Results:
    n: int
    quick: bool
    command: str
    machine: dict
    checks: list[Check] = field(default_factory=list)
    throughput: list[dict] = field(default_factory=list)  # run, docs, mb, wall, rss, ...
    pathological: list[dict] = field(default_factory=list)
    stages: dict | None = None
    path_profiles: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    refresh: list[dict] = field(default_factory=list)  # docs, fill_wall, wall, refreshed, main_mb, tree_mb, ...
    large: int | None = None  # notices of the large run when not the default 8 x n (part of the section key)


def _fmt(x: float, nd: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:,.{nd}f}"


def section_key(n: int, quick: bool, large: int | None = None) -> str:
    """``n=2000``, ``n=200 quick``, ``n=2000 large=100000`` (a large run other than 8 x n)."""
    return f"n={n}{f' large={large}' if large is not None else ''}{' quick' if quick else ''}"


def render(res: Results) -> str:
    m = res.machine
    key = section_key(res.n, res.quick, res.large)
    title = f"{res.n:,} notices" + (f", large run {res.large:,}" if res.large is not None else "")
    L = [f"<!-- bench:start {key} -->",
         f"## Run of {m['date'][:10]}: {title}{' (quick)' if res.quick else ''}", "",
         f"Command: `{res.command}`", "",
         "| Machine | |", "|---|---|",
         f"| Date | {m['date']} |", f"| Commit | {m['commit']} |", f"| uname | `{m['uname']}` |",
         f"| CPU | {m['cpu']} ({m['cores']} cores) |", f"| RAM | {m['ram']} |",
         f"| Python | {m['python']} (underthesea {m['underthesea']}) |",
         f"| Load average at start | {m['load']} |", "",
         "### Targets", "", "| Measurement | Value | Target | Result |", "|---|---|---|---|"]
    L += [f"| {c.name} | {c.value} | {c.target} | **{c.verdict}** |" for c in res.checks]
    L += ["", "### Throughput (whole process, start-up included)", "",
          "| Run | Docs | MB | Wall s | CPU s | Docs/s | MB/s | Peak RSS MB | Tasks |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t in res.throughput:
        if not t["docs"]:  # a command that reads no notice (a model load): its time and memory only
            L.append(f"| {t['run']} | — | — | {_fmt(t['wall'])} | {_fmt(t['cpu'])} | — | — | {_fmt(t['rss'], 1)} | — |")
            continue
        L.append(f"| {t['run']} | {t['docs']:,} | {_fmt(t['mb'])} | {_fmt(t['wall'])} | {_fmt(t['cpu'])} | "
                 f"{_fmt(t['docs'] / t['wall'] if t['wall'] else float('nan'), 1)} | "
                 f"{_fmt(t['mb'] / t['wall'] if t['wall'] else float('nan'), 3)} | {_fmt(t['rss'], 1)} | "
                 f"{t.get('tasks', '—')} |")
    if res.refresh:
        L += ["", "### Refresh memory (a full run fills the cache, one notice is edited, the same command again)",
              "", "| Notices | Jobs | Full run s | Refresh s | Extracted again | Main process peak RSS MB "
              "| Process tree peak RSS MB (sampled) | Largest process MB |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in res.refresh:
            again = str(r["refreshed"]) if r["refreshed"] >= 0 else "?"
            L.append(f"| {r['docs']:,} | {r['jobs']} | {_fmt(r['fill_wall'])} | {_fmt(r['wall'])} | {again} | "
                     f"{_fmt(r['main_mb'], 1)} | {_fmt(r['tree_mb'], 1)} | {_fmt(r['largest_mb'], 1)} |")
        L += ["", "Main process: its own peak (`RUSAGE_SELF` at exit), workers not included. Process tree: the "
              "largest sum of the RSS of the main process and its workers, sampled (pages a forked worker "
              "shares with the main process count in both). Largest process: the largest single one of them."]
    if res.pathological:
        L += ["", "### Pathological inputs (each file extracted alone; net = wall − start-up)", "",
              "Ratio to the ordinary file of the same size: of net times when the ordinary file takes "
              ">= 1 s net, else of wall times.", "",
              "| Input | Size MB | Wall s | Net s | Ratio to ordinary | Net / separate notices | Growth exponent "
              "| Result |", "|---|---:|---:|---:|---:|---:|---:|---|"]
        for p in res.pathological:
            wall = f">{p['wall']:.0f} (timeout)" if p.get("timed_out") else _fmt(p["wall"])
            L.append(f"| {p['input']} | {_fmt(p['mb'], 3)} | {wall} | {_fmt(p['net'])} | "
                     f"{_fmt(p.get('ratio'))} | {_fmt(p.get('vs_separate'))} | {_fmt(p.get('exponent'))} | "
                     f"{p.get('verdict', '')} |")
        L += ["", "Net / separate notices: net time against the same MB extracted as the separate notices of "
              "the corpus run. Growth exponent: log(net time ratio) / log(size ratio) between the two sizes "
              "(1 = linear, 2 = quadratic); shown when the smaller run takes > 0.2 s net."]
    if res.stages:
        s = res.stages
        L += ["", f"### Cost per pipeline module (cProfile, {s['n']} documents, tables written; "
              f"{_fmt(s['wall'])} s under the profiler)", "",
              "Self = the module's own functions plus the library/builtin code they call (regex "
              "matching, unicodedata, csv...). Cumulative = time inside calls entering the module from "
              "another one (nested modules counted in both).", "",
              "| Module | Self s | Self % | Cumulative s | Calls in |", "|---|---:|---:|---:|---:|"]
        L += [f"| {r['module']} | {_fmt(r['self'], 3)} | {_fmt(r['self_pct'], 1)} | {_fmt(r['cum'], 3)} | "
              f"{r['calls']:,} |" for r in s["modules"]]
        L += ["", "Top functions by own time:", "", "| Function | Charged to | Own s | Cumulative s | Calls |",
              "|---|---|---:|---:|---:|"]
        L += [f"| `{f['function']}` | {f['owner']} | {_fmt(f['tottime'], 3)} | {_fmt(f['cumtime'], 3)} | "
              f"{f['calls']:,} |" for f in s["functions"]]
    for pp in res.path_profiles:
        L += ["", f"#### Profile of pathological input {pp['input']} ({_fmt(pp['mb'], 3)} MB, "
              f"{_fmt(pp['wall'])} s under the profiler)", "",
              "| Module | Self s | Self % |", "|---|---:|---:|"]
        L += [f"| {r['module']} | {_fmt(r['self'], 3)} | {_fmt(r['self_pct'], 1)} |" for r in pp["modules"][:8]]
        L += ["", "| Function | Charged to | Own s | Calls |", "|---|---|---:|---:|"]
        L += [f"| `{f['function']}` | {f['owner']} | {_fmt(f['tottime'], 3)} | {f['calls']:,} |"
              for f in pp["functions"][:8]]
    if res.notes:
        L += ["", "Notes:", ""] + [f"- {x}" for x in res.notes]
    L.append(f"<!-- bench:end {key} -->")
    return "\n".join(L) + "\n"


HEADER = """# Benchmarks

Written by `python -m scripts.bench` (`make bench`); each run replaces its own section (same size and
mode). Targets (issues 7 and 21), as ratios measured in one run: extract >= 10x faster than a
process that only runs `underthesea.word_tokenize` over every line; over a large corpus (8x the
notices, or `make bench LARGE=100000`) peak RSS within 1.3x and notices per second net of
start-up at least 0.95 of the corpus run's; the main process's peak RSS refreshing 20x the
notices with one changed within 1.3x of the same at 1x; each pathological input within 3x the
time of 2 MB of ordinary notices; `--jobs N` near-linear with output byte-identical to `--jobs 1`.
"""


def write_report(path: Path, section: str) -> None:
    """Put ``section`` in the file at ``path``, replacing the section with the same key."""
    key = re.search(r"<!-- bench:start (.*?) -->", section).group(1)
    old = path.read_text(encoding="utf-8") if path.exists() else HEADER
    pat = re.compile(rf"<!-- bench:start {re.escape(key)} -->.*?<!-- bench:end {re.escape(key)} -->\n?", re.S)
    if pat.search(old):
        new = pat.sub(lambda _m: section, old, count=1)
    else:
        new = old.rstrip("\n") + "\n\n" + section
    path.write_text(new, encoding="utf-8")

