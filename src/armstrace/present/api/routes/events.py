"""``/events``: claims merged into events, their evidence and why they merged."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path

from ....store import Store
from ....store.events import EventFilter, event, event_claims, event_query, events, explain
from ..errors import ERROR_RESPONSES, ApiError
from ..pages import Page, count, page
from ..params import Limit, Offset, event_filter
from .deps import get_store

router = APIRouter(tags=["events"], responses=ERROR_RESPONSES)
EventId = Annotated[int, Path(ge=1, le=2**62)]


@router.get("/events", response_model=Page,
            summary="Events (every filter of EventFilter), the most confident first")
def list_events(f: EventFilter = Depends(event_filter), limit: Limit = 100, offset: Offset = 0,
                store: Store = Depends(get_store)) -> dict[str, Any]:
    total = count(store, event_query(f))
    f.limit, f.offset = limit, offset
    return page([e.to_dict() for e in events(store, f)], total, limit, offset)


def _found(store: Store, event_id: int):
    found = event(store, event_id)
    if found is None:
        raise ApiError(404, f"no event {event_id}; GET /events lists events and their ids")
    return found


@router.get("/events/{event_id}", summary="One event")
def one_event(event_id: EventId, store: Store = Depends(get_store)) -> dict[str, Any]:
    return _found(store, event_id).to_dict()


@router.get("/events/{event_id}/claims", summary="The event's evidence: its claims and quotes")
def evidence(event_id: EventId, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    _found(store, event_id)
    return event_claims(store, event_id)


@router.get("/events/{event_id}/explain", summary="Which claims merged into the event and why")
def why(event_id: EventId, store: Store = Depends(get_store)) -> dict[str, Any]:
    _found(store, event_id)
    return explain(store, event_id)
