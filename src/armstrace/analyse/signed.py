"""The signed, weighted actor graph of a time window: cooperation (transfers, exercises,
agreements, meetings) positive, opposition (sanctions) negative, weights from stage,
assertion and sourcing; communities (Louvain) and pairwise alignment on it."""
from __future__ import annotations

import math
from datetime import date
from itertools import combinations

import networkx as nx

from ..store.events import Event
from .dates import event_period, window_of
from .weights import event_strength

TYPE_SIGN = {"transfer": 1.0, "exercise": 1.0, "agreement": 1.5, "meeting": 0.5, "sanction": -1.0}
NOT_ACTORS = {"UNKNOWN", "BLACK_MARKET"}
NOT_TIES = {"denied", "hypothetical"}      # what a text denies or only imagines ties no one
MAX_WINDOWS_PER_EVENT = 24


def event_ties(ev: Event) -> list[tuple[str, str, float]]:
    """Signed ties an event makes between pairs of actors (none when cancelled, denied or
    hypothetical)."""
    if ev.type not in TYPE_SIGN or ev.stage == "cancelled" or ev.assertion in NOT_TIES:
        return []
    k = ev.keys
    if ev.type == "transfer":
        actors = [k["supplier"], k["recipient"]]
    elif ev.type == "sanction":
        actors = [k["imposer"], k["target"]]
    else:
        actors = list(k.get("participants") or k.get("parties") or [])
    actors = sorted({a for a in actors if a not in NOT_ACTORS})
    weight = TYPE_SIGN[ev.type] * event_strength(ev)
    return [(a, b, weight) for a, b in combinations(actors, 2)] if weight else []


def windows_of(ev: Event, window: str, until: date | None = None) -> list[str]:
    """The windows an event falls in: every window from its start to its end (capped),
    none after ``until``."""
    period = event_period(ev)
    if period is None:
        return []
    lo, hi = period
    hi = min(hi, until) if until else hi
    labels: list[str] = []
    day = lo
    while day <= hi and len(labels) < MAX_WINDOWS_PER_EVENT:
        label = window_of(day, window)
        if label not in labels:
            labels.append(label)
        day = _next_month(day)
    return labels


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def signed_graph(ties: list[tuple[str, str, float, int]]) -> nx.Graph:
    """Sum the ties per pair; each edge keeps the ids of the events behind it."""
    g = nx.Graph()
    for a, b, w, event_id in ties:
        if g.has_edge(a, b):
            g[a][b]["weight"] += w
            g[a][b]["events"].append(event_id)
        else:
            g.add_edge(a, b, weight=w, events=[event_id])
    return g


def communities(g: nx.Graph, seed: int = 0) -> list[list[str]]:
    """Louvain communities of the cooperation (positive) part of the graph, seeded; actors
    with no positive tie stand alone."""
    pos = nx.Graph()
    pos.add_nodes_from(g.nodes)
    pos.add_weighted_edges_from((a, b, d["weight"]) for a, b, d in g.edges(data=True)
                                if d["weight"] > 0)
    if pos.number_of_edges() == 0:
        return [[n] for n in sorted(pos.nodes)]
    found = nx.community.louvain_communities(pos, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c))


def alignment(g: nx.Graph, a: str, b: str) -> float | None:
    """-1..1: how far ``a`` and ``b`` stand together in the window, from their direct tie
    (squashed) and the likeness of their ties to everyone else (cosine); ``None`` when
    either is absent."""
    if a not in g or b not in g:
        return None
    w = g[a][b]["weight"] if g.has_edge(a, b) else 0.0
    direct = w / (abs(w) + 1.0)
    others = (set(g[a]) | set(g[b])) - {a, b}
    va = [g[a][n]["weight"] if g.has_edge(a, n) else 0.0 for n in others]
    vb = [g[b][n]["weight"] if g.has_edge(b, n) else 0.0 for n in others]
    norm = math.hypot(*va) * math.hypot(*vb) if others else 0.0
    shared = sum(x * y for x, y in zip(va, vb)) / norm if norm else 0.0
    if not g.has_edge(a, b):
        return round(0.5 * shared, 3)
    return round(max(-1.0, min(1.0, 0.7 * direct + 0.3 * shared)), 3)
