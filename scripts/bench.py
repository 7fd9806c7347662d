#!/usr/bin/env python3
"""Benchmark of ``vntasks extract`` (issue 7): speed, memory, pathological input, jobs, stages.

    python scripts/bench.py [--n 2000] [--quick] [--out BENCHMARKS.md] [--keep] [--jobs 2]

One run measures, on the same texts:

(a) ``vntasks extract CORPUS --quiet --jobs 1`` as a whole process: wall time, docs/s, MB/s,
    peak RSS;
(b) a process that only runs ``underthesea.word_tokenize`` over every non-empty line of the
    same files; the ratio (b)/(a) must be >= 10;
(c) peak RSS of extract over 8N documents against N documents (<= 1.3: documents stream);
(d) pathological inputs (2 MB of "1." repeated, "Số " repeated, 400 KB lines without spaces,
    "- " repeated, "trước ngày " repeated, "25-TB/BCĐ, " repeated, and "1.\\n" repeated), each
    extracted alone, against 2 MB of ordinary notices in one file (<= 3x, net of start-up);
(e) ``--jobs 2`` against ``--jobs 1``: speed-up and byte-identical output;
(f) the cost per pipeline module under cProfile on a sample of documents;
(g) instructions per notice of the worker's work (valgrind's callgrind, when installed): a
    count, not a time, so it compares runs made at different moments on this shared machine.

(a), (e) and (b) run in interleaved rounds (``--repeat``, default 3) and the fastest run of each
is kept: the machine is shared, and a busy neighbour then slows all three alike.

The corpus is built by a deterministic (seeded) recombination of the notices in ``corpus/``:
each new notice keeps the header and footer of one notice and a body of items drawn from it
and from two or three others. Each measured command runs in a fresh wrapper process, so the
peak RSS (``RUSAGE_CHILDREN`` of the wrapper) is that command's own. The report is written as
a section of ``--out`` (a section of the same size and mode is replaced; others are kept).
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import filecmp
import json
import math
import os
import platform
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIPELINE_DIR = ROOT / "pipeline"
MB = 1_000_000

# --------------------------------------------------------------------------------------------
# Corpus builder
# --------------------------------------------------------------------------------------------

#: A top-level item: "1." "2)" "IV." at the start of a line.
ITEM_START = re.compile(r"^\s*(?:\d{1,3}|[IVXL]{1,6})[.)]\s")
#: An Arabic top-level number ("3." "3)" "3-"), renumbered in the recombined body.
ARABIC_START = re.compile(r"^(\s*)\d{1,3}([.)\-]\s)")
#: A Roman section number ("II."), renumbered too; Arabic numbering restarts after it.
ROMAN_START = re.compile(r"^(\s*)[IVXL]{1,6}([.)]\s)")
#: Where the footer starts: the recipients' block.
FOOTER_START = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)


@dataclass(frozen=True)
class Notice:
    """A notice cut in three: header lines, body units (items or paragraphs), footer lines."""

    name: str
    header: str
    units: tuple[str, ...]
    footer: str


def _paragraphs(lines: list[str]) -> list[str]:
    out, cur = [], []
    for line in lines:
        if line.strip():
            cur.append(line)
        elif cur:
            out.append("\n".join(cur))
            cur = []
    if cur:
        out.append("\n".join(cur))
    return out


def split_notice(name: str, text: str) -> Notice:
    """Header (up to the first numbered item, or up to the first long paragraph), body units
    (one per top-level item, or one per paragraph when there is no numbered item), footer
    (from "Nơi nhận" or the last line ending in "./.", else the last five lines)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).lstrip("\ufeff")
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if ITEM_START.match(line)]
    if starts:
        h = starts[0]
    else:
        long_ = [i for i, line in enumerate(lines) if len(line) > 150]
        h = long_[0] + 1 if long_ else min(len(lines), 10)
    f = next((i for i in range(h, len(lines)) if FOOTER_START.match(lines[i])), None)
    closing = [i for i in range(h, f if f is not None else len(lines)) if lines[i].rstrip().endswith("./.")]
    if closing:
        f = closing[-1]
    if f is None:
        f = max(h, len(lines) - 5)
    body = lines[h:f]
    if starts:
        units, cur = [], []
        for line in body:
            if ITEM_START.match(line) and cur:
                units.append("\n".join(cur).strip("\n"))
                cur = []
            cur.append(line)
        if cur:
            units.append("\n".join(cur).strip("\n"))
    else:
        units = _paragraphs(body)
    units = [u for u in units if u.strip()]
    return Notice(name, "\n".join(lines[:h]).rstrip("\n"), tuple(units), "\n".join(lines[f:]).strip("\n"))


def load_notices(src: Path) -> list[Notice]:
    """The notices of ``src`` (any encoding the pipeline reads), split; those without a body
    are left out."""
    sys.path.insert(0, str(ROOT))
    from vntasks.ingest.load import load_path

    out = []
    for p in sorted(src.iterdir()):
        if p.suffix.lower() not in (".txt", ".md") or p.name.startswith("."):
            continue
        n = split_notice(p.stem, load_path(p).text)
        if n.units:
            out.append(n)
    if not out:
        raise SystemExit(f"bench: no notice with a body in {src}")
    return out


def _roman(k: int) -> str:
    out = ""
    for v, r in ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while k >= v:
            out, k = out + r, k - v
    return out


def _renumber(units: list[str]) -> list[str]:
    """Roman sections I, II... in order; Arabic items 1, 2... in order within each section."""
    out, arabic, roman = [], 0, 0
    for u in units:
        if ROMAN_START.match(u):
            roman, arabic = roman + 1, 0
            num = _roman(roman)
            u = ROMAN_START.sub(lambda m, r=num: f"{m.group(1)}{r}{m.group(2)}", u, count=1)
        elif ARABIC_START.match(u):
            arabic += 1
            u = ARABIC_START.sub(lambda m, k=arabic: f"{m.group(1)}{k}{m.group(2)}", u, count=1)
        out.append(u)
    return out


def recombine(notices: list[Notice], rng: random.Random) -> str:
    """One new notice: the header and footer of a random notice, a body of about as many
    characters as its own, drawn from its units and those of two or three other notices."""
    base = rng.choice(notices)
    donors = [base] + rng.sample(notices, k=min(len(notices), rng.randint(2, 3)))
    pool = [u for d in donors for u in d.units]
    target = sum(len(u) for u in base.units) * rng.uniform(0.7, 1.3)
    units, size = [], 0
    while size < target or len(units) < 2:
        u = rng.choice(pool)
        units.append(u)
        size += len(u)
        if len(units) >= 40:
            break
    return base.header + "\n\n" + "\n\n".join(_renumber(units)) + "\n\n" + base.footer + "\n"


def iter_notices(notices: list[Notice], n: int, seed: int = 7) -> Iterator[str]:
    """``n`` recombined notices; the first k of ``n`` are the same for any ``n`` >= k."""
    rng = random.Random(seed)
    for _ in range(n):
        yield recombine(notices, rng)


def build_corpus(src: Path, out: Path, n: int, seed: int = 7) -> tuple[int, int]:
    """Write ``n`` recombined notices as UTF-8 ``out/nNNNNNN.txt``; (files, bytes)."""
    notices = load_notices(src)
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i, text in enumerate(iter_notices(notices, n, seed)):
        data = text.encode("utf-8")
        (out / f"n{i:06d}.txt").write_bytes(data)
        total += len(data)
    return n, total


def ordinary_blob(src: Path, size: int, seed: int = 11) -> str:
    """Ordinary notices concatenated (blank lines between) up to ``size`` UTF-8 bytes."""
    parts, total = [], 0
    for text in iter_notices(load_notices(src), 10**9, seed):
        b = len(text.encode("utf-8")) + 2
        if total + b > size:
            break
        parts.append(text)
        total += b
    return "\n\n".join(parts) + "\n"


def ordinary_long(src: Path, size: int, seed: int = 13) -> str:
    """One ordinary notice whose body (items drawn from every notice, renumbered) makes it
    ``size`` UTF-8 bytes: ordinary text that every stage reads in full."""
    notices = load_notices(src)
    rng = random.Random(seed)
    base = rng.choice(notices)
    pool = [u for x in notices for u in x.units]
    head, foot = base.header + "\n\n", "\n\n" + base.footer + "\n"
    units, total = [], len((head + foot).encode("utf-8"))
    while True:
        u = rng.choice(pool)
        b = len(u.encode("utf-8")) + 2
        if total + b > size:
            break
        units.append(u)
        total += b
    return head + "\n\n".join(_renumber(units)) + foot


def _repeat(unit: str, size: int) -> str:
    k = max(1, size // len(unit.encode("utf-8")))
    return unit * k


#: Pathological inputs: name -> (description, maker(size) -> text).
def _no_space_lines(size: int) -> str:
    line_bytes = min(400_000, size)
    line = _repeat("Thôngbáosố25-TB/BCĐngày15/3/2024", line_bytes)
    return "\n".join([line] * max(1, size // len(line.encode("utf-8")))) + "\n"


PATHOLOGICAL = {
    "1.": ('"1." repeated', lambda s: _repeat("1.", s)),
    "So": ('"Số " repeated', lambda s: _repeat("Số ", s)),
    "nospace": ("400 KB lines without spaces", _no_space_lines),
    "dash": ('"- " repeated', lambda s: _repeat("- ", s)),
    "truoc-ngay": ('"trước ngày " repeated', lambda s: _repeat("trước ngày ", s)),
    "ref": ('"25-TB/BCĐ, " repeated', lambda s: _repeat("25-TB/BCĐ, ", s)),
    "items": ('"1.\\n" repeated (extra)', lambda s: _repeat("1.\n", s)),
}


# --------------------------------------------------------------------------------------------
# Measuring a command in its own wrapper process
# --------------------------------------------------------------------------------------------

#: Runs argv[2:], with a timeout of argv[1] seconds (0: none), in a new session; prints JSON
#: with wall time, CPU time and the peak RSS of the command (the wrapper's only child).
_WRAPPER = r"""
import json, os, resource, signal, subprocess, sys, time
timeout = float(sys.argv[1]) or None
t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
try:
    out, err = p.communicate(timeout=timeout)
    timed_out = False
except subprocess.TimeoutExpired:
    os.killpg(p.pid, signal.SIGKILL)
    out, err = p.communicate()
    timed_out = True
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "maxrss_kb": ru.ru_maxrss,
                  "rc": p.returncode, "timed_out": timed_out,
                  "stdout": out[-4000:].decode("utf-8", "replace"),
                  "stderr": err[-2000:].decode("utf-8", "replace")}))
"""


@dataclass
class Run:
    """One measured command."""

    label: str
    wall: float
    cpu: float
    rss_mb: float
    rc: int | None
    timed_out: bool
    stdout: str = ""
    stderr: str = ""


def measure(label: str, cmd: list[str], timeout: float = 0) -> Run:
    p = subprocess.run([sys.executable, "-c", _WRAPPER, str(timeout), *cmd], capture_output=True, text=True,
                       check=True)
    r = json.loads(p.stdout)
    return Run(label, r["wall"], r["cpu"], r["maxrss_kb"] / 1024, r["rc"], r["timed_out"], r["stdout"], r["stderr"])


def vntasks_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "vntasks"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "vntasks"]


def extract_cmd(inputs: Path, out: Path, jobs: int = 1, max_bytes: int | None = None) -> list[str]:
    cmd = [*vntasks_cmd(), "extract", str(inputs), "--out", str(out), "--quiet", "--jobs", str(jobs)]
    if max_bytes:
        cmd += ["--max-bytes", str(max_bytes)]
    return cmd


#: Reads every file of a folder (sorted), runs word_tokenize on every non-empty line.
_TOKENIZE = r"""
import os, sys
from underthesea import word_tokenize
d = sys.argv[1]
n_lines = n_tokens = 0
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                n_lines += 1
                n_tokens += len(word_tokenize(line))
print(n_lines, n_tokens)
"""


#: The worker's work on the first N notices of a folder, in one process (read, extract, encode,
#: CSV lines: ``engines.run_one``), for an instruction count under callgrind.
_INSTR = r"""
import gc, sys
from pathlib import Path
from vntasks.run import engines as E
from vntasks.ingest.load import MAX_BYTES
gc.set_threshold(*E.GC_THRESHOLD)
fp = E.fingerprint()
for f in sorted(Path(sys.argv[1]).iterdir())[: int(sys.argv[2])]:
    E.run_one(E.Job(str(f), f.stem, MAX_BYTES, None, fp))
"""


def _collected(corpus: Path, n: int) -> int | None:
    """Instructions callgrind counts for ``_INSTR`` over ``n`` notices, or None."""
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", _INSTR,
           str(corpus), str(n)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    m = re.search(r"Collected\s*:\s*(\d+)", p.stderr)
    return int(m.group(1)) if p.returncode == 0 and m else None


#: Notices run before the instruction count starts (imports, lexicons, the POS model), and counted.
INSTR_WARM, INSTR_COUNT = 40, 200


def instructions_per_notice(corpus: Path, warm: int = INSTR_WARM, count: int = INSTR_COUNT) -> float | None:
    """Instructions per notice of the worker's work: the count over ``warm + count`` notices minus
    the count over ``warm`` (imports, lexicons, the POS model), divided by ``count``. Counted, not
    timed: the same for the same code and inputs however busy the machine is."""
    if shutil.which("valgrind") is None:
        return None
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as ex:  # two processes, one per core
        a, b = ex.map(lambda k: _collected(corpus, k), (warm, warm + count))
    return (b - a) / count if a is not None and b is not None else None


def jobs_supported() -> bool:
    p = subprocess.run([*vntasks_cmd(), "extract", "--help"], capture_output=True, text=True)
    return "--jobs" in p.stdout


def compare_dirs(a: Path, b: Path) -> list[str]:
    """Relative paths of output files that differ or exist on one side only (empty: identical)."""
    def files(d: Path) -> set[str]:  # the tables and texts; not .cache or other dot folders
        return {p.relative_to(d).as_posix() for p in d.rglob("*")
                if p.is_file() and not any(x.startswith(".") for x in p.relative_to(d).parts)}

    fa, fb = files(a), files(b)
    diff = sorted(fa ^ fb)
    diff += [r for r in sorted(fa & fb) if not filecmp.cmp(a / r, b / r, shallow=False)]
    return diff


def count_rows(out: Path, name: str) -> int:
    import csv

    p = out / f"{name}.csv"
    if not p.exists():
        return 0
    with open(p, encoding="utf-8", newline="") as fh:
        return max(0, sum(1 for _ in csv.reader(fh)) - 1)


def dir_bytes(d: Path) -> int:
    return sum(p.stat().st_size for p in d.iterdir() if p.is_file())


# --------------------------------------------------------------------------------------------
# Profile by pipeline module
# --------------------------------------------------------------------------------------------


def module_of(filename: str) -> str | None:
    try:
        rel = Path(filename).resolve().relative_to(PIPELINE_DIR)
    except (ValueError, OSError):
        return None
    return rel.with_suffix("").as_posix().replace("/", ".")


def module_table(stats: pstats.Stats) -> tuple[list[dict], list[dict], float]:
    """Per pipeline module: self time (its own functions plus the library and builtin code
    they call, e.g. regex matching), cumulative time (entered from another module) and calls;
    and the top functions by own time. Returns (modules, functions, total)."""
    st = stats.stats  # {func: (cc, nc, tt, ct, callers)}
    mod = {f: module_of(f[0]) for f in st}
    memo: dict = {}
    busy: set = set()

    def shares(f, weight_index: int) -> dict[str, float]:
        """Fractions of ``f``'s time charged to each module, following callers up (weights: own
        time per caller for the first step, cumulative time per caller above; cycles cut)."""
        if mod.get(f):
            return {mod[f]: 1.0}
        key = (f, weight_index)
        if key in memo:
            return memo[key]
        busy.add(f)
        callers = {c: v for c, v in (st[f][4] if f in st else {}).items() if c not in busy}
        total = sum(v[weight_index] for v in callers.values())
        res: dict[str, float] = {}
        if not callers or total <= 0:
            res = {"(outside pipeline)": 1.0}
        else:
            for c, v in callers.items():
                w = v[weight_index] / total
                for m, x in shares(c, 3).items():
                    res[m] = res.get(m, 0.0) + w * x
        busy.discard(f)
        memo[key] = res
        return res

    selft: dict[str, float] = {}
    cumt: dict[str, float] = {}
    calls: dict[str, int] = {}
    for f, (_cc, nc, tt, ct, callers) in st.items():
        for m, x in shares(f, 2).items():
            selft[m] = selft.get(m, 0.0) + tt * x
        m = mod[f]
        if m:
            outside = [(c, v) for c, v in callers.items() if mod.get(c) != m]
            if not callers:
                cumt[m] = cumt.get(m, 0.0) + ct
                calls[m] = calls.get(m, 0) + nc
            for _c, v in outside:
                cumt[m] = cumt.get(m, 0.0) + v[3]
                calls[m] = calls.get(m, 0) + v[1]
    total = stats.total_tt
    mods = [{"module": m, "self": s, "self_pct": 100 * s / total if total else 0.0,
             "cum": cumt.get(m, s), "calls": calls.get(m, 0)} for m, s in selft.items()]
    mods.sort(key=lambda r: -r["self"])
    funcs = []
    for f, (_cc, nc, tt, ct, _callers) in sorted(st.items(), key=lambda kv: -kv[1][2])[:15]:
        owner = mod[f] or max(shares(f, 2).items(), key=lambda kv: kv[1])[0]
        name = f"{mod[f]}.{f[2]}:{f[1]}" if mod[f] else (f[2] if f[0] == "~" else f"{Path(f[0]).name}:{f[2]}")
        funcs.append({"function": name, "owner": owner, "tottime": tt, "cumtime": ct, "calls": nc})
    return mods, funcs, total


def profile_paths(paths: list[str], warm: str | None) -> dict:
    """cProfile of reading, extracting and writing the tables of ``paths`` (in this process)."""
    sys.path.insert(0, str(ROOT))
    from vntasks.api import run_corpus
    from vntasks.output.writers import TableWriter

    with tempfile.TemporaryDirectory(prefix="vntasks-prof-") as tmp:
        if warm:  # lazy imports and lexicons are loaded before profiling
            with TableWriter(Path(tmp) / "warm") as w:
                for doc, text in run_corpus([warm]):
                    w.add(doc, text)
        pr = cProfile.Profile()
        t0 = time.perf_counter()
        pr.enable()
        with TableWriter(Path(tmp) / "out") as w:
            for doc, text in run_corpus(paths):
                w.add(doc, text)
        pr.disable()
        wall = time.perf_counter() - t0
    mods, funcs, total = module_table(pstats.Stats(pr))
    return {"wall": wall, "total": total, "modules": mods, "functions": funcs, "n": len(paths)}


def profile_subprocess(paths: list[str], warm: str | None, timeout: float) -> dict | None:
    """profile_paths in a fresh process (with a timeout); None when it timed out."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump({"paths": paths, "warm": warm}, fh)
        arg = fh.name
    try:
        p = subprocess.run([sys.executable, __file__, "_profile", arg], capture_output=True, text=True,
                           timeout=timeout or None)
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(arg)
    if p.returncode != 0:
        raise RuntimeError(f"profile failed: {p.stderr[-2000:]}")
    return json.loads(p.stdout)


# --------------------------------------------------------------------------------------------
# Machine, results, report
# --------------------------------------------------------------------------------------------


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


def _fmt(x: float, nd: int = 2) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:,.{nd}f}"


def section_key(n: int, quick: bool) -> str:
    return f"n={n}{' quick' if quick else ''}"


def render(res: Results) -> str:
    m = res.machine
    key = section_key(res.n, res.quick)
    L = [f"<!-- bench:start {key} -->",
         f"## Run of {m['date'][:10]}: {res.n:,} notices{' (quick)' if res.quick else ''}", "",
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

Written by `scripts/bench.py` (`make bench`); each run replaces its own section (same size and
mode). Targets (issue 7), as ratios measured in one run: extract >= 10x faster than a process
that only runs `underthesea.word_tokenize` over every line; peak RSS over 8x the corpus within
1.3x; each pathological input within 3x the time of 2 MB of ordinary notices; `--jobs N`
near-linear with output byte-identical to `--jobs 1`.
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


# --------------------------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------------------------


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _thr(run: Run, docs: int, nbytes: int, out: Path | None = None) -> dict:
    return {"run": run.label, "docs": docs, "mb": nbytes / MB, "wall": run.wall, "cpu": run.cpu, "rss": run.rss_mb,
            "tasks": count_rows(out, "tasks") if out else "—"}


def bench(args: argparse.Namespace) -> Results:
    src = Path(args.corpus)
    n = args.n
    machine = machine_info()
    command = " ".join(["python", "scripts/bench.py", *sys.argv[1:]])
    res = Results(n, args.quick, command, machine)
    work = Path(tempfile.mkdtemp(prefix="vntasks-bench-"))
    log(f"work dir {work}")
    try:
        _bench(args, src, n, work, res)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return res


def _fresh(out: Path) -> Path:
    shutil.rmtree(out, ignore_errors=True)
    return out


#: The notice of the start-up row: small, every stage run (header, items, bodies, a deadline, a
#: period, a reference, tables written), and no name that only POS tagging can end, so that
#: the row is the fixed cost of any run; underthesea's POS model, loaded on demand, has its own
#: row (a test checks that this notice does not load it).
STARTUP_NOTICE = """ỦY BAN NHÂN DÂN
HUYỆN TÂN LẬP

Số: 45/TB-UBND

THÔNG BÁO
Kết luận của Chủ tịch UBND huyện tại cuộc họp về phòng, chống thiên tai

Ngày 04/6/2025, đồng chí Lê Văn Hòa, Chủ tịch UBND huyện chủ trì cuộc họp. Chủ tịch UBND huyện kết luận:

1. Phòng Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND các xã rà soát phương án
phòng, chống thiên tai năm 2025 theo Kế hoạch số 12/KH-UBND, hoàn thành trước ngày 30/6/2025.

2. Công an huyện bảo đảm an ninh trật tự trong 6 tháng cuối năm 2025.

Nơi nhận:
- Như trên;
- Lưu: VT.

CHỦ TỊCH

Lê Văn Hòa
"""

#: underthesea's import and POS models, which extract loads at the first name only POS tagging
#: can end (a few notices in a thousand).
_POS_LOAD = "from underthesea import pos_tag; pos_tag('Ban Quản lý vịnh Hạ Long lắp đặt trạm quan trắc')"


def fastest(runs: Iterable[Run]) -> Run:
    """The run of least wall time (the machine is shared: the fastest is the least disturbed)."""
    return min(runs, key=lambda r: r.wall)


def measure_startup(inputs: Path, out: Path, rounds: int = 3) -> Run:
    """The fastest of ``rounds`` extractions of ``inputs`` (one small notice), each into an empty
    ``out``: a second run into the same folder would read its cache instead of extracting."""
    return fastest(measure("start-up (1 notice)", extract_cmd(inputs, _fresh(out))) for _ in range(rounds))


def _bench(args, src: Path, n: int, work: Path, res: Results) -> None:
    corpus = work / "corpus"
    t0 = time.perf_counter()
    docs, nbytes = build_corpus(src, corpus, n, args.seed)
    log(f"built {docs} notices, {nbytes / MB:.2f} MB in {time.perf_counter() - t0:.1f} s")
    res.notes.append(f"Corpus: {docs:,} notices recombined (seed {args.seed}) from {len(load_notices(src))} notices "
                     f"of `{src.name}/`, {nbytes / MB:.2f} MB, mean {nbytes / docs / 1000:.1f} KB.")

    res.notes.append(f"extract --jobs 1, extract --jobs {args.jobs} and word_tokenize: {args.repeat} interleaved rounds "
                     "of the three, the fastest run of each kept (each extract into a fresh output folder); every "
                     "other row is one run.")
    res.notes.append("Each command runs in its own wrapper process; peak RSS is the largest single process "
                     "(with --jobs, the largest worker or the parent, not their sum). Output folders are fresh, "
                     "so a cache (if the CLI keeps one) starts cold, except for the 'rerun' row.")
    res.notes.append("The tree is shared with other developers: the code may change between the measurements of "
                     "one run, and the machine may be busy (see the load average).")

    # start-up: one small notice
    tiny = work / "tiny"
    tiny.mkdir()
    (tiny / "startup.txt").write_text(STARTUP_NOTICE, encoding="utf-8")
    startup = measure_startup(tiny, work / "out-tiny")
    log(f"start-up {startup.wall:.2f} s (best of 3)")
    pos_load = fastest(measure("underthesea import + POS models (loaded on demand)", [sys.executable, "-c", _POS_LOAD])
                       for _ in range(3))
    log(f"POS model load {pos_load.wall:.2f} s (best of 3)")

    # (a) extract --jobs 1, (e) --jobs N and (b) word_tokenize only, interleaved: --repeat rounds of
    # the three (each extract into a fresh folder: a cold cache), the fastest of each kept. A busy
    # neighbour slows whatever runs at that moment; interleaving spreads that over the three, so
    # the ratios compare runs made under the same conditions.
    out1 = work / "out-j1"
    outj = work / f"out-j{args.jobs}"
    with_jobs = jobs_supported()
    runs_a: list[Run] = []
    runs_e: list[Run] = []
    runs_b: list[Run] = []
    for k in range(max(1, args.repeat)):
        runs_a.append(measure("extract --jobs 1", extract_cmd(corpus, _fresh(out1), 1)))
        log(f"(a) extract, round {k + 1}: {runs_a[-1].wall:.1f} s, {runs_a[-1].rss_mb:.0f} MB, rc={runs_a[-1].rc}")
        if with_jobs:
            runs_e.append(measure(f"extract --jobs {args.jobs}", extract_cmd(corpus, _fresh(outj), args.jobs)))
            log(f"(e) extract --jobs {args.jobs}, round {k + 1}: {runs_e[-1].wall:.1f} s")
        if not args.skip_tokenize:
            runs_b.append(measure("word_tokenize every line", [sys.executable, "-c", _TOKENIZE, str(corpus)]))
            log(f"(b) word_tokenize, round {k + 1}: {runs_b[-1].wall:.1f} s rc={runs_b[-1].rc}")
    a = fastest(runs_a)
    res.throughput.append(_thr(startup, 1, (tiny / "startup.txt").stat().st_size, work / "out-tiny"))
    res.throughput.append(_thr(pos_load, 0, 0))
    res.throughput.append(_thr(a, docs, nbytes, out1))
    if a.rc not in (0, 1):
        res.notes.append(f"extract exited {a.rc}: {a.stderr.strip()[-300:]}")

    # (e) jobs
    e_wall = None
    if not with_jobs:
        res.checks.append(Check(f"--jobs {args.jobs} speed-up", "not supported", "near-linear", "n/a"))
    else:
        e = fastest(runs_e)
        e_wall = e.wall if e.rc in (0, 1) else None
        res.throughput.append(_thr(e, docs, nbytes, outj))
        speedup = a.wall / e.wall
        cores = os.cpu_count() or 1
        want = 0.8 * min(args.jobs, cores)
        res.checks.append(Check(f"--jobs {args.jobs} speed-up over --jobs 1 ({cores} cores)", f"{speedup:.2f}x",
                                f">= {want:.1f}x (0.8 x min(jobs, cores))",
                                "PASS" if speedup >= want else "FAIL"))
        diff = compare_dirs(out1, outj)
        res.checks.append(Check(f"--jobs {args.jobs} output byte-identical to --jobs 1",
                                "identical" if not diff else "differs: " + ", ".join(diff[:5]),
                                "identical", "PASS" if not diff else "FAIL"))

    # the same command again on the same output folder: a warm cache, when there is one
    w = measure("extract --jobs 1, rerun (warm cache)", extract_cmd(corpus, out1, 1))
    log(f"rerun: {w.wall:.1f} s")
    res.throughput.append(_thr(w, docs, nbytes, out1))

    # (b) word_tokenize only, same files
    if args.skip_tokenize:
        res.checks.append(Check("extract speed vs word_tokenize-only", "skipped", ">= 10x", "n/a"))
    else:
        b = fastest(runs_b)
        lines = b.stdout.split()[0] if b.stdout.split() else "?"
        thr = _thr(b, docs, nbytes)
        thr["tasks"] = f"{int(lines):,} lines" if lines.isdigit() else "—"
        res.throughput.append(thr)
        ratio = b.wall / a.wall
        res.checks.append(Check("extract --jobs 1 vs word_tokenize-only, one core each (wall time ratio)",
                                f"{ratio:.1f}x ({b.wall:.1f} s / {a.wall:.1f} s)", ">= 10x",
                                "PASS" if ratio >= 10 and b.rc == 0 else "FAIL"))
        if e_wall is not None:
            # as users run it (--jobs defaults to all cores); the tokenizer process uses one core,
            # so this is shown for information, not as the target
            res.checks.append(Check(f"extract --jobs {args.jobs} ({os.cpu_count()} cores) vs word_tokenize-only "
                                    "(one process)", f"{b.wall / e_wall:.1f}x ({b.wall:.1f} s / {e_wall:.1f} s)",
                                    "—", "info"))

    # (c) memory flat in corpus size
    if args.mem_factor > 1:
        big = work / "corpus-big"
        bdocs, bbytes = build_corpus(src, big, n * args.mem_factor, args.seed)
        outb = work / "out-big"
        c = measure(f"extract --jobs 1, {args.mem_factor}x corpus", extract_cmd(big, outb, 1))
        log(f"(c) extract {args.mem_factor}x: {c.wall:.1f} s, {c.rss_mb:.0f} MB")
        res.throughput.append(_thr(c, bdocs, bbytes, outb))
        r = c.rss_mb / a.rss_mb
        res.checks.append(Check(f"peak RSS, {args.mem_factor}x corpus / 1x corpus",
                                f"{r:.2f} ({c.rss_mb:.0f} MB / {a.rss_mb:.0f} MB)", "<= 1.3",
                                "PASS" if r <= 1.3 else "FAIL"))
        per = (bdocs / max(c.wall - startup.wall, 1e-3)) / (docs / max(a.wall - startup.wall, 1e-3))
        res.checks.append(Check(f"docs/s net of start-up, {args.mem_factor}x corpus / 1x corpus",
                                f"{per:.2f}", "≈ 1 (no growth per doc)", "info"))
        shutil.rmtree(big, ignore_errors=True)
        shutil.rmtree(outb, ignore_errors=True)

    # (d) pathological
    sizes = [256_000] if args.quick else [512_000, 2_000_000]
    _pathological(args, src, work, sizes, startup.wall, res, str(tiny / "startup.txt"))

    # (g) instructions per notice: a measure the machine's load does not change
    if args.instructions and not args.quick:
        ipn = instructions_per_notice(corpus)
        log(f"(g) instructions per notice: {ipn / 1e6:.2f} M" if ipn else "(g) instructions: valgrind not available")
        if ipn:
            res.checks.append(Check("instructions per notice (callgrind; read, extract, encode; notices "
                                    f"{INSTR_WARM + 1}-{INSTR_WARM + INSTR_COUNT})",
                                    f"{ipn / 1e6:.2f} M", "—", "info"))

    # (f) per-stage cost
    sample = sorted(str(p) for p in corpus.iterdir())[: args.profile_docs]
    log(f"(f) profiling {len(sample)} documents")
    res.stages = profile_subprocess(sample, sample[-1] if len(sample) > 1 else None, 0)
    if res.stages:
        top = ", ".join(f"{r['module']} {r['self_pct']:.0f}%" for r in res.stages["modules"][:4])
        res.checks.append(Check("slowest modules (profile, self time)", top, "—", "info"))


def _pathological(args, src: Path, work: Path, sizes: list[int], startup: float, res: Results,
                  warm: str) -> None:
    """Each pathological input alone against one long ordinary notice of the same size."""
    pdir = work / "patho"
    pdir.mkdir()
    max_bytes = max(20 * 1024 * 1024, 2 * max(sizes))
    thr = [t for t in res.throughput if t["run"] == "extract --jobs 1"]
    per_mb = (thr[0]["wall"] - startup) / thr[0]["mb"] if thr else float("nan")  # separate notices, net s/MB
    ordinary: dict[int, float] = {}
    ordinary_wall: dict[int, float] = {}
    runs: dict[tuple[str, int], dict] = {}

    def run(key: str, desc: str, text: str, size: int, timeout: float = 0) -> dict:
        f = pdir / f"{key}-{size}" / f"{key}.txt"
        f.parent.mkdir()
        f.write_text(text, encoding="utf-8")
        out = pdir / f"out-{key}-{size}"
        r = measure(f"{key} {size}", extract_cmd(f.parent, out, 1, max_bytes), timeout)
        shutil.rmtree(out, ignore_errors=True)
        mb = f.stat().st_size / MB
        net = max(r.wall - startup, 1e-3)
        row = {"input": desc, "mb": mb, "wall": r.wall, "net": net, "timed_out": r.timed_out, "size": size,
               "path": str(f), "vs_separate": net / (mb * per_mb) if per_mb > 0 else float("nan")}
        if size in ordinary:  # net of start-up when the reference is long enough for that to mean much
            row["ratio"] = net / ordinary[size] if ordinary[size] >= 1.0 else r.wall / ordinary_wall[size]
        log(f"(d) {key} {size}: {r.wall:.2f} s{' TIMEOUT' if r.timed_out else ''}"
            + (f" ratio {row['ratio']:.2f}" if "ratio" in row else ""))
        return row

    for size in sizes:
        row = run("ordinary", "ordinary: one long notice (reference)", ordinary_long(src, size), size)
        ordinary[size], ordinary_wall[size] = row["net"], row["wall"]
        row.update(ratio=1.0, verdict="reference")
        runs[("ordinary", size)] = row
    for size in sizes[-1:]:
        row = run("concat", "ordinary: notices concatenated (info)", ordinary_blob(src, size), size)
        row["verdict"] = "info"
        runs[("concat", size)] = row
    for key, (desc, maker) in PATHOLOGICAL.items():
        skip = False
        for size in sizes:
            if skip:
                runs[(key, size)] = {"input": desc, "mb": size / MB, "wall": float("nan"), "net": float("nan"),
                                     "ratio": float("nan"), "timed_out": False, "verdict": "FAIL (skipped)",
                                     "size": size, "path": ""}
                continue
            timeout = max(args.min_timeout, 15 * (ordinary[size] + startup))
            row = run(key, desc, maker(size), size, timeout)
            row["verdict"] = "PASS" if not row["timed_out"] and row["ratio"] <= 3 else "FAIL"
            runs[(key, size)] = row
            skip = row["timed_out"]
    keys = ["ordinary", "concat", *PATHOLOGICAL]
    for key in keys:
        rows = [runs[(key, s)] for s in sizes if (key, s) in runs]
        if len(rows) == 2 and rows[0]["net"] > 0.2 and not rows[1]["timed_out"] and not math.isnan(rows[1]["net"]):
            rows[1]["exponent"] = math.log(rows[1]["net"] / rows[0]["net"]) / math.log(sizes[1] / sizes[0])
        res.pathological += [{k: v for k, v in r.items() if k != "path"} for r in rows]
    big = sizes[-1]
    bad = [runs[(k, big)] for k in PATHOLOGICAL if runs[(k, big)]["verdict"] != "PASS"]
    worst = max((runs[(k, big)] for k in PATHOLOGICAL),
                key=lambda r: math.inf if r["timed_out"] or math.isnan(r["ratio"]) else r["ratio"])
    worst_v = ">timeout" if worst["timed_out"] or math.isnan(worst["ratio"]) else f"{worst['ratio']:.2f}x"
    res.checks.append(Check(f"pathological inputs, {big / MB:g} MB each, time / one ordinary {big / MB:g} MB notice",
                            f"worst {worst['input']}: {worst_v}; {len(bad)} of {len(PATHOLOGICAL)} over",
                            "<= 3x each", "PASS" if not bad else "FAIL"))
    exps = [(runs[(k, big)]["input"], runs[(k, big)]["exponent"]) for k in ["ordinary", *PATHOLOGICAL]
            if "exponent" in runs[(k, big)]]
    if exps:
        name, e = max(exps, key=lambda x: x[1])
        res.checks.append(Check(f"growth exponent {sizes[0] / MB:g} -> {big / MB:g} MB (ordinary and pathological)",
                                f"max {e:.2f} ({name})", "<= 1.3 (linear)", "PASS" if e <= 1.3 else "FAIL"))
    def vs_separate(r: dict) -> str:  # a run that ends within the start-up time has no net time to compare
        return f"{r['vs_separate']:.2f}x" if r["wall"] > startup + 0.05 else "within start-up time"

    res.checks.append(Check(f"{big / MB:g} MB of ordinary text: one long notice / separate notices (net s per MB)",
                            f"{vs_separate(runs[('ordinary', big)])}; notices concatenated in one file: "
                            f"{vs_separate(runs[('concat', big)])}", "≈ 1", "info"))
    # profile the slow ones at the smaller size (or smaller still if that times out)
    slow = [k for k in PATHOLOGICAL if runs[(k, big)]["verdict"] != "PASS" or runs[(k, big)]["ratio"] > 1.5]
    for key in slow:
        size = sizes[0]
        for attempt in range(3):
            f = Path(runs[(key, sizes[0])]["path"])
            if attempt:
                size //= 4
                f = pdir / f"{key}-prof-{size}.txt"
                f.write_text(PATHOLOGICAL[key][1](size), encoding="utf-8")
            log(f"(d) profiling {key} at {size} bytes")
            prof = profile_subprocess([str(f)], warm, max(args.min_timeout, 120))
            if prof:
                prof.update({"input": PATHOLOGICAL[key][0], "mb": f.stat().st_size / MB})
                res.path_profiles.append(prof)
                break


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_profile"]:
        spec = json.loads(Path(argv[1]).read_text())
        print(json.dumps(profile_paths(spec["paths"], spec["warm"])))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=None, help="notices in the corpus (default 2000; 200 with --quick)")
    ap.add_argument("--quick", action="store_true", help="smoke run: n=200, pathological inputs at 256 KB only")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="report file (a section is replaced)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"), help="notices to recombine (default corpus/)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2, help="jobs compared with --jobs 1 (default 2)")
    ap.add_argument("--mem-factor", type=int, default=8, help="corpus multiple for the memory check (default 8)")
    ap.add_argument("--profile-docs", type=int, default=300, help="documents under cProfile (default 300)")
    ap.add_argument("--min-timeout", type=float, default=60, help="least timeout per pathological input, s")
    ap.add_argument("--repeat", type=int, default=3,
                    help="interleaved rounds of extract --jobs 1, --jobs N and word_tokenize; the fastest "
                         "run of each is reported (default 3)")
    ap.add_argument("--skip-tokenize", action="store_true", help="leave out the word_tokenize process")
    ap.add_argument("--no-instructions", dest="instructions", action="store_false",
                    help="leave out the instruction count (callgrind, about 2 minutes)")
    args = ap.parse_args(argv)
    if args.n is None:
        args.n = 200 if args.quick else 2000
    res = bench(args)
    section = render(res)
    write_report(Path(args.out), section)
    print(section)
    log(f"report written to {args.out}")
    return 1 if any(c.verdict == "FAIL" for c in res.checks) else 0


if __name__ == "__main__":
    sys.exit(main())
