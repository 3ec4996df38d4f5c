"""Diversion risk of a proposed export: where the recipient's arms have gone on to, its
record of re-export and diversion, the embargoes around it, and a score with reasons.

``risk(store, "USA", "SAU", "small_arms")`` is what a licensing analyst calls; every
reason carries the events and quotes behind it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

from ..ontology import ontology
from ..store.events import Event, EventFilter, event_claims, events
from .embargoes import Embargo, embargoes_on
from .routes import Route, hops_of, onward_routes
from .weights import FIRM_ASSERTIONS, event_strength, evidence_of, via_list

LEVELS = ((0.6, "high"), (0.3, "medium"), (0.0001, "low"))


@dataclass
class Reason:
    text: str
    weight: float
    evidence: list[dict] = field(default_factory=list)


@dataclass
class RiskReport:
    supplier: str
    recipient: str
    item: str
    as_of: str
    score: float
    level: str
    reasons: list[Reason]
    routes: list[Route]
    record: list[dict]              # the recipient's re-exports and diversions
    embargoes: list[dict]           # embargoes on the recipient and on actors of the routes

    def to_dict(self) -> dict:
        return {"supplier": self.supplier, "recipient": self.recipient, "item": self.item,
                "as_of": self.as_of, "score": self.score, "level": self.level,
                "reasons": [asdict(r) for r in self.reasons],
                "routes": [r.to_dict() for r in self.routes], "record": self.record,
                "embargoes": self.embargoes}


def risk(store, supplier: str, recipient: str, item: str, as_of: date | None = None,
         k: int = 5, max_hops: int = 3) -> RiskReport:
    """Score the diversion risk of ``supplier`` exporting ``item`` to ``recipient`` on
    ``as_of`` (default today), from the knowledge base as known then."""
    _check_codes(supplier, recipient, item)
    day = as_of or date.today()
    transfers = [e for e in events(store, EventFilter(type="transfer", date_to=day.isoformat()))]
    sanctions = events(store, EventFilter(type="sanction", date_to=day.isoformat()))
    risky = risky_end_users(supplier, day, transfers, sanctions)
    hops = [h for ev in transfers for h in hops_of(ev, item)]
    routes = onward_routes(recipient, hops, risky, k=k, max_hops=max_hops)
    cache: dict[int, list[dict]] = {}

    def quotes(ev: Event) -> list[dict]:
        if ev.id not in cache:
            cache[ev.id] = evidence_of(ev, event_claims(store, ev.id), limit=3)
        return cache[ev.id]

    for r in routes:
        r.evidence = [q for h in r.hops for q in quotes(h.event)]
    record = [_record_entry(ev, why, quotes(ev)) for ev, why in reexport_record(recipient, transfers)]
    reasons, touched = _reasons(supplier, recipient, item, day, routes, record)
    score = round(1.0 - _prod(1.0 - r.weight for r in reasons), 3)
    level = next((name for bound, name in LEVELS if score >= bound), "none")
    return RiskReport(supplier, recipient, item, day.isoformat(), score, level,
                      sorted(reasons, key=lambda r: -r.weight), routes, record, touched)


def _check_codes(supplier: str, recipient: str, item: str) -> None:
    onto = ontology()
    for name, code in (("supplier", supplier), ("recipient", recipient)):
        if code not in onto.actor_codes():
            raise ValueError(f"{name} {code!r} is not an actor code; give an ISO 3166-1 alpha-3 "
                             "code such as USA, or a code of ONTOLOGY.md")
    if item not in onto.codes("item"):
        raise ValueError(f"item {item!r} is unknown; use one of {', '.join(onto.codes('item'))}")


def risky_end_users(supplier: str, day: date, transfers: list[Event],
                    sanctions: list[Event]) -> dict[str, list[str]]:
    """Actors an export should not reach, each with why: under an embargo binding the
    supplier, sanctioned by it or by the UN, sanctioning it (an adversary), an armed group,
    or the black market."""
    actors = {e.keys[r] for e in transfers for r in ("supplier", "recipient")}
    out: dict[str, list[str]] = {}
    groups = set(ontology().actor_extra["armed_groups"])
    for actor in actors:
        why = [f"under embargo {e.id} ({e.legal_basis})"
               for e in _relevant(embargoes_on(actor, day), supplier, day)]
        if actor in groups:
            why.append("non-state armed group")
        if actor == "BLACK_MARKET":
            why.append("illicit market")
        if why:
            out[actor] = why
    for s in sanctions:
        if s.stage == "cancelled" or s.assertion not in FIRM_ASSERTIONS:
            continue
        imposer, target = s.keys["imposer"], s.keys["target"]
        if target != supplier and imposer in (supplier, "UN"):
            out.setdefault(target, []).append(f"sanctioned by {imposer} (event {s.id})")
        if target == supplier and imposer != supplier:
            out.setdefault(imposer, []).append(f"adversary: sanctions {supplier} (event {s.id})")
    return out


def reexport_record(recipient: str, transfers: list[Event]):
    """The recipient's record: arms passed on through it (``via``) and others' products it
    re-exported (``origin``). Its own supplies to risky end users are routes."""
    for ev in transfers:
        if ev.assertion == "denied":
            continue
        vias = via_list(ev)
        k = ev.keys
        if recipient in vias:
            yield ev, f"intermediary of a transfer from {k['supplier']} to {k['recipient']}"
        elif k["supplier"] == recipient and ev.attributes.get("origin") not in (None, recipient):
            yield ev, f"re-exported {ev.attributes['origin']}-made {k['item']} to {k['recipient']}"


def _record_entry(ev: Event, why: str, evidence: list[dict]) -> dict:
    return {"event_id": ev.id, "what": why, "item": ev.keys["item"], "stage": ev.stage,
            "assertion": ev.assertion, "date": ev.attributes.get("date") or ev.first_seen,
            "strength": event_strength(ev), "evidence": evidence}


def _reasons(supplier: str, recipient: str, item: str, day: date, routes: list[Route],
             record: list[dict]) -> tuple[list[Reason], list[dict]]:
    reasons: list[Reason] = []
    touched: list[dict] = []
    for emb in embargoes_on(recipient, day):
        touched.append(_embargo_entry(emb, recipient))
        if emb.direction != "from_target" and emb.binds(supplier, day) and emb.covers_item(item):
            weight = 1.0 if emb.binding and emb.covers == "all" else 0.5
            reasons.append(Reason(f"{recipient} is under embargo {emb.id} ({emb.legal_basis}) "
                                  f"binding {supplier}", weight, [_embargo_entry(emb, recipient)]))
    by_path: dict[tuple[str, ...], list[Route]] = {}
    for r in routes:
        by_path.setdefault(tuple(r.actors), []).append(r)
    for path, same in by_path.items():
        evidence = [q for r in same for q in r.evidence]
        reasons.append(Reason(f"known onward route {' -> '.join(path)} ({len(same)} event "
                              f"chain(s)): {path[-1]} is {'; '.join(same[0].why)}",
                              round(0.8 * max(r.strength for r in same), 3), evidence))
        for actor in path[1:-1]:
            for emb in _relevant(embargoes_on(actor, day), supplier, day):
                entry = _embargo_entry(emb, actor)
                if entry not in touched:
                    touched.append(entry)
                    reasons.append(Reason(f"{actor} on the route is under embargo {emb.id}", 0.1,
                                          [entry]))
    for rec in record:
        reasons.append(Reason(f"{recipient} {rec['what']}", round(0.5 * rec["strength"], 3),
                              rec["evidence"]))
    return reasons, touched


def _relevant(found: list[Embargo], supplier: str, day: date) -> list[Embargo]:
    """Embargoes that ban supply to their target and bind the supplier (or are the UN's)."""
    return [e for e in found if e.direction != "from_target"
            and (e.imposer == "UN" or e.binds(supplier, day))]


def _embargo_entry(emb: Embargo, actor: str) -> dict:
    return {"embargo": emb.id, "on": actor, "imposer": emb.imposer, "legal_basis": emb.legal_basis,
            "start": emb.start, "end": emb.end, "source": emb.source}


def _prod(values) -> float:
    out = 1.0
    for v in values:
        out *= v
    return out
