"""Decompression bombs, generated here (issue 21, item 2): refused from the sizes their container
declares, before anything is inflated; text per input and the memory of a worker are capped."""
from __future__ import annotations

import io
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import vntasks.ingest.limits as limits
import vntasks.run.engines as engines
from vntasks.errors import PipelineError
from vntasks.ingest.docx_reader import docx_to_text
from vntasks.ingest.load import load_bytes
from vntasks.ingest.pdf_reader import pdf_to_text
from vntasks.run.refresh import refresh

pytestmark = pytest.mark.fault

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                 'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')


def docx(paragraphs: int = 1, extra_entries: int = 0) -> bytes:
    """A DOCX whose body repeats an empty paragraph ``paragraphs`` times (streamed: the bomb is
    never held whole here either), plus ``extra_entries`` empty zip entries."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>'
                     "<w:p><w:r><w:t>Thông báo</w:t></w:r></w:p>".encode())
            block = b"<w:p/>" * 100_000
            for _ in range(paragraphs // 100_000):
                fh.write(block)
            fh.write(b"</w:body></w:document>")
        for i in range(extra_entries):
            z.writestr(f"customXml/item{i}.bin", b"")
    return buf.getvalue()


def pdf(pages: int, text: str = "Thong bao ket luan") -> bytes:
    """A PDF of ``pages`` pages that all draw one shared content stream (a few bytes per page)."""
    content = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    kids = []
    for _ in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                    b"/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def peak_python_memory(fn) -> tuple[Exception | None, int]:
    tracemalloc.start()
    try:
        fn()
        err = None
    except PipelineError as exc:
        err = exc
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return err, peak


def test_the_generated_inputs_are_read_when_small():
    assert docx_to_text(docx()).text == "Thông báo"
    ex = pdf_to_text(pdf(3))
    assert ex.text.split("\f") == ["Thong bao ket luan"] * 3


def test_a_docx_bomb_is_refused_before_it_is_inflated():
    bomb = docx(paragraphs=8_000_000)  # 48 MB of XML in a zip of ~50 KB
    assert len(bomb) < 200_000
    err, peak = peak_python_memory(lambda: load_bytes(bomb, "docx"))
    assert err is not None and "word/document.xml unpacks to 45.8 MB (limit 32 MB)" in err.message
    assert peak < 5_000_000  # nothing inflated


def test_a_docx_of_too_many_entries_is_refused():
    with pytest.raises(PipelineError, match=r"12003 entries \(limit 10000\)"):
        load_bytes(docx(extra_entries=12_000), "docx")


def test_a_docx_that_unpacks_to_too_much_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED", 300_000)
    with pytest.raises(PipelineError, match=r"unpacks to 586.7 KB \(limit 293 KB\)"):
        load_bytes(docx(paragraphs=100_000), "docx")


def test_a_pdf_of_too_many_pages_is_refused_before_a_page_is_read():
    bomb = pdf(50_000)  # ~5 MB naming one shared stream 50,000 times
    err, peak = peak_python_memory(lambda: load_bytes(bomb, "pdf"))
    assert err is not None and err.message == "PDF has 50000 pages (limit 2000): not a notice"
    assert peak < 2 * len(bomb)


def test_text_per_input_is_capped(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT", 1_000)
    with pytest.raises(PipelineError, match="more than 1,000 characters of text"):
        load_bytes(pdf(100), "pdf")
    assert len(load_bytes(pdf(50), "pdf").text) < 1_000


def test_a_worker_that_needs_too_much_memory_fails_its_input_only(tmp_path, huyen_notice, monkeypatch):
    real = engines.document_of

    def greedy(job, data=None):
        if Path(job.source).name == "tb1.txt":
            hog = bytearray(1024 ** 3)  # 1 GiB, over the 256 MB ceiling of the test
            hog[::4096] = b"x" * len(hog[::4096])
        return real(job, data)

    monkeypatch.setattr(engines, "document_of", greedy)
    c = tmp_path / "c"
    c.mkdir()
    for i in range(4):
        (c / f"tb{i}.txt").write_text(huyen_notice, encoding="utf-8")
    summary = refresh(sorted(str(p) for p in c.iterdir()), tmp_path / "out", jobs=2, max_memory=256 * 1024 ** 2)
    docs = [json.loads(x) for x in (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    assert summary.n_bad == 1 and [d["status"] for d in docs] == ["ok", "failed", "ok", "ok"]
    assert docs[1]["errors"] == ["out of memory (the memory limit of a worker)"]
