"""Re-extraction: when the extractor's version changes, rebuild the claims of stored
documents (the documents stay), re-merge the events they touched, report the change."""
from __future__ import annotations

import json
from collections import Counter
from typing import Callable

from sqlalchemy import and_, delete, exists, select

from ..ingest.documents import Document, IngestError
from . import schema, schema_kb
from .merge import rules
from .merging import merge_new_claims, refresh
from .rows import row_record


def stale_documents(store, version: str) -> list[str]:
    """Non-register documents with claims of another version, or processed only by
    another version (ingested without extraction included)."""
    c, d, p = schema.claims, schema.documents, schema.processed
    registers = list(rules().registers.values())
    current = exists().where(p.c.document_id == d.c.id, p.c.extractor_version == version)
    old_claims = exists().where(c.c.document_id == d.c.id, c.c.extractor_version != version)
    old_runs = exists().where(p.c.document_id == d.c.id, p.c.extractor_version != version)
    q = (select(d.c.id).where(d.c.source.is_(None) | d.c.source.not_in(registers))
         .where(old_claims | (old_runs & ~current)).order_by(d.c.id))
    with store.engine.connect() as conn:
        return list(conn.execute(q).scalars())


def reextract(store, extractor=None, progress: Callable[[str], None] | None = None) -> dict:
    """Re-run ``extractor`` (default: the current default) over stale documents; return
    {"documents": n, "errors": [...], "by_type": {type: {"added", "removed", "kept"}}}."""
    from ..extract import default_extractor
    extractor = extractor or default_extractor()
    report = {"documents": 0, "errors": [], "by_type": {}}
    for doc_id in stale_documents(store, extractor.version):
        _one(store, doc_id, extractor, report)
        if progress:
            progress(doc_id)
    merge_new_claims(store)
    return report


def _one(store, doc_id: str, extractor, report: dict) -> None:
    doc = _document(store, doc_id)
    old = _claims(store, doc_id, extractor.version, old=True)
    if not store.is_processed(doc_id, extractor.version):
        try:
            records = extractor.extract(doc)
        except Exception as exc:      # keep the old claims; the batch goes on
            error = IngestError(doc.origin or doc_id, f"re-extraction failed: "
                                                      f"{type(exc).__name__}: {exc}")
            store.add_error(error)
            report["errors"].append(str(error))
            return
        store.add(doc, records, extractor.name, extractor.version)
    new = _claims(store, doc_id, extractor.version, old=False)
    _retire(store, doc_id, extractor.version, [cid for cid, _ in old])
    report["documents"] += 1
    _tally(report["by_type"], [r for _, r in old], [r for _, r in new])


def _document(store, doc_id: str) -> Document:
    row = store.document(doc_id)
    return Document(text=row["text"], date=row["date"], source=row["source"], url=row["url"],
                    title=row["title"], origin=row["origin"], id=row["id"],
                    meta=row["meta"] or {})


def _claims(store, doc_id: str, version: str, old: bool) -> list[tuple[int, dict]]:
    c = schema.claims
    which = c.c.extractor_version != version if old else c.c.extractor_version == version
    with store.engine.connect() as conn:
        rows = conn.execute(select(c).where(c.c.document_id == doc_id, which))
        return [(r.id, row_record(r).to_dict(evidence=True)) for r in rows]


def _retire(store, doc_id: str, version: str, claim_ids: list[int]) -> None:
    """Delete the old claims and runs of a document; summarise their events again."""
    c, ec, p = schema.claims, schema_kb.event_claims, schema.processed
    with store.engine.begin() as conn:
        touched = set(conn.execute(select(ec.c.event_id).where(ec.c.claim_id.in_(claim_ids)))
                      .scalars()) if claim_ids else set()
        if claim_ids:
            conn.execute(delete(ec).where(ec.c.claim_id.in_(claim_ids)))
            conn.execute(delete(c).where(c.c.id.in_(claim_ids)))
        conn.execute(delete(p).where(and_(p.c.document_id == doc_id,
                                          p.c.extractor_version != version)))
        refresh(conn, touched)


def _tally(by_type: dict, old: list[dict], new: list[dict]) -> None:
    def bag(records):
        return Counter((r["type"], json.dumps(r, sort_keys=True)) for r in records)
    before, after = bag(old), bag(new)
    for label, diff in (("removed", before - after), ("added", after - before),
                        ("kept", before & after)):
        for (rtype, _), n in diff.items():
            entry = by_type.setdefault(rtype, {"added": 0, "removed": 0, "kept": 0})
            entry[label] += n
