"""The store's tables. Claim columns are derived from the ontology's fields."""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData,
                        String, Table, Text, text)
from sqlalchemy.dialects import registry
from sqlalchemy.schema import CreateIndex

from ..ontology import ontology

metadata = MetaData()

_KIND_TYPES = {"actor": lambda: String(40), "actors": lambda: String(400),
               "actor_or_list": lambda: String(400), "code": lambda: String(40),
               "bool": Boolean, "text": Text, "date": lambda: String(24)}


def _non_null(column: str) -> dict:
    """A partial index's condition: rows without a value are left out (no query looks
    them up, and a bulk load builds a smaller index faster)."""
    where = text(f"{column} IS NOT NULL")
    return {"sqlite_where": where, "postgresql_where": where}


def record_columns() -> list[Column]:
    """One column per field of the ontology (sets stored as sorted, comma-joined codes)."""
    return [Column(name, _KIND_TYPES[f.kind](), nullable=True)
            for name, f in ontology().all_fields().items()]


schema_info = Table(
    "schema_info", metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False))

documents = Table(
    "documents", metadata,
    Column("id", String(32), primary_key=True),
    Column("text", Text, nullable=False),
    Column("date", String(24)),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("origin", Text),
    Column("meta", JSON),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_date", "date"))

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("extractor", String(80), nullable=False),
    Column("version", String(40), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("stats", JSON))

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fingerprint", String(40), nullable=False),
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=True),
    Column("extractor", String(80), nullable=False),
    Column("extractor_version", String(40), nullable=False),
    Column("type", String(20), nullable=False),
    *record_columns(),
    Column("extra", JSON),
    Column("ev_start", Integer),
    Column("ev_end", Integer),
    Column("quote", Text),
    Index("uq_claims_fingerprint", "fingerprint", unique=True),
    Index("ix_claims_document", "document_id"),
    Index("ix_claims_type_item", "type", "item"),
    Index("ix_claims_supplier", "supplier", "recipient", **_non_null("supplier")),
    Index("ix_claims_recipient", "recipient", **_non_null("recipient")),
    Index("ix_claims_date", "date", **_non_null("date")))

ingest_errors = Table(
    "ingest_errors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input", Text, nullable=False),
    Column("problem", Text, nullable=False),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False))

processed = Table(
    "processed", metadata,
    Column("document_id", String(32), ForeignKey("documents.id", ondelete="CASCADE"),
           primary_key=True),
    Column("extractor_version", String(40), primary_key=True),
    Column("claims", Integer, nullable=False))


def index_sql(index: Index, dialect: str) -> str:
    """``CREATE [UNIQUE] INDEX IF NOT EXISTS`` for one of these indexes, in ``dialect``."""
    return str(CreateIndex(index, if_not_exists=True).compile(dialect=registry.load(dialect)()))
