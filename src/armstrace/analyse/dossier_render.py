"""Markdown and Rich renderings of a :class:`~armstrace.analyse.dossier.Dossier`."""
from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.table import Table


def _flows(table: dict[str, dict[str, list[str]]]) -> list[tuple[str, str]]:
    return [(who, "; ".join(f"{item} ({', '.join(stages)})" for item, stages in items.items()))
            for who, items in sorted(table.items())]


def _cell(value) -> str:
    if value is None:
        return ""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _sections(d) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, columns, rows) for every section."""
    def dated(rows, *cols):
        return [[_cell(r.get(c)) for c in cols] for r in rows]
    return [
        ("Suppliers", ["supplier", "items (stages)"], [list(r) for r in _flows(d.suppliers)]),
        ("Recipients", ["recipient", "items (stages)"], [list(r) for r in _flows(d.recipients)]),
        ("Technology in", ["from", "item", "stage", "date"], dated(d.tech_in, "with", "item", "stage", "date")),
        ("Technology out", ["to", "item", "stage", "date"], dated(d.tech_out, "with", "item", "stage", "date")),
        ("Embargoes", ["id", "imposer", "start", "end", "in force", "legal basis"],
         dated(d.embargoes, "id", "imposer", "start", "end", "in_force", "legal_basis")),
        ("Breaches", ["supplier", "recipient", "item", "status", "embargo", "legal basis"],
         dated(d.breaches, "supplier", "recipient", "item", "status", "embargo", "legal_basis")),
        ("Exercises", ["with", "stage", "date"], dated(d.exercises, "with", "stage", "date")),
        ("Exercise partners", ["partner", "exercises"],
         [[p, str(n)] for p, n in d.exercise_partners.items()]),
        ("Agreements", ["with", "kind", "stage", "date"], dated(d.agreements, "with", "kind", "stage", "date")),
        ("Meetings", ["with", "stage", "date"], dated(d.meetings, "with", "stage", "date")),
        ("Sanctions", ["imposer", "target", "kind", "stage"], dated(d.sanctions, "imposer", "target", "kind", "stage")),
        ("Bloc membership", ["window", "with"], dated(d.blocs, "window", "with")),
        ("Most-cited evidence", ["type", "sources", "quote"],
         [[r["type"], str(r["n_sources"]), r["quote"] or ""] for r in d.evidence]),
    ]


def markdown(d) -> str:
    lines = [f"# Dossier: {d.actor}" + (f" (as of {d.as_of})" if d.as_of else ""), ""]
    for title, cols, rows in _sections(d):
        lines += [f"## {title}", ""]
        if not rows:
            lines += ["_none_", ""]
            continue
        lines += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in r) + " |"
                  for r in rows]
        lines.append("")
    return "\n".join(lines)


def rich_group(d) -> Group:
    parts = []
    for title, cols, rows in _sections(d):
        if not rows:
            continue
        table = Table(title=f"{d.actor}: {title}", title_justify="left")
        for c in cols:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(escape(c) for c in r))
        parts.append(table)
    return Group(*parts) if parts else Group(f"No events involve {d.actor}.")
