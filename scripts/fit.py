"""Fitting and grouped cross-validation of the learned components (``make train``; scikit-learn).

In: the units of annotated documents with their labels (task classifier) and labelled body names
(body-type classifier); optionally the same from real documents (``../shared``). Out: the fitted
parameters as plain lists (written as JSON by :mod:`scripts.train`), cross-validation figures
grouped by document (``sklearn.model_selection.GroupKFold``: no document is ever in a fold's train
and test part), the figures on real documents, and the decisions whether a model is used by
default. The runtime package (``vntasks.learn``) holds the features and the scoring only and never
imports scikit-learn; this module is the only one that does, inside the functions that use it.
"""
from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from vntasks.extractors.bodies import body_type_of
from vntasks.learn import model as L
from vntasks.learn.metrics import Counts
from vntasks.structure.classify import rule_score

SEED = 20240601
N_FOLDS = 5
MARGIN = 0.01  # F1 gain over the rules required to enable the task model (accuracy gain: body type)
TASK_C = 0.5  # inverse L2 strength of the task model
TASK_MIN_DOCS = 2  # a feature must occur in this many training documents to get a weight
BODY_C = 4.0
#: The summary row of the real-text figures, beside one row per real set.
ALL_REAL = "all"


# ---------------------------------------------------------------------------------------------
# counting and folds


def prf(gold: Sequence[int], pred: Sequence[int], extra_fn: int = 0) -> Counts:
    """P/R/F1 counts (:class:`vntasks.learn.metrics.Counts`) of binary predictions."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    return Counts(tp, fp, fn + extra_fn)


def group_folds(groups: Sequence[str], n_folds: int = N_FOLDS) -> list[tuple[list[int], list[int]]]:
    """GroupKFold splits (train indices, test indices): a group is never on both sides."""
    from sklearn.model_selection import GroupKFold

    n = min(n_folds, len(set(groups)))
    idx = list(range(len(groups)))
    return [(sorted(map(int, a)), sorted(map(int, b))) for a, b in GroupKFold(n_splits=n).split(idx, groups=groups)]


# ---------------------------------------------------------------------------------------------
# estimators


def fit_task_estimator(dicts: Sequence[Mapping[str, float]], labels: Sequence[int], docs: Sequence[str]):
    """(DictVectorizer, LogisticRegression) fitted on the features seen in TASK_MIN_DOCS+ documents."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen: dict[str, set[str]] = {}
    for d, doc in zip(dicts, docs, strict=True):
        for k in d:
            seen.setdefault(k, set()).add(doc)
    keep = {k for k, s in seen.items() if len(s) >= TASK_MIN_DOCS}
    rows = [{k: v for k, v in d.items() if k in keep} for d in dicts]
    vec = DictVectorizer(sort=True)
    x = vec.fit_transform(rows)
    if len(set(labels)) < 2:
        raise ValueError("task training data has one class only")
    clf = LogisticRegression(C=TASK_C, max_iter=5000, random_state=SEED)
    clf.fit(x, list(labels))
    return vec, clf


def fit_task(dicts: Sequence[Mapping[str, float]], labels: Sequence[int], docs: Sequence[str]) -> dict[str, Any]:
    """Logistic regression on the feature dicts; the parameters as plain lists (sorted names)."""
    vec, clf = fit_task_estimator(dicts, labels, docs)
    names = [str(n) for n in vec.get_feature_names_out()]
    coef = [round(float(c), 6) for c in clf.coef_[0]]
    pairs = [(n, c) for n, c in zip(names, coef, strict=True) if c != 0.0]
    return {"features": [n for n, _ in pairs], "coef": [c for _, c in pairs],
            "intercept": round(float(clf.intercept_[0]), 6)}


def fit_body_estimator(names: Sequence[str], labels: Sequence[str]):
    """(TfidfVectorizer, LogisticRegression) over ``vntasks.learn.model.name_ngrams``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer=L.name_ngrams, sublinear_tf=True, norm="l2", lowercase=False)
    x = vec.fit_transform(list(names))
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise ValueError("body training data has one class only")
    clf = LogisticRegression(C=BODY_C, max_iter=5000, random_state=SEED)
    clf.fit(x, list(labels))
    return vec, clf


def fit_body(names: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Char n-gram TF-IDF + multinomial logistic regression; parameters as plain lists."""
    vec, clf = fit_body_estimator(names, labels)
    vocab = [str(v) for v in vec.get_feature_names_out()]
    coef = [[round(float(c), 6) for c in row] for row in clf.coef_]
    intercept = [round(float(b), 6) for b in clf.intercept_]
    if len(clf.classes_) == 2:  # binary LR keeps one row: expand to the two-class form
        coef = [[-c for c in coef[0]], coef[0]]
        intercept = [-intercept[0], intercept[0]]
    return {"vocabulary": vocab, "idf": [round(float(v), 6) for v in vec.idf_],
            "classes": [str(c) for c in clf.classes_], "coef": coef, "intercept": intercept}


def task_model_from_params(params: Mapping[str, Any], default: bool = True) -> L.TaskModel:
    """The model the package would load from these parameters (through its JSON file)."""
    return L.parse_model(L.model_json("task", params, {"default": default}), "task")  # type: ignore[return-value]


def body_model_from_params(params: Mapping[str, Any], default: bool = True, mode: str = "replace") -> L.BodyModel:
    return L.parse_model(L.model_json("body", params, {"default": default, "mode": mode}), "body")  # type: ignore[return-value]


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

    def __add__(self, other: TaskData) -> TaskData:
        return TaskData(self.docs + other.docs, self.dicts + other.dicts, self.labels + other.labels,
                        self.rules + other.rules, {**self.unreachable, **other.unreachable},
                        self.excluded + other.excluded)


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
    return statistics.fmean(prf(g, p, unreachable.get(doc, 0)).f1 for doc, (g, p) in sorted(by.items()))


def task_oof(d: TaskData) -> tuple[list[tuple[list[int], list[int]]], list[int]]:
    """The grouped folds and each unit's out-of-fold prediction (1 task, 0 not)."""
    folds = group_folds(d.docs)
    oof = [0] * len(d.labels)
    for tr, te in folds:
        ytr = [d.labels[i] for i in tr]
        if len(set(ytr)) < 2:
            preds = [ytr[0]] * len(te)
        else:
            m = task_model_from_params(fit_task([d.dicts[i] for i in tr], ytr, [d.docs[i] for i in tr]))
            preds = [int(m.score(d.dicts[i]) > 0) for i in te]
        for i, p in zip(te, preds, strict=True):
            oof[i] = p
    return folds, oof


def cv_task(d: TaskData) -> dict[str, Any]:
    folds, oof = task_oof(d)
    per_fold = []
    for k, (_, te) in enumerate(folds, 1):
        test_docs = sorted({d.docs[i] for i in te})
        extra = sum(d.unreachable[x] for x in test_docs)
        gold = [d.labels[i] for i in te]
        per_fold.append({"fold": k, "docs": len(test_docs), "units": len(te),
                         "model": prf(gold, [oof[i] for i in te], extra).row(),
                         "rules": prf(gold, [d.rules[i] for i in te], extra).row()})
    extra = sum(d.unreachable.values())
    return {
        "folds": per_fold,
        "mean_fold_f1": {w: round(statistics.fmean(f[w]["f1"] for f in per_fold), 4) for w in ("model", "rules")},
        "pooled": {"model": prf(d.labels, oof, extra).row(), "rules": prf(d.labels, d.rules, extra).row()},
        "mean_doc_f1": {"model": round(_doc_f1(d.docs, d.labels, oof, d.unreachable), 4),
                        "rules": round(_doc_f1(d.docs, d.labels, d.rules, d.unreachable), 4)},
        "folds_won": sum(f["model"]["f1"] > f["rules"]["f1"] for f in per_fold),
    }


def task_default(cv: dict[str, Any]) -> bool:
    """Without real documents: enabled only when it beats the rules on every summary of the
    annotations' cross-validation: mean fold F1 by MARGIN, pooled F1, mean per-document F1, and in
    at least half of the folds."""
    return (cv["mean_fold_f1"]["model"] >= cv["mean_fold_f1"]["rules"] + MARGIN
            and cv["pooled"]["model"]["f1"] > cv["pooled"]["rules"]["f1"]
            and cv["mean_doc_f1"]["model"] > cv["mean_doc_f1"]["rules"]
            and 2 * cv["folds_won"] >= len(cv["folds"]))


def _task_rows(d: TaskData, sets: Mapping[str, Sequence[str]], preds: Sequence[int]) -> dict[str, Any]:
    """Model and rules P/R/F1 over the units of each real set's documents, and of all of them."""
    out = {}
    for name, docs in [*sets.items(), (ALL_REAL, [x for ds in sets.values() for x in ds])]:
        keep = set(docs)
        idx = [i for i, doc in enumerate(d.docs) if doc in keep]
        gold = [d.labels[i] for i in idx]
        extra = sum(d.unreachable.get(x, 0) for x in docs)
        out[name] = {"docs": len(docs), "units": len(idx), "positive": sum(gold), "unreachable": extra,
                     "model": prf(gold, [preds[i] for i in idx], extra).row(),
                     "rules": prf(gold, [d.rules[i] for i in idx], extra).row()}
    return out


def real_task(ann: TaskData, real: TaskData, sets: Mapping[str, Sequence[str]], shipped: L.TaskModel) -> dict[str, Any]:
    """The task classifier on real documents (``sets``: set name -> its documents): ``held_out``,
    the shipped model (fitted on the annotations only) on them; ``cv``, out-of-fold on them in a
    grouped cross-validation over the annotations and the real documents together (each real
    document its own group), with ``cv_annotations`` the same folds' figures on the annotations."""
    joined = ann + real
    folds, oof = task_oof(joined)
    n = len(ann.labels)
    extra = sum(ann.unreachable.values())
    held = [int(shipped.score(x) > 0) for x in real.dicts]
    return {"held_out": _task_rows(real, sets, held), "cv": _task_rows(real, sets, oof[n:]), "cv_folds": len(folds),
            "disagree": {"held_out": sum(p != r for p, r in zip(held, real.rules, strict=True)),
                         "cv": sum(p != r for p, r in zip(oof[n:], real.rules, strict=True))},
            "cv_annotations": {"model": prf(ann.labels, oof[:n], extra).row(),
                               "rules": prf(ann.labels, ann.rules, extra).row()}}


def task_default_real(real: dict[str, Any]) -> bool:
    """With real documents: enabled only when it beats the rules' F1 on them by MARGIN both as
    shipped (fitted on the annotations only) and out-of-fold with the real documents in training."""
    return all(real[k][ALL_REAL]["model"]["f1"] >= real[k][ALL_REAL]["rules"]["f1"] + MARGIN
               for k in ("held_out", "cv"))


# ---------------------------------------------------------------------------------------------
# body-type classifier


@dataclass
class BodyData:
    docs: list[str]
    names: list[str]
    labels: list[str]
    unlabelled: list[str]

    def __add__(self, other: BodyData) -> BodyData:
        return BodyData(self.docs + other.docs, self.names + other.names, self.labels + other.labels,
                        sorted(set(self.unlabelled) | set(other.unlabelled)))


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
    per = {c: prf([int(g == c) for g in gold], [int(p == c) for p in pred]).row() for c in classes}
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 1.0
    macro = statistics.fmean(per[c]["f1"] for c in classes) if classes else 1.0
    return {"accuracy": round(acc, 4), "macro_f1": round(macro, 4), "n": len(gold), "per_class": per}


def with_fallback(rules: Sequence[str], model: Sequence[str]) -> list[str]:
    """The rules' type, and the model's where the rules say ``other``."""
    return [r if r != "other" else p for r, p in zip(rules, model, strict=True)]


def body_oof(d: BodyData) -> tuple[list[tuple[list[int], list[int]]], list[str]]:
    """The grouped folds and each name's out-of-fold predicted type."""
    folds = group_folds(d.docs)
    oof = [""] * len(d.names)
    for tr, te in folds:
        ytr = [d.labels[i] for i in tr]
        if len(set(ytr)) < 2:
            preds = [ytr[0]] * len(te)
        else:
            m = body_model_from_params(fit_body([d.names[i] for i in tr], ytr))
            preds = [m.predict(d.names[i]) for i in te]
        for i, p in zip(te, preds, strict=True):
            oof[i] = p
    return folds, oof


def cv_body(d: BodyData) -> dict[str, Any]:
    folds, oof = body_oof(d)
    unseen_idx: list[int] = []
    per_fold = []
    rules_all = [body_type_of(n) for n in d.names]
    for k, (tr, te) in enumerate(folds, 1):
        train_names = {d.names[i] for i in tr}
        unseen_idx += [i for i in te if d.names[i] not in train_names]
        gold = [d.labels[i] for i in te]
        preds = [oof[i] for i in te]
        rules = [rules_all[i] for i in te]
        per_fold.append({"fold": k, "docs": len({d.docs[i] for i in te}), "names": len(te),
                         **{w: {x: v for x, v in class_scores(gold, ys).items() if x != "per_class"}
                            for w, ys in (("model", preds), ("fallback", with_fallback(rules, preds)),
                                          ("rules", rules))}})
    unseen_idx.sort()
    preds_by = {"model": oof, "fallback": with_fallback(rules_all, oof), "rules": rules_all}
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
    """Without real documents: enabled only when, in the chosen mode, pooled accuracy, pooled
    macro-F1 and accuracy on names unseen in training are all higher than the rules'."""
    w = "model" if mode == "replace" else "fallback"
    p, u = cv["pooled"], cv["unseen_names"]
    return (p[w]["accuracy"] > p["rules"]["accuracy"] and p[w]["macro_f1"] > p["rules"]["macro_f1"]
            and u[w]["accuracy"] > u["rules"]["accuracy"])


def macro_scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    """:func:`class_scores` without the per-type rows, with macro precision and recall beside macro F1."""
    s = class_scores(gold, pred)
    per = s.pop("per_class")
    for key, col in (("macro_p", "p"), ("macro_r", "r")):
        s[key] = round(statistics.fmean(r[col] for r in per.values()), 4) if per else 1.0
    return s


def _body_rows(d: BodyData, sets: Mapping[str, Sequence[str]], preds: Sequence[str]) -> dict[str, Any]:
    rules = [body_type_of(n) for n in d.names]
    by = {"model": list(preds), "fallback": with_fallback(rules, preds), "rules": rules}
    out = {}
    for name, docs in [*sets.items(), (ALL_REAL, [x for ds in sets.values() for x in ds])]:
        keep = set(docs)
        idx = [i for i, doc in enumerate(d.docs) if doc in keep]
        out[name] = {w: macro_scores([d.labels[i] for i in idx], [ys[i] for i in idx]) for w, ys in by.items()}
    return out


def real_body(ann: BodyData, real: BodyData, sets: Mapping[str, Sequence[str]], shipped: L.BodyModel) -> dict[str, Any]:
    """The body-type classifier on the labelled names of real documents, as :func:`real_task`:
    ``held_out`` (the shipped model's parameters, fitted on the annotations only) and ``cv``
    (out-of-fold, annotations and real documents in one grouped cross-validation)."""
    folds, oof = body_oof(ann + real)
    return {"held_out": _body_rows(real, sets, [shipped.predict(n) for n in real.names]),
            "cv": _body_rows(real, sets, oof[len(ann.names):]), "cv_folds": len(folds),
            "names": len(real.names), "distinct": len(set(real.names)), "unlabelled": len(real.unlabelled),
            "seen": len({L.fold_name(n) for n in real.names} & {L.fold_name(n) for n in ann.names})}


def body_default_real(real: dict[str, Any], mode: str) -> bool:
    """With labelled real names: enabled only when, in the chosen mode, accuracy on them beats the
    rules' by MARGIN and macro-F1 is no lower, both as shipped and out-of-fold."""
    w = "model" if mode == "replace" else "fallback"
    rows = [real[k][ALL_REAL] for k in ("held_out", "cv")]
    return all(r[w]["accuracy"] >= r["rules"]["accuracy"] + MARGIN and r[w]["macro_f1"] >= r["rules"]["macro_f1"]
               for r in rows)
