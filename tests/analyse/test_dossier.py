"""The dossier of an actor: its sections hold what the knowledge base says."""
from __future__ import annotations

import json

from rich.console import Console

from armstrace.analyse import dossier

from .kb import build_kb, group, sanction, transfer


def kb(tmp_path):
    return build_kb(str(tmp_path / "kb.db"), [
        ("2023-09-13", [transfer("PRK", "RUS", "ammunition", assertion="reported"),
                        transfer("RUS", "PRK", "space", stage="agreed", tech=True),
                        group("meeting", ["PRK", "RUS"])]),
        ("2023-10-01", [transfer("PRK", "RUS", "ammunition"),
                        group("exercise", ["CHN", "PRK", "RUS"], stage="proposed"),
                        group("agreement", ["PRK", "RUS"], kind="defence_pact"),
                        sanction("UN", "PRK")]),
    ])


def test_dossier_sections(tmp_path):
    d = dossier(kb(tmp_path), "PRK")
    assert d.recipients == {"RUS": {"ammunition": ["delivered"]}}
    assert d.suppliers == {"RUS": {"space": ["agreed"]}}
    assert [t["with"] for t in d.tech_in] == ["RUS"] and d.tech_out == []
    assert {"UN-2270-PRK-TO", "UN-1874-PRK-FROM"} <= {e["id"] for e in d.embargoes}
    assert {b["embargo"] for b in d.breaches} >= {"UN-1874-PRK-FROM", "UN-2270-PRK-TO"}
    assert d.exercise_partners == {"CHN": 1, "RUS": 1}
    assert d.agreements[0]["kind"] == "defence_pact" and d.meetings[0]["with"] == ["RUS"]
    assert d.sanctions[0]["imposer"] == "UN"
    assert d.blocs and d.blocs[0]["window"] == "2023" and "RUS" in d.blocs[0]["with"]
    assert d.evidence[0]["n_sources"] == 2 and d.evidence[0]["quote"]


def test_dossier_renderings(tmp_path):
    d = dossier(kb(tmp_path), "PRK")
    assert json.loads(json.dumps(d.to_dict()))["actor"] == "PRK"
    md = d.to_markdown()
    assert md.startswith("# Dossier: PRK") and "## Breaches" in md and "UN-2270-PRK-TO" in md
    console = Console(record=True, width=140)
    console.print(d)
    assert "PRK: Suppliers" in console.export_text()


def test_dossier_of_an_unknown_code_is_explained(tmp_path):
    import pytest
    with pytest.raises(ValueError, match="'XYZ' is not an actor code"):
        dossier(kb(tmp_path), "XYZ")
