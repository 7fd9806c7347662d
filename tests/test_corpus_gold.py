"""Golden whole documents: every corpus notice against its hand-written gold in annotations/, and
the format variants of some (tests/fixtures/variants/) against theirs, scored with the SPEC's rules. These expectations were written by people,
not produced by the code; the thresholds are the project's promises on its own corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vntasks.cli import main
from vntasks.evaluate.command import load_gold
from vntasks.evaluate.score import report_dict, score

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ROOT / "tests" / "fixtures" / "variants"


def _scored(out: Path, inputs: Path, gold_paths: list[Path]):
    assert main(["extract", str(inputs), "--out", str(out), "--quiet"]) == 0
    gold = load_gold(gold_paths)
    pred = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return report_dict(score(gold, pred)), gold, pred


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    return _scored(tmp_path_factory.mktemp("corpus"), ROOT / "corpus", [ROOT / "annotations"])


@pytest.fixture(scope="module")
def variants_report(tmp_path_factory):
    return _scored(tmp_path_factory.mktemp("variants"), VARIANTS, [VARIANTS / "gold_variants.jsonl"])


def test_corpus_holds_one_copy_of_each_notice(report):
    """corpus/ is what `make tasks` reads: no format variant, no two inputs with the same bytes
    or the same number and issuer (the variants are test fixtures)."""
    _, gold, pred = report
    assert not (ROOT / "corpus" / "variants").exists()
    assert len(pred) == len(gold) == len({p["sha256"] for p in pred})
    keys = [(p["doc_number"], p["issuer"]) for p in pred if p["doc_number"]]
    assert len(keys) == len(set(keys))


def test_every_variant_is_annotated_and_scores(variants_report):
    rep, gold, pred = variants_report
    assert rep["missing_docs"] == []
    assert sorted(g["file"] for g in gold) == sorted(Path(p["source"]).name for p in pred)
    assert {Path(p["source"]).suffix for p in pred} == {".docx", ".pdf", ".html", ".txt"}
    assert {p["encoding"] for p in pred} >= {"tcvn3", "vni"}
    assert rep["tasks"]["f1"] >= 0.98 and rep["deadline"]["f1"] >= 0.97
    assert rep["responsible"]["f1"] >= 0.95
    # 9 documents: one miss is 0.89. Known miss (2026-12): the HTML copy of
    # tinh_quang-ninh_ubnd-moi-truong-vinh loses its meeting date, which its .txt and .docx keep.
    for field, row in rep["doc_fields"].items():
        assert row["acc"] >= (0.88 if field == "meeting_date" else 0.95), field


def test_every_annotated_notice_is_in_the_corpus(report):
    rep, gold, pred = report
    assert rep["missing_docs"] == []
    assert len(gold) >= 40


def test_corpus_scores(report):
    rep, _, _ = report
    # a little below the scores of 2026-12-03 (tasks 1.000, responsible 0.986, support 0.982,
    # deadline 1.000, period 1.000, task_refs 0.981, doc_refs 0.996, fields >= 0.986)
    assert rep["tasks"]["f1"] >= 0.98
    assert rep["deadline"]["f1"] >= 0.97
    assert rep["period"]["f1"] >= 0.95
    assert rep["task_refs"]["f1"] >= 0.95 and rep["doc_refs"]["f1"] >= 0.97
    assert rep["responsible"]["f1"] >= 0.95 and rep["support"]["f1"] >= 0.95
    for field, row in rep["doc_fields"].items():
        assert row["acc"] >= 0.95, field
    # the issuer of every notice but the news reports ("?": SPEC does not say whether a report's
    # issuer is its portal or the body it reports on): 59/59 on 2026-12 (0.898 before the header
    # lines of a name were joined)
    assert rep["doc_fields"]["issuer"]["n"] >= 59 and rep["doc_fields"]["issuer"]["acc"] >= 0.98


def test_no_notice_is_badly_segmented(report):
    _, gold, pred = report
    by_file = {Path(p["source"]).name: p for p in pred}
    from vntasks.evaluate.score import score as score_docs

    for g in gold:
        one = report_dict(score_docs([g], [by_file[g["file"]]]))
        assert one["tasks"]["f1"] >= 0.8, g["file"]
