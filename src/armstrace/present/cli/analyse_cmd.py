"""``armstrace breaches``, ``risk``, ``blocs`` and ``dossier``: the analyses, thin over
:mod:`armstrace.analyse`."""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, List, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ...analyse.dates import WINDOWS, parse_day
from .common import DbOption, check_code, console, open_store, print_json

Opt = typer.Option
AsOf = Annotated[Optional[str], Opt("--as-of", help="Date (YYYY, YYYY-MM or YYYY-MM-DD): "
                                    "the knowledge base and embargoes as they stood then")]
Json = Annotated[bool, Opt("--json", help="JSON instead of tables")]


def _as_of(value: str | None) -> date | None:
    try:
        return parse_day(value, "--as-of")
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--as-of") from None


def breaches_command(db: DbOption = None, as_of: AsOf = None, as_json: Json = False,
                     established: Annotated[bool, Opt(help="Only established breaches")] = False,
                     ) -> None:
    """Transfers against an arms embargo in force at the time, with evidence and legal basis."""
    from ...analyse import breaches
    found = breaches(open_store(db), _as_of(as_of))
    rows = [b.to_dict() for b in found if not established or b.status == "established"]
    if as_json:
        print_json(rows)
        return
    table = Table(title=f"{len(rows)} embargo breaches", show_lines=True)
    for col in ("transfer", "status", "conf.", "embargo", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        named = f" ({r['designation']})" if r["designation"] else ""
        what = f"{r['supplier']} \u2192 {r['recipient']} {r['item']}{named}\n{r['stage']}, {r['assertion']}" \
               f", {r['date'] or 'undated'}, {r['n_sources']} source(s)"
        caveats = f"\n[dim]{', '.join(r['caveats'])}[/]" if r["caveats"] else ""
        quote = (r["evidence"][0]["quote"] or "").strip() if r["evidence"] else ""
        table.add_row(escape(what), r["status"] + caveats, f"{r['confidence']:.2f}",
                      escape(f"{r['embargo']}: {r['legal_basis']} (binds {r['bound']})"),
                      f"\u201c{escape(quote or '')}\u201d")
    console.print(table)


def risk_command(supplier: Annotated[str, Opt(help="Exporting state, e.g. USA")],
                 recipient: Annotated[str, Opt(help="Importing actor, e.g. SAU")],
                 item: Annotated[str, Opt(help="Item category, e.g. small_arms")],
                 db: DbOption = None, as_of: AsOf = None, as_json: Json = False,
                 k: Annotated[int, Opt("--k", help="How many onward routes")] = 5) -> None:
    """Diversion risk of a proposed export: onward routes, record, embargoes, score."""
    from ...analyse import risk
    check_code(supplier, "actor", "--supplier")
    check_code(recipient, "actor", "--recipient")
    check_code(item, "item", "--item")
    report = risk(open_store(db), supplier, recipient, item, _as_of(as_of), k=k)
    if as_json:
        print_json(report.to_dict())
        return
    console.print(f"[bold]{supplier} \u2192 {recipient}: {item}[/] as of {report.as_of}: "
                  f"risk [bold]{report.level}[/] ({report.score:.2f})")
    table = Table(title="Reasons", show_lines=True)
    for col in ("weight", "reason", "evidence"):
        table.add_column(col, overflow="fold")
    for r in report.reasons:
        quote = next((e.get("quote") for e in r.evidence if e.get("quote")), "") or ""
        table.add_row(f"{r.weight:.2f}", escape(r.text), escape(quote or (
            r.evidence[0].get("source", "") if r.evidence else "")))
    console.print(table)


class Format(str, Enum):
    rich = "rich"
    json = "json"
    markdown = "markdown"


WindowChoice = Enum("WindowChoice", {w: w for w in WINDOWS}, type=str)


def blocs_command(db: DbOption = None,
                  window: Annotated[WindowChoice, Opt(help="Time window")] = "year",
                  pair: Annotated[Optional[List[str]], Opt(
                      "--pair", help="Pair to follow, e.g. RUS:PRK (repeatable)")] = None,
                  plot: Annotated[Optional[str], Opt(help="Write the plot here (PNG and SVG)")] = None,
                  as_of: AsOf = None, as_json: Json = False) -> None:
    """Blocs over time: communities per window, alignment of pairs, blocs forming or splitting."""
    from ...analyse import blocs
    pairs = [_pair(p) for p in pair] if pair else None
    report = blocs(open_store(db), getattr(window, "value", window), pairs, as_of=_as_of(as_of))
    if plot:
        written = report.plot(plot)
        if not as_json:
            console.print("plot written: " + ", ".join(str(p) for p in written))
    if as_json:
        print_json(report.to_dict())
        return
    table = Table(title=f"Blocs by {report.window}")
    table.add_column("window")
    table.add_column("blocs (two or more members)", overflow="fold")
    for w in report.windows:
        table.add_row(w.label, "  |  ".join(", ".join(c) for c in w.communities if len(c) > 1))
    console.print(table)
    for name, series in report.alignment.items():
        console.print(f"{name}: " + "  ".join(f"{w} {s:+.2f}" for w, s in series if s is not None))
    for c in report.changes:
        console.print(f"[bold]{c.kind}[/] {', '.join(c.members)}: {c.start} \u2192 {c.end} "
                      f"(cohesion {c.cohesion[0][1] or 0:+.2f} \u2192 {c.cohesion[-1][1] or 0:+.2f}); "
                      f"events {c.events[:10]}")


def _pair(text: str) -> tuple[str, str]:
    parts = text.split(":")
    if len(parts) != 2:
        raise typer.BadParameter(f"{text!r} is not a pair; write two actor codes as A:B, "
                                 "e.g. RUS:PRK", param_hint="--pair")
    return check_code(parts[0], "actor", "--pair"), check_code(parts[1], "actor", "--pair")


def dossier_command(actor: Annotated[str, typer.Argument(help="Actor code, e.g. PRK")],
                    db: DbOption = None, as_of: AsOf = None,
                    fmt: Annotated[Format, Opt("--format", help="rich, json or markdown")] = Format.rich,
                    ) -> None:
    """Everything on one actor: suppliers, recipients, technology, embargoes, breaches,
    exercises, agreements, meetings, blocs and the most-cited evidence."""
    from ...analyse import dossier
    check_code(actor, "actor", "ACTOR")
    d = dossier(open_store(db), actor, _as_of(as_of))
    if fmt is Format.json:
        print_json(d.to_dict())
    elif fmt is Format.markdown:
        print(d.to_markdown())
    else:
        console.print(d)
