"""Schema step 3: claim indexes a bulk load can drop and build again.

Versions 1-2 declared the claims' fingerprint key as a table constraint; SQLite
cannot drop the index behind a constraint, and a bulk load builds a unique index
once far faster than it updates it claim by claim. The secondary indexes on
supplier, recipient and date become partial (rows without a value left out: no
query looks them up). PostgreSQL swaps the constraint for a unique index and
rebuilds those three; SQLite rebuilds the claims table (its documented procedure:
foreign keys off, new table, copy, drop, rename, indexes, foreign-key check, all in
one transaction). A database created at version 3 or later is left as it is.
"""
from __future__ import annotations

import sqlite3

from sqlalchemy import Connection
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from . import schema
from .sqlite_conn import foreign_keys_off

NAME = "uq_claims_fingerprint"


def droppable_indexes(conn: Connection) -> None:
    """Step 3 on the connection's engine (a no-op where the indexes are already so)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"ALTER TABLE claims DROP CONSTRAINT IF EXISTS {NAME}")
        for ix in schema.claims.indexes:
            if ix.dialect_options["postgresql"]["where"] is not None:
                conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{ix.name}"')
            conn.exec_driver_sql(schema.index_sql(ix, "postgresql"))
        return
    db: sqlite3.Connection = conn.connection.driver_connection
    if not db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                      "'claims' AND name LIKE 'sqlite_autoindex_claims%'").fetchone():
        return
    with foreign_keys_off(db):
        db.execute("BEGIN IMMEDIATE")
        _rebuild_claims(db)
        bad = db.execute("PRAGMA foreign_key_check(claims)").fetchall()
        if bad:
            raise RuntimeError(f"claims table rebuild left broken references: {bad[:3]}")
        db.execute("COMMIT")


def _rebuild_claims(db: sqlite3.Connection) -> None:
    ddl = str(CreateTable(schema.claims).compile(dialect=sqlite_dialect.dialect()))
    db.execute(ddl.replace("CREATE TABLE claims ", "CREATE TABLE claims_new ", 1))
    old = {row[1] for row in db.execute("PRAGMA table_info(claims)")}
    cols = ", ".join(f'"{c.name}"' for c in schema.claims.columns if c.name in old)
    db.execute(f"INSERT INTO claims_new ({cols}) SELECT {cols} FROM claims ORDER BY id")
    db.execute("DROP TABLE claims")
    db.execute("ALTER TABLE claims_new RENAME TO claims")
    for ix in schema.claims.indexes:
        db.execute(schema.index_sql(ix, "sqlite"))
