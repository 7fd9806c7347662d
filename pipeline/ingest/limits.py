"""Limits on what one input may unpack to, checked before inflating (decompression bombs).

In: a container's directory (a DOCX's zip entries, a PDF's page count) or an extracted text.
Out: nothing, or ``PipelineError("load", ...)`` naming the limit that was passed. A notice is a
few KB of text in a few dozen zip entries or pages; these limits are far above any real one
and far below what would exhaust a machine. The memory of a worker process is capped as well
(:mod:`..run.pool`), for what no size can announce.
"""
from __future__ import annotations

import math
import zipfile

from ..errors import PipelineError

#: Entries in a DOCX (zip) archive; a Word file has a few dozen.
MAX_ZIP_ENTRIES = 10_000
#: Bytes all entries of a DOCX unpack to, as its zip directory declares them (images included).
MAX_UNPACKED = 256 * 1024 * 1024
#: Bytes one XML part of a DOCX unpacks to (parsed into a tree that takes ~10x as much).
MAX_XML_PART = 32 * 1024 * 1024
#: Pages of a PDF.
MAX_PAGES = 2_000
#: Characters of text extracted from one html/docx/pdf input.
MAX_TEXT = 10_000_000


def size_text(n: int) -> str:
    """A byte count for a message, in units of 1024 as the README and --max-bytes give them:
    "10 bytes", "3.8 KB", "20 MB" (whole values without a decimal, else one decimal rounded up,
    so that a size over a limit never shows as the limit)."""
    for unit, k in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= k:
            v = math.ceil(n / k * 10) / 10
            return f"{int(v)} {unit}" if v == int(v) else f"{v:.1f} {unit}"
    return f"{n} bytes"


def check_zip(z: zipfile.ZipFile, kind: str = "DOCX") -> None:
    """The declared sizes of an archive's entries (zipfile never inflates an entry past them)."""
    infos = z.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise PipelineError("load", f"{kind} archive has {len(infos)} entries (limit {MAX_ZIP_ENTRIES}): not a document")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise PipelineError("load", f"{kind} archive unpacks to {size_text(total)} (limit {size_text(MAX_UNPACKED)}): "
                                    "a decompression bomb or not a document")
    for i in infos:
        if i.filename.lower().endswith((".xml", ".rels")) and i.file_size > MAX_XML_PART:
            raise PipelineError("load", f"{kind} part {i.filename} unpacks to {size_text(i.file_size)} "
                                        f"(limit {size_text(MAX_XML_PART)}): a decompression bomb or not a document")


def check_pages(n: int) -> None:
    if n > MAX_PAGES:
        raise PipelineError("load", f"PDF has {n} pages (limit {MAX_PAGES}): not a notice")


def check_text(n_chars: int, kind: str) -> None:
    if n_chars > MAX_TEXT:
        raise PipelineError("load", f"{kind} file has more than {MAX_TEXT:,} characters of text (limit): not a notice")
