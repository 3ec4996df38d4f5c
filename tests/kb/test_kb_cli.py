"""The CLI over the knowledge base: register, events, explain, compare, reextract."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import armstrace.extract
from armstrace.runner import run
from armstrace.store import Store
from armstrace.store.events import EventFilter, events
from .test_reextract import NewExtractor

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "sipri-small.csv"


@pytest.fixture(autouse=True)
def wide(monkeypatch):
    """Rich tables as wide as their content, so that cells are not folded."""
    monkeypatch.setenv("COLUMNS", "300")


@pytest.fixture
def loaded(cli, tmp_db):
    result = cli("register", SMALL, "--db", tmp_db)
    assert result.exit_code == 0, result.output
    return tmp_db


def test_register_reports_rows_and_unmapped(cli, loaded):
    result = cli("register", SMALL, "--db", loaded)
    assert "17 rows, 14 mapped, 3 unmapped, 0 claims stored (already loaded)" in result.stdout
    assert "sipri-small.csv:22: weapon description 'plasma projector'" in result.stderr


def test_register_rejects_other_files(cli, tmp_db, tmp_path):
    other = tmp_path / "x.csv"
    other.write_text("a,b\n")
    result = cli("register", other, "--db", tmp_db)
    assert result.exit_code == 1 and "Recipient,Supplier" in result.stderr


def test_events_json_csv_and_table(cli, loaded):
    lines = cli("events", "--db", loaded, "--actor", "UKR", "--json").stdout.splitlines()
    found = [json.loads(line) for line in lines]
    assert {e["keys"]["supplier"] for e in found} == {"USA", "DEU"}
    assert all(e["best_quote"] for e in found)
    rows = list(csv.DictReader(io.StringIO(cli("events", "--db", loaded, "--item", "uav",
                                               "--csv").stdout)))
    assert {r["who"] for r in rows} == {"IRN \u2192 RUS", "IRN \u2192 HOUTHIS"}
    table = cli("events", "--db", loaded, "--actor", "SYR").stdout
    assert "SUN \u2192 SYR" in table and "MiG-29" in table


def test_events_rejects_bad_codes(cli, loaded):
    result = cli("events", "--db", loaded, "--actor", "XXQ")
    assert result.exit_code == 2 and "unknown code" in result.output


def test_explain(cli, loaded):
    first = json.loads(cli("events", "--db", loaded, "--limit", "1", "--json").stdout)
    result = cli("explain", str(first["id"]), "--db", loaded)
    assert result.exit_code == 0 and "opened the event" in result.stdout
    assert cli("explain", "99999", "--db", loaded).exit_code == 1


def test_compare(cli, loaded):
    result = cli("compare", "--db", loaded, "--pair", "CHN-RUS", "--json")
    [pair] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (pair["supplier"], pair["recipient"]) == ("RUS", "CHN")
    assert len(pair["register_only"]) == 2 and pair["both"] == []


def test_reextract_command(cli, tmp_db, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("China sold drones to Russia and the two navies met.")

    class Old(NewExtractor):
        version = "t1"
    with Store(tmp_db) as store:
        run([tmp_path / "a.txt"], store, Old())          # the runner merges events at its end
        assert len(events(store, EventFilter(type="meeting"))) == 1
    monkeypatch.setattr(armstrace.extract, "default_extractor", NewExtractor)
    result = cli("reextract", "--db", tmp_db, "--json")
    assert json.loads(result.stdout)["by_type"]["transfer"] == {"added": 0, "removed": 0, "kept": 1}
