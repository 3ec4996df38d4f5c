"""Fixtures of the export tests: the small knowledge base of the API tests."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "armstrace_test_shared", Path(__file__).resolve().parents[1] / "api" / "shared.py")
_shared = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shared)
build = _shared.helper("kb").build


@pytest.fixture(scope="module")
def kb(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "kb.db"
    store = build(path)
    yield store
    store.close()
