"""What runs on a Dask worker: one partition read, extracted and written as Parquet.

The extractor is loaded once per worker process (a module-level cache; the rule
extractor's spaCy model is itself cached by ``load_nlp``). A document whose
extraction raises becomes an ingest error, as in-process; the partition goes on.
"""
from __future__ import annotations

import os
import resource
import socket
import time
from importlib import import_module
from typing import Any

from ..extract import Extractor, get_extractor
from ..extract.registry import EXTRACTORS
from ..ingest import Document, IngestError
from ..store.bulk import write_partition
from ..store.rows import claim_row
from .partitions import Partition, read_partition

BATCH_DOCS = 16                         # documents given to extract_many at once
_loaded: dict[str, Extractor] = {}      # extractor spec -> instance, per process


def _factory(spec: str):
    """A registered extractor name, or ``module:factory`` for one of your own."""
    target = EXTRACTORS.get(spec, spec)
    if ":" not in target:
        raise ValueError(f"unknown extractor {spec!r}; choose one of {', '.join(EXTRACTORS)} "
                         "or give module:factory")
    module, name = target.split(":", 1)
    return getattr(import_module(module), name)


def extractor_identity(spec: str) -> tuple[str, str]:
    """(name, version) of an extractor, without loading its model when the class says."""
    factory = _factory(spec)
    if isinstance(getattr(factory, "name", None), str) and \
            isinstance(getattr(factory, "version", None), str):
        return factory.name, factory.version
    made = load_extractor(spec)
    return made.name, made.version


def load_extractor(spec: str) -> Extractor:
    if spec not in _loaded:
        _loaded[spec] = get_extractor(spec) if spec in EXTRACTORS else _factory(spec)()
    return _loaded[spec]


def extract_partition(part: Partition, extractor: str, out: str) -> dict[str, Any]:
    """Read, extract and write partition ``part`` under ``out``; return its statistics."""
    started, cpu = time.perf_counter(), time.process_time()
    ex = load_extractor(extractor)
    stats = {"index": part.index, "documents": 0, "words": 0, "claims": 0, "errors": 0}
    docs: list[Document] = []
    errors: list[dict] = []
    for item in read_partition(part):
        if isinstance(item, IngestError):
            errors.append({"input": item.input, "problem": item.problem})
            continue
        stats["documents"] += 1
        stats["words"] += len(item.text.split())
        docs.append(item)
    doc_rows, claim_rows = _extract_all(ex, _first_of_each(docs), errors)
    write_partition(out, part.index, doc_rows, claim_rows, errors)
    stats.update(claims=len(claim_rows), errors=len(errors),
                 worker=f"{socket.gethostname()}:{os.getpid()}",
                 seconds=time.perf_counter() - started, cpu_seconds=time.process_time() - cpu,
                 peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return stats


def _first_of_each(docs: list[Document]) -> list[Document]:
    """A document read twice (same text) is extracted once, at its first reading."""
    seen: dict[str, Document] = {}
    for doc in docs:
        seen.setdefault(doc.id, doc)
    return list(seen.values())


def _extract_all(ex: Extractor, docs: list[Document], errors: list[dict]):
    doc_rows, claim_rows = [], []
    for i in range(0, len(docs), BATCH_DOCS):
        chunk = docs[i:i + BATCH_DOCS]
        for doc, found in zip(chunk, _extract_chunk(ex, chunk)):
            if isinstance(found, Exception):
                problem = f"extraction failed: {type(found).__name__}: {found}"
                errors.append({"input": doc.origin or doc.id, "problem": problem})
                continue
            rows = [claim_row(r, doc.id, ex.name, ex.version, None) for r in found]
            claim_rows += {r["fingerprint"]: r for r in rows}.values()
            doc_rows.append({"id": doc.id, "text": doc.text, "date": doc.date,
                             "source": doc.source, "url": doc.url, "title": doc.title,
                             "origin": doc.origin, "meta": doc.meta or None,
                             "extractor": ex.name, "extractor_version": ex.version})
    return doc_rows, claim_rows


def _extract_chunk(ex: Extractor, chunk: list[Document]) -> list:
    """Records per document (``extract_many`` when the extractor has it); when the chunk
    fails, each document alone, so that one bad document costs only itself."""
    many = getattr(ex, "extract_many", None)
    if many is not None:
        try:
            return many(chunk)
        except Exception:       # noqa: BLE001  (retried one by one below)
            pass
    out: list = []
    for doc in chunk:
        try:
            out.append(ex.extract(doc))
        except Exception as exc:  # one document's failure must not stop the partition
            out.append(exc)
    return out
