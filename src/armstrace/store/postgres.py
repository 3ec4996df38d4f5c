"""What differs on PostgreSQL: idempotent inserts, advisory locks, COPY.

Several ``armstrace`` processes may write to one PostgreSQL database at once. Rows
keyed by content (documents by text hash, claims by fingerprint, processed marks)
are inserted with ``ON CONFLICT DO NOTHING``, so two writers of the same document
store it once; steps that read, decide and then write (migrations, event merging)
hold a PostgreSQL advisory lock so that only one process runs them at a time.
On SQLite the database lock already serialises writers: the lock is a no-op and
the inserts use SQLite's own ``ON CONFLICT DO NOTHING``.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Sequence

from sqlalchemy import Connection, Engine, Table, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

MERGE_LOCK = "armstrace.merge"
MIGRATE_LOCK = "armstrace.migrate"


def is_postgres(bind: Connection | Engine) -> bool:
    return bind.dialect.name == "postgresql"


def insert_ignore(bind: Connection | Engine, table: Table) -> Insert:
    """``INSERT ... ON CONFLICT DO NOTHING`` on the bind's engine (rows already there,
    by primary key or a unique constraint, are left as they are)."""
    name = bind.dialect.name
    if name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    return table.insert()


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for ``name``."""
    return int.from_bytes(hashlib.sha1(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[None]:
    """Run the block while holding the advisory lock ``name`` (PostgreSQL; other
    engines: no lock). The lock is held by a connection of its own, so the block may
    use as many transactions as it likes; other processes wait for it."""
    if not is_postgres(engine):
        yield
        return
    key = lock_key(name)
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()


def copy_rows(conn: Connection, table: str, columns: Sequence[str],
              rows: Iterable[Sequence[Any]]) -> int:
    """COPY ``rows`` (tuples in ``columns`` order) into ``table`` through psycopg's
    COPY protocol, in the connection's transaction; return the number of rows."""
    cursor = conn.connection.driver_connection.cursor()
    names = ", ".join(f'"{c}"' for c in columns)
    n = 0
    with cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def staging_table(conn: Connection, like: str, name: str, columns: Sequence[str]) -> None:
    """A temporary table with ``columns`` of ``like`` (types only, no constraints),
    dropped at commit: COPY lands there, then moves on with ``ON CONFLICT``."""
    names = ", ".join(f'"{c}"' for c in columns)
    conn.execute(text(f'CREATE TEMPORARY TABLE "{name}" ON COMMIT DROP AS '
                      f'SELECT {names} FROM "{like}" WITH NO DATA'))
