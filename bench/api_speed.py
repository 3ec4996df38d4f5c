"""API speed: latency of the REST API's events endpoint on a 100k-claim knowledge base.

    .venv/bin/python bench/api_speed.py [--claims 100000] [--repeat 200] [--append]

A fresh SQLite database gets synthetic claims (bulk ``executemany``, as
``bench/kb_speed.py`` does), merged into events with ``merge_new_claims``; then
``armstrace``'s app is served by uvicorn in a separate process on loopback and one
client sends requests one after another (no concurrency): ``GET /events`` with the
filters analysts use (page of 50, with the total count), an event's evidence and the
page's network for one actor. Latency is wall time per request, p50 and p95 in ms.
``--append`` adds the figures to bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kb_speed import ACTORS, fill  # noqa: E402  (the same synthetic claims)

from timing import p50_p95  # noqa: E402  (bench/ helper)
from armstrace.ontology import ontology  # noqa: E402
from armstrace.store import Store  # noqa: E402
from armstrace.store.events import merge_new_claims  # noqa: E402

SERVER = ("import sys, uvicorn; from armstrace.present.api import create_app; "
          "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
          "log_level='warning')")


def build(path: Path, n_claims: int) -> dict:
    with Store(path) as store:
        t = time.perf_counter()
        fill(store, n_claims, 0, seed=n_claims)
        counts = merge_new_claims(store)
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
        return {"events": counts["events_created"], "build_s": time.perf_counter() - t}


def requests(rng: random.Random, event_ids: list[int]) -> dict[str, callable]:
    pick = lambda: ACTORS[min(int(rng.paretovariate(1.2)) - 1, len(ACTORS) - 1)]  # noqa: E731
    items = ontology().codes("item")
    return {
        "/events (first page)": lambda: ("/events", {"limit": 50}),
        "/events?actor": lambda: ("/events", {"actor": pick(), "limit": 50}),
        "/events?actor&role": lambda: ("/events", {"actor": pick(), "role": "recipient", "limit": 50}),
        "/events?type&item": lambda: ("/events", {"type": "transfer", "item": rng.choice(items), "limit": 50}),
        "/events?date range": lambda: ("/events", {"date_from": f"{rng.randrange(2015, 2025)}-01-01",
                                                   "date_to": f"{rng.randrange(2015, 2025)}-12-31", "limit": 50}),
        "/events?min_sources=3": lambda: ("/events", {"min_sources": 3, "limit": 50}),
        "/events?offset=1000": lambda: ("/events", {"limit": 50, "offset": 1000}),
        "/events/{id}/claims": lambda: (f"/events/{rng.choice(event_ids)}/claims", {}),
        "/network?actor (page)": lambda: ("/network", {"actor": pick()}),
    }


def measure(base: str, repeat: int) -> dict[str, tuple[float, float]]:
    rng, out = random.Random(11), {}
    with httpx.Client(base_url=base, timeout=120) as client:
        ids = [e["id"] for e in client.get("/events", params={"limit": 1000}).json()["items"]]
        for name, make in requests(rng, ids).items():
            times = []
            for _ in range(repeat if "network" not in name else max(repeat // 10, 5)):
                path, params = make()
                t = time.perf_counter()
                response = client.get(path, params=params)
                times.append((time.perf_counter() - t) * 1000)
                response.raise_for_status()
            out[name] = p50_p95(sorted(times))
    return out


def serve(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"the API server did not start on port {port}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=200, help="requests per kind")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--append", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    command = "python bench/api_speed.py " + " ".join(sys.argv[1:])
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs (load " \
              f"average at start {os.getloadavg()[0]:.1f}, shared with other jobs), Python " \
              f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    db = Path(tempfile.mkdtemp(prefix="api-bench-")) / "kb.db"
    built = build(db, args.claims)
    proc = serve(db, args.port)
    try:
        figures = measure(f"http://127.0.0.1:{args.port}", args.repeat)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    lines = [f"{args.claims:,} synthetic claims merged into {built['events']:,} events "
             f"(built in {built['build_s']:.0f} s); uvicorn, one process, one client in sequence, "
             f"{args.repeat} requests per row (network: a tenth)",
             "", "| request | p50 ms | p95 ms |", "|---|---:|---:|"]
    lines += [f"| `{name}` | {p50:.1f} | {p95:.1f} |" for name, (p50, p95) in figures.items()]
    block = "\n".join(lines)
    print(f"command: {command}\nmachine: {machine}\n\n{block}")
    if args.append:
        with open(Path(__file__).with_name("RESULTS.md"), "a", encoding="utf-8") as fh:
            fh.write(f"\n## REST API: events endpoint latency ({date.today().isoformat()})\n\n"
                     f"Machine: {machine}  \nCommand: `{command}`\n\n{block}\n")


if __name__ == "__main__":
    main()
