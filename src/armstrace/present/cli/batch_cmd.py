"""``armstrace batch``: extract a corpus on a Dask cluster, load the claims in bulk."""
from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ...extract import extractor_names
from ...ingest import FORMATS
from .common import DbOption, console, err_console, open_store

DEFAULT = extractor_names()[0]
Corpus = Annotated[list[str], typer.Argument(
    help="JSONL or Parquet files, other input files, or directories (read recursively).")]


def batch_command(
        corpus: Corpus, db: DbOption = None,
        cluster: Annotated[Optional[str], typer.Option(
            help="Address of a Dask scheduler, e.g. tcp://10.0.0.5:8786.")] = None,
        local: Annotated[Optional[int], typer.Option(
            help="Start a local cluster of N worker processes (1 thread each).")] = None,
        out: Annotated[str, typer.Option(
            help="Folder for the Parquet partitions (claims, documents, errors); the "
                 "workers must see it under the same path.")] = "armstrace-batch",
        partition_size: Annotated[int, typer.Option(
            help="Documents (JSONL lines, Parquet rows, or files) per partition.")] = 200,
        extractor: Annotated[str, typer.Option(
            help="Extraction backend: " + ", ".join(extractor_names()) + ".")] = DEFAULT,
        fmt: Annotated[Optional[str], typer.Option(
            "--format", help=f"Force an input format ({', '.join(FORMATS)}).")] = None,
        retries: Annotated[int, typer.Option(help="Retries of a failed partition.")] = 2,
        quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False) -> None:
    """Extract CORPUS on a Dask cluster (--cluster or --local N), write claims as Parquet
    partitions to --out, load them in bulk into the database and merge events."""
    from ...batch import cluster_client, run_batch
    if (cluster is None) == (local is None):
        raise typer.BadParameter("give either --cluster tcp://HOST:PORT or --local N",
                                 param_hint="--cluster/--local")
    if fmt and fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose {', '.join(FORMATS)}",
                                 param_hint="--format")
    store = open_store(db)
    try:
        with cluster_client(cluster, local) as client, _bar(quiet) as bar:
            tasks: dict[str, int] = {}

            def tick(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total)
                bar.update(tasks[phase], completed=done)

            result = run_batch(corpus, store, client, out, extractor=extractor,
                               partition_size=partition_size, fmt=fmt, retries=retries,
                               progress=tick)
    except (ValueError, OSError) as exc:
        err_console.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    finally:
        store.close()
    _report(result, quiet)
    if result.errors:
        raise typer.Exit(1)


def _bar(quiet: bool) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("partitions"), TimeElapsedColumn(), console=err_console,
                    disable=quiet, transient=True)


def _report(result, quiet: bool) -> None:
    if not quiet:
        rss = max(result.worker_peak_rss_mb.values(), default=0.0)
        console.print(f"{result.documents} documents read in {result.partitions} partitions "
                      f"({result.new_documents} new), {result.claims} claims stored, "
                      f"{len(result.errors)} errors; extraction {result.docs_per_second:.1f} "
                      f"docs/s, {result.words_per_second:.0f} words/s; peak worker RSS "
                      f"{rss:.0f} MB")
    for error in result.errors:
        err_console.print(f"[red]error:[/] {escape(error.input)}: {escape(error.problem)}",
                          highlight=False, soft_wrap=True)
