"""``make train``: fit the learned components from annotations/ and corpus/, compare them with the
rules by cross-validation grouped by document and on real documents, and write the models and
their cards.

    python -m scripts.train --annotations annotations --corpus corpus --out models

Annotations (``*.jsonl``), body-type labels (``annotations/body_types.tsv``, or ``--body-labels``)
and corpus texts in; and, when present, real notices with gold (``--real DIR``, default
``../shared`` beside the repository: ``DIR/gold/SET.jsonl`` with ``DIR/corpus/SET/``), used to
test the models and to decide whether each is used by default, never to fit them. Out, each written once: the models ``task_classifier.json`` and
``body_type.json`` (safe JSON parameters, no pickle) in the package (``pipeline/data/models/``,
or ``--package-dir``), where the pipeline loads them from, and their cards
``OUT/task_classifier.md`` and ``OUT/body_type.md``, each naming its model file and that file's
sha256, and the figures on real documents (no real text). Deterministic: sorted inputs, fixed
seeds, rounded weights, no timestamps; a second run on the same inputs gives byte-identical files.
Fitting and cross-validation: :mod:`scripts.fit` (the only user of scikit-learn).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts import fit as F
from scripts.fit import MARGIN, BodyData, TaskData
from vntasks.extractors.bodies import BODY_TYPES
from vntasks.ingest.load import load_path
from vntasks.learn import model as L

ROOT = Path(__file__).resolve().parent.parent
#: Where the package loads its models from (importlib.resources), and where they are written.
PACKAGE_MODELS = ROOT / "pipeline" / "data" / "models"
COMMAND = "python -m scripts.train --annotations annotations --corpus corpus --out models"
#: The real notices with gold, when present beside the repository (the shared evaluation sets).
DEFAULT_REAL = ROOT.parent / "shared"


# ---------------------------------------------------------------------------------------------
# inputs


def read_annotations(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append((path, json.loads(line)))
    out.sort(key=lambda pr: pr[1]["file"])
    return out


def read_body_labels(path: Path) -> dict[str, str]:
    labels: dict[str, str] = {}
    header = True
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if header:
            if cells[:2] != ["name", "body_type"]:
                raise SystemExit(f"{path}:{n}: header must be name<TAB>body_type")
            header = False
            continue
        if len(cells) != 2 or cells[1] not in BODY_TYPES:
            raise SystemExit(f"{path}:{n}: bad row {raw!r}")
        labels[L.fold_name(cells[0])] = cells[1]
    return labels


def split_variants(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """Records without the format/encoding variants of another annotated document ("x-vni.txt",
    "x-docx.docx" beside "x.txt"): a variant repeats its original's units and names, so keeping it
    would weight that document twice and leak it across cross-validation folds."""
    stems = {Path(r["file"]).stem for r in records}
    keep, variants = [], []
    for r in records:
        stem = Path(r["file"]).stem
        base = stem.rsplit("-", 1)[0] if "-" in stem else None
        if base and base in stems and base != stem:
            variants.append(r["file"])
        else:
            keep.append(r)
    return keep, sorted(variants)


def find_corpus_file(corpus: Path, name: str) -> Path | None:
    direct = corpus / name
    if direct.is_file():
        return direct
    found = sorted(p for p in corpus.rglob(name) if p.is_file())
    return found[0] if found else None


@dataclass
class RealSet:
    """One set of real notices (``DIR/gold/NAME.jsonl`` and ``DIR/corpus/NAME/``); each record's
    file is renamed ``NAME/FILE``, so that a document is its own group across sets."""

    name: str
    records: list[dict[str, Any]]
    texts: dict[str, str]
    files: list[tuple[str, Path]]


def read_real(folder: Path) -> list[RealSet]:
    """Every set of ``folder`` with both a gold file and a corpus folder, in name order."""
    sets = []
    for gold in sorted((folder / "gold").glob("*.jsonl")):
        corpus = folder / "corpus" / gold.stem
        if not corpus.is_dir():
            continue
        rs = RealSet(gold.stem, [], {}, [(f"gold/{gold.name}", gold)])
        for line in gold.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            path = find_corpus_file(corpus, rec["file"])
            if path is None:
                raise SystemExit(f"{gold}: {rec['file']} not in {corpus}")
            doc = f"{gold.stem}/{rec['file']}"
            rs.records.append({**rec, "file": doc})
            rs.texts[doc] = load_path(path).text
            rs.files.append((f"corpus/{doc}", path))
        rs.records.sort(key=lambda r: r["file"])
        sets.append(rs)
    return sets


def data_hash(files: Sequence[tuple[str, Path]]) -> str:
    """sha256 over (role/name, sha256 of bytes) of every input file, in sorted order."""
    h = hashlib.sha256()
    for label, path in sorted(files):
        h.update(f"{label}\t{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# cards


def model_file_line(path: Path, text: str) -> str:
    """The line of a card naming its model file (relative to the repository when inside it) and the
    sha256 of the file's bytes (``text`` as UTF-8, as written)."""
    try:
        shown = path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        shown = path.as_posix()
    return f"Model file: `{shown}`, sha256 `{hashlib.sha256(text.encode('utf-8')).hexdigest()}`"


def _prf_cells(r: dict[str, Any]) -> str:
    return f"{r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f}"


def _real_intro(info: dict[str, Any]) -> list[str]:
    sets = ", ".join(f"{name} {n} documents" for name, n in info["sets"].items())
    return [f"Real notices with gold from `{info['dir']}` ({sets}); sha256 of their gold and text files",
            f"`{info['data_sha256']}`. They test the model and decide whether it is used; they are never in the",
            "shipped model's training data. Figures only: none of their text is copied here.", ""]


def _gain(r: dict[str, Any], key: str, w: str = "model") -> str:
    return f"{r[w][key] - r['rules'][key]:+.3f}"


def task_real_section(real: dict[str, Any] | None, info: dict[str, Any] | None) -> list[str]:
    """The card's "Real text" section: the shipped model and the joint cross-validation on real
    documents, against the rules; or a note that there were none."""
    if real is None or info is None:
        return ["## Real text", "", "No real documents (`../shared` absent, or `--no-real`): this section is skipped,",
                "and whether the model is used rests on the annotations' cross-validation above.", ""]
    lines = ["## Real text", "", *_real_intro(info),
             "Two evaluations, P/R/F1 over the real documents' units (labelled as above; their gold anchors",
             "that no unit contains count as misses for model and rules alike):", "",
             "- `shipped`: the model of this card, fitted on the annotations only, on the real documents;",
             f"- `joint CV`: GroupKFold({real['cv_folds']}) over the annotations and the real documents together "
             "(each real document", "  its own group), out-of-fold predictions on the real documents' units.", "",
             "| evaluation | set | docs | units | missed anchors | model P | R | F1 | rules P | R | F1 | F1 gain |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for key, label in (("held_out", "shipped"), ("cv", "joint CV")):
        for name, r in real[key].items():
            lines.append(f"| {label} | {name} | {r['docs']} | {r['units']} | {r['unreachable']} | "
                         f"{_prf_cells(r['model'])} | {_prf_cells(r['rules'])} | {_gain(r, 'f1')} |")
    h, c, a = real["held_out"][F.ALL_REAL], real["cv"][F.ALL_REAL], real["cv_annotations"]
    dis = real["disagree"]
    lines += ["", f"The model and the rules disagree on {dis['held_out']} of the {h['units']} real units as shipped, "
              f"on {dis['cv']} out-of-fold. The annotations' units in the", f"joint cross-validation: model F1 "
              f"{a['model']['f1']:.3f}, rules {a['rules']['f1']:.3f}.", "",
              f"What the model gains on real text: F1 {_gain(h, 'f1')} as shipped (P {_gain(h, 'p')}, "
              f"R {_gain(h, 'r')}), {_gain(c, 'f1')} out-of-fold with real documents in training (P {_gain(c, 'p')}, "
              f"R {_gain(c, 'r')}). It is used by default only when both F1 gains are at least {MARGIN}.", ""]
    return lines


def task_card(cv: dict[str, Any], d: TaskData, params: dict[str, Any], meta: dict[str, Any],
              model_file: str) -> str:
    on = meta["default"]
    real = meta.get("real")
    if real is not None:
        why = (f"On real documents (section Real text) it beats the rules' F1 by at least {MARGIN}, both as "
               "shipped and out-of-fold." if on else
               f"On real documents (section Real text) it does not beat the rules' F1 by at least {MARGIN} both "
               "as shipped and out-of-fold, so the pipeline keeps the rules; `learned_task_score` returns None "
               "unless `force=True`.")
    else:
        why = ("No real documents: grouped cross-validation shows it beats the rules on every summary below."
               if on else "No real documents, and grouped cross-validation does not show it beating the rules on "
               f"every summary below (mean fold F1 by at least {MARGIN}, pooled F1, mean per-document F1, half "
               "the folds), so the pipeline keeps the rules; `learned_task_score` returns None unless `force=True`.")
    top = sorted(zip(params["features"], params["coef"], strict=True), key=lambda kv: (-abs(kv[1]), kv[0]))[:15]
    lines = [
        "# Model card: task classifier (`task_classifier.json`)",
        "",
        model_file,
        "",
        "Decides whether a unit of a notice's body (item, paragraph, prose sentence, table row) is a",
        "task. Logistic regression over the rule features plus underthesea words; it scores the same",
        "units the rules (`vntasks.structure.classify.rule_score`) score, so it can replace `rule_score`.",
        "",
        f"**Used by default: {'YES' if on else 'NO'}.** " + why,
        "",
        "## Data",
        "",
        f"- Annotations: {meta['n_docs']} documents ({', '.join(meta['annotation_files'])}); corpus texts from `corpus/`.",
        f"- Skipped: {len(meta['skipped_variants'])} format/encoding variants of annotated documents (same units).",
        f"- Data sha256 (annotation files, body-type labels, corpus files): `{meta['data_sha256']}`",
        f"- Units (headings excluded, they are never tasks): {len(d.labels)} kept, {sum(d.labels)} positive; "
        f"{d.excluded} excluded (they contain only an `optional` gold anchor).",
        "- Label: a unit is positive when its folded text (`vntasks.evaluate.score.fold`) contains a gold anchor.",
        f"- Gold anchors that no unit contains (segmentation misses; counted as false negatives for "
        f"both model and rules): {sum(d.unreachable.values())}.",
        "",
        "## Features (`vntasks.learn.model.task_feature_dict`, version `" + L.FEATURE_VERSION + "`)",
        "",
        "- rule features: kind, section category (directive/assessment/none, from the section heading or",
        "  list intro, `vntasks.structure.classify`), kind x category, intro, closing, ends with sentence punctuation,",
        "  ends with a colon, length bin, each cue word of `task_cues.tsv` found, summed cue weight, the rule",
        "  score itself (scaled) and whether it is > 0;",
        "- position: relative offset of the unit in the body, in 5 bins;",
        f"- words: underthesea `word_tokenize` of the first {L.HEAD_SYLLABLES} syllables (first word, bag of words).",
        f"- A feature needs {F.TASK_MIN_DOCS}+ training documents to get a weight. "
        f"LogisticRegression(C={F.TASK_C}, lbfgs, random_state={F.SEED}); {len(params['features'])} non-zero weights.",
        "",
        f"## Cross-validation: GroupKFold({len(cv['folds'])}) by document",
        "",
        "No document is in a fold's training and test part. P/R/F1 over the test documents' units",
        "(the unreachable anchors of those documents added as misses).",
        "",
        "| fold | docs | units | model P | R | F1 | rules P | R | F1 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for f in cv["folds"]:
        lines.append(f"| {f['fold']} | {f['docs']} | {f['units']} | {_prf_cells(f['model'])} | {_prf_cells(f['rules'])} |")
    lines += [
        f"| mean | | | | | {cv['mean_fold_f1']['model']:.3f} | | | {cv['mean_fold_f1']['rules']:.3f} |",
        f"| pooled | {len(set(d.docs))} | {len(d.labels)} | {_prf_cells(cv['pooled']['model'])} | {_prf_cells(cv['pooled']['rules'])} |",
        "",
        f"Mean per-document F1 (out-of-fold): model {cv['mean_doc_f1']['model']:.3f}, rules "
        f"{cv['mean_doc_f1']['rules']:.3f}. Folds won by the model: {cv['folds_won']}/{len(cv['folds'])}.",
        "",
        "Caveat: the rules (cue lexicons, section cues, segmentation) were developed while reading these",
        "same documents, so their figures here are in-sample while the model's are out-of-fold; the",
        "comparison favours the rules. Real documents, when present, decide instead (section Real text).",
        "The figures are for the unit decision only (segmentation is shared), not the full task score.",
        "",
        *task_real_section(real and real["task"], real),
        "## Strongest weights of the final model",
        "",
        "| feature | weight |",
        "| --- | --- |",
        *[f"| `{n}` | {c:+.3f} |" for n, c in top],
        "",
        "## Reproducing and loading",
        "",
        f"`make train` ({COMMAND}); seed {F.SEED}; deterministic (sorted inputs, rounded weights, no timestamps).",
        "The parameters are JSON (feature names, weights, intercept) with a sha256 digest; no pickle is",
        "ever written or read. The package loads the model file named above (its only copy) lazily",
        "(importlib.resources), so an installed package needs nothing from the repository and nothing",
        "is fetched; a file of another schema, feature version or digest is refused.",
        "",
    ]
    return "\n".join(lines)


def body_real_section(real: dict[str, Any] | None, info: dict[str, Any] | None, mode: str) -> list[str]:
    """The body card's "Real text" section, as :func:`task_real_section`, over the real documents'
    responsible/support names that the body-type labels cover."""
    if info is None:
        return ["## Real text", "", "No real documents (`../shared` absent, or `--no-real`): this section is skipped,",
                "and whether the model is used rests on the annotations' cross-validation above.", ""]
    if real is None:
        return ["## Real text", "", *_real_intro(info), "None of their responsible/support names is labelled in the",
                "body-type labels: no figures, and whether the model is used rests on the cross-validation above.", ""]
    w = "model" if mode == "replace" else "fallback"
    lines = ["## Real text", "", *_real_intro(info),
             f"Names: the real documents' responsible/support names that the body-type labels cover ({real['names']} "
             f"(document, name) pairs, {real['distinct']} distinct names); {real['unlabelled']} unlabelled distinct "
             f"names are left out. {real['seen']} of the {real['distinct']} are names of the annotations too (the "
             "labels cover those):", "the shipped model saw them in training, and the rules' lexicons were written "
             "with them in view.", "`shipped`: the parameters of this card, fitted on the annotations only; "
             f"`joint CV`: GroupKFold({real['cv_folds']}) over the annotations' and the real documents' names together",
             "(each real document its own group), out-of-fold on the real names. Accuracy, and macro P/R/F1 over the",
             "types present.", "",
             "| evaluation | set | names | predictor | accuracy | macro P | R | F1 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for key, label in (("held_out", "shipped"), ("cv", "joint CV")):
        for name, by in real[key].items():
            for pred, r in by.items():
                lines.append(f"| {label} | {name} | {r['n']} | {pred} | {r['accuracy']:.3f} | {r['macro_p']:.3f} | "
                             f"{r['macro_r']:.3f} | {r['macro_f1']:.3f} |")
    h, c = real["held_out"][F.ALL_REAL], real["cv"][F.ALL_REAL]
    lines += ["", f"What the model (mode `{mode}`) gains on real names: accuracy {_gain(h, 'accuracy', w)} and "
              f"macro-F1 {_gain(h, 'macro_f1', w)} as shipped, accuracy {_gain(c, 'accuracy', w)} and macro-F1 "
              f"{_gain(c, 'macro_f1', w)} out-of-fold. It is used by default only when, both ways, accuracy",
              f"gains at least {MARGIN} and macro-F1 does not fall.", ""]
    return lines


def body_card(cv: dict[str, Any], d: BodyData, params: dict[str, Any], meta: dict[str, Any],
              model_file: str) -> str:
    on = meta["default"]
    info = meta.get("real")
    if info is not None and info["body"] is not None:
        why = (f"On the real documents' names (section Real text) it (mode `{meta['mode']}`) beats the rules' "
               f"accuracy by at least {MARGIN}, with no lower macro-F1, both as shipped and out-of-fold; "
               "`learned_body_type(name)` gives the type." if on else
               f"On the real documents' names (section Real text) it (mode `{meta['mode']}`) does not beat the "
               f"rules' accuracy by at least {MARGIN} with no lower macro-F1 both as shipped and out-of-fold, so "
               "`body_type` stays rule-based; `learned_body_type` returns None unless `force=True`.")
    else:
        why = (f"Grouped cross-validation shows it (mode `{meta['mode']}`) beats the rules on pooled accuracy, "
               "macro-F1 and accuracy on names unseen in training; `learned_body_type(name)` gives the type."
               if on else "Grouped cross-validation does not show it beating the rules on pooled accuracy, macro-F1 "
               "and accuracy on names unseen in training, so `body_type` stays rule-based; "
               "`learned_body_type` returns None unless `force=True`.")
    p, u = cv["pooled"], cv["unseen_names"]
    counts = {c: d.labels.count(c) for c in sorted(set(d.labels))}
    lines = [
        "# Model card: body-type classifier (`body_type.json`)",
        "",
        model_file,
        "",
        "Types a responsible body's canonical name as one of " + ", ".join(f"`{t}`" for t in BODY_TYPES) + ":",
        "Party committee, State administration, Front and mass organisations, police and military,",
        "steering committee, enterprise or project owner, generic addressee, other. The pipeline's",
        "`body_type` column comes from `vntasks.extractors.bodies.body_type_of` (rules over `body_heads.tsv`).",
        "",
        f"**Used by default: {'YES' if on else 'NO'}.** " + why,
        "",
        "## Data and labels",
        "",
        f"- Names: every distinct responsible/support name of each annotated document ({len(d.names)} "
        f"(document, name) pairs, {len(set(d.names))} distinct names); unlabelled names skipped: {len(d.unlabelled)}.",
        f"- Data sha256: `{meta['data_sha256']}`",
        "- Class counts: " + ", ".join(f"{c} {n}" for c, n in counts.items()),
        "- Labels: `annotations/body_types.tsv`, assigned by hand per name, by this mapping:",
        "  - party: Party committees (Đảng ủy, Huyện/Tỉnh/Thành ủy, Chi bộ, Đảng bộ, Ban cán sự đảng, Đảng",
        "    đoàn), their boards, offices and inspection committees, the Khối Dân vận, the Party's political school;",
        "  - state: People's Councils/Committees and their chairs, ministries (but defence and police),",
        "    sở/phòng/cục/vụ/chi cục, offices of UBND/HĐND, public service units (centres, schools, institutes,",
        "    health stations, treasury, tax team, land registry branch, state media), commune civil servants,",
        "    village/hamlet heads and Ban nhân dân ấp, a class of bodies all of one state type (\"Giám đốc các sở\");",
        "  - front: Mặt trận Tổ quốc and its boards and office, the socio-political organisations (Đoàn Thanh",
        "    niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, trade unions / Liên đoàn Lao động and their boards);",
        "  - security: police (Công an, Bộ Công an), military (quân sự, Bộ Quốc phòng), border guards;",
        "  - steering: Ban Chỉ đạo/Ban Chỉ huy (civil defence) and their offices and heads, ad hoc inter-agency teams;",
        "  - enterprise: companies, groups, cooperatives, employers, project owners (chủ đầu tư, Ban Quản lý dự án);",
        "  - generic: a class of bodies of mixed type (\"các cơ quan, đơn vị liên quan\", \"các sở, ban, ngành\",",
        "    press, localities as a whole: \"các xã chưa có dịch\").",
        "",
        "## Features and model",
        "",
        "Folded name (`vntasks.evaluate.score.fold`), character 2-4-grams within words (padded), and the first two",
        "words as tokens (`vntasks.learn.model.name_ngrams`); TF-IDF (sublinear tf, l2); multinomial",
        f"LogisticRegression(C={F.BODY_C}, lbfgs, random_state={F.SEED}); {len(params['vocabulary'])} n-grams.",
        "",
        f"## Cross-validation: GroupKFold({len(cv['folds'])}) by document",
        "",
        "Three predictors on the same test names: `model` (the classifier alone), `fallback` (the rules,",
        "and the classifier only where the rules say `other`), `rules` (`body_type_of`). Accuracy / macro-F1.",
        f"Mode chosen for the package by pooled accuracy: **{meta['mode']}**.",
        "",
        "| fold | docs | names | model | fallback | rules |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    def cell(r: dict[str, Any]) -> str:
        return f"{r['accuracy']:.3f} / {r['macro_f1']:.3f}"

    for f in cv["folds"]:
        lines.append(f"| {f['fold']} | {f['docs']} | {f['names']} | {cell(f['model'])} | {cell(f['fallback'])} | "
                     f"{cell(f['rules'])} |")
    ma = cv["mean_fold_accuracy"]
    lines += [
        f"| mean accuracy | | | {ma['model']:.3f} | {ma['fallback']:.3f} | {ma['rules']:.3f} |",
        f"| pooled | | {p['model']['n']} | {cell(p['model'])} | {cell(p['fallback'])} | {cell(p['rules'])} |",
        f"| names unseen in training | | {u['model']['n']} | {cell(u['model'])} | {cell(u['fallback'])} | "
        f"{cell(u['rules'])} |",
        "",
        "Per type (pooled, out-of-fold): P / R / F1. The labels never use `other`, so every `other` of the",
        "rules counts as an error; that is what `fallback` repairs.",
        "",
        "| type | n | model P | R | F1 | fallback P | R | F1 | rules P | R | F1 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        *[f"| {c} | {counts[c]} | {_prf_cells(p['model']['per_class'][c])} | {_prf_cells(p['fallback']['per_class'][c])} | "
          f"{_prf_cells(p['rules']['per_class'][c])} |" for c in sorted(counts)],
        "",
        "A name that recurs in several documents can be in a fold's test part and (from another",
        "document) in its training part; the \"unseen\" row counts only names absent from the training part.",
        "",
        *body_real_section(info and info["body"], info, meta["mode"]),
        "## Reproducing and loading",
        "",
        f"`make train` ({COMMAND}); seed {F.SEED}; deterministic. JSON parameters (vocabulary, idf, classes,",
        "coefficients, intercepts) with a sha256 digest; no pickle. The package loads the model file",
        "named above (its only copy) lazily; nothing is fetched.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


@dataclass
class Real:
    """The real documents, merged over their sets, and what the cards say of them."""

    records: list[dict[str, Any]]
    texts: dict[str, str]
    sets: dict[str, list[str]]  # set name -> its documents
    info: dict[str, Any]  # dir, documents per set, data sha256 (no text)


def load_real(folder: Path | None) -> Real | None:
    sets = read_real(folder) if folder is not None else []
    if folder is None or not sets:
        if folder is not None:
            print(f"{folder}: no real set (gold/SET.jsonl with corpus/SET/), real-text figures skipped", file=sys.stderr)
        return None
    shown = Path(os.path.relpath(os.path.abspath(folder), ROOT)).as_posix()
    return Real([r for s in sets for r in s.records], {k: v for s in sets for k, v in s.texts.items()},
                {s.name: [r["file"] for r in s.records] for s in sets},
                {"dir": shown, "sets": {s.name: len(s.records) for s in sets},
                 "data_sha256": data_hash([(f"{s.name}/{label}", p) for s in sets for label, p in s.files])})


def train_task(records: list[dict[str, Any]], texts: dict[str, str], meta_base: dict[str, Any],
               real: Real | None, package_dir: Path) -> tuple[str, str, str]:
    """The task model's file text, its card, and a summary line."""
    td = F.task_data(records, texts)
    tcv = F.cv_task(td)
    params = F.fit_task(td.dicts, td.labels, td.docs)
    treal = None
    if real is not None:
        treal = F.real_task(td, F.task_data(real.records, real.texts), real.sets, F.task_model_from_params(params))
    default = F.task_default(tcv) if treal is None else F.task_default_real(treal)
    meta = {**meta_base, "default": default, "cv": tcv, "n_units": len(td.labels),
            "real": None if real is None else {**real.info, "task": treal}}
    text = L.model_json("task", params, meta)
    card = task_card(tcv, td, params, meta, model_file_line(package_dir / "task_classifier.json", text))
    m = tcv["pooled"]
    line = (f"task classifier: pooled F1 model {m['model']['f1']:.3f} vs rules {m['rules']['f1']:.3f}; "
            f"mean fold F1 {tcv['mean_fold_f1']['model']:.3f} vs {tcv['mean_fold_f1']['rules']:.3f}")
    if treal is not None:
        h, c = treal["held_out"][F.ALL_REAL], treal["cv"][F.ALL_REAL]
        line += (f"; real text F1 shipped {h['model']['f1']:.3f} vs rules {h['rules']['f1']:.3f}, "
                 f"joint CV {c['model']['f1']:.3f} vs {c['rules']['f1']:.3f}")
    return text, card, f"{line}; default={default}"


def train_body(records: list[dict[str, Any]], gold_types: dict[str, str], meta_base: dict[str, Any],
               real: Real | None, package_dir: Path) -> tuple[str, str, str] | None:
    """The body-type model's file text, its card, and a summary line; None when too few labels."""
    bd = F.body_data(records, gold_types)
    if len(set(bd.docs)) < 2 or len(set(bd.labels)) < 2:
        return None
    bcv = F.cv_body(bd)
    params = F.fit_body(bd.names, bd.labels)
    mode = F.body_mode(bcv)
    breal = None
    if real is not None:
        rbd = F.body_data(real.records, gold_types)
        if rbd.names:
            breal = F.real_body(bd, rbd, real.sets, F.body_model_from_params(params, mode=mode))
    default = F.body_default(bcv, mode) if breal is None else F.body_default_real(breal, mode)
    meta = {**meta_base, "default": default, "mode": mode, "cv": bcv, "n_names": len(bd.names),
            "unlabelled": bd.unlabelled, "real": None if real is None else {**real.info, "body": breal}}
    text = L.model_json("body", params, meta)
    card = body_card(bcv, bd, params, meta, model_file_line(package_dir / "body_type.json", text))
    p = bcv["pooled"]
    line = (f"body type: pooled acc model {p['model']['accuracy']:.3f}, fallback {p['fallback']['accuracy']:.3f}, "
            f"rules {p['rules']['accuracy']:.3f}; macro-F1 {p['model']['macro_f1']:.3f}, "
            f"{p['fallback']['macro_f1']:.3f}, {p['rules']['macro_f1']:.3f}")
    if breal is not None:
        w = "model" if mode == "replace" else "fallback"
        h, c = breal["held_out"][F.ALL_REAL], breal["cv"][F.ALL_REAL]
        line += (f"; real names acc shipped {h[w]['accuracy']:.3f} vs rules {h['rules']['accuracy']:.3f}, "
                 f"joint CV {c[w]['accuracy']:.3f} vs {c['rules']['accuracy']:.3f}")
    return text, card, f"{line}; mode={mode} default={default}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.train", description=__doc__.split("\n")[0])
    ap.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "models", help="where the model cards (*.md) go")
    ap.add_argument("--body-labels", type=Path, default=None,
                    help="name<TAB>body_type table (default: ANNOTATIONS/body_types.tsv)")
    ap.add_argument("--package-dir", type=Path, default=PACKAGE_MODELS,
                    help="where the JSON models go (default: the package's pipeline/data/models/)")
    ap.add_argument("--real", type=Path, default=DEFAULT_REAL if DEFAULT_REAL.is_dir() else None,
                    help="real notices with gold (gold/SET.jsonl, corpus/SET/) to test the models on and decide "
                         "by (default: ../shared beside the repository, when present)")
    ap.add_argument("--no-real", action="store_true", help="ignore the real notices even when present")
    a = ap.parse_args(argv)
    labels_path = a.body_labels or a.annotations / "body_types.tsv"
    pairs = read_annotations(a.annotations)
    if not pairs:
        ap.error(f"no annotations in {a.annotations}")
    records, variants = split_variants([rec for _, rec in pairs])
    texts: dict[str, str] = {}
    files = [(f"annotations/{p.name}", p) for p in sorted({p for p, _ in pairs})]
    for rec in records:
        path = find_corpus_file(a.corpus, rec["file"])
        if path is None:
            ap.error(f"{rec['file']}: not in {a.corpus}")
        texts[rec["file"]] = load_path(path).text
        files.append((f"corpus/{rec['file']}", path))
    gold_types = read_body_labels(labels_path) if labels_path.is_file() else {}
    if labels_path.is_file():
        files.append(("labels/body_type_gold.tsv", labels_path))
    meta_base = {"data_sha256": data_hash(files), "seed": F.SEED, "n_docs": len(records),
                 "annotation_files": sorted({p.name for p, _ in pairs}), "command": COMMAND,
                 "skipped_variants": variants}
    real = None if a.no_real else load_real(a.real)

    models, cards, summary = {}, {}, []
    task = train_task(records, texts, meta_base, real, a.package_dir)
    models["task_classifier.json"], cards["task_classifier.md"] = task[0], task[1]
    summary.append(task[2])
    body = train_body(records, gold_types, meta_base, real, a.package_dir)
    if body is None:
        print("body-type classifier: too few labelled names, not trained", file=sys.stderr)
    else:
        models["body_type.json"], cards["body_type.md"] = body[0], body[1]
        summary.append(body[2])

    for folder, texts_out in ((a.package_dir, models), (a.out, cards)):  # each file written once
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts_out.items():
            (folder / name).write_bytes(text.encode("utf-8"))
    print("\n".join(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
