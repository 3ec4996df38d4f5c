"""A minimal extractor: "<State> sent|supplied|delivered <items> to <State>" per sentence.

It stands behind the same interface as the rule engine and exists so that the
store and CLI can be exercised without the spaCy pipeline. It emits only
asserted, delivered transfers it can read literally; choose ``--extractor rules``
for real extraction.
"""
from __future__ import annotations

import re
from functools import cached_property

import pycountry

from ..ingest.documents import Document
from ..ontology import Evidence, Record, validate

_VERBS = r"(?:sent|supplied|delivered|shipped|handed over)"
_ITEMS = {"shell": "ammunition", "ammunition": "ammunition", "munition": "ammunition",
          "drone": "uav", "tank": "armour", "missile": "missiles", "jet": "aircraft",
          "aircraft": "aircraft", "rifle": "small_arms", "weapon": "arms_unspecified",
          "arms": "arms_unspecified"}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


class MinimalExtractor:
    name = "minimal"
    version = "0.1"

    @cached_property
    def _names(self) -> dict[str, str]:
        names = {}
        for c in pycountry.countries:
            for attr in ("name", "common_name"):
                if hasattr(c, attr):
                    names[getattr(c, attr)] = c.alpha_3
        names.update({"Russia": "RUS", "North Korea": "PRK", "South Korea": "KOR", "Iran": "IRN",
                      "the United States": "USA", "Syria": "SYR", "Taiwan": "TWN"})
        return names

    @cached_property
    def _pattern(self) -> re.Pattern:
        alt = "|".join(re.escape(n) for n in sorted(self._names, key=len, reverse=True))
        return re.compile(rf"\b(?P<s>{alt}) (?:has |have |had )?{_VERBS} (?P<what>[^.]*?) "
                          rf"to (?P<r>{alt})\b")

    def extract(self, doc: Document) -> list[Record]:
        records = []
        for sent in _SENTENCE.finditer(doc.text):
            match = self._pattern.search(sent.group(0))
            if not match:
                continue
            item = next((code for word, code in _ITEMS.items() if word in match["what"].lower()),
                        None)
            if item is None:
                continue
            record = validate({"type": "transfer", "supplier": self._names[match["s"]],
                               "recipient": self._names[match["r"]], "item": item,
                               "stage": "delivered", "assertion": "asserted"})
            start, end = sent.span()
            record.evidence = Evidence(start, end, doc.text[start:end], doc.id)
            records.append(record)
        return records
