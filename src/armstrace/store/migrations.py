"""Schema versions and the steps between them, for every engine.

Version 1 creates the tables of :mod:`schema`. A later version appends a step
``(n, description, function(connection))``; :func:`migrate` applies the steps a
database lacks, each in its own transaction, and records the version reached.
"""
from __future__ import annotations

from typing import Callable

from sqlalchemy import Connection, Engine, inspect, select

from . import schema
from .claim_indexes import droppable_indexes
from .postgres import MIGRATE_LOCK, exclusive

Step = tuple[int, str, Callable[[Connection], None]]


def _create_v1(conn: Connection) -> None:
    schema.metadata.create_all(conn)


def _create_v2(conn: Connection) -> None:
    from . import schema_kb
    schema.metadata.create_all(conn, tables=schema_kb.TABLES)


STEPS: list[Step] = [
    (1, "documents, runs, claims with evidence, ingest errors", _create_v1),
    (2, "events merged from claims, their claims and actors", _create_v2),
    (3, "claim indexes a bulk load can drop and build again: the fingerprint key as a "
        "unique index, partial indexes on supplier, recipient and date", droppable_indexes),
]


class SchemaError(RuntimeError):
    """The database was written by a newer armstrace than this one."""


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_info"):
        return 0
    row = conn.execute(select(schema.schema_info.c.value)
                       .where(schema.schema_info.c.key == "version")).first()
    return int(row[0]) if row else 0


def migrate(engine: Engine) -> int:
    """Bring the database to the newest schema version; return that version.
    On PostgreSQL one process at a time migrates (advisory lock); the others wait."""
    with exclusive(engine, MIGRATE_LOCK):
        return _migrate(engine)


def _migrate(engine: Engine) -> int:
    with engine.begin() as conn:
        version = current_version(conn)
    newest = STEPS[-1][0]
    if version > newest:
        raise SchemaError(f"database schema version {version} is newer than this armstrace "
                          f"supports ({newest}); upgrade armstrace")
    for number, _description, step in STEPS:
        if number <= version:
            continue
        with engine.begin() as conn:
            step(conn)
            _set_version(conn, number)
    return newest


def _set_version(conn: Connection, number: int) -> None:
    table = schema.schema_info
    if conn.execute(select(table.c.key).where(table.c.key == "version")).first():
        conn.execute(table.update().where(table.c.key == "version").values(value=str(number)))
    else:
        conn.execute(table.insert().values(key="version", value=str(number)))
