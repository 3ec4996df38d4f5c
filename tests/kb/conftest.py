"""Fixtures of the knowledge-base tests: every test of the ``store`` runs on both engines."""
from __future__ import annotations

import pytest

from armstrace.store import Store


@pytest.fixture
def store(store_url):
    """An empty store on SQLite, then on PostgreSQL (``store_url`` is parametrised)."""
    with Store(store_url) as s:
        yield s
