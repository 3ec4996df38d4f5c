"""Fixtures of the API tests: a small knowledge base and the app over it, in-process."""
from __future__ import annotations

import warnings

import pytest

with warnings.catch_warnings():     # starlette wants httpx2; httpx is what is pinned
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from armstrace.present.api import create_app

from .kb import build

TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def kb_path(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("api") / "kb.db"
    build(path).close()
    return str(path)


@pytest.fixture(scope="session")
def client(kb_path) -> TestClient:
    """The read-only app (no token) over the small knowledge base."""
    with TestClient(create_app(kb_path), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def writable(tmp_path):
    """An app with a token over a fresh copy of the small knowledge base."""
    path = tmp_path / "kb.db"
    build(path).close()
    with TestClient(create_app(str(path), token=TOKEN), raise_server_exceptions=False) as c:
        yield c
