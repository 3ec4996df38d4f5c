"""Bulk loading of Parquet partitions on both engines (COPY on PostgreSQL, executemany
on SQLite): the same knowledge base as Store.add, nothing stored twice."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from armstrace.batch.partitions import plan
from armstrace.batch.worker import extract_partition
from armstrace.ingest import Document
from armstrace.ontology import Evidence, validate
from armstrace.runner import run
from armstrace.store import Store
from armstrace.store.bulk import load_folder, part_path
from armstrace.store.events import merge_new_claims
from tests.backends.kb_snapshot import snapshot

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _extract_here(tmp_path: Path, paths, size: int = 7) -> Path:
    out = tmp_path / "parts"
    for part in plan(paths, size):
        extract_partition(part, "minimal", str(out))
    return out


def test_bulk_load_equals_store_add_and_loading_twice_adds_nothing(store_url, tmp_path,
                                                                  fixtures):
    paths = [CORPUS, fixtures / "docs.jsonl", fixtures / "missing.txt"]
    out = _extract_here(tmp_path, paths)
    reference = str(tmp_path / "ref.db")
    with Store(reference) as store:
        expected = run(paths, store, _minimal())
    with Store(store_url) as store:
        counts = load_folder(store, out, run_id=store.start_run("minimal", "0.1"))
        merge_new_claims(store)
        assert (counts.documents, counts.claims) == (expected.new_documents, expected.claims)
        assert counts.errors == len(expected.errors) == 1
        again = load_folder(store, out)
        assert (again.documents, again.claims) == (0, 0)
        assert store.errors()[0]["input"].endswith("missing.txt")
    mine, theirs = snapshot(store_url), snapshot(reference)
    assert mine["claims"] == theirs["claims"] and mine["events"] == theirs["events"]
    assert mine["counts"]["documents"] == theirs["counts"]["documents"]
    assert mine["counts"]["errors"] == 2 * theirs["counts"]["errors"]   # loaded twice


def test_a_document_already_processed_keeps_its_claims(store_url, tmp_path):
    doc = Document("Germany delivered tanks to Ukraine.", source="Desk")
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"text": doc.text, "source": "Desk"}) + "\n")
    out = _extract_here(tmp_path, [corpus])
    assert pq.read_table(part_path(out, "claims", 0)).num_rows == 1
    earlier = validate({"type": "transfer", "supplier": "DEU", "recipient": "UKR",
                        "item": "armour", "stage": "agreed"})
    earlier.evidence = Evidence(0, 7, doc.text[:7], doc.id)
    with Store(store_url) as store:
        assert store.add(doc, [earlier], "minimal", "0.1") == 1
        counts = load_folder(store, out)
        assert (counts.documents, counts.claims) == (0, 0)
        assert store.counts()["claims"] == 1


def test_parquet_partitions_have_typed_columns(tmp_path):
    out = _extract_here(tmp_path, [CORPUS / "reports.jsonl"], size=100)
    claims = pq.read_table(part_path(out, "claims", 0))
    docs = pq.read_table(part_path(out, "documents", 0))
    assert str(claims.schema.field("tech").type) == "bool"
    assert str(claims.schema.field("ev_start").type) == "int64"
    assert set(docs.column("extractor_version").to_pylist()) == {"0.1"}
    assert docs.num_rows == 8 and claims.num_rows > 0


def _minimal():
    from armstrace.extract import get_extractor
    return get_extractor("minimal")


def test_a_large_sqlite_load_rebuilds_indexes_in_one_transaction(tmp_path, fixtures,
                                                                 monkeypatch):
    """Above REBUILD_AT claims, SQLite drops the secondary indexes, loads, and builds them
    again, all in one transaction: the same knowledge base, the indexes back."""
    import armstrace.store.bulk_sqlite as bulk
    from sqlalchemy import text
    paths = [CORPUS, fixtures / "docs.jsonl"]
    out = _extract_here(tmp_path, paths)
    normal, rebuilt = str(tmp_path / "normal.db"), str(tmp_path / "rebuilt.db")
    with Store(normal) as store:
        expected = load_folder(store, out)
    monkeypatch.setattr(bulk, "REBUILD_AT", 0)
    with Store(rebuilt) as store:
        counts = load_folder(store, out)
        with store.engine.connect() as conn:
            names = {r[0] for r in conn.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims'"))}
    assert (counts.documents, counts.claims) == (expected.documents, expected.claims) != (0, 0)
    assert {ix.name for ix in bulk.schema.claims.indexes} <= names
    assert snapshot(rebuilt)["claims"] == snapshot(normal)["claims"]
