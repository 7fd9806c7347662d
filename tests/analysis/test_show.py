"""show.py (vntasks show): every extracted span highlighted with its exact source text."""
from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from vntasks import extract
from vntasks.analysis.show import Mark, render_text
from vntasks.cli import main
from vntasks.ingest.load import load_path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


class Page(HTMLParser):
    """Collects: text of each data-span (pieces joined), its kind, task anchors, links, and
    the text content of <pre class="source">."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.spans: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.open: list[str | None] = []
        self.anchors: list[str] = []
        self.hrefs: list[str] = []
        self.in_source = False
        self.source = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre" and a.get("class") == "source":
            self.in_source = True
        if tag == "mark" and "data-span" in a:
            self.spans.setdefault(a["data-span"], "")
            self.kinds[a["data-span"]] = a["data-kind"]
            self.open.append(a["data-span"])
        elif tag == "mark":
            self.open.append(None)
        if tag == "a" and a.get("class") == "anchor":
            self.anchors.append(a["id"])
        if tag == "a" and a.get("href", "").startswith("#task-"):
            self.hrefs.append(a["href"][1:])

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()
        if tag == "pre":
            self.in_source = False

    def handle_data(self, data):
        for sid in self.open:
            if sid is not None:
                self.spans[sid] += data
        if self.in_source:
            self.source.append(data)

    def texts(self, kind: str) -> list[str]:
        return [t for s, t in self.spans.items() if self.kinds[s] == kind]


def _page(path: Path, tmp_path: Path) -> Page:
    out = tmp_path / "page.html"
    assert main(["show", str(path), "--html", str(out)]) == 0
    p = Page()
    p.feed(out.read_bytes().decode("utf-8"))  # keep "\r": read_text would translate newlines
    return p


# every notice of the repo corpus (some UTF-16 / with BOM: offsets refer to the decoded text)
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf"))


def test_corpus_has_notices_with_every_kind_of_span(tmp_path):
    assert FILES
    # a notice with a task that states its own period ("năm 2026"), besides the other kinds
    page = _page(CORPUS / "holdout2" / "xa_thai-nguyen_phuong-duc-xuan-ubnd-giao-ban.txt", tmp_path)
    for kind in ("lead", "support", "deadline", "period", "reference", "task"):
        assert page.texts(kind), kind


@pytest.mark.parametrize("name", FILES)
def test_every_span_is_highlighted_with_its_source_text(name, tmp_path):
    path = CORPUS / name
    doc = extract(path)
    src = load_path(path).text
    page = _page(path, tmp_path)
    assert "".join(page.source) == src  # the page shows the source text, nothing added or lost
    expected = {"reference": [src[r.start:r.end] for r in doc.references],
                "lead": [], "support": [], "deadline": [], "period": []}
    for t in doc.tasks:
        for b in t.responsible:
            if not b.inherited and b.start is not None:
                expected[b.role].append(src[b.start:b.end])
        if t.deadline:
            expected["deadline"].append(src[t.deadline.start:t.deadline.end])
        if t.period and not t.period.inherited and t.period.span_start is not None:
            expected["period"].append(src[t.period.span_start:t.period.span_end])
    assert sum(map(len, expected.values())) > 0
    for kind, texts in expected.items():
        shown = Counter(page.texts(kind))
        for text in texts:
            assert shown[text] >= 1, (kind, text)
    assert page.anchors == [f"task-{t.task_id}" for t in doc.tasks]
    assert sorted(page.hrefs) == sorted(page.anchors)


def test_notice_text_is_escaped(tmp_path):
    notice = tmp_path / "x.txt"
    notice.write_text("THÔNG BÁO\n<script>alert(1)</script> & \"q\"\n1. Ủy ban nhân dân xã <b>kiểm tra</b> trước ngày 30/6/2024.\n",
                      encoding="utf-8")
    out = tmp_path / "x.html"
    assert main(["show", str(notice), "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>kiểm tra</b>" not in page


def test_missing_file_is_a_usage_error(tmp_path):
    assert main(["show", str(tmp_path / "none.txt"), "--html", str(tmp_path / "o.html")]) == 2


def _m(s, e, kind, sid):
    return Mark(s, e, kind, sid, sid)


@pytest.mark.parametrize(("text", "marks", "anchors", "expected"), [
    ("abc", [], {}, "abc"),
    ("a<b", [_m(1, 2, "lead", "x")], {}, 'a<mark class="k-lead" data-span="x" data-kind="lead" title="x">&lt;</mark>b'),
    # nested: the longer span outside
    ("abcd", [_m(1, 3, "lead", "i"), _m(0, 4, "task", "o")], {},
     '<mark class="k-task" data-span="o" data-kind="task" title="o">a'
     '<mark class="k-lead" data-span="i" data-kind="lead" title="i">bc</mark>d</mark>'),
    # crossing: the second span is split into two pieces sharing data-span="y"
    ("abcd", [_m(0, 2, "lead", "x"), _m(1, 4, "deadline", "y")], {},
     '<mark class="k-lead" data-span="x" data-kind="lead" title="x">a'
     '<mark class="k-deadline" data-span="y" data-kind="deadline" title="y">b</mark></mark>'
     '<mark class="k-deadline cont" data-span="y" data-kind="deadline" title="y">cd</mark>'),
    ("ab", [], {1: ["t1"]}, 'a<a class="anchor" id="task-t1" href="#row-t1" data-label="t1"></a>b'),
])
def test_render_text(text, marks, anchors, expected):
    assert render_text(text, marks, anchors) == expected
