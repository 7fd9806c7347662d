"""PDF files -> plain text: the text layer (PDFium), page by page.

In: a PDF's bytes or path. Out: an :class:`~.layout.Extracted` whose pages are joined by "\\f"
and whose ``pages`` holds each page's start offset (``title`` from the document information).
A PDF without a text layer (a scan) is an error: OCR is not supported.
"""
from __future__ import annotations

import unicodedata

import regex

from ..errors import PipelineError
from .layout import Extracted, Source, finish, one_line, read_source
from .limits import check_pages, check_text

# pypdfium2 is imported by pdf_to_text (start-up).

def _page_text(raw: str) -> str:
    # PDFium ends lines with "\r\n" and marks a hyphen it took for hyphenation as "\x02".
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-")
    return text.replace("\f", "\n")


def _pdf_load_message(exc: Exception) -> str:
    reason = str(exc)
    if "password" in reason.lower():
        return "PDF is encrypted (password required)"
    detail = regex.search(r"\(PDFium: ([^)]*)\)", reason)
    return one_line(f"PDF is damaged or truncated ({detail.group(1) if detail else type(exc).__name__})")


def pdf_to_text(source: Source) -> Extracted:
    """The text layer of a PDF (PDFium), pages joined by "\\f", NFC; ``pages`` holds each
    page's start offset. ``title`` from the document information."""
    import pypdfium2 as pdfium

    data = read_source(source, "PDF")
    if b"%PDF-" not in data[:1024]:
        raise PipelineError("load", "not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - PdfiumError and friends
        raise PipelineError("load", _pdf_load_message(exc)) from None
    try:
        check_pages(len(pdf))  # before a page is read
        texts: list[str] = []
        size = 0
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                texts.append(finish(_page_text(textpage.get_text_range())))
                textpage.close()
                page.close()
            except MemoryError:
                raise PipelineError("load", f"out of memory reading PDF page {index + 1} "
                                            "(the memory limit of a worker)") from None
            except Exception as exc:  # noqa: BLE001
                raise PipelineError("load", one_line(
                    f"cannot read the text of PDF page {index + 1} ({type(exc).__name__})")) from None
            size += len(texts[-1]) + 1
            check_text(size, "PDF")
        try:
            title = (pdf.get_metadata_dict().get("Title") or "").strip() or None
        except Exception:  # noqa: BLE001 - metadata is optional
            title = None
    finally:
        pdf.close()
    if not texts:
        raise PipelineError("load", "PDF has no pages")
    if not any(t.strip() for t in texts):
        raise PipelineError("load", "PDF has no text layer (scanned?); OCR is not supported")
    starts, offset = [], 0
    for t in texts:
        starts.append(offset)
        offset += len(t) + 1
    return Extracted(text="\f".join(texts), pages=tuple(starts), published=None,
                     title=unicodedata.normalize("NFC", title) if title else None)
