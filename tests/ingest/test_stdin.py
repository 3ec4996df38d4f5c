"""Standard input through the installed program: ``armstrace run - --db ...`` with a pipe."""
from __future__ import annotations

import subprocess

import pytest

from armstrace.store import ClaimFilter, Store, claims, documents
from conftest import ARMSTRACE

PLAIN = b"Iran supplied drones to Russia, officials said.\nA second line of plain text.\n"
JSONL = (b'{"text": "Poland sent tanks to Ukraine.", "date": "2023-02-01", "source": "Wire"}\n'
         b'{"text": "A line with no claim and no date."}\n')


def run_piped(payload: bytes, db: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ARMSTRACE), "run", "-", "--db", db, "--quiet",
                           "--extractor", "minimal"], input=payload,
                          capture_output=True, timeout=60)


@pytest.mark.parametrize("payload, expected", [
    (PLAIN, [("<stdin>", None)]),
    (JSONL, [("<stdin>:1", "2023-02-01"), ("<stdin>:2", None)]),
], ids=["plain", "jsonl"])
def test_run_reads_standard_input(payload, expected, tmp_db):
    proc = run_piped(payload, tmp_db)
    assert proc.returncode == 0, proc.stderr.decode()
    with Store(tmp_db) as store:
        docs = documents(store)
        assert sorted((d["origin"], d["date"]) for d in docs) == sorted(expected)
        assert len(claims(store, ClaimFilter(type="transfer"))) == 1
