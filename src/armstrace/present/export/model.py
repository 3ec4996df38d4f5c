"""What every view of the network shares: actors with names and kinds, the actor pairs
an event joins, whether an event is hedged, and a one-line label for it."""
from __future__ import annotations

from functools import cache
from itertools import combinations

from ...ontology import ontology
from ...store.events import Event

HEDGED = frozenset({"hypothetical", "alleged", "denied", "contested"})
STATE = "state"


@cache
def _names() -> dict[str, str]:
    from ...reference.actors import Gazetteer
    gazetteer = Gazetteer.default()
    out = {}
    for code in ontology().actor_codes():
        try:
            out[code] = gazetteer.name(code)
        except KeyError:
            continue
    return out


def actor_name(code: str) -> str:
    """The display name of an actor code ("North Korea"); the code when none is known."""
    return _names().get(code, code)


def actor_kind(code: str) -> str:
    """``state`` or the ontology's group of the code (organisations, armed_groups, ...)."""
    for group, codes in ontology().actor_extra.items():
        if code in codes:
            return STATE if group.endswith("states") else group
    return STATE


def is_hedged(ev: Event) -> bool:
    """Hypothetical, alleged, denied or contested: drawn dashed and lighter."""
    return ev.assertion in HEDGED


def actor_roles(ev: Event) -> list[tuple[str, str]]:
    """(role, actor) for each actor of the event's key fields."""
    out = []
    for f in ontology().types[ev.type].keys:
        if not f.kind.startswith("actor"):
            continue
        value = ev.keys.get(f.name)
        for code in (value if isinstance(value, list) else [value] if value else []):
            out.append((f.name, code))
    return out


def event_pairs(ev: Event) -> list[tuple[str, str, bool]]:
    """(a, b, directed): supplier to recipient, imposer to target; every pair of a set of
    participants or parties (sorted, undirected)."""
    roles = actor_roles(ev)
    singles = [code for role, code in roles
               if ontology().types[ev.type].field(role).kind == "actor"]
    if len(singles) == 2:
        return [(singles[0], singles[1], True)]
    codes = sorted({code for _role, code in roles})
    return [(a, b, False) for a, b in combinations(codes, 2)]


def event_label(ev: Event) -> str:
    """One line: "CHN → RUS: uav (Shahed-136)", "exercise: CHN, IRN, RUS (naval)"."""
    attrs = ev.attributes or {}
    pairs = event_pairs(ev)
    if pairs and pairs[0][2]:
        who = f"{pairs[0][0]} \u2192 {pairs[0][1]}"
    else:
        who = ", ".join(sorted({code for _r, code in actor_roles(ev)}))
    what = ev.keys.get("item") or attrs.get("kind") or attrs.get("domain") or ""
    detail = attrs.get("designation")
    head = f"{ev.type} {who}" if ev.type != "transfer" else who
    return f"{head}: {what}" + (f" ({detail})" if detail else "") if what else head
