"""RSS and Atom feeds saved to disk: each entry is one document."""
from __future__ import annotations

from typing import Iterator

import feedparser
import lxml.html

from .dates import iso_date
from .documents import Document, IngestError, InputError


def read_feed(data: bytes, origin: str) -> Iterator[Document | IngestError]:
    parsed = feedparser.parse(data)
    entries = parsed.entries
    if not entries:
        reason = getattr(parsed, "bozo_exception", None) or "no entries"
        raise InputError(f"feed could not be read ({reason})")
    site = parsed.feed.get("title")
    for n, entry in enumerate(entries, 1):
        where = f"{origin}#entry{n}"
        text = _entry_text(entry)
        if not text:
            yield IngestError(where, "feed entry has no text (no content, summary or description)")
            continue
        date = iso_date(entry.get("published_parsed") or entry.get("updated_parsed")
                        or entry.get("published") or entry.get("updated"))
        yield Document(text=text, date=date, source=site, url=entry.get("link"),
                       title=entry.get("title"), origin=where)
    if parsed.bozo:
        yield IngestError(origin, f"feed is malformed after entry {len(entries)} "
                                  f"({parsed.bozo_exception}); the entries before it were read")


def _entry_text(entry) -> str:
    for block in entry.get("content", []):
        if block.get("value"):
            return _strip_html(block["value"])
    return _strip_html(entry.get("summary") or entry.get("description") or "")


def _strip_html(value: str) -> str:
    if "<" not in value:
        return value.strip()
    root = lxml.html.fromstring(f"<div>{value}</div>")
    paragraphs = [p.text_content().strip() for p in root.iter("p")]
    text = "\n".join(p for p in paragraphs if p) or root.text_content()
    return text.strip()
