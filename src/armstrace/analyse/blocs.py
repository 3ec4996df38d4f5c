"""Blocs over time: per window a signed graph of actors, its communities, the alignment
of chosen pairs, and blocs forming or splitting (a set's cohesion rising or falling over
consecutive windows) with the events that drive the change."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

import networkx as nx

from ..store.events import Event, EventFilter, events
from .dates import WINDOWS
from .signed import alignment, communities, event_ties, signed_graph, windows_of

CHANGE_THRESHOLD = 0.3      # total rise or fall of cohesion that counts as a change


@dataclass
class Window:
    label: str
    graph: nx.Graph
    communities: list[list[str]]

    def to_dict(self) -> dict:
        return {"window": self.label, "communities": self.communities,
                "edges": [{"a": a, "b": b, "weight": round(d["weight"], 3), "events": d["events"]}
                          for a, b, d in sorted(self.graph.edges(data=True))]}


@dataclass
class BlocChange:
    members: list[str]
    kind: str                          # forming | splitting
    start: str                         # window before the change
    end: str                           # window the change reached
    cohesion: list[tuple[str, float | None]]
    events: list[int] = field(default_factory=list)


@dataclass
class BlocReport:
    window: str
    windows: list[Window]
    alignment: dict[str, list[tuple[str, float | None]]]
    changes: list[BlocChange]
    events: dict[int, Event] = field(default_factory=dict, repr=False)

    def membership(self, actor: str) -> list[tuple[str, list[str]]]:
        """The community ``actor`` belonged to in each window it appears in."""
        return [(w.label, c) for w in self.windows for c in w.communities if actor in c]

    def to_dict(self) -> dict:
        return {"window": self.window, "windows": [w.to_dict() for w in self.windows],
                "alignment": {p: [[w, s] for w, s in series] for p, series in self.alignment.items()},
                "changes": [vars(c) for c in self.changes]}

    def plot(self, path) -> list:
        from .bloc_plot import plot_report
        return plot_report(self, path)


def blocs(store, window: str = "year", pairs: list[tuple[str, str]] | None = None,
          seed: int = 0, as_of: date | None = None) -> BlocReport:
    """The bloc report of the knowledge base by ``window`` (year, quarter or month); with
    ``as_of``, only what was known then and no window after it (plans dated later drop)."""
    if window not in WINDOWS:
        raise ValueError(f"window {window!r} is unknown; use one of {', '.join(WINDOWS)}")
    found = events(store, EventFilter(date_to=as_of.isoformat() if as_of else None))
    ties: dict[str, list] = {}
    for ev in found:
        for label in windows_of(ev, window, until=as_of):
            ties.setdefault(label, []).extend((a, b, w, ev.id) for a, b, w in event_ties(ev))
    wins = []
    for label in sorted(ties):
        g = signed_graph(ties[label])
        wins.append(Window(label, g, communities(g, seed=seed)))
    chosen = pairs or default_pairs(wins)
    aligned = {f"{a}:{b}": [(w.label, alignment(w.graph, a, b)) for w in wins] for a, b in chosen}
    return BlocReport(window, wins, aligned, detect_changes(wins), {e.id: e for e in found})


def default_pairs(wins: list[Window], n: int = 6) -> list[tuple[str, str]]:
    """The pairs with the most tie weight (either sign) over all windows."""
    total: dict[tuple[str, str], float] = {}
    for w in wins:
        for a, b, d in w.graph.edges(data=True):
            key = tuple(sorted((a, b)))
            total[key] = total.get(key, 0.0) + abs(d["weight"])
    return [p for p, _ in sorted(total.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def cohesion(g: nx.Graph, members: list[str]) -> float | None:
    """Mean alignment over the set's pairs (an absent pair counts 0); ``None`` when fewer
    than two members appear in the window (nothing known of the set then)."""
    if sum(1 for m in members if m in g) < 2:
        return None
    pairs = list(combinations(members, 2))
    return round(sum(alignment(g, a, b) or 0.0 for a, b in pairs) / len(pairs), 3)


def detect_changes(wins: list[Window]) -> list[BlocChange]:
    """Sets seen as a community somewhere whose cohesion rose (forming) or fell
    (splitting) by at least ``CHANGE_THRESHOLD`` over a run of consecutive windows."""
    sets = sorted({tuple(c) for w in wins for c in w.communities if len(c) >= 2})
    out = []
    for members in sets:
        series = [(w.label, cohesion(w.graph, list(members))) for w in wins]
        for kind, i, j in _runs(series):
            out.append(BlocChange(list(members), kind, series[i][0], series[j][0],
                                  series[i:j + 1], _drivers(wins[i + 1:j + 1], members, kind)))
    return out


def _runs(series: list[tuple[str, float | None]]):
    """(kind, first index, last index) of monotone runs that change enough. A window where
    the set is unknown counts 0 before a rise; a fall must end in a window where the set is
    seen apart (a set no longer reported has not split)."""
    values = [v or 0.0 for _, v in series]
    i = 0
    while i < len(values) - 1:
        step = values[i + 1] - values[i]
        if step == 0:
            i += 1
            continue
        j = i + 1
        while j < len(values) - 1 and (values[j + 1] - values[j]) * step > 0:
            j += 1
        known_end = all(v is not None for _, v in series[i:j + 1])
        if abs(values[j] - values[i]) >= CHANGE_THRESHOLD and (step > 0 or known_end):
            yield ("forming" if step > 0 else "splitting"), i, j
        i = j


def _drivers(wins: list[Window], members: tuple[str, ...], kind: str) -> list[int]:
    """Events on ties among the members in the windows of the change: cooperation for a
    bloc forming, opposition for one splitting."""
    ids: list[int] = []
    for w in wins:
        for a, b in combinations(members, 2):
            if w.graph.has_edge(a, b):
                d = w.graph[a][b]
                if (d["weight"] > 0) == (kind == "forming"):
                    ids += [e for e in d["events"] if e not in ids]
    return ids
