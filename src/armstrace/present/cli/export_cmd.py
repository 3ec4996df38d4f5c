"""``armstrace export`` and ``armstrace import``: the knowledge base as files other tools
open, and back from a JSON export."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..export import FORMATS, TABULAR, WHATS, export
from .common import DbOption, console, err_console, open_store

Opt = typer.Option
FormatChoice = Enum("FormatChoice", {f: f for f in FORMATS}, type=str)
WhatChoice = Enum("WhatChoice", {w: w for w in WHATS}, type=str)


def export_command(
        fmt: Annotated[FormatChoice, Opt("--format", help="json (round trip), csv, graphml, "
                                         "gexf, ftm (FollowTheMoney) or parquet")],
        db: DbOption = None,
        out: Annotated[Optional[Path], Opt(help="Write here (default: standard output; "
                                           "parquet needs a file)")] = None,
        what: Annotated[WhatChoice, Opt(help="csv and parquet: one row per event or per "
                                        "claim, each with its evidence")] = "events") -> None:
    """Export the knowledge base: JSON, CSV, GraphML, GEXF, FollowTheMoney or Parquet."""
    fmt_name, what_name = getattr(fmt, "value", fmt), getattr(what, "value", what)
    if fmt_name == "parquet" and out is None:
        raise typer.BadParameter("parquet is binary; give a file with --out PATH", param_hint="--out")
    store = open_store(db)
    if out is None:
        export(store, fmt_name, sys.stdout.buffer, what_name)
        sys.stdout.flush()
        return
    try:
        with open(out, "wb") as fh:
            export(store, fmt_name, fh, what_name)
    except OSError as exc:
        err_console.print(f"[red]error:[/] cannot write {out}: {exc.strerror}; choose another --out")
        raise typer.Exit(1) from None
    shown = f" ({what_name})" if fmt_name in TABULAR else ""
    console.print(f"wrote {out}{shown}")


def import_command(
        file: Annotated[Path, typer.Argument(help="A file written by `armstrace export "
                                             "--format json`")],
        db: DbOption = None) -> None:
    """Load a JSON export into a new, empty knowledge base (--db NEW)."""
    from ..export.json_fmt import KbImportError, read_into
    store = open_store(db)
    try:
        with open(file, "rb") as fh:
            counts = read_into(store, fh, where=str(file))
    except OSError as exc:
        err_console.print(f"[red]error:[/] cannot read {file}: {exc.strerror}")
        raise typer.Exit(1) from None
    except KbImportError as exc:
        err_console.print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from None
    console.print("imported " + ", ".join(f"{n} {name}" for name, n in counts.items() if n))
