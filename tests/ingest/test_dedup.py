"""The same article read twice is one document; a second run adds nothing."""
from __future__ import annotations

import json

from armstrace.extract import get_extractor
from armstrace.ingest import Document, read
from armstrace.runner import run
from armstrace.store import Store

ARTICLE = "Germany delivered tanks to Ukraine.\nThe first vehicles arrived in March."


def test_same_text_with_other_whitespace_from_two_formats_is_one_document(tmp_path, tmp_db):
    (tmp_path / "a.txt").write_text("Title: Tanks\n\n" + ARTICLE + "\n")
    spaced = "  Germany   delivered tanks\tto Ukraine.\n\n\nThe first vehicles arrived in March.  "
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": spaced, "source": "Wire"}) + "\n")
    docs = list(read([tmp_path]))
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)
    assert docs[0].id == docs[1].id
    with Store(tmp_db) as store:
        result = run([tmp_path], store, get_extractor("minimal"))
        assert result.documents == 2 and result.new_documents == 1
        assert store.counts()["documents"] == 1
        assert store.counts()["claims"] == 1


def test_different_text_is_a_different_document():
    assert Document(ARTICLE).id != Document(ARTICLE.replace("March", "April")).id
    assert Document(ARTICLE).id != Document(ARTICLE.lower()).id   # case is kept


def test_second_run_adds_no_documents_and_no_claims(fixtures, tmp_db):
    minimal = get_extractor("minimal")
    with Store(tmp_db) as store:
        first = run([fixtures], store, minimal)
        counts = store.counts()
        second = run([fixtures], store, minimal)
        assert first.new_documents > 0 and first.claims > 0
        assert (second.new_documents, second.claims) == (0, 0)
        after = store.counts()
        assert (after["documents"], after["claims"]) == (counts["documents"], counts["claims"])
        assert after["runs"] == counts["runs"] + 1


def test_ingest_then_run_extracts_the_stored_documents(fixtures, tmp_db, monkeypatch):
    def no_backend():
        raise AssertionError("ingest-only must not load an extraction backend")
    monkeypatch.setattr("armstrace.runner.default_extractor", no_backend)
    with Store(tmp_db) as store:
        ingested = run([fixtures / "docs.jsonl"], store, extract=False)
        assert (ingested.new_documents, ingested.claims) == (2, 0)
        extracted = run([fixtures / "docs.jsonl"], store, get_extractor("minimal"))
        assert (extracted.new_documents, extracted.claims) == (2, 1)
        assert store.counts()["documents"] == 2
