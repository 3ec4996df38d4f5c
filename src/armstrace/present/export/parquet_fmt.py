"""Parquet: the same rows as the CSV export, with typed columns (pyarrow)."""
from __future__ import annotations

from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from .rows import rows

ARROW = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def write(store, out: BinaryIO, what: str = "events") -> None:
    columns, data = rows(store, what)
    schema = pa.schema([(name, ARROW[kind]) for name, kind in columns.items()])
    table = pa.Table.from_pylist(list(data), schema=schema)
    pq.write_table(table, out)
