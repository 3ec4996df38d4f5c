"""Ingest throughput (documents/s): the demo corpus copied N times, ``ingest`` and ``run``.

Each copy of every file is made distinct (a copy marker after each sentence) so that the
content-hash dedup does not collapse the copies. Three figures, measured in one process:
parse only (``read``), ``ingest`` (read + store documents) and ``run`` with the minimal
extractor (read + extract + store claims). Writes a section into bench/RESULTS.md.

    .venv/bin/python bench/ingest_speed.py [--copies 100] [--corpus examples/corpus] [--no-write]
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from armstrace.extract import get_extractor
from armstrace.ingest import Document, read
from armstrace.runner import run
from armstrace.store import Store

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Ingest speed"
STATES = ["France", "Germany", "Poland", "Ukraine", "Spain", "Italy", "Norway", "Finland",
          "Russia", "Iran", "Japan", "India"]
ITEMS = ["shells", "drones", "tanks", "missiles", "rifles", "aircraft"]


def standin_corpus(folder: Path) -> None:
    """30 short news-style texts, used when the demo corpus is absent."""
    for i in range(30):
        s, r = STATES[i % 12], STATES[(i * 5 + 1) % 12]
        (folder / f"standin-{i:02d}.txt").write_text(
            f"Title: Wire report {i}\nDate: 2023-{i % 12 + 1:02d}-15\n\n"
            f"{s} sent {ITEMS[i % 6]} to {r}, officials said on Tuesday. The shipment followed "
            f"months of talks between the two governments. Analysts said further deliveries "
            f"were likely. {r} declined to comment on the size of the order.\n")


def make_copies(corpus: Path, out: Path, copies: int) -> None:
    """``copies`` distinct copies of every file under ``corpus`` (README files left out)."""
    files = [p for p in sorted(corpus.rglob("*")) if p.is_file()
             and p.name.lower() not in ("readme.md", "readme.txt")]
    for k in range(copies):
        for path in files:
            target = out / f"copy{k:03d}" / path.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = path.read_bytes()
            target.write_bytes(re.sub(rb"\. (?=[A-Z])", f". (c{k}) ".encode(), data))


def timed(label: str, action) -> dict:
    started = time.perf_counter()
    documents, new = action()
    seconds = time.perf_counter() - started
    return {"step": label, "documents": documents, "new": new, "seconds": seconds,
            "rate": documents / seconds if seconds else 0.0}


def measure(folder: Path, work: Path) -> list[dict]:
    def parse_only():
        n = sum(isinstance(item, Document) for item in read([folder]))
        return n, n

    def ingest_only():
        with Store(work / "ingest.db") as store:
            result = run([folder], store, extract=False)
        return result.documents, result.new_documents

    def run_minimal():
        with Store(work / "run.db") as store:
            result = run([folder], store, get_extractor("minimal"))
        return result.documents, result.new_documents

    return [timed("parse only (read)", parse_only), timed("ingest (read + store)", ingest_only),
            timed("run --extractor minimal", run_minimal)]


def report(rows: list[dict], corpus_label: str, copies: int, command: str) -> str:
    lines = [SECTION, "",
             f"- date: {date.today().isoformat()}",
             f"- machine: {os.cpu_count()} CPUs (nproc), Python {platform.python_version()}, "
             f"{platform.system()} {platform.machine()}; SQLite file store (WAL)",
             f"- corpus: {corpus_label} x {copies} (each copy made distinct)",
             f"- command: `{command}`", "",
             "| step | documents | new | seconds | documents/s |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {r['step']} | {r['documents']} | {r['new']} | {r['seconds']:.1f} | "
              f"{r['rate']:.0f} |" for r in rows]
    return "\n".join(lines) + "\n"


def write_section(text: str) -> None:
    """Replace this benchmark's section of RESULTS.md (or append it), keeping the others."""
    old = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    new = pattern.sub(lambda _m: text + "\n", old) if pattern.search(old) \
        else old.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(new)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=ROOT / "examples" / "corpus")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    command = "python bench/ingest_speed.py " + " ".join(sys.argv[1:])
    work = Path(tempfile.mkdtemp(prefix="armstrace-bench-"))
    try:
        corpus, label = args.corpus, "demo corpus (examples/corpus)"
        if not corpus.is_dir():
            corpus, label = work / "standin", "STAND-IN: 30 generated news-style texts"
            corpus.mkdir()
            standin_corpus(corpus)
        make_copies(corpus, work / "copies", args.copies)
        rows = measure(work / "copies", work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = report(rows, label, args.copies, command.strip())
    print(text)
    if not args.no_write:
        write_section(text)


if __name__ == "__main__":
    main()
