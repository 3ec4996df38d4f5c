"""Events: claims about the same thing merged, with their sources, stages and evidence.

The library API of the knowledge base: :func:`merge_new_claims` (incremental,
idempotent), :func:`events` with :class:`EventFilter`, :func:`event_claims` and
:func:`explain`. The merge rule is data (``merge_rules.yaml``); the confidence
formula is in ``docs/confidence.md``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Select, exists, func, select

from . import schema, schema_kb
from .merge import event_keys, key_fields, rules
from .merging import _docs, merge_new_claims, refresh
from .rows import row_record
from .sources import source_groups

__all__ = ["Event", "EventFilter", "merge_new_claims", "events", "event", "event_claims",
           "explain", "refresh"]

ROLE_ALIASES = {"participant": "participants", "party": "parties"}
RARE = 3000          # an actor in at most this many events drives the query


@dataclass
class Event:
    id: int
    type: str
    keys: dict
    stage: str
    stage_history: list[tuple[str, str]]
    assertion: str
    assertions: dict[str, int]
    first_seen: str | None
    last_seen: str | None
    n_claims: int
    n_documents: int
    n_sources: int
    confidence: float
    attributes: dict = field(default_factory=dict)
    best_quote: str | None = None
    best_document: str | None = None
    n_register: int = 0

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["stage_history"] = [list(p) for p in self.stage_history]
        return out


@dataclass
class EventFilter:
    actor: str | None = None          # on any side (key fields), or in ``role``
    role: str | None = None           # supplier, recipient, participant, party, imposer, target
    type: str | None = None
    item: str | None = None
    stage: str | None = None
    assertion: str | None = None      # the summary: asserted ... denied, or contested
    date_from: str | None = None      # events seen on or after (last_seen >= date_from)
    date_to: str | None = None        # events seen on or before (first_seen <= date_to)
    min_sources: int | None = None
    min_confidence: float | None = None
    limit: int | None = None
    offset: int = 0


def row_event(row: Any) -> Event:
    m = row._mapping
    summary = m["summary"] or {}
    return Event(id=m["id"], type=m["type"], keys=event_keys(m["type"], m), stage=m["stage"],
                 stage_history=[tuple(p) for p in summary.get("stage_history", [])],
                 assertion=m["assertion"], assertions=summary.get("assertions", {}),
                 first_seen=m["first_seen"], last_seen=m["last_seen"], n_claims=m["n_claims"],
                 n_documents=m["n_documents"], n_sources=m["n_sources"],
                 confidence=m["confidence"], attributes=summary.get("attributes", {}),
                 best_quote=m["best_quote"], best_document=m["best_document"],
                 n_register=m["n_register"])


def _actor_cond(f: EventFilter) -> list:
    a = schema_kb.event_actors
    cond = [a.c.actor == f.actor]
    if f.role:
        cond.append(a.c.role == ROLE_ALIASES.get(f.role, f.role))
    return cond


def event_query(f: EventFilter, rare_actor: bool = False) -> Select:
    """The ids of the events matching ``f``, in order. With ``rare_actor`` the actor's
    few events drive the query (an IN list from ``event_actors``); otherwise events are
    walked in confidence order and checked, which stops early for actors in many events.
    Events not yet summarised (confidence -1, during a merge) are left out."""
    e, a = schema_kb.events, schema_kb.event_actors
    q = select(e.c.id).where(e.c.confidence >= 0)
    if f.actor and rare_actor:
        q = q.where(e.c.id.in_(select(a.c.event_id).where(*_actor_cond(f))))
    elif f.actor:
        q = q.where(exists().where(a.c.event_id == e.c.id, *_actor_cond(f)))
    for name in ("type", "item", "stage", "assertion"):
        if (value := getattr(f, name)) is not None:
            q = q.where(e.c[name] == value)
    if f.date_from:
        q = q.where(e.c.last_seen >= f.date_from)
    if f.date_to:
        q = q.where(e.c.first_seen <= f.date_to + "~")
    if f.min_sources:
        q = q.where(e.c.n_sources >= f.min_sources)
    if f.min_confidence is not None:
        q = q.where(e.c.confidence >= f.min_confidence)
    q = q.order_by(e.c.confidence.desc(), e.c.last_seen.desc(), e.c.id)
    if f.limit:
        q = q.limit(f.limit).offset(f.offset)
    return q


def _shown() -> list:
    """The columns an :class:`Event` is made of (not the merger's bookkeeping)."""
    skip = {"match_key", "span_lo", "span_hi", "best_claim_id", "updated_at"}
    return [c for c in schema_kb.events.c if c.name not in skip]


def events(store, f: EventFilter | None = None) -> list[Event]:
    """Events matching ``f``, the most confident first (then the most recently seen)."""
    f, e = f or EventFilter(), schema_kb.events
    with store.engine.connect() as conn:
        rare = bool(f.actor) and conn.execute(
            select(func.count()).select_from(select(schema_kb.event_actors.c.event_id)
                                             .where(*_actor_cond(f)).limit(RARE + 1).subquery())
        ).scalar_one() <= RARE
        ids = list(conn.execute(event_query(f, rare)).scalars())
        rows = {}
        for i in range(0, len(ids), 500):
            rows.update((r.id, r) for r in conn.execute(select(*_shown()).where(e.c.id.in_(ids[i:i + 500]))))
    return [row_event(rows[i]) for i in ids]


def event(store, event_id: int) -> Event | None:
    e = schema_kb.events
    with store.engine.connect() as conn:
        row = conn.execute(select(e).where(e.c.id == event_id)).first()
    return row_event(row) if row else None


def event_claims(store, event_id: int) -> list[dict[str, Any]]:
    """The event's claims (gold format with evidence), their documents and why they merged."""
    c, d, ec = schema.claims, schema.documents, schema_kb.event_claims
    q = (select(c, d.c.title, d.c.source, d.c.url, d.c.date.label("document_date"),
                ec.c.reason, ec.c.distance_days)
         .join(ec, ec.c.claim_id == c.c.id).join(d, d.c.id == c.c.document_id)
         .where(ec.c.event_id == event_id).order_by(d.c.date, c.c.id))
    out = []
    with store.engine.connect() as conn:
        for row in conn.execute(q):
            m = row._mapping
            item = row_record(row).to_dict(evidence=True)
            item.update({k: m[k] for k in ("id", "document_id", "title", "source", "url",
                                           "document_date", "reason", "distance_days",
                                           "extractor", "extractor_version")})
            item["register"] = rules().is_register(m["source"])
            out.append(item)
    return out


def explain(store, event_id: int) -> dict[str, Any]:
    """Which claims merged into the event and why: the rule (key, window, item groups,
    splits), each claim's reason, and how documents were grouped into sources."""
    found = event(store, event_id)
    if found is None:
        raise KeyError(f"no event {event_id}; list events with `armstrace events`")
    claims = event_claims(store, event_id)
    r = rules()
    with store.engine.connect() as conn:
        docs = _docs(conn, {c["document_id"] for c in claims})
    return {
        "event": found.to_dict(),
        "rule": {"type": found.type, "key_fields": key_fields(found.type),
                 "window_days": r.window(found.type),
                 "item_groups": [list(g) for g in r.item_groups],
                 "split_on": list(r.split_on.get(found.type, ()))},
        "claims": [{"claim_id": c["id"], "document_id": c["document_id"],
                    "source": c["source"], "date": c.get("date") or c["document_date"],
                    "stage": c.get("stage"), "assertion": c.get("assertion"),
                    "item": c.get("item"), "reason": c["reason"],
                    "quote": (c.get("evidence") or {}).get("quote")} for c in claims],
        "sources": source_groups(list(docs.values())),
    }
