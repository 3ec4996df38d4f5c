"""Independent sources: documents grouped by publisher, reprints of one story merged.

A document's publisher is its ``source`` (normalised), else its URL's registered
domain, else the document itself. Two documents published within three days of each
other whose opening text is nearly the same (rapidfuzz ``token_set_ratio`` >= 90 over
the first 500 characters) are one wire story reprinted, so one source, whatever their
publishers. Undated documents are compared with every other document.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process

LEAD_CHARS = 500
SAME_STORY = 90
MIN_LEAD = 80          # shorter texts are compared for equality only
REPRINT_DAYS = 3       # reprints of a wire story appear within days of it
# Second-level labels under which registered domains take three labels (bbc.co.uk).
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "mil"}


@dataclass
class DocInfo:
    id: str
    source: str | None
    url: str | None
    lead: str              # the first characters of the text
    date: str | None = None


def registered_domain(url: str | None) -> str | None:
    host = (urlsplit(url).hostname or "") if url and "//" in url else ""
    labels = [p for p in host.lower().split(".") if p]
    if len(labels) < 2:
        return None
    take = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-take:])


def publisher(doc: DocInfo) -> str:
    if doc.source and doc.source.strip():
        return " ".join(doc.source.lower().split())
    return registered_domain(doc.url) or f"document:{doc.id}"


def _day(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso and len(iso) >= 10 else None
    except ValueError:
        return None


class _Placed:
    """Documents already grouped, by day, for finding a reprint among its neighbours."""

    def __init__(self):
        self.days: list[int] = []
        self.dated: list[tuple[str, int]] = []       # (lead, group), in day order
        self.undated: list[tuple[str, int]] = []

    def candidates(self, day: int | None) -> list[tuple[str, int]]:
        if day is None:
            return self.dated + self.undated
        lo = bisect.bisect_left(self.days, day - REPRINT_DAYS)
        hi = bisect.bisect_right(self.days, day + REPRINT_DAYS)
        return self.dated[lo:hi] + self.undated

    def add(self, day: int | None, lead: str, group: int) -> None:
        if day is None:
            self.undated.append((lead, group))
            return
        at = bisect.bisect_right(self.days, day)
        self.days.insert(at, day)
        self.dated.insert(at, (lead, group))


def _reprint_of(lead: str, candidates: list[tuple[str, int]]) -> int | None:
    if len(lead) < MIN_LEAD:
        return next((g for other, g in candidates if other == lead and lead), None)
    long = [(other, g) for other, g in candidates if len(other) >= MIN_LEAD]
    found = process.extractOne(lead, [o for o, _ in long], scorer=fuzz.token_set_ratio,
                               score_cutoff=SAME_STORY)
    return long[found[2]][1] if found else None


def source_groups(docs: list[DocInfo]) -> list[dict]:
    """Independent sources: [{"publishers": [...], "documents": [...], "why": ...}]."""
    groups: list[dict] = []
    by_publisher: dict[str, int] = {}
    placed = _Placed()
    for doc in sorted(docs, key=lambda d: (d.date or "", d.id)):
        name, lead, day = publisher(doc), " ".join(doc.lead[:LEAD_CHARS].split()), _day(doc.date)
        index, why = by_publisher.get(name), "same publisher"
        if index is None:
            index, why = _reprint_of(lead, placed.candidates(day)), \
                "near-identical text (one story reprinted)"
        if index is None:
            index, why = len(groups), None
            groups.append({"publishers": [], "documents": [], "why": []})
        group = groups[index]
        if why and why not in group["why"]:
            group["why"].append(why)
        if name not in group["publishers"]:
            group["publishers"].append(name)
        by_publisher[name] = index
        group["documents"].append(doc.id)
        placed.add(day, lead, index)
    return [{"publishers": g["publishers"], "documents": g["documents"],
             "why": "; ".join(g["why"]) or "one document"} for g in groups]
