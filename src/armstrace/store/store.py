"""The knowledge base's storage: one API over SQLAlchemy (SQLite by default)."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

from sqlalchemy import Engine, create_engine, event, func, select

from ..ingest.documents import Document, IngestError
from ..ontology import Record
from . import schema
from .migrations import migrate
from .postgres import insert_ignore
from .rows import claim_row

DEFAULT_DB = "armstrace.db"


def database_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, ``ARMSTRACE_DB`` or the default file."""
    db = str(db or os.environ.get("ARMSTRACE_DB") or DEFAULT_DB)
    if "://" in db:
        return db.replace("postgresql://", "postgresql+psycopg://", 1) \
            if db.startswith("postgresql://") else db
    return f"sqlite:///{Path(db).expanduser()}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


class Store:
    """Documents, claims with evidence, extraction runs and ingest errors."""

    def __init__(self, db: str | os.PathLike | None = None):
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.schema_version = migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------
    def start_run(self, extractor: str, version: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(schema.runs.insert().values(
                extractor=extractor, version=version, started_at=_now()))
            return result.inserted_primary_key[0]

    def finish_run(self, run_id: int, stats: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(schema.runs.update().where(schema.runs.c.id == run_id)
                         .values(finished_at=_now(), stats=stats))

    def is_processed(self, document_id: str, version: str) -> bool:
        t = schema.processed
        with self.engine.connect() as conn:
            return conn.execute(select(t.c.claims).where(
                t.c.document_id == document_id, t.c.extractor_version == version)).first() is not None

    def add(self, doc: Document, records: Iterable[Record], extractor: str, version: str,
            run_id: int | None = None) -> int:
        """Store a document and its claims in one transaction; return claims added.

        Re-adding the same document with the same extractor version adds nothing.
        """
        return self.add_many([(doc, records)], extractor, version, run_id)

    def add_many(self, items: Iterable[tuple[Document, Iterable[Record]]], extractor: str,
                 version: str, run_id: int | None = None) -> int:
        """Store several documents with their claims in one transaction (a chunk): all of
        them or none; return claims added."""
        with self.engine.begin() as conn:   # ON CONFLICT: concurrent writers store it once
            return sum(self._add_in(conn, doc, records, extractor, version, run_id)
                       for doc, records in items)

    def _add_in(self, conn, doc: Document, records: Iterable[Record], extractor: str,
                version: str, run_id: int | None) -> int:
        rows = [claim_row(r, doc.id, extractor, version, run_id) for r in records]
        if conn.execute(select(schema.documents.c.id)
                        .where(schema.documents.c.id == doc.id)).first() is None:
            conn.execute(insert_ignore(conn, schema.documents).values(**_doc_row(doc)))
        t = schema.processed
        if conn.execute(select(t.c.claims).where(t.c.document_id == doc.id,
                                                 t.c.extractor_version == version)).first():
            return 0
        known = set(conn.execute(select(schema.claims.c.fingerprint).where(
            schema.claims.c.document_id == doc.id)).scalars())
        fresh = [r for r in {r["fingerprint"]: r for r in rows}.values()
                 if r["fingerprint"] not in known]
        if fresh:
            conn.execute(insert_ignore(conn, schema.claims), fresh)
        marked = conn.execute(insert_ignore(conn, t).values(
            document_id=doc.id, extractor_version=version, claims=len(fresh)))
        return len(fresh) if marked.rowcount else 0   # 0: another writer was first

    def add_error(self, error: IngestError, run_id: int | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(schema.ingest_errors.insert().values(
                input=error.input, problem=error.problem, run_id=run_id, at=_now()))

    # -- reading -----------------------------------------------------------
    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                    for name, table in (("documents", schema.documents),
                                        ("claims", schema.claims), ("runs", schema.runs),
                                        ("errors", schema.ingest_errors))}

    def document(self, document_id: str) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.documents)
                               .where(schema.documents.c.id == document_id)).first()
            return dict(row._mapping) if row else None

    def errors(self, run_id: int | None = None) -> list[dict]:
        q = select(schema.ingest_errors).order_by(schema.ingest_errors.c.id)
        if run_id is not None:
            q = q.where(schema.ingest_errors.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]


def _doc_row(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "text": doc.text, "date": doc.date, "source": doc.source,
            "url": doc.url, "title": doc.title, "origin": doc.origin,
            "meta": doc.meta or None, "ingested_at": _now()}
