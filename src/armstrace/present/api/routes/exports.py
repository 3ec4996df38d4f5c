"""``/export/{format}``: the knowledge base as a file other tools open."""
from __future__ import annotations

import os
import tempfile
from enum import Enum

from fastapi import APIRouter, Depends
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ....store import Store
from ...export import FORMATS, WHATS, export, filename, media_type
from ..errors import ERROR_RESPONSES
from .deps import get_store

router = APIRouter(tags=["exports"], responses=ERROR_RESPONSES)
FORMAT = Enum("ExportFormat", {f: f for f in FORMATS}, type=str)
WHAT = Enum("ExportWhat", {w: w for w in WHATS}, type=str)


@router.get("/export/{format}", response_class=FileResponse,
            summary="Export: json, csv, graphml, gexf, ftm or parquet",
            description="CSV and Parquet hold one row per event (what=events) or per claim "
                        "(what=claims), each with its evidence; the other formats hold "
                        "everything and ignore `what`.")
def download(format: FORMAT, what: WHAT = WHAT("events"),
             store: Store = Depends(get_store)) -> FileResponse:
    handle, path = tempfile.mkstemp(prefix="armstrace-export-")
    try:
        with os.fdopen(handle, "wb") as out:
            export(store, format.value, out, what.value)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=media_type(format.value),
                        filename=filename(format.value, what.value),
                        background=BackgroundTask(os.unlink, path))
