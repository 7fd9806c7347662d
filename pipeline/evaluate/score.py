"""Scoring predicted documents against gold annotations (the figures of ``vntasks eval``).

In: gold records and predicted documents.jsonl records (dicts). Out: a :class:`Report`, as a
dict (:func:`report_dict`) or text (:func:`render_text`); the command that reads the files is
:mod:`.command`.

The rules are SPEC "How extraction is scored"; the figures are the ones
``../shared/eval/score.py`` gives on the same inputs (same matching, same tie-breaking, same
rounding, same JSON key names for the main table). On top of them this module reports a
per-level breakdown, a per-document error listing and a confusion summary (counts of error
kinds, the largest first), so a developer sees what dominates.

Error kinds count root causes: the bodies, dates and references of a task that was missed
altogether are in the figures (as misses) but are listed only once, as the missed task.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..learn.metrics import Accuracy, Counts
from ..text.lexicon import load_table
from ..text.normalise import fold, ref_id

SKIP = "?"  # a gold value a careful reader could not decide: not scored
MEASURES = ("tasks", "responsible", "support", "deadline", "period", "task_refs", "doc_refs")
BODY_THRESHOLD = 0.75  # Dice of body token sets at or above which two bodies match
# Tokens ignored when comparing bodies (titles, "các", the country name of MTTQ, fillers).
BODY_STOPWORDS = frozenset({"các", "đồng", "chí", "đ", "c", "việt", "nam", "của", "và", "cơ", "quan",
                            "thường", "trực"})
UNKNOWN_LEVEL = "unknown"

# ---------------------------------------------------------------------------------------------
# Folding and normalisation


@cache
def score_abbreviations() -> Mapping[str, str]:
    """Folded abbreviation -> folded expansion, from data/score_abbreviations.tsv."""
    return {row["abbr"]: row["expansion"] for row in load_table("score_abbreviations.tsv", ("abbr", "expansion"))}


def body_tokens(name: str | None) -> frozenset[str]:
    """The token set a body is compared by: folded, "/" and "-" split, abbreviations expanded,
    stopwords dropped. (Parenthetical glosses need no step: fold() already blanks brackets.)"""
    abbr = score_abbreviations()
    words = fold(name).replace("/", " ").replace("-", " ").split()
    return frozenset(t for w in words for t in abbr.get(w, w).split() if t not in BODY_STOPWORDS)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two token sets; two empty sets are identical (1.0)."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


# ---------------------------------------------------------------------------------------------
# Counting


def set_counts(gold: Iterable[str], pred: Iterable[str]) -> Counts:
    """Micro counts of two id sets."""
    g, p = set(gold), set(pred)
    return Counts(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def value_counts(gold: Any, pred: Any) -> Counts:
    """Exact-value P/R over stated values: equal -> tp; a stated wrong value is fp and fn."""
    if gold is not None and pred == gold:
        return Counts(tp=1)
    return Counts(fp=int(pred is not None), fn=int(gold is not None))


def value_error(gold: Any, pred: Any) -> str:
    """"missed", "extra", "wrong value", or "" when the value is right (or both absent)."""
    if gold == pred or (gold is None and pred is None):
        return ""
    if pred is None:
        return "missed"
    return "extra" if gold is None else "wrong value"


# ---------------------------------------------------------------------------------------------
# Matching


@dataclass(frozen=True)
class BodyMatch:
    """Greedy one-to-one matching of gold and predicted bodies (best Dice first)."""

    pairs: tuple[tuple[int, int], ...]  # (gold index, pred index)
    missed: tuple[int, ...]  # gold indices left unmatched
    extra: tuple[int, ...]  # pred indices left unmatched

    @property
    def counts(self) -> Counts:
        return Counts(tp=len(self.pairs), fp=len(self.extra), fn=len(self.missed))


def match_bodies(gold: Sequence[str], pred: Sequence[str], threshold: float = BODY_THRESHOLD) -> BodyMatch:
    """Pairs taken by decreasing (Dice, gold index, pred index) while both are free and Dice >= threshold."""
    g = [body_tokens(x) for x in gold]
    p = [body_tokens(x) for x in pred]
    ranked = sorted(((dice(a, b), i, j) for i, a in enumerate(g) for j, b in enumerate(p)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, i, j in ranked:
        if score >= threshold and i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return BodyMatch(pairs=tuple(sorted(pairs)),
                     missed=tuple(i for i in range(len(g)) if i not in used_g),
                     extra=tuple(j for j in range(len(p)) if j not in used_p))


@dataclass(frozen=True)
class AnchorMatch:
    """Which predicted task a gold task got; ``swallowed_by`` names the already-taken predicted
    task that contains the anchor when the gold task got none (a task that swallowed it)."""

    gold_index: int
    pred_index: int | None
    swallowed_by: int | None = None


def match_anchors(anchors: Sequence[str], texts: Sequence[str]) -> tuple[AnchorMatch, ...]:
    """Each gold anchor, in order, takes the first free predicted task whose folded text contains it."""
    folded = [fold(t) for t in texts]
    used: set[int] = set()
    out = []
    for i, anchor in enumerate(anchors):
        a = fold(anchor)
        hits = [j for j, txt in enumerate(folded) if a in txt]
        free = next((j for j in hits if j not in used), None)
        if free is not None:
            used.add(free)
        out.append(AnchorMatch(i, free, None if free is not None or not hits else hits[0]))
    return tuple(out)


def unmatched_predictions(matches: Sequence[AnchorMatch], n_pred: int) -> tuple[int, ...]:
    taken = {m.pred_index for m in matches}
    return tuple(j for j in range(n_pred) if j not in taken)


# ---------------------------------------------------------------------------------------------
# Reading predicted records (the same tolerant reading as the shared scorer)


@dataclass(frozen=True)
class PredBody:
    name: str
    inherited: bool


def pred_bodies(entries: Any, role: str) -> tuple[PredBody, ...]:
    """Bodies of one role in a predicted ``responsible`` list; a bare string is a lead."""
    out = []
    for e in entries or []:
        if isinstance(e, str):
            if role == "lead":
                out.append(PredBody(e, False))
        elif isinstance(e, dict) and (e.get("role") or "lead") == role:
            out.append(PredBody(e.get("name") or e.get("text") or "", bool(e.get("inherited"))))
    return tuple(out)


def pred_deadline(task: Mapping[str, Any]) -> Any:
    d = task.get("deadline")
    return d.get("date") if isinstance(d, dict) else (d or None)


def pred_period(task: Mapping[str, Any]) -> tuple[Any, Any] | None:
    p = task.get("period")
    if isinstance(p, dict) and (p.get("start") or p.get("end")):
        return (p.get("start"), p.get("end"))
    return None


def pred_period_inherited(task: Mapping[str, Any]) -> bool:
    p = task.get("period")
    return isinstance(p, dict) and bool(p.get("inherited"))


def gold_period(value: Any) -> Any:
    return value if value in (None, SKIP) else (value["start"], value["end"])


def pred_ref_ids(items: Any) -> set[str]:
    out = set()
    for r in items or []:
        rid = r.get("id") if isinstance(r, dict) else r
        if rid:
            out.add(ref_id(rid))
    return out


def doc_field(doc: Mapping[str, Any], name: str) -> Any:
    """A document field of a predicted record; chair_name/signer_name read chair/signer."""
    if name in ("chair_name", "signer_name"):
        person = doc.get(name.removesuffix("_name")) or {}
        return person.get("name") if isinstance(person, dict) else person
    return doc.get(name)


def field_ok(name: str, want: Any, got: Any) -> bool:
    """Exact match; doc_number compared as a reference id, names and province folded; the
    issuer, a body's name, matched as bodies are (Dice of token sets, SPEC)."""
    if got and want and name == "issuer":
        return dice(body_tokens(got), body_tokens(want)) >= BODY_THRESHOLD
    if got and name == "doc_number":
        got, want = ref_id(got), (ref_id(want) if want else want)
    elif got and name in ("chair_name", "signer_name", "province"):
        got, want = fold(got), (fold(want) if want else want)
    return (got or None) == (want or None)


def record_key(record: Mapping[str, Any]) -> str:
    """File name a predicted record stands for (``.txt`` added to a bare stem)."""
    name = Path(record.get("file") or record.get("source") or record.get("doc_id") or "").name
    return name if "." in name else name + ".txt"


def index_predictions(pred_docs: Iterable[Mapping[str, Any]]) -> dict[str, Mapping[str, Any]]:
    """By file name (the last record wins) and by stem (the first record wins)."""
    index: dict[str, Mapping[str, Any]] = {}
    for d in pred_docs:
        key = record_key(d)
        index[key] = d
        index.setdefault(Path(key).stem, d)
    return index


# ---------------------------------------------------------------------------------------------
# Scoring one document


@dataclass(frozen=True)
class EvalError:
    """One disagreement: ``kind`` is the confusion-summary key, ``detail`` says what and where."""

    file: str
    kind: str
    detail: str


@dataclass(frozen=True)
class DocScore:
    file: str
    level: str
    found: bool
    counts: Mapping[str, Counts]
    fields: Mapping[str, bool]
    errors: tuple[EvalError, ...]


def _short(text: Any, n: int = 60) -> str:
    s = " ".join(str(text or "").split())
    return repr(s if len(s) <= n else s[: n - 1] + "…")


def _inh(flag: bool) -> str:
    return "(inherited)" if flag else "(own)"


def score_fields(file: str, want: Mapping[str, Any], pred: Mapping[str, Any]) -> tuple[dict[str, bool], list[EvalError]]:
    results, errors = {}, []
    for name, value in want.items():
        if value == SKIP:
            continue
        got = doc_field(pred, name)
        results[name] = field_ok(name, value, got)
        if not results[name]:
            errors.append(EvalError(file, f"doc field wrong: {name}", f"{name}: want {value!r} got {got!r}"))
    return results, errors


def score_refs(file: str, scope: str, gold: Iterable[str], pred: set[str], where: str = "") -> tuple[Counts, list[EvalError]]:
    g = {ref_id(x) for x in gold}
    errors = [EvalError(file, f"{scope} reference missed", f"{where}reference missed: {x}") for x in sorted(g - pred)]
    errors += [EvalError(file, f"{scope} reference extra", f"{where}reference extra: {x}") for x in sorted(pred - g)]
    return set_counts(g, pred), errors


def body_errors(file: str, key: str, where: str, gold: Sequence[str], pred: Sequence[PredBody],
                match: BodyMatch) -> list[EvalError]:
    """Unmatched gold and predicted bodies of one task, paired in order as "wrong", the rest missed/extra."""
    missed = [gold[i] for i in match.missed]
    extra = [pred[j] for j in match.extra]
    errors = [EvalError(file, f"{key} wrong {_inh(b.inherited)}", f"{where}{key}: want {g!r} got {b.name!r}")
              for g, b in zip(missed, extra, strict=False)]
    errors += [EvalError(file, f"{key} missed", f"{where}{key} missed: {g!r}") for g in missed[len(extra):]]
    errors += [EvalError(file, f"{key} extra {_inh(b.inherited)}", f"{where}{key} extra: {b.name!r}")
               for b in extra[len(missed):]]
    return errors


def missed_task_counts(gt: Mapping[str, Any]) -> dict[str, Counts]:
    """A non-optional gold task nothing matched: its stated bodies, dates and references are missed too."""
    out = {}
    for key in ("responsible", "support"):
        if gt.get(key, SKIP) != SKIP:
            out[key] = Counts(fn=len(gt[key]))
    for key in ("deadline", "period"):
        if gt.get(key) not in (None, SKIP):
            out[key] = Counts(fn=1)
    if gt.get("references", SKIP) != SKIP:
        out["task_refs"] = Counts(fn=len(gt["references"]))
    return out


def score_matched_task(file: str, gt: Mapping[str, Any], pt: Mapping[str, Any]) -> tuple[dict[str, Counts], list[EvalError]]:
    """Counts and errors of a gold task against the predicted task that matched it."""
    where = f"task {_short(gt['anchor'], 40)}: "
    counts: dict[str, Counts] = {"tasks": Counts(tp=1)}
    errors: list[EvalError] = []
    for role, key in (("lead", "responsible"), ("support", "support")):
        want = gt.get(key, SKIP)
        if want == SKIP:
            continue
        got = pred_bodies(pt.get("responsible"), role)
        match = match_bodies(want, [b.name for b in got])
        counts[key] = match.counts
        errors += body_errors(file, key, where, want, got, match)
    if gt.get("deadline") != SKIP:
        want, got = gt.get("deadline"), pred_deadline(pt)
        counts["deadline"] = value_counts(want, got)
        kind = value_error(want, got)
        if kind:
            errors.append(EvalError(file, f"deadline {kind}", f"{where}deadline: want {want} got {got}"))
    if gt.get("period") != SKIP:
        want, got = gold_period(gt.get("period")), pred_period(pt)
        counts["period"] = value_counts(want, got)
        kind = value_error(want, got)
        if kind:
            suffix = "" if kind == "missed" else " " + _inh(pred_period_inherited(pt))
            errors.append(EvalError(file, f"period {kind}{suffix}", f"{where}period: want {want} got {got}"))
    if gt.get("references", SKIP) != SKIP:
        counts["task_refs"], errs = score_refs(file, "task", gt["references"], pred_ref_ids(pt.get("references")), where)
        errors += errs
    return counts, errors


def _add(total: dict[str, Counts], part: Mapping[str, Counts]) -> None:
    for key, c in part.items():
        total[key] = total.get(key, Counts()) + c


def score_tasks(file: str, gold_tasks: Sequence[Mapping[str, Any]],
                pred_tasks: Sequence[Mapping[str, Any]]) -> tuple[dict[str, Counts], list[EvalError]]:
    matches = match_anchors([gt["anchor"] for gt in gold_tasks], [t.get("text") or "" for t in pred_tasks])
    counts: dict[str, Counts] = {}
    errors: list[EvalError] = []
    for m in matches:
        gt = gold_tasks[m.gold_index]
        if gt.get("optional"):
            continue
        if m.pred_index is not None:
            c, errs = score_matched_task(file, gt, pred_tasks[m.pred_index])
            _add(counts, c)
            errors += errs
            continue
        _add(counts, {"tasks": Counts(fn=1), **missed_task_counts(gt)})
        if m.swallowed_by is None:
            errors.append(EvalError(file, "missed task", f"missed task: {_short(gt['anchor'])}"))
        else:
            by = pred_tasks[m.swallowed_by]
            errors.append(EvalError(file, "missed task: swallowed by a neighbour",
                                    f"missed task: {_short(gt['anchor'])} is inside predicted "
                                    f"{by.get('task_id') or m.swallowed_by} {_short(by.get('text'), 40)}"))
    extra = unmatched_predictions(matches, len(pred_tasks))
    _add(counts, {"tasks": Counts(fp=len(extra))})
    errors += [EvalError(file, "extra task", f"extra task {pred_tasks[j].get('task_id') or j}: "
                                              f"{_short(pred_tasks[j].get('text'), 70)}") for j in extra]
    return counts, errors


def gold_level(gold: Mapping[str, Any]) -> str:
    level = (gold.get("doc") or {}).get("level")
    return level if isinstance(level, str) and level and level != SKIP else UNKNOWN_LEVEL


def score_document(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> DocScore:
    file = gold["file"]
    record = pred if pred is not None else {"tasks": [], "references": []}
    errors: list[EvalError] = []
    if pred is None:
        errors.append(EvalError(file, "document missing from the prediction", "no predicted record"))
    fields, errs = score_fields(file, gold.get("doc") or {}, record)
    errors += errs
    counts = {k: Counts() for k in MEASURES}
    counts["doc_refs"], errs = score_refs(file, "doc", gold.get("references", []), pred_ref_ids(record.get("references")))
    errors += errs
    task_counts, errs = score_tasks(file, gold.get("tasks", []), record.get("tasks") or [])
    _add(counts, task_counts)
    errors += errs
    return DocScore(file, gold_level(gold), pred is not None, counts, fields, tuple(errors))


# ---------------------------------------------------------------------------------------------
# Scoring a corpus


@dataclass(frozen=True)
class Report:
    docs: tuple[DocScore, ...]
    totals: Mapping[str, Counts]
    fields: Mapping[str, Accuracy]
    by_level: Mapping[str, Mapping[str, Counts]]  # gold level -> {"tasks", "responsible"}
    confusion: tuple[tuple[str, int], ...]  # (error kind, count), the largest first

    @property
    def missing_docs(self) -> list[str]:
        return [d.file for d in self.docs if not d.found]


def confusion_summary(errors: Iterable[EvalError]) -> tuple[tuple[str, int], ...]:
    counter = Counter(e.kind for e in errors)
    return tuple(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def score(gold_docs: Sequence[Mapping[str, Any]], pred_docs: Iterable[Mapping[str, Any]]) -> Report:
    index = index_predictions(pred_docs)
    docs = tuple(score_document(g, index.get(g["file"]) or index.get(Path(g["file"]).stem)) for g in gold_docs)
    totals = {k: Counts() for k in MEASURES}
    fields: dict[str, Accuracy] = {}
    by_level: dict[str, dict[str, Counts]] = {}
    for d in docs:
        _add(totals, d.counts)
        for name, ok in d.fields.items():
            fields[name] = fields.get(name, Accuracy()) + Accuracy(int(ok), 1)
        _add(by_level.setdefault(d.level, {}), {k: d.counts[k] for k in ("tasks", "responsible")})
    return Report(docs=docs, totals=totals, fields=dict(sorted(fields.items())),
                  by_level=dict(sorted(by_level.items())),
                  confusion=confusion_summary(e for d in docs for e in d.errors))


def report_dict(report: Report) -> dict[str, Any]:
    """The shared scorer's keys (measures, doc_fields, missing_docs, docs) plus by_level,
    confusion and a per-document error listing."""
    out: dict[str, Any] = {k: report.totals[k].row() for k in MEASURES}
    out["doc_fields"] = {k: v.row() for k, v in report.fields.items()}
    out["missing_docs"] = report.missing_docs
    out["docs"] = len(report.docs)
    out["by_level"] = {lvl: {**{k: c.row() for k, c in rows.items()},
                             "docs": sum(d.level == lvl for d in report.docs)}
                       for lvl, rows in report.by_level.items()}
    out["confusion"] = dict(report.confusion)
    out["errors"] = {d.file: [{"kind": e.kind, "detail": e.detail} for e in d.errors]
                     for d in report.docs if d.errors}
    return out


def render_text(report: Report, verbose: bool = False) -> str:
    lines = [f"{'measure':14} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for k in MEASURES:
        c = report.totals[k]
        lines.append(f"{k:14} {c.p:6.3f} {c.r:6.3f} {c.f1:6.3f}   {c.tp}/{c.fp}/{c.fn}")
    if report.fields:
        lines += ["", f"{'document field':14} {'acc':>6}   ok/n"]
        lines += [f"{k:14} {a.acc:6.3f}   {a.ok}/{a.n}" for k, a in report.fields.items()]
    if report.by_level:
        lines += ["", f"{'gold level':14} {'docs':>4}  {'tasks P/R/F1':>20}  {'responsible P/R/F1':>20}"]
        for lvl, rows in report.by_level.items():
            n = sum(d.level == lvl for d in report.docs)
            t, r = rows.get("tasks", Counts()), rows.get("responsible", Counts())
            lines.append(f"{lvl:14} {n:4}  {t.p:6.3f} {t.r:6.3f} {t.f1:6.3f}  {r.p:6.3f} {r.r:6.3f} {r.f1:6.3f}")
    if report.missing_docs:
        lines += ["", "documents missing from the prediction: " + ", ".join(report.missing_docs)]
    if verbose:
        lines += ["", "errors by document:"]
        if not any(d.errors for d in report.docs):
            lines.append("  (none)")
        for d in report.docs:
            if d.errors:
                lines.append(f"{d.file}")
                lines += [f"  {e.detail}" for e in d.errors]
    lines += ["", "confusion summary (error kinds, most frequent first; fields of missed tasks count as the missed task):"]
    lines += [f"{n:6}  {kind}" for kind, n in report.confusion] or ["     0  no errors"]
    return "\n".join(lines)
