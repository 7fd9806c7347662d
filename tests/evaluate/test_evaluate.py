"""``vntasks eval``: the SPEC scoring rules, hand-computed figures, and agreement with the shared scorer."""
from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vntasks.cli import main
from vntasks.evaluate.score import (
    AnchorMatch,
    Counts,
    body_tokens,
    dice,
    field_ok,
    fold,
    match_anchors,
    match_bodies,
    ref_id,
    report_dict,
    score,
    value_counts,
    value_error,
)

ROOT = Path(__file__).resolve().parents[2]

# --------------------------------------------------------------------------------------------
# fold, tokens, ids


@pytest.mark.parametrize("text, expected", [
    ("", ""),
    (None, ""),
    ("  Uỷ ban   Nhân dân  ", "ủy ban nhân dân"),
    ("Hoà Bình, Khoẻ", "hòa bình khỏe"),
    ("THUỶ LỢI", "thủy lợi"),
    (unicodedata.normalize("NFD", "Ủy ban"), "ủy ban"),
    ("Số 12-KH/HU.", "số 12-kh/hu"),
    ("a*b.c,(d);e:f", "a b c d e f"),
    ("x\u00a0y\tz\n", "x y z"),
    ("snake_case 45%", "snake_case 45"),
    ("“Đề nghị” …", "đề nghị"),
])
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("name, expected", [
    ("UBND huyện", {"ủy", "ban", "nhân", "dân", "huyện"}),
    ("Các đồng chí Thường trực Huyện ủy", {"huyện", "ủy"}),
    ("Ban Chỉ đạo (BCĐ) tỉnh", {"ban", "chỉ", "đạo", "tỉnh"}),
    ("Ủy ban MTTQ Việt Nam xã", {"ủy", "ban", "mặt", "trận", "tổ", "quốc", "xã"}),
    ("Phòng Văn hóa - Thông tin", {"phòng", "văn", "hóa", "thông", "tin"}),
    ("LĐLĐ/HNd", {"liên", "đoàn", "lao", "động", "hội", "nông", "dân"}),
    ("Cơ quan của các", set()),
])
def test_body_tokens(name, expected):
    assert body_tokens(name) == frozenset(expected)


@pytest.mark.parametrize("a, b, expected", [
    (set(), set(), 1.0),
    ({"a"}, set(), 0.0),
    ({"a", "b"}, {"a", "b"}, 1.0),
    ({"a", "b", "c"}, {"a", "b", "d"}, 4 / 6),
    ({"a", "b", "c", "d"}, {"a", "b", "c"}, 6 / 7),
])
def test_dice(a, b, expected):
    assert dice(frozenset(a), frozenset(b)) == pytest.approx(expected)


@pytest.mark.parametrize("value, expected", [
    ("25-TB/BCĐ", "25-TB/BCĐ"),
    ("25 – tb/bcđ", "25-TB/BCĐ"),
    ("1329/QĐ\u2212UBND", "1329/QĐ-UBND"),
    (" 30 / 2020 / NĐ-CP ", "30/2020/NĐ-CP"),
    (None, ""),
])
def test_ref_id(value, expected):
    assert ref_id(value) == expected


# --------------------------------------------------------------------------------------------
# matching


@pytest.mark.parametrize("gold, pred, pairs, tp, fp, fn", [
    (["UBND huyện"], ["Ủy ban nhân dân huyện"], [(0, 0)], 1, 0, 0),
    (["Công an huyện"], ["Công an tỉnh"], [], 0, 1, 1),            # Dice 4/6 < 0.75
    (["Ban Dân vận huyện"], ["Ban Dân vận tỉnh"], [(0, 0)], 1, 0, 0),  # Dice 6/8 = 0.75 matches
    (["Ban Tuyên giáo huyện"], ["Ban Dân vận huyện"], [], 0, 1, 1),  # Dice 4/8
    (["Ban Dân vận huyện", "Ban Dân vận tỉnh"], ["Ban Dân vận huyện"], [(0, 0)], 1, 0, 1),
    (["Ban Dân vận tỉnh", "Ban Dân vận huyện"], ["Ban Dân vận huyện"], [(1, 0)], 1, 0, 1),
    # equal scores: taken by decreasing (gold, pred) index, which here matches both
    (["Ban Dân vận huyện", "Ban Dân tỉnh quận"], ["Ban Dân vận tỉnh", "Ban Dân vận xã"], [(0, 1), (1, 0)], 2, 0, 0),
    ([], ["Công an xã"], [], 0, 1, 0),
    (["Công an xã"], [], [], 0, 0, 1),
    (["Công an xã", "Đoàn Thanh niên xã"], ["Đoàn TN xã", "Công an xã"], [(0, 1), (1, 0)], 2, 0, 0),
])
def test_match_bodies(gold, pred, pairs, tp, fp, fn):
    m = match_bodies(gold, pred)
    assert list(m.pairs) == pairs
    assert m.counts == Counts(tp, fp, fn)


TWO_ITEMS = ["1. UBND xã rà soát hộ nghèo.", "2. Công an xã bảo đảm an ninh."]
MERGED = ["UBND xã rà soát hộ nghèo; Công an xã bảo đảm an ninh."]


@pytest.mark.parametrize("anchors, texts, expected", [
    (["UBND xã rà soát", "Công an xã bảo đảm"], TWO_ITEMS, [(0, 0, None), (1, 1, None)]),
    (["Công an xã bảo đảm", "UBND xã rà soát"], TWO_ITEMS, [(0, 1, None), (1, 0, None)]),
    (["UBND xã rà soát", "Công an xã bảo đảm"], MERGED, [(0, 0, None), (1, None, 0)]),  # swallowed
    (["Uỷ ban nhân dân xã chỉ đạo"], ["ỦY BAN NHÂN DÂN XÃ, chỉ đạo..."], [(0, 0, None)]),
    (["tổ chức tập huấn", "tổ chức tập huấn"], ["- Tổ chức tập huấn.", "+ tổ chức tập huấn"],
     [(0, 0, None), (1, 1, None)]),
    (["Phòng Nội vụ tổng hợp"], TWO_ITEMS, [(0, None, None)]),
    ([], TWO_ITEMS, []),
])
def test_match_anchors(anchors, texts, expected):
    assert match_anchors(anchors, texts) == tuple(AnchorMatch(*e) for e in expected)


# --------------------------------------------------------------------------------------------
# arithmetic


@pytest.mark.parametrize("counts, p, r, f1", [
    (Counts(0, 0, 0), 1.0, 1.0, 1.0),
    (Counts(0, 1, 0), 0.0, 1.0, 0.0),
    (Counts(0, 1, 1), 0.0, 0.0, 0.0),
    (Counts(3, 1, 2), 0.75, 0.6, 0.9 / 1.35),
])
def test_counts(counts, p, r, f1):
    assert (counts.p, counts.r) == (pytest.approx(p), pytest.approx(r))
    assert counts.f1 == pytest.approx(f1)


@pytest.mark.parametrize("gold, pred, counts, kind", [
    (None, None, Counts(), ""),
    ("2024-05-31", "2024-05-31", Counts(tp=1), ""),
    ("2024-05-31", None, Counts(fn=1), "missed"),
    (None, "2024-05-31", Counts(fp=1), "extra"),
    ("2024-05-31", "2024-06-30", Counts(fp=1, fn=1), "wrong value"),
])
def test_value_counts(gold, pred, counts, kind):
    assert value_counts(gold, pred) == counts
    assert value_error(gold, pred) == kind


@pytest.mark.parametrize("field, want, got, ok", [
    ("doc_number", "12-TB/HU", "12 - tb/hu", True),
    ("doc_number", None, None, True),
    ("doc_number", None, "", True),
    ("chair_name", "Lê Văn An", "LÊ VĂN AN", True),
    ("province", "Thanh Hoá", "Thanh Hóa", True),
    ("level", "huyện", "Huyện", False),       # not folded
    ("meeting_date", "2024-03-01", None, False),
    # the issuer is a body: token sets, abbreviations expanded, Dice >= 0.75 (as the shared scorer)
    ("issuer", "Ủy ban nhân dân tỉnh Yên Bái", "UBND tỉnh Yên Bái", True),
    ("issuer", "Ủy ban nhân dân tỉnh Yên Bái", "Ủy ban nhân dân tỉnh Lào Cai", False),
    ("issuer", "Huyện ủy Văn Chấn", None, False),
])
def test_field_ok(field, want, got, ok):
    assert field_ok(field, want, got) is ok


GOLD = {
    "file": "a.txt",
    "doc": {"doc_number": "12-TB/HU", "level": "huyện", "chair_name": "Lê Văn An", "province": "?"},
    "references": ["12-KH/HU", "5/QĐ-UBND"],
    "tasks": [
        {"anchor": "UBND huyện rà soát hộ nghèo", "responsible": ["Ủy ban nhân dân huyện"],
         "support": ["Công an huyện"], "deadline": "2024-05-31",
         "period": {"start": "2024-01-01", "end": "2024-12-31"}, "references": ["12-KH/HU"]},
        {"anchor": "Phòng Nội vụ huyện tổng hợp báo cáo", "responsible": ["Phòng Nội vụ huyện"],
         "support": [], "deadline": None, "period": {"start": "2024-01-01", "end": "2024-12-31"},
         "references": []},
        {"anchor": "Trên đây là kết luận", "responsible": "?", "support": "?", "deadline": None,
         "period": None, "references": [], "optional": True},
        {"anchor": "Ban Dân vận Huyện ủy hướng dẫn", "responsible": ["Ban Dân vận Huyện ủy"],
         "support": "?", "deadline": "?", "period": "?", "references": "?"},
    ],
}
PRED = {
    "source": "corpus/a.txt", "doc_number": "12 - TB/HU", "level": "xã", "chair": {"name": "LÊ VĂN AN"},
    "province": "Hà Nội",
    "references": [{"id": "12-KH/HU"}, {"id": "7/QĐ-UBND"}, {"id": None}],
    "tasks": [
        {"text": "1. UBND huyện rà soát hộ nghèo; Phòng Nội vụ huyện tổng hợp báo cáo.",
         "responsible": [{"name": "Ủy ban nhân dân huyện", "role": "lead"},
                         {"name": "Công an tỉnh", "role": "support"}],
         "deadline": {"date": "2024-06-30"},
         "period": {"start": "2024-01-01", "end": "2024-12-31", "inherited": True},
         "references": ["12-KH/HU"]},
        {"text": "Trên đây là kết luận của Thường trực", "responsible": []},
        {"text": "Ban Dân vận Huyện ủy hướng dẫn các chi bộ",
         "responsible": [{"name": "Ban Dân vận Huyện ủy", "role": "lead"}, "Mặt trận Tổ quốc huyện"],
         "period": {"start": "2024-07-01", "end": "2024-12-31", "inherited": False}},
        {"text": "Tổ chức hội nghị sơ kết", "responsible": [], "deadline": None},
    ],
}


def _triples(result: dict) -> dict:
    return {k: (result[k]["tp"], result[k]["fp"], result[k]["fn"])
            for k in ("tasks", "responsible", "support", "deadline", "period", "task_refs", "doc_refs")}


def test_hand_scored_document():
    # gold 1 -> pred 0; gold 2 is inside pred 0 too (swallowed); optional gold 3 takes pred 1 unscored;
    # gold 4 -> pred 2; pred 3 is extra.
    out = report_dict(score([GOLD], [PRED]))
    assert _triples(out) == {
        "tasks": (2, 1, 1),
        "responsible": (2, 1, 1),   # g1 ok; g2 missed; g4 ok + an extra bare-string lead
        "support": (0, 1, 1),       # Công an huyện vs Công an tỉnh: Dice 4/6
        "deadline": (0, 1, 1),      # wrong value; g2 has none; g4 "?"
        "period": (1, 0, 1),        # g1 right; g2 missed with its task; g4 "?"
        "task_refs": (1, 0, 0),
        "doc_refs": (1, 1, 1),      # a null id is not scored
    }
    assert out["tasks"] == {"p": 0.6667, "r": 0.6667, "f1": 0.6667, "tp": 2, "fp": 1, "fn": 1}
    assert out["period"] == {"p": 1.0, "r": 0.5, "f1": 0.6667, "tp": 1, "fp": 0, "fn": 1}
    assert out["support"]["f1"] == 0.0
    assert out["doc_fields"] == {"chair_name": {"acc": 1.0, "ok": 1, "n": 1},
                                 "doc_number": {"acc": 1.0, "ok": 1, "n": 1},
                                 "level": {"acc": 0.0, "ok": 0, "n": 1}}
    assert out["missing_docs"] == [] and out["docs"] == 1
    assert out["confusion"] == {
        "deadline wrong value": 1, "doc field wrong: level": 1, "doc reference extra": 1,
        "doc reference missed": 1, "extra task": 1, "missed task: swallowed by a neighbour": 1,
        "responsible extra (own)": 1, "support wrong (own)": 1}
    assert out["by_level"]["huyện"]["tasks"]["tp"] == 2


def test_missing_document_counts_everything_missed():
    out = report_dict(score([GOLD], [{"source": "b.txt", "tasks": []}]))
    assert out["missing_docs"] == ["a.txt"]
    assert _triples(out) == {"tasks": (0, 0, 3), "responsible": (0, 0, 3), "support": (0, 0, 1),
                             "deadline": (0, 0, 1), "period": (0, 0, 2), "task_refs": (0, 0, 1),
                             "doc_refs": (0, 0, 2)}
    assert {k: v["ok"] for k, v in out["doc_fields"].items()} == {"chair_name": 0, "doc_number": 0, "level": 0}
    assert out["confusion"]["missed task"] == 3


@pytest.mark.parametrize("record", [
    {"doc_id": "a", "tasks": []},
    {"source": "in/a.md", "tasks": []},
    {"file": "a.txt", "tasks": []},
])
def test_prediction_found_by_name_or_stem(record):
    assert score([{"file": "a.txt", "tasks": []}], [record]).missing_docs == []


def test_period_errors_say_inherited_or_own():
    gold = {"file": "a.txt", "tasks": [
        {"anchor": "một", "period": None}, {"anchor": "hai", "period": {"start": "2024-01-01", "end": "2024-03-31"}}]}
    pred = {"file": "a.txt", "tasks": [
        {"text": "một", "period": {"start": "2024-01-01", "end": "2024-12-31", "inherited": True}},
        {"text": "hai", "period": {"start": "2024-04-01", "end": "2024-06-30"}}]}
    out = report_dict(score([gold], [pred]))
    assert out["confusion"] == {"period extra (inherited)": 1, "period wrong value (own)": 1}
    assert _triples(out)["period"] == (0, 2, 1)


# --------------------------------------------------------------------------------------------
# the command


def _write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_json_text_and_folders(tmp_path, capsys):
    gdir = tmp_path / "gold"
    gdir.mkdir()
    _write_jsonl(gdir / "x.jsonl", [GOLD])
    _write_jsonl(gdir / "y.jsonl", [{"file": "b.txt", "tasks": [{"anchor": "hai", "responsible": []}]}])
    out = tmp_path / "out"
    out.mkdir()
    _write_jsonl(out / "documents.jsonl", [PRED, {"source": "b.txt", "tasks": [{"text": "hai ba"}]}])
    assert main(["eval", "--gold", str(gdir), "--pred", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["docs"] == 2 and data["tasks"]["tp"] == 3
    assert main(["eval", "--gold", str(gdir / "x.jsonl"), str(gdir / "y.jsonl"),
                 "--pred", str(out / "documents.jsonl"), "--verbose"]) == 0
    text = capsys.readouterr().out
    assert "errors by document:" in text and "confusion summary" in text and "extra task" in text


@pytest.mark.parametrize("gold, pred, message", [
    ("missing.jsonl", "out", "gold file not found"),
    ("gold.jsonl", "nowhere", "prediction file not found"),
    ("bad.jsonl", "out", "not valid JSON"),
    ("empty_dir", "out", "no *.jsonl"),
])
def test_cli_usage_errors(tmp_path, capsys, gold, pred, message):
    _write_jsonl(tmp_path / "gold.jsonl", [GOLD])
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "out").mkdir()
    _write_jsonl(tmp_path / "out" / "documents.jsonl", [PRED])
    assert main(["eval", "--gold", str(tmp_path / gold), "--pred", str(tmp_path / pred)]) == 2
    assert message in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# agreement with ../shared/eval/score.py


@pytest.fixture(scope="module")
def shared_scorer(shared):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


VIET = st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđAĐ ÒOÀUỶỳýọạẻ.-/*()_,;:\u00a0\u2013\u0300\u0301\u0309"
                                             "ủyỦYoàOÁhòaqúyHUTUubndUBNDbcđ0123456789")), max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=VIET | st.text(max_size=30))
def test_normalisers_agree_with_shared(shared_scorer, text):
    assert fold(text) == shared_scorer.fold(text)
    assert body_tokens(text) == shared_scorer.body_tokens(text)
    assert ref_id(text) == shared_scorer.ref_id(text)


def _agree(shared_scorer, gold: list, documents: Path) -> None:
    pred = [json.loads(x) for x in documents.read_text(encoding="utf-8").splitlines() if x.strip()]
    theirs = shared_scorer.score(gold, pred)
    mine = report_dict(score(gold, pred))
    assert theirs.keys() <= mine.keys()
    for key, value in theirs.items():
        assert mine[key] == value, key


def test_agrees_with_shared_scorer_on_seeds(shared, shared_scorer, tmp_path):
    assert main(["extract", str(shared / "corpus" / "seeds"), "--out", str(tmp_path), "--quiet"]) == 0
    _agree(shared_scorer, shared_scorer.read_jsonl(shared / "gold" / "seeds.jsonl"), tmp_path / "documents.jsonl")


def test_agrees_with_shared_scorer_on_corpus(shared_scorer, tmp_path):
    gold = [r for p in sorted((ROOT / "annotations").glob("*.jsonl")) for r in shared_scorer.read_jsonl(p)]
    if not gold:
        pytest.skip("no annotations")
    main(["extract", str(ROOT / "corpus"), "--out", str(tmp_path), "--quiet"])
    _agree(shared_scorer, gold, tmp_path / "documents.jsonl")


def test_agrees_with_shared_scorer_on_hand_cases(shared_scorer, tmp_path):
    docs = _write_jsonl(tmp_path / "documents.jsonl", [PRED, {"source": "c.txt", "tasks": [{"text": "x"}]}])
    _agree(shared_scorer, [GOLD, {"file": "b.txt", "doc": {"level": "xã"}, "tasks": [{"anchor": "x"}]}], docs)
