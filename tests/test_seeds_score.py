"""The seeds through the shared scorer: the figures the structure and entities issues promise."""
from __future__ import annotations

import importlib.util
import json

import pytest
from vntasks.cli import main


@pytest.fixture(scope="module")
def scored(shared, tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    assert main(["extract", str(shared / "corpus" / "seeds"), "--out", str(out), "--quiet"]) == 0
    spec = importlib.util.spec_from_file_location("score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = mod.read_jsonl(shared / "gold" / "seeds.jsonl")
    pred = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return mod.score(gold, pred)


def test_tasks_and_document_fields(scored):
    assert scored["tasks"]["f1"] >= 0.95
    for field, row in scored["doc_fields"].items():
        assert row["acc"] >= 0.95, field


def test_entities(scored):
    assert scored["responsible"]["f1"] >= 0.90
    assert scored["support"]["f1"] == 1.0
    assert scored["deadline"]["f1"] == 1.0
    assert scored["period"]["f1"] >= 0.95
    assert scored["task_refs"]["f1"] == 1.0
    assert scored["doc_refs"]["f1"] == 1.0
