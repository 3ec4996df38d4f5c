"""Flat rows for CSV and Parquet: one row per event, or one per claim, each with its
evidence. Columns come from the ontology's fields; sets are joined with ';'."""
from __future__ import annotations

from typing import Any, Iterator

from sqlalchemy import select

from ...ontology import ontology
from ...store import schema, schema_kb
from ...store.events import events
from .model import event_label, is_hedged

SEP = ";"
WHATS = ("events", "claims")


def _fields() -> dict:
    return ontology().all_fields()


def _typed(kind: str) -> str:
    return "bool" if kind == "bool" else "string"


def event_columns() -> dict[str, str]:
    """Column name -> type (string, int, float, bool) of the events table."""
    cols = {"event_id": "int", "type": "string", "label": "string"}
    cols.update({name: _typed(f.kind) for name, f in _fields().items() if name != "date"})
    cols.update({"first_seen": "string", "last_seen": "string", "n_claims": "int",
                 "n_documents": "int", "n_sources": "int", "n_register": "int",
                 "confidence": "float", "hedged": "bool", "best_quote": "string",
                 "best_document": "string", "best_title": "string", "best_source": "string",
                 "best_url": "string", "claim_ids": "string"})
    return cols


def claim_columns() -> dict[str, str]:
    cols = {"claim_id": "int", "event_id": "int", "type": "string"}
    cols.update({name: _typed(f.kind) for name, f in _fields().items()})
    cols.update({"quote": "string", "ev_start": "int", "ev_end": "int", "document_id": "string",
                 "title": "string", "source": "string", "url": "string",
                 "document_date": "string", "extractor": "string",
                 "extractor_version": "string", "merge_reason": "string"})
    return cols


def flat_codes(value: Any) -> Any:
    """Sets and lists of codes as ``A;B`` (the store keeps them comma-joined)."""
    if isinstance(value, (list, tuple)):
        return SEP.join(value)
    return value.replace(",", SEP) if isinstance(value, str) and value.isupper() else value


def event_rows(store) -> Iterator[dict[str, Any]]:
    with store.engine.connect() as conn:
        docs = {r.id: r for r in conn.execute(select(
            schema.documents.c.id, schema.documents.c.title, schema.documents.c.source,
            schema.documents.c.url))}
        links: dict[int, list[int]] = {}
        ec = schema_kb.event_claims
        for claim_id, event_id in conn.execute(select(ec.c.claim_id, ec.c.event_id)
                                               .order_by(ec.c.claim_id)):
            links.setdefault(event_id, []).append(claim_id)
    columns = event_columns()
    for ev in sorted(events(store), key=lambda e: e.id):
        row = dict.fromkeys(columns)
        row.update({k: flat_codes(v) for k, v in {**ev.attributes, **ev.keys}.items() if k in row})
        doc = docs.get(ev.best_document)
        row.update(event_id=ev.id, type=ev.type, label=event_label(ev), stage=ev.stage,
                   assertion=ev.assertion, first_seen=ev.first_seen, last_seen=ev.last_seen,
                   n_claims=ev.n_claims, n_documents=ev.n_documents, n_sources=ev.n_sources,
                   n_register=ev.n_register, confidence=ev.confidence, hedged=is_hedged(ev),
                   best_quote=ev.best_quote, best_document=ev.best_document,
                   best_title=doc.title if doc else None, best_source=doc.source if doc else None,
                   best_url=doc.url if doc else None,
                   claim_ids=SEP.join(str(i) for i in links.get(ev.id, [])))
        yield row


def claim_rows(store) -> Iterator[dict[str, Any]]:
    c, d, ec = schema.claims, schema.documents, schema_kb.event_claims
    q = (select(c, d.c.title, d.c.source, d.c.url, d.c.date.label("document_date"),
                ec.c.event_id, ec.c.reason)
         .join(d, d.c.id == c.c.document_id).outerjoin(ec, ec.c.claim_id == c.c.id)
         .order_by(c.c.id))
    columns = claim_columns()
    with store.engine.connect() as conn:
        for r in conn.execute(q):
            m = r._mapping
            row = {name: m[name] for name in columns if name in m}
            row.update(claim_id=m["id"], merge_reason=m["reason"], quote=m["quote"])
            for name, f in _fields().items():
                if f.kind.startswith("actor") and m[name]:
                    row[name] = flat_codes(m[name])
            yield {name: row.get(name) for name in columns}


def rows(store, what: str) -> tuple[dict[str, str], Iterator[dict[str, Any]]]:
    """(columns with types, rows) of ``what``: events or claims."""
    if what == "events":
        return event_columns(), event_rows(store)
    if what == "claims":
        return claim_columns(), claim_rows(store)
    raise ValueError(f"cannot export {what!r}; choose one of {', '.join(WHATS)}")
