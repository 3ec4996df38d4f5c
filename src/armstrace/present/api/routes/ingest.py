"""``POST /ingest``: only with a configured token, sent as ``Authorization: Bearer``."""
from __future__ import annotations

from enum import Enum
from typing import Any, Optional

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from ....extract import extractor_names
from ....ingest.limits import max_bytes
from ....store import Store
from ..errors import ERROR_SCHEMA
from ..ingest import ingest_documents
from ..security import require_token
from .deps import get_store

router = APIRouter(tags=["ingest"], responses={403: ERROR_SCHEMA, 422: ERROR_SCHEMA})
EXTRACTOR = Enum("ExtractorName", {n: n for n in extractor_names()}, type=str)


class NewDocument(BaseModel):
    text: str = Field(min_length=1, max_length=max_bytes(), pattern=r"\S")
    title: Optional[str] = Field(None, max_length=2000)
    date: Optional[str] = Field(None, max_length=40, description="ISO 8601 or a plain date")
    source: Optional[str] = Field(None, max_length=2000)
    url: Optional[str] = Field(None, max_length=4000)


class IngestRequest(BaseModel):
    documents: list[NewDocument] = Field(min_length=1, max_length=1000)
    extractor: EXTRACTOR = Field(EXTRACTOR(extractor_names()[0]),
                                 description="Extraction backend")


@router.post("/ingest", dependencies=[Depends(require_token)],
             summary="Extract and store documents (needs the server's token)")
def ingest(body: IngestRequest, store: Store = Depends(get_store)) -> dict[str, Any]:
    items = [d.model_dump() for d in body.documents]
    return ingest_documents(store, items, body.extractor.value)
