"""FollowTheMoney entities (JSON lines) for Aleph and other FtM tools.

- actors: states as ``PublicBody`` (with their country), organisations and armed groups
  as ``Organization``, unnamed or illicit parties (UNKNOWN, BLACK_MARKET, NSAG) as
  ``LegalEntity``;
- documents as ``Article`` (title, publisher, date, URL, text);
- transfers as ``UnknownLink`` (FtM has no arms-transfer schema): ``subject`` the
  supplier, ``object`` the recipient, ``role`` what moved; ``proof`` the articles;
- sanctions as ``Sanction`` on the target, ``authority`` the imposer;
- exercises, agreements and meetings as ``Event`` with their actors ``involved``.
Every link and event carries its stage, assertion and strongest quote and is proven by
its articles (``proof``)."""
from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterator

from followthemoney import model
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from ...store.events import Event, event_claims, events
from .model import actor_kind, actor_name, actor_roles, event_label

NS = "armstrace"
KIND_SCHEMA = {"state": "PublicBody", "organisations": "Organization",
               "armed_groups": "Organization", "special": "LegalEntity"}


def _entity(schema: str, *id_parts: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id(NS, *id_parts)
    return proxy


def actor_entity(code: str) -> EntityProxy:
    kind = actor_kind(code)
    proxy = _entity(KIND_SCHEMA.get(kind, "LegalEntity"), "actor", code)
    proxy.add("name", actor_name(code))
    proxy.add("alias", code)
    if kind == "state" and (country := registry.country.clean(code)):
        proxy.add("country", country)
        proxy.add("jurisdiction", country)
    proxy.add("notes", f"armstrace actor code {code} ({kind})")
    return proxy


def article_entity(doc: dict) -> EntityProxy:
    proxy = _entity("Article", "document", doc["document_id"])
    proxy.add("title", doc.get("title") or doc["document_id"])
    proxy.add("publisher", doc.get("source"))
    proxy.add("publishedAt", doc.get("document_date"), quiet=True)
    proxy.add("sourceUrl", doc.get("url"), quiet=True)
    return proxy


def _dates(proxy: EntityProxy, ev: Event) -> None:
    start = (ev.first_seen or "").split("/")[0]
    end = (ev.last_seen or "").split("/")[-1]
    proxy.add("startDate", start or None, quiet=True)
    proxy.add("endDate", end or None, quiet=True)


def event_entity(ev: Event, ids: dict[str, str], proofs: list[str]) -> EntityProxy:
    roles = actor_roles(ev)
    label = event_label(ev)
    if ev.type == "transfer":
        proxy = _entity("UnknownLink", "event", str(ev.id))
        proxy.add("subject", ids[ev.keys["supplier"]])
        proxy.add("object", ids[ev.keys["recipient"]])
        proxy.add("role", f"arms transfer: {ev.keys['item']}")
    elif ev.type == "sanction":
        proxy = _entity("Sanction", "event", str(ev.id))
        proxy.add("entity", ids[ev.keys["target"]])
        proxy.add("authority", actor_name(ev.keys["imposer"]))
        proxy.add("program", (ev.attributes or {}).get("kind") or "sanctions")
    else:
        proxy = _entity("Event", "event", str(ev.id))
        proxy.add("name", label)
        for _role, code in roles:
            proxy.add("involved", ids[code])
    where = "status" if "status" in proxy.schema.properties else "notes"
    proxy.add(where, f"stage {ev.stage}, assertion {ev.assertion}, {ev.n_sources} source(s)")
    proxy.add("summary", label)
    proxy.add("description", ev.best_quote)
    proxy.add("recordId", str(ev.id))
    proxy.add("publisher", NS)
    _dates(proxy, ev)
    for proof in proofs:
        proxy.add("proof", proof)
    return proxy


def entities(store) -> Iterator[EntityProxy]:
    """Actors first, then articles, then events (so references point backwards)."""
    found = sorted(events(store), key=lambda e: e.id)
    codes = sorted({code for ev in found for _r, code in actor_roles(ev)})
    ids: dict[str, str] = {}
    for code in codes:
        proxy = actor_entity(code)
        ids[code] = proxy.id
        yield proxy
    articles: dict[str, EntityProxy] = {}
    evidence: dict[int, list[str]] = {}
    for ev in found:
        for claim in event_claims(store, ev.id):
            if claim["document_id"] not in articles:
                articles[claim["document_id"]] = article_entity(claim)
            evidence.setdefault(ev.id, []).append(articles[claim["document_id"]].id)
    yield from articles.values()
    for ev in found:
        yield event_entity(ev, ids, sorted(set(evidence.get(ev.id, []))))


def write(store, out: BinaryIO, what: str = "events") -> None:
    for proxy in entities(store):
        out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True)
                  .encode("utf-8") + b"\n")


def validate_line(data: dict[str, Any]) -> None:
    """Raise if ``data`` breaks its FtM schema (used by tests and ``--check``)."""
    schema = model.get(data["schema"])
    schema.validate(data)
    missing = [p for p in schema.required if not data["properties"].get(p)]
    if missing:
        raise ValueError(f"{data['schema']} {data['id']}: required {missing} missing")
