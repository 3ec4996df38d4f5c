"""Shared fixtures: fixture files, a temporary database, the CLI in-process and as a program."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from armstrace.present.cli import app

pytest_plugins = ["tests.backend_fixtures"]   # store_url, pg_server, pg_url: both engines

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARMSTRACE = Path(sys.executable).with_name("armstrace")   # the installed console script


@pytest.fixture
def fixtures() -> Path:
    """The folder of small input files written for these tests."""
    return FIXTURES


@pytest.fixture
def tmp_db(tmp_path: Path) -> str:
    """A fresh SQLite database path (created on first open)."""
    return str(tmp_path / "kb.db")


@pytest.fixture
def cli():
    """Invoke the CLI in-process: ``cli("run", path, "--db", db)`` -> click Result
    with ``exit_code``, ``stdout`` and ``stderr`` kept apart."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input)
    return invoke
