"""Ingest through the API: documents given as JSON are extracted, stored and merged,
like ``armstrace run`` does with files (one document per transaction)."""
from __future__ import annotations

import threading
import time
from typing import Any

from ...extract import get_extractor
from ...ingest.dates import iso_date
from ...ingest.documents import Document, IngestError
from ...store.events import merge_new_claims

_LOCK = threading.Lock()        # one ingest at a time: the merge is incremental


def ingest_documents(store, items: list[dict[str, Any]], extractor_name: str) -> dict[str, Any]:
    """Store and extract ``items`` (dicts with text, title, date, source, url)."""
    extractor = get_extractor(extractor_name)
    with _LOCK:
        started = time.perf_counter()
        run_id = store.start_run(extractor.name, extractor.version)
        stats = {"documents": 0, "new_documents": 0, "claims": 0, "errors": 0}
        ids, problems = [], []
        for n, item in enumerate(items):
            doc = Document(text=item["text"], date=iso_date(item.get("date")),
                           source=item.get("source"), url=item.get("url"),
                           title=item.get("title"), origin=f"api:{run_id}:{n}")
            stats["documents"] += 1
            ids.append(doc.id)
            if store.is_processed(doc.id, extractor.version):
                continue
            try:
                records = extractor.extract(doc)
            except Exception as exc:   # one document's failure must not stop the batch
                error = IngestError(doc.origin, f"extraction failed: {type(exc).__name__}: {exc}")
                store.add_error(error, run_id)
                problems.append(str(error))
                continue
            stats["claims"] += store.add(doc, records, extractor.name, extractor.version, run_id)
            stats["new_documents"] += 1
        merged = merge_new_claims(store)
        stats.update(errors=len(problems), seconds=round(time.perf_counter() - started, 3))
        store.finish_run(run_id, stats)
    return {"run_id": run_id, **stats, "document_ids": ids, "error_messages": problems,
            "merge": merged}
