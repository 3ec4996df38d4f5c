"""Documents from a Parquet file: one row per document, columns as in JSON Lines
(``text``; optionally ``id``, ``date``, ``source``, ``url``, ``title``, others kept as
metadata). A worker reads only the row groups its rows fall in."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pyarrow.parquet as pq

from ..ingest.documents import Document, IngestError
from ..ingest.jsonl import record_document


def parquet_rows(path: Path) -> int:
    return pq.ParquetFile(path).metadata.num_rows


def parquet_documents(path: Path, start: int, stop: int) -> Iterator[Document | IngestError]:
    """Documents of rows ``start`` to ``stop`` (0-based, stop excluded); a row without
    text is an ingest error naming the file and row."""
    try:
        rows = _read_rows(path, start, stop)
    except (OSError, ValueError) as exc:   # pyarrow raises ArrowInvalid (a ValueError)
        yield IngestError(str(path), f"cannot be read as Parquet ({exc})")
        return
    for n, obj in enumerate(rows, start + 1):
        where = f"{path}#row{n}"
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield IngestError(where, 'row has no "text" string; a Parquet corpus needs a '
                                     '"text" column')
            continue
        doc = record_document(obj, where)
        if obj.get("id") is not None:
            doc.meta["external_id"] = str(obj["id"])
        yield doc


def _read_rows(path: Path, start: int, stop: int) -> list[dict]:
    file = pq.ParquetFile(path)
    groups, first, offset = [], None, 0
    for i in range(file.metadata.num_row_groups):
        rows = file.metadata.row_group(i).num_rows
        if offset + rows > start and offset < stop:
            groups.append(i)
            first = offset if first is None else first
        offset += rows
    if not groups:
        return []
    table = file.read_row_groups(groups)
    return table.slice(start - first, stop - start).to_pylist()
