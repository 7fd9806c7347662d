"""The command line: a thin layer over the API.

    vntasks extract INPUT... --out DIR [--jobs N] [--quiet] [--verbose] [--max-bytes SIZE]

In: the arguments. Out: the tables in DIR (``run.refresh``), one line on stderr per problem, and
an exit status (:class:`Exit`, listed in ``vntasks --help``). Every mistake in the command gets
one line and status 2 before anything is read or written.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import shutil
import sys
from enum import IntEnum

from . import __version__
from .errors import PipelineError
from .ingest.load import MAX_BYTES, SUFFIXES

log = logging.getLogger("vntasks")


class Exit(IntEnum):
    """The exit statuses of ``vntasks``."""

    OK = 0
    INPUT_FAILED = 1  # some input could not be extracted, or the output could not be written
    USAGE = 2  # a mistake in the command: nothing was read or written
    NO_INPUTS = 3  # nothing to extract: the previous tables are kept
    INTERRUPTED = 130


EXAMPLES = """\
examples:
  vntasks extract corpus/ --out out              every notice under corpus/ -> out/ (csv, parquet, jsonl)
  vntasks extract a.txt b.pdf --out out -j 4     two files, four worker processes
  cat notice.txt | vntasks extract - --out out   a notice read from stdin (kept as out/stdin.txt)
  vntasks extract corpus/ --out out --format xlsx --max-bytes 50MB
  vntasks report out --by level --out report     an HTML report of the tables in out/
  vntasks show notice.txt --html notice.html     a review page of one notice
"""

EXIT_CODES = f"""\
exit codes:
  {Exit.OK}    every input was extracted
  {Exit.INPUT_FAILED}    some input failed (one line each on stderr and in errors.csv; the others are
       written), or the output folder could not be written
  {Exit.USAGE}    usage error: a bad option, a named input that does not exist, --out naming a file;
       nothing was read or written
  {Exit.NO_INPUTS}    no inputs found (an empty folder, no file of an accepted type, empty stdin);
       the previous tables are kept
  {Exit.INTERRUPTED}  interrupted (Ctrl-C); the previous tables are kept
"""

#: A size: a number and an optional unit (K, M, G: powers of 1024; "B", "iB" allowed after it).
SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(?:([kmg])i?b?|b)?\s*")
_UNITS = {None: 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}


def parse_size(value: str) -> int:
    """Bytes from "20MB", "512k", "1.5G", "300" (K, M, G are powers of 1024).

    >>> parse_size("20MB"), parse_size("512k"), parse_size("300"), parse_size("1.5 GiB")
    (20971520, 524288, 300, 1610612736)
    """
    m = SIZE.fullmatch(value)
    if not m or float(m.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (a number of bytes, or with K, M or G: 20MB)")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower() if m.group(2) else None])


def workers(value: str) -> int:
    """--jobs: 0 (every core) or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (every core) or more, not {n}")
    return n


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr (and status 2)."""

    def error(self, message: str):
        self.exit(Exit.USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def fail(message: str, status: Exit = Exit.USAGE) -> int:
    print(f"vntasks: {message}", file=sys.stderr)
    return status


class Progress:
    """The progress bar on stderr (tqdm: count, rate, elapsed and time left); lines written
    while it shows go above it."""

    def __init__(self, total: int, show: bool):
        self.bar = None
        if show:
            from tqdm import tqdm  # lazily: only a terminal run shows it

            width = shutil.get_terminal_size((100, 24)).columns  # a terminal of unknown size: 100
            self.bar = tqdm(total=total, unit=" notice", file=sys.stderr, ncols=min(width, 120), leave=True,
                            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]")

    def line(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr)

    def step(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def check_extract(args: argparse.Namespace) -> str | None:
    """The first mistake in an ``extract`` command (None when there is none)."""
    if args.scheduler and args.engine != "dask":
        return "--scheduler needs --engine dask"
    if os.path.exists(args.out) and not os.path.isdir(args.out):
        return f"--out {args.out}: is a file; give a folder for the tables"
    if args.inputs.count("-") > 1:
        return "stdin (-) can be given once"
    from .api import missing_inputs  # lazily: the pipeline is loaded for `extract` only

    missing = missing_inputs(i for i in args.inputs if i != "-")
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        return f"no such file or folder: {missing[0]}{more}"
    return None


def cmd_extract(args: argparse.Namespace) -> int:
    # lazily: the pipeline is loaded for `extract` only (`--help`, `eval` and `report` start faster)
    mistake = check_extract(args)
    if mistake:
        return fail(mistake)
    from .api import expand_inputs, save_stdin
    from .run.jobs import PathList
    from .run.refresh import refresh

    inputs, own = list(args.inputs), []
    if "-" in inputs:
        data = sys.stdin.buffer.read()
        if not data.strip():
            return fail("no inputs found: standard input is empty; the previous tables are kept", Exit.NO_INPUTS)
        try:
            own.append(str(save_stdin(data, args.out)))  # inside --out: taken as this run's own input
            inputs[inputs.index("-")] = own[-1]
        except OSError as exc:
            return fail(f"cannot write to {args.out}: {exc}", Exit.INPUT_FAILED)
    # the output folder is never an input, but for the copy of standard input this run wrote there
    sources = PathList(f for x in inputs for f in ([x] if x in own else expand_inputs([x], exclude=[args.out])))
    if not sources:
        where = ", ".join(inputs)
        return fail(f"no inputs found in {where} (accepted: {' '.join(sorted(SUFFIXES))}); "
                    "the previous tables are kept", Exit.NO_INPUTS)
    log.info("%d input(s); engine %s, %d worker(s), cache %s", len(sources), args.engine, args.jobs,
             "off" if args.no_cache else "on")
    progress = Progress(len(sources), not args.quiet and sys.stderr.isatty() and len(sources) > 1)

    def report(i: int, enc) -> None:
        if enc.status != "ok":
            for e in enc.errors:
                progress.line(f"vntasks: {enc.source}: {enc.error_stage}: {e}")
        log.debug("%s: %s, %d task(s)%s", enc.source, enc.status, len(enc.tasks), " (cached)" if enc.cached else "")
        progress.step()

    try:
        summary = refresh(sources, args.out, own=own, jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                          max_bytes=args.max_bytes, use_cache=not args.no_cache,
                          reuse_tables="xlsx" not in args.format, on_result=report)
    except KeyboardInterrupt:
        progress.close()
        print("\nvntasks: interrupted; the previous tables are unchanged", file=sys.stderr)
        return Exit.INTERRUPTED
    except PipelineError as exc:
        progress.close()
        return fail(exc.message)
    except OSError as exc:
        progress.close()
        return fail(f"cannot write to {args.out}: {exc}", Exit.INPUT_FAILED)
    progress.close()
    if summary.current:
        if not args.quiet:
            print(f"vntasks: {len(sources)} input(s) unchanged since the last run; tables are current -> {args.out}",
                  file=sys.stderr)
        return Exit.OK
    if "xlsx" in args.format:
        from .api import read_tables
        from .output.xlsx import write_xlsx  # lazily: openpyxl

        write_xlsx(read_tables(args.out), os.path.join(args.out, "tables.xlsx"))
    n_bad = summary.n_bad
    if not args.quiet:
        print(f"vntasks: {len(sources)} input(s), {len(sources) - n_bad} ok, {n_bad} with errors, "
              f"{summary.n_cached} unchanged (cached) -> {args.out}", file=sys.stderr)
    return Exit.INPUT_FAILED if n_bad else Exit.OK


# Modules that add a subcommand: each has ``register(subparsers)`` which adds its parser and
# sets ``func`` (a function of the parsed args returning the exit status).
_COMMAND_MODULES: tuple[str, ...] = (
    "vntasks.analysis.report",
    "vntasks.analysis.show",
    "vntasks.evaluate.command",
)


def _add_verbose(p: argparse.ArgumentParser) -> None:
    p.add_argument("-v", "--verbose", dest="log_verbosity", action="count", default=argparse.SUPPRESS,
                   help="log what the run does on stderr (-vv: every notice)")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    ap = Parser(prog="vntasks", description="Vietnamese administrative notices -> a normalised task table",
                epilog=EXAMPLES + "\n" + EXIT_CODES, formatter_class=fmt)
    ap.add_argument("--version", action="version", version=f"vntasks {__version__}")
    _add_verbose(ap)
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ex = sub.add_parser("extract", help="extract tasks from notices (files, folders, - for stdin) into DIR",
                        description="Extract every notice into the tables of DIR (documents.jsonl, tasks.csv, "
                                    "tasks.parquet, references.csv, documents.csv, errors.csv). Unchanged inputs "
                                    "are read from DIR/.cache.",
                        epilog=EXAMPLES + "\n" + EXIT_CODES, formatter_class=fmt)
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help=f"files ({' '.join(sorted(SUFFIXES))}), folders (read recursively) or - (stdin)")
    ex.add_argument("--out", required=True, metavar="DIR", help="output folder for the tables")
    ex.add_argument("-j", "--jobs", type=workers, default=0, metavar="N",
                    help="worker processes (default 0: every core)")
    ex.add_argument("--no-cache", action="store_true", help="re-extract every input (ignore DIR/.cache)")
    ex.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local processes, or Dask (a local cluster, or --scheduler ADDRESS)")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler (--engine dask)")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary on stderr")
    _add_verbose(ex)
    ex.add_argument("--max-bytes", type=parse_size, default=MAX_BYTES, metavar="SIZE",
                    help=f"refuse inputs larger than SIZE (bytes, or 512K, 20MB, 1G; default {MAX_BYTES >> 20}MB)")
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
    return fail(f"the {name} command is unavailable: {exc}")


_handler: logging.Handler | None = None


def setup_logging(verbosity: int) -> None:
    """The "vntasks" loggers on stderr: -v INFO, -vv DEBUG; without it they are left alone (a
    program that calls :func:`main` keeps its own logging)."""
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler = None
    if verbosity <= 0:
        log.setLevel(logging.NOTSET)
        return
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("vntasks: %(levelname)s: %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(getattr(args, "log_verbosity", 0))
    if getattr(args, "jobs", 1) < 1:
        args.jobs = os.cpu_count() or 1
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
