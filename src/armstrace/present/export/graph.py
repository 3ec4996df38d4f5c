"""The knowledge base as a networkx multigraph: actors as nodes, one edge per event and
actor pair, every attribute a plain value (GraphML and GEXF take no nulls or lists)."""
from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from ...store.events import events
from .model import actor_kind, actor_name, event_label, event_pairs, is_hedged
from .rows import flat_codes


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in attrs.items():
        if value is None:
            continue
        out[key] = flat_codes(value)
    return out


def knowledge_graph(store) -> nx.MultiDiGraph:
    """Edges run supplier to recipient and imposer to target; exercises, agreements and
    meetings join each pair of their members (``directed`` false). The record type is
    ``event_type``: GEXF keeps ``type`` for itself."""
    g = nx.MultiDiGraph(name="armstrace knowledge base")
    activity: Counter = Counter()
    for ev in sorted(events(store), key=lambda e: e.id):
        pairs = event_pairs(ev)
        activity.update({code for a, b, _d in pairs for code in (a, b)})
        for a, b, directed in pairs:
            attrs = _clean({
                "event_id": ev.id, "event_type": ev.type, "label": event_label(ev),
                "item": ev.keys.get("item"), "stage": ev.stage, "assertion": ev.assertion,
                "hedged": is_hedged(ev), "directed": directed,
                "first_seen": ev.first_seen, "last_seen": ev.last_seen,
                "n_sources": ev.n_sources, "n_documents": ev.n_documents,
                "confidence": float(ev.confidence), "best_quote": ev.best_quote,
                "best_document": ev.best_document, **_attributes(ev.attributes)})
            g.add_edge(a, b, key=f"e{ev.id}:{a}-{b}", **attrs)
    for code, n in activity.items():
        g.add_node(code, label=actor_name(code), kind=actor_kind(code), activity=n)
    return g


def _attributes(attrs: dict[str, Any]) -> dict[str, Any]:
    keep = ("tech", "via", "origin", "quantity", "designation", "kind", "domain")
    return {k: attrs[k] for k in keep if k in attrs}
