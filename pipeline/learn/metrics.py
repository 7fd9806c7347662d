"""Counting agreement: true/false positives and negatives, accuracy.

In: counts. Out: precision, recall, F1 and accuracy (with the rounding of the report rows).
Shared by the learned components' cross-validation and by the scorer (:mod:`..evaluate.score`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives; P/R are 1.0 when undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, Any]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Accuracy:
    ok: int = 0
    n: int = 0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.ok + other.ok, self.n + other.n)

    @property
    def acc(self) -> float:
        return self.ok / self.n if self.n else 1.0

    def row(self) -> dict[str, Any]:
        return {"acc": round(self.acc, 4), "ok": self.ok, "n": self.n}
