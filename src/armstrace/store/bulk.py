"""Claims in bulk: Parquet partitions written by batch workers, loaded into the store.

A partition ``n`` is three files in an output folder: ``documents/part-n.parquet``
(documents extracted, with the extractor version), ``claims/part-n.parquet`` (claim
rows, as :func:`rows.claim_row` makes them, JSON as text) and ``errors/part-n.parquet``
(inputs that failed). Loading one partition is one transaction with the semantics of
:meth:`Store.add`: a document already processed with that extractor version keeps its
claims; nothing is stored twice. PostgreSQL gets COPY into staging tables, then
``INSERT ... ON CONFLICT DO NOTHING``; SQLite gets executemany.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Connection, Integer, select, text

from . import schema
from .postgres import copy_rows, insert_ignore, is_postgres, staging_table

KINDS = ("documents", "claims", "errors")
DOC_COLUMNS = ["id", "text", "date", "source", "url", "title", "origin", "meta"]
DOC_EXTRA = ["extractor", "extractor_version"]
CLAIM_COLUMNS = [c.name for c in schema.claims.columns if c.name not in ("id", "run_id")]
ERROR_COLUMNS = ["input", "problem"]
CHUNK = 500
REBUILD_AT = 50_000                 # claims in one SQLite load from which indexes are rebuilt
SQLITE_CACHE_KB = 256 * 1024        # page cache of a bulk-loading SQLite connection


@dataclass
class LoadCounts:
    documents: int = 0      # documents newly processed (their claims stored)
    claims: int = 0
    errors: int = 0

    def __iadd__(self, other: "LoadCounts") -> "LoadCounts":
        self.documents += other.documents
        self.claims += other.claims
        self.errors += other.errors
        return self


def _arrow_type(column) -> pa.DataType:
    if isinstance(column.type, Boolean):
        return pa.bool_()
    if isinstance(column.type, Integer):
        return pa.int64()
    return pa.string()          # text, codes, dates; JSON as its text


def arrow_schema(kind: str) -> pa.Schema:
    if kind == "claims":
        return pa.schema([(c.name, _arrow_type(c)) for c in schema.claims.columns
                          if c.name in CLAIM_COLUMNS])
    names = DOC_COLUMNS + DOC_EXTRA if kind == "documents" else ERROR_COLUMNS
    return pa.schema([(n, pa.string()) for n in names])


def part_path(folder: str | Path, kind: str, index: int) -> Path:
    return Path(folder) / kind / f"part-{index:05d}.parquet"


def _json_text(value: Any) -> str:
    """JSON as text; empty is JSON ``null``, as SQLAlchemy stores ``None`` in a JSON column."""
    return json.dumps(value, ensure_ascii=False, default=str) if value else "null"


def write_partition(folder: str | Path, index: int, documents: list[dict],
                    claims: list[dict], errors: list[dict]) -> None:
    """Write one partition's three files (each atomically: a retry overwrites them)."""
    json_cols = {"meta", "extra"}
    for kind, rows in zip(KINDS, (documents, claims, errors)):
        target = part_path(folder, kind, index)
        target.parent.mkdir(parents=True, exist_ok=True)
        sch = arrow_schema(kind)
        columns = {n: [_json_text(r.get(n)) if n in json_cols else r.get(n) for r in rows]
                   for n in sch.names}
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        pq.write_table(pa.table(columns, schema=sch), tmp)
        os.replace(tmp, target)


def partitions_in(folder: str | Path) -> list[int]:
    """Indices of the partitions written in ``folder``."""
    files = (Path(folder) / "claims").glob("part-*.parquet")
    return sorted(int(p.stem.split("-")[1]) for p in files)


def load_folder(store, folder: str | Path, run_id: int | None = None,
                indices: Iterable[int] | None = None,
                progress: Callable[[int], None] | None = None) -> LoadCounts:
    """Load partitions (default: all in ``folder``) in index order; return the counts.

    Each partition is one transaction. On SQLite, a load larger than the claims already
    stored is one transaction in which the claims' secondary indexes are dropped and
    rebuilt at the end (SQLite's DDL is transactional: readers see the old state, an
    interruption leaves the store as it was); building an index once is much faster
    than updating it row by row.
    """
    order = sorted(partitions_in(folder) if indices is None else indices)
    if order and not is_postgres(store.engine) and _large(store, folder, order):
        return _load_rebuilding_indexes(store, folder, order, run_id, progress)
    total = LoadCounts()
    for index in order:
        total += load_partition(store, folder, index, run_id)
        if progress:
            progress(index)
    return total


def _large(store, folder: str | Path, order: list[int]) -> bool:
    incoming = sum(pq.ParquetFile(part_path(folder, "claims", i)).metadata.num_rows
                   for i in order)
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT count(*) FROM claims")).scalar_one()
    return incoming >= max(stored, REBUILD_AT)


def _load_rebuilding_indexes(store, folder, order, run_id, progress) -> LoadCounts:
    indexes = [ix for ix in schema.claims.indexes if not ix.unique]
    total = LoadCounts()
    with store.engine.begin() as conn:
        # the driver opens the transaction at the first data statement: make one first, so
        # that dropping the indexes belongs to it
        conn.exec_driver_sql("UPDATE schema_info SET value = value WHERE key = 'version'")
        for ix in indexes:
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{ix.name}"')
        for index in order:
            total += _load_in(conn, folder, index, run_id)
            if progress:
                progress(index)
        for ix in indexes:
            ix.create(conn)
    return total


def load_partition(store, folder: str | Path, index: int,
                   run_id: int | None = None) -> LoadCounts:
    with store.engine.begin() as conn:
        return _load_in(conn, folder, index, run_id)


def _load_in(conn: Connection, folder: str | Path, index: int,
             run_id: int | None) -> LoadCounts:
    tables = {kind: pq.read_table(part_path(folder, kind, index)) for kind in KINDS}
    docs = _rows(tables["documents"], DOC_COLUMNS + DOC_EXTRA)
    claims = _rows(tables["claims"], CLAIM_COLUMNS)
    errors = _rows(tables["errors"], ERROR_COLUMNS)
    processed = _processed_rows(docs, claims)
    now = datetime.now(timezone.utc)
    doc_rows = [(*d[:len(DOC_COLUMNS)], now) for d in docs]
    load = _load_postgres if is_postgres(conn) else _load_sqlite
    counts = load(conn, doc_rows, claims, processed, run_id)
    if errors:
        conn.execute(schema.ingest_errors.insert(),
                     [dict(input=i, problem=p, run_id=run_id, at=now) for i, p in errors])
    counts.errors = len(errors)
    return counts


def _rows(table: pa.Table, names: list[str]) -> list[tuple]:
    return list(zip(*(table.column(n).to_pylist() for n in names))) if table.num_rows else []


def _processed_rows(docs: list[tuple], claims: list[tuple]) -> list[tuple]:
    """(document id, extractor version, claims) per document, as Store.add counts them."""
    fp, doc_at = CLAIM_COLUMNS.index("fingerprint"), CLAIM_COLUMNS.index("document_id")
    per_doc = Counter(doc for doc, _ in {(c[doc_at], c[fp]) for c in claims})
    version_at = len(DOC_COLUMNS) + 1
    return [(d[0], d[version_at], per_doc.get(d[0], 0)) for d in docs]


def _load_sqlite(conn: Connection, docs, claims, processed, run_id) -> LoadCounts:
    conn.exec_driver_sql(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")   # indexes stay in memory
    names = DOC_COLUMNS + ["ingested_at"]
    if docs:
        conn.execute(insert_ignore(conn, schema.documents),
                     [dict(zip(names, (*d[:-2], json.loads(d[-2]) if d[-2] else None, d[-1])))
                      for d in docs])
    done = _already_processed(conn, processed)
    doc_at = CLAIM_COLUMNS.index("document_id")
    version_at = CLAIM_COLUMNS.index("extractor_version")
    fresh = [(*c, run_id) for c in claims if (c[doc_at], c[version_at]) not in done]
    cols = ", ".join(f'"{n}"' for n in CLAIM_COLUMNS + ["run_id"])
    marks = ", ".join("?" * (len(CLAIM_COLUMNS) + 1))
    added = conn.exec_driver_sql(f"INSERT OR IGNORE INTO claims ({cols}) VALUES ({marks})",
                                 fresh).rowcount if fresh else 0
    new = [p for p in processed if (p[0], p[1]) not in done]
    marked = conn.exec_driver_sql(
        "INSERT OR IGNORE INTO processed (document_id, extractor_version, claims) "
        "VALUES (?, ?, ?)", new).rowcount if new else 0
    return LoadCounts(documents=marked, claims=added)


def _already_processed(conn: Connection, processed: list[tuple]) -> set[tuple[str, str]]:
    t, ids, out = schema.processed, sorted({p[0] for p in processed}), set()
    for i in range(0, len(ids), CHUNK):
        q = select(t.c.document_id, t.c.extractor_version).where(
            t.c.document_id.in_(ids[i:i + CHUNK]))
        out |= {tuple(r) for r in conn.execute(q)}
    return out


def _load_postgres(conn: Connection, docs, claims, processed, run_id) -> LoadCounts:
    doc_cols = DOC_COLUMNS + ["ingested_at"]
    for name, like, cols, rows in (("s_documents", "documents", doc_cols, docs),
                                   ("s_claims", "claims", CLAIM_COLUMNS, claims),
                                   ("s_processed", "processed",
                                    ["document_id", "extractor_version", "claims"], processed)):
        staging_table(conn, like, name, cols)
        conn.execute(text(f'ALTER TABLE "{name}" ADD COLUMN seq bigint'))
        copy_rows(conn, name, [*cols, "seq"], ((*r, i) for i, r in enumerate(rows)))
    listed = ", ".join(f'"{c}"' for c in doc_cols)
    conn.execute(text(f"INSERT INTO documents ({listed}) SELECT {listed} FROM s_documents "
                      "ORDER BY seq ON CONFLICT DO NOTHING"))
    targets = ", ".join(f'"{c}"' for c in CLAIM_COLUMNS)
    sources = ", ".join(f's."{c}"' for c in CLAIM_COLUMNS)
    added = conn.execute(text(
        f"INSERT INTO claims ({targets}, run_id) SELECT {sources}, :run "
        "FROM s_claims s WHERE NOT EXISTS (SELECT 1 FROM processed p WHERE "
        "p.document_id = s.document_id AND p.extractor_version = s.extractor_version) "
        "ORDER BY s.seq ON CONFLICT DO NOTHING"), {"run": run_id}).rowcount
    marked = conn.execute(text(
        "INSERT INTO processed (document_id, extractor_version, claims) SELECT document_id, "
        "extractor_version, claims FROM s_processed ORDER BY seq ON CONFLICT DO NOTHING")).rowcount
    return LoadCounts(documents=marked, claims=added)
