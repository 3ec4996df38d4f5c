"""CSV: one row per event or per claim, with a header row (UTF-8, RFC 4180 quoting)."""
from __future__ import annotations

import csv
import io
from typing import BinaryIO

from .rows import rows


def write(store, out: BinaryIO, what: str = "events") -> None:
    columns, data = rows(store, what)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=list(columns))
    writer.writeheader()
    for row in data:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    text.flush()
    text.detach()
