"""The command line: a thin layer over the API.

    vntasks extract INPUT... --out DIR [--jobs N] [--quiet] [--max-bytes N]
"""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import PipelineError
from .ingest.load import MAX_BYTES


def _progress(i: int, n: int, name: str) -> None:
    width = 28
    done = int(width * i / n) if n else width
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {i}/{n} {name[-40:]:<40}")
    sys.stderr.flush()


def cmd_extract(args: argparse.Namespace) -> int:
    from .api import expand_inputs
    from .run.engines import Cache, Job, close_readers, fingerprint, job_key, run_jobs, store
    from .run.process import doc_ids
    from .output.writers import TABLE_FILES, TableWriter

    sources = expand_inputs(args.inputs)
    if not sources:
        print("vntasks: no input files found (accepted: .txt .md .html .docx .pdf)", file=sys.stderr)
    cache_dir = None if args.no_cache else os.path.join(args.out, ".cache")
    fp = fingerprint()
    jobs = [Job(s, d, args.max_bytes, cache_dir, fp) for s, d in zip(sources, doc_ids(sources), strict=True)]
    show = not args.quiet and sys.stderr.isatty() and len(sources) > 1
    if cache_dir and "xlsx" not in args.format and _unchanged(Cache(cache_dir), jobs, args.out, TABLE_FILES, job_key):
        if not args.quiet:
            print(f"vntasks: {len(sources)} input(s) unchanged since the last run; tables are current -> {args.out}",
                  file=sys.stderr)
        return 0
    n_bad = n_cached = 0
    keys: set[str] = set()
    order: list[str | None] = []
    cache = Cache(cache_dir).open() if cache_dir else None
    try:
        with TableWriter(args.out) as writer:
            for i, (enc, key) in enumerate(run_jobs(jobs, args.jobs, args.engine, args.scheduler), 1):
                store(cache, enc, key)
                writer.add_encoded(enc)
                n_cached += enc.cached
                order.append(key)
                if key:
                    keys.add(key)
                if enc.status != "ok":
                    n_bad += 1
                    if show:
                        sys.stderr.write("\r\033[K")
                    for e in enc.errors:
                        print(f"vntasks: {enc.source}: {enc.error_stage}: {e}", file=sys.stderr)
                if show:
                    _progress(i, len(sources), enc.source)
    except KeyboardInterrupt:
        print("\nvntasks: interrupted; the previous tables are unchanged", file=sys.stderr)
        return 130
    except PipelineError as exc:
        print(f"vntasks: {exc.message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"vntasks: cannot write to {args.out}: {exc}", file=sys.stderr)
        return 1
    finally:
        close_readers()
        if cache is not None:
            cache.close()  # what was extracted is kept, even when the run stopped early
    if cache is not None:
        with cache:
            cache.prune(keys)
            if n_bad == 0 and all(order):
                cache.write_manifest(order)  # the tables are now current for exactly these inputs
            else:
                cache.clear_manifest()
    if show:
        sys.stderr.write("\n")
    if "xlsx" in args.format:
        from .api import read_tables
        from .output.xlsx import write_xlsx

        write_xlsx(read_tables(args.out), os.path.join(args.out, "tables.xlsx"))
    if not args.quiet:
        print(f"vntasks: {len(sources)} input(s), {len(sources) - n_bad} ok, {n_bad} with errors, "
              f"{n_cached} unchanged (cached) -> {args.out}", file=sys.stderr)
    return 1 if n_bad else 0


def _unchanged(cache, jobs, out: str, table_files, job_key) -> bool:
    """True when the last completed run wrote the tables for exactly these inputs, unchanged."""
    last = cache.manifest()
    if last is None or len(last) != len(jobs):
        return False
    if not all(os.path.exists(os.path.join(out, name)) for name in table_files):
        return False
    return all(job_key(j) == k for j, k in zip(jobs, last, strict=True))


# Modules that add a subcommand: each has ``register(subparsers)`` which adds its parser and
# sets ``func`` (a function of the parsed args returning the exit status).
_COMMAND_MODULES: tuple[str, ...] = (
    "vntasks.analysis.report",
    "vntasks.analysis.show",
    "vntasks.evaluate.score",
)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="vntasks", description="Vietnamese notices -> a normalised task table")
    ap.add_argument("--version", action="version", version=f"vntasks {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract tasks from notices (files and folders) into DIR")
    ex.add_argument("inputs", nargs="+", help="files (.txt .md .html .docx .pdf) and folders")
    ex.add_argument("--out", required=True, help="output folder for the tables")
    ex.add_argument("--jobs", type=int, default=0, help="worker processes (default 0: all cores)")
    ex.add_argument("--no-cache", action="store_true", help="re-extract every input (ignore DIR/.cache)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local processes, or Dask (a local cluster, or --scheduler ADDRESS)")
    ex.add_argument("--scheduler", help="address of a running Dask scheduler (with --engine dask)")
    ex.add_argument("--quiet", action="store_true", help="no progress bar or summary on stderr")
    ex.add_argument("--max-bytes", type=int, default=MAX_BYTES, help="refuse inputs larger than this")
    ex.add_argument("--format", choices=("csv", "xlsx"), action="append", default=[],
                    help="xlsx: also write DIR/tables.xlsx (one sheet per table); csv and parquet are always written")
    ex.set_defaults(func=cmd_extract)
    import importlib

    for mod in _COMMAND_MODULES:
        try:
            importlib.import_module(mod).register(sub)
        except ImportError as exc:  # a broken optional command must not take `extract` down
            name = mod.rsplit(".", 1)[-1]
            p = sub.add_parser(name, help=f"(unavailable: {exc})")
            p.set_defaults(func=lambda _a, _e=exc, _n=name: _unavailable(_n, _e))
    return ap


def _unavailable(name: str, exc: Exception) -> int:
    print(f"vntasks: the {name} command is unavailable: {exc}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "jobs", 1) < 1:
        args.jobs = os.cpu_count() or 1
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
