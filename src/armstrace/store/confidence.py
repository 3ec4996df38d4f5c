"""Assertion summary and confidence of an event (formula in docs/confidence.md)."""
from __future__ import annotations

from collections import Counter

from ..ontology import ontology
from .merge import rules

SUPPORTING = ("asserted", "reported", "alleged")


def assertion_summary(counts: Counter | dict) -> str:
    """``contested`` when a denial meets an assertion, report or allegation; else the
    firmest assertion present."""
    present = [a for a, n in counts.items() if n]
    if not present:
        return "asserted"
    if "denied" in present and any(a in present for a in SUPPORTING):
        return "contested"
    rank = ontology().rank["assertion"]
    return max(present, key=lambda a: rank[a])


def confidence(groups: list[list[dict]]) -> float:
    """``(1 - 0.5 ** support) * contested_factor?`` where support adds, per independent
    source, the weight of its firmest assertion (a register row: ``register_weight``)."""
    r = rules()
    support = 0.0
    counts: Counter = Counter()
    for claims in groups:
        weights = [r.register_weight if c["register"] and c["assertion"] != "denied"
                   else r.weights.get(c["assertion"], 0.0) for c in claims]
        support += max(weights, default=0.0)
        counts.update(c["assertion"] for c in claims)
    value = 1.0 - 0.5 ** support
    if assertion_summary(counts) == "contested":
        value *= r.contested_factor
    return round(value, 3)
