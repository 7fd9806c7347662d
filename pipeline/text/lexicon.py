"""Lexicons and pattern tables kept as data files under ``pipeline/data``, validated on load.

Each table is a UTF-8 TSV with a header row; ``#`` starts a comment line. ``load_table``
checks the header against the columns the caller expects and that no required cell is
empty, and raises ``LexiconError`` naming the file and line otherwise.
"""
from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

#: The import name of the package whose ``data/`` folder holds the lexicons.
PACKAGE = __name__.split(".")[0]


class LexiconError(ValueError):
    pass


def data_text(name: str) -> str:
    return resources.files(PACKAGE).joinpath("data", name).read_text(encoding="utf-8")


@cache
def load_table(name: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """Rows of ``data/<name>`` as dicts (NFC-normalised). ``columns`` must all be non-empty."""
    rows: list[dict] = []
    header: list[str] | None = None
    for lineno, raw in enumerate(data_text(name).splitlines(), 1):
        line = unicodedata.normalize("NFC", raw.rstrip("\r"))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in columns + optional if c not in header]
            if missing:
                raise LexiconError(f"{name}: header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise LexiconError(f"{name}:{lineno}: {len(cells)} cells for {len(header)} columns")
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        empty = [c for c in columns if not row[c]]
        if empty:
            raise LexiconError(f"{name}:{lineno}: empty required cell(s) {empty}")
        rows.append(row)
    if header is None:
        raise LexiconError(f"{name}: no header row")
    return tuple(rows)


@cache
def load_word_set(name: str) -> frozenset[str]:
    """``load_words`` as a set, loaded once (the family names, shared by the header and the body
    scanner)."""
    return frozenset(load_words(name))


def load_words(name: str) -> tuple[str, ...]:
    """A one-column word list (``data/<name>``, one entry a line, ``#`` comments)."""
    out = []
    for lineno, raw in enumerate(data_text(name).splitlines(), 1):
        line = unicodedata.normalize("NFC", raw.strip())
        if not line or line.startswith("#"):
            continue
        if "\t" in line:
            raise LexiconError(f"{name}:{lineno}: a word list has one column")
        out.append(line)
    if not out:
        raise LexiconError(f"{name}: empty word list")
    return tuple(out)
