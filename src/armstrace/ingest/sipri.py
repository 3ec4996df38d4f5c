"""The SIPRI trade register (CSV export) as transfer claims with row evidence.

Each deal row gives an ``agreed`` claim dated by the order year (quantity: number
ordered) and, when items were delivered, a ``delivered`` claim dated by the years
of delivery (quantity: number delivered). SIPRI's '?' flags are kept as a '?' after
the quantity. The evidence of both is the row: quote = the row's text, start = end =
its line number in the file. The file is one pseudo-document whose source is
"SIPRI Arms Transfers Database". Rows that cannot be mapped are reported with their
line number and the reason; the rest loads.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterator

from ..ontology import OntologyError, Record, validate
from .documents import Document, InputError
from .sipri_map import actor_code, item_category

SOURCE = "SIPRI Arms Transfers Database"
URL = "https://www.sipri.org/databases/armstransfers"
HEADER_PREFIX = "Recipient,Supplier,"
EXTRACTOR, VERSION = "sipri-register", "sipri-1"
COLUMNS = ["recipient", "supplier", "order_year", "order_year_uncertain", "n_ordered",
           "n_ordered_uncertain", "designation", "description", "n_delivered",
           "n_delivered_uncertain", "delivery_years", "status", "comments", "tiv_unit",
           "tiv_order", "tiv_delivered"]
_STAMP = re.compile(r"Data generated:\s*(\d{1,2} \w+ \d{4})")


class RowError(ValueError):
    """A register row that cannot be mapped; the message says why."""


@dataclass
class Register:
    path: str
    document: Document
    records: list[Record] = field(default_factory=list)
    rows: int = 0
    mapped: int = 0
    unmapped: list[tuple[int, str]] = field(default_factory=list)   # (line, reason)


def read_register(path: str | Path) -> Register:
    """Parse a SIPRI export (Latin-1, header lines before the table)."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    doc = Document(text=text, date=_stamp(text), source=SOURCE, url=URL,
                   title=f"SIPRI trade register ({path.name})", origin=str(path),
                   meta={"register": "sipri"})
    register = Register(str(path), doc)
    for line, raw, cells in rows(text, str(path)):
        register.rows += 1
        try:
            register.records += row_records(cells, line, raw)
            register.mapped += 1
        except RowError as exc:
            register.unmapped.append((line, str(exc)))
    doc.meta["rows"] = register.rows
    return register


def _stamp(text: str) -> str | None:
    found = _STAMP.search(text[:3000])
    try:
        return datetime.strptime(found.group(1), "%d %B %Y").date().isoformat() if found else None
    except ValueError:
        return None


def rows(text: str, name: str = "register") -> Iterator[tuple[int, str, dict[str, str]]]:
    """(line number, row text, cells by column name) for each deal row; a record broken
    over two lines (an unquoted line break in Comments) is joined back."""
    lines = text.split("\n")
    start = next((i for i, l in enumerate(lines) if l.startswith(HEADER_PREFIX)), None)
    if start is None:
        raise InputError(f"{name}: no line starts with {HEADER_PREFIX!r}; is this a SIPRI "
                         "trade-register CSV export?")
    i = start + 1
    while i < len(lines):
        first, raw = i + 1, lines[i]
        cells = _cells(raw)
        while 0 < len(cells) < len(COLUMNS) and i + 1 < len(lines) and lines[i + 1].strip():
            i += 1
            raw = raw + "\n" + lines[i]
            cells = _cells(raw)
        i += 1
        if not raw.strip():
            continue
        yield first, raw.replace("\n", " "), dict(zip(COLUMNS, cells + [""] * len(COLUMNS))) \
            if len(cells) == len(COLUMNS) else {"_fields": str(len(cells))}


def _cells(raw: str) -> list[str]:
    """Fields of one record; a line break outside quotes continues the field it cuts."""
    cells: list[str] = []
    for row in csv.reader(io.StringIO(raw, newline="")):
        if cells and row:
            cells[-1] += " " + row[0]
            row = row[1:]
        cells += row
    return [" ".join(c.split()) for c in cells]


def _int(cells: dict, name: str, empty: int | None = None) -> int | None:
    value = cells[name]
    if not value:
        return empty
    if not value.isdigit():
        raise RowError(f"{name.replace('_', ' ')} {value!r} is not a whole number")
    return int(value)


def row_records(cells: dict[str, str], line: int, raw: str) -> list[Record]:
    """The transfer claims of one deal row; RowError when it cannot be mapped."""
    if "_fields" in cells:
        raise RowError(f"has {cells['_fields']} fields, expected {len(COLUMNS)}")
    codes = {}
    for role in ("supplier", "recipient"):
        codes[role] = actor_code(cells[role])
        if not codes[role]:
            raise RowError(f"{role} {cells[role]!r} has no actor code "
                           "(add it to ingest/sipri_names.yaml)")
    item = item_category(cells["description"])
    if not item:
        raise RowError(f"weapon description {cells['description']!r} has no item category "
                       "(add it to ingest/sipri_items.yaml)")
    year = _int(cells, "order_year")
    if year is None:
        raise RowError("year of order is empty")
    base = {"type": "transfer", **codes, "item": item, "assertion": "asserted",
            "evidence": {"start": line, "end": line, "quote": raw}}
    if cells["designation"]:
        base["designation"] = cells["designation"]
    ordered, delivered = _int(cells, "n_ordered"), _int(cells, "n_delivered", 0)
    years = _years(cells["delivery_years"])
    out = [_claim(base, "agreed", str(year), ordered, cells["n_ordered_uncertain"])]
    if delivered:
        when = f"{years[0]}/{years[-1]}" if len(years) > 1 else str(years[0] if years else year)
        out.append(_claim(base, "delivered", when, delivered, cells["n_delivered_uncertain"]))
    return out


def _years(value: str) -> list[int]:
    parts = [p.strip() for p in value.split(";") if p.strip()]
    if not all(p.isdigit() and len(p) == 4 for p in parts):
        raise RowError(f"years of delivery {value!r} are not years separated by ';'")
    return sorted(int(p) for p in parts)


def _claim(base: dict, stage: str, when: str, quantity: int | None, flag: str) -> Record:
    data = {**base, "stage": stage, "date": when}
    if quantity is not None:
        data["quantity"] = f"{quantity}{'?' if flag == '?' else ''}"
    try:
        return validate(data, where="register row")
    except OntologyError as exc:
        raise RowError(str(exc)) from None
