"""JSON Lines: one document per line (text, and optionally id, date, source, url, title)."""
from __future__ import annotations

import json
from typing import IO, Iterator

from .dates import iso_date
from .documents import Document, IngestError

FIELDS = ("date", "source", "url", "title")


def record_document(obj: dict, where: str) -> Document:
    """A document from a record (a JSON line, a Parquet row): its text, the known metadata
    fields (the date normalised), every other field but ``id`` kept as metadata."""
    meta = {k: obj.get(k) for k in FIELDS}
    meta["date"] = iso_date(meta["date"])
    extra = {k: v for k, v in obj.items() if k not in FIELDS + ("text", "id")}
    return Document(text=obj["text"], origin=where, meta=extra, **meta)


def read_jsonl(stream: IO[bytes], origin: str) -> Iterator[Document | IngestError]:
    """Stream a JSONL file line by line; a broken line is an error, the rest goes on."""
    for n, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            yield IngestError(where, f"line is not valid JSON ({exc})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield IngestError(where, 'line has no "text" string; each line must be an object '
                                     'with at least {"text": "..."}')
            continue
        doc = record_document(obj, where)
        if obj.get("id"):
            doc.meta["external_id"] = str(obj["id"])
        yield doc
