"""JSON: the whole knowledge base (documents, runs, claims, errors, events and their links),
table by table in primary-key order, so that :func:`read_into` rebuilds an identical one.

Layout: ``{"format": "armstrace-kb", "format_version": 1, "schema_version": N,
"ontology_version": N, "tables": {"documents": [{...}, ...], ...}}``."""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any, BinaryIO

from sqlalchemy import DateTime, Table, func, select, text

from ...ontology import ontology
from ...store import schema
from ...store.migrations import STEPS

FORMAT, FORMAT_VERSION = "armstrace-kb", 1


class KbImportError(ValueError):
    """The file is not an armstrace JSON export, or the target database is not empty."""


def tables() -> list[Table]:
    """The knowledge base's tables, parents before children (schema_info excluded)."""
    return [t for t in schema.metadata.sorted_tables if t.name != "schema_info"]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def write(store, out: BinaryIO, what: str = "events") -> None:
    head = {"format": FORMAT, "format_version": FORMAT_VERSION,
            "schema_version": STEPS[-1][0], "ontology_version": ontology().version}
    out.write(json.dumps(head, ensure_ascii=False)[:-1].encode("utf-8"))
    out.write(b', "tables": {')
    with store.engine.connect() as conn:
        for n, table in enumerate(tables()):
            out.write(f'{", " if n else ""}"{table.name}": ['.encode())
            order = list(table.primary_key.columns)
            for i, row in enumerate(conn.execute(select(table).order_by(*order))):
                body = {k: _plain(v) for k, v in row._mapping.items()}
                out.write((",\n" if i else "\n").encode() +
                          json.dumps(body, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            out.write(b"]")
    out.write(b"}}\n")


def read_into(store, stream: BinaryIO, where: str = "input") -> dict[str, int]:
    """Load an export into ``store``, which must be empty; return rows per table."""
    try:
        data = json.load(stream)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KbImportError(f"{where}: not valid JSON ({exc}); give a file written by "
                           "`armstrace export --format json`") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KbImportError(f"{where}: not an armstrace export (no \"format\": \"{FORMAT}\"); "
                           "give a file written by `armstrace export --format json`")
    if data.get("schema_version", 0) > STEPS[-1][0]:
        raise KbImportError(f"{where}: written by a newer armstrace (schema "
                           f"{data['schema_version']}); upgrade armstrace")
    _check_empty(store, where)
    counts = {}
    with store.engine.begin() as conn:
        for table in tables():
            rows = [_typed(table, r) for r in data.get("tables", {}).get(table.name, [])]
            if rows:
                conn.execute(table.insert(), rows)
            counts[table.name] = len(rows)
        if conn.dialect.name == "postgresql":
            _reset_sequences(conn)
    return counts


def _typed(table: Table, row: dict) -> dict:
    out = {}
    for col in table.columns:
        value = row.get(col.name)
        if isinstance(col.type, DateTime) and isinstance(value, str):
            value = datetime.fromisoformat(value)
        out[col.name] = value
    return out


def _check_empty(store, where: str) -> None:
    with store.engine.connect() as conn:
        for table in (schema.documents, schema.claims):
            n = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if n:
                raise KbImportError(f"{where}: the target database already holds {n} "
                                   f"{table.name}; import into a new database (--db NEW)")


def _reset_sequences(conn) -> None:
    for table in tables():
        col = table.c.get("id")
        if col is not None and col.autoincrement is True:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                              f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))
