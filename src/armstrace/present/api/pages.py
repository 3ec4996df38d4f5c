"""Paginated answers: ``{"items", "total", "limit", "offset", "next_offset"}``."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, func, select


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int
    next_offset: int | None


def count(store, query: Select) -> int:
    """Rows ``query`` selects, without its order, limit and offset."""
    inner = query.order_by(None).limit(None).offset(None).subquery()
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(inner)).scalar_one()


def page(items: list[dict], total: int, limit: int, offset: int) -> dict[str, Any]:
    following = offset + len(items)
    return {"items": items, "total": total, "limit": limit, "offset": offset,
            "next_offset": following if following < total else None}
