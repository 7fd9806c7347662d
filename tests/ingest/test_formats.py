"""Plain text out of html/docx/pdf (vntasks.ingest.formats) and the format builder script.

All notices here are composed for the tests. PDFs are made two ways: with fpdf2 and a
DejaVu font when both are installed, and with a tiny hand-written PDF whose Type3 font maps
its codes to Unicode (no font file needed), so the PDF tests run everywhere.
"""
from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts import build_formats as builder
from vntasks.errors import PipelineError
from vntasks.ingest.formats import Extracted, docx_to_text, extract_file, html_to_text, pdf_to_text

docx = pytest.importorskip("docx")

# Every Vietnamese letter: 12 vowels x 6 tones, đ, both cases, composed (NFC).
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VIET_LETTERS = sorted({unicodedata.normalize("NFC", unicodedata.normalize("NFD", v) + t)
                       for v in "aăâeêioôơuưy" for t in _TONES} | {"đ"})
VIET_LETTERS += [c.upper() for c in VIET_LETTERS]

NOTICE_TXT = """ĐẢNG BỘ HUYỆN HÒA AN
ĐẢNG ỦY XÃ BÌNH MINH
*
Số 18-TB/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Bình Minh, ngày 14 tháng 3 năm 2024

THÔNG BÁO

Kết luận của Thường trực Đảng ủy về công tác tiếp dân quý I năm 2024

Chiều ngày 12/3/2024, Thường trực Đảng ủy xã chủ trì hội nghị nghe báo cáo công tác tiếp công dân.
Thường trực Đảng ủy kết luận như sau:
1. Giao Ủy ban nhân dân xã chỉ đạo rà soát hồ sơ đất đai tồn đọng, hoàn thành trước ngày 30/4/2024.
a) Công chức địa chính phối hợp với các thôn kiểm tra thực địa.
b) Văn phòng Đảng ủy tổng hợp, báo cáo kết quả.
2. Đề nghị Ủy ban Mặt trận Tổ quốc xã giám sát việc giải quyết kiến nghị của cử tri.
- Hội Nông dân xã vận động hội viên chấp hành tốt quy định.
STT\tNội dung\tĐơn vị chủ trì\tThời gian
1\tTổ chức đối thoại với nhân dân\tUBND xã\tQuý II/2024
2\tKiểm tra thực hiện quy chế dân chủ\tĐoàn Thanh niên xã\tTháng 6/2024
Nơi nhận:
- Các chi bộ,
- Lưu VP.
"""

# --- errors --------------------------------------------------------------------------------


def _assert_load_error(excinfo: pytest.ExceptionInfo) -> None:
    err = excinfo.value
    assert isinstance(err, PipelineError)
    assert err.stage == "load"
    assert err.message and "\n" not in err.message
    assert "Traceback" not in err.message and 'File "' not in err.message


def _docx_bytes(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _simple_docx() -> bytes:
    doc = docx.Document()
    for text in ["Thông báo kết luận", "1. Giao UBND xã chủ trì."]:
        doc.add_paragraph(text)
    return _docx_bytes(doc)


@pytest.mark.parametrize("data", [
    b"",
    b"this is not a zip archive at all",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,   # old binary .doc
    b"PK\x03\x04" + b"\x00" * 40,                          # zip signature, no archive
    "truncated",
    "zip-without-document",
])
def test_corrupt_docx_is_a_load_error(data):
    if data == "truncated":
        full = _simple_docx()
        data = full[: len(full) // 2]
    elif data == "zip-without-document":
        buffer = io.BytesIO()
        import zipfile
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr("hello.txt", "xin chào")
        data = buffer.getvalue()
    with pytest.raises(PipelineError) as excinfo:
        docx_to_text(data)
    _assert_load_error(excinfo)


@pytest.mark.parametrize("data", [
    b"",
    b"garbage bytes, not a pdf",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nthis is broken",
    "truncated",
])
def test_corrupt_pdf_is_a_load_error(data):
    if data == "truncated":
        full = type3_pdf([["Đảng ủy xã yêu cầu:", "1. Rà soát hồ sơ."], ["2. Báo cáo kết quả."]])
        data = full[: len(full) // 2]
    with pytest.raises(PipelineError) as excinfo:
        pdf_to_text(data)
    _assert_load_error(excinfo)


def test_pdf_without_text_layer_is_a_load_error():
    with pytest.raises(PipelineError) as excinfo:
        pdf_to_text(type3_pdf([[], []]))
    _assert_load_error(excinfo)
    assert "no text layer" in excinfo.value.message


@pytest.mark.parametrize("reader,name", [(docx_to_text, "x.docx"), (pdf_to_text, "x.pdf"),
                                         (html_to_text, "x.html")])
def test_missing_file_is_a_load_error(tmp_path, reader, name):
    with pytest.raises(PipelineError) as excinfo:
        reader(tmp_path / name)
    _assert_load_error(excinfo)


def test_empty_html_is_a_load_error():
    with pytest.raises(PipelineError) as excinfo:
        html_to_text(b"   ")
    _assert_load_error(excinfo)


def test_extract_file_rejects_other_suffixes(tmp_path):
    path = tmp_path / "a.odt"
    path.write_bytes(b"x")
    with pytest.raises(PipelineError) as excinfo:
        extract_file(path)
    _assert_load_error(excinfo)


# --- DOCX ----------------------------------------------------------------------------------


def _notice_docx() -> bytes:
    doc = docx.Document()
    header = doc.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    left.paragraphs[0].text = "ĐẢNG ỦY XÃ BÌNH MINH"
    left.add_paragraph("*")
    left.add_paragraph("Số 18-TB/ĐU")
    right.paragraphs[0].text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    right.add_paragraph("Bình Minh, ngày 14 tháng 3 năm 2024")
    doc.add_paragraph("THÔNG BÁO")
    doc.add_paragraph("Kết luận về công tác tiếp dân")
    doc.add_paragraph("")
    doc.add_paragraph("1. Giao Ủy ban nhân dân xã rà soát hồ sơ, hoàn thành trước ngày 30/4/2024.")
    doc.add_paragraph("a) Công chức địa chính phối hợp thực hiện.")
    para = doc.add_paragraph("- Hội Nông dân xã ")
    para.add_run("vận động").bold = True
    para.add_run(" hội viên.")
    doc.add_paragraph("Rà soát danh sách hộ nghèo.", style="List Number")  # number drawn by Word
    tasks = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("STT", "Nội dung", "Thời gian"),
                             ("1", "Đối thoại với nhân dân", "Quý II"),
                             ("2", "Kiểm tra quy chế dân chủ", "Tháng 6")]):
        for c, value in enumerate(row):
            tasks.cell(r, c).text = value
    doc.add_paragraph("2. Đề nghị Mặt trận Tổ quốc xã giám sát.")
    doc.add_paragraph("")
    doc.add_paragraph("")
    doc.add_paragraph("Nơi nhận:")
    return _docx_bytes(doc)


DOCX_EXPECTED = (
    "ĐẢNG ỦY XÃ BÌNH MINH\n*\nSố 18-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Bình Minh, ngày 14 tháng 3 năm 2024\n\n"
    "THÔNG BÁO\nKết luận về công tác tiếp dân\n\n"
    "1. Giao Ủy ban nhân dân xã rà soát hồ sơ, hoàn thành trước ngày 30/4/2024.\n"
    "a) Công chức địa chính phối hợp thực hiện.\n"
    "- Hội Nông dân xã vận động hội viên.\n"
    "Rà soát danh sách hộ nghèo.\n\n"
    "STT\nNội dung\nThời gian\n\n"
    "1\nĐối thoại với nhân dân\nQuý II\n\n"
    "2\nKiểm tra quy chế dân chủ\nTháng 6\n\n"
    "2. Đề nghị Mặt trận Tổ quốc xã giám sát.\n\n"
    "Nơi nhận:"
)


def test_docx_paragraphs_and_tables_in_reading_order():
    got = docx_to_text(_notice_docx())
    assert isinstance(got, Extracted)
    assert got.text == DOCX_EXPECTED
    assert got.pages == () and got.published is None


def test_docx_from_path_equals_from_bytes(tmp_path):
    path = tmp_path / "tb.docx"
    path.write_bytes(_notice_docx())
    assert docx_to_text(path) == docx_to_text(path.read_bytes())
    assert extract_file(path).text == DOCX_EXPECTED


def test_docx_merged_cells_appear_once():
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Ủy ban nhân dân xã"
    table.cell(0, 1).text = "Quý I"
    table.cell(1, 1).text = "Quý II"
    got = docx_to_text(_docx_bytes(doc)).text
    assert got == "Ủy ban nhân dân xã\nQuý I\n\nQuý II"


def test_docx_tabs_and_line_breaks_kept():
    doc = docx.Document()
    para = doc.add_paragraph("1.\tGiao Công an xã")
    para.add_run().add_break()
    para.add_run("bảo đảm an ninh trật tự.")
    assert docx_to_text(_docx_bytes(doc)).text == "1.\tGiao Công an xã\nbảo đảm an ninh trật tự."


_PARA = st.text(alphabet=st.sampled_from(VIET_LETTERS + list(" .,;:0123456789-")), max_size=40)


@settings(max_examples=25, deadline=None)
@given(st.lists(_PARA, min_size=1, max_size=8))
def test_docx_paragraph_rule_property(paragraphs):
    """One newline between paragraphs; a run of empty paragraphs is one blank line."""
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    got = docx_to_text(_docx_bytes(doc)).text
    expected, gap = [], "\n"
    for text in paragraphs:
        if text.strip():
            expected.append((gap if expected else "") + text.strip(" "))
            gap = "\n"
        else:
            gap = "\n\n"
    assert got == "".join(expected)


# --- PDF -----------------------------------------------------------------------------------


def type3_pdf(pages: list[list[str]]) -> bytes:
    """A PDF drawing each line with a Type3 font of box glyphs whose ToUnicode map gives
    the text back: a text layer without any font file."""
    chars = sorted({ch for page in pages for line in page for ch in line})
    assert len(chars) < 255
    code = {ch: i + 1 for i, ch in enumerate(chars)}
    font_id, glyph_id, cmap_id, first_page = 3, 4, 5, 6

    def stream(data: bytes) -> bytes:
        return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(len(pages)))
    names = " ".join(f"/g{code[ch]}" for ch in chars)
    procs = " ".join(f"/g{code[ch]} {glyph_id} 0 R" for ch in chars)
    bfchars = "\n".join(f"<{code[ch]:02X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch in chars)
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode(),
        font_id: (f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] "
                  f"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {procs} >> "
                  f"/Encoding << /Type /Encoding /Differences [1 {names}] >> /FirstChar 1 "
                  f"/LastChar {max(len(chars), 1)} /Widths [{' '.join('500' for _ in chars)}] "
                  f"/ToUnicode {cmap_id} 0 R /Resources << >> >>").encode(),
        glyph_id: stream(b"500 0 0 0 400 600 d1 0 0 400 600 re f"),
        cmap_id: stream(("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
                         "/CMapName /T3 def /CMapType 2 def 1 begincodespacerange <01> <FF> "
                         f"endcodespacerange\n{len(chars)} beginbfchar\n{bfchars}\nendbfchar "
                         "endcmap CMapName currentdict /CMap defineresource pop end end").encode()),
    }
    for i, page in enumerate(pages):
        ops = [f"BT /F1 11 Tf 1 0 0 1 40 {800 - 16 * k} Tm <{''.join(f'{code[c]:02X}' for c in line)}> Tj ET"
               for k, line in enumerate(page)]
        objs[first_page + 2 * i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                    f"/Resources << /Font << /F1 {font_id} 0 R >> >> "
                                    f"/Contents {first_page + 2 * i + 1} 0 R >>").encode()
        objs[first_page + 2 * i + 1] = stream("\n".join(ops).encode())
    out, offsets = bytearray(b"%PDF-1.4\n"), {}
    for num in sorted(objs):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objs[num] + b"\nendobj\n"
    xref, size = len(out), max(objs) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[num] for num in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def fpdf2_pdf(pages: list[list[str]]) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    font = builder.find_font()
    if font is None:
        pytest.skip("no DejaVuSans.ttf (apt-get install fonts-dejavu-core)")
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("Body", "", font)
    pdf.set_font("Body", size=11)
    for page in pages:
        pdf.add_page()
        for line in page:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


PDF_MAKERS = [pytest.param(type3_pdf, id="type3"), pytest.param(fpdf2_pdf, id="fpdf2")]

# Letters split in chunks so that each line stays inside the page width.
_LETTER_LINES = ["".join(VIET_LETTERS[i:i + 30]) for i in range(0, len(VIET_LETTERS), 30)]
PDF_PAGES = [
    ["Đảng ủy xã Bình Minh yêu cầu các chi bộ:",
     "1. Ủy ban nhân dân xã rà soát, hoàn thành trước ngày 30/4/2024;",
     "a) Phối hợp với Ủy ban Mặt trận Tổ quốc xã thực hiện"],
    ["tuyên truyền đến từng hộ gia đình.", *_LETTER_LINES[:3]],
    [*_LETTER_LINES[3:], "- Đoàn Thanh niên xã ra quân trong tháng 4."],
]


@pytest.mark.parametrize("make", PDF_MAKERS)
def test_pdf_round_trip_pages_and_letters(make, tmp_path):
    data = make(PDF_PAGES)
    path = tmp_path / "tb.pdf"
    path.write_bytes(data)
    got = pdf_to_text(path)
    page_texts = ["\n".join(lines) for lines in PDF_PAGES]
    assert got.text == "\f".join(page_texts)
    assert got.text.count("\f") == len(PDF_PAGES) - 1
    assert got.pages == (0, len(page_texts[0]) + 1, len(page_texts[0]) + len(page_texts[1]) + 2)
    for start, expected in zip(got.pages, page_texts, strict=True):
        assert got.text[start:start + len(expected)] == expected
        assert start == 0 or got.text[start - 1] == "\f"
    assert unicodedata.is_normalized("NFC", got.text)
    assert all(letter in got.text for letter in VIET_LETTERS)
    assert pdf_to_text(data) == got


def test_pdf_decomposed_text_comes_out_nfc():
    decomposed = unicodedata.normalize("NFD", "Hội nghị Ban Chỉ đạo")
    got = pdf_to_text(type3_pdf([[decomposed]]))
    assert got.text == "Hội nghị Ban Chỉ đạo"


# --- HTML ----------------------------------------------------------------------------------

PORTAL = """<!DOCTYPE html>
<html lang="vi"><head>
<meta charset="utf-8">
<title>Xã Bình Minh kết luận công tác tiếp dân - Cổng thông tin huyện</title>
{meta}
<script>var tracker = "MÃ_THEO_DÕI";</script>
<style>.menu {{ color: red }}</style>
</head><body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN</div></header>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu chung</a></li>
<li><a href="/tt">Tin tức sự kiện</a></li><li><a href="/lh">Liên hệ góp ý</a></li></ul></nav>
<div class="wrap"><article>
<h1>Xã Bình Minh kết luận công tác tiếp dân</h1>
<p>Chiều ngày 12/3/2024, Thường trực Đảng ủy xã Bình Minh chủ trì hội nghị nghe báo cáo kết quả tiếp công dân quý I năm 2024.</p>
<p>Thường trực Đảng ủy kết luận như sau:</p>
<p>1. Giao Ủy ban nhân dân xã chỉ đạo rà soát hồ sơ đất đai tồn đọng, hoàn thành trước ngày 30/4/2024.</p>
<p>a) Công chức địa chính phối hợp với các thôn kiểm tra thực địa.<br>b) Văn phòng Đảng ủy tổng hợp, báo cáo kết quả.</p>
<p>2. Đề nghị Ủy ban Mặt trận Tổ quốc xã giám sát việc giải quyết kiến nghị của cử tri.</p>
<ul><li>Hội Nông dân xã vận động hội viên chấp hành quy định;</li><li>- Đoàn Thanh niên xã ra quân làm vệ sinh môi trường.</li></ul>
<table><tr><td>STT</td><td>Nội dung</td><td>Thời gian</td></tr>
<tr><td>1</td><td>Đối thoại với nhân dân</td><td>Quý II/2024</td></tr></table>
<div class="share-tools"><a href="#">Chia sẻ</a> <a href="#">Facebook</a> <a href="#">Zalo</a></div>
</article>
<div class="box-tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/1">Hội nghị sơ kết công tác dân vận khéo</a></li>
<li><a href="/2">Ra mắt tổ hòa giải ở thôn Đông</a></li></ul></div>
</div>
<footer><p>Bản quyền thuộc Ủy ban nhân dân huyện. Lượt xem: 4521</p></footer>
<script>document.write("KỊCH_BẢN_CUỐI");</script>
</body></html>
"""

ARTICLE_LINES = [
    "Xã Bình Minh kết luận công tác tiếp dân",
    "Chiều ngày 12/3/2024, Thường trực Đảng ủy xã Bình Minh chủ trì hội nghị nghe báo cáo kết quả "
    "tiếp công dân quý I năm 2024.",
    "Thường trực Đảng ủy kết luận như sau:",
    "1. Giao Ủy ban nhân dân xã chỉ đạo rà soát hồ sơ đất đai tồn đọng, hoàn thành trước ngày 30/4/2024.",
    "a) Công chức địa chính phối hợp với các thôn kiểm tra thực địa.",
    "b) Văn phòng Đảng ủy tổng hợp, báo cáo kết quả.",
    "2. Đề nghị Ủy ban Mặt trận Tổ quốc xã giám sát việc giải quyết kiến nghị của cử tri.",
    "- Hội Nông dân xã vận động hội viên chấp hành quy định;",
    "- Đoàn Thanh niên xã ra quân làm vệ sinh môi trường.",
    "STT", "Nội dung", "Thời gian", "1", "Đối thoại với nhân dân", "Quý II/2024",
]
CHROME = ["MÃ_THEO_DÕI", "KỊCH_BẢN_CUỐI", "color: red", "Trang chủ", "Giới thiệu chung",
          "Liên hệ góp ý", "CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN", "Lượt xem", "Bản quyền", "Tin liên quan",
          "Ra mắt tổ hòa giải", "Facebook", "Zalo"]


def _portal(meta: str = '<meta property="article:published_time" content="2024-03-13T09:15:00+07:00">') -> bytes:
    return PORTAL.format(meta=meta).encode("utf-8")


def _assert_article(text: str) -> None:
    lines = text.split("\n")
    positions = [lines.index(line) for line in ARTICLE_LINES]  # each is a whole line
    assert positions == sorted(positions)
    for junk in CHROME:
        assert junk not in text, junk


def test_html_main_text_in_order_without_chrome():
    got = html_to_text(_portal())
    _assert_article(got.text)
    assert got.text.startswith("Xã Bình Minh kết luận công tác tiếp dân\n\n")
    assert "\n\nThường trực Đảng ủy kết luận như sau:\n\n" in got.text   # paragraphs: blank line
    assert "\na) Công chức địa chính phối hợp với các thôn kiểm tra thực địa.\nb) " in got.text
    assert got.published == "2024-03-13"
    assert got.title == "Xã Bình Minh kết luận công tác tiếp dân"
    assert got.pages == ()
    assert unicodedata.is_normalized("NFC", got.text)


@pytest.mark.parametrize("meta,expected", [
    ('<meta property="article:published_time" content="2024-03-13T09:15:00+07:00">', "2024-03-13"),
    ('<meta itemprop="datePublished" content="2023-11-02">', "2023-11-02"),
    ('<meta name="pubdate" content="05/01/2022 08:00">', "2022-01-05"),
    ('<meta name="DC.date.issued" content="2021/07/09">', "2021-07-09"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-02-27T10:00:00"}'
     '</script>', "2020-02-27"),
    ('<meta name="date" content="ngày không rõ">', None),
    ("", None),
])
def test_html_publication_date_from_metadata(meta, expected):
    assert html_to_text(_portal(meta)).published == expected


def test_html_lxml_fallback_when_trafilatura_finds_nothing(monkeypatch):
    import vntasks.ingest.html_reader as html_reader

    monkeypatch.setattr(html_reader, "_trafilatura", lambda tree: ("", None, None))
    got = html_to_text(_portal())
    _assert_article(got.text)
    assert got.published == "2024-03-13"


def test_html_headline_added_when_missing_from_main_text():
    page = ('<html><head><meta property="og:title" content="Hội nghị giao ban quý I"></head><body>'
            "<div><p>" + "Đảng ủy xã yêu cầu các chi bộ thực hiện nghiêm túc kết luận. " * 6 + "</p></div>"
            "</body></html>").encode("utf-8")
    got = html_to_text(page)
    assert got.title == "Hội nghị giao ban quý I"
    assert got.text.split("\n")[0] == "Hội nghị giao ban quý I"
    assert got.text.count("Hội nghị giao ban quý I") == 1


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letters (â, ơ, đ ...) precomposed,
    tone marks as combining characters after them."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        out.append(unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones)))
        out.extend(p for p in parts if p in tones)
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
    lambda s: b"\xff\xfe" + s.encode("utf-16-le"),
    lambda s: _cp1258(s.replace("utf-8", "windows-1258")),
], ids=["utf8", "utf8-bom", "utf16-bom", "declared-cp1258"])
def test_html_charsets(encode):
    body = "Thông báo: Đoàn kiểm tra làm việc tại xã. " * 8
    page = f'<html><head><meta charset="utf-8"><title>Tin</title></head><body><p>{body}</p></body></html>'
    got = html_to_text(encode(page))
    assert body.strip() in got.text


def test_html_ordered_list_numbers_are_written():
    items = "".join(f"<li>Nhiệm vụ số {n} của Ủy ban nhân dân xã trong năm 2024 cần hoàn thành.</li>"
                    for n in ("một", "hai", "ba"))
    page = f"<html><body><article><p>Đảng ủy giao các nhiệm vụ sau:</p><ol>{items}</ol></article></body></html>"
    lines = html_to_text(page.encode("utf-8")).text.split("\n")
    assert "1. Nhiệm vụ số một của Ủy ban nhân dân xã trong năm 2024 cần hoàn thành." in lines
    assert "3. Nhiệm vụ số ba của Ủy ban nhân dân xã trong năm 2024 cần hoàn thành." in lines


# --- builder -------------------------------------------------------------------------------


@pytest.fixture()
def notice_file(tmp_path) -> Path:
    path = tmp_path / "tb_18.txt"
    path.write_text(NOTICE_TXT, encoding="utf-8")
    return path


def test_builder_parses_header_title_and_task_table():
    notice = builder.parse_notice(NOTICE_TXT)
    assert notice.header_left == ["ĐẢNG BỘ HUYỆN HÒA AN", "ĐẢNG ỦY XÃ BÌNH MINH", "*", "Số 18-TB/ĐU"]
    assert notice.header_right == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Minh, ngày 14 tháng 3 năm 2024"]
    assert notice.title == ["THÔNG BÁO", "Kết luận của Thường trực Đảng ủy về công tác tiếp dân quý I năm 2024"]
    tables = [block for block in notice.body if isinstance(block, list)]
    assert tables == [[["STT", "Nội dung", "Đơn vị chủ trì", "Thời gian"],
                       ["1", "Tổ chức đối thoại với nhân dân", "UBND xã", "Quý II/2024"],
                       ["2", "Kiểm tra thực hiện quy chế dân chủ", "Đoàn Thanh niên xã", "Tháng 6/2024"]]]
    assert builder.publication_date(NOTICE_TXT).isoformat() == "2024-03-14"


def test_builder_docx_and_html_round_trip(notice_file, tmp_path):
    out = tmp_path / "out"
    assert builder.main([str(notice_file), "--out", str(out), "--formats", "docx,html"]) == 0
    text = docx_to_text(out / "tb_18.docx").text
    assert text.startswith("ĐẢNG BỘ HUYỆN HÒA AN\nĐẢNG ỦY XÃ BÌNH MINH\n*\nSố 18-TB/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n")
    assert ("\n\nSTT\nNội dung\nĐơn vị chủ trì\nThời gian\n\n1\nTổ chức đối thoại với nhân dân\nUBND xã\n"
            "Quý II/2024\n\n2\n") in text
    assert "\nb) Văn phòng Đảng ủy tổng hợp, báo cáo kết quả.\n2. Đề nghị" in text
    page = html_to_text(out / "tb_18.html")
    assert page.published == "2024-03-14"
    lines = page.text.split("\n")
    for line in ("1. Giao Ủy ban nhân dân xã chỉ đạo rà soát hồ sơ đất đai tồn đọng, hoàn thành trước ngày 30/4/2024.",
                 "a) Công chức địa chính phối hợp với các thôn kiểm tra thực địa.",
                 "- Hội Nông dân xã vận động hội viên chấp hành tốt quy định.",
                 "Đơn vị chủ trì", "Đoàn Thanh niên xã"):
        assert line in lines
    for junk in ("Lượt xem", "Tin liên quan", "Trang chủ", "dataLayer", "Facebook", "Liên kết website"):
        assert junk not in page.text


def test_builder_is_deterministic(notice_file, tmp_path):
    formats = "docx,html"
    try:
        import fpdf  # noqa: F401
        if builder.find_font():
            formats += ",pdf"
    except ImportError:
        pass
    first, second = tmp_path / "a", tmp_path / "b"
    builder.main([str(notice_file), "--out", str(first), "--formats", formats])
    builder.main([str(notice_file), "--out", str(second), "--formats", formats])
    for fmt in formats.split(","):
        assert (first / f"tb_18.{fmt}").read_bytes() == (second / f"tb_18.{fmt}").read_bytes(), fmt


def test_builder_pdf_pages_and_text(notice_file, tmp_path):
    pytest.importorskip("fpdf")
    if builder.find_font() is None:
        pytest.skip("no DejaVuSans.ttf (apt-get install fonts-dejavu-core)")
    long_text = NOTICE_TXT.replace("Nơi nhận:", "\n".join(
        f"{n}. Chi bộ thôn số {n} tổ chức sinh hoạt chuyên đề về thực hiện dân chủ ở cơ sở, "
        f"lấy ý kiến nhân dân về các công trình phúc lợi và báo cáo Đảng ủy xã." for n in range(3, 40))
        + "\nNơi nhận:")
    notice_file.write_text(long_text, encoding="utf-8")
    builder.main([str(notice_file), "--out", str(tmp_path), "--formats", "pdf"])
    got = pdf_to_text(tmp_path / "tb_18.pdf")
    assert len(got.pages) >= 2
    assert got.text.count("\f") == len(got.pages) - 1
    assert all(got.text[start - 1] == "\f" for start in got.pages[1:])
    # Page numbers open pages 2.. ("\f2\n"); apart from them and line wrapping, the words
    # of the notice come back in order.
    for number, start in enumerate(got.pages[1:], 2):
        assert got.text[start:].startswith(f"{number}\n")
    pages = got.text.split("\f")
    words = " ".join(" ".join([pages[0]] + [page.split("\n", 1)[1] for page in pages[1:]]).split())
    assert "30. Chi bộ thôn số 30 tổ chức sinh hoạt chuyên đề" in words
    assert got.title and got.title.startswith("THÔNG BÁO Kết luận")


def test_builder_reports_unknown_format(notice_file, tmp_path):
    with pytest.raises(SystemExit) as excinfo:
        builder.main([str(notice_file), "--out", str(tmp_path), "--formats", "odt"])
    assert excinfo.value.code == 2


def test_html_article_survives_chrome_named_wrappers():
    """An ASP.NET page wraps all in a <form>; a CMS may give the article box a class like
    "share-wrapper": the article (long paragraphs) is kept, the real menus are not."""
    menu = "".join(f"<li><a href='/m{i}'>Chuyên mục số {i} của cổng thông tin</a></li>" for i in range(60))
    paragraphs = "".join(f"<p>{n}. Ủy ban nhân dân xã chỉ đạo các thôn thực hiện nhiệm vụ thứ {n}, bảo đảm "
                         f"đúng quy định, công khai, minh bạch và báo cáo kết quả về Đảng ủy xã.</p>"
                         for n in (1, 2, 3))
    page = (f"<html><body><form id='form1'><div class='menu-top'><ul>{menu}</ul></div>"
            f"<div class='news-detail share-wrapper'>{paragraphs}</div>"
            f"<div class='footer'>Lượt xem: 12</div></form></body></html>")
    text = html_to_text(page).text   # a str of markup is accepted too
    lines = text.split("\n")
    for n in (1, 2, 3):
        assert any(line.startswith(f"{n}. Ủy ban nhân dân xã chỉ đạo") for line in lines)
    assert "Chuyên mục số" not in text and "Lượt xem" not in text


def test_html_deep_nesting_is_not_truncated():
    body = "Nội dung chính của thông báo kết luận. " * 10
    page = "<html><body>" + "<div>" * 400 + f"<p>{body}</p>" + "</div>" * 400 + "</body></html>"
    assert body.strip() in html_to_text(page.encode("utf-8")).text
