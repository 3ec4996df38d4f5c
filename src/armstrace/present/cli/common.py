"""Options and helpers shared by the CLI's commands."""
from __future__ import annotations

import json
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from ...ontology import ontology
from ...store import Store

console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[Optional[str], typer.Option(
    "--db", envvar="ARMSTRACE_DB",
    help="Database file or URL (sqlite:///..., postgresql://...). Default: armstrace.db here.")]


def open_store(db: str | None) -> Store:
    try:
        return Store(db)
    except Exception as exc:
        err_console.print(f"[red]error:[/] cannot open database {db or 'armstrace.db'}: {exc}")
        raise typer.Exit(2) from None


def check_code(value: str | None, list_name: str, option: str) -> str | None:
    """Validate a CLI value against an ontology code list (usage error, exit 2)."""
    if value is None:
        return None
    allowed = ontology().codes(list_name)
    if value not in allowed:
        shown = ", ".join(allowed) if len(allowed) < 40 else "an actor code such as RUS, PRK, NATO"
        raise typer.BadParameter(f"unknown code {value!r}; allowed: {shown}", param_hint=option)
    return value


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))
