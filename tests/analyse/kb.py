"""Build small knowledge bases for the analysis tests: records written here, stored in a
real SQLite file through the store, then merged into events."""
from __future__ import annotations

from armstrace.ingest.documents import Document
from armstrace.ontology import validate
from armstrace.store import Store
from armstrace.store.events import merge_new_claims


def quote_of(record: dict) -> str:
    keys = [record.get(k) for k in ("supplier", "recipient", "imposer", "target", "item")]
    parties = record.get("participants") or record.get("parties") or []
    words = [w for w in keys if w] + list(parties)
    return f"{record['type']} {' '.join(words)} {record.get('stage', '')} " \
           f"{record.get('assertion', '')}".strip()


def build_kb(db: str, docs: list[tuple[str, list[dict]]], sources: list[str] | None = None) -> Store:
    """``docs``: (document date, records) pairs; each document gets its own source unless
    ``sources`` names them."""
    store = Store(db)
    for i, (day, records) in enumerate(docs):
        quotes = [quote_of(r) for r in records]
        text = f"Test document {i} of {day}. " + " ".join(f"{q}." for q in quotes)
        doc = Document(text=text, date=day, source=(sources[i] if sources else f"outlet-{i}"),
                       title=f"doc {i}")
        validated = []
        for r, q in zip(records, quotes):
            start = text.index(q)
            validated.append(validate({**r, "evidence": {"start": start, "end": start + len(q),
                                                         "quote": q}}))
        store.add(doc, validated, extractor="test", version="t1")
    merge_new_claims(store)
    return store


def transfer(supplier: str, recipient: str, item: str, stage: str = "delivered",
             assertion: str = "asserted", **extra) -> dict:
    return {"type": "transfer", "supplier": supplier, "recipient": recipient, "item": item,
            "stage": stage, "assertion": assertion, **extra}


def group(rtype: str, actors: list[str], stage: str = "delivered", **extra) -> dict:
    field = "parties" if rtype == "agreement" else "participants"
    return {"type": rtype, field: actors, "stage": stage, "assertion": "asserted", **extra}


def sanction(imposer: str, target: str, stage: str = "delivered") -> dict:
    return {"type": "sanction", "imposer": imposer, "target": target, "stage": stage,
            "assertion": "asserted", "kind": "sanctions"}
