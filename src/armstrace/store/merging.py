"""Incremental merging: unassigned claims join events (or open them), touched events
are summarised again. Each batch is one transaction; claims already in an event are
never looked at again, so re-running changes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import Connection, bindparam, delete, func, select

from ..ontology import ontology
from . import schema, schema_kb
from .merge import (day_span, designations_agree, gap_days, match_key,
                    norm_designation, rules)
from .postgres import MERGE_LOCK, exclusive
from .sources import LEAD_CHARS, DocInfo
from .summary import summarise

CHUNK = 500      # ids per IN (...) clause
ATTRS = ("tech", "via", "origin", "quantity", "designation", "domain", "kind", "item")


@dataclass
class Slot:
    """An event as the merger sees it: its span of days and designations."""
    id: int | None
    lo: int | None
    hi: int | None
    designations: set = field(default_factory=set)
    row: dict | None = None          # key columns of a new event, until inserted


def all_key_names() -> list[str]:
    return [c.name for c in schema_kb.key_columns()]


def merge_new_claims(store, batch_size: int = 50_000) -> dict[str, int]:
    """Assign every claim not yet in an event; return counts of claims merged, events
    created and events updated.

    Claims are assigned batch by batch (each one transaction; the events they touch are
    marked stale), then every stale event is summarised once. A run cut short leaves
    stale events, which the next call summarises. On PostgreSQL concurrent writers
    merge one at a time (advisory lock)."""
    with exclusive(store.engine, MERGE_LOCK):
        return _merge(store, batch_size)


def _merge(store, batch_size: int) -> dict[str, int]:
    counts = {"claims": 0, "events_created": 0, "events_updated": 0}
    slots: dict[str, list[Slot]] = {}
    touched: set[int] = set()
    last = 0
    while True:
        with store.engine.begin() as conn:
            rows = _unassigned(conn, last, batch_size)
            if not rows:
                break
            last = rows[-1]["id"]
            _load_slots(conn, {r["match_key"] for r in rows} - slots.keys(), slots)
            links, slots_touched = _assign(rows, slots)
            new = [s for s in slots_touched if s.id is None]
            counts["events_created"] += _insert_new(conn, new)
            conn.execute(schema_kb.event_claims.insert(),
                         [dict(claim_id=cid, event_id=slot.id, reason=why, distance_days=gap)
                          for cid, slot, why, gap in links])
            _mark_stale(conn, {s.id for s in slots_touched} - touched)
            touched |= {s.id for s in slots_touched}
            counts["claims"] += len(rows)
    counts["events_updated"] = len(touched) - counts["events_created"]
    _refresh_stale(store)
    return counts


def _mark_stale(conn: Connection, ids: set[int]) -> None:
    e, ids_list = schema_kb.events, sorted(ids)
    for i in range(0, len(ids_list), CHUNK):
        conn.execute(e.update().where(e.c.id.in_(ids_list[i:i + CHUNK])).values(updated_at=None))


def _refresh_stale(store, chunk: int = 5_000) -> None:
    e = schema_kb.events
    with store.engine.connect() as conn:
        stale = list(conn.execute(select(e.c.id).where(e.c.updated_at.is_(None))).scalars())
    for i in range(0, len(stale), chunk):
        with store.engine.begin() as conn:
            refresh(conn, stale[i:i + chunk])


def _unassigned(conn: Connection, after: int, limit: int) -> list[dict]:
    c, d, ec = schema.claims, schema.documents, schema_kb.event_claims
    q = (select(c.c.id, c.c.type, *[c.c[n] for n in all_key_names()], c.c.date,
                c.c.designation, d.c.date.label("doc_date"))
         .join(d, d.c.id == c.c.document_id)
         .outerjoin(ec, ec.c.claim_id == c.c.id)
         .where(ec.c.claim_id.is_(None), c.c.id > after).order_by(c.c.id).limit(limit))
    out = []
    result = conn.execute(q)
    names = list(result.keys())
    for row in result:
        m = dict(zip(names, row))
        m["match_key"] = match_key(m["type"], m)
        m["span"] = day_span(m["date"] or m["doc_date"])
        out.append(m)
    return out


def _load_slots(conn: Connection, keys: set[str], slots: dict[str, list[Slot]]) -> None:
    e = schema_kb.events
    keys_list = sorted(keys)
    for key in keys_list:
        slots[key] = []
    for i in range(0, len(keys_list), CHUNK):
        q = select(e.c.id, e.c.match_key, e.c.span_lo, e.c.span_hi, e.c.summary) \
            .where(e.c.match_key.in_(keys_list[i:i + CHUNK]))
        for row in conn.execute(q):
            designations = set((row.summary or {}).get("designations") or [])
            slots[row.match_key].append(Slot(row.id, row.span_lo, row.span_hi, designations))


def _assign(rows: list[dict], slots: dict[str, list[Slot]]):
    """Links (claim id, slot, reason, gap) and the slots touched, claims taken by date."""
    links, touched = [], {}
    for r in sorted(rows, key=lambda r: (r["match_key"], r["span"] is None, r["span"] or (0, 0))):
        slot, why, gap = _choose(r, slots[r["match_key"]])
        if slot is None:
            slot = Slot(None, None, None, row=r)
            slots[r["match_key"]].append(slot)
            why, gap = "opened the event", None
        _extend(slot, r)
        touched[id(slot)] = slot
        links.append((r["id"], slot, why, gap))
    return links, list(touched.values())


def _choose(r: dict, candidates: list[Slot]) -> tuple[Slot | None, str, int | None]:
    rtype, window = r["type"], rules().window(r["type"])
    design = norm_designation(r["designation"]) \
        if "designation" in rules().split_on.get(rtype, ()) else None
    fits = [s for s in candidates
            if not design or not s.designations or designations_agree(design, s.designations)]
    if r["span"] is None:
        if not fits:
            return None, "", None
        latest = max(fits, key=lambda s: s.hi or 0)
        return latest, "same key; the claim has no date, so it joined the latest event", None
    best = None
    for s in fits:
        gap = 0 if s.lo is None else gap_days(r["span"], s.lo, s.hi)
        if gap <= window and (best is None or gap < best[1]):
            best = (s, gap)
    if best is None:
        return None, "", None
    what = "designation " + design if design else "key"
    return best[0], f"same {what}; {best[1]} days from the event's dates (window {window})", best[1]


def _extend(slot: Slot, r: dict) -> None:
    if r["span"]:
        slot.lo = r["span"][0] if slot.lo is None else min(slot.lo, r["span"][0])
        slot.hi = r["span"][1] if slot.hi is None else max(slot.hi, r["span"][1])
    if (d := norm_designation(r["designation"])):
        slot.designations.add(d)


def _insert_new(conn: Connection, new: list[Slot]) -> int:
    if not new:
        return 0
    e, names = schema_kb.events, all_key_names()
    rows = [dict(type=s.row["type"], match_key=s.row["match_key"], n_claims=0, n_documents=0,
                 n_sources=0, n_register=0, confidence=-1.0,   # hidden until summarised
                 **{n: s.row[n] for n in names}) for s in new]
    result = conn.execute(e.insert().returning(e.c.id, sort_by_parameter_order=True), rows)
    for slot, (event_id,) in zip(new, result.all()):
        slot.id = event_id
    conn.execute(schema_kb.event_actors.insert(),
                 [dict(event_id=s.id, role=role, actor=actor)
                  for s in new for role, actor in _actors(s.row)])
    return len(new)


def _actors(row: dict) -> Iterable[tuple[str, str]]:
    fields = ontology().types[row["type"]].keys
    for f in fields:
        if f.kind.startswith("actor") and row[f.name]:
            for code in row[f.name].split(","):
                yield f.name, code


def refresh(conn: Connection, event_ids: Iterable[int]) -> None:
    """Summarise these events again from their claims; delete those left without any."""
    ids = sorted(event_ids)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        claims = _event_claims(conn, chunk)
        docs = _docs(conn, {c["document_id"] for cs in claims.values() for c in cs})
        updates = [dict(_id=eid, updated_at=datetime.now(timezone.utc),
                        **summarise(claims[eid][0]["type"], claims[eid], docs))
                   for eid in chunk if claims.get(eid)]
        if updates:
            e = schema_kb.events
            cols = [k for k in updates[0] if k != "_id"]
            conn.execute(e.update().where(e.c.id == bindparam("_id"))
                         .values({k: bindparam(k) for k in cols}), updates)
        empty = [eid for eid in chunk if not claims.get(eid)]
        if empty:
            conn.execute(delete(schema_kb.events).where(schema_kb.events.c.id.in_(empty)))


def _event_claims(conn: Connection, ids: list[int]) -> dict[int, list[dict]]:
    c, d, ec = schema.claims, schema.documents, schema_kb.event_claims
    q = (select(ec.c.event_id, c.c.id, c.c.document_id, c.c.type, c.c.stage, c.c.assertion,
                c.c.date, c.c.quote, c.c.ev_start, d.c.date.label("doc_date"), d.c.source,
                *[c.c[a] for a in ATTRS])
         .join(c, c.c.id == ec.c.claim_id).join(d, d.c.id == c.c.document_id)
         .where(ec.c.event_id.in_(ids)))
    out: dict[int, list[dict]] = {}
    registers = rules()
    result = conn.execute(q)
    names = list(result.keys())
    for row in result:
        m = dict(zip(names, row))
        m["when"] = m["date"] or m["doc_date"]
        m["span"] = day_span(m["when"])
        m["register"] = registers.is_register(m["source"])
        out.setdefault(m.pop("event_id"), []).append(m)
    return out


def _docs(conn: Connection, ids: set[str]) -> dict[str, DocInfo]:
    d, out, ids_list = schema.documents, {}, sorted(ids)
    for i in range(0, len(ids_list), CHUNK):
        q = select(d.c.id, d.c.source, d.c.url, func.substr(d.c.text, 1, LEAD_CHARS), d.c.date) \
            .where(d.c.id.in_(ids_list[i:i + CHUNK]))
        for doc_id, source, url, lead, when in conn.execute(q):
            out[doc_id] = DocInfo(doc_id, source, url, " ".join((lead or "").split()), when)
    return out
