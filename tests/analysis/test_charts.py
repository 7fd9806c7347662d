"""analysis.groups (top N + "other", duplicates counted once) and analysis.charts (plain text,
integer count axes, at most MAX_PARTS categories, readable legends)."""
from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from vntasks.analysis.charts import MAX_PARTS, OTHER, Panel, bars, colours, heatmap, limit_parts, stacked
from vntasks.analysis.groups import UNKNOWN, drop_duplicates, group_notices, other_label
from vntasks.cli import main

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"


def _docs(provinces: list[str | None]) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(provinces))],
                         "province": pd.Series(provinces, dtype="string"),
                         "level": pd.Series(["xã"] * len(provinces), dtype="string")})


def test_top_groups_then_other_then_unknown():
    provs = ["A"] * 6 + ["B"] * 3 + ["C"] * 2 + ["D"] * 2 + ["E", "F", "G"] + [None] * 4
    docs = _docs(provs)
    g = group_notices(docs, "province", {d: 2 for d in docs["doc_id"]}, top=3, min_notices=5)
    assert [(x.label, x.n_docs, x.n_tasks, x.small) for x in g.groups] == [
        ("A", 6, 12, False), ("B", 3, 6, True), ("C", 2, 4, True), (other_label(4), 5, 10, False),
        (UNKNOWN, 4, 8, True)]
    assert g.groups[3].members == ("D", "E", "F", "G")
    assert g.of("d0") == "A" and g.of("d12") == other_label(4) and g.of("d19") == UNKNOWN
    assert [x.label for x in g.all_groups] == ["A", "B", "C", "D", "E", "F", "G", UNKNOWN]
    assert sum(x.n_docs for x in g.groups) == len(docs)


def test_groups_of_one_notice_go_to_other_when_larger_groups_exist():
    docs = _docs(["A", "A", "B", "C", "D"])
    g = group_notices(docs, "province", {}, top=10)
    assert [x.label for x in g.groups] == ["A", other_label(3)]
    only_singles = group_notices(_docs(["A", "B"]), "province", {}, top=10)
    assert [x.label for x in only_singles.groups] == ["A", "B"]


def test_one_leftover_group_is_shown_not_called_other():
    g = group_notices(_docs(["A", "A", "B", "B", "C", "C"]), "province", {}, top=2)
    assert [x.label for x in g.groups] == ["A", "B", "C"]


def test_levels_keep_their_order():
    docs = pd.DataFrame({"doc_id": list("abcdefg"),
                         "level": ["tỉnh", "xã", "xã", "trung ương", "huyện", "huyện", "huyện"]})
    g = group_notices(docs, "level", {}, top=10)
    assert [x.label for x in g.groups] == ["xã", "huyện", "tỉnh", "trung ương"]


def test_axis_label_is_wrapped_and_sized():
    docs = _docs(["Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu và các sở ngành liên quan"] * 2)
    label = group_notices(docs, "province", {}, min_notices=5).groups[0].axis_label
    assert label.count("\n") == 1 and label.endswith("⚑ (n=2)")


def test_drop_duplicates_by_column_or_by_key():
    docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "sha256": ["s1", "s2", "s1"],
                         "doc_number": ["1/TB", "2/TB", None], "issuer": ["X", "Y", None],
                         "duplicate_of": pd.Series([None, None, None], dtype="string")})
    tasks = pd.DataFrame({"doc_id": ["a", "b", "c", "c"], "task_id": ["t1", "t1", "t1", "t2"]})
    frames, records, dups = drop_duplicates({"documents": docs, "tasks": tasks},
                                            [{"doc_id": "a"}, {"doc_id": "b"}, {"doc_id": "c"}])
    assert dups == {"c": "a"}
    assert list(frames["documents"]["doc_id"]) == ["a", "b"] and list(frames["tasks"]["doc_id"]) == ["a", "b"]
    assert records == [{"doc_id": "a"}, {"doc_id": "b"}]


# ---------------------------------------------------------------- charts

def test_limit_parts_keeps_the_largest_and_sums_the_rest():
    parts = {f"c{i}": [float(i), 1.0] for i in range(12)} | {"none": [5.0, 5.0]}
    out = limit_parts(parts)
    assert len(out) == MAX_PARTS
    assert list(out)[-2:] == [OTHER, "none"]
    assert out[OTHER] == [sum(range(6)), 6.0]  # c0..c5 summed
    assert sum(map(sum, out.values())) == sum(map(sum, parts.values()))
    assert limit_parts({"a": [1.0], "b": [2.0]}) == {"a": [1.0], "b": [2.0]}


def test_colours_are_distinct_and_greys_for_no_information():
    names = ["a", "b", "c", "d", "e", "f", "g", OTHER, "(không xác định)"]
    c = colours(names)
    assert len(set(c[n] for n in names[:7])) == 7
    assert all(c[n].startswith("#") and c[n][1:3] == c[n][3:5] == c[n][5:7] for n in names[7:])  # greys


#: labels that matplotlib's mathtext would parse (and fail on): plain text in every chart
DOLLARS = ["Sở $Tài_chính$ tỉnh", r"$\frac{1$", "Ban $x^{2}$ (n=1)", "_hidden"]


def test_chart_text_is_plain_text(tmp_path):
    fig = bars(tmp_path / "b.png", DOLLARS, [Panel([1.0, 2.0, None, 3.0], "a $b$", "$")])
    assert (tmp_path / "b.png").read_bytes().startswith(PNG)
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == DOLLARS
    fig = stacked(tmp_path / "s.png", DOLLARS, {"$a$": [1, 2, 3, 4], "_b": [1, 1, 1, 1]}, "t $x$")
    assert [t.get_text().strip() for t in fig.axes[0].get_legend().get_texts()] == ["$a$", "_b"]
    heatmap(tmp_path / "h.png", DOLLARS, ["$2024$"], [[1], [2], [0], [3]], "$t$")
    assert (tmp_path / "h.png").read_bytes().startswith(PNG)


def test_count_axes_have_integer_ticks_and_values_are_written(tmp_path):
    fig = stacked(tmp_path / "c.png", ["57-NQ/TW", "21-KL/TW"], {"xã": [1, 0], "huyện": [2, 1]}, "cited",
                  share=False)
    ax = fig.axes[0]
    ticks = [t for t in ax.get_xticks() if 0 <= t <= 3]
    assert ticks == [0, 1, 2, 3]
    written = {t.get_text() for t in ax.texts}
    assert {"3", "1"} <= written  # each bar's total at its end
    fig = bars(tmp_path / "b.png", ["a", "b"], [Panel([3.0, 1.0], "t", "tasks", fmt="{:.0f}".format, integer=True)])
    assert all(float(t).is_integer() for t in fig.axes[0].get_xticks())
    assert [t.get_text() for t in fig.axes[0].texts] == ["3", "1"]  # each bar's value at its end


def test_legend_is_readable(tmp_path):
    fig = stacked(tmp_path / "s.png", ["x", "y"], {f"category {i}": [i, 1] for i in range(1, 15)}, "t")
    legend = fig.axes[0].get_legend()
    texts = legend.get_texts()
    assert len(texts) == MAX_PARTS
    assert min(t.get_fontsize() for t in texts) >= 9


# ---------------------------------------------------------------- the report end to end

@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet"]) == 0
    return out


def test_citations_chart_follows_by(out_dir, tmp_path):
    for by in ("level", "province"):
        assert main(["report", str(out_dir), "--by", by, "--out", str(tmp_path / by), "--quiet"]) == 0
    assert (tmp_path / "level" / "citations.png").read_bytes() != (tmp_path / "province" / "citations.png").read_bytes()


def test_province_charts_show_top_groups_and_other(out_dir, tmp_path):
    rdir = tmp_path / "r"
    assert main(["report", str(out_dir), "--by", "province", "--top", "5", "--out", str(rdir), "--quiet"]) == 0
    page = (rdir / "index.html").read_text(encoding="utf-8")
    tasks_table = page.split('<section id="tasks">')[1].split("</section>")[0]
    rows = re.findall(r"<tr(?: class=\"small\")?><th>([^<]+)</th>", tasks_table.split("<tbody>")[1])
    assert len(rows) <= 7 and any(r.startswith("other (") for r in rows) and rows[-1] == UNKNOWN


def test_an_issuer_with_dollars_is_plain_text(out_dir, tmp_path):
    """A "$" in an issuer (grouped by issuer, so on the chart axes) neither crashes nor turns into maths."""
    out = tmp_path / "out"
    shutil.copytree(out_dir, out)
    path = out / "documents.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows[:6]:
        r["issuer"] = r"Sở $Tài_chính$ \frac{1"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    # the edited CSV stands alone: no Parquet copy to prefer, no manifest to refuse the edit
    (out / "documents.parquet").unlink()
    (out / ".cache" / "tables.json").unlink()
    assert main(["report", str(out), "--by", "issuer", "--out", str(tmp_path / "r"), "--quiet"]) == 0
    assert r"Sở $Tài_chính$ \frac{1" in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def test_duplicate_inputs_are_counted_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("huyen_phu-tho_ubnd-tuyen-quan.txt", "tinh_quang-ninh_ubnd-moi-truong-vinh.txt"):
        shutil.copy(ROOT / "corpus" / name, src / name)
    shutil.copy(ROOT / "corpus" / "huyen_phu-tho_ubnd-tuyen-quan.txt", src / "zz-copy.txt")
    out = tmp_path / "out"
    assert main(["extract", str(src), "--out", str(out), "--quiet"]) == 0
    assert main(["report", str(out), "--by", "level", "--out", str(tmp_path / "r"), "--quiet"]) == 0
    page = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    n_tasks = sum(1 for _ in csv.DictReader(open(out / "tasks.csv", encoding="utf-8")))
    copy_tasks = sum(1 for r in csv.DictReader(open(out / "tasks.csv", encoding="utf-8")) if r["doc_id"] == "zz-copy")
    assert f"<p>2 notices, {n_tasks - copy_tasks} tasks," in page
    assert "zz-copy (= huyen_phu-tho_ubnd-tuyen-quan)" in page
