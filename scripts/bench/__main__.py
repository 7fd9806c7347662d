"""``python -m scripts.bench``: command-line options in, a section of ``--out`` (BENCHMARKS.md)
written and printed; exits 1 when a target is missed."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scripts.bench import __doc__ as DOC
from scripts.bench.report import ROOT, render, write_report
from scripts.bench.run import bench, log


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(prog="python -m scripts.bench", description=DOC.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=None, help="notices in the corpus (default 2000; 200 with --quick)")
    ap.add_argument("--quick", action="store_true", help="smoke run: n=200, pathological inputs at 256 KB only")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"), help="report file (a section is replaced)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"), help="notices to recombine (default corpus/)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2, help="jobs compared with --jobs 1 (default 2)")
    ap.add_argument("--large", type=int, default=None, metavar="N_LARGE",
                    help="notices of the large run (peak RSS and notices/s against --n; default 8 x n, 0: none)")
    ap.add_argument("--refresh-factor", type=int, default=20,
                    help="refresh memory measured at n and at this multiple of n notices (default 20)")
    ap.add_argument("--no-refresh-memory", dest="refresh_memory", action="store_false",
                    help="leave out the refresh memory runs (a full run of 20 x n notices)")
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
    if args.large is not None and args.large < 0:
        ap.error("--large: 0 or more notices")
    res = bench(args, " ".join(["python", "-m", "scripts.bench", *argv]))
    section = render(res)
    write_report(Path(args.out), section)
    print(section)
    log(f"report written to {args.out}")
    return 1 if any(c.verdict == "FAIL" for c in res.checks) else 0


if __name__ == "__main__":
    sys.exit(main())
