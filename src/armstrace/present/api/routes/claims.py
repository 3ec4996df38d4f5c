"""``/claims``: what each document says, with its evidence."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from ....store import ClaimFilter, Store, claims
from ....store.queries import claim_query
from ..errors import ERROR_RESPONSES
from ..pages import Page, count, page
from ..params import Limit, Offset, claim_filter
from .deps import get_store

router = APIRouter(tags=["claims"], responses=ERROR_RESPONSES)


@router.get("/claims", response_model=Page,
            summary="Claims with evidence (every filter of ClaimFilter), oldest document first")
def list_claims(f: ClaimFilter = Depends(claim_filter), limit: Limit = 100, offset: Offset = 0,
                store: Store = Depends(get_store)) -> dict[str, Any]:
    total = count(store, claim_query(f))
    f.limit, f.offset = limit, offset
    return page(claims(store, f), total, limit, offset)
