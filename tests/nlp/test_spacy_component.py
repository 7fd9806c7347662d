"""The spaCy component: ``nlp.add_pipe("vntasks")`` on a blank Vietnamese pipeline, offline.

Its spans are the extraction's offsets mapped to tokens; checked on composed notices (a table
of expected spans) and on every seed notice against ``vntasks.extract_text``."""
from __future__ import annotations

import json
import re
from importlib import import_module
from pathlib import Path

import pytest
import spacy
import tomllib
from spacy.tokens import DocBin

import vntasks
import vntasks.nlp as vnlp

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def nlp():
    nlp = vnlp.blank()
    nlp.add_pipe("vntasks")
    return nlp


NOTICE = ("UBND HUYỆN KỲ SƠN\nSố: 45/TB-UBND\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND huyện tại buổi làm việc ngày 04/6/2025\n\n"
          "1. Giao Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Nội vụ rà soát các dự án đầu tư công, "
          "hoàn thành trước ngày 30/6/2025.\n"
          "2. Công an huyện tăng cường tuần tra trong quý III/2025 theo Kế hoạch số 12-KH/UBND ngày 02/3/2025.\n")

# (group, [(span text, label, span._.value, span._.task)]) for NOTICE
EXPECTED = [
    ("bodies", [("Phòng Tài chính - Kế hoạch", "lead", "Phòng Tài chính - Kế hoạch", "t1"),
                ("Phòng Nội vụ", "support", "Phòng Nội vụ", "t1"),
                ("Công an huyện", "lead", "Công an huyện", "t2")]),
    ("deadlines", [("trước ngày 30/6/2025", "DEADLINE", "2025-06-30", "t1")]),
    ("periods", [("trong quý III/2025", "PERIOD", "2025-07-01/2025-09-30", "t2")]),
    ("references", [("Kế hoạch số 12-KH/UBND ngày 02/3/2025", "REFERENCE", "12-KH/UBND", "t2")]),
]


@pytest.mark.parametrize("key, expected", EXPECTED)
def test_span_groups_of_a_composed_notice(nlp, key, expected):
    doc = nlp(NOTICE)
    assert [(s.text, s.label_, s._.value, s._.task) for s in doc.spans[key]] == expected


def test_tasks_and_the_document_record(nlp):
    doc = nlp(NOTICE)
    tasks = doc.spans["tasks"]
    assert [(s._.value, s.label_) for s in tasks] == [("t1", "TASK"), ("t2", "TASK")]
    assert tasks[0].text.startswith("Giao Phòng Tài chính") and tasks[0].text.endswith("30/6/2025.")
    rec = doc._.vntasks
    assert rec["schema"] == "vntasks/1" and rec["doc_number"] == "45/TB-UBND"
    assert rec["meeting_date"] == "2025-06-04" and rec["tasks"][1]["period"]["start"] == "2025-07-01"


def test_no_text_gives_empty_groups(nlp):
    doc = nlp("   ")
    assert all(len(doc.spans[k]) == 0 for k in vnlp.SPAN_KEYS) and doc._.vntasks is None


def test_spans_survive_docbin(nlp):
    doc = nlp(NOTICE)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert [(s.text, s._.value, s._.task) for s in back.spans["bodies"]] == \
        [(s.text, s._.value, s._.task) for s in doc.spans["bodies"]]
    assert json.loads(json.dumps(back._.vntasks)) == doc._.vntasks  # msgpack gives tuples for lists


def test_spacys_own_vietnamese_tokenizer_without_pyvi(nlp):
    """Without pyvi spaCy's tokenizer splits at spaces only: a span then takes the punctuation
    stuck to its last word (alignment "expand")."""
    plain = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    plain.add_pipe("vntasks")
    doc = plain(NOTICE)
    assert [s.text for s in doc.spans["deadlines"]] == ["trước ngày 30/6/2025."]
    assert [s.text for s in doc.spans["bodies"]] == ["Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Công an huyện"]
    assert [t.text for t in nlp("chủ trì, phối hợp")] == ["chủ", "trì", ",", "phối", "hợp"]


def test_the_seeds_agree_with_the_api(nlp, shared):
    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    assert seeds
    n_bodies = 0
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        doc, rec = nlp(text), vntasks.extract_text(text)
        assert doc._.vntasks == rec.to_dict()
        assert [s._.value for s in doc.spans["tasks"]] == [t.task_id for t in rec.tasks]
        for span, task in zip(doc.spans["tasks"], rec.tasks, strict=True):
            assert span.start_char <= task.start and task.end <= span.end_char
            assert text[task.start:task.end].strip() in span.text
        own = [(b.text, b.role, b.name, t.task_id) for t in rec.tasks for b in t.responsible if not b.inherited]
        bodies = [(s.text, s.label_, s._.value, s._.task) for s in doc.spans["bodies"]]
        assert bodies == list(dict.fromkeys(own))  # every body mention, exactly on its words
        n_bodies += len(bodies)
        deadlines = [(s.text, s._.value) for s in doc.spans["deadlines"]]
        assert deadlines == list(dict.fromkeys((t.deadline.text, t.deadline.date.isoformat())
                                               for t in rec.tasks if t.deadline))
        assert [s._.value for s in doc.spans["references"]] == [r.id for r in rec.references]
    assert n_bodies >= len(seeds)


def test_displacy_span_view_shows_the_tasks(nlp):
    doc = nlp(NOTICE)
    html = vnlp.render(doc, "tasks")
    assert html.lstrip().lower().startswith("<!doctype html>") or "<html" in html
    assert len(re.findall(r">\s*TASK\s*<", html)) == 2  # one label per task span
    tokens = [t.text for s in doc.spans["tasks"] for t in s]
    assert tokens[0] == "Giao" and all(t in html for t in tokens)
    mixed = vnlp.render(doc, keys=("bodies", "deadlines", "periods"), page=False)
    for label in ("lead", "support", "DEADLINE", "PERIOD"):
        assert label in mixed
    assert "vntasks-view" not in doc.spans  # the combined view is not left on the Doc


def test_entry_points_name_the_registered_objects():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    eps = conf["project"]["entry-points"]
    mod, _, attr = eps["spacy_factories"]["vntasks"].partition(":")
    assert getattr(import_module(mod), attr) is vnlp.make_vntasks
    mod, _, attr = eps["spacy_tokenizers"]["vntasks.vi_tokenizer"].partition(":")
    assert getattr(import_module(mod), attr) is spacy.registry.tokenizers.get("vntasks.vi_tokenizer")
