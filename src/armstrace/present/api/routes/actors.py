"""``/actors``: the actors of the knowledge base, with names and activity counts."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from sqlalchemy import func, select

from ....store import Store, schema_kb
from ...export.model import actor_kind, actor_name
from ..errors import ERROR_RESPONSES, ApiError
from ..params import ACTOR_CODE, check_actor
from .deps import get_store

router = APIRouter(tags=["actors"], responses=ERROR_RESPONSES)


def activity(store: Store, code: str | None = None) -> dict[str, dict[str, Any]]:
    """Per actor: events in total, by type and by role."""
    a, e = schema_kb.event_actors, schema_kb.events
    q = (select(a.c.actor, a.c.role, e.c.type, func.count(func.distinct(a.c.event_id)))
         .join(e, e.c.id == a.c.event_id).where(e.c.n_claims > 0)
         .group_by(a.c.actor, a.c.role, e.c.type))
    if code:
        q = q.where(a.c.actor == code)
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for actor, role, rtype, n in conn.execute(q):
            entry = out.setdefault(actor, {"code": actor, "name": actor_name(actor),
                                           "kind": actor_kind(actor), "events": 0,
                                           "by_type": {}, "by_role": {}})
            entry["events"] += n
            entry["by_type"][rtype] = entry["by_type"].get(rtype, 0) + n
            entry["by_role"][role] = entry["by_role"].get(role, 0) + n
    return out


@router.get("/actors", summary="Actors with their names and activity, the most active first")
def list_actors(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    return sorted(activity(store).values(), key=lambda x: (-x["events"], x["code"]))


@router.get("/actors/{code}", summary="One actor with its activity counts")
def one_actor(code: Annotated[ACTOR_CODE, Path(description="Actor code")],
              store: Store = Depends(get_store)) -> dict[str, Any]:
    code = check_actor(code)
    found = activity(store, code).get(code)
    if found is None:
        raise ApiError(404, f"actor {code} has no events in this knowledge base; GET /actors "
                            "lists the actors it holds")
    return found
