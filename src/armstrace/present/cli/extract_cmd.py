"""``armstrace extract`` (a Unix filter, no database) and ``armstrace eval`` (the scorer)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ...evaluate import GoldDoc, GoldFileError, evaluate, format_errors, format_table
from ...extract import extractor_names, get_extractor
from ...extract.registry import make_extractor
from ...ingest import Document, IngestError, read
from .common import console, err_console, print_json

ExtractorOpt = Annotated[str, typer.Option(
    "--extractor", help="Extraction backend: " + ", ".join(extractor_names()) + ".")]
NoGate = Annotated[bool, typer.Option(
    "--no-gate", help="Parse every sentence (the relevance gate off), for comparison.")]


def extract_command(
        paths: Annotated[list[str], typer.Argument(help="Inputs (any ingest format); - for stdin.")],
        jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON line per document (default).")] = True,
        extractor: ExtractorOpt = extractor_names()[0], no_gate: NoGate = False) -> None:
    """Extract records without a database: one JSON line per document, records in the
    gold-file format with their evidence (start, end, quote)."""
    engine = _engine(extractor, no_gate)
    failed = 0
    for item in read(paths):
        if isinstance(item, IngestError):
            err_console.print(f"[red]error:[/] {item.input}: {item.problem}", highlight=False)
            failed += 1
            continue
        records = engine.extract(item)
        print_json({"id": item.id, "date": item.date, "source": item.source, "url": item.url,
                    "title": item.title, "origin": item.origin, "extractor": engine.name,
                    "version": engine.version, "records": [r.to_dict() for r in records]})
        sys.stdout.flush()
    if failed:
        raise typer.Exit(1)


def eval_command(
        gold: Annotated[list[Path], typer.Argument(help="Gold files (JSONL, ONTOLOGY.md format).")],
        errors: Annotated[bool, typer.Option("--errors", help="List every false positive and "
                                             "false negative with its sentence.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="Scores as JSON.")] = False,
        extractor: ExtractorOpt = extractor_names()[0], no_gate: NoGate = False) -> None:
    """Score the extractor on gold files: P/R/F1 per type and micro, stage and assertion
    agreement on matched transfers."""
    engine = _engine(extractor, no_gate)

    def run(doc: GoldDoc):
        return engine.extract(Document(text=doc.text, date=doc.date, source=doc.source))

    try:
        scores = evaluate(gold, run)
    except (GoldFileError, OSError) as exc:
        err_console.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from None
    if as_json:
        print(json.dumps({str(p): s.to_dict() for p, s in scores.items()}, indent=1))
        return
    console.print(format_table(scores))
    if errors:
        for path, result in scores.items():
            console.rule(str(path))
            console.print(format_errors(result), highlight=False, markup=False)


def _engine(name: str, no_gate: bool):
    try:
        return make_extractor(name, gate=not no_gate) if no_gate else get_extractor(name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--extractor") from None
