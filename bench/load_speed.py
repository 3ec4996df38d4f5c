"""Bulk load and event queries at scale, on SQLite and PostgreSQL.

    .venv/bin/python bench/load_speed.py --claims 1000000 [--pg-url URL] [--append]

Synthetic claims (about five per document, realistic actor skew) are written as the
Parquet partitions batch workers write, then for each engine: ``load_folder`` into a
fresh database (claims/s to commit: COPY on PostgreSQL; on SQLite, Arrow-bound staging
files moved in by SQL, with the WAL checkpoint after it timed on its own), event merging
(timed, for the record), then typical event queries (limit 50 as the CLI): p50 and
p95 in ms. Without ``--pg-url`` a throwaway PostgreSQL server is started (the tests'
helper, fsync on) and stopped afterwards.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import text

from timing import latencies_ms, machine as describe_machine, p50_p95  # noqa: E402  (bench/ helper)
from armstrace.ontology import ontology
from armstrace.store import Store
from armstrace.store.bulk import load_folder, write_partition
from armstrace.store.events import EventFilter, events, merge_new_claims

REPO = Path(__file__).resolve().parents[1]
ACTORS = ["RUS", "CHN", "USA", "UKR", "PRK", "IRN", "IND", "TUR", "FRA", "DEU", "GBR", "ISR",
          "SAU", "ARE", "EGY", "PAK", "BLR", "SYR", "KOR", "JPN", "TWN", "POL", "ITA", "ESP",
          "BRA", "DZA", "VNM", "MMR", "SDN", "NATO", "EU", "AUS", "CAN", "NLD", "SWE", "NOR",
          "GRC", "QAT", "IRQ", "AFG", "ETH", "NGA", "KAZ", "SRB", "ARM", "AZE"]
TYPES = {"transfer": 70, "exercise": 10, "agreement": 8, "sanction": 6, "meeting": 6}
WORDS = [f"{a}{b}{c}" for a in "bdfgklmnprstvz" for b in "aeiou" for c in "nrst"]


def actor(rng: random.Random) -> str:
    return ACTORS[min(int(rng.paretovariate(1.2)) - 1, len(ACTORS) - 1)]


def claim(rng: random.Random, i: int, doc_id: str, doc_date: str) -> dict:
    rtype = rng.choices(list(TYPES), list(TYPES.values()))[0]
    a, b = actor(rng), actor(rng)
    b = b if b != a else rng.choice([x for x in ACTORS if x != a])
    row = {"type": rtype, "document_id": doc_id, "extractor": "synthetic",
           "extractor_version": "s1", "stage": rng.choice(ontology().codes("stage")),
           "assertion": rng.choice(ontology().codes("assertion")), "tech": False,
           "date": doc_date[:7] if rng.random() < 0.3 else None, "ev_start": 0, "ev_end": 40,
           "quote": f"claim {i}: " + " ".join(rng.choices(WORDS, k=8)),
           "fingerprint": hashlib.sha1(f"synthetic {i}".encode()).hexdigest()}
    if rtype == "transfer":
        row.update(supplier=a, recipient=b, item=rng.choice(ontology().codes("item")))
    elif rtype == "sanction":
        row.update(imposer=a, target=b)
    else:
        row["participants" if rtype != "agreement" else "parties"] = ",".join(sorted({a, b}))
    return row


def generate(folder: Path, n_claims: int, per_part: int, seed: int = 1) -> None:
    rng, first = random.Random(seed), date(2015, 1, 1).toordinal()
    for index, start in enumerate(range(0, n_claims, per_part)):
        docs, claims = [], []
        for i in range(start, min(n_claims, start + per_part)):
            if i % 5 == 0 or not docs:
                doc_date = date.fromordinal(first + rng.randrange(3650)).isoformat()
                docs.append({"id": f"d{i:031d}", "date": doc_date,
                             "text": f"Synthetic report {i}. " + " ".join(rng.choices(WORDS, k=60)),
                             "source": f"Outlet {rng.randrange(300)}", "extractor": "synthetic",
                             "extractor_version": "s1"})
            claims.append(claim(rng, i, docs[-1]["id"], docs[-1]["date"]))
        write_partition(folder, index, docs, claims, [])


def filters(rng: random.Random) -> dict:
    items = ontology().codes("item")
    return {
        "actor": lambda: EventFilter(actor=actor(rng), limit=50),
        "actor+role": lambda: EventFilter(actor=actor(rng), role="recipient", limit=50),
        "type+item": lambda: EventFilter(type="transfer", item=rng.choice(items), limit=50),
        "supplier+item+stage": lambda: EventFilter(actor=actor(rng), role="supplier",
                                                   item="ammunition", stage="delivered", limit=50),
        "date range": lambda: EventFilter(date_from=f"{rng.randrange(2015, 2025)}-01-01",
                                          date_to=f"{rng.randrange(2015, 2025)}-12-31", limit=50),
        "min sources 3": lambda: EventFilter(min_sources=3, limit=50),
        "min confidence": lambda: EventFilter(min_confidence=0.8, type="transfer", limit=50),
    }


def time_queries(store: Store, repeat: int) -> tuple[dict, float]:
    rng, out, every = random.Random(7), {}, []
    for name, make in filters(rng).items():
        times = latencies_ms(lambda f: events(store, f), make, repeat)
        every += times
        out[name] = p50_p95(times)
    return out, p50_p95(sorted(every))[1]


def bench(engine: str, url: str, folder: Path, n_claims: int, repeat: int) -> dict:
    with Store(url) as store:
        t = time.perf_counter()
        counts = load_folder(store, folder)
        load = time.perf_counter() - t
        checkpoint = _checkpoint(store) if engine == "sqlite" else 0.0
        t = time.perf_counter()
        merged = merge_new_claims(store)
        merge = time.perf_counter() - t
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        queries, p95_all = time_queries(store, repeat)
    assert counts.claims == n_claims, counts
    return {"engine": engine, "load_s": load, "rate": n_claims / load, "merge_s": merge,
            "checkpoint_s": checkpoint, "rate_checkpointed": n_claims / (load + checkpoint),
            "events": merged["events_created"], "queries": queries, "p95_all": p95_all}


def _checkpoint(store: Store) -> float:
    """Seconds to copy the load's WAL pages into the database file (SQLite does this at
    the next checkpoint after the load; timed here so that the figure is on record)."""
    t = time.perf_counter()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    return time.perf_counter() - t


def report(r: dict, n_claims: int) -> str:
    then = (f" (then the WAL checkpoint, {r['checkpoint_s']:.1f} s: "
            f"{r['rate_checkpointed']:,.0f} claims/s counting it)" if r["checkpoint_s"] else "")
    lines = [f"**{r['engine']}**: {n_claims:,} claims bulk-loaded and committed in "
             f"{r['load_s']:.1f} s (**{r['rate']:,.0f} claims/s**){then}; merged into "
             f"{r['events']:,} events in "
             f"{r['merge_s']:.1f} s; event queries p95 over all filters "
             f"**{r['p95_all']:.1f} ms**", "", "| query | p50 ms | p95 ms |", "|---|---:|---:|"]
    lines += [f"| {name} | {p50:.1f} | {p95:.1f} |" for name, (p50, p95) in r["queries"].items()]
    return "\n".join(lines)


def pg_database(args, stack: list) -> str:
    if args.pg_url:
        return args.pg_url
    sys.path.insert(0, str(REPO / "tests"))
    from pg_server import PgServer, find_bindir
    bindir = find_bindir()
    if bindir is None:
        raise SystemExit("no PostgreSQL server binaries (initdb); install `postgresql` or "
                         "give --pg-url")
    server = PgServer(bindir)
    stack.append(server)
    server.start(durable=True)
    return server.create_database("bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--partition", type=int, default=100_000, help="claims per partition")
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (default: start one)")
    parser.add_argument("--repeat", type=int, default=100, help="queries per filter")
    parser.add_argument("--append", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    command = "python bench/load_speed.py " + " ".join(sys.argv[1:])
    machine = describe_machine(with_sqlite=True)
    work = Path(tempfile.mkdtemp(prefix="load-bench-"))
    t = time.perf_counter()
    generate(work / "parts", args.claims, args.partition)
    print(f"generated {args.claims:,} claims as Parquet in {time.perf_counter() - t:.1f} s",
          flush=True)
    blocks, servers = [], []
    try:
        for engine in args.engines:
            url = str(work / "kb.db") if engine == "sqlite" else pg_database(args, servers)
            block = report(bench(engine, url, work / "parts", args.claims, args.repeat),
                           args.claims)
            print(block + "\n", flush=True)
            blocks.append(block)
    finally:
        for server in servers:
            server.stop()
    print(f"command: {command}\nmachine: {machine}")
    if args.append:
        with open(REPO / "bench" / "RESULTS.md", "a", encoding="utf-8") as fh:
            fh.write(f"\n## Bulk load and event queries, SQLite and PostgreSQL "
                     f"({date.today().isoformat()})\n\nMachine: {machine}  \nCommand: "
                     f"`{command}`  \nPostgreSQL 15, a fresh local server with default settings "
                     "(fsync on, shared_buffers 128 MB).\n\n" + "\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    main()
