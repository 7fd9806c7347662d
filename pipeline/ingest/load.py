"""Loading: an input file (or a string) -> the source text that every offset refers to.

Text inputs (.txt, .md) are decoded (UTF-8 with or without BOM, UTF-16, Windows-1258, TCVN3,
VNI: see :mod:`pipeline.encodings`); .html, .docx and .pdf are reduced to plain text by
:mod:`pipeline.formats`. When the source text is not byte-for-byte the file read as UTF-8,
the writer saves it as ``OUT/text/<doc_id>.txt`` so offsets can be checked against it.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import PipelineError
from .limits import size_text

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | {".docx", ".pdf"}

#: Inputs larger than this are refused (a notice is a few KB; a 50 MB "notice" is an export
#: gone wrong or not a notice). Change with ``--max-bytes``.
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Loaded:
    """The source text of one input and where it came from."""

    text: str
    sha256: str | None
    input_format: str  # txt | md | html | docx | pdf | str
    encoding: str | None
    pages: tuple[int, ...] = ()
    published: str | None = None  # publication date given by a web page's metadata
    title: str | None = None  # headline given by a web page's metadata
    derived: bool = False  # True when ``text`` is not the file's own UTF-8 bytes
    warnings: tuple[str, ...] = ()  # what was repaired to read it (reported, the text is kept)


def files_under(folder: str | os.PathLike, exclude: Sequence[str | os.PathLike] = ()) -> list[str]:
    """The accepted files under ``folder``, recursively, sorted by their path in it; names
    starting with "." (at any depth) and symbolic links to folders are left out, broken links
    kept (so that they are reported). A folder in ``exclude`` (the output folder) is not
    walked: the tool never reads its own output back. A subfolder that cannot be listed is
    returned itself, where it sorts, so that it is reported (:func:`input_format` says why)."""
    root = Path(folder)
    skip = {os.path.realpath(e) for e in exclude}
    if os.path.realpath(root) in skip:
        return []
    found: list[tuple[str, str]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else root
        found.append(((where.relative_to(root).as_posix() if where != root else ""), str(where)))

    for d, dirs, files in os.walk(root, onerror=unreadable):
        dirs[:] = [x for x in dirs if not x.startswith(".") and os.path.realpath(os.path.join(d, x)) not in skip]
        rel = Path(d).relative_to(root)
        for name in files:
            p = Path(d, name)
            if name.startswith(".") or p.suffix.lower() not in SUFFIXES:
                continue
            if p.is_file() or (p.is_symlink() and not p.exists()):
                found.append(((rel / name).as_posix(), str(p)))
    return [p for _, p in sorted(found)]


def inside(path: str | os.PathLike, folder: str | os.PathLike) -> bool:
    """True when ``path`` is in ``folder`` (at any depth, through symbolic links)."""
    f = os.path.realpath(folder)
    return os.path.realpath(path).startswith(f.rstrip(os.sep) + os.sep)


def input_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "md" if suffix == ".md" else "txt"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in (".docx", ".pdf"):
        return suffix[1:]
    if path.is_dir():  # a folder that could not be listed (files_under)
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise PipelineError("load", f"cannot list the folder: {exc.strerror or exc}") from None
        raise PipelineError("load", "is a folder")
    raise PipelineError("load", f"unsupported file type {suffix or '(none)'}; accepted: {', '.join(sorted(SUFFIXES))}")


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` bytes (the size is checked before
    reading, and enforced while reading: a file that grows, or lies about its size, is cut off).
    A FIFO, device or socket is refused without reading from it (opening never waits)."""
    try:
        fh = open(path, "rb", buffering=0, opener=_open_nonblocking)
    except FileNotFoundError:
        raise PipelineError("load", "no such file") from None
    except IsADirectoryError:
        raise PipelineError("load", "is a directory") from None
    except OSError as exc:
        raise PipelineError("load", f"cannot read: {exc.strerror or exc}") from None
    with fh:
        try:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                kind = next((what for test, what in _KINDS if test(st.st_mode)), "not a file")
                raise PipelineError("load", f"not a regular file ({kind}): only regular files are read")
            if st.st_size > max_bytes:
                raise PipelineError("load", f"file too large: {size_text(st.st_size)} > {size_text(max_bytes)} limit (--max-bytes)")
            parts, size = [], 0
            while block := fh.read(min(1 << 20, max_bytes + 1 - size)):
                parts.append(block)
                size += len(block)
                if size > max_bytes:
                    raise PipelineError("load", f"file too large: more than the {size_text(max_bytes)} limit (--max-bytes) "
                                                "read from a file whose size said less")
            return b"".join(parts)
        except OSError as exc:
            raise PipelineError("load", f"cannot read: {exc.strerror or exc}") from None


def _open_nonblocking(path: str, flags: int) -> int:
    """Open without waiting (a FIFO with no writer would block the open itself)."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def load_bytes(data: bytes, fmt: str) -> Loaded:
    """Source text of raw ``data`` in format ``fmt`` (txt, md, html, docx, pdf)."""
    sha = hashlib.sha256(data).hexdigest()
    if not data:
        raise PipelineError("load", "empty file")
    if fmt in ("txt", "md"):
        # lazily: the decoder's tables and patterns (~25 ms), which every CLI command would pay
        # through vntasks.analysis.show
        from .encodings import decode_bytes

        decoded = decode_bytes(data)
        derived = decoded.encoding != "utf-8" or decoded.replaced > 0
        warnings = (f"warning: {decoded.replaced} byte(s) that are not {decoded.encoding} text replaced by "
                    "U+FFFD; the rest of the text is kept",) if decoded.replaced else ()
        return Loaded(decoded.text, sha, fmt, decoded.encoding, derived=derived, warnings=warnings)
    from . import formats  # lazily: lxml and the html/docx/pdf readers, for those inputs only

    if fmt == "html":
        ex = formats.html_to_text(data)
    elif fmt == "docx":
        ex = formats.docx_to_text(data)
    elif fmt == "pdf":
        ex = formats.pdf_to_text(data)
    else:
        raise PipelineError("load", f"unknown format {fmt!r}")
    if not ex.text.strip():
        raise PipelineError("load", f"no text found in the {fmt} file")
    return Loaded(ex.text, sha, fmt, None, tuple(ex.pages), ex.published, ex.title, derived=True)


def load_path(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> Loaded:
    p = Path(path)
    fmt = input_format(p)
    return load_bytes(read_bytes(p, max_bytes), fmt)


def load_string(text: str) -> Loaded:
    """A text given directly (the API's ``extract("...")``): it is its own source."""
    if not text.strip():
        raise PipelineError("load", "empty text")
    return Loaded(text, hashlib.sha256(text.encode("utf-8")).hexdigest(), "str", None)
