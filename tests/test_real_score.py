"""Real notices through the shared scorer (../shared/eval/score.py): the seeds and the real
development set. Each figure is held at, or just below, what the pipeline reaches now, so a
change that loses accuracy on real text fails here. Skipped where ../shared is absent."""
from __future__ import annotations

import importlib.util
import json

import pytest

from vntasks.cli import main

#: Floors per set: F1 for the entity measures, accuracy for each document field ("doc_fields":
#: every field scored). Raise them when the pipeline improves; never lower them silently.
FLOORS = {
    "seeds": {"tasks": 1.0, "responsible": 1.0, "support": 1.0, "deadline": 1.0, "period": 1.0,
              "task_refs": 1.0, "doc_refs": 1.0, "doc_fields": 1.0},
    "dev": {"tasks": 0.968, "responsible": 0.97, "support": 0.947, "deadline": 0.995, "period": 0.975,
            "task_refs": 0.99, "doc_refs": 0.995, "doc_fields": 1.0},
}


def _scorer(shared):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, shared, tmp_path_factory):
    name = request.param
    corpus, gold = shared / "corpus" / name, shared / "gold" / f"{name}.jsonl"
    if not corpus.is_dir() or not gold.is_file():
        pytest.skip(f"../shared has no {name} set")
    out = tmp_path_factory.mktemp(name)
    assert main(["extract", str(corpus), "--out", str(out), "--quiet", "--no-cache"]) == 0
    mod = _scorer(shared)
    pred = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return name, mod.score(mod.read_jsonl(gold), pred)


def test_entity_figures_hold(scored):
    name, result = scored
    low = {m: round(result[m]["f1"], 3) for m in FLOORS[name] if m != "doc_fields"
           if result[m]["f1"] < FLOORS[name][m]}
    assert not low, f"{name}: below the floor: {low}"


def test_document_fields_hold(scored):
    name, result = scored
    low = {f: row["acc"] for f, row in result["doc_fields"].items() if row["acc"] < FLOORS[name]["doc_fields"]}
    assert not low, f"{name}: document fields below the floor: {low}"
