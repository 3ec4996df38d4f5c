"""``armstrace run`` and ``armstrace ingest``: read sources into the knowledge base."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ...extract import extractor_names, get_extractor
from ...ingest import FORMATS
from ...runner import RunResult, run
from .common import DbOption, console, err_console, open_store

Paths = Annotated[list[str], typer.Argument(
    help="Files, directories (read recursively) or - for standard input.")]
Format = Annotated[Optional[str], typer.Option(
    "--format", help=f"Force an input format ({', '.join(FORMATS)}); default: by file suffix.")]


def run_command(paths: Paths, db: DbOption = None, fmt: Format = None,
                extractor: Annotated[str, typer.Option(
                    help="Extraction backend: " + ", ".join(extractor_names()) + ".")] = extractor_names()[0],
                quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False) -> None:
    """Ingest, extract and store: PATHs into the knowledge base, with a progress bar."""
    _execute(paths, db, fmt, extractor, quiet, extract=True)


def ingest_command(paths: Paths, db: DbOption = None, fmt: Format = None,
                   quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False) -> None:
    """Store documents only (no extraction): read, de-duplicate, record what failed."""
    _execute(paths, db, fmt, None, quiet, extract=False)


def _execute(paths, db, fmt, extractor_name, quiet, extract: bool) -> None:
    if fmt and fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}",
                                 param_hint="--format")
    try:
        extractor = get_extractor(extractor_name) if extract else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--extractor") from None
    store = open_store(db)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.completed} docs"), TextColumn("{task.fields[rate]}"),
                  TimeElapsedColumn(), console=err_console, disable=quiet, transient=True) as bar:
        task = bar.add_task("reading", total=None, rate="")

        def tick(_item) -> None:
            bar.advance(task)
            elapsed = bar.tasks[0].elapsed or 0
            if elapsed:
                bar.update(task, rate=f"{bar.tasks[0].completed / elapsed:.1f} docs/s")

        result = run(paths, store, extractor, fmt=fmt, progress=tick, extract=extract)
    _report(result, quiet)
    store.close()
    if result.errors:
        raise typer.Exit(1)


def _report(result: RunResult, quiet: bool) -> None:
    if not quiet:
        console.print(f"{result.documents} documents read ({result.new_documents} new), "
                      f"{result.claims} claims stored, {len(result.errors)} errors, "
                      f"{result.docs_per_second:.1f} docs/s")
    for error in result.errors:
        # escaped (a file may be named "report [draft].txt") and one line per error, for grep
        err_console.print(f"[red]error:[/] {escape(error.input)}: {escape(error.problem)}",
                          highlight=False, soft_wrap=True)
