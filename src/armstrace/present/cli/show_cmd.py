"""``armstrace show`` and ``armstrace errors``: what the knowledge base holds, with evidence."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ...store import ClaimFilter, claims, documents
from .common import DbOption, check_code, console, open_store, print_json


class What(str, Enum):
    claims = "claims"
    documents = "documents"


Opt = typer.Option


def show_command(
        what: Annotated[What, typer.Argument(help="claims (default) or documents")] = What.claims,
        db: DbOption = None,
        actor: Annotated[Optional[str], Opt(help="Actor code on any side, e.g. RUS")] = None,
        type_: Annotated[Optional[str], Opt("--type", help="Record type, e.g. transfer")] = None,
        item: Annotated[Optional[str], Opt(help="Item category, e.g. ammunition")] = None,
        stage: Annotated[Optional[str], Opt(help="Stage, e.g. delivered")] = None,
        assertion: Annotated[Optional[str], Opt(help="Assertion, e.g. reported")] = None,
        date_from: Annotated[Optional[str], Opt("--from", help="From date (ISO)")] = None,
        date_to: Annotated[Optional[str], Opt("--to", help="To date (ISO)")] = None,
        limit: Annotated[int, Opt(help="At most this many rows")] = 200,
        as_json: Annotated[bool, Opt("--json", help="JSON lines instead of a table")] = False,
) -> None:
    """Show stored claims with their evidence quotes, or the documents."""
    store = open_store(db)
    if what is What.documents:
        rows = documents(store, limit=limit)
        _documents_table(rows) if not as_json else [print_json(r) for r in rows]
        return
    from ...ontology import ontology
    if type_ and type_ not in ontology().types:
        raise typer.BadParameter(f"unknown type {type_!r}; allowed: {', '.join(ontology().types)}",
                                 param_hint="--type")
    f = ClaimFilter(actor=check_code(actor, "actor", "--actor"), type=type_,
                    item=check_code(item, "item", "--item"),
                    stage=check_code(stage, "stage", "--stage"),
                    assertion=check_code(assertion, "assertion", "--assertion"),
                    date_from=date_from, date_to=date_to, limit=limit)
    rows = claims(store, f)
    if as_json:
        for r in rows:
            print_json(r)
    else:
        _claims_table(rows)


def _claims_table(rows: list[dict]) -> None:
    table = Table(title=f"{len(rows)} claims", show_lines=True)
    for col in ("type", "who", "what", "stage", "assertion", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        who, what = (escape(part) for part in _describe(r))
        quote = (r.get("evidence") or {}).get("quote", "")
        src = ", ".join(x for x in (r.get("source"), r.get("document_date")) if x)
        table.add_row(r["type"], who, what, r.get("stage", ""), r.get("assertion", ""),
                      f"\u201c{escape(quote)}\u201d" + (f"\n[dim]{escape(src)}[/]" if src else ""))
    console.print(table)


def _describe(r: dict) -> tuple[str, str]:
    if r["type"] == "transfer":
        what = r["item"] + (" (technology)" if r.get("tech") else "")
        extra = [f"via {r['via']}" if r.get("via") else "", f"origin {r['origin']}" if r.get("origin") else "",
                 r.get("quantity") or "", r.get("date") or ""]
        return f"{r['supplier']} \u2192 {r['recipient']}", " ".join([what] + [e for e in extra if e])
    if r["type"] == "sanction":
        return f"{r['imposer']} \u2192 {r['target']}", r.get("kind") or ""
    parties = r.get("participants") or r.get("parties") or []
    return ", ".join(parties), r.get("kind") or r.get("domain") or ""


def _documents_table(rows: list[dict]) -> None:
    table = Table(title=f"{len(rows)} documents")
    for col in ("id", "date", "source", "title"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["id"][:12], r["date"] or "", escape(r["source"] or ""),
                      escape(r["title"] or ""))
    console.print(table)


def errors_command(db: DbOption = None,
                   as_json: Annotated[bool, Opt("--json")] = False) -> None:
    """What could not be read or extracted, and why."""
    store = open_store(db)
    rows = store.errors()
    if as_json:
        for r in rows:
            print_json(r)
        return
    table = Table(title=f"{len(rows)} ingest errors")
    for col in ("when", "input", "problem"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["at"])[:19], escape(r["input"]), escape(r["problem"]))
    console.print(table)
