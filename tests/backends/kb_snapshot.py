"""A knowledge base as comparable data: its claims and events, without row ids."""
from __future__ import annotations

import json

from armstrace.store import Store, claims
from armstrace.store.events import events

_ROW_IDS = ("id",)


def claim_set(store: Store) -> set[tuple[str, str]]:
    """(document id, the claim's record with evidence and document fields) of every claim."""
    return {(c["document_id"], json.dumps({k: v for k, v in c.items() if k not in _ROW_IDS},
                                          sort_keys=True, default=str)) for c in claims(store)}


def event_list(store: Store) -> list[str]:
    """Every event (keys, stage, counts, dates, confidence, best quote), sorted."""
    return sorted(json.dumps({k: v for k, v in e.to_dict().items() if k not in _ROW_IDS},
                             sort_keys=True, default=str) for e in events(store))


def snapshot(url: str) -> dict:
    with Store(url) as store:
        return {"claims": claim_set(store), "events": event_list(store),
                "counts": {k: v for k, v in store.counts().items() if k != "runs"}}
