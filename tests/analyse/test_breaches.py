"""Breaches on small knowledge bases whose answer is known."""
from __future__ import annotations

from datetime import date

from armstrace.analyse import breaches

from .kb import build_kb, transfer


def by_embargo(found):
    return {b.embargo.id: b for b in found}


def test_north_korean_arms_for_russia_breach_1718(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2023-09-20", [transfer("PRK", "RUS", "ammunition", assertion="reported")]),
        ("2023-10-05", [transfer("PRK", "RUS", "ammunition", assertion="asserted")])])
    found = breaches(store)
    un = [b for b in found if b.embargo.imposer == "UN"]
    assert len(un) == 1
    b = un[0]
    assert b.status == "established" and "1718" in b.embargo.legal_basis
    assert (b.party, b.role, b.bound) == ("PRK", "supplier", "RUS")
    assert b.event.n_sources == 2 and len(b.evidence) == 2 and b.evidence[0]["quote"]
    assert 0 < b.confidence <= 1


def test_russian_technology_for_north_korea_breaches_the_embargo(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2023-11-10", [transfer("RUS", "PRK", "space", tech=True, assertion="alleged")])])
    (b,) = breaches(store)
    assert b.embargo.id == "UN-2270-PRK-TO" and b.bound == "RUS" and b.role == "recipient"
    assert b.status == "established" and "1718" in b.embargo.legal_basis


def test_embargo_starting_after_the_delivery_is_no_breach(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2015-03-01", [transfer("FRA", "VEN", "small_arms")]),
        ("2019-03-01", [transfer("ESP", "VEN", "small_arms")])])
    found = breaches(store)
    assert [(b.event.keys["supplier"], b.embargo.id) for b in found] == [("ESP", "EU-VEN")]


def test_partial_embargo_excluding_the_item_is_no_breach(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2012-05-01", [transfer("CHN", "IRN", "small_arms"), transfer("CHN", "IRN", "missiles")])])
    found = breaches(store)
    assert {b.event.keys["item"] for b in found} == {"missiles"}
    assert "UN-1929-IRN" in by_embargo(found)


def test_denied_transfer_is_never_an_established_breach(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2024-01-10", [transfer("PRK", "RUS", "missiles", assertion="denied")])])
    (b,) = breaches(store)
    assert b.status == "denied"


def test_contested_planned_and_hypothetical_are_shown_as_such(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2024-01-10", [transfer("PRK", "RUS", "artillery", assertion="reported"),
                        transfer("IRN", "HOUTHIS", "uav", stage="proposed", assertion="hypothetical"),
                        transfer("CHN", "PRK", "aircraft", stage="negotiating", assertion="reported")]),
        ("2024-01-12", [transfer("PRK", "RUS", "artillery", assertion="denied")])])
    status = {(b.event.keys["supplier"], b.event.keys["recipient"]): b.status for b in breaches(store)}
    assert status == {("PRK", "RUS"): "contested", ("IRN", "HOUTHIS"): "hypothetical",
                      ("CHN", "PRK"): "planned"}


def test_via_and_non_state_embargoes(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2019-06-01", [transfer("SRB", "BLACK_MARKET", "small_arms", via="LBY"),
                        transfer("USA", "LBN", "armour"),
                        transfer("IRN", "HEZBOLLAH", "missiles")])])
    found = breaches(store)
    pairs = {(b.event.keys["supplier"], b.party, b.role, b.embargo.id) for b in found}
    assert ("SRB", "LBY", "via", "UN-1970-LBY") in pairs
    assert ("IRN", "HEZBOLLAH", "recipient", "UN-1701-LBN") in pairs
    assert not any(b.event.keys["recipient"] == "LBN" for b in found), "Lebanon's state is exempt"


def test_non_binding_embargo_is_only_possible(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [("2005-01-01", [transfer("FRA", "CHN", "sensors")])])
    (b,) = breaches(store)
    assert b.embargo.id == "EU-CHN" and b.status == "possible" and "not binding" in b.caveats


def test_as_of_ignores_what_was_not_known_yet(tmp_path):
    store = build_kb(str(tmp_path / "kb.db"), [
        ("2023-09-20", [transfer("PRK", "RUS", "ammunition")])])
    assert breaches(store, as_of=date(2023, 1, 1)) == []
    assert breaches(store, as_of=date(2023, 12, 31))
