"""Diversion risk: time-respecting onward routes, the recipient's record, the score."""
from __future__ import annotations

from datetime import date

import pytest

from armstrace.analyse import risk

from .kb import build_kb, sanction, transfer

AS_OF = date(2024, 12, 31)


@pytest.fixture
def store(tmp_path):
    return build_kb(str(tmp_path / "kb.db"), [
        ("2018-04-01", [transfer("SAU", "ARE", "small_arms")]),
        ("2019-04-01", [transfer("ARE", "LNA", "small_arms", assertion="reported")]),
        ("2016-04-01", [transfer("QAT", "HTS", "small_arms", assertion="reported")]),
        ("2020-04-01", [transfer("SAU", "QAT", "small_arms")]),
        ("2021-04-01", [transfer("USA", "HOUTHIS", "small_arms", via="SAU", assertion="alleged")]),
        ("2022-04-01", [sanction("USA", "VEN"), transfer("SAU", "VEN", "ammunition")]),
    ])


def test_time_respecting_two_hop_route_is_found(store):
    report = risk(store, "USA", "SAU", "small_arms", as_of=AS_OF)
    paths = [r.actors for r in report.routes]
    assert ["SAU", "ARE", "LNA"] in paths
    route = next(r for r in report.routes if r.actors == ["SAU", "ARE", "LNA"])
    assert route.hops[0].lo < route.hops[1].lo and route.evidence[0]["quote"]
    assert any("non-state armed group" in w for w in route.why)


def test_time_reversed_two_hop_path_is_not_a_route(store):
    report = risk(store, "USA", "SAU", "small_arms", as_of=AS_OF)
    assert not any("HTS" in r.actors for r in report.routes)


def test_record_sanctioned_end_user_and_score(store):
    report = risk(store, "USA", "SAU", "small_arms", as_of=AS_OF)
    assert any("intermediary" in rec["what"] and rec["evidence"] for rec in report.record)
    assert ["SAU", "VEN"] in [r.actors for r in report.routes]
    assert 0.3 <= report.score <= 1 and report.level in ("medium", "high")
    assert all(r.evidence for r in report.reasons)
    assert report.to_dict()["routes"][0]["path"].startswith("SAU")


def test_as_of_before_the_routes_sees_none(store):
    report = risk(store, "USA", "SAU", "small_arms", as_of=date(2017, 1, 1))
    assert report.routes == [] and report.record == []
    assert report.score == 0 and report.level == "none"


def test_recipient_under_embargo_binding_supplier_scores_high(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [("2020-01-01", [transfer("CHN", "PAK", "uav")])])
    report = risk(store, "DEU", "RUS", "uav", as_of=date(2023, 1, 1))
    assert report.level == "high" and any("EU-RUS" in r.text for r in report.reasons)


def test_unknown_codes_are_explained(store):
    with pytest.raises(ValueError, match="recipient 'XXX'"):
        risk(store, "USA", "XXX", "small_arms")
    with pytest.raises(ValueError, match="item 'rifles'"):
        risk(store, "USA", "SAU", "rifles")
