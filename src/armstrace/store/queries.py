"""Reading claims and documents back, with the filters analysts use."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, or_, select

from ..ontology import ontology
from . import schema
from .rows import row_record


@dataclass
class ClaimFilter:
    actor: str | None = None          # on any side (supplier, recipient, participant, ...)
    role: str | None = None           # restrict actor to one field, e.g. "supplier"
    type: str | None = None
    item: str | None = None
    stage: str | None = None
    assertion: str | None = None
    date_from: str | None = None      # compared with the claim's date, else the document's
    date_to: str | None = None
    document_id: str | None = None
    limit: int | None = None
    offset: int = 0


def _actor_fields() -> list[str]:
    return [n for n, f in ontology().all_fields().items() if f.kind.startswith("actor")]


def claim_query(f: ClaimFilter) -> Select:
    c, d = schema.claims, schema.documents
    q = select(c, d.c.title, d.c.source, d.c.url, d.c.date.label("document_date")) \
        .join(d, d.c.id == c.c.document_id)
    if f.actor:
        fields = [f.role] if f.role else _actor_fields()
        conds = []
        for name in fields:
            col = c.c[name]
            if ontology().all_fields()[name].kind == "actor":
                conds.append(col == f.actor)
            else:   # comma-joined sets: exact element match
                conds += [col == f.actor, col.like(f"{f.actor},%"), col.like(f"%,{f.actor}"),
                          col.like(f"%,{f.actor},%")]
        q = q.where(or_(*conds))
    for name in ("type", "item", "stage", "assertion", "document_id"):
        value = getattr(f, name)
        if value is not None:
            q = q.where(c.c[name] == value)
    when = d.c.date
    if f.date_from:
        q = q.where(or_(c.c.date >= f.date_from, (c.c.date.is_(None)) & (when >= f.date_from)))
    if f.date_to:
        q = q.where(or_(c.c.date <= f.date_to + "~", (c.c.date.is_(None)) & (when <= f.date_to + "~")))
    q = q.order_by(d.c.date, c.c.document_id, c.c.ev_start, c.c.id)
    if f.limit:
        q = q.limit(f.limit).offset(f.offset)
    return q


def claims(store, f: ClaimFilter | None = None) -> list[dict[str, Any]]:
    """Claims as dicts: the record in gold format, its evidence and its document."""
    out = []
    with store.engine.connect() as conn:
        for row in conn.execute(claim_query(f or ClaimFilter())):
            m = row._mapping
            record = row_record(row)
            item = record.to_dict(evidence=True)
            item.update(id=m["id"], document_id=m["document_id"], title=m["title"],
                        source=m["source"], url=m["url"], document_date=m["document_date"],
                        extractor=m["extractor"], extractor_version=m["extractor_version"])
            out.append(item)
    return out


def documents(store, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    d = schema.documents
    q = select(d.c.id, d.c.date, d.c.source, d.c.title, d.c.url, d.c.origin) \
        .order_by(d.c.date, d.c.id).offset(offset)
    if limit:
        q = q.limit(limit)
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]
