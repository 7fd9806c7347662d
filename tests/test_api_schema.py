"""schema/vntasks-1.json: the JSON Schema of a documents.jsonl record. Every record that
`vntasks extract` writes for corpus/ (and for failed inputs, and a text given to the API)
validates; records that break the SPEC do not."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

import vntasks
from vntasks.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "vntasks-1.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def corpus_records(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("schema") / "out"
    assert main(["extract", str(ROOT / "corpus"), "--out", str(out), "--quiet", "--no-cache"]) == 0
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(x) for x in lines]


def errors_of(validator, record) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(record)]


def test_every_corpus_record_validates(validator, corpus_records):
    assert len(corpus_records) >= 40
    assert sum(len(r["tasks"]) for r in corpus_records) > 200
    for rec in corpus_records:
        assert errors_of(validator, rec) == [], rec["doc_id"]


def test_failed_and_text_records_validate(validator, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    docs = list(vntasks.extract_corpus([bad, "Giao Sở Y tế chủ trì xây dựng kế hoạch trong quý III/2025."]))
    assert [d.status for d in docs] == ["failed", "ok"]
    for d in docs:
        assert errors_of(validator, json.loads(json.dumps(d.to_dict()))) == []


# (what is broken, how) -> the record no longer validates
BROKEN = [
    ("a date not ISO", lambda r: r.update(issue_date="15/03/2025")),
    ("a month 13", lambda r: r.update(meeting_date="2025-13-01")),
    ("an unknown status", lambda r: r.update(status="done")),
    ("an unknown level", lambda r: r.update(level="thôn")),
    ("a field missing", lambda r: r.pop("tasks")),
    ("a field added", lambda r: r.update(extra=1)),
    ("another schema", lambda r: r.update(schema="vntasks/2")),
    ("a role", lambda r: r["tasks"][0]["responsible"][0].update(role="owner")),
    ("a negative offset", lambda r: r["tasks"][0].update(start=-1)),
    ("a deadline without a date", lambda r: r["tasks"][0].update(deadline={"text": "x", "start": 0, "end": 1})),
    ("a reference without text", lambda r: r["references"][0].pop("text")),
]


@pytest.mark.parametrize("what, breaks", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_record_does_not_validate(validator, corpus_records, what, breaks):
    rec = copy.deepcopy(next(r for r in corpus_records if r["tasks"] and r["tasks"][0]["responsible"]
                             and r["references"]))
    assert errors_of(validator, rec) == []
    breaks(rec)
    assert errors_of(validator, rec), what
