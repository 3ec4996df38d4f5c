"""Onward routes over transfer events: time-respecting paths from an actor to risky end
users, the k strongest found with networkx on a graph whose nodes are hops."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

import networkx as nx

from ..store.events import Event
from .dates import event_period
from .weights import event_strength, via_list


@dataclass
class Hop:
    """One leg of a transfer (a transfer with ``via`` gives one leg per intermediary)."""
    event: Event
    supplier: str
    recipient: str
    lo: date
    hi: date
    strength: float
    diversion: bool = False       # the leg onward from an intermediary

    def to_dict(self) -> dict:
        return {"event_id": self.event.id, "supplier": self.supplier, "recipient": self.recipient,
                "item": self.event.keys["item"], "date": self.event.attributes.get("date")
                or self.event.first_seen, "stage": self.event.stage,
                "assertion": self.event.assertion, "strength": self.strength,
                "diversion": self.diversion}


@dataclass
class Route:
    hops: list[Hop]
    end_user: str
    why: list[str]                # why the end user is risky
    strength: float
    evidence: list[dict] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        return [self.hops[0].supplier] + [h.recipient for h in self.hops]

    def to_dict(self) -> dict:
        return {"path": " -> ".join(self.actors), "end_user": self.end_user, "why": self.why,
                "strength": self.strength, "hops": [h.to_dict() for h in self.hops],
                "evidence": self.evidence}


def hops_of(ev: Event, item: str | None = None) -> list[Hop]:
    """The legs of a transfer event; items other than ``item`` count half."""
    period = event_period(ev)
    if period is None or ev.assertion == "denied":
        return []
    k = ev.keys
    chain = [k["supplier"]] + via_list(ev) + [k["recipient"]]
    same = item is None or k["item"] in (item, "arms_unspecified") or item == "arms_unspecified"
    strength = round(event_strength(ev) * (1.0 if same else 0.5), 3)
    return [Hop(ev, a, b, period[0], period[1], strength, diversion=i > 0)
            for i, (a, b) in enumerate(zip(chain, chain[1:])) if a != b]


def hop_graph(start: str, hops: list[Hop], risky: set[str]) -> nx.DiGraph:
    """Nodes: ``"start"``, ``"end"`` and hop indices. An edge joins two hops when the first
    ends where the second begins and the second did not end before the first began; the
    weight of entering a hop is ``-log(strength)``, so the shortest path is the strongest."""
    g = nx.DiGraph()
    g.add_nodes_from(["start", "end"])
    by_supplier: dict[str, list[int]] = {}
    for i, h in enumerate(hops):
        if h.strength > 0:
            g.add_node(i)
            by_supplier.setdefault(h.supplier, []).append(i)
    cost = {i: -math.log(hops[i].strength) for i in g.nodes if isinstance(i, int)}
    for i in by_supplier.get(start, []):
        g.add_edge("start", i, weight=cost[i])
    for i in cost:
        h = hops[i]
        for j in by_supplier.get(h.recipient, []):
            if j != i and hops[j].hi >= h.lo and hops[j].recipient != start:
                g.add_edge(i, j, weight=cost[j])
        if h.recipient in risky and h.recipient != start:
            g.add_edge(i, "end", weight=0.0)
    return g


def onward_routes(start: str, hops: list[Hop], risky: dict[str, list[str]], k: int = 5,
                  max_hops: int = 3) -> list[Route]:
    """The ``k`` strongest time-respecting routes from ``start`` to an actor of ``risky``
    (actor -> reasons), at most ``max_hops`` legs, no actor visited twice."""
    g = hop_graph(start, hops, set(risky))
    if not nx.has_path(g, "start", "end"):
        return []
    out: list[Route] = []
    paths = nx.shortest_simple_paths(g, "start", "end", weight="weight")
    for path in islice(paths, 50 * k):
        legs = [hops[i] for i in path[1:-1]]
        actors = [legs[0].supplier] + [h.recipient for h in legs]
        if len(legs) > max_hops or len(set(actors)) < len(actors):
            continue
        if any(r.actors == actors and [h.event.id for h in r.hops] == [h.event.id for h in legs]
               for r in out):
            continue
        strength = round(math.prod(h.strength for h in legs), 3)
        out.append(Route(legs, actors[-1], risky[actors[-1]], strength))
        if len(out) == k:
            break
    return out
