"""The sentence to show beside a scoring error, so an engineer can see what was missed.

A false positive shows its own evidence quote. A false negative has no evidence
(gold files carry none), so we show the sentence of the document that names
most of the record's actors, found through the state names pycountry knows
(names, common names, two-letter codes) and the codes themselves.
"""
from __future__ import annotations

import re
from functools import cache

import pycountry

from ..ontology import Record

MAX_CHARS = 300
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z0-9])|\n+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Words of official state names that do not tell one state from another.
_GENERIC = {"republic", "democratic", "people's", "federation", "kingdom", "united",
            "states", "islamic", "state", "province", "arab", "socialist", "federal",
            "plurinational", "bolivarian", "of", "the", "and", "great", "northern",
            "britain", "ireland"}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def record_actors(record: Record) -> list[str]:
    """The actor codes in a record's key fields (sets flattened)."""
    codes: list[str] = []
    for f in record.rtype.keys:
        if not f.kind.startswith("actor"):
            continue
        value = record[f.name]
        codes.extend(value if isinstance(value, tuple) else [value])
    return codes


@cache
def actor_cues(code: str) -> tuple[re.Pattern, ...]:
    """Patterns that suggest a sentence mentions the actor ``code``."""
    cues = {re.escape(code)}
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        cues.add(re.escape(country.alpha_2))
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, "") or ""
            if name and "," not in name:
                cues.add(re.escape(name))
            for word in _WORD.findall(getattr(country, attr, "") or ""):
                if word.lower() not in _GENERIC and len(word) > 3:
                    cues.add(re.escape(word[:5]) + r"\w*")
    return tuple(re.compile(rf"\b{cue}\b") for cue in cues)


def _mentions(sentence: str, code: str) -> bool:
    return any(p.search(sentence) for p in actor_cues(code))


def sentence_for(record: Record, text: str | None) -> str:
    """The sentence of ``text`` that mentions most of the record's actors (the first
    such), or the start of the text when none does; '' without a text."""
    if not text:
        return ""
    actors = record_actors(record)
    best, best_hits = None, 0
    for sentence in sentences(text):
        hits = sum(_mentions(sentence, code) for code in actors)
        if hits > best_hits:
            best, best_hits = sentence, hits
    return shorten(best if best is not None else text)
