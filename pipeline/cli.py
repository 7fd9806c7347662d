"""The command line: a thin layer over the API.

    vntasks extract INPUT... --out DIR [--jobs N] [--quiet] [--max-bytes N]
"""
from __future__ import annotations

import argparse
import importlib
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
    # lazily: the pipeline is loaded for `extract` only (`--help`, `eval` and `report` start faster)
    from .api import expand_inputs
    from .run.refresh import refresh

    sources = expand_inputs(args.inputs, exclude=[args.out])  # the output folder is never an input
    if not sources:
        print("vntasks: no input files found (accepted: .txt .md .html .docx .pdf)", file=sys.stderr)
    show = not args.quiet and sys.stderr.isatty() and len(sources) > 1

    def report(i: int, enc) -> None:
        if enc.status != "ok":
            if show:
                sys.stderr.write("\r\033[K")
            for e in enc.errors:
                print(f"vntasks: {enc.source}: {enc.error_stage}: {e}", file=sys.stderr)
        if show:
            _progress(i, len(sources), enc.source)

    try:
        summary = refresh(sources, args.out, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                          max_bytes=args.max_bytes, use_cache=not args.no_cache,
                          reuse_tables="xlsx" not in args.format, on_result=report)
    except KeyboardInterrupt:
        print("\nvntasks: interrupted; the previous tables are unchanged", file=sys.stderr)
        return 130
    except PipelineError as exc:
        print(f"vntasks: {exc.message}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"vntasks: cannot write to {args.out}: {exc}", file=sys.stderr)
        return 1
    if summary.current:
        if not args.quiet:
            print(f"vntasks: {len(sources)} input(s) unchanged since the last run; tables are current -> {args.out}",
                  file=sys.stderr)
        return 0
    if show:
        sys.stderr.write("\n")
    if "xlsx" in args.format:
        from .api import read_tables
        from .output.xlsx import write_xlsx  # lazily: openpyxl

        write_xlsx(read_tables(args.out), os.path.join(args.out, "tables.xlsx"))
    n_bad = summary.n_bad
    if not args.quiet:
        print(f"vntasks: {len(sources)} input(s), {len(sources) - n_bad} ok, {n_bad} with errors, "
              f"{summary.n_cached} unchanged (cached) -> {args.out}", file=sys.stderr)
    return 1 if n_bad else 0


# Modules that add a subcommand: each has ``register(subparsers)`` which adds its parser and
# sets ``func`` (a function of the parsed args returning the exit status).
_COMMAND_MODULES: tuple[str, ...] = (
    "vntasks.analysis.report",
    "vntasks.analysis.show",
    "vntasks.evaluate.command",
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
