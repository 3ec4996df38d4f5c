"""What every extractor is: a pure function from a document to records with evidence."""
from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..ingest.documents import Document
from ..ontology import Record


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str

    def extract(self, doc: Document) -> list[Record]:
        """Records found in ``doc``; each carries ``evidence`` with
        ``doc.text[start:end] == quote``."""
        ...
