"""The actor network for the page, aggregated on the server: one edge per actor pair,
event type, stage and hedging, so that thousands of events draw as a few hundred edges."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ...store import schema_kb
from ...store.events import Event, EventFilter, event_query, events
from ...store.merge import event_keys
from ..export.model import actor_kind, actor_name, event_label, event_pairs, is_hedged

MAX_POINTS = 5000       # timeline points sent at most (the most confident first)
MAX_EDGE_IDS = 200


def edge_key(a: str, b: str, ev: Event) -> str:
    return "|".join((a, b, ev.type, ev.stage or "", "h" if is_hedged(ev) else "c"))


def light_events(store, f: EventFilter) -> list[Event]:
    """Events without their JSON summary (history, attributes): decoding it for thousands
    of events is most of the time, and the network needs only keys and counts."""
    e = schema_kb.events
    q = event_query(f).with_only_columns(*[c for c in e.columns if c.name != "summary"])
    with store.engine.connect() as conn:
        rows = list(conn.execute(q))
    return [Event(id=m["id"], type=m["type"], keys=event_keys(m["type"], m), stage=m["stage"],
                  stage_history=[], assertion=m["assertion"], assertions={},
                  first_seen=m["first_seen"], last_seen=m["last_seen"], n_claims=m["n_claims"],
                  n_documents=m["n_documents"], n_sources=m["n_sources"],
                  confidence=m["confidence"]) for m in (r._mapping for r in rows)]


def network(store, f: EventFilter) -> dict[str, Any]:
    """Nodes (actors with activity), edges (aggregated) and timeline points."""
    found = light_events(store, f)
    edges: dict[str, dict] = {}
    activity: Counter = Counter()
    for ev in found:
        actors = set()
        for a, b, directed in event_pairs(ev):
            actors |= {a, b}
            key = edge_key(a, b, ev)
            edge = edges.get(key) or edges.setdefault(key, _new_edge(key, a, b, directed, ev))
            edge["n_events"] += 1
            edge["n_sources"] += ev.n_sources
            edge["confidence"] = max(edge["confidence"], ev.confidence)
            if ev.keys.get("item") and ev.keys["item"] not in edge["items"]:
                edge["items"].append(ev.keys["item"])
            if len(edge["event_ids"]) < MAX_EDGE_IDS:
                edge["event_ids"].append(ev.id)
        activity.update(actors)
    nodes = [{"id": code, "name": actor_name(code), "kind": actor_kind(code),
              "activity": n} for code, n in sorted(activity.items())]
    return {"nodes": nodes, "edges": sorted(edges.values(), key=lambda e: e["id"]),
            "timeline": [_point(ev) for ev in found[:MAX_POINTS]],
            "n_events": len(found), "truncated": len(found) > MAX_POINTS}


def _new_edge(key: str, a: str, b: str, directed: bool, ev: Event) -> dict:
    return {"id": key, "source": a, "target": b, "directed": directed, "type": ev.type,
            "stage": ev.stage, "hedged": is_hedged(ev), "n_events": 0, "n_sources": 0,
            "confidence": 0.0, "items": [], "event_ids": []}


def _point(ev: Event) -> dict:
    return {"id": ev.id, "type": ev.type, "label": event_label(ev), "first_seen": ev.first_seen,
            "last_seen": ev.last_seen, "stage": ev.stage, "assertion": ev.assertion,
            "hedged": is_hedged(ev), "n_sources": ev.n_sources, "confidence": ev.confidence}


def edge_events(store, f: EventFilter, a: str, b: str, rtype: str | None = None,
                stage: str | None = None, hedged: bool | None = None) -> list[dict]:
    """The events behind one edge (or behind every edge between ``a`` and ``b``)."""
    f.actor, f.role = a, None
    f.type = rtype or f.type
    f.stage = stage or f.stage
    out = []
    for ev in events(store, f):
        if not any(b in (x, y) and a in (x, y) for x, y, _d in event_pairs(ev)):
            continue
        if hedged is not None and is_hedged(ev) != hedged:
            continue
        out.append({**ev.to_dict(), "label": event_label(ev), "hedged": is_hedged(ev)})
    return out
