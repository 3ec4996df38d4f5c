"""Batch extraction on a real Dask cluster (2 worker processes, 1 thread each): the
result equals the in-process run on both engines; a failing document is recorded; a
worker killed mid-partition has its partition retried."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from armstrace.batch import run_batch
from armstrace.runner import run
from armstrace.store import Store
from armstrace.store.bulk import load_folder

from tests.backends.kb_snapshot import snapshot
from .flaky_extractor import CRASH, crash_marker

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "examples" / "corpus"
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def client():
    """A local cluster of two worker processes; they import flaky_extractor from here."""
    distributed = pytest.importorskip("distributed")
    import dask
    with pytest.MonkeyPatch.context() as mp, \
            dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        mp.syspath_prepend(str(HERE))       # workers start with this process's sys.path
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as dask_client:
            yield dask_client


@pytest.fixture(scope="module")
def in_process(tmp_path_factory):
    """The demo corpus run in-process (runner.run) into SQLite: the reference."""
    url = str(tmp_path_factory.mktemp("reference") / "kb.db")
    with Store(url) as store:
        run([CORPUS], store)
    return snapshot(url)


def test_batch_equals_in_process_and_rerun_adds_nothing(store_url, client, in_process,
                                                         tmp_path):
    with Store(store_url) as store:
        result = run_batch([CORPUS], store, client, tmp_path / "out", partition_size=5)
        assert result.partitions >= 5 and len(result.worker_peak_rss_mb) == 2
        assert (result.documents, result.new_documents, result.errors) == (38, 38, [])
        assert result.claims == len(in_process["claims"]) > 0
        again = load_folder(store, tmp_path / "out")          # loading twice adds nothing
        assert (again.documents, again.claims, again.errors) == (0, 0, 0)
    assert snapshot(store_url) == in_process
    assert sorted(p.name for p in (tmp_path / "out" / "claims").iterdir())[0] == \
        "part-00000.parquet"


def test_failed_document_is_recorded_and_lost_worker_is_retried(client, tmp_path):
    token = os.urandom(6).hex()
    texts = ["Germany sent tanks.", "Poland sent shells.", "This one goes BOOM.",
             f"A worker dies here CRASH:{token}.", "France sent jets.", "Italy sent ships."]
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    db = str(tmp_path / "kb.db")
    try:
        with Store(db) as store:
            result = run_batch([corpus], store, client, tmp_path / "out",
                               extractor="flaky_extractor:FlakyExtractor", partition_size=2)
            assert crash_marker(CRASH.search(texts[3])[1]).exists()   # the worker did die
            assert [(e.input, e.problem) for e in result.errors] == [
                (f"{corpus}:3", "extraction failed: ValueError: the text says BOOM")]
            assert (result.documents, result.new_documents, result.claims) == (6, 5, 5)
            assert store.counts()["documents"] == 5
    finally:
        crash_marker(token).unlink(missing_ok=True)


def test_a_partition_that_keeps_killing_workers_is_recorded_and_the_rest_loaded(client,
                                                                               tmp_path):
    corpus = tmp_path / "docs.jsonl"
    texts = ["Germany sent tanks.", "DIE-ALWAYS here.", "France sent jets."]
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    with Store(str(tmp_path / "kb.db")) as store:
        result = run_batch([corpus], store, client, tmp_path / "out",
                           extractor="flaky_extractor:FlakyExtractor", partition_size=1)
        [error] = result.errors
        assert error.input.startswith(f"{corpus} (bytes ")
        assert "partition 1 failed" in error.problem and "KilledWorker" in error.problem
        assert store.counts()["documents"] == 2


def test_cli_batch_on_a_local_cluster(cli, tmp_path):
    db, out = str(tmp_path / "kb.db"), tmp_path / "parts"
    result = cli("batch", CORPUS, "--local", "1", "--db", db, "--out", out,
                 "--extractor", "minimal", "--partition-size", "10")
    assert result.exit_code == 0, result.stderr
    assert "38 documents read in" in result.stdout and "0 errors" in result.stdout
    reference = str(tmp_path / "ref.db")
    assert cli("run", CORPUS, "--db", reference, "--extractor", "minimal", "-q").exit_code == 0
    assert snapshot(db) == snapshot(reference)


@pytest.mark.parametrize("args, message", [
    ([], "either --cluster"), (["--local", "1", "--cluster", "tcp://127.0.0.1:1"], "either"),
    (["--local", "1", "--format", "pdf"], "unknown format 'pdf'")])
def test_cli_batch_usage_errors(cli, tmp_path, args, message):
    result = cli("batch", CORPUS, "--db", str(tmp_path / "kb.db"), *args)
    assert result.exit_code == 2 and message in " ".join(result.stderr.split())
