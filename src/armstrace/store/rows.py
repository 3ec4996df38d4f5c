"""Records to table rows and back (set fields as sorted, comma-joined codes)."""
from __future__ import annotations

import hashlib
import json
from typing import Any

from ..ontology import Evidence, Record, ontology, validate


def _flat(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return ",".join(value)
    return value


def claim_row(record: Record, document_id: str, extractor: str, version: str,
              run_id: int | None) -> dict[str, Any]:
    fields = ontology().all_fields()
    row: dict[str, Any] = {name: None for name in fields}
    for name, value in record.values.items():
        row[name] = _flat(value)
    ev = record.evidence
    row.update(type=record.type, document_id=document_id, extractor=extractor,
               extractor_version=version, run_id=run_id, extra=record.extra or None,
               ev_start=ev.start if ev else None, ev_end=ev.end if ev else None,
               quote=ev.quote if ev else None)
    row["fingerprint"] = fingerprint(record, document_id, version)
    return row


def fingerprint(record: Record, document_id: str, version: str) -> str:
    """Same claim, same document, same extractor version: same fingerprint (no duplicates)."""
    body = json.dumps([document_id, version, record.to_dict(evidence=True)], sort_keys=True,
                      default=str)
    return hashlib.sha1(body.encode("utf-8")).hexdigest()


def row_record(row: Any) -> Record:
    """A stored claim as a validated :class:`Record` with its evidence."""
    m = row._mapping if hasattr(row, "_mapping") else row
    rtype = ontology().types[m["type"]]
    data: dict[str, Any] = {"type": m["type"]}
    for f in rtype.fields:
        value = m[f.name]
        if value is None:
            continue
        if f.kind == "actors" or (f.kind == "actor_or_list" and "," in value):
            value = value.split(",")
        data[f.name] = value
    data.update(m["extra"] or {})
    record = validate(data, where=f"claim {m['id']}")
    if m["ev_start"] is not None:
        record.evidence = Evidence(m["ev_start"], m["ev_end"], m["quote"], m["document_id"])
    return record
