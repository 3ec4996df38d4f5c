"""Scores as a Rich table and as a plain listing of errors, for the CLI."""
from __future__ import annotations

from pathlib import Path

from rich.table import Table

from .counts import Counts
from .scorer import ERROR_KINDS, Score


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _row(name: str, label: str, counts: Counts) -> list[str]:
    return [name, label, str(counts.gold), str(counts.system), str(counts.tp),
            str(counts.fp), str(counts.fn), _figure(counts.precision),
            _figure(counts.recall), _figure(counts.f1)]


def format_table(scores: dict[str | Path, Score]) -> Table:
    """One table: per file, a row per record type and the micro average, then the
    stage and assertion agreement of matched transfers."""
    table = Table(title="armstrace eval: document-level scores (ONTOLOGY.md)")
    for column in ("file", "type", "gold", "system", "tp", "fp", "fn", "P", "R", "F1"):
        table.add_column(column, justify="left" if column in ("file", "type") else "right")
    for path, result in scores.items():
        name = Path(path).name
        for rtype, counts in result.per_type.items():
            table.add_row(*_row(name, rtype, counts))
        table.add_row(*_row(name, "micro", result.micro), style="bold")
        table.add_row(name, "transfers: stage / assertion agree",
                      str(result.matched_transfers), "", "", "", "",
                      _figure(result.transfer_stage_agreement),
                      _figure(result.transfer_assertion_agreement), "",
                      end_section=True)
    return table


def _describe(record: dict) -> str:
    return " ".join(f"{k}={v}" for k, v in record.items() if k != "evidence")


def format_errors(result: Score, limit: int | None = None) -> str:
    """Every error (or the first ``limit``), grouped by kind, with its sentence."""
    lines: list[str] = []
    for kind in ERROR_KINDS:
        items = [e for e in result.errors if e.kind == kind]
        if not items:
            continue
        lines.append(f"== {kind.replace('_', ' ')} ({len(items)})")
        for error in items[:limit]:
            lines.append(f"[{error.doc_id}] {_describe(error.record)}")
            if error.gold is not None:
                lines.append(f"    gold: {_describe(error.gold)}")
            if error.sentence:
                lines.append(f"    « {error.sentence} »")
        if limit is not None and len(items) > limit:
            lines.append(f"    … {len(items) - limit} more")
    if result.ignored_system_documents:
        lines.append(f"{len(result.ignored_system_documents)} system document(s) not in "
                     "the gold file were ignored")
    return "\n".join(lines) if lines else "no errors"
