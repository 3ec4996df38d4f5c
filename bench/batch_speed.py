"""Batch extraction throughput on a local Dask cluster of 1 and 2 worker processes.

    .venv/bin/python bench/batch_speed.py [--repeat 3] [--workers 1 2] [--append]

Corpus: the demo corpus (examples/corpus) and the texts of ../shared/eval/*.jsonl
(when present), repeated ``--repeat`` times, each copy made distinct, as one JSONL
file in a temporary folder. For each cluster size the workers load the rule
extractor first (model loading is not counted), then ``run_batch`` extracts the
corpus into Parquet and loads it into a fresh SQLite store. Prints documents/s and
words/s of the extraction phase, the ratio to one worker, and each worker's peak RSS.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from timing import machine as describe_machine  # noqa: E402  (bench/ helper)
from armstrace.batch import run_batch
from armstrace.batch.worker import load_extractor
from armstrace.ingest import Document, read
from armstrace.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED_EVAL = REPO / ".." / "shared" / "eval"


def source_documents() -> list[dict]:
    docs = [{"text": d.text, "date": d.date, "source": d.source, "title": d.title}
            for d in read([REPO / "examples" / "corpus"]) if isinstance(d, Document)]
    for path in sorted(SHARED_EVAL.glob("*.jsonl")) if SHARED_EVAL.is_dir() else []:
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line) if line.strip() else {}
            if isinstance(obj.get("text"), str):
                docs.append({"text": obj["text"], "date": obj.get("date"),
                             "source": obj.get("source")})
    return docs


def write_corpus(folder: Path, repeat: int) -> tuple[Path, int, int]:
    """One JSONL file of every source document ``repeat`` times (distinct copies)."""
    base = source_documents()
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(repeat):
            for doc in base:
                fh.write(json.dumps({**doc, "text": f"{doc['text']}\n\n(copy {k + 1})"}) + "\n")
    return path, len(base), len(base) * repeat


def measure(n_workers: int, corpus: Path, folder: Path, partition_size: int) -> dict:
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        t = time.perf_counter()
        client.run(load_extractor, "rules")          # every worker loads the model now
        warm = time.perf_counter() - t
        with Store(folder / f"kb-{n_workers}.db") as store:
            result = run_batch([corpus], store, client, folder / f"out-{n_workers}",
                               partition_size=partition_size)
    return {"workers": n_workers, "model_load_s": warm, "documents": result.documents,
            "words": result.words, "claims": result.claims, "errors": len(result.errors),
            "extract_s": result.extract_seconds, "load_s": result.load_seconds,
            "merge_s": result.merge_seconds, "docs_s": result.docs_per_second,
            "words_s": result.words_per_second, "cpu_s": result.worker_cpu_seconds,
            "rss_mb": sorted(result.worker_peak_rss_mb.values())}


def table(rows: list[dict]) -> str:
    one = rows[0]["docs_s"]
    lines = ["| workers | documents | words | claims | extract s | docs/s | words/s | "
             "ratio to 1 | worker CPU s | words per CPU-s | load s | merge s | "
             "peak RSS per worker (MB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        lines.append(f"| {r['workers']} | {r['documents']:,} | {r['words']:,} | {r['claims']:,} "
                     f"| {r['extract_s']:.1f} | {r['docs_s']:.1f} | {r['words_s']:,.0f} | "
                     f"{r['docs_s'] / one:.2f} | {r['cpu_s']:.1f} | "
                     f"{r['words'] / r['cpu_s']:,.0f} | {r['load_s']:.1f} | {r['merge_s']:.1f} | "
                     f"{', '.join(f'{m:.0f}' for m in r['rss_mb'])} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=20)
    parser.add_argument("--append", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    command = "python bench/batch_speed.py " + " ".join(sys.argv[1:])
    machine = describe_machine()
    folder = Path(tempfile.mkdtemp(prefix="batch-bench-"))
    corpus, n_base, n_docs = write_corpus(folder, args.repeat)
    print(f"corpus: {n_base} source documents x {args.repeat} = {n_docs}", flush=True)
    rows = []
    for n in args.workers:
        rows.append(measure(n, corpus, folder, args.partition_size))
        print(rows[-1], flush=True)
    block = table(rows)
    load_end = os.getloadavg()[0]
    print(f"\n{block}\n\ncommand: {command}\nmachine: {machine}; load average at end "
          f"{load_end:.1f}")
    if args.append:
        with open(REPO / "bench" / "RESULTS.md", "a", encoding="utf-8") as fh:
            fh.write(f"\n## Batch extraction on Dask, 1 and 2 workers ({date.today().isoformat()})"
                     f"\n\nMachine: {machine}; load average at end {load_end:.1f}  \nCommand: "
                     f"`{command}`  \nCorpus: demo corpus + ../shared/eval texts ({n_base} "
                     f"documents) x {args.repeat}, distinct copies; rule extractor; "
                     "LocalCluster, 1 thread per worker; rates over the extraction phase "
                     "(model already loaded; includes scheduling and Parquet writes).\n\n"
                     f"{block}\n")


if __name__ == "__main__":
    main()
