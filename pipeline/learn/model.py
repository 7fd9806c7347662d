"""Learned components at run time: features, the JSON model files, and scoring.

In: a unit's rule features and text (task classifier), a body's canonical name (body-type
classifier), and the model files of ``pipeline/data/models/``. Out: a score or a type, or None.

Both models are fitted by the training scripts (``scripts/train.py`` and ``scripts/fit.py``,
``make train``), which alone import scikit-learn: this module never does. The cards
``models/*.md`` give their figures and whether a model is used by default.

Models are stored as JSON (never pickle): the feature names and the fitted logistic-regression
weights. Loading validates the schema, the feature-spec version and a digest of the parameters,
then scores with a plain dot product, so inference needs neither scikit-learn nor any file
outside the package (``pipeline/data/models/``). The same feature code here serves training and
inference.

Public use (the pipeline's wiring; each returns None when the model is absent, or is not
enabled by its card, so the caller falls back to the rules):

    learned_task_score(features, text, position) -> float | None   # > 0 means "task"
    learned_body_type(name) -> str | None                            # one of bodies.BODY_TYPES
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import regex

from ..extractors.bodies import body_type_of
from ..ingest.clean import clean
from ..structure.classify import rule_score, unit_categories, unit_features
from ..structure.fields import field_children
from ..structure.segment import segment
from ..text.lexicon import PACKAGE
from ..text.normalise import fold

# underthesea (word segmentation, rarely needed) is imported inside the function that uses it.

FEATURE_VERSION = "vntasks-learn/1"  # bump when any feature function below changes
SCHEMA = "vntasks-model/1"
TASK_MODEL = "task_classifier.json"
BODY_MODEL = "body_type.json"
HEAD_SYLLABLES = 12  # syllables of a unit's head given to the word segmenter

_NUM = regex.compile(r"^\d[\d.,/-]*$")
_WORD = regex.compile(r"[\p{L}\p{N}_]+")
_SPACES = regex.compile(r"\s+")


class ModelError(ValueError):
    """A model file that is missing a field, of another version, or altered after training."""


# ---------------------------------------------------------------------------------------------
# Features of a unit (task classifier)


@dataclass(frozen=True, slots=True)
class UnitRow:
    """One classifiable unit of a document, with what the rules see of it."""

    doc: str
    index: int  # index in Segmented.units
    text: str  # own text, whitespace-collapsed
    features: Any  # classify.Features
    position: float  # relative offset in the body, 0..1


#: The key a body name is labelled by: the scorer's fold (NFC, modern tones, lower case).
fold_name = fold


@cache
def _segment_words(head: str) -> tuple[str, ...]:
    """underthesea word segmentation of a short head (cached: heads repeat across units)."""
    from underthesea import word_tokenize

    return tuple(w.lower() for w in word_tokenize(head) if _WORD.search(w))


def head_words(text: str, n: int = HEAD_SYLLABLES) -> tuple[str, ...]:
    """The words of the first ``n`` syllables of ``text`` (underthesea), lower case, numbers as <num>."""
    head = " ".join(text.split()[:n])
    if not head:
        return ()
    return tuple("<num>" if _NUM.match(w) else w.replace(" ", "_") for w in _segment_words(head))


def _bin(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


def task_feature_dict(f: Any, text: str, position: float) -> dict[str, float]:
    """The features of one unit: the rule features (kind, section category, intro, length, ending,
    cue words and their summed weight, the rule score itself), its position in the body, and the
    underthesea words of its head (first word and bag of head words)."""
    rs = rule_score(f)
    out: dict[str, float] = {
        "bias_rule": max(-1.0, min(1.0, rs / 5.0)),
        "rule_pos": 1.0 if rs > 0 else 0.0,
        f"kind={f.kind}": 1.0,
        f"section={f.category or 'none'}": 1.0,
        f"kind_section={f.kind}|{f.category or 'none'}": 1.0,
        "cue_score": max(-2.0, min(2.0, f.cue_score / 5.0)),
        f"len_bin={_bin(f.n_words, (5, 12, 25, 50, 100))}": 1.0,
        f"pos_bin={_bin(position, (0.1, 0.3, 0.7, 0.9))}": 1.0,
    }
    if f.intro:
        out["intro"] = 1.0
    if f.closing:
        out["closing"] = 1.0
    if f.ends_sentence:
        out["ends_sentence"] = 1.0
    if text.rstrip().endswith(":"):
        out["ends_colon"] = 1.0
    for cue in f.cues:
        out[f"cue={cue.lower()}"] = 1.0
    words = head_words(text)
    if words:
        out[f"w0={words[0]}"] = 1.0
    for w in words:
        out[f"hw={w}"] = 1.0
    return out


def unit_rows(doc: str, text: str) -> list[UnitRow]:
    """The units of a document's text that the pipeline decides on, with the features it
    computes for them: headings and labelled-field sub-items excluded, section categories from
    :func:`..structure.classify.unit_categories` as in ``resolve.resolve``."""
    seg = segment(clean(text).text)
    units = seg.units
    _, fields = field_children(seg.text, units)
    owns = [seg.own_text(u) for u in units]
    cats = unit_categories(units, owns, fields)
    span = max(1, seg.body_end - seg.body_start)
    rows = []
    for i, u in enumerate(units):
        if u.kind == "heading" or i in fields:
            continue
        pos = min(1.0, max(0.0, (u.start - seg.body_start) / span))
        rows.append(UnitRow(doc, i, owns[i], unit_features(owns[i], u.kind, cats[i], u.intro), round(pos, 4)))
    return rows


def label_rows(rows: Sequence[UnitRow], tasks: Sequence[Mapping[str, Any]]) -> tuple[list[int | None], int]:
    """1 when a unit's folded text contains a required gold anchor, None (excluded) when it contains
    only an optional one, else 0; and the number of required anchors no unit contains."""
    required = [fold(t["anchor"]) for t in tasks if not t.get("optional")]
    optional = [fold(t["anchor"]) for t in tasks if t.get("optional")]
    folded = [fold(r.text) for r in rows]
    labels: list[int | None] = []
    for ft in folded:
        if any(a and a in ft for a in required):
            labels.append(1)
        elif any(a and a in ft for a in optional):
            labels.append(None)
        else:
            labels.append(0)
    unreachable = sum(1 for a in required if not any(a in ft for ft in folded))
    return labels, unreachable


# ---------------------------------------------------------------------------------------------
# Features of a body name (body-type classifier)


def name_ngrams(name: str) -> list[str]:
    """Character 2..4-grams of each word of the folded name, padded with spaces (as "char_wb"),
    plus the first two words as tokens (the head decides most types)."""
    words = fold(name).split()
    out = []
    for w in words:
        p = f" {w} "
        for n in (2, 3, 4):
            if len(p) < n:
                continue
            out.extend(p[k:k + n] for k in range(len(p) - n + 1))
    out.extend(f"w{k}={w}" for k, w in enumerate(words[:2]))
    return out


def tfidf(grams: Iterable[str], vocab: Mapping[str, int], idf: Sequence[float]) -> dict[int, float]:
    """Sublinear tf times idf, L2-normalised (TfidfVectorizer(sublinear_tf=True, norm="l2"))."""
    counts: dict[int, int] = {}
    for g in grams:
        j = vocab.get(g)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    vec = {j: (1.0 + math.log(c)) * idf[j] for j, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {j: v / norm for j, v in vec.items()} if norm else {}


# ---------------------------------------------------------------------------------------------
# The model files


def params_digest(params: Mapping[str, Any]) -> str:
    return hashlib.sha256(json.dumps(params, sort_keys=True, ensure_ascii=False,
                                     separators=(",", ":")).encode("utf-8")).hexdigest()


def model_json(kind: str, params: Mapping[str, Any], meta: Mapping[str, Any]) -> str:
    """The file text of a model: deterministic (sorted keys, no timestamps)."""
    doc = {"schema": SCHEMA, "kind": kind, "feature_version": FEATURE_VERSION, "params": params,
           "params_sha256": params_digest(params), "meta": meta}
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def _finite(xs: Iterable[Any]) -> bool:
    return all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x) for x in xs)


@dataclass(frozen=True)
class TaskModel:
    weights: Mapping[str, float]
    intercept: float
    default: bool

    def score(self, feats: Mapping[str, float]) -> float:
        return self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())


@dataclass(frozen=True)
class BodyModel:
    vocab: Mapping[str, int]
    idf: tuple[float, ...]
    classes: tuple[str, ...]
    coef: tuple[tuple[float, ...], ...]
    intercept: tuple[float, ...]
    default: bool
    mode: str = "replace"  # "replace": the model decides; "fallback": only where the rules say "other"
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def scores(self, name: str) -> list[float]:
        x = tfidf(name_ngrams(name), self.vocab, self.idf)
        return [b + sum(row[j] * v for j, v in x.items()) for row, b in zip(self.coef, self.intercept, strict=True)]

    def predict(self, name: str) -> str:
        s = self.scores(name)
        return self.classes[max(range(len(s)), key=s.__getitem__)]

    def body_type(self, name: str) -> str:
        """The type the pipeline uses: by ``mode``, the model's, or the rules' unless they say "other".
        Remembered per name: a corpus names the same bodies over and over."""
        got = self._memo.get(name)
        if got is None:
            if len(self._memo) >= 8192:
                self._memo.clear()
            got = self._memo[name] = self._body_type(name)
        return got

    def _body_type(self, name: str) -> str:
        if self.mode == "fallback":
            rule = body_type_of(name)
            if rule != "other":
                return rule
        return self.predict(name)


def parse_model(text: str, kind: str) -> TaskModel | BodyModel:
    """Validate a model file's JSON and build the model; ModelError on anything unexpected."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise ModelError(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA:
        raise ModelError(f"unknown schema {doc.get('schema') if isinstance(doc, dict) else None!r}")
    if doc.get("kind") != kind:
        raise ModelError(f"model kind {doc.get('kind')!r}, expected {kind!r}")
    if doc.get("feature_version") != FEATURE_VERSION:
        raise ModelError(f"feature version {doc.get('feature_version')!r}, this code is {FEATURE_VERSION!r}")
    params = doc.get("params")
    if not isinstance(params, dict) or doc.get("params_sha256") != params_digest(params):
        raise ModelError("parameters do not match their digest (file altered after training)")
    meta = doc.get("meta")
    if not isinstance(meta, dict) or not isinstance(meta.get("default"), bool):
        raise ModelError("meta.default missing")
    mode = meta.get("mode", "replace")
    if mode not in ("replace", "fallback"):
        raise ModelError(f"unknown mode {mode!r}")
    try:
        if kind == "task":
            names, coef, b = params["features"], params["coef"], params["intercept"]
            if not (isinstance(names, list) and all(isinstance(n, str) for n in names)
                    and isinstance(coef, list) and len(coef) == len(names) and _finite(coef) and _finite([b])):
                raise ModelError("task model: bad features/coef/intercept")
            return TaskModel(dict(zip(names, map(float, coef), strict=True)), float(b), meta["default"])
        vocab, idf, classes = params["vocabulary"], params["idf"], params["classes"]
        coef, b = params["coef"], params["intercept"]
        if not (isinstance(vocab, list) and all(isinstance(v, str) for v in vocab) and len(set(vocab)) == len(vocab)
                and isinstance(idf, list) and len(idf) == len(vocab) and _finite(idf)
                and isinstance(classes, list) and all(isinstance(c, str) for c in classes) and len(classes) >= 2
                and isinstance(coef, list) and len(coef) == len(classes)
                and all(isinstance(r, list) and len(r) == len(vocab) and _finite(r) for r in coef)
                and isinstance(b, list) and len(b) == len(classes) and _finite(b)):
            raise ModelError("body model: bad vocabulary/idf/classes/coef/intercept")
        return BodyModel({v: i for i, v in enumerate(vocab)}, tuple(map(float, idf)), tuple(classes),
                         tuple(tuple(map(float, r)) for r in coef), tuple(map(float, b)), meta["default"], mode)
    except KeyError as exc:
        raise ModelError(f"missing parameter {exc}") from exc


def _package_model_text(filename: str) -> str | None:
    f = resources.files(PACKAGE).joinpath("data", "models", filename)
    return f.read_text(encoding="utf-8") if f.is_file() else None


@cache
def load_task_model() -> TaskModel | None:
    """The package's task model (pipeline/data/models/), or None when it was never trained."""
    text = _package_model_text(TASK_MODEL)
    return None if text is None else parse_model(text, "task")  # type: ignore[return-value]


@cache
def load_body_model() -> BodyModel | None:
    text = _package_model_text(BODY_MODEL)
    return None if text is None else parse_model(text, "body")  # type: ignore[return-value]


def learned_task_score(features: Any, text: str, position: float, force: bool = False) -> float | None:
    """The learned score of a unit (> 0 means task; a log-odds), or None when the model is absent
    or its card does not enable it by default (``force`` ignores the card, for research)."""
    m = load_task_model()
    if m is None or not (m.default or force):
        return None
    return m.score(task_feature_dict(features, text, position))


def learned_body_type(name: str, force: bool = False) -> str | None:
    """The learned body type of a canonical name, or None (absent, or not enabled by its card)."""
    m = load_body_model()
    if m is None or not (m.default or force) or not name.strip():
        return None
    return m.body_type(name)
