"""Helpers for the knowledge-base tests: documents with hand-made, validated records."""
from __future__ import annotations

from armstrace.ingest import Document
from armstrace.ontology import validate
from armstrace.store import Store

PAD = (" The report also covered the wider security situation in the region, diplomatic "
       "contacts between the two governments and the reactions of neighbouring states.")


def record(text: str, quote: str, **fields):
    """A validated record whose evidence is ``quote`` found in ``text``."""
    start = text.index(quote)
    return validate({**fields, "evidence": {"start": start, "end": start + len(quote),
                                            "quote": quote}})


def add_doc(store: Store, text: str, records: list[dict], date: str | None = None,
            source: str | None = None, url: str | None = None, version: str = "t1") -> Document:
    """Store ``text`` as a document with claims; each record dict has a ``quote``."""
    doc = Document(text=text, date=date, source=source, url=url, title=text[:40])
    built = [record(text, r.pop("quote"), **r) for r in (dict(x) for x in records)]
    store.add(doc, built, "test", version)
    return doc
