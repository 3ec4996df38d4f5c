"""``/network``: what the page draws, and the events behind an edge."""
from __future__ import annotations

from typing import Annotated, Any, Optional

from fastapi import APIRouter, Depends, Query
from sqlalchemy import func, select

from ....ontology import ontology
from ....store import Store
from ....store import schema_kb
from ....store.events import EventFilter
from ..errors import ERROR_RESPONSES
from ..network import edge_events, network
from ..params import (ACTOR_CODE, RECORD_TYPE, ROLES, STAGE, SUMMARY, check_actor, event_filter,
                      value)
from .deps import get_store

router = APIRouter(tags=["network"], responses=ERROR_RESPONSES)
Code = Annotated[ACTOR_CODE, Query(description="Actor code")]


@router.get("/network", summary="Actors, aggregated edges and timeline points (filtered)")
def graph(f: EventFilter = Depends(event_filter),
          store: Store = Depends(get_store)) -> dict[str, Any]:
    return network(store, f)


@router.get("/network/edge", summary="The events behind one edge of the network")
def edge(a: Code, b: Code, edge_type: Optional[RECORD_TYPE] = None,
         edge_stage: Optional[STAGE] = None, hedged: Optional[bool] = None,
         f: EventFilter = Depends(event_filter),
         store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    return edge_events(store, f, check_actor(a), check_actor(b), value(edge_type),
                       value(edge_stage), hedged)


@router.get("/meta", summary="Code lists (from the ontology), roles and the date range")
def meta(store: Store = Depends(get_store)) -> dict[str, Any]:
    e = schema_kb.events
    with store.engine.connect() as conn:
        lo, hi, n = conn.execute(select(func.min(e.c.first_seen), func.max(e.c.last_seen),
                                        func.count()).where(e.c.n_claims > 0)).one()
    onto = ontology()
    return {"ontology_version": onto.version, "types": list(onto.types),
            "code_lists": {k: list(v) for k, v in onto.code_lists().items()},
            "assertion_summaries": [m.value for m in SUMMARY], "roles": ROLES,
            "stages": [m.value for m in STAGE], "date_range": [lo, hi], "n_events": n}
