"""``make train``: fit the learned components from annotations/ and corpus/, compare them with the
rules by cross-validation grouped by document, and write the models and their cards.

    python -m scripts.train --annotations annotations --corpus corpus --out models

Annotations (``*.jsonl``), body-type labels (``annotations/body_types.tsv``, or ``--body-labels``)
and corpus texts in; out, each written once: the models ``task_classifier.json`` and
``body_type.json`` (safe JSON parameters, no pickle) in the package (``pipeline/data/models/``,
or ``--package-dir``), where the pipeline loads them from, and their cards
``OUT/task_classifier.md`` and ``OUT/body_type.md``, each naming its model file and that file's
sha256. Deterministic: sorted inputs, fixed seeds, rounded weights, no timestamps; a second run
on the same inputs gives byte-identical files.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vntasks.extractors.bodies import BODY_TYPES, body_type_of
from vntasks.ingest.load import load_path
from vntasks.learn import model as L
from vntasks.structure.classify import rule_score

ROOT = Path(__file__).resolve().parent.parent
#: Where the package loads its models from (importlib.resources), and where they are written.
PACKAGE_MODELS = ROOT / "pipeline" / "data" / "models"
COMMAND = "python -m scripts.train --annotations annotations --corpus corpus --out models"
MARGIN = 0.01  # mean fold F1 gain over the rules required to enable the task model


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


def data_hash(files: Sequence[tuple[str, Path]]) -> str:
    """sha256 over (role/name, sha256 of bytes) of every input file, in sorted order."""
    h = hashlib.sha256()
    for label, path in sorted(files):
        h.update(f"{label}\t{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# task classifier


@dataclass
class TaskData:
    docs: list[str]  # per example
    dicts: list[dict[str, float]]
    labels: list[int]
    rules: list[int]
    unreachable: dict[str, int]  # per document: required anchors no unit contains
    excluded: int


def task_data(records: list[dict[str, Any]], texts: dict[str, str]) -> TaskData:
    d = TaskData([], [], [], [], {}, 0)
    for rec in records:
        doc = rec["file"]
        rows = L.unit_rows(doc, texts[doc])
        labels, unreachable = L.label_rows(rows, rec.get("tasks", []))
        d.unreachable[doc] = unreachable
        for row, y in zip(rows, labels, strict=True):
            if y is None:
                d.excluded += 1
                continue
            d.docs.append(doc)
            d.dicts.append(L.task_feature_dict(row.features, row.text, row.position))
            d.labels.append(y)
            d.rules.append(int(rule_score(row.features) > 0))
    return d


def _doc_f1(docs: Sequence[str], gold: Sequence[int], pred: Sequence[int], unreachable: dict[str, int]) -> float:
    by: dict[str, tuple[list[int], list[int]]] = {}
    for doc, g, p in zip(docs, gold, pred, strict=True):
        by.setdefault(doc, ([], []))
        by[doc][0].append(g)
        by[doc][1].append(p)
    return statistics.fmean(L.prf(g, p, unreachable.get(doc, 0)).f1 for doc, (g, p) in sorted(by.items()))


def cv_task(d: TaskData) -> dict[str, Any]:
    folds = L.group_folds(d.docs)
    oof = [0] * len(d.labels)
    per_fold = []
    for k, (tr, te) in enumerate(folds, 1):
        ytr = [d.labels[i] for i in tr]
        if len(set(ytr)) < 2:
            preds = [ytr[0]] * len(te)
        else:
            m = L.task_model_from_params(L.fit_task([d.dicts[i] for i in tr], ytr, [d.docs[i] for i in tr]))
            preds = [int(m.score(d.dicts[i]) > 0) for i in te]
        for i, p in zip(te, preds, strict=True):
            oof[i] = p
        test_docs = sorted({d.docs[i] for i in te})
        extra = sum(d.unreachable[x] for x in test_docs)
        gold = [d.labels[i] for i in te]
        per_fold.append({"fold": k, "docs": len(test_docs), "units": len(te),
                         "model": L.prf(gold, preds, extra).row(),
                         "rules": L.prf(gold, [d.rules[i] for i in te], extra).row()})
    extra = sum(d.unreachable.values())
    return {
        "folds": per_fold,
        "mean_fold_f1": {w: round(statistics.fmean(f[w]["f1"] for f in per_fold), 4) for w in ("model", "rules")},
        "pooled": {"model": L.prf(d.labels, oof, extra).row(), "rules": L.prf(d.labels, d.rules, extra).row()},
        "mean_doc_f1": {"model": round(_doc_f1(d.docs, d.labels, oof, d.unreachable), 4),
                        "rules": round(_doc_f1(d.docs, d.labels, d.rules, d.unreachable), 4)},
        "folds_won": sum(f["model"]["f1"] > f["rules"]["f1"] for f in per_fold),
    }


def task_default(cv: dict[str, Any]) -> bool:
    """Enabled only when it beats the rules on every summary: mean fold F1 by MARGIN, pooled F1,
    mean per-document F1, and in at least half of the folds."""
    return (cv["mean_fold_f1"]["model"] >= cv["mean_fold_f1"]["rules"] + MARGIN
            and cv["pooled"]["model"]["f1"] > cv["pooled"]["rules"]["f1"]
            and cv["mean_doc_f1"]["model"] > cv["mean_doc_f1"]["rules"]
            and 2 * cv["folds_won"] >= len(cv["folds"]))


# ---------------------------------------------------------------------------------------------
# body-type classifier


@dataclass
class BodyData:
    docs: list[str]
    names: list[str]
    labels: list[str]
    unlabelled: list[str]


def body_data(records: list[dict[str, Any]], gold: dict[str, str]) -> BodyData:
    d = BodyData([], [], [], [])
    for rec in records:
        seen: set[str] = set()
        for t in rec.get("tasks", []):
            for key in ("responsible", "support"):
                vals = t.get(key)
                for name in vals if isinstance(vals, list) else []:
                    if name == "?" or name in seen:
                        continue
                    seen.add(name)
                    label = gold.get(L.fold_name(name))
                    if label is None:
                        d.unlabelled.append(name)
                        continue
                    d.docs.append(rec["file"])
                    d.names.append(name)
                    d.labels.append(label)
    d.unlabelled = sorted(set(d.unlabelled))
    return d


def class_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    classes = sorted(set(gold))
    per = {c: L.prf([int(g == c) for g in gold], [int(p == c) for p in pred]).row() for c in classes}
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 1.0
    macro = statistics.fmean(per[c]["f1"] for c in classes) if classes else 1.0
    return {"accuracy": round(acc, 4), "macro_f1": round(macro, 4), "n": len(gold), "per_class": per}


def cv_body(d: BodyData) -> dict[str, Any]:
    folds = L.group_folds(d.docs)
    oof = [""] * len(d.names)
    unseen_idx: list[int] = []
    per_fold = []
    rules_all = [body_type_of(n) for n in d.names]
    for k, (tr, te) in enumerate(folds, 1):
        ytr = [d.labels[i] for i in tr]
        train_names = {d.names[i] for i in tr}
        if len(set(ytr)) < 2:
            preds = [ytr[0]] * len(te)
        else:
            m = L.body_model_from_params(L.fit_body([d.names[i] for i in tr], ytr))
            preds = [m.predict(d.names[i]) for i in te]
        for i, p in zip(te, preds, strict=True):
            oof[i] = p
            if d.names[i] not in train_names:
                unseen_idx.append(i)
        gold = [d.labels[i] for i in te]
        rules = [rules_all[i] for i in te]
        fallback = [r if r != "other" else p for r, p in zip(rules, preds, strict=True)]
        per_fold.append({"fold": k, "docs": len({d.docs[i] for i in te}), "names": len(te),
                         **{w: {x: v for x, v in class_scores(gold, ys).items() if x != "per_class"}
                            for w, ys in (("model", preds), ("fallback", fallback), ("rules", rules))}})
    unseen_idx.sort()
    fb = [r if r != "other" else p for r, p in zip(rules_all, oof, strict=True)]
    preds_by = {"model": oof, "fallback": fb, "rules": rules_all}
    return {
        "folds": per_fold,
        "mean_fold_accuracy": {w: round(statistics.fmean(f[w]["accuracy"] for f in per_fold), 4) for w in preds_by},
        "pooled": {w: class_scores(d.labels, ys) for w, ys in preds_by.items()},
        "unseen_names": {w: class_scores([d.labels[i] for i in unseen_idx], [ys[i] for i in unseen_idx])
                         for w, ys in preds_by.items()},
    }


def body_mode(cv: dict[str, Any]) -> str:
    """"replace" (the model decides) or "fallback" (the model only where the rules say "other"):
    the better pooled (accuracy, macro-F1)."""
    p = cv["pooled"]
    key = {w: (p[w]["accuracy"], p[w]["macro_f1"]) for w in ("model", "fallback")}
    return "replace" if key["model"] > key["fallback"] else "fallback"


def body_default(cv: dict[str, Any], mode: str) -> bool:
    """Enabled only when, in the chosen mode, pooled accuracy, pooled macro-F1 and accuracy on names
    unseen in training are all higher than the rules'."""
    w = "model" if mode == "replace" else "fallback"
    p, u = cv["pooled"], cv["unseen_names"]
    return (p[w]["accuracy"] > p["rules"]["accuracy"] and p[w]["macro_f1"] > p["rules"]["macro_f1"]
            and u[w]["accuracy"] > u["rules"]["accuracy"])


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


def task_card(cv: dict[str, Any], d: TaskData, params: dict[str, Any], meta: dict[str, Any],
              model_file: str) -> str:
    on = meta["default"]
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
        f"**Used by default: {'YES' if on else 'NO'}.** "
        + ("Grouped cross-validation shows it beats the rules on every summary below."
           if on else "Grouped cross-validation does not show it beating the rules on every summary "
           "below (mean fold F1 by at least " + f"{MARGIN}" + ", pooled F1, mean per-document F1, half the folds), "
           "so the pipeline keeps the rules; `learned_task_score` returns None unless `force=True`."),
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
        f"- A feature needs {L.TASK_MIN_DOCS}+ training documents to get a weight. "
        f"LogisticRegression(C={L.TASK_C}, lbfgs, random_state={L.SEED}); {len(params['features'])} non-zero weights.",
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
        "comparison favours the rules, and a model that does not beat them here stays off.",
        "The figures are for the unit decision only (segmentation is shared), not the full task score.",
        "",
        "## Strongest weights of the final model",
        "",
        "| feature | weight |",
        "| --- | --- |",
        *[f"| `{n}` | {c:+.3f} |" for n, c in top],
        "",
        "## Reproducing and loading",
        "",
        f"`make train` ({COMMAND}); seed {L.SEED}; deterministic (sorted inputs, rounded weights, no timestamps).",
        "The parameters are JSON (feature names, weights, intercept) with a sha256 digest; no pickle is",
        "ever written or read. The package loads the model file named above (its only copy) lazily",
        "(importlib.resources), so an installed package needs nothing from the repository and nothing",
        "is fetched; a file of another schema, feature version or digest is refused.",
        "",
    ]
    return "\n".join(lines)


def body_card(cv: dict[str, Any], d: BodyData, params: dict[str, Any], meta: dict[str, Any],
              model_file: str) -> str:
    on = meta["default"]
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
        f"**Used by default: {'YES' if on else 'NO'}.** "
        + (f"Grouped cross-validation shows it (mode `{meta['mode']}`) beats the rules on pooled accuracy, "
           "macro-F1 and accuracy on names unseen in training; `learned_body_type(name)` gives the type."
           if on else "Grouped cross-validation does not show it beating the rules on pooled accuracy, macro-F1 "
           "and accuracy on names unseen in training, so `body_type` stays rule-based; "
           "`learned_body_type` returns None unless `force=True`."),
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
        f"LogisticRegression(C={L.BODY_C}, lbfgs, random_state={L.SEED}); {len(params['vocabulary'])} n-grams.",
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
        "## Reproducing and loading",
        "",
        f"`make train` ({COMMAND}); seed {L.SEED}; deterministic. JSON parameters (vocabulary, idf, classes,",
        "coefficients, intercepts) with a sha256 digest; no pickle. The package loads the model file",
        "named above (its only copy) lazily; nothing is fetched.",
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m scripts.train", description=__doc__.split("\n")[0])
    ap.add_argument("--annotations", type=Path, default=ROOT / "annotations")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "models", help="where the model cards (*.md) go")
    ap.add_argument("--body-labels", type=Path, default=None,
                    help="name<TAB>body_type table (default: ANNOTATIONS/body_types.tsv)")
    ap.add_argument("--package-dir", type=Path, default=PACKAGE_MODELS,
                    help="where the JSON models go (default: the package's pipeline/data/models/)")
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
    meta_base = {"data_sha256": data_hash(files), "seed": L.SEED, "n_docs": len(records),
                 "annotation_files": sorted({p.name for p, _ in pairs}), "command": COMMAND,
                 "skipped_variants": variants}

    td = task_data(records, texts)
    tcv = cv_task(td)
    tparams = L.fit_task(td.dicts, td.labels, td.docs)
    tmeta = {**meta_base, "default": task_default(tcv), "cv": tcv, "n_units": len(td.labels)}
    models = {"task_classifier.json": L.model_json("task", tparams, tmeta)}
    cards = {"task_classifier.md": task_card(tcv, td, tparams, tmeta, model_file_line(
        a.package_dir / "task_classifier.json", models["task_classifier.json"]))}

    bd = body_data(records, gold_types)
    if len(set(bd.docs)) >= 2 and len(set(bd.labels)) >= 2:
        bcv = cv_body(bd)
        bparams = L.fit_body(bd.names, bd.labels)
        mode = body_mode(bcv)
        bmeta = {**meta_base, "default": body_default(bcv, mode), "mode": mode, "cv": bcv, "n_names": len(bd.names),
                 "unlabelled": bd.unlabelled}
        models["body_type.json"] = L.model_json("body", bparams, bmeta)
        cards["body_type.md"] = body_card(bcv, bd, bparams, bmeta, model_file_line(
            a.package_dir / "body_type.json", models["body_type.json"]))
    else:
        print("body-type classifier: too few labelled names, not trained", file=sys.stderr)

    for folder, texts_out in ((a.package_dir, models), (a.out, cards)):  # each file written once
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in texts_out.items():
            (folder / name).write_bytes(text.encode("utf-8"))
    m = tcv["pooled"]
    print(f"task classifier: pooled F1 model {m['model']['f1']:.3f} vs rules {m['rules']['f1']:.3f}; "
          f"mean fold F1 {tcv['mean_fold_f1']['model']:.3f} vs {tcv['mean_fold_f1']['rules']:.3f}; "
          f"default={tmeta['default']}")
    if "body_type.json" in models:
        p = bcv["pooled"]
        print(f"body type: pooled acc model {p['model']['accuracy']:.3f}, fallback {p['fallback']['accuracy']:.3f}, "
              f"rules {p['rules']['accuracy']:.3f}; macro-F1 {p['model']['macro_f1']:.3f}, "
              f"{p['fallback']['macro_f1']:.3f}, {p['rules']['macro_f1']:.3f}; mode={mode} default={bmeta['default']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
