"""Transfers that breach an arms embargo in force at the time, with their evidence.

A transfer event breaches an embargo when the embargo reaches its recipient (or an
intermediary in ``via``) and bans supply to it, or reaches its supplier and bans
procurement from it; when the embargo binds the state on the other side (the supplier,
or the procuring recipient); when its item is in scope; and when the embargo was in
force at some time the event took place (the text's date, else the span of its reports).

``status`` says what the evidence supports, never more:

- ``established``: agreed, delivered or ongoing, asserted, reported or alleged, against a
  binding embargo covering the item and the place;
- ``possible``: the same claim, but the embargo is a political commitment or request,
  covers only part of the target's territory, or is partial while the item is unspecified;
- ``planned``: proposed or under negotiation;  ``blocked``: cancelled or interdicted;
- ``hypothetical``, ``denied``, ``contested``: as the texts tell it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..store.events import Event, EventFilter, event_claims, events
from .dates import event_period, first_day
from .embargoes import Embargo, load_embargoes, targets
from .weights import FIRM_STAGES, event_strength, evidence_of, via_list

STATUS_ORDER = ("established", "possible", "planned", "blocked", "contested", "hypothetical",
                "denied")
CAVEAT_FACTOR = {"not binding": 0.6, "area only": 0.6, "item unspecified": 0.7,
                 "partly before or after the embargo": 0.8}


@dataclass
class Breach:
    event: Event
    embargo: Embargo
    party: str                 # the actor the embargo reaches
    role: str                  # its role in the transfer: recipient, via or supplier
    bound: str                 # the state bound by the embargo that supplies or procures
    status: str
    confidence: float
    caveats: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        k = self.event.keys
        return {"event_id": self.event.id, "supplier": k["supplier"], "recipient": k["recipient"],
                "item": k["item"], "via": self.event.attributes.get("via"),
                "designation": self.event.attributes.get("designation"),
                "stage": self.event.stage, "assertion": self.event.assertion,
                "date": self.event.attributes.get("date") or self.event.first_seen,
                "n_sources": self.event.n_sources, "party": self.party, "role": self.role,
                "bound": self.bound, "status": self.status, "confidence": self.confidence,
                "caveats": self.caveats, "embargo": self.embargo.id,
                "imposer": self.embargo.imposer, "legal_basis": self.embargo.legal_basis,
                "embargo_source": self.embargo.source, "evidence": self.evidence}


def breaches(store, as_of: date | None = None) -> list[Breach]:
    """Every (transfer event, embargo) breach the knowledge base shows, as known on ``as_of``."""
    f = EventFilter(type="transfer", date_to=as_of.isoformat() if as_of else None)
    found: list[Breach] = []
    for ev in events(store, f):
        found += event_breaches(ev, as_of)
    claims: dict[int, list[dict]] = {}
    for b in found:
        if b.event.id not in claims:
            claims[b.event.id] = event_claims(store, b.event.id)
        b.evidence = evidence_of(b.event, claims[b.event.id])
    return sorted(found, key=lambda b: (STATUS_ORDER.index(b.status), -b.confidence, b.event.id))


def event_breaches(ev: Event, as_of: date | None = None) -> list[Breach]:
    """The embargoes one transfer event breaches (without evidence quotes)."""
    period = event_period(ev)
    if period is None:
        return []
    lo, hi = period
    if as_of is not None:
        if lo > as_of:
            return []
        hi = min(hi, as_of)
    out = []
    for party, role, bound, directions in _parties(ev):
        for emb in load_embargoes():
            if emb.direction not in directions or not targets(emb, party) or party == bound:
                continue
            if not emb.overlaps(lo, hi) or not emb.covers_item(ev.keys["item"]):
                continue
            day = max(lo, first_day(emb.start))
            if not emb.binds(bound, day):
                continue
            out.append(_breach(ev, emb, party, role, bound, lo, hi))
    return out


def _parties(ev: Event):
    """(party the embargo may reach, its role, the bound state, directions that apply)."""
    k, vias = ev.keys, via_list(ev)
    yield k["recipient"], "recipient", k["supplier"], ("to_target", "both")
    for v in vias:
        yield v, "via", k["supplier"], ("to_target", "both")
    yield k["supplier"], "supplier", k["recipient"], ("from_target", "both")


def _breach(ev: Event, emb: Embargo, party: str, role: str, bound: str,
            lo: date, hi: date) -> Breach:
    caveats = []
    if not emb.binding:
        caveats.append("not binding")
    if emb.covers == "area":
        caveats.append("area only")
    if ev.keys["item"] == "arms_unspecified" and emb.items is not None:
        caveats.append("item unspecified")
    if not (emb.in_force(lo) and emb.in_force(hi)):
        caveats.append("partly before or after the embargo")
    confidence = event_strength(ev)
    for c in caveats:
        confidence *= CAVEAT_FACTOR[c]
    return Breach(ev, emb, party, role, bound, status_of(ev, caveats), round(confidence, 3),
                  caveats)


def status_of(ev: Event, caveats: list[str]) -> str:
    if ev.assertion in ("denied", "hypothetical", "contested"):
        return ev.assertion
    if ev.stage in ("proposed", "negotiating"):
        return "planned"
    if ev.stage == "cancelled":
        return "blocked"
    if ev.stage not in FIRM_STAGES:
        return "planned"
    doubtful = {"not binding", "area only", "item unspecified"}
    return "possible" if doubtful & set(caveats) else "established"
