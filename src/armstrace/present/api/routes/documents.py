"""``/documents``: the texts claims come from."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path
from sqlalchemy import select

from ....store import Store, documents, schema
from ..errors import ERROR_RESPONSES, ApiError
from ..pages import Page, count, page
from ..params import Limit, Offset
from .deps import get_store

router = APIRouter(tags=["documents"], responses=ERROR_RESPONSES)


@router.get("/documents", response_model=Page, summary="Documents, oldest first")
def list_documents(limit: Limit = 100, offset: Offset = 0,
                   store: Store = Depends(get_store)) -> dict[str, Any]:
    items = documents(store, limit=limit, offset=offset)
    return page(items, count(store, select(schema.documents.c.id)), limit, offset)


@router.get("/documents/{document_id}", summary="One document with its full text")
def one_document(document_id: Annotated[str, Path(max_length=64)],
                 store: Store = Depends(get_store)) -> dict[str, Any]:
    found = store.document(document_id)
    if found is None:
        raise ApiError(404, f"no document {document_id!r}; GET /documents lists their ids")
    return {k: found[k] for k in ("id", "date", "source", "url", "title", "origin", "text")}
