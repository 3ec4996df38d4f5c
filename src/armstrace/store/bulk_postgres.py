"""Bulk load into PostgreSQL: COPY into staging tables, then ``INSERT ... SELECT``.

Each partition is one transaction. Its rows are copied into temporary tables (dropped
at commit) and moved on with ``ON CONFLICT DO NOTHING``, so several loaders may run
at once: a document or claim two of them carry is stored once.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from . import schema
from .bulk import (CLAIM_COLUMNS, DOC_COLUMNS, ERROR_COLUMNS, LoadCounts, PartitionError,
                   Progress, part_path, read_partition)
from .postgres import copy_rows, staging_table

PROCESSED_COLUMNS = ["document_id", "extractor_version", "claims"]


def load_postgres(store, folder: str | Path, order: list[int], run_id: int | None,
                  progress: Progress | None) -> LoadCounts:
    total = LoadCounts()
    for index in order:
        name = str(part_path(folder, "claims", index))
        try:
            with store.engine.begin() as conn:
                total += _load(conn, read_partition(folder, index), run_id)
        except (PartitionError, DBAPIError) as exc:
            problem = str(exc) if isinstance(exc, PartitionError) else \
                f"{name}: partition not loaded: {exc.orig}"
            with store.engine.begin() as conn:
                _errors(conn, [(name, problem)], run_id)
            total.errors += 1
        if progress:
            progress(index)
    return total


def _rows(table: pa.Table, names: list[str]) -> list[tuple]:
    return list(zip(*(table.column(n).to_pylist() for n in names))) if table.num_rows else []


def _errors(conn: Connection, rows: list[tuple], run_id: int | None) -> None:
    if rows:
        now = datetime.now(timezone.utc)
        conn.execute(schema.ingest_errors.insert(),
                     [dict(input=i, problem=p, run_id=run_id, at=now) for i, p in rows])


def _load(conn: Connection, tables: dict[str, pa.Table], run_id: int | None) -> LoadCounts:
    now = datetime.now(timezone.utc)
    doc_cols = DOC_COLUMNS + ["ingested_at"]
    docs = [(*d, now) for d in _rows(tables["documents"], DOC_COLUMNS)]
    for name, like, cols, rows in (
            ("s_documents", "documents", doc_cols, docs),
            ("s_claims", "claims", CLAIM_COLUMNS, _rows(tables["claims"], CLAIM_COLUMNS)),
            ("s_processed", "processed", PROCESSED_COLUMNS,
             _rows(tables["processed"], PROCESSED_COLUMNS))):
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
    errors = _rows(tables["errors"], ERROR_COLUMNS)
    _errors(conn, errors, run_id)
    return LoadCounts(documents=marked, claims=added, errors=len(errors))
