"""The store on both engines (``store_url``: SQLite, PostgreSQL): schema versions,
reopening, one transaction per document; and SQLite's WAL mode."""
from __future__ import annotations

import sqlite3

import pytest

from armstrace.ingest import Document
from armstrace.ontology import Evidence, validate
from armstrace.store import ClaimFilter, Store, claims, database_url, schema
from armstrace.store.migrations import STEPS, SchemaError

NEWEST = STEPS[-1][0]
DOC = Document("Germany delivered tanks to Ukraine. Italy and Spain held naval drills.",
               date="2023-02-01", source="Desk")


def transfer(**extra):
    record = validate({"type": "transfer", "supplier": "DEU", "recipient": "UKR",
                       "item": "armour", **extra})
    record.evidence = Evidence(0, 35, DOC.text[:35], DOC.id)
    return record


def drill():
    record = validate({"type": "exercise", "participants": ["ITA", "ESP"], "domain": "naval"})
    record.evidence = Evidence(36, 70, DOC.text[36:70], DOC.id)
    return record


def test_wal_mode_and_schema_version_recorded(tmp_db):
    with Store(tmp_db) as store:
        assert store.schema_version == NEWEST
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    raw = sqlite3.connect(tmp_db)
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"   # persistent in the file
    assert raw.execute("SELECT value FROM schema_info WHERE key='version'").fetchone() == (
        str(NEWEST),)
    raw.close()


def test_reopening_an_existing_database_keeps_its_data(store_url):
    with Store(store_url) as store:
        assert store.add(DOC, [transfer(), drill()], "test", "1") == 2
    for _ in range(2):
        with Store(store_url) as store:
            assert store.counts()["documents"] == 1 and store.counts()["claims"] == 2
            assert store.document(DOC.id)["text"] == DOC.text


def test_newer_schema_version_gives_a_clear_schema_error(store_url, cli):
    with Store(store_url) as store, store.engine.begin() as conn:
        conn.execute(schema.schema_info.update().where(schema.schema_info.c.key == "version")
                     .values(value=str(NEWEST + 5)))
    with pytest.raises(SchemaError, match=rf"version {NEWEST + 5} is newer .*upgrade armstrace"):
        Store(store_url)
    result = cli("show", "--db", store_url)
    assert result.exit_code == 2 and "upgrade armstrace" in " ".join(result.stderr.split())


def test_add_is_idempotent_per_document_and_version(store_url):
    with Store(store_url) as store:
        assert store.add(DOC, [transfer(), transfer(), drill()], "test", "1") == 2
        assert store.add(DOC, [transfer(stage="agreed")], "test", "1") == 0
        assert store.is_processed(DOC.id, "1") and not store.is_processed(DOC.id, "2")
        assert store.add(DOC, [transfer(stage="agreed")], "test", "2") == 1
        assert store.counts() == {"documents": 1, "claims": 3, "runs": 0, "errors": 0}


def test_failed_add_leaves_nothing_half_written(store_url):
    unstorable = transfer()
    unstorable.extra = {"note": object()}           # cannot be written to the JSON column
    with Store(store_url) as store:
        with pytest.raises(Exception):
            store.add(DOC, [drill(), unstorable], "test", "1")
        assert store.counts()["documents"] == 0 and store.counts()["claims"] == 0
        assert not store.is_processed(DOC.id, "1")


def test_claims_come_back_as_validated_records_with_evidence(store_url):
    with Store(store_url) as store:
        store.add(DOC, [transfer(tech=True, via=["POL", "CZE"]), drill()], "test", "1")
        [t] = claims(store, ClaimFilter(type="transfer"))
        assert (t["via"], t["tech"], "date" in t) == (["CZE", "POL"], True, False)
        assert t["evidence"]["quote"] == "Germany delivered tanks to Ukraine."
        [e] = claims(store, ClaimFilter(actor="ESP"))
        assert e["participants"] == ["ESP", "ITA"] and e["domain"] == "naval"
        assert claims(store, ClaimFilter(actor="FRA")) == []
        assert len(claims(store, ClaimFilter(actor="POL", role="via"))) == 1
        assert claims(store, ClaimFilter(actor="POL", role="supplier")) == []


@pytest.mark.parametrize("db, url", [
    ("kb.db", "sqlite:///kb.db"), ("sqlite:///x.db", "sqlite:///x.db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db")])
def test_database_url(db, url):
    assert database_url(db) == url


def test_errors_are_recorded_with_their_run(store_url):
    from armstrace.ingest import IngestError
    with Store(store_url) as store:
        run_id = store.start_run("test", "1")
        store.add_error(IngestError("a.txt", "empty input"), run_id)
        store.add_error(IngestError("b.txt", "binary data"))
        assert [(e["input"], e["run_id"]) for e in store.errors()] == [("a.txt", run_id),
                                                                        ("b.txt", None)]
        assert [e["input"] for e in store.errors(run_id)] == ["a.txt"]
