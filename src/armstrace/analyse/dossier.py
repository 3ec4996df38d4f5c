"""An actor's dossier: who arms it and whom it arms (items by stage), technology in and
out, embargoes on it and breaches, exercises and partners, agreements, meetings, bloc
membership over time and the most-cited evidence. JSON, Markdown and Rich renderings."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date

from ..ontology import ontology
from ..store.events import Event, EventFilter, events
from .blocs import blocs
from .breaches import breaches
from .embargoes import embargoes_on


@dataclass
class Dossier:
    actor: str
    as_of: str | None
    suppliers: dict[str, dict[str, list[str]]] = field(default_factory=dict)   # who -> item -> stages
    recipients: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    tech_in: list[dict] = field(default_factory=list)
    tech_out: list[dict] = field(default_factory=list)
    embargoes: list[dict] = field(default_factory=list)
    breaches: list[dict] = field(default_factory=list)
    exercises: list[dict] = field(default_factory=list)
    exercise_partners: dict[str, int] = field(default_factory=dict)
    agreements: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    sanctions: list[dict] = field(default_factory=list)
    blocs: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    def to_markdown(self) -> str:
        from .dossier_render import markdown
        return markdown(self)

    def __rich__(self):
        from .dossier_render import rich_group
        return rich_group(self)


def dossier(store, actor: str, as_of: date | None = None, window: str = "year",
            top: int = 5) -> Dossier:
    """Everything the knowledge base holds on ``actor``, as known on ``as_of``."""
    if actor not in ontology().actor_codes():
        raise ValueError(f"actor {actor!r} is not an actor code; give an ISO 3166-1 alpha-3 code "
                         "such as PRK, or a code of ONTOLOGY.md")
    f = EventFilter(actor=actor, date_to=as_of.isoformat() if as_of else None)
    mine = events(store, f)
    d = Dossier(actor, as_of.isoformat() if as_of else None)
    for ev in mine:
        _add(d, ev)
    d.exercise_partners = dict(Counter(p for x in d.exercises for p in x["with"]).most_common())
    d.embargoes = [{**e.to_dict(), "in_force": e.in_force(as_of or date.today())}
                   for e in embargoes_on(actor)]
    d.breaches = [b.to_dict() for b in breaches(store, as_of)
                  if actor in (b.event.keys["supplier"], b.event.keys["recipient"], b.party)]
    d.blocs = [{"window": w, "with": [a for a in c if a != actor]}
               for w, c in blocs(store, window).membership(actor)]
    cited = sorted(mine, key=lambda e: (-e.n_sources, -e.n_documents, -e.confidence, e.id))
    d.evidence = [{**_brief(e), "n_sources": e.n_sources, "n_documents": e.n_documents,
                   "quote": e.best_quote, "document": e.best_document}
                  for e in cited[:top] if e.best_quote]
    return d


def _brief(ev: Event) -> dict:
    return {"event_id": ev.id, "type": ev.type, "stage": ev.stage, "assertion": ev.assertion,
            "date": ev.attributes.get("date") or ev.first_seen, "confidence": ev.confidence}


def _add(d: Dossier, ev: Event) -> None:
    k, actor = ev.keys, d.actor
    if ev.type == "transfer":
        out = k["supplier"] == actor
        other = k["recipient"] if out else k["supplier"]
        table = d.recipients if out else d.suppliers
        stages = table.setdefault(other, {}).setdefault(k["item"], [])
        if ev.stage not in stages:
            stages.append(ev.stage)
        if ev.attributes.get("tech"):
            (d.tech_out if out else d.tech_in).append({**_brief(ev), "with": other,
                                                       "item": k["item"]})
    elif ev.type in ("exercise", "meeting", "agreement"):
        others = [p for p in (k.get("participants") or k.get("parties") or []) if p != actor]
        entry = {**_brief(ev), "with": others}
        if ev.type == "agreement":
            entry["kind"] = ev.attributes.get("kind")
        if ev.type == "exercise":
            entry["domain"] = ev.attributes.get("domain")
        {"exercise": d.exercises, "meeting": d.meetings, "agreement": d.agreements}[ev.type] \
            .append(entry)
    elif ev.type == "sanction":
        d.sanctions.append({**_brief(ev), "imposer": k["imposer"], "target": k["target"],
                            "kind": ev.attributes.get("kind")})
