"""Fixtures of the knowledge-base tests."""
from __future__ import annotations

import pytest

from armstrace.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "kb.db") as s:
        yield s
