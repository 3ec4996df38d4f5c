"""Bulk load into SQLite: partitions staged through Arrow, moved in by SQL.

Binding a wide claim row from Python costs more than SQLite's own insert of it. So
the Parquet partitions are first written into staging SQLite files by Arrow's ADBC
SQLite driver (columns bound in C; two threads, one file each), then moved into the
store by ``INSERT ... SELECT`` inside SQLite. The staging files are written and
closed before the store's connection attaches them: two SQLite libraries never hold
one file open at once. Foreign keys are checked on the Arrow columns while staging
(every claim's document is in its partition, or else must already be stored)
instead of row by row. A partition that fails is rolled back to its savepoint and
recorded as an ingest error; the rest goes on.

A load of at least ``REBUILD_AT`` claims, and no fewer than are stored, is one
transaction: it drops the claims' indexes (the unique fingerprint index too), moves
every partition in, deletes any claim whose fingerprint came twice (the first stays,
as ``INSERT OR IGNORE`` keeps it) and builds the indexes once, which is far faster
than updating them claim by claim. Readers see the old state until it commits; an
interruption leaves the store as it was. Smaller loads keep the indexes and commit
partition by partition.
"""
from __future__ import annotations

import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from . import schema
from .sqlite_conn import foreign_keys_off
from .bulk import (CLAIM_COLUMNS, DOC_COLUMNS, LoadCounts, PartitionError, Progress,
                   documents_outside, part_path, read_partition)

REBUILD_AT = 50_000                 # claims in one load from which indexes are rebuilt
STAGE_THREADS = 2                   # staging files written at once
CACHE_KB = 512 * 1024               # page cache of the loading connection (upper bound)
STAGED = {"documents": "d", "claims": "c", "processed": "p", "errors": "e"}


class StagingError(RuntimeError):
    """Partitions could not be written to the staging files."""


@dataclass
class Staged:
    """One partition in a staging file (or why it could not be read)."""
    index: int
    input: str                      # the partition, as ingest errors name it
    alias: str = ""                 # schema name of its staging file once attached
    claims: int = 0
    outside: list[str] = field(default_factory=list)
    problem: str | None = None

    def table(self, kind: str) -> str:
        return f'"{self.alias}"."{STAGED[kind]}_{self.index}"'


def load_sqlite(store, folder: str | Path, order: list[int], run_id: int | None,
                progress: Progress | None) -> LoadCounts:
    with tempfile.TemporaryDirectory(prefix="armstrace-staging-") as tmp:
        staged, files = _stage(folder, order, Path(tmp))
        with _loading_connection(store, files) as db:
            stored = db.execute("SELECT count(*) FROM claims").fetchone()[0]
            if sum(part.claims for part in staged) >= max(stored, REBUILD_AT):
                return _load_rebuilding_indexes(db, staged, run_id, progress)
            total = LoadCounts()
            for part in staged:
                db.execute("BEGIN IMMEDIATE")
                total += _merge(db, part, run_id, _now())
                db.execute("COMMIT")
                if progress:
                    progress(part.index)
            return total


def _stage(folder, order: list[int], tmp: Path) -> tuple[list[Staged], dict[str, Path]]:
    n = max(1, min(STAGE_THREADS, len(order)))
    groups = {f"staging{k}": (tmp / f"staging-{k}.db", order[k::n]) for k in range(n)}
    with ThreadPoolExecutor(n) as pool:
        done = list(pool.map(lambda alias: _stage_group(folder, alias, *groups[alias]), groups))
    staged = sorted((part for group in done for part in group), key=lambda p: p.index)
    return staged, {alias: path for alias, (path, _) in groups.items()}


def _stage_group(folder, alias: str, path: Path, indices: list[int]) -> list[Staged]:
    """Stage ``indices`` into the file at ``path``. Nothing is stored yet: a failure
    here (no room in the temporary folder, say) stops the load with the store as it was."""
    from adbc_driver_manager import Error
    try:
        return _write_staging(folder, alias, path, indices)
    except (Error, OSError) as exc:
        raise StagingError(f"staging partitions of {folder} in {path.parent} failed: {exc}; "
                           "nothing was stored (set TMPDIR to a folder with more room if "
                           "that is the cause)") from exc


def _write_staging(folder, alias: str, path: Path, indices: list[int]) -> list[Staged]:
    import adbc_driver_sqlite.dbapi as adbc
    out = []
    with adbc.connect(str(path)) as conn, conn.cursor() as cur:
        for index in indices:
            name = str(part_path(folder, "claims", index))
            try:
                tables = read_partition(folder, index)
            except PartitionError as exc:
                out.append(Staged(index, name, problem=str(exc)))
                continue
            for kind, short in STAGED.items():
                cur.adbc_ingest(f"{short}_{index}", tables[kind], mode="create")
            out.append(Staged(index, name, alias, tables["claims"].num_rows,
                              documents_outside(tables)))
        conn.commit()
    return out


@contextmanager
def _loading_connection(store, files: dict[str, Path]) -> Iterator[sqlite3.Connection]:
    """The store's own SQLite connection in explicit-transaction mode, foreign keys
    off (checked while staging), a large page cache, no WAL checkpoints of its own
    (the load's pages are copied into the database file once, by the next checkpoint
    after it, not after each partition), the staging files attached; all put back as
    they were afterwards."""
    raw = store.engine.raw_connection()
    db: sqlite3.Connection = raw.driver_connection
    saved = {name: db.execute(f"PRAGMA {name}").fetchone()[0]
             for name in ("cache_size", "wal_autocheckpoint")}
    try:
        with foreign_keys_off(db), _attached(db, files):
            db.execute(f"PRAGMA cache_size=-{CACHE_KB}")
            db.execute("PRAGMA wal_autocheckpoint=0")
            yield db
    finally:
        for name, value in saved.items():
            db.execute(f"PRAGMA {name}={value}")
        raw.close()


@contextmanager
def _attached(db: sqlite3.Connection, files: dict[str, Path]) -> Iterator[None]:
    """The staging files attached under their aliases; detached afterwards (after
    rolling back a transaction left open, since SQLite detaches only outside one)."""
    try:
        for alias, path in files.items():
            db.execute(f'ATTACH DATABASE ? AS "{alias}"', (str(path),))
        yield
    finally:
        if db.in_transaction:
            db.execute("ROLLBACK")
        for (alias,) in db.execute("SELECT name FROM pragma_database_list").fetchall():
            if alias in files:
                db.execute(f'DETACH DATABASE "{alias}"')


def _load_rebuilding_indexes(db: sqlite3.Connection, staged: list[Staged],
                             run_id: int | None, progress: Progress | None) -> LoadCounts:
    total, at = LoadCounts(), _now()
    db.execute("BEGIN IMMEDIATE")
    for ix in schema.claims.indexes:
        db.execute(f'DROP INDEX IF EXISTS "{ix.name}"')
    for part in staged:
        total += _merge(db, part, run_id, at)
        if progress:
            progress(part.index)
    total.claims -= _unique_fingerprints(db)
    for ix in schema.claims.indexes:
        db.execute(schema.index_sql(ix, "sqlite"))
    db.execute("COMMIT")
    return total


def _unique_fingerprints(db: sqlite3.Connection) -> int:
    """Build the unique fingerprint index; if a fingerprint came twice (a document
    twice in one partition), delete the later claims first. Returns how many."""
    unique = next(ix for ix in schema.claims.indexes if ix.unique)
    try:
        db.execute(schema.index_sql(unique, "sqlite"))
        return 0
    except sqlite3.IntegrityError:
        gone = db.execute("DELETE FROM claims WHERE id NOT IN "
                          "(SELECT min(id) FROM claims GROUP BY fingerprint)").rowcount
        db.execute(schema.index_sql(unique, "sqlite"))
        return gone


def _merge(db: sqlite3.Connection, part: Staged, run_id: int | None, at: str) -> LoadCounts:
    """Move one staged partition into the store, all or nothing (a savepoint); a
    partition that cannot be read, or fails here, becomes an ingest error instead."""
    if part.problem is None:
        db.execute("SAVEPOINT partition")
        try:
            counts = _insert(db, part, run_id, at)
            db.execute("RELEASE partition")
            return counts
        except (sqlite3.DatabaseError, PartitionError) as exc:
            db.execute("ROLLBACK TO partition")
            db.execute("RELEASE partition")
            part.problem = f"{part.input}: partition not loaded: {exc}"
    db.execute("INSERT INTO ingest_errors (input, problem, run_id, at) VALUES (?, ?, ?, ?)",
               (part.input, part.problem, run_id, at))
    return LoadCounts(errors=1)


def _insert(db: sqlite3.Connection, part: Staged, run_id: int | None, at: str) -> LoadCounts:
    docs = ", ".join(f'"{c}"' for c in DOC_COLUMNS)
    db.execute(f"INSERT OR IGNORE INTO documents ({docs}, ingested_at) "
               f"SELECT {docs}, ? FROM {part.table('documents')} ORDER BY rowid", (at,))
    _check_documents(db, part)
    cols = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
    keep = ("WHERE NOT EXISTS (SELECT 1 FROM processed p WHERE p.document_id = "
            "s.document_id AND p.extractor_version = s.extractor_version)"
            if _any_processed(db, part) else "")
    added = db.execute(f"INSERT OR IGNORE INTO claims ({cols}, run_id) SELECT {cols}, ? "
                       f"FROM {part.table('claims')} AS s {keep} ORDER BY s.rowid",
                       (run_id,)).rowcount
    marked = db.execute(
        "INSERT OR IGNORE INTO processed (document_id, extractor_version, claims) "
        f"SELECT document_id, extractor_version, claims FROM {part.table('processed')}"
    ).rowcount
    errors = db.execute("INSERT INTO ingest_errors (input, problem, run_id, at) "
                        f"SELECT input, problem, ?, ? FROM {part.table('errors')} "
                        "ORDER BY rowid", (run_id, at)).rowcount
    return LoadCounts(documents=marked, claims=added, errors=errors)


def _any_processed(db: sqlite3.Connection, part: Staged) -> bool:
    """Whether any document the partition's claims belong to is already processed (by
    any version): only then must each claim be checked against ``processed``."""
    if db.execute(f"SELECT EXISTS (SELECT 1 FROM {part.table('documents')} AS s "
                  "JOIN processed p ON p.document_id = s.id)").fetchone()[0]:
        return True
    return bool(_existing(db, "processed", "document_id", part.outside))


def _check_documents(db: sqlite3.Connection, part: Staged) -> None:
    """Claims whose document is not in their partition need it stored already (the
    foreign key, checked once per document instead of once per claim)."""
    missing = set(part.outside) - _existing(db, "documents", "id", part.outside)
    if missing:
        raise PartitionError(f"{len(missing)} claim document(s) neither in the partition "
                             f"nor stored, e.g. {sorted(missing)[0]}")


def _existing(db: sqlite3.Connection, table: str, column: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ", ".join("?" * len(chunk))
        found |= {r[0] for r in db.execute(
            f"SELECT {column} FROM {table} WHERE {column} IN ({marks})", chunk)}
    return found


def _now() -> str:
    """The time now as SQLAlchemy stores a DateTime column on SQLite."""
    from sqlalchemy.dialects import sqlite as dialect
    impl = schema.documents.c.ingested_at.type.dialect_impl(dialect.dialect())
    return impl.bind_processor(dialect.dialect())(datetime.now(timezone.utc))
