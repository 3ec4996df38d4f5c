"""Bulk loading when partitions are bad: an unreadable file, a claim whose document is
nowhere, a document twice in one partition. The bad partition is recorded as an ingest
error naming it, nothing of it is stored, and the rest of the load goes on, on both
engines and, on SQLite, on both paths (per partition, and one transaction that drops
and builds the indexes)."""
from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

import armstrace.store.bulk_sqlite as bulk_sqlite
from armstrace.store import Store, schema
from armstrace.store.bulk import load_folder, part_path, write_partition
from tests.backends.kb_snapshot import snapshot


def _doc(n: int) -> dict:
    return {"id": f"doc{n:029d}", "text": f"Report {n}: Germany delivered tanks to Ukraine.",
            "date": "2024-03-01", "source": "Desk", "extractor": "synthetic",
            "extractor_version": "s1"}


def _claim(doc: dict, k: int) -> dict:
    return {"fingerprint": hashlib.sha1(f"{doc['id']} {k}".encode()).hexdigest(),
            "document_id": doc["id"], "extractor": "synthetic", "extractor_version": "s1",
            "type": "transfer", "supplier": "DEU", "recipient": "UKR", "item": "armour",
            "stage": "delivered", "assertion": "asserted", "tech": False, "ev_start": 0,
            "ev_end": 9, "quote": doc["text"][:9]}


def _partition(folder, index: int, numbers: range, extra_docs=(), extra_claims=()) -> None:
    docs = [_doc(n) for n in numbers] + list(extra_docs)
    claims = [_claim(d, k) for d in docs[:len(numbers)] for k in range(2)] + list(extra_claims)
    write_partition(folder, index, docs, claims, [])


@pytest.fixture(params=["per partition", "rebuilding indexes"])
def path(request, monkeypatch):
    if request.param == "rebuilding indexes":
        monkeypatch.setattr(bulk_sqlite, "REBUILD_AT", 0)
    return request.param


def _stored_documents(url: str) -> set[str]:
    with Store(url) as store, store.engine.connect() as conn:
        return set(conn.execute(text("SELECT id FROM documents")).scalars())


def test_an_unreadable_partition_is_an_error_and_the_rest_loads(store_url, tmp_path, path):
    out = tmp_path / "parts"
    for index in range(3):
        _partition(out, index, range(index * 10, index * 10 + 10))
    part_path(out, "claims", 1).write_bytes(b"PAR1 this is not a parquet file")
    with Store(store_url) as store:
        counts = load_folder(store, out)
        errors = store.errors()
    assert (counts.documents, counts.claims, counts.errors) == (20, 40, 1)
    assert errors[0]["input"] == str(part_path(out, "claims", 1))
    assert "cannot read this partition file" in errors[0]["problem"]
    assert not any(d.startswith("doc0000000000000000000000001") for d in
                   _stored_documents(store_url))          # docs 10-19: none stored


def test_claims_of_a_document_that_is_nowhere_reject_their_partition(store_url, tmp_path,
                                                                     path):
    out = tmp_path / "parts"
    _partition(out, 0, range(0, 10))
    _partition(out, 1, range(10, 20), extra_claims=[_claim(_doc(99), 0)])
    later = {**_claim(_doc(5), 7), "extractor_version": "s2"}    # doc 5: stored by then
    _partition(out, 2, range(20, 30), extra_claims=[later])
    with Store(store_url) as store:
        counts = load_folder(store, out)
        errors = store.errors()
    assert (counts.claims, counts.errors) == (41, 1)
    assert errors[0]["input"] == str(part_path(out, "claims", 1))
    assert _doc(99)["id"] in errors[0]["problem"]             # the missing document named
    assert _stored_documents(store_url) == {_doc(n)["id"] for n in [*range(10), *range(20, 30)]}


def test_a_document_twice_in_a_partition_is_stored_once(store_url, tmp_path, path):
    out = tmp_path / "parts"
    _partition(out, 0, range(0, 10))
    earlier, here = _doc(3), _doc(15)      # in partition 0; in partition 1 already
    _partition(out, 1, range(10, 20), extra_docs=[earlier, here],
               extra_claims=[_claim(d, k) for d in (earlier, here) for k in range(2)])
    with Store(store_url) as store:
        counts = load_folder(store, out)
    assert (counts.documents, counts.claims, counts.errors) == (20, 40, 0)
    again = snapshot(store_url)
    assert again["counts"]["claims"] == 40 and again["counts"]["documents"] == 20


def test_the_loading_connection_is_given_back_as_it_was(tmp_path, path):
    out = tmp_path / "parts"
    _partition(out, 0, range(0, 10))
    with Store(tmp_path / "kb.db") as store:
        load_folder(store, out)
        idle = [store.engine.raw_connection() for _ in range(store.engine.pool.checkedin())]
        for conn in idle:
            db = conn.driver_connection
            assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
            assert {r[1] for r in db.execute("PRAGMA database_list")} <= {"main", "temp"}
            assert not db.in_transaction
            conn.close()
        names = {r[0] for r in store.engine.connect().execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims'"))}
    assert {ix.name for ix in schema.claims.indexes} <= names


def test_staging_that_fails_stops_the_load_with_the_store_as_it_was(tmp_path, monkeypatch):
    """The staging files cannot be written (here: their names are taken by folders):
    a clear error, and nothing of the load stored."""
    import contextlib
    out, staging = tmp_path / "parts", tmp_path / "staging"
    _partition(out, 0, range(0, 10))
    (staging / "staging-0.db").mkdir(parents=True)
    monkeypatch.setattr(bulk_sqlite.tempfile, "TemporaryDirectory",
                        lambda **_: contextlib.nullcontext(str(staging)))
    with Store(tmp_path / "kb.db") as store:
        with pytest.raises(bulk_sqlite.StagingError, match="nothing was stored"):
            load_folder(store, out)
        assert store.counts()["documents"] == store.counts()["claims"] == 0
