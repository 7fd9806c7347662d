"""Build .docx, .pdf and .html versions of plain-text notices, as they are found in the wild.

    python -m scripts.build_formats IN.txt... --out DIR [--formats docx,pdf,html]

For each input ``NAME.txt`` it writes ``DIR/NAME.docx`` (python-docx: the two-column header
as a borderless table, title, body paragraphs, a task table where lines hold tab-separated
cells), ``DIR/NAME.pdf`` (fpdf2 with a Unicode TrueType font, A4, wrapped lines, page
numbers from page 2, page breaks wherever the text falls) and ``DIR/NAME.html`` (a
news-portal page: publication date in <meta>, menu, header, the article, share buttons,
"Tin liên quan", footer with "Lượt xem", scripts).

Output is deterministic: fixed creation dates in the PDF and DOCX metadata and fixed zip
entry times in the DOCX, so rebuilding gives identical bytes.

PDF needs fpdf2 (``pip install fpdf2``) and DejaVuSans.ttf: set VNTASKS_FONT=/path/font.ttf,
or install the Debian package ``fonts-dejavu-core`` (or matplotlib, which ships the font).
"""
from __future__ import annotations

import argparse
import datetime as dt
import glob
import hashlib
import html
import io
import os
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import regex

FIXED_TIME = dt.datetime(2024, 1, 1, 0, 0, 0, tzinfo=dt.timezone.utc)
FORMATS = ("docx", "pdf", "html")

# Emphasis markers of markdown-ish notices ("**Thành phần:**").
_EMPHASIS = regex.compile(r"\*\*|__")
# The line naming the document type, which ends the header ("THÔNG BÁO", "KẾ HOẠCH" ...).
_DOC_TYPE_LINE = regex.compile(
    r"^(?:THÔNG BÁO|KẾ HOẠCH|CÔNG VĂN|BÁO CÁO|QUYẾT ĐỊNH|CHỈ THỊ|CHƯƠNG TRÌNH|HƯỚNG DẪN|"
    r"NGHỊ QUYẾT|KẾT LUẬN|THÔNG TRI|TỜ TRÌNH)\b[^\p{Ll}]*$")
# Header lines that go to the right-hand column: the national motto or Party line and
# the place-and-date line.
_RIGHT_COLUMN = regex.compile(
    r"(?i)^(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập|-{3,}$)"
    r"|,\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")
_DATE_WORDS = regex.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_DATE_DMY = regex.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")


@dataclass
class Notice:
    """A plain-text notice cut into the parts a layout needs."""

    header_left: list[str] = field(default_factory=list)
    header_right: list[str] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    # Body blocks: a paragraph (str) or a table (list of rows of cells).
    body: list[str | list[list[str]]] = field(default_factory=list)

    @property
    def headline(self) -> str:
        return " ".join(" ".join(self.title).split())


def parse_notice(text: str) -> Notice:
    """Header (until the document-type line), title (that line and the subject lines up to
    the next blank line), then body paragraphs; consecutive lines with tabs form a table.
    Text without a document-type line (a news report) takes its first line as the title."""
    lines = [_EMPHASIS.sub("", line).rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    notice = Notice()
    type_at = next((i for i, line in enumerate(lines[:30]) if _DOC_TYPE_LINE.match(line.strip())), None)
    if type_at is None:
        # The first line of a few words (a one- or two-word line is portal chrome: "Chi tiết").
        first = next((i for i, line in enumerate(lines) if len(line.split()) >= 4),
                     next((i for i, line in enumerate(lines) if line.strip()), len(lines)))
        notice.title = [lines[first].strip()] if first < len(lines) else []
        rest = lines[first + 1:]
    else:
        for line in lines[:type_at]:
            if line.strip():
                side = notice.header_right if _RIGHT_COLUMN.search(line.strip()) else notice.header_left
                side.append(line.strip())
        notice.title.append(lines[type_at].strip())
        i = type_at + 1
        while i < len(lines) and not lines[i].strip():  # blank lines before the subject
            i += 1
        while i < len(lines) and lines[i].strip():
            notice.title.append(lines[i].strip())
            i += 1
        rest = lines[i:]
    table: list[list[str]] = []
    for line in rest:
        if "\t" in line.strip("\n "):
            table.append([cell.strip() for cell in line.split("\t")])
            continue
        if table:
            notice.body.append(table)
            table = []
        if line.strip():
            notice.body.append(line.strip())
    if table:
        notice.body.append(table)
    return notice


def publication_date(text: str) -> dt.date | None:
    """The first date written in the notice ("ngày 5 tháng 4 năm 2023" or "05/04/2023")."""
    for pattern, order in ((_DATE_WORDS, (0, 1, 2)), (_DATE_DMY, (0, 1, 2))):
        for found in pattern.finditer(text):
            d, m, y = (int(found.group(k + 1)) for k in order)
            try:
                return dt.date(y, m, d)
            except ValueError:
                continue
    return None


# --- DOCX ----------------------------------------------------------------------------------

def _stable_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry times (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def build_docx(notice: Notice, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    if notice.header_left or notice.header_right:
        table = doc.add_table(rows=1, cols=2)
        for cell, lines in zip(table.rows[0].cells, (notice.header_left, notice.header_right), strict=True):
            cell.paragraphs[0].text = lines[0] if lines else ""
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            for line in lines[1:]:
                cell.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for line in notice.title:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(line).bold = True
    for block in notice.body:
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        width = max(len(row) for row in block)
        table = doc.add_table(rows=len(block), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(block):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    props = doc.core_properties
    props.title = notice.headline[:255]  # the OPC core property's limit
    props.author = props.last_modified_by = "vntasks"
    props.created = props.modified = props.last_printed = FIXED_TIME.replace(tzinfo=None)
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))


# --- PDF -----------------------------------------------------------------------------------

def find_font(bold: bool = False) -> str | None:
    """DejaVuSans(-Bold).ttf: $VNTASKS_FONT, a copy shipped in the venv, or the system's."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    env = os.environ.get("VNTASKS_FONT")
    if env and not bold and Path(env).is_file():
        return env
    candidates = [Path(sys.prefix) / "lib", Path("/usr/share/fonts"), Path("/usr/local/share/fonts")]
    for root in candidates:
        hits = sorted(glob.glob(str(root / "**" / name), recursive=True))
        if hits:
            return hits[0]
    return None


class MissingDependency(RuntimeError):
    pass


def build_pdf(notice: Notice, path: Path, page_numbers: bool = True) -> None:
    try:
        from fpdf import FPDF
    except ImportError:
        raise MissingDependency("PDF output needs fpdf2: pip install fpdf2") from None
    regular, bold = find_font(), find_font(bold=True)
    if regular is None:
        raise MissingDependency(
            "PDF output needs DejaVuSans.ttf: apt-get install fonts-dejavu-core, "
            "or pip install matplotlib, or set VNTASKS_FONT=/path/to/a/unicode/font.ttf")

    class NoticePDF(FPDF):
        def header(self) -> None:  # Vietnamese documents number pages from 2, top centre
            if page_numbers and self.page_no() > 1:
                self.set_font("Body", size=11)
                self.cell(0, 8, str(self.page_no()), align="C", new_x="LMARGIN", new_y="NEXT")
                self.set_font("Body", size=13)

    pdf = NoticePDF(format="A4", unit="mm")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_title(notice.headline)
    pdf.set_author("vntasks")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_font("Body", "", regular)
    pdf.add_font("Body", "B", bold or regular)
    pdf.add_page()
    pdf.set_font("Body", size=13)
    line_h = 6.5
    if notice.header_left or notice.header_right:
        top = pdf.get_y()
        pdf.multi_cell(75, line_h, "\n".join(notice.header_left), align="C", new_x="RIGHT", new_y="TOP")
        bottom_left = pdf.get_y()
        pdf.set_xy(pdf.l_margin + 75, top)
        pdf.multi_cell(0, line_h, "\n".join(notice.header_right), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), bottom_left, top) + line_h)
    pdf.set_font("Body", "B", 13)
    for line in notice.title:
        pdf.multi_cell(0, line_h, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Body", size=13)
    pdf.ln(line_h / 2)
    for block in notice.body:
        if isinstance(block, str):
            pdf.multi_cell(0, line_h, block, align="L", new_x="LMARGIN", new_y="NEXT")
            continue
        with pdf.table(text_align="LEFT", line_height=line_h) as table:
            for row in block:
                cells = table.row()
                for value in row:
                    cells.cell(value)
    path.write_bytes(bytes(pdf.output()))


# --- HTML ----------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Cổng thông tin điện tử</title>
<meta property="og:title" content="{title}">
{date_meta}<link rel="stylesheet" href="/static/site.css">
<style>body{{font-family:Arial}} .menu li{{display:inline}}</style>
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
</head>
<body>
<header class="site-header"><div class="logo"><a href="/">CỔNG THÔNG TIN ĐIỆN TỬ</a></div>
<div class="search"><form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></div></header>
<nav class="main-menu"><ul class="menu">
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/van-ban">Văn bản chỉ đạo điều hành</a></li>
<li><a href="/thu-tuc">Thủ tục hành chính</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/tin-tuc">Tin tức</a></div>
<div class="container"><div class="content">
<article class="post">
<h1 class="post-title">{title}</h1>
<div class="post-meta">{date_line}</div>
<div class="post-body">
{body}
</div>
<div class="share-buttons"><span>Chia sẻ:</span> <a href="#">Facebook</a> <a href="#">Zalo</a>
<a href="#">Twitter</a> <a href="#" onclick="window.print()">In bài</a></div>
</article>
<div class="related-news"><h3>Tin liên quan</h3><ul>
<li><a href="/tin-tuc/1">Hội nghị tổng kết công tác dân vận năm trước</a></li>
<li><a href="/tin-tuc/2">Tập huấn nghiệp vụ cho cán bộ cơ sở</a></li>
<li><a href="/tin-tuc/3">Ra mắt mô hình dân vận khéo ở khu dân cư</a></li></ul></div>
</div>
<aside class="sidebar"><h3>Liên kết website</h3><ul><li><a href="#">Cổng dịch vụ công</a></li></ul></aside>
</div>
<footer class="site-footer"><p>Cơ quan chủ quản: Ủy ban nhân dân. Địa chỉ: trụ sở cơ quan.</p>
<p>Lượt xem: {views} | Đang online: {online}</p></footer>
<script src="/static/site.js"></script>
<script>document.querySelectorAll('.menu a').forEach(function(a){{a.title = a.textContent;}});</script>
</body>
</html>
"""


def _html_block(block: str | list[list[str]]) -> str:
    if isinstance(block, str):
        return f"<p>{html.escape(block)}</p>"
    rows = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block)
    return f'<table class="tasks" border="1">\n{rows}\n</table>'


def build_html(notice: Notice, path: Path, published: dt.date | None) -> None:
    parts = []
    if notice.header_left or notice.header_right:
        cells = "".join(f"<td>{'<br>'.join(html.escape(x) for x in side)}</td>"
                        for side in (notice.header_left, notice.header_right))
        parts.append(f'<table class="doc-header"><tr>{cells}</tr></table>')
    parts.extend(_html_block(block) for block in notice.body)
    digest = int(hashlib.sha256(notice.headline.encode("utf-8")).hexdigest()[:6], 16)
    date_meta = date_line = ""
    if published:
        stamp = f"{published.isoformat()}T08:30:00+07:00"
        date_meta = f'<meta property="article:published_time" content="{stamp}">\n'
        date_line = f"Cập nhật: 08:30 {published:%d/%m/%Y}"
    page = _PAGE.format(title=html.escape(notice.headline), date_meta=date_meta, date_line=date_line,
                        body="\n".join(parts), views=digest % 5000 + 12, online=digest % 90 + 3)
    path.write_text(page, encoding="utf-8")


# --- CLI -----------------------------------------------------------------------------------

def build(source: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write the requested formats of one notice; returns the paths written."""
    text = source.read_text(encoding="utf-8-sig")
    notice = parse_notice(text)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        target = out_dir / f"{source.stem}.{fmt}"
        if fmt == "docx":
            build_docx(notice, target)
        elif fmt == "pdf":
            build_pdf(notice, target)
        else:
            build_html(notice, target, publication_date(text))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build_formats", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path, metavar="IN.txt")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--formats", default=",".join(FORMATS))
    args = parser.parse_args(argv)
    formats = tuple(f.strip().lower() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        parser.error(f"unknown format(s) {unknown}; choose from {','.join(FORMATS)}")
    status = 0
    for source in args.inputs:
        try:
            for target in build(source, args.out, formats):
                print(target)
        except MissingDependency as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        except (OSError, UnicodeDecodeError) as exc:
            print(f"error: {source}: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
