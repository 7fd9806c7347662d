"""Learned components (vntasks.learn; scripts.fit and scripts.train): features, safe JSON models, grouped CV,
real-text figures, model cards; the runtime never imports scikit-learn."""
from __future__ import annotations

import hashlib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts import fit
from scripts import train as train_script
from vntasks.learn import model as L
from vntasks.structure.classify import Features

ROOT = Path(__file__).resolve().parents[2]


# --- features ---------------------------------------------------------------------------------

ITEM = Features("item", "directive", False, False, 10, True, 3.0, ("giao",))
ASSESS = Features("para", "assessment", False, False, 30, True, -2.0, ())
INTRO = Features("para", None, True, False, 14, True, 1.0, ())


@pytest.mark.parametrize("feats, text, position, present, values", [
    (ITEM, "Giao Phòng Kinh tế chủ trì rà soát các hồ sơ tồn đọng.", 0.5,
     {"kind=item", "section=directive", "kind_section=item|directive", "cue=giao", "ends_sentence",
      "len_bin=1", "pos_bin=2", "w0=giao"},
     {"rule_pos": 1.0, "bias_rule": 0.6, "cue_score": 0.6}),
    (ASSESS, "Tuy nhiên, công tác tuyên truyền còn hạn chế ở một số nơi.", 0.05,
     {"kind=para", "section=assessment", "pos_bin=0", "len_bin=3"},
     {"rule_pos": 0.0, "bias_rule": -1.0, "cue_score": -0.4}),
    (INTRO, "Thời gian tới, đề nghị các cấp tập trung thực hiện tốt các nhiệm vụ sau:", 0.95,
     {"kind=para", "section=none", "intro", "ends_colon", "pos_bin=4", "len_bin=2"},
     {"rule_pos": 0.0, "bias_rule": -0.2}),
])
def test_task_feature_dict(feats, text, position, present, values):
    d = L.task_feature_dict(feats, text, position)
    assert present <= set(d)
    for k, v in values.items():
        assert d[k] == pytest.approx(v)
    assert "closing" not in d


@pytest.mark.parametrize("text, expected", [
    ("Khẩn trương rà soát hồ sơ", ("khẩn_trương", "rà_soát", "hồ_sơ")),
    ("Trước ngày 15 tháng 4", ("trước", "ngày", "<num>", "tháng", "<num>")),
    ("", ()),
])
def test_head_words(text, expected):
    assert L.head_words(text) == expected


def test_head_words_reads_only_the_head():
    words = L.head_words("một " * 40)
    assert len(words) <= L.HEAD_SYLLABLES


@pytest.mark.parametrize("name, present, absent", [
    ("Sở Y tế", {" s", "sở ", " sở ", " y", "y ", " y ", "tế ", "w0=sở", "w1=y"}, {" y t", "w2=tế"}),
    ("UỶ BAN", {"ủy", " ủy ", "w0=ủy", "w1=ban"}, {"uỷ"}),  # folded: modern tones, lower case
])
def test_name_ngrams(name, present, absent):
    grams = set(L.name_ngrams(name))
    assert present <= grams
    assert not (absent & grams)


def test_tfidf_is_unit_length_and_ignores_unknown_grams():
    vocab = {"a": 0, "b": 1}
    v = L.tfidf(["a", "a", "b", "zz"], vocab, [1.0, 2.0])
    assert set(v) == {0, 1}
    assert math.sqrt(sum(x * x for x in v.values())) == pytest.approx(1.0)
    assert v[0] / v[1] == pytest.approx((1 + math.log(2)) / 2.0)
    assert L.tfidf(["zz"], vocab, [1.0, 2.0]) == {}


# --- labels -----------------------------------------------------------------------------------


def _row(text: str) -> L.UnitRow:
    return L.UnitRow("d", 0, text, ITEM, 0.0)


def test_label_rows():
    rows = [_row("1. Ủy ban nhân dân xã rà soát các tiêu chí, báo cáo."),
            _row("Để chủ động ứng phó, yêu cầu các thôn triển khai ngay:"),
            _row("Đánh giá chung, kết quả đạt khá."),
            _row("Công an xã bảo đảm an ninh trật tự.")]
    tasks = [{"anchor": "Uỷ ban nhân dân xã rà soát các tiêu chí"},  # old tone placement still matches
             {"anchor": "Để chủ động ứng phó, yêu cầu các thôn", "optional": True},
             {"anchor": "Công an xã bảo đảm an ninh trật tự"},
             {"anchor": "Trạm Y tế xã theo dõi tình hình dịch bệnh"}]
    labels, unreachable = L.label_rows(rows, tasks)
    assert labels == [1, None, 0, 1]
    assert unreachable == 1


# --- grouped CV -------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g"]), min_size=4, max_size=60)
       .filter(lambda g: len(set(g)) >= 2))
def test_group_folds_never_split_a_document(groups):
    folds = fit.group_folds(groups)
    assert 2 <= len(folds) <= fit.N_FOLDS
    tested = []
    for train, test in folds:
        assert {groups[i] for i in train}.isdisjoint({groups[i] for i in test})
        assert sorted(train + test) == list(range(len(groups)))
        tested += test
    assert sorted(tested) == list(range(len(groups)))  # every example is tested exactly once


# --- safe JSON models -------------------------------------------------------------------------

TASK_DICTS = [{"kind=item": 1.0, "cue=giao": 1.0, "bias_rule": 0.6}, {"kind=para": 1.0, "bias_rule": -1.0},
              {"kind=item": 1.0, "bias_rule": 0.4}, {"kind=para": 1.0, "cue=giao": 1.0, "bias_rule": -0.2},
              {"kind=item": 1.0, "bias_rule": 0.2, "rare": 1.0}, {"kind=para": 1.0, "bias_rule": -0.8}]
TASK_Y = [1, 0, 1, 0, 1, 0]
TASK_DOCS = ["x", "x", "y", "y", "z", "z"]


def test_task_model_round_trip_equals_fitted_estimator():
    vec, clf = fit.fit_task_estimator(TASK_DICTS, TASK_Y, TASK_DOCS)
    model = fit.task_model_from_params(fit.fit_task(TASK_DICTS, TASK_Y, TASK_DOCS))
    fitted = clf.decision_function(vec.transform(TASK_DICTS))
    for d, f in zip(TASK_DICTS, fitted, strict=True):
        assert model.score(d) == pytest.approx(float(f), abs=1e-4)
    assert "rare" not in model.weights  # seen in one training document only


BODY_NAMES = ["Công an huyện", "Công an xã", "Ủy ban nhân dân huyện", "Ủy ban nhân dân xã",
              "Đảng ủy xã", "Huyện ủy", "Sở Y tế", "Công an tỉnh"]
BODY_Y = ["security", "security", "state", "state", "party", "party", "state", "security"]


@pytest.mark.parametrize("names, labels", [(BODY_NAMES, BODY_Y),
                                           (BODY_NAMES[:4], BODY_Y[:4])])  # binary case too
def test_body_model_round_trip_equals_fitted_estimator(names, labels):
    vec, clf = fit.fit_body_estimator(names, labels)
    text = L.model_json("body", fit.fit_body(names, labels), {"default": True})
    model = L.parse_model(text, "body")
    probe = [*names, "Công an thị trấn", "Ban Tuyên giáo Huyện ủy"]
    assert [model.predict(n) for n in probe] == list(clf.predict(vec.transform(probe)))


def _task_file(**meta) -> str:
    return L.model_json("task", fit.fit_task(TASK_DICTS, TASK_Y, TASK_DOCS), {"default": True, **meta})


def _tamper_coef(text: str) -> str:
    doc = json.loads(text)
    doc["params"]["coef"][0] += 1.0
    return json.dumps(doc)


def _set(key, value):
    def f(text: str) -> str:
        doc = json.loads(text)
        doc[key] = value
        return json.dumps(doc)
    return f


def _set_meta(key, value):
    def f(text: str) -> str:
        doc = json.loads(text)
        doc["meta"][key] = value
        return json.dumps(doc)
    return f


@pytest.mark.parametrize("mutate, message", [
    (_tamper_coef, "digest"),
    (_set("feature_version", "vntasks-learn/0"), "feature version"),
    (_set("schema", "pickle"), "schema"),
    (_set("kind", "body"), "kind"),
    (_set_meta("default", "yes"), "default"),
    (_set_meta("mode", "other"), "mode"),
    (lambda t: t[:-20], "JSON"),
    (lambda t: "[]", "schema"),
])
def test_tampered_or_unknown_model_is_refused(mutate, message):
    L.parse_model(_task_file(), "task")  # the untouched file loads
    with pytest.raises(L.ModelError, match=message):
        L.parse_model(mutate(_task_file()), "task")


def test_model_json_is_deterministic():
    assert _task_file() == _task_file()


def test_disabled_model_returns_none(monkeypatch):
    model = L.parse_model(L.model_json("body", fit.fit_body(BODY_NAMES, BODY_Y), {"default": False}), "body")
    monkeypatch.setattr(L, "load_body_model", lambda: model)
    assert L.learned_body_type("Công an huyện") is None
    assert L.learned_body_type("Công an huyện", force=True) == "security"


def test_fallback_mode_keeps_the_rules_unless_other(monkeypatch):
    from vntasks.extractors.bodies import body_type_of

    model = fit.body_model_from_params(fit.fit_body(BODY_NAMES, BODY_Y), mode="fallback")
    monkeypatch.setattr(L, "load_body_model", lambda: model)
    for name in ["Ủy ban nhân dân tỉnh", "Công an huyện", "Ban Dân vận Huyện ủy"]:
        rule = body_type_of(name)
        if rule != "other":
            assert L.learned_body_type(name) == rule


def test_package_models_load_when_trained():
    if L._package_model_text(L.TASK_MODEL) is None or L._package_model_text(L.BODY_MODEL) is None:
        pytest.skip("models not trained (make train)")
    task = L.load_task_model()
    body = L.load_body_model()
    s = L.learned_task_score(ITEM, "Giao Phòng Kinh tế chủ trì rà soát các hồ sơ tồn đọng.", 0.5, force=True)
    assert isinstance(s, float) and s > 0
    if not task.default:
        assert L.learned_task_score(ITEM, "Giao Phòng Kinh tế chủ trì.", 0.5) is None
    assert body.body_type("Công an huyện") == "security"
    assert body.body_type("Ủy ban nhân dân tỉnh") == "state"


# --- training end to end on a tiny synthetic set ------------------------------------------------

NOTICE = """ỦY BAN NHÂN DÂN XÃ {place}
Số: {n}/TB-UBND

THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp về công tác {topic}

Ngày 02/3/2024, Ủy ban nhân dân xã {place} tổ chức cuộc họp. Sau khi nghe báo cáo, Chủ tịch kết luận như sau:

I. ĐÁNH GIÁ CHUNG
Trong thời gian qua, công tác {topic} đạt một số kết quả nhất định.

II. NHIỆM VỤ THỜI GIAN TỚI
1. Công an xã {place} tăng cường tuần tra, bảo đảm an ninh trật tự trên địa bàn.
2. Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động nhân dân tham gia công tác {topic}.
3. Văn phòng Đảng ủy xã theo dõi, tổng hợp kết quả thực hiện, báo cáo định kỳ.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def _notices(corpus: Path, gold: Path, places: list[tuple[str, str]], prefix: str = "xa") -> None:
    """One notice per (place, topic) into ``corpus``, and their gold lines into ``gold``."""
    corpus.mkdir(parents=True)
    gold.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for k, (place, topic) in enumerate(places):
        name = f"{prefix}_{k}.txt"
        (corpus / name).write_text(NOTICE.format(place=place, n=10 + k, topic=topic), encoding="utf-8")
        lines.append(json.dumps({"file": name, "doc": {}, "references": [], "tasks": [
            {"anchor": f"Công an xã {place} tăng cường tuần tra", "responsible": [f"Công an xã {place}"], "support": []},
            {"anchor": "Ủy ban Mặt trận Tổ quốc Việt Nam xã vận động nhân dân",
             "responsible": ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"], "support": []},
            {"anchor": "Văn phòng Đảng ủy xã theo dõi, tổng hợp kết quả",
             "responsible": ["Văn phòng Đảng ủy xã"], "support": []}]}, ensure_ascii=False))
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _tiny_set(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus, ann = tmp_path / "corpus", tmp_path / "annotations"
    _notices(corpus, ann / "gold.jsonl", [("An Phú", "phòng chống thiên tai"), ("Bình Minh", "chuyển đổi số"),
                                          ("Cẩm Sơn", "vệ sinh môi trường"), ("Đông Hòa", "an toàn giao thông")])
    labels = tmp_path / "labels.tsv"
    rows = ["name\tbody_type", "Ủy ban Mặt trận Tổ quốc Việt Nam xã\tfront", "Văn phòng Đảng ủy xã\tparty"]
    rows += [f"Công an xã {p}\tsecurity" for p in ("An Phú", "Bình Minh", "Cẩm Sơn", "Đông Hòa")]
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus, ann, labels


def test_train_end_to_end_is_reproducible(tmp_path):
    corpus, ann, labels = _tiny_set(tmp_path)
    outs = []
    for run in ("one", "two"):
        out, pkg = tmp_path / run, tmp_path / f"pkg_{run}"
        assert train_script.main(["--annotations", str(ann), "--corpus", str(corpus), "--out", str(out),
                                  "--body-labels", str(labels), "--package-dir", str(pkg), "--no-real"]) == 0
        # each file written once: the cards to --out, the models to --package-dir
        assert sorted(p.name for p in out.iterdir()) == ["body_type.md", "task_classifier.md"]
        assert sorted(p.name for p in pkg.iterdir()) == ["body_type.json", "task_classifier.json"]
        outs.append({p.name: p.read_bytes() for d in (out, pkg) for p in d.iterdir()})
        for name in ("task_classifier", "body_type"):  # each card names its model file and its sha256
            card = outs[-1][f"{name}.md"].decode()
            digest = hashlib.sha256(outs[-1][f"{name}.json"]).hexdigest()
            assert f"Model file: `{(pkg / name).as_posix()}.json`, sha256 `{digest}`" in card
    assert outs[0].keys() == outs[1].keys()
    assert {n: b for n, b in outs[0].items() if n.endswith(".json")} == \
        {n: b for n, b in outs[1].items() if n.endswith(".json")}  # byte-identical second run
    for name in ("task_classifier.md", "body_type.md"):  # the same but for the folder they name
        assert outs[0][name].replace(b"pkg_one", b"pkg_two") == outs[1][name]
    task = json.loads(outs[0]["task_classifier.json"])
    assert len(task["meta"]["data_sha256"]) == 64
    assert task["meta"]["n_docs"] == 4
    assert [f["docs"] for f in task["meta"]["cv"]["folds"]] == [1, 1, 1, 1]
    L.parse_model(outs[0]["task_classifier.json"].decode(), "task")
    L.parse_model(outs[0]["body_type.json"].decode(), "body")
    card = outs[0]["task_classifier.md"].decode()
    assert "Used by default:" in card and "GroupKFold(4)" in card
    assert task["meta"]["real"] is None
    for name in ("task_classifier.md", "body_type.md"):  # no real documents: the card says so
        assert "## Real text\n\nNo real documents" in outs[0][name].decode()


REAL_PLACES = [("Tân Lập", "cấp nước sạch"), ("Hòa Bình", "phòng cháy chữa cháy")]


def test_train_tests_on_real_documents_without_copying_them(tmp_path):
    """--real DIR: the real sets (gold/SET.jsonl, corpus/SET/) are scored, never trained on; the cards
    give their figures in a Real text section, and neither cards nor models hold their text."""
    corpus, ann, labels = _tiny_set(tmp_path)
    real = tmp_path / "real"
    _notices(real / "corpus" / "dev", real / "gold" / "dev.jsonl", REAL_PLACES, prefix="that")
    (real / "gold" / "orphan.jsonl").write_text("", encoding="utf-8")  # no corpus/orphan/: not a set
    args = ["--annotations", str(ann), "--corpus", str(corpus), "--body-labels", str(labels)]
    runs = {}
    for run, extra in (("real", ["--real", str(real)]), ("none", ["--no-real"])):
        out, pkg = tmp_path / f"out_{run}", tmp_path / f"pkg_{run}"
        assert train_script.main([*args, "--out", str(out), "--package-dir", str(pkg), *extra]) == 0
        runs[run] = {p.name: p.read_text(encoding="utf-8") for d in (out, pkg) for p in d.iterdir()}
    got, none = runs["real"], runs["none"]
    task = json.loads(got["task_classifier.json"])
    # the shipped parameters are fitted on the annotations only: the same with or without real documents
    assert task["params"] == json.loads(none["task_classifier.json"])["params"]
    assert json.loads(got["body_type.json"])["params"] == json.loads(none["body_type.json"])["params"]
    figures = task["meta"]["real"]
    assert figures["sets"] == {"dev": 2}
    shipped, joint = figures["task"]["held_out"], figures["task"]["cv"]
    assert set(shipped) == set(joint) == {"dev", "all"}
    assert shipped["all"]["docs"] == 2 and shipped["all"]["positive"] == 6  # three tasks per notice
    assert task["meta"]["default"] == fit.task_default_real(figures["task"])
    assert "| shipped | dev | 2 |" in got["task_classifier.md"] and "| joint CV | all | 2 |" in got["task_classifier.md"]
    body = json.loads(got["body_type.json"])["meta"]["real"]["body"]
    # of the real names only the two the labels cover are scored (per document), both seen in training
    assert (body["names"], body["distinct"], body["unlabelled"], body["seen"]) == (4, 2, 2, 2)
    assert "| shipped | all | 4 | fallback |" in got["body_type.md"]
    for place, topic in REAL_PLACES:
        for text in got.values():
            assert place not in text and topic not in text


@pytest.mark.parametrize("shipped, joint, on", [
    ((0.80, 0.70), (0.80, 0.70), True),
    ((0.71, 0.70), (0.80, 0.70), True),  # the margin, just
    ((0.705, 0.70), (0.80, 0.70), False),  # under the margin as shipped
    ((0.80, 0.70), (0.70, 0.70), False),  # no gain out-of-fold
    ((0.70, 0.80), (0.90, 0.80), False),
])
def test_task_decision_on_real_text(shipped, joint, on):
    def rows(m, r):
        return {fit.ALL_REAL: {"model": {"f1": m}, "rules": {"f1": r}}}
    assert fit.task_default_real({"held_out": rows(*shipped), "cv": rows(*joint)}) is on


@pytest.mark.parametrize("mode, model, fallback, rules, on", [
    ("fallback", (0.90, 0.80), (1.00, 0.90), (0.97, 0.90), True),
    ("fallback", (0.90, 0.80), (1.00, 0.85), (0.97, 0.90), False),  # macro-F1 falls
    ("fallback", (0.99, 0.95), (0.975, 0.90), (0.97, 0.90), False),  # accuracy gain under the margin
    ("replace", (0.99, 0.95), (0.975, 0.90), (0.97, 0.90), True),  # the mode's predictor decides
])
def test_body_decision_on_real_text(mode, model, fallback, rules, on):
    row = {w: {"accuracy": a, "macro_f1": f} for w, (a, f) in
           (("model", model), ("fallback", fallback), ("rules", rules))}
    assert fit.body_default_real({"held_out": {fit.ALL_REAL: row}, "cv": {fit.ALL_REAL: row}}, mode) is on


def test_variants_are_skipped():
    recs = [{"file": "a_b.txt"}, {"file": "a_b-vni.txt"}, {"file": "a_b-docx.docx"}, {"file": "c-d.txt"}]
    keep, variants = train_script.split_variants(recs)
    assert [r["file"] for r in keep] == ["a_b.txt", "c-d.txt"]
    assert variants == ["a_b-docx.docx", "a_b-vni.txt"]


# --- the package's models and their cards ---------------------------------------------------------

#: The line of a model card naming its model file (relative to the repository) and the file's sha256.
CARD_FILE = re.compile(r"^Model file: `(?P<path>[^`]+)`, sha256 `(?P<sha256>[0-9a-f]{64})`$", re.M)
CARDS = sorted((ROOT / "models").glob("*.md"))
PACKAGED = sorted((ROOT / "pipeline" / "data" / "models").glob("*.json"))


@pytest.mark.parametrize("card", CARDS, ids=lambda p: p.name)
def test_card_names_the_packaged_model_and_its_sha256(card):
    found = CARD_FILE.findall(card.read_text(encoding="utf-8"))
    assert len(found) == 1, "a card names exactly one model file"
    path, digest = found[0]
    assert path == f"pipeline/data/models/{card.stem}.json"
    assert hashlib.sha256((ROOT / path).read_bytes()).hexdigest() == digest


def test_every_model_is_stored_once_with_a_card():
    assert [p.stem for p in PACKAGED] == [p.stem for p in CARDS] == ["body_type", "task_classifier"]
    assert not list((ROOT / "models").glob("*.json"))  # no second copy beside the cards


# --- the runtime never imports scikit-learn -------------------------------------------------------

NO_SKLEARN = """
import importlib, pkgutil, sys
import vntasks
from vntasks.learn import model as L
names = [m.name for m in pkgutil.walk_packages(vntasks.__path__, "vntasks.") if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
from vntasks.structure.classify import Features
L.learned_task_score(Features("item", "directive", False, False, 10, True, 3.0, ("giao",)), "Giao So Y te.", 0.5,
                     force=True)
L.learned_body_type("Công an huyện", force=True)
print(len(names), sorted(m for m in sys.modules if m.split(".")[0] == "sklearn"))
"""


def test_no_vntasks_module_imports_sklearn():
    """Every module of the package imported, and both models loaded and scored, in a fresh process:
    scikit-learn (only in the training scripts, the ``train`` extra) is never loaded."""
    p = subprocess.run([sys.executable, "-c", NO_SKLEARN], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    n, loaded = p.stdout.split(" ", 1)
    assert int(n) > 50 and loaded.strip() == "[]"


def test_sklearn_is_a_training_extra_only():
    import tomllib

    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert not [d for d in conf["dependencies"] if d.startswith("scikit-learn")]
    for extra in ("train", "dev"):  # `make train`; `make test` fits small models too
        assert [d for d in conf["optional-dependencies"][extra] if d.startswith("scikit-learn")]
