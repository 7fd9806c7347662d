"""Measuring a command in its own wrapper process: a command line in, a ``Run`` (wall time, CPU
time, peak RSS, exit code) out; the commands measured (extract, word_tokenize only, the POS model
load, callgrind's instruction count) and helpers over their output folders."""
from __future__ import annotations

import filecmp
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Runs argv[3:], with a timeout of argv[1] seconds (0: none), in a new session; prints JSON
#: with wall time, CPU time and the peak RSS of the command's largest process (``RUSAGE_CHILDREN``:
#: the wrapper's only child and what it waited for). When argv[2] is a positive interval, a thread
#: also sums the RSS of every process of the session (the command and its workers) that often and
#: reports the largest sum ("tree_kb"): sampled, so a peak shorter than the interval can be missed.
_WRAPPER = r"""
import json, os, resource, signal, subprocess, sys, threading, time
timeout = float(sys.argv[1]) or None
every = float(sys.argv[2])
page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
tree = [0]

def session_kb(sid):
    total = 0
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    f = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(f[3]) == sid:  # the session id; the resident pages are field 24
                total += int(f[21]) * page_kb
    return total

def sample(p):
    while p.poll() is None:
        tree[0] = max(tree[0], session_kb(p.pid))
        time.sleep(every)

t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[3:], stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
if every > 0:
    threading.Thread(target=sample, args=(p,), daemon=True).start()
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
                  "tree_kb": tree[0] or None, "rc": p.returncode, "timed_out": timed_out,
                  "stdout": out[-4000:].decode("utf-8", "replace"),
                  "stderr": err[-2000:].decode("utf-8", "replace")}))
"""

#: Runs ``vntasks`` (argv[2:]) in this process and, at its exit, writes this process's own peak
#: RSS in KB (``RUSAGE_SELF``: the main process alone, not its workers) to the file argv[1]. The
#: forked workers leave through ``os._exit``, and a process that is not the first writes nothing.
_MAIN_PEAK = r"""
import atexit, os, resource, runpy, sys
dest, first = sys.argv[1], os.getpid()

def write_peak():
    if os.getpid() == first:
        with open(dest, "w") as fh:
            fh.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))

atexit.register(write_peak)
sys.argv = ["vntasks", *sys.argv[2:]]
runpy.run_module("vntasks", run_name="__main__", alter_sys=True)
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
    tree_mb: float | None = None  # the largest sum of the RSS of the command's processes (sampled)
    main_mb: float | None = None  # the peak RSS of the main process alone (``measure_main``)


def measure(label: str, cmd: list[str], timeout: float = 0, sample: float = 0) -> Run:
    """``cmd`` in a wrapper process; with ``sample`` > 0 (seconds) the RSS of its whole process
    tree is summed that often too (``Run.tree_mb``)."""
    p = subprocess.run([sys.executable, "-c", _WRAPPER, str(timeout), str(sample), *cmd], capture_output=True,
                       text=True, check=True)
    r = json.loads(p.stdout)
    tree = r["tree_kb"] / 1024 if r["tree_kb"] else None
    return Run(label, r["wall"], r["cpu"], r["maxrss_kb"] / 1024, r["rc"], r["timed_out"], r["stdout"], r["stderr"],
               tree_mb=tree)


#: Interval of the process-tree RSS samples of the refresh runs, in seconds.
TREE_SAMPLE = 0.02


def measure_main(label: str, args: list[str], peak_file: Path, sample: float = TREE_SAMPLE) -> Run:
    """``vntasks ARGS`` measured as ``measure`` does (whole tree sampled every ``sample`` s), with
    the peak RSS of its main process alone (``Run.main_mb``; None when it wrote none)."""
    peak_file.unlink(missing_ok=True)
    run = measure(label, [sys.executable, "-c", _MAIN_PEAK, str(peak_file), *args], sample=sample)
    try:
        run.main_mb = int(peak_file.read_text()) / 1024
    except (OSError, ValueError):
        run.main_mb = None
    return run


def vntasks_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "vntasks"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "vntasks"]


def extract_args(inputs: Path, out: Path, jobs: int = 1, max_bytes: int | None = None,
                 quiet: bool = True) -> list[str]:
    """The arguments of ``vntasks`` for one extraction."""
    args = ["extract", str(inputs), "--out", str(out), *(["--quiet"] if quiet else []), "--jobs", str(jobs)]
    if max_bytes:
        args += ["--max-bytes", str(max_bytes)]
    return args


def extract_cmd(inputs: Path, out: Path, jobs: int = 1, max_bytes: int | None = None) -> list[str]:
    return [*vntasks_cmd(), *extract_args(inputs, out, jobs, max_bytes)]


#: The summary line of a run that is not ``--quiet``: "N input(s), K ok, E with errors, C unchanged".
SUMMARY = re.compile(r"(\d+) input\(s\), (\d+) ok, (\d+) with errors, (\d+) unchanged")


def cached_count(stderr: str) -> tuple[int, int] | None:
    """(inputs, inputs taken from the cache) from the summary line of an extract run, or None."""
    m = SUMMARY.search(stderr)
    return (int(m.group(1)), int(m.group(4))) if m else None


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

