"""``armstrace events`` and ``armstrace explain``: the knowledge base's merged events."""
from __future__ import annotations

import csv
import sys
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table
from sqlalchemy import select

from ...ontology import ontology
from ...store import schema
from ...store.events import Event, EventFilter, events, explain
from .common import DbOption, check_code, console, err_console, open_store, print_json

Opt = typer.Option
ROLES = ("supplier", "recipient", "participant", "party", "imposer", "target")
CSV_FIELDS = ("id", "type", "who", "what", "stage", "assertion", "first_seen", "last_seen",
              "n_claims", "n_documents", "n_sources", "confidence", "best_quote", "best_document")


def events_command(
        db: DbOption = None,
        actor: Annotated[Optional[str], Opt(help="Actor code on any side, e.g. PRK")] = None,
        role: Annotated[Optional[str], Opt(help="Restrict --actor to a role: " + ", ".join(ROLES))] = None,
        type_: Annotated[Optional[str], Opt("--type", help="Record type, e.g. transfer")] = None,
        item: Annotated[Optional[str], Opt(help="Item category, e.g. ammunition")] = None,
        stage: Annotated[Optional[str], Opt(help="Furthest stage, e.g. delivered")] = None,
        assertion: Annotated[Optional[str], Opt(help="Assertion summary, e.g. reported or contested")] = None,
        date_from: Annotated[Optional[str], Opt("--from", help="Seen on or after (ISO date)")] = None,
        date_to: Annotated[Optional[str], Opt("--to", help="Seen on or before (ISO date)")] = None,
        min_sources: Annotated[Optional[int], Opt(help="At least this many independent sources")] = None,
        min_confidence: Annotated[Optional[float], Opt(help="Confidence at least (0..1)")] = None,
        limit: Annotated[int, Opt(help="At most this many events")] = 50,
        offset: Annotated[int, Opt(help="Skip this many events first")] = 0,
        as_json: Annotated[bool, Opt("--json", help="JSON lines")] = False,
        as_csv: Annotated[bool, Opt("--csv", help="CSV with a header row")] = False) -> None:
    """Events merged from claims, the most confident first, each with its strongest quote."""
    if role and role not in ROLES:
        raise typer.BadParameter(f"unknown role {role!r}; allowed: {', '.join(ROLES)}", param_hint="--role")
    if type_ and type_ not in ontology().types:
        raise typer.BadParameter(f"unknown type {type_!r}; allowed: {', '.join(ontology().types)}",
                                 param_hint="--type")
    if assertion != "contested":
        check_code(assertion, "assertion", "--assertion")
    f = EventFilter(actor=check_code(actor, "actor", "--actor"), role=role, type=type_,
                    item=check_code(item, "item", "--item"), stage=check_code(stage, "stage", "--stage"),
                    assertion=assertion, date_from=date_from, date_to=date_to,
                    min_sources=min_sources, min_confidence=min_confidence, limit=limit, offset=offset)
    store = open_store(db)
    found = events(store, f)
    if as_json:
        for e in found:
            print_json(e.to_dict())
    elif as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_FIELDS)
        for e in found:
            row = {**e.to_dict(), "who": who(e), "what": what(e)}
            writer.writerow([row[k] for k in CSV_FIELDS])
    else:
        _table(found, _sources(store, {e.best_document for e in found if e.best_document}))
    store.close()


def who(e: Event) -> str:
    k = e.keys
    if "supplier" in k:
        return f"{k['supplier']} \u2192 {k['recipient']}"
    if "imposer" in k:
        return f"{k['imposer']} \u2192 {k['target']}"
    return ", ".join(k.get("participants") or k.get("parties") or [])


def what(e: Event) -> str:
    a = e.attributes
    parts = [e.keys.get("item") or a.get("kind") or a.get("domain") or ""]
    parts += ["(technology)" if a.get("tech") else "", a.get("designation") or "",
              f"via {a['via']}" if a.get("via") else ""]
    return " ".join(p for p in parts if p)


def _sources(store, doc_ids: set[str]) -> dict[str, str]:
    d = schema.documents
    with store.engine.connect() as conn:
        rows = conn.execute(select(d.c.id, d.c.source, d.c.url, d.c.date).where(d.c.id.in_(doc_ids)))
        return {r.id: ", ".join(x for x in (r.source or r.url, r.date) if x) for r in rows}


def _table(found: list[Event], sources: dict[str, str]) -> None:
    table = Table(title=f"{len(found)} events", show_lines=True)
    for col in ("id", "type", "who", "what", "stage", "assertion", "sources", "conf.", "seen",
                "strongest evidence"):
        table.add_column(col, overflow="fold")
    for e in found:
        seen = " \u2013 ".join(dict.fromkeys(x for x in (e.first_seen, e.last_seen) if x))
        src = sources.get(e.best_document or "", "")
        table.add_row(str(e.id), e.type, who(e), escape(what(e)), e.stage, e.assertion,
                      f"{e.n_sources} ({e.n_documents} docs)", f"{e.confidence:.2f}", seen,
                      f"\u201c{escape(e.best_quote or '')}\u201d" + (f"\n[dim]{escape(src)}[/]" if src else ""))
    console.print(table)


def explain_command(event_id: Annotated[int, typer.Argument(help="An event id from `armstrace events`")],
                    db: DbOption = None,
                    as_json: Annotated[bool, Opt("--json", help="JSON")] = False) -> None:
    """Which claims merged into an event and why; how its documents count as sources."""
    store = open_store(db)
    try:
        why = explain(store, event_id)
    except KeyError as exc:
        err_console.print(f"[red]error:[/] {escape(exc.args[0])}")
        raise typer.Exit(1) from None
    if as_json:
        print_json(why)
        return
    e, rule = why["event"], why["rule"]
    console.print(f"[bold]event {e['id']}[/] {e['type']} {e['keys']}: {e['stage']}, {e['assertion']}, "
                  f"{e['n_sources']} sources, confidence {e['confidence']:.2f}", highlight=False)
    console.print(f"rule: same {', '.join(rule['key_fields'])}; dates within {rule['window_days']} days"
                  + (f"; item groups {rule['item_groups']}" if rule["item_groups"] else "")
                  + (f"; split on {', '.join(rule['split_on'])}" if rule["split_on"] else ""),
                  highlight=False)
    table = Table(title="claims", show_lines=True)
    for col in ("claim", "date", "source", "stage", "assertion", "why merged", "quote"):
        table.add_column(col, overflow="fold")
    for c in why["claims"]:
        table.add_row(str(c["claim_id"]), c["date"] or "", escape(c["source"] or c["document_id"][:12]),
                      c["stage"] or "", c["assertion"] or "", escape(c["reason"] or ""),
                      escape(c["quote"] or ""))
    console.print(table)
    for i, g in enumerate(why["sources"], 1):
        console.print(f"source {i}: {escape(', '.join(g['publishers']))} "
                      f"({len(g['documents'])} documents; {g['why']})", highlight=False)
