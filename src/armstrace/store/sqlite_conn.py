"""What SQLite needs outside SQLAlchemy's transaction handling: explicit transactions
with foreign keys switched off, for table rebuilds and bulk loads."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def foreign_keys_off(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``db`` (a driver connection, not in a transaction) in explicit-transaction mode
    with foreign keys off: they can only be switched between transactions, and the
    caller checks the references itself. A transaction left open is rolled back;
    foreign keys and the transaction mode are put back afterwards."""
    isolation = db.isolation_level
    db.isolation_level = None
    db.execute("PRAGMA foreign_keys=OFF")
    try:
        yield db
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
        db.execute("PRAGMA foreign_keys=ON")
        db.isolation_level = isolation
