"""SIGKILL mid-batch: the store stays whole, no half-written document, a rerun completes it."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from armstrace.extract import get_extractor
from armstrace.ingest import Document, read
from armstrace.store import Store
from armstrace.store.rows import fingerprint
from conftest import ARMSTRACE

N_DOCS = 1500          # about five seconds of work for the minimal extractor
KILL_AFTER = 200          # documents stored before the kill
STATES = ["France", "Germany", "Poland", "Ukraine", "Spain", "Italy", "Norway", "Finland"]
ITEMS = ["shells", "drones", "tanks", "missiles", "rifles"]


def write_corpus(path: Path) -> None:
    with open(path, "w") as out:
        for i in range(N_DOCS):
            supplier, recipient = STATES[i % 8], STATES[(i * 3 + 1) % 8]
            text = (f"Bulletin {i}. {supplier} sent {ITEMS[i % 5]} to {recipient} in lot {i}. "
                    f"{recipient} delivered rifles to {supplier} in return. Nothing else.")
            out.write(json.dumps({"text": text, "date": f"2023-01-{i % 28 + 1:02d}"}) + "\n")


def expected_counts(corpus: Path) -> tuple[int, int]:
    """What one clean run stores: distinct documents and distinct claims per document."""
    minimal = get_extractor("minimal")
    docs = {d.id: d for d in read([corpus]) if isinstance(d, Document)}
    claims = {fingerprint(r, d.id, minimal.version) for d in docs.values()
              for r in minimal.extract(d)}
    return len(docs), len(claims)


def stored_documents(db: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:      # not created yet, or busy
        return 0


def run_cli(corpus: Path, db: str, **kw):
    args = [str(ARMSTRACE), "run", str(corpus), "--db", db, "--quiet", "--extractor", "minimal"]
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def kill_mid_batch(corpus: Path, db: str) -> int:
    proc = run_cli(corpus, db)
    deadline = time.monotonic() + 60
    while stored_documents(db) < KILL_AFTER:
        assert proc.poll() is None, "the batch ended before it could be killed; grow N_DOCS"
        assert time.monotonic() < deadline, "no progress within 60 s"
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    return stored_documents(db)


def check_whole(db: str) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        partial = conn.execute(
            "SELECT p.document_id, p.claims, count(c.id) FROM processed p "
            "LEFT JOIN claims c ON c.document_id = p.document_id "
            "AND c.extractor_version = p.extractor_version "
            "GROUP BY p.document_id, p.extractor_version HAVING count(c.id) != p.claims").fetchall()
        assert partial == [], "half-written documents"
        orphans = conn.execute("SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM "
                               "processed p WHERE p.document_id = c.document_id)").fetchone()[0]
        assert orphans == 0


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_completes_without_duplicates(tmp_path, tmp_db):
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus)
    stored_at_kill = kill_mid_batch(corpus, tmp_db)
    assert KILL_AFTER <= stored_at_kill < N_DOCS
    check_whole(tmp_db)
    with Store(tmp_db) as store:
        assert store.counts()["documents"] >= stored_at_kill

    rerun = run_cli(corpus, tmp_db)
    _out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err.decode()
    check_whole(tmp_db)
    docs, claims = expected_counts(corpus)
    assert docs == N_DOCS and claims > N_DOCS
    with Store(tmp_db) as store:
        counts = store.counts()
        assert (counts["documents"], counts["claims"]) == (docs, claims)
