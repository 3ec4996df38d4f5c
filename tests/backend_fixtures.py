"""Fixtures for running the same tests on both engines (a pytest plugin, loaded by
``tests/conftest.py``).

- ``store_url``: parametrised over ``sqlite`` (a file in tmp_path) and ``postgresql``
  (a fresh database on the session's server, dropped afterwards);
- ``pg_server``: the session's PostgreSQL server (started on first use, stopped at the
  end even when tests fail); skipped, with the reason, when no ``initdb`` is installed;
- ``pg_url``: a fresh PostgreSQL database, for tests only PostgreSQL needs.
"""
from __future__ import annotations

import itertools

import pytest

from .pg_server import PgServer, find_bindir

ENGINES = ["sqlite", "postgresql"]
_names = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; install the Debian "
                    "package `postgresql` or set PG_BINDIR")
    server = PgServer(bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def _fresh_database(server: PgServer):
    import psycopg
    name = f"t{next(_names)}"
    url = server.create_database(name)
    yield url
    with psycopg.connect(server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url(pg_server):
    """A URL to a new, empty PostgreSQL database."""
    yield from _fresh_database(pg_server)


@pytest.fixture(params=ENGINES)
def store_url(request, tmp_path):
    """A database URL for each engine: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        yield str(tmp_path / "kb.db")
    else:
        yield from _fresh_database(request.getfixturevalue("pg_server"))
