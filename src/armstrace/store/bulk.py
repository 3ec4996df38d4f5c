"""Claims in bulk: Parquet partitions written by batch workers, loaded into the store.

A partition ``n`` is three files in an output folder: ``documents/part-n.parquet``
(documents extracted, with the extractor version), ``claims/part-n.parquet`` (claim
rows, as :func:`rows.claim_row` makes them, JSON as text) and ``errors/part-n.parquet``
(inputs that failed). Loading keeps the semantics of :meth:`Store.add`: a document
already processed with that extractor version keeps its claims; nothing is stored
twice. How rows get in differs by engine: COPY on PostgreSQL (:mod:`bulk_postgres`),
Arrow-bound staging files and ``INSERT ... SELECT`` on SQLite (:mod:`bulk_sqlite`).
A partition whose files cannot be read is recorded as an ingest error; the rest goes on.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Integer

from . import schema
from .postgres import is_postgres

KINDS = ("documents", "claims", "errors")
DOC_COLUMNS = ["id", "text", "date", "source", "url", "title", "origin", "meta"]
DOC_EXTRA = ["extractor", "extractor_version"]
CLAIM_COLUMNS = [c.name for c in schema.claims.columns if c.name not in ("id", "run_id")]
ERROR_COLUMNS = ["input", "problem"]
Progress = Callable[[int], None]        # called with each partition's index once loaded


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


class PartitionError(ValueError):
    """A partition's files cannot be read as the batch writes them."""


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


def read_partition(folder: str | Path, index: int) -> dict[str, pa.Table]:
    """The partition's three tables, with the columns and types the batch writes, and
    ``processed``: (document, extractor version, claims) per document, as Store.add
    marks them. Raises PartitionError naming the file and the problem."""
    tables = {}
    for kind in KINDS:
        path, sch = part_path(folder, kind, index), arrow_schema(kind)
        try:
            tables[kind] = pq.read_table(path, columns=sch.names).cast(sch)
        except (OSError, pa.ArrowException, ValueError) as exc:
            raise PartitionError(f"{path}: cannot read this partition file: {exc}") from exc
    tables["processed"] = _processed(tables["documents"], tables["claims"])
    return tables


def _processed(docs: pa.Table, claims: pa.Table) -> pa.Table:
    counts = claims.group_by("document_id").aggregate([("fingerprint", "count_distinct")])
    per_doc = dict(zip(counts.column("document_id").to_pylist(),
                       counts.column("fingerprint_count_distinct").to_pylist()))
    return pa.table({"document_id": docs.column("id"),
                     "extractor_version": docs.column("extractor_version"),
                     "claims": pa.array([per_doc.get(d, 0) for d in docs.column("id").to_pylist()],
                                        pa.int64())})


def documents_outside(tables: dict[str, pa.Table]) -> list[str]:
    """Documents the partition's claims refer to that the partition does not carry."""
    claims, docs = tables["claims"].column("document_id"), tables["documents"].column("id")
    return pc.unique(claims.filter(pc.invert(pc.is_in(claims, value_set=docs)))).to_pylist()


def load_folder(store, folder: str | Path, run_id: int | None = None,
                indices: Iterable[int] | None = None,
                progress: Progress | None = None) -> LoadCounts:
    """Load partitions (default: all in ``folder``) in index order; return the counts."""
    order = sorted(partitions_in(folder) if indices is None else indices)
    if not order:
        return LoadCounts()
    if is_postgres(store.engine):
        from .bulk_postgres import load_postgres
        return load_postgres(store, folder, order, run_id, progress)
    from .bulk_sqlite import load_sqlite
    return load_sqlite(store, folder, order, run_id, progress)


def load_partition(store, folder: str | Path, index: int,
                   run_id: int | None = None) -> LoadCounts:
    return load_folder(store, folder, run_id, [index])
