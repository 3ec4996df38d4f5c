"""Independent sources: documents grouped by publisher, reprints of one story merged.

A document's publisher is its ``source`` (normalised), else its URL's registered
domain, else the document itself. Two documents whose opening text is nearly the
same (rapidfuzz ``token_set_ratio`` >= 90 over the first 500 characters) are one
wire story reprinted, so one source, whatever their publishers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

LEAD_CHARS = 500
SAME_STORY = 90
MIN_LEAD = 80          # shorter texts are compared for equality only
# Second-level labels under which registered domains take three labels (bbc.co.uk).
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "mil"}
_SPACE = re.compile(r"\s+")


@dataclass
class DocInfo:
    id: str
    source: str | None
    url: str | None
    lead: str          # the first characters of the text


def registered_domain(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url and "//" in url else ""
    labels = [p for p in host.lower().split(".") if p]
    if len(labels) < 2:
        return None
    take = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-take:])


def publisher(doc: DocInfo) -> str:
    if doc.source and doc.source.strip():
        return _SPACE.sub(" ", doc.source.strip().lower())
    return registered_domain(doc.url) or f"document:{doc.id}"


def _same_story(a: str, b: str) -> bool:
    if len(a) < MIN_LEAD or len(b) < MIN_LEAD:
        return a == b and bool(a)
    return fuzz.token_set_ratio(a, b, score_cutoff=SAME_STORY) >= SAME_STORY


def source_groups(docs: list[DocInfo]) -> list[dict]:
    """Independent sources: [{"publishers": [...], "documents": [...], "why": ...}]."""
    groups: list[dict] = []
    by_publisher: dict[str, dict] = {}
    for doc in sorted(docs, key=lambda d: d.id):
        name, lead = publisher(doc), " ".join(doc.lead[:LEAD_CHARS].split())
        group = by_publisher.get(name)
        why = "same publisher"
        if group is None:
            group = next((g for g in groups if any(_same_story(lead, other)
                                                   for other in g["leads"])), None)
            why = "near-identical text (one story reprinted)"
        if group is None:
            group = {"publishers": [], "documents": [], "leads": [], "why": []}
            groups.append(group)
        elif why not in group["why"]:
            group["why"].append(why)
        if name not in group["publishers"]:
            group["publishers"].append(name)
        by_publisher[name] = group
        group["documents"].append(doc.id)
        if len(group["leads"]) < 5:
            group["leads"].append(lead)
    return [{"publishers": g["publishers"], "documents": g["documents"],
             "why": "; ".join(g["why"]) or "one document"} for g in groups]
