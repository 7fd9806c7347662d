"""``vntasks eval``: read gold annotations and a documents.jsonl, score them, print the report.

    vntasks eval --gold GOLD.jsonl [MORE.jsonl | FOLDER ...] --pred OUT[/documents.jsonl] [--json] [--verbose]

In: the command's arguments (files and folders). Out: the report of :mod:`.score` on stdout;
exit status 2 for a missing or unreadable file.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .score import render_text, report_dict, score


class EvalInputError(ValueError):
    """A missing or unreadable gold/prediction file: a usage error (exit status 2)."""


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"cannot read {path}: {exc}") from exc
    records = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalInputError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from exc
        if not isinstance(rec, dict):
            raise EvalInputError(f"{path}:{lineno}: a record must be a JSON object")
        records.append(rec)
    return records


def gold_paths(args: Sequence[str | Path]) -> list[Path]:
    """Gold files as given, a folder standing for its ``*.jsonl`` files (sorted by name)."""
    out: list[Path] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            found = sorted(p.glob("*.jsonl"))
            if not found:
                raise EvalInputError(f"no *.jsonl gold file in folder {p}")
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise EvalInputError(f"gold file not found: {p}")
    return out


def load_gold(args: Sequence[str | Path]) -> list[dict[str, Any]]:
    records = []
    for path in gold_paths(args):
        for i, rec in enumerate(read_jsonl(path), 1):
            if not isinstance(rec.get("file"), str) or not isinstance(rec.get("tasks", []), list) or any(
                    not isinstance(t, dict) or "anchor" not in t for t in rec.get("tasks", [])):
                raise EvalInputError(f"{path}: record {i} is not in the gold format (file, doc, references, tasks)")
            records.append(rec)
    return records


def pred_path(arg: str | Path) -> Path:
    """A documents.jsonl, or the output folder that holds one."""
    p = Path(arg)
    if p.is_dir():
        p = p / "documents.jsonl"
    if not p.is_file():
        raise EvalInputError(f"prediction file not found: {p}")
    return p


def cmd_eval(args: argparse.Namespace) -> int:
    try:
        gold = load_gold(args.gold)
        pred = read_jsonl(pred_path(args.pred))
    except EvalInputError as exc:
        print(f"vntasks eval: {exc}", file=sys.stderr)
        return 2
    report = score(gold, pred)
    if args.json:
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=1))
    else:
        print(render_text(report, verbose=args.verbose))
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("eval", help="score a documents.jsonl against gold annotations (SPEC scoring)",
                              description="Score predicted documents against gold annotations (SPEC "
                                          "'How extraction is scored').")
    p.add_argument("--gold", required=True, nargs="+", metavar="GOLD",
                   help="gold .jsonl file(s) or folder(s) of *.jsonl, concatenated")
    p.add_argument("--pred", required=True, metavar="PRED", help="a documents.jsonl or the extract output folder")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--verbose", action="store_true", help="list every error, document by document")
    # ``jobs``: cli.main reads args.jobs for every subcommand.
    p.set_defaults(func=cmd_eval)
