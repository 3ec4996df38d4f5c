"""``/analyses``: embargo breaches, diversion risk, blocs and dossiers."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ....analyse import blocs, breaches, dossier, risk
from ....analyse.dates import WINDOWS
from ....store import Store
from ..errors import ERROR_RESPONSES
from ..params import ACTOR_CODE, ITEM, DateQ, as_of_day, check_actor
from .deps import get_store

router = APIRouter(prefix="/analyses", tags=["analyses"], responses=ERROR_RESPONSES)
WINDOW = Enum("Window", {w: w for w in WINDOWS}, type=str)
Code = Annotated[ACTOR_CODE, Query(description="Actor code")]


@router.get("/breaches", summary="Transfers against an arms embargo in force at the time")
def list_breaches(as_of: DateQ = None, established: bool = False,
                  store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    found = [b.to_dict() for b in breaches(store, as_of_day(as_of))]
    return [b for b in found if not established or b["status"] == "established"]


@router.get("/risk", summary="Diversion risk of a proposed export")
def diversion_risk(supplier: Code, recipient: Code, item: ITEM, as_of: DateQ = None,
                   k: Annotated[int, Query(ge=1, le=20)] = 5,
                   store: Store = Depends(get_store)) -> dict[str, Any]:
    report = risk(store, check_actor(supplier), check_actor(recipient), item.value,
                  as_of_day(as_of), k=k)
    return report.to_dict()


@router.get("/blocs", summary="Blocs over time: communities per window and alignment")
def bloc_report(window: WINDOW = "year", as_of: DateQ = None,
                store: Store = Depends(get_store)) -> dict[str, Any]:
    return blocs(store, window.value if isinstance(window, Enum) else window,
                 as_of=as_of_day(as_of)).to_dict()


@router.get("/dossier/{actor}", summary="Everything the knowledge base holds on one actor")
def actor_dossier(actor: Annotated[ACTOR_CODE, Path(description="Actor code")],
                  as_of: DateQ = None, store: Store = Depends(get_store)) -> dict[str, Any]:
    return dossier(store, check_actor(actor), as_of_day(as_of)).to_dict()
