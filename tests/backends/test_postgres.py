"""PostgreSQL with several writers: two `armstrace run` processes over overlapping inputs
give the knowledge base one process gives; migrations and merging take turns."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import text

from armstrace.store import Store
from armstrace.store.migrations import STEPS
from armstrace.store.postgres import MERGE_LOCK, exclusive, lock_key

from .kb_snapshot import snapshot

ARMSTRACE = Path(sys.executable).with_name("armstrace")
PAIRS = [("Germany", "Ukraine"), ("France", "India"), ("Russia", "Iran"), ("China", "Pakistan")]
ITEMS = ["tanks", "drones", "missiles"]


def _corpus(path: Path, numbers: range) -> Path:
    """Documents with one transfer sentence each, all in 2024 (numbered, so distinct)."""
    with open(path, "w") as fh:
        for n in numbers:
            supplier, recipient = PAIRS[n % len(PAIRS)]
            body = f"{supplier} delivered {ITEMS[n % len(ITEMS)]} to {recipient}. Report {n}."
            fh.write(json.dumps({"text": body, "date": f"2024-{n % 9 + 1:02d}-1{n % 10}",
                                 "source": f"Outlet {n % 5}"}) + "\n")
    return path


def _run(url: str, *paths: Path) -> subprocess.Popen:
    return subprocess.Popen([str(ARMSTRACE), "run", *map(str, paths), "--db", url,
                             "--extractor", "minimal", "-q"], stderr=subprocess.PIPE, text=True)


def test_two_concurrent_writers_give_the_knowledge_base_of_one(pg_server, tmp_path):
    shared = _corpus(tmp_path / "shared.jsonl", range(0, 250))
    only_a = _corpus(tmp_path / "a.jsonl", range(250, 275))
    only_b = _corpus(tmp_path / "b.jsonl", range(275, 300))
    one, two = pg_server.create_database("kb_one"), pg_server.create_database("kb_two")
    assert _run(one, shared, only_a, only_b).wait(timeout=300) == 0
    writers = [_run(two, shared, only_a), _run(two, only_b, shared)]
    for writer in writers:
        assert writer.wait(timeout=300) == 0, writer.stderr.read()
    single, pair = snapshot(one), snapshot(two)
    assert single["counts"] == pair["counts"] and single["counts"]["documents"] == 300
    assert len(single["claims"]) == single["counts"]["claims"] == 300
    assert pair["claims"] == single["claims"]
    assert len(single["events"]) == len(PAIRS) * len(ITEMS)
    # the representative claim is chosen by content, not by the order writers stored in
    assert sorted(pair["events"]) == sorted(single["events"])
    assert _without_best(pair["events"])       # every event has its best quote
    with Store(two) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM processed")).scalar() == 300
        assert conn.execute(text("SELECT count(*) FROM event_claims")).scalar() == 300


def _without_best(events: list[str]) -> list[str]:
    """Events without their representative claim (best_document, best_quote)."""
    out = []
    for event in map(json.loads, events):
        assert event.pop("best_document") and event.pop("best_quote")
        out.append(json.dumps(event, sort_keys=True))
    return sorted(out)


def test_stores_opened_at_once_migrate_one_at_a_time(pg_url):
    versions, failures = [], []

    def open_store() -> None:
        try:
            with Store(pg_url) as store:
                versions.append(store.schema_version)
        except Exception as exc:        # noqa: BLE001  (reported by the assert below)
            failures.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == [] and versions == [STEPS[-1][0]] * 4


def test_merge_lock_keeps_other_sessions_out_while_held(pg_url):
    with Store(pg_url) as store, store.engine.connect() as other:
        def try_lock() -> bool:
            got = other.execute(text("SELECT pg_try_advisory_lock(:k)"),
                                {"k": lock_key(MERGE_LOCK)}).scalar()
            if got:
                other.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": lock_key(MERGE_LOCK)})
            return got
        with exclusive(store.engine, MERGE_LOCK):
            assert try_lock() is False
        assert try_lock() is True
