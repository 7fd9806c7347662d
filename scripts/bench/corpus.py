"""The benchmark corpus: corpus/ notices in, deterministic (seeded) recombined notices out.

Each new notice keeps the header and footer of one notice of ``corpus/`` and a body of items
drawn from it and from two or three others, renumbered. Also the long inputs of the pathological
check: one long ordinary notice, ordinary notices concatenated, and ``PATHOLOGICAL`` repeated units.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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

