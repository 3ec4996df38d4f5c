"""HTML pages: the main text only (trafilatura), with title, date and URL from metadata."""
from __future__ import annotations

from typing import Iterator

import trafilatura

from .dates import iso_date
from .documents import Document, InputError


def read_html(html: str, origin: str) -> Iterator[Document]:
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, with_metadata=False)
    if not text or not text.strip():
        raise InputError("HTML page has no main text that could be extracted "
                         "(malformed, empty or only navigation)")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    date = iso_date(meta.date) if meta and meta.date else None
    url = meta.url if meta else None
    source = (meta.sitename or meta.hostname) if meta else None
    yield Document(text=text.strip(), date=date, source=source, url=url, title=title, origin=origin)
