"""Cost per pipeline module under cProfile: notice paths in, a table of modules and functions
(self time, cumulative time, calls) out. ``profile_subprocess`` runs ``profile_paths`` in a
fresh process (``python -m scripts.bench.profile SPEC.json``)."""
from __future__ import annotations

import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIPELINE_DIR = ROOT / "pipeline"



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
        path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))  # scripts importable
        p = subprocess.run([sys.executable, "-m", "scripts.bench.profile", arg], capture_output=True,
                           text=True, timeout=timeout or None, env=dict(os.environ, PYTHONPATH=path))
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(arg)
    if p.returncode != 0:
        raise RuntimeError(f"profile failed: {p.stderr[-2000:]}")
    return json.loads(p.stdout)


def main(argv: list[str]) -> int:
    """``SPEC.json`` (paths, warm) in, the profile_paths table as JSON on stdout."""
    spec = json.loads(Path(argv[0]).read_text())
    print(json.dumps(profile_paths(spec["paths"], spec["warm"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
