"""``armstrace register`` (load a SIPRI trade register), ``armstrace compare`` (register
versus reporting) and ``armstrace reextract`` (claims of an old extractor version)."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ...analyse.compare import compare, parse_pair
from ...ingest.documents import InputError
from ...store.events import Event
from ...store.registers import load_register
from .common import DbOption, console, err_console, open_store, print_json

Opt = typer.Option


def register_command(
        paths: Annotated[list[str], typer.Argument(help="SIPRI trade-register CSV exports")],
        db: DbOption = None,
        quiet: Annotated[bool, Opt("--quiet", "-q", help="Only the unmapped rows")] = False) -> None:
    """Load SIPRI trade-register exports: each deal row becomes transfer claims (agreed in
    the order year; delivered in the years of delivery) with the row as evidence. Rows
    that cannot be mapped are listed with their line number and reason; the rest loads."""
    store = open_store(db)
    failed = False
    for path in paths:
        try:
            register, added = load_register(path, store)
        except InputError as exc:
            err_console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False)
            failed = True
            continue
        for line, reason in register.unmapped:
            err_console.print(f"[yellow]unmapped:[/] {escape(path)}:{line}: {escape(reason)}",
                              highlight=False, soft_wrap=True)
        if not quiet:
            console.print(f"{path}: {register.rows} rows, {register.mapped} mapped, "
                          f"{len(register.unmapped)} unmapped, {added} claims stored"
                          + ("" if added else " (already loaded)"), highlight=False)
    store.close()
    if failed:
        raise typer.Exit(1)


def compare_command(
        register: Annotated[str, Opt(help="The register to compare with reporting")] = "sipri",
        pair: Annotated[Optional[list[str]], Opt(help="Only these pairs, e.g. RUS-PRK (either "
                                                      "direction); repeatable")] = None,
        db: DbOption = None,
        as_json: Annotated[bool, Opt("--json", help="JSON lines, one per pair")] = False) -> None:
    """Per supplier-recipient pair: transfer events confirmed by both the register and
    reporting, only in reporting, only in the register."""
    try:
        pairs = [parse_pair(p) for p in pair or []]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--pair") from None
    store = open_store(db)
    try:
        result = compare(store, register, pairs or None)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--register") from None
    store.close()
    if as_json:
        for entry in result:
            print_json(entry.to_dict())
        return
    table = Table(title=f"{register} register versus reporting: {len(result)} pairs", show_lines=True)
    for col in ("pair", "both", "reporting only", "register only"):
        table.add_column(col, overflow="fold")
    for entry in result:
        table.add_row(f"{entry.supplier} \u2192 {entry.recipient}",
                      *(_list(getattr(entry, name))
                        for name in ("both", "reporting_only", "register_only")))
    console.print(table)


def _list(found: list[Event]) -> str:
    lines = []
    for e in found:
        years = "\u2013".join(dict.fromkeys(x[:4] for x in (e.first_seen, e.last_seen) if x))
        design = e.attributes.get("designation")
        lines.append(f"#{e.id} {e.keys['item']}" + (f" {design}" if design else "")
                     + f" {years} ({e.stage})")
    return escape("\n".join(lines)) if lines else "\u2013"


def reextract_command(db: DbOption = None,
                      as_json: Annotated[bool, Opt("--json", help="The report as JSON")] = False) -> None:
    """Re-run the current default extractor over documents whose claims come from another
    version; replace those claims (documents stay), re-merge events, print the change."""
    from ...extract import default_extractor
    from ...store.reextract import reextract
    store = open_store(db)
    extractor = default_extractor()
    report = reextract(store, extractor)
    store.close()
    if as_json:
        print_json(report)
        return
    table = Table(title=f"re-extracted {report['documents']} documents with "
                        f"{extractor.name} {extractor.version}")
    for col in ("type", "added", "removed", "kept"):
        table.add_column(col)
    for rtype, n in sorted(report["by_type"].items()):
        table.add_row(rtype, str(n["added"]), str(n["removed"]), str(n["kept"]))
    console.print(table)
    for error in report["errors"]:
        err_console.print(f"[red]error:[/] {escape(error)}", highlight=False)
