"""Running a system over gold files and scoring it: the backend of ``armstrace eval``."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from ..ontology import Record
from .gold import GoldDoc, read_gold
from .scorer import Score, score

Extract = Callable[[GoldDoc], Iterable[dict | Record]]


class ExtractorFailed(RuntimeError):
    """The system under evaluation raised on a gold document."""


def evaluate(paths: Iterable[str | Path], extract: Extract,
             on_document: Callable[[GoldDoc], Any] | None = None) -> dict[Path, Score]:
    """Score ``extract`` (called with each gold document: id, date, text) on every
    gold file in ``paths``. ``on_document`` is called after each document (progress)."""
    scores: dict[Path, Score] = {}
    for path in map(Path, paths):
        docs = read_gold(path)
        system: dict[str, list[dict]] = {}
        for doc in docs:
            system[doc.id] = _run(extract, doc, path)
            if on_document is not None:
                on_document(doc)
        scores[path] = score_gold(docs, system)
    return scores


def _run(extract: Extract, doc: GoldDoc, path: Path) -> list[dict]:
    try:
        found = extract(doc)
    except Exception as exc:  # the system's failure is reported with the document
        raise ExtractorFailed(f"{path}: the extractor failed on document {doc.id!r}: "
                              f"{type(exc).__name__}: {exc}") from exc
    return [r.to_dict() if isinstance(r, Record) else r for r in found]


def score_gold(docs: list[GoldDoc], system: dict[str, list[dict]]) -> Score:
    """Score system output against gold documents as read by :func:`read_gold`."""
    gold = {doc.id: doc.record_dicts() for doc in docs}
    return score(gold, system, texts={doc.id: doc.text for doc in docs})
