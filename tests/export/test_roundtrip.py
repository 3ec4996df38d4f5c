"""JSON export -> ``armstrace import`` into a new database -> JSON export: the same bytes."""
from __future__ import annotations

import json

from armstrace.store import Store


def said(result) -> str:
    """stderr with Rich's line wrapping undone."""
    return " ".join(result.stderr.split())
from armstrace.store.events import events


def test_json_round_trip_gives_an_identical_knowledge_base(cli, kb, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    new_db = tmp_path / "copy.db"
    assert cli("export", "--format", "json", "--db", kb.url, "--out", first).exit_code == 0
    done = cli("import", first, "--db", new_db)
    assert done.exit_code == 0, done.stderr
    assert "5 documents" in done.stdout and "9 claims" in done.stdout
    assert cli("export", "--format", "json", "--db", new_db, "--out", second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with Store(new_db) as copy:
        assert [e.to_dict() for e in events(copy)] == [e.to_dict() for e in events(kb)]
    tables = json.loads(first.read_text())["tables"]
    assert len(tables["events"]) == 8 and len(tables["event_claims"]) == 9


def test_import_refuses_a_database_that_is_not_empty(cli, kb, tmp_path):
    dump = tmp_path / "kb.json"
    cli("export", "--format", "json", "--db", kb.url, "--out", dump)
    refused = cli("import", dump, "--db", kb.url)
    assert refused.exit_code == 1
    assert "already holds 5 documents" in said(refused) and "new database" in said(refused)


def test_import_refuses_what_is_not_an_export(cli, tmp_path):
    wrong = tmp_path / "other.json"
    wrong.write_text('{"hello": 1}')
    refused = cli("import", wrong, "--db", tmp_path / "new.db")
    assert refused.exit_code == 1 and "not an armstrace export" in said(refused)
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    assert "not valid JSON" in said(cli("import", broken, "--db", tmp_path / "n2.db"))
