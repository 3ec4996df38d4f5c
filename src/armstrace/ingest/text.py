"""Plain text files, with an optional header block (Title:, Date:, Source:, URL:)."""
from __future__ import annotations

import re
from typing import Iterator

from .dates import iso_date
from .documents import Document

_HEADER = re.compile(r"^(title|date|source|url|published):[ \t]*(.*)$", re.IGNORECASE)


def read_text(text: str, origin: str) -> Iterator[Document]:
    """One document; a leading block of ``Key: value`` lines gives its metadata."""
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    body_start = 0
    for i, line in enumerate(lines):
        match = _HEADER.match(line.strip())
        if match and not line.startswith((" ", "\t")):
            meta[match.group(1).lower()] = match.group(2).strip()
            body_start = i + 1
            continue
        if line.strip() == "" and meta:
            body_start = i + 1
        break
    body = "".join(lines[body_start:]).strip() if meta else text.strip()
    date = iso_date(meta.get("date") or meta.get("published"))
    yield Document(text=body, date=date, source=meta.get("source"), url=meta.get("url"),
                   title=meta.get("title"), origin=origin)
