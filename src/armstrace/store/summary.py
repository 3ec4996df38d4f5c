"""An event's summary computed from its claims: stage, history, counts, evidence."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..ontology import ontology
from .confidence import assertion_summary, confidence
from .merge import norm_designation
from .sources import DocInfo, source_groups

WEAK = ("denied", "hypothetical")
MERGED_ATTRIBUTES = ("via", "origin", "quantity", "designation", "domain", "kind")


def summarise(rtype: str, claims: list[dict], docs: dict[str, DocInfo]) -> dict[str, Any]:
    """Column values of the ``events`` row for these claims (each a dict with id,
    document_id, when, span, stage, assertion, quote, register and the attributes)."""
    groups = source_groups([docs[d] for d in sorted({c["document_id"] for c in claims})])
    by_doc: dict[str, list[dict]] = {}
    for c in claims:
        by_doc.setdefault(c["document_id"], []).append(c)
    counts = Counter(c["assertion"] for c in claims)
    firm = [c for c in claims if c["assertion"] not in WEAK] or claims
    best = max(claims, key=_strength)
    starts = [c["when"].split("/")[0] for c in claims if c["when"]]
    ends = [c["when"].split("/")[-1] for c in claims if c["when"]]
    spans = [c["span"] for c in claims if c["span"]]
    return {
        "stage": max(firm, key=lambda c: (_rank("stage", c["stage"]), c["when"] or ""))["stage"],
        "assertion": assertion_summary(counts),
        "first_seen": min(starts, default=None), "last_seen": max(ends, default=None),
        "span_lo": min((s[0] for s in spans), default=None),
        "span_hi": max((s[1] for s in spans), default=None),
        "n_claims": len(claims), "n_documents": len(by_doc), "n_sources": len(groups),
        "n_register": sum(1 for c in claims if c["register"]),
        "confidence": confidence([[c for d in g["documents"] for c in by_doc[d]]
                                  for g in groups]),
        "best_claim_id": best["id"], "best_quote": best["quote"],
        "best_document": best["document_id"],
        "summary": {"stage_history": stage_history(firm), "assertions": dict(sorted(counts.items())),
                    "attributes": attributes(rtype, claims, best),
                    "designations": sorted({d for c in claims
                                            if (d := norm_designation(c.get("designation")))})},
    }


def _rank(kind: str, code: str | None) -> int:
    return ontology().rank[kind].get(code, -1)


def _strength(c: dict) -> tuple:
    """Firmest, furthest, latest; ties broken by content (document, then the earliest
    sentence in it), never by the order claims were stored in, so concurrent writers
    agree on an event's best quote."""
    return (c["assertion"] != "denied", _rank("assertion", c["assertion"]),
            _rank("stage", c["stage"]), bool(c["quote"]), c["when"] or "",
            c["document_id"] or "", -(c.get("ev_start") or 0), c["quote"] or "")


def stage_history(claims: list[dict]) -> list[list[str]]:
    """(date, stage) the first time each stage was seen, in date order (undated last)."""
    seen: dict[str, str] = {}
    for c in sorted(claims, key=lambda c: (c["when"] is None, c["when"] or "", c["id"])):
        seen.setdefault(c["stage"], (c["when"] or "").split("/")[0])
    return [[when, stage] for stage, when in seen.items()]


def attributes(rtype: str, claims: list[dict], best: dict) -> dict[str, Any]:
    """tech if any claim says so; other attributes the most common value (ties: the
    strongest claim's); all item categories seen when there are several."""
    names = {f.name for f in ontology().types[rtype].attributes}
    out: dict[str, Any] = {}
    if "tech" in names:
        out["tech"] = any(c.get("tech") for c in claims)
    for name in MERGED_ATTRIBUTES:
        if name not in names:
            continue
        values = Counter(c[name] for c in claims if c.get(name))
        if values:
            top = max(values.values())
            tied = [v for v, n in values.items() if n == top]
            out[name] = best[name] if best.get(name) in tied else sorted(tied)[0]
    if isinstance(out.get("via"), str) and "," in out["via"]:
        out["via"] = out["via"].split(",")          # several intermediaries, as in records
    items = sorted({c["item"] for c in claims if c.get("item")})
    if len(items) > 1:
        out["items"] = items
    return out
