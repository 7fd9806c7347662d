"""One benchmark run: the parsed command-line options in, ``Results`` out (corpus built in a
temporary folder, every measurement of the module docstring of ``scripts.bench`` made)."""
from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from scripts.bench.corpus import PATHOLOGICAL, build_corpus, load_notices, ordinary_blob, ordinary_long
from scripts.bench.measure import (
    _POS_LOAD,
    _TOKENIZE,
    INSTR_COUNT,
    INSTR_WARM,
    STARTUP_NOTICE,
    TREE_SAMPLE,
    Run,
    _fresh,
    cached_count,
    compare_dirs,
    count_rows,
    extract_args,
    extract_cmd,
    fastest,
    instructions_per_notice,
    jobs_supported,
    measure,
    measure_main,
    measure_startup,
    vntasks_cmd,
)
from scripts.bench.profile import profile_subprocess
from scripts.bench.report import Check, Results, machine_info

MB = 1_000_000

def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _thr(run: Run, docs: int, nbytes: int, out: Path | None = None) -> dict:
    return {"run": run.label, "docs": docs, "mb": nbytes / MB, "wall": run.wall, "cpu": run.cpu, "rss": run.rss_mb,
            "tasks": count_rows(out, "tasks") if out else "—"}


def bench(args: argparse.Namespace, command: str) -> Results:
    """The whole run in a temporary folder (kept with ``--keep``); ``command`` is shown in the report."""
    src = Path(args.corpus)
    n = args.n
    machine = machine_info()
    res = Results(n, args.quick, command, machine)
    if large_n(args) != 8 * n:
        res.large = large_n(args)
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
                     "so a cache (if the CLI keeps one) starts cold, except for the 'rerun' row "
                     "and the refreshes.")
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

    # (c) memory and speed per notice flat in corpus size: one run over the large corpus
    if large_n(args) > n:
        _large_run(args, src, work, docs, a, startup, res)

    # (h) memory of a refresh with one notice changed, at N and at --refresh-factor x N notices
    if args.refresh_memory and args.refresh_factor > 1:
        _refresh_memory(args, src, work, res, args.jobs if with_jobs else 1)

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


def large_n(args: argparse.Namespace) -> int:
    """Notices of the large corpus: ``--large``, else 8 x ``--n`` (0: no large run)."""
    return 8 * args.n if args.large is None else args.large


def _large_run(args: argparse.Namespace, src: Path, work: Path, docs: int, a: Run, startup: Run,
               res: Results) -> None:
    """``extract --jobs 1`` over the large corpus: a throughput row and ``large_checks`` against
    ``a`` (the corpus run of ``docs`` notices)."""
    big, outb = work / "corpus-big", work / "out-big"
    bdocs, bbytes = build_corpus(src, big, large_n(args), args.seed)
    c = measure(f"extract --jobs 1, {bdocs:,} notices ({bdocs / docs:g}x)", extract_cmd(big, outb, 1))
    log(f"(c) extract {bdocs:,} notices: {c.wall:.1f} s, {c.rss_mb:.0f} MB, rc={c.rc}")
    res.throughput.append(_thr(c, bdocs, bbytes, outb))
    res.checks += large_checks(docs, a.wall, a.rss_mb, bdocs, c.wall, c.rss_mb, startup.wall)
    if c.rc not in (0, 1):
        res.notes.append(f"extract of {bdocs:,} notices exited {c.rc}: {c.stderr.strip()[-300:]}")
    shutil.rmtree(big, ignore_errors=True)
    shutil.rmtree(outb, ignore_errors=True)


def large_checks(docs: int, wall: float, rss: float, big_docs: int, big_wall: float, big_rss: float,
                 startup: float) -> list[Check]:
    """The rows of the large run against the corpus run (both ``--jobs 1``): peak RSS within 1.3x,
    notices per second net of start-up at least 0.95 of the corpus run's."""
    k = f"{big_docs:,} / {docs:,} notices"
    r = big_rss / rss
    rate = (big_docs / max(big_wall - startup, 1e-3)) / (docs / max(wall - startup, 1e-3))
    return [Check(f"peak RSS, {k}", f"{r:.2f} ({big_rss:.0f} MB / {rss:.0f} MB)", "<= 1.3",
                  "PASS" if r <= 1.3 else "FAIL"),
            Check(f"notices/s net of start-up, {k}", f"{rate:.2f}", ">= 0.95", "PASS" if rate >= 0.95 else "FAIL")]


def refresh_check(small: dict, big: dict) -> Check:
    """The peak RSS of the main process refreshing the big corpus against the small one (one
    notice changed in each): within 1.3x. FAIL when a figure is missing or a refresh was not one."""
    name = f"peak RSS of the main process, refresh with one notice changed, {big['docs']:,} / {small['docs']:,} notices"
    if not small.get("main_mb") or not big.get("main_mb"):
        return Check(name, "not measured", "<= 1.3", "FAIL")
    r = big["main_mb"] / small["main_mb"]
    ok = r <= 1.3 and all(x["refreshed"] == 1 for x in (small, big))
    value = f"{r:.2f} ({big['main_mb']:.0f} MB / {small['main_mb']:.0f} MB)"
    bad = [x for x in (small, big) if x["refreshed"] != 1]
    if bad:
        value += "; " + ", ".join(f"{x['refreshed']} of {x['docs']:,} extracted again" if x["refreshed"] >= 0
                                  else f"{x['docs']:,}: no count of the notices extracted again" for x in bad)
    return Check(name, value, "<= 1.3", "PASS" if ok else "FAIL")


#: Appended to one notice between the full run and the refresh: its text changes, its tasks stay.
EDIT = "\nThông báo này thay thế thông báo đã gửi trước đó.\n"


def _refresh_memory(args: argparse.Namespace, src: Path, work: Path, res: Results, jobs: int) -> None:
    """For N and ``--refresh-factor`` x N notices: a full run that fills the cache, one notice
    edited, the same command again (the refresh), measured: main process, process tree, largest
    process."""
    rows = []
    for size in (args.n, args.n * args.refresh_factor):
        corpus, out = work / f"corpus-refresh-{size}", work / f"out-refresh-{size}"
        docs, _ = build_corpus(src, corpus, size, args.seed)
        cmd = extract_args(corpus, out, jobs, quiet=False)
        fill = measure(f"fill {size}", [*vntasks_cmd(), *cmd])
        log(f"(h) full run, {docs:,} notices: {fill.wall:.1f} s rc={fill.rc}")
        edited = sorted(corpus.iterdir())[docs // 2]
        with open(edited, "a", encoding="utf-8") as fh:
            fh.write(EDIT)
        r = measure_main(f"refresh {size}", cmd, work / "main-peak")
        counts = cached_count(r.stderr)
        refreshed = counts[0] - counts[1] if counts else -1
        rows.append({"docs": docs, "jobs": jobs, "fill_wall": fill.wall, "wall": r.wall, "refreshed": refreshed,
                     "main_mb": r.main_mb, "tree_mb": r.tree_mb, "largest_mb": r.rss_mb, "rc": r.rc})
        log(f"(h) refresh, {docs:,} notices, {refreshed} extracted again: {r.wall:.1f} s, main "
            f"{r.main_mb or 0:.0f} MB, tree {r.tree_mb or 0:.0f} MB, rc={r.rc}")
        if r.rc not in (0, 1):
            res.notes.append(f"refresh of {docs:,} notices exited {r.rc}: {r.stderr.strip()[-300:]}")
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    res.refresh = rows
    res.checks.append(refresh_check(rows[0], rows[1]))
    if rows[0]["tree_mb"] and rows[1]["tree_mb"]:
        res.checks.append(Check(f"peak RSS of the process tree (sampled every {TREE_SAMPLE * 1000:.0f} ms), same "
                                f"refreshes, {rows[1]['docs']:,} / {rows[0]['docs']:,} notices",
                                f"{rows[1]['tree_mb'] / rows[0]['tree_mb']:.2f} ({rows[1]['tree_mb']:.0f} MB / "
                                f"{rows[0]['tree_mb']:.0f} MB)", "—", "info"))


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

