"""How much an event counts, from how far it got (stage), how firmly it is told
(assertion) and how well it is sourced (the event's confidence). Shared by the analyses."""
from __future__ import annotations

# How far along: a delivered or continuing transfer counts fully, a plan little.
STAGE_WEIGHT = {"delivered": 1.0, "ongoing": 1.0, "agreed": 0.8, "negotiating": 0.5,
                "proposed": 0.3, "cancelled": 0.2}
# How firmly told ("contested": a denial met an assertion).
ASSERTION_WEIGHT = {"asserted": 1.0, "reported": 0.85, "alleged": 0.65, "contested": 0.4,
                    "hypothetical": 0.15, "denied": 0.05}
FIRM_STAGES = ("agreed", "delivered", "ongoing")
FIRM_ASSERTIONS = ("asserted", "reported", "alleged")


def sourcing(event) -> float:
    """0.5 for a lone claim, rising with independent sources (the event's confidence
    when the store computed one)."""
    if event.confidence:
        return max(0.3, min(1.0, event.confidence))
    return min(1.0, 0.5 + 0.15 * max(0, event.n_sources - 1))


def event_strength(event) -> float:
    """A 0..1 weight of evidence for an event."""
    return round(STAGE_WEIGHT.get(event.stage, 0.3) * ASSERTION_WEIGHT.get(event.assertion, 0.3)
                 * sourcing(event), 3)


def evidence_of(event, claims: list[dict] | None = None, limit: int = 5) -> list[dict]:
    """Quotes behind an event: from its claims when given, else its best quote."""
    if claims:
        out = [{"quote": (c.get("evidence") or {}).get("quote"), "document": c.get("document_id"),
                "source": c.get("source"), "url": c.get("url"),
                "date": c.get("date") or c.get("document_date"),
                "stage": c.get("stage"), "assertion": c.get("assertion")} for c in claims]
        return [e for e in out if e["quote"]][:limit] or out[:limit]
    if event.best_quote:
        return [{"quote": event.best_quote, "document": event.best_document}]
    return []


def via_list(event) -> list[str]:
    """The intermediaries of a transfer event (a code, a list, or comma-joined codes)."""
    via = (event.attributes or {}).get("via")
    if not via:
        return []
    return [v for v in via.split(",") if v] if isinstance(via, str) else list(via)
