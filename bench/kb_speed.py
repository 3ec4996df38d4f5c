"""Knowledge-base speed: merge throughput and event-query latency on synthetic claims.

    .venv/bin/python bench/kb_speed.py --sizes 10000 100000 1000000 [--append]

For each size: a fresh SQLite database gets synthetic documents and claims (bulk
``executemany`` in large transactions, not through the extractor), then
``merge_new_claims`` is timed (claims/s), then a 1% increment is merged, then typical
event queries (``events(store, EventFilter(...))``, limit 50 as the CLI) are timed:
p50 and p95 in milliseconds. ``--append`` adds the figures to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

from timing import latencies_ms, machine as describe_machine, p50_p95  # noqa: E402  (bench/ helper)
from armstrace.ontology import ontology
from armstrace.store import Store
from armstrace.store.events import EventFilter, events, merge_new_claims

ACTORS = ["RUS", "CHN", "USA", "UKR", "PRK", "IRN", "IND", "TUR", "FRA", "DEU", "GBR", "ISR",
          "SAU", "ARE", "EGY", "PAK", "BLR", "SYR", "KOR", "JPN", "TWN", "POL", "ITA", "ESP",
          "BRA", "DZA", "VNM", "MMR", "SDN", "HOUTHIS", "HEZBOLLAH", "WAGNER", "NATO", "EU",
          "UN", "AUS", "CAN", "NLD", "SWE", "NOR", "GRC", "QAT", "IRQ", "AFG", "ETH", "NGA",
          "KAZ", "SRB", "ARM", "AZE"]
TYPES = [("transfer", 70), ("exercise", 10), ("agreement", 8), ("sanction", 6), ("meeting", 6)]
PUBLISHERS = [f"Outlet {i}" for i in range(300)]
# A vocabulary large enough that two synthetic reports are not near-identical texts
# (a tiny one makes every document a "reprint" of every other: one source per event).
WORDS = [f"{a}{b}{c}" for a in "bdfgklmnprstvz" for b in "aeiou" for c in ("n", "r", "s", "t", "la")]


def actor(rng: random.Random) -> str:
    return ACTORS[min(int(rng.paretovariate(1.2)) - 1, len(ACTORS) - 1)]


def claim_row(rng, i, doc_id, doc_date, lists) -> tuple:
    rtype = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
    a, b = actor(rng), actor(rng)
    while b == a:
        b = rng.choice(ACTORS)
    cols = dict(supplier=None, recipient=None, item=None, participants=None, parties=None,
                imposer=None, target=None)
    if rtype == "transfer":
        cols.update(supplier=a, recipient=b, item=rng.choice(lists["item"]))
    elif rtype == "sanction":
        cols.update(imposer=a, target=b)
    else:
        cols["participants" if rtype != "agreement" else "parties"] = ",".join(sorted({a, b}))
    claim_date = doc_date[:7] if rng.random() < 0.3 else None
    return (f"fp{i}", doc_id, "synthetic", "s1", rtype, *cols.values(),
            rng.choice(lists["stage"]), rng.choice(lists["assertion"]), claim_date,
            0, 40, f"claim {i}: " + " ".join(rng.choices(WORDS, k=8)))


def fill(store: Store, n_claims: int, start: int, seed: int) -> None:
    """n_claims synthetic claims in documents of about five claims each."""
    rng, lists = random.Random(seed), {k: ontology().codes(k) for k in ("item", "stage", "assertion")}
    now, first = datetime.now(timezone.utc), date(2015, 1, 1).toordinal()
    docs, claims, processed = [], [], []
    for i in range(start, start + n_claims):
        if i % 5 == 0 or not docs:
            doc_id = f"d{i:031d}"
            doc_date = date.fromordinal(first + rng.randrange(3650)).isoformat()
            text = f"Synthetic report {i}. " + " ".join(rng.choices(WORDS, k=60))
            docs.append((doc_id, text, doc_date, rng.choice(PUBLISHERS), now))
            processed.append((doc_id, "s1", 5))
        claims.append(claim_row(rng, i, docs[-1][0], docs[-1][2], lists))
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO documents (id, text, date, source, ingested_at) "
                             "VALUES (?, ?, ?, ?, ?)", docs)
        conn.exec_driver_sql("INSERT INTO processed (document_id, extractor_version, claims) "
                             "VALUES (?, ?, ?)", processed)
        conn.exec_driver_sql(
            "INSERT INTO claims (fingerprint, document_id, extractor, extractor_version, type, "
            "supplier, recipient, item, participants, parties, imposer, target, stage, "
            "assertion, date, ev_start, ev_end, quote) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", claims)


def queries(rng: random.Random) -> dict[str, callable]:
    return {
        "actor": lambda: EventFilter(actor=actor(rng), limit=50),
        "actor+role": lambda: EventFilter(actor=actor(rng), role="recipient", limit=50),
        "type+item": lambda: EventFilter(type="transfer", item=rng.choice(ontology().codes("item")), limit=50),
        "supplier+item+stage": lambda: EventFilter(actor=actor(rng), role="supplier", item="ammunition",
                                                   stage="delivered", limit=50),
        "date range": lambda: EventFilter(date_from=f"{rng.randrange(2015, 2025)}-01-01",
                                          date_to=f"{rng.randrange(2015, 2025)}-12-31", limit=50),
        "min sources 3": lambda: EventFilter(min_sources=3, limit=50),
        "contested, actor": lambda: EventFilter(actor=actor(rng), assertion="contested", limit=50),
        "min confidence": lambda: EventFilter(min_confidence=0.8, type="transfer", limit=50),
    }


def time_queries(store: Store, repeat: int) -> dict[str, tuple[float, float]]:
    rng, out = random.Random(7), {}
    for name, make in queries(rng).items():
        out[name] = p50_p95(latencies_ms(lambda f: events(store, f), make, repeat))
    return out


def bench(size: int, folder: Path, repeat: int) -> dict:
    path = folder / f"kb-{size}.db"
    for p in folder.glob(f"kb-{size}.db*"):
        p.unlink()
    with Store(path) as store:
        t = time.perf_counter()
        fill(store, size, 0, seed=size)
        load = time.perf_counter() - t
        t = time.perf_counter()
        counts = merge_new_claims(store)
        merge = time.perf_counter() - t
        extra = max(size // 100, 1)
        fill(store, extra, size, seed=size + 1)
        t = time.perf_counter()
        merge_new_claims(store)
        increment = time.perf_counter() - t
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        return {"size": size, "load_s": load, "merge_s": merge, "events": counts["events_created"],
                "merge_rate": size / merge, "increment": extra, "increment_s": increment,
                "queries": time_queries(store, repeat)}


def report(r: dict) -> str:
    lines = [f"claims {r['size']:,}: loaded in {r['load_s']:.1f} s; merged in {r['merge_s']:.1f} s "
             f"({r['merge_rate']:,.0f} claims/s) into {r['events']:,} events; "
             f"+{r['increment']:,} claims merged in {r['increment_s']:.2f} s",
             "| query | p50 ms | p95 ms |", "|---|---|---|"]
    lines += [f"| {name} | {p50:.1f} | {p95:.1f} |" for name, (p50, p95) in r["queries"].items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=100, help="queries per filter")
    parser.add_argument("--dir", type=Path, default=None, help="where the databases go")
    parser.add_argument("--append", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    command = "python bench/kb_speed.py " + " ".join(sys.argv[1:])
    machine = describe_machine(with_sqlite=True)
    blocks = []
    for size in args.sizes:
        block = report(bench(size, folder, args.repeat))
        print(block + "\n", flush=True)
        blocks.append(block)
    if args.append:
        results = Path(__file__).with_name("RESULTS.md")
        head = "" if results.exists() else "# Benchmark results\n"
        with open(results, "a", encoding="utf-8") as fh:
            fh.write(f"{head}\n## Knowledge base: merge and event queries "
                     f"({date.today().isoformat()})\n\nMachine: {machine}  \nCommand: `{command}`"
                     "\n\n" + "\n\n".join(blocks) + "\n")


if __name__ == "__main__":
    main()
