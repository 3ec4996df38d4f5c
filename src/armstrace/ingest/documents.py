"""Documents, their content-hash ids, and ingest errors."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form a document's id is computed from: NFC, whitespace collapsed, case kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def document_id(text: str) -> str:
    """A document's id: the hash of its normalised text, so a re-read is the same document."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:32]


@dataclass
class Document:
    """A text to extract from, with what its source says about it.

    ``date`` is the publication date from the source's metadata (ISO 8601) or
    ``None``: never the time it was read.
    """
    text: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None          # the file (and line or entry) it was read from
    id: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = document_id(self.text)


@dataclass
class IngestError:
    """An input that could not be read, and why; recorded, and the batch goes on."""
    input: str
    problem: str

    def __str__(self) -> str:
        return f"{self.input}: {self.problem}"


class InputError(Exception):
    """Raised by a reader for one input; turned into an :class:`IngestError`."""
