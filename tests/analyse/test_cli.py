"""The analysis commands over a small knowledge base file."""
from __future__ import annotations

import json

import pytest

from .kb import build_kb, group, sanction, transfer


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "kb.db")
    build_kb(path, [
        ("2023-09-13", [transfer("PRK", "RUS", "ammunition", assertion="reported"),
                        transfer("RUS", "PRK", "space", tech=True), group("meeting", ["PRK", "RUS"])]),
        ("2023-11-01", [transfer("SAU", "HOUTHIS", "small_arms", assertion="alleged"),
                        group("exercise", ["JPN", "KOR", "USA"]), sanction("USA", "PRK")]),
    ]).close()
    return path


def test_breaches_json_and_table(cli, db):
    result = cli("breaches", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["embargo"] for r in rows} >= {"UN-1874-PRK-FROM", "UN-2270-PRK-TO", "UN-2216-HOUTHIS"}
    table = cli("breaches", "--db", db, "--established")
    assert table.exit_code == 0 and "1718" in table.stdout


def test_risk_command(cli, db):
    result = cli("risk", "--db", db, "--supplier", "USA", "--recipient", "SAU",
                 "--item", "small_arms", "--as-of", "2024-06", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["routes"][0]["path"] == "SAU -> HOUTHIS" and report["as_of"] == "2024-06-30"
    bad = cli("risk", "--db", db, "--supplier", "USA", "--recipient", "SAU", "--item", "rifles")
    assert bad.exit_code == 2 and "rifles" in bad.output


def test_blocs_command_writes_plots(cli, db, tmp_path):
    out = tmp_path / "plots" / "blocs.png"
    result = cli("blocs", "--db", db, "--pair", "RUS:PRK", "--plot", str(out))
    assert result.exit_code == 0, result.output
    assert out.exists() and out.with_suffix(".svg").exists()
    assert "RUS:PRK" in result.stdout
    assert cli("blocs", "--db", db, "--pair", "RUS-PRK").exit_code == 2


def test_dossier_formats(cli, db):
    md = cli("dossier", "PRK", "--db", db, "--format", "markdown")
    assert md.exit_code == 0 and md.stdout.startswith("# Dossier: PRK")
    data = json.loads(cli("dossier", "PRK", "--db", db, "--format", "json").stdout)
    assert data["recipients"] == {"RUS": {"ammunition": ["delivered"]}}
    rich = cli("dossier", "PRK", "--db", db)
    assert rich.exit_code == 0 and "Suppliers" in rich.stdout
