"""What every handler needs: the store of the running application."""
from __future__ import annotations

from fastapi import Request

from ....store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store
