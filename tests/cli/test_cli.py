"""The CLI: exit codes (0 ok, 1 some input failed, 2 usage), show filters, JSON lines, errors."""
from __future__ import annotations

import json

import pytest

from armstrace.store import Store


@pytest.fixture
def loaded_db(fixtures, tmp_db, cli) -> str:
    """A database holding claims.jsonl, extracted by the minimal extractor."""
    result = cli("run", fixtures / "claims.jsonl", "--db", tmp_db, "--extractor", "minimal")
    assert result.exit_code == 0, result.output
    assert "4 documents read (4 new), 3 claims stored, 0 errors" in result.stdout
    return tmp_db


def show_json(cli, db: str, *filters: str) -> list[dict]:
    result = cli("show", "--db", db, "--json", *filters)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_exit_0_on_success_with_nothing_on_stderr_but_progress(loaded_db, cli, fixtures):
    result = cli("ingest", fixtures / "header.txt", "--db", loaded_db, "--quiet")
    assert result.exit_code == 0 and "error" not in result.stderr


def test_exit_1_when_some_input_failed_and_it_is_named(tmp_path, tmp_db, cli, fixtures):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("run", fixtures / "header.txt", tmp_path / "empty.txt", "--db", tmp_db,
                 "--extractor", "minimal")
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'empty.txt'}: empty input" in result.stderr
    assert "1 errors" in result.stdout
    with Store(tmp_db) as store:
        assert store.counts()["documents"] == 1


@pytest.mark.parametrize("args, complaint", [
    (["run", "x.txt", "--bogus"], "No such option"),
    (["run", "x.txt", "--format", "pdf"], "unknown format 'pdf'"),
    (["run", "x.txt", "--extractor", "oracle"], "unknown extractor 'oracle'"),
    (["show", "--item", "laser"], "unknown code 'laser'"),
    (["show", "--stage", "maybe"], "unknown code 'maybe'"),
    (["show", "--actor", "XXX"], "unknown code 'XXX'"),
    (["show", "--type", "parade"], "unknown type 'parade'"),
    (["run"], "Missing argument"),
], ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_exit_2_on_usage_errors(args, complaint, tmp_db, cli):
    result = cli(*args, "--db", tmp_db)
    assert result.exit_code == 2, result.output
    assert complaint in " ".join(result.stderr.replace("│", " ").split())   # boxed, wrapped


@pytest.mark.parametrize("filters, expected", [
    ([], {("RUS", "SYR", "ammunition"), ("IRN", "RUS", "uav"), ("FRA", "UKR", "armour")}),
    (["--actor", "RUS"], {("RUS", "SYR", "ammunition"), ("IRN", "RUS", "uav")}),
    (["--type", "transfer", "--item", "uav"], {("IRN", "RUS", "uav")}),
    (["--type", "exercise"], set()),
    (["--from", "2023-01-01"], {("RUS", "SYR", "ammunition"), ("FRA", "UKR", "armour")}),
    (["--to", "2022-12-31"], {("IRN", "RUS", "uav")}),
    (["--from", "2023-03", "--to", "2023-03"], {("RUS", "SYR", "ammunition")}),
    (["--actor", "UKR", "--stage", "delivered"], {("FRA", "UKR", "armour")}),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_show_filters(filters, expected, loaded_db, cli):
    rows = show_json(cli, loaded_db, *filters)
    assert {(r["supplier"], r["recipient"], r["item"]) for r in rows} == expected


def test_show_json_lines_carry_evidence_and_source(loaded_db, cli):
    rows = show_json(cli, loaded_db)
    assert len(rows) == 3
    with Store(loaded_db) as store:
        for row in rows:
            text = store.document(row["document_id"])["text"]
            ev = row["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["quote"] and ev["quote"]
            assert row["source"] in ("Desk A", "Desk B") and row["document_date"]
            assert (row["stage"], row["assertion"], row["extractor"]) == (
                "delivered", "asserted", "minimal")


def test_show_table_prints_quotes(loaded_db, cli):
    result = cli("show", "--db", loaded_db, "--actor", "IRN")
    assert result.exit_code == 0
    words = " ".join(result.stdout.replace("│", " ").split())   # the table wraps at 80 columns
    assert "1 claims" in words and "IRN → RUS" in words and "uav" in words
    assert "supplied drones" in words and "Desk B, 2022-09-01" in words


def test_show_documents(loaded_db, cli):
    result = cli("show", "documents", "--db", loaded_db, "--json")
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(d["title"] or "" for d in docs) == ["", "Drones", "Shells", "Tanks"]


def test_errors_lists_the_failures(tmp_path, tmp_db, cli):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok line"}\nnot json\n')
    assert cli("ingest", tmp_path, "--db", tmp_db, "-q").exit_code == 1
    listed = cli("errors", "--db", tmp_db, "--json")
    assert listed.exit_code == 0
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted((r["input"].rsplit("/", 1)[1], r["problem"].split(" (")[0]) for r in rows) == [
        ("bad.jsonl:2", "line is not valid JSON"), ("empty.txt", "empty input: no text to read")]
    table = cli("errors", "--db", tmp_db)
    assert "2 ingest errors" in table.stdout and "bad.jsonl:2" in table.stdout


def test_db_from_environment(fixtures, tmp_db, cli, monkeypatch):
    monkeypatch.setenv("ARMSTRACE_DB", tmp_db)
    assert cli("ingest", fixtures / "plain.txt", "-q").exit_code == 0
    with Store(tmp_db) as store:
        assert store.counts()["documents"] == 1
