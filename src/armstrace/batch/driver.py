"""The Dask driver: partitions out to the workers, Parquet back, bulk load, merge.

``run_batch`` needs a ``distributed.Client``; :func:`cluster_client` makes one for a
scheduler address (``tcp://host:port``) or a local cluster of N worker processes
with one thread each. The output folder must be reachable by the workers and by
this process under the same path (one machine, or a shared file system).
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..ingest import IngestError
from ..store import Store
from ..store.bulk import load_folder
from ..store.merging import merge_new_claims
from .partitions import Partition, plan
from .worker import extract_partition, extractor_identity

Progress = Callable[[str, int, int], None]     # (phase, done, total)


@dataclass
class BatchResult:
    run_id: int
    partitions: int = 0
    documents: int = 0          # documents read
    new_documents: int = 0      # documents whose claims were stored now
    claims: int = 0
    words: int = 0
    errors: list[IngestError] = field(default_factory=list)
    seconds: float = 0.0        # the whole batch
    extract_seconds: float = 0.0
    load_seconds: float = 0.0
    merge_seconds: float = 0.0
    worker_cpu_seconds: float = 0.0     # CPU time the workers spent on the partitions
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.extract_seconds if self.extract_seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.extract_seconds if self.extract_seconds else 0.0

    def stats(self) -> dict:
        return {"documents": self.documents, "new_documents": self.new_documents,
                "claims": self.claims, "errors": len(self.errors), "words": self.words,
                "partitions": self.partitions, "seconds": round(self.seconds, 3),
                "extract_seconds": round(self.extract_seconds, 3),
                "load_seconds": round(self.load_seconds, 3),
                "merge_seconds": round(self.merge_seconds, 3),
                "worker_cpu_seconds": round(self.worker_cpu_seconds, 3), "mode": "batch"}


@contextmanager
def cluster_client(address: str | None = None, local: int | None = None) -> Iterator:
    """A Dask client of the scheduler at ``address``, or of a new local cluster of
    ``local`` worker processes (one thread each), closed afterwards."""
    from distributed import Client, LocalCluster
    if (address is None) == (local is None):
        raise ValueError("give either a scheduler address (--cluster tcp://HOST:PORT) or a "
                         "number of local workers (--local N), not both or neither")
    if address is not None:
        with Client(address, timeout="30s") as client:
            yield client
        return
    if local < 1:
        raise ValueError(f"--local needs at least 1 worker, not {local}")
    with LocalCluster(n_workers=local, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def run_batch(paths: list[str | Path], store: Store, client, out: str | Path,
              extractor: str = "rules", partition_size: int = 200, fmt: str | None = None,
              retries: int = 2, progress: Progress | None = None) -> BatchResult:
    """Extract ``paths`` on the cluster into Parquet under ``out``, load it into
    ``store`` in bulk and merge events. A partition that still fails after ``retries``
    (or whose workers keep dying) is recorded as an ingest error; the rest goes on."""
    started = time.perf_counter()
    name, version = extractor_identity(extractor)
    result = BatchResult(store.start_run(name, version))
    parts = plan(paths, partition_size, fmt)
    result.partitions = len(parts)
    out = str(Path(out).resolve())
    Path(out).mkdir(parents=True, exist_ok=True)
    done = _extract(client, parts, extractor, out, retries, store, result, progress)
    result.extract_seconds = time.perf_counter() - started
    _load(store, out, done, result, progress)
    mark = time.perf_counter()
    merge_new_claims(store)
    result.merge_seconds = time.perf_counter() - mark
    result.errors = [IngestError(e["input"], e["problem"]) for e in store.errors(result.run_id)]
    result.seconds = time.perf_counter() - started
    store.finish_run(result.run_id, result.stats())
    return result


def _extract(client, parts: list[Partition], extractor: str, out: str, retries: int,
             store: Store, result: BatchResult, progress: Progress | None) -> list[int]:
    from distributed import as_completed
    futures = client.map(extract_partition, parts, extractor=extractor, out=out,
                         retries=retries, pure=False)
    by_key = {f.key: p for f, p in zip(futures, parts)}
    done: list[int] = []
    for n, future in enumerate(as_completed(futures), 1):
        part = by_key[future.key]
        try:
            stats = future.result()
        except Exception as exc:        # noqa: BLE001  (after Dask's retries)
            store.add_error(IngestError(part.label, f"partition {part.index} failed on the "
                                        f"cluster after {retries} retries: "
                                        f"{type(exc).__name__}: {exc}"), result.run_id)
            continue
        done.append(part.index)
        result.documents += stats["documents"]
        result.words += stats["words"]
        result.worker_cpu_seconds += stats["cpu_seconds"]
        worker = stats["worker"]
        result.worker_peak_rss_mb[worker] = max(result.worker_peak_rss_mb.get(worker, 0.0),
                                                stats["peak_rss_mb"])
        if progress:
            progress("extract", n, len(parts))
    return sorted(done)


def _load(store: Store, out: str, done: list[int], result: BatchResult,
          progress: Progress | None) -> None:
    mark = time.perf_counter()
    loaded = iter(range(1, len(done) + 1))
    tick = (lambda _index: progress("load", next(loaded), len(done))) if progress else None
    counts = load_folder(store, out, result.run_id, done, tick)
    result.new_documents += counts.documents
    result.claims += counts.claims
    result.load_seconds = time.perf_counter() - mark
