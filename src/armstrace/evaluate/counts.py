"""Tallies of one scoring run: true/false positives and negatives, attribute agreement."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """Matched (tp), spurious (fp) and missed (fn) records."""
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def system(self) -> int:
        return self.tp + self.fp

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when the system emitted nothing of this kind."""
        return self.tp / self.system if self.system else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when the gold holds nothing of this kind."""
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn), the harmonic mean of P and R (0.0 when either is
        0 or undefined while the other side is not empty); None when both sides are empty."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "gold": self.gold,
                "system": self.system, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


@dataclass
class Agreement:
    """Of the matched records of one type, how many agree with gold on stage and assertion."""
    matched: int = 0
    stage: int = 0
    assertion: int = 0

    @property
    def stage_share(self) -> float | None:
        return self.stage / self.matched if self.matched else None

    @property
    def assertion_share(self) -> float | None:
        return self.assertion / self.matched if self.matched else None

    def to_dict(self) -> dict:
        return {"matched": self.matched, "stage_agreement": self.stage_share,
                "assertion_agreement": self.assertion_share}
