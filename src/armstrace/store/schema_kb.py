"""Tables of the knowledge base proper (schema version 2): events merged from claims.

``events`` holds one row per event with its summary (stage, assertion, counts,
confidence, strongest evidence); ``event_claims`` links every claim to its event
and says why it merged; ``event_actors`` indexes each event's actors by role so
that "everything involving PRK" is one index lookup.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Column, DateTime, Float, ForeignKey, Index, Integer, String, Table,
                        Text)

from ..ontology import ontology
from .schema import metadata


def key_columns() -> list[Column]:
    """One column per key field of any record type (sets as sorted, comma-joined codes)."""
    names: dict[str, int] = {}
    for rtype in ontology().types.values():
        for f in rtype.keys:
            names.setdefault(f.name, 400 if f.kind == "actors" else 40)
    return [Column(name, String(size)) for name, size in names.items()]


events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(20), nullable=False),
    Column("match_key", String(600), nullable=False),
    *key_columns(),
    Column("stage", String(20)),
    Column("assertion", String(20)),
    Column("first_seen", String(24)),
    Column("last_seen", String(24)),
    Column("span_lo", Integer),            # proleptic ordinal days of the dated claims' span
    Column("span_hi", Integer),
    Column("n_claims", Integer, nullable=False, default=0),
    Column("n_documents", Integer, nullable=False, default=0),
    Column("n_sources", Integer, nullable=False, default=0),
    Column("n_register", Integer, nullable=False, default=0),   # claims from registers (SIPRI)
    Column("confidence", Float, nullable=False, default=0.0),
    Column("best_claim_id", Integer),
    Column("best_quote", Text),
    Column("best_document", String(32)),
    Column("summary", JSON),                # stage_history, assertions, attributes, designations
    Column("updated_at", DateTime(timezone=True)),
    # Filters and the sort (confidence, last_seen) from the index alone, rows fetched after.
    Index("ix_events_match", "match_key"),
    Index("ix_events_pair", "supplier", "recipient"),
    Index("ix_events_confidence", "confidence", "last_seen"),
    Index("ix_events_type", "type", "confidence", "last_seen"),
    Index("ix_events_item", "item", "confidence", "last_seen"),
    Index("ix_events_stage", "stage", "confidence", "last_seen"),
    Index("ix_events_assertion", "assertion", "confidence", "last_seen"),
    Index("ix_events_dates", "first_seen", "last_seen", "confidence"),
    Index("ix_events_sources", "n_sources", "confidence", "last_seen"),
    Index("ix_events_stale", "updated_at"))

event_claims = Table(
    "event_claims", metadata,
    Column("claim_id", Integer, ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("reason", Text),
    Column("distance_days", Integer),
    Index("ix_event_claims_event", "event_id"))

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(20), primary_key=True),
    Column("actor", String(40), primary_key=True),
    Index("ix_event_actors_actor", "actor", "role", "event_id"))

TABLES = [events, event_claims, event_actors]
