"""The main job as a library call: read sources, extract, store; one document per transaction."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .extract import Extractor, default_extractor
from .ingest import Document, IngestError, read
from .store import Store
from .store.events import merge_new_claims

Progress = Callable[[Document | IngestError], None]


@dataclass
class RunResult:
    run_id: int
    documents: int = 0          # documents read
    new_documents: int = 0      # documents extracted now (not seen before with this version)
    claims: int = 0
    words: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0

    def stats(self) -> dict:
        return {"documents": self.documents, "new_documents": self.new_documents,
                "claims": self.claims, "errors": len(self.errors), "words": self.words,
                "seconds": round(self.seconds, 3)}


CHUNK = 16   # documents parsed together (spaCy batches); each is still stored on its own


def run(paths: Iterable[str | Path], store: Store, extractor: Extractor | None = None,
        fmt: str | None = None, progress: Progress | None = None,
        extract: bool = True) -> RunResult:
    """Ingest ``paths`` into ``store``; with ``extract`` also extract and store claims.

    Each document and its claims are one transaction, so an interruption loses at most
    the documents in flight; a rerun skips documents this extractor version has done.
    """
    if extract:   # ingest-only runs must not load (or need) an extraction backend
        extractor = extractor or default_extractor()
    name, version = (extractor.name, extractor.version) if extract else ("ingest", "none")
    result = RunResult(store.start_run(name, version))
    started = time.perf_counter()
    pending: list[Document] = []
    for item in read(paths, fmt):
        if isinstance(item, IngestError):
            store.add_error(item, result.run_id)
            result.errors.append(item)
        else:
            result.documents += 1
            result.words += len(item.text.split())
            if not store.is_processed(item.id, version) and \
                    all(p.id != item.id for p in pending):
                pending.append(item)
        if len(pending) >= CHUNK:
            _flush(pending, store, extractor if extract else None, name, version, result)
        if progress:
            progress(item)
    _flush(pending, store, extractor if extract else None, name, version, result)
    merge_new_claims(store)     # claims of this run join events (incremental)
    result.seconds = time.perf_counter() - started
    store.finish_run(result.run_id, result.stats())
    return result


def _flush(docs: list[Document], store: Store, extractor: Extractor | None, name: str,
           version: str, result: RunResult) -> None:
    """Extract a chunk and store it in one transaction (an interruption loses at most the
    chunk in flight, never half a document)."""
    if not docs:
        return
    batch = _extract_all(docs, extractor) if extractor else [[] for _ in docs]
    done = []
    for doc, records in zip(docs, batch):
        if isinstance(records, Exception):   # one document's failure must not stop the batch
            error = IngestError(doc.origin or doc.id,
                                f"extraction failed: {type(records).__name__}: {records}")
            store.add_error(error, result.run_id)
            result.errors.append(error)
        else:
            done.append((doc, records))
    result.claims += store.add_many(done, name, version, result.run_id)
    result.new_documents += len(done)
    docs.clear()


def _extract_all(docs: list[Document], extractor: Extractor) -> list:
    many = getattr(extractor, "extract_many", None)
    if many is not None:
        try:
            return many(docs)
        except Exception:   # find the document that fails, keep the others
            pass
    out: list = []
    for doc in docs:
        try:
            out.append(extractor.extract(doc))
        except Exception as exc:
            out.append(exc)
    return out
