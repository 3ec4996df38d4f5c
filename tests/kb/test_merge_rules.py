"""The merge rule: sets as sets, item groups, designations, undated claims, windows."""
from __future__ import annotations

from armstrace.store import schema_kb
from armstrace.store.events import EventFilter, events, merge_new_claims
from armstrace.store.merge import day_span, gap_days

from .kb_helpers import PAD, add_doc


def test_sets_compare_as_sets_and_windows_are_per_type(store):
    for i, (when, parts) in enumerate([("2024-03-01", ["CHN", "RUS", "IRN"]),
                                       ("2024-03-20", ["IRN", "CHN", "RUS"]),
                                       ("2024-09-01", ["RUS", "IRN", "CHN"])]):
        text = f"Report {i}: China, Russia and Iran held naval drills in the Gulf of Oman." + PAD
        add_doc(store, text, [{"type": "exercise", "participants": parts, "stage": "delivered",
                               "assertion": "asserted", "quote": "held naval drills"}],
                date=when, source=f"Outlet {i}")
    merge_new_claims(store)
    found = events(store, EventFilter(type="exercise", actor="IRN", role="participant"))
    assert sorted(e.n_claims for e in found) == [1, 2]      # September is beyond 60 days
    assert found[0].keys == {"participants": ["CHN", "IRN", "RUS"]}


def test_item_groups_designations_and_undated_claims(store):
    aukus = "The United States will share nuclear-powered submarine technology with Australia."
    add_doc(store, aukus + PAD, [
        {"type": "transfer", "supplier": "USA", "recipient": "AUS", "item": "naval", "tech": True,
         "quote": "share nuclear-powered submarine technology"}], date="2021-09-16", source="A")
    add_doc(store, "Later: " + aukus + " Reactors follow." + PAD, [
        {"type": "transfer", "supplier": "USA", "recipient": "AUS", "item": "nuclear",
         "quote": "Reactors follow"}], date="2022-03-01", source="B")
    jets = "Russia delivered Su-35 jets to Iran, and an undated note mentions Su-30 jets." + PAD
    add_doc(store, jets, [
        {"type": "transfer", "supplier": "RUS", "recipient": "IRN", "item": "aircraft",
         "designation": "Su-35", "quote": "Russia delivered Su-35 jets to Iran"},
        {"type": "transfer", "supplier": "RUS", "recipient": "IRN", "item": "aircraft",
         "designation": "SU 35", "quote": "Su-35 jets"},
        {"type": "transfer", "supplier": "RUS", "recipient": "IRN", "item": "aircraft",
         "designation": "Su-30", "quote": "Su-30 jets"}], date="2023-09-01", source="C")
    add_doc(store, "Russian aircraft went to Iran at some point." + PAD, [
        {"type": "transfer", "supplier": "RUS", "recipient": "IRN", "item": "aircraft",
         "quote": "Russian aircraft went to Iran"}], source="D")          # no date at all
    merge_new_claims(store)
    [sub] = events(store, EventFilter(actor="AUS"))
    assert sub.n_claims == 2 and sub.attributes["items"] == ["naval", "nuclear"]
    assert sub.attributes["tech"] is True and sub.keys["item"] == "naval"
    jets_events = events(store, EventFilter(actor="IRN", item="aircraft"))
    assert sorted(e.n_claims for e in jets_events) == [1, 3]   # Su-30 apart; undated joins
    assert {e.attributes.get("designation") for e in jets_events} == {"Su-35", "Su-30"}


def test_interrupted_merge_is_finished_by_the_next_call(store):
    text = "Belarus sent tanks to Russia." + PAD
    add_doc(store, text, [{"type": "transfer", "supplier": "BLR", "recipient": "RUS",
                           "item": "armour", "quote": "Belarus sent tanks"}], date="2023-01-01")
    merge_new_claims(store)
    e = schema_kb.events
    with store.engine.begin() as conn:      # as if cut short after assigning claims
        conn.execute(e.update().values(updated_at=None, n_claims=0, confidence=0.0))
    merge_new_claims(store)
    [tanks] = events(store)
    assert tanks.n_claims == 1 and tanks.confidence == 0.5


def test_day_spans():
    assert gap_days(day_span("2023-03"), *day_span("2023")) == 0
    assert gap_days(day_span("2024-01-31"), *day_span("2023-12")) == 31
    assert day_span("1990/1999")[1] - day_span("1990/1999")[0] == 3651
    assert day_span(None) is None and day_span("soon") is None


def test_designations_agree():
    from armstrace.store.merge import designations_agree, norm_designation as n
    assert designations_agree(n("M1 Abrams"), {n("M-1A1 Abrams")})
    assert designations_agree(n("Patriot"), {n("Patriot Configuration-3")})
    assert designations_agree(n("su-35"), {n("Su-35")})
    assert not designations_agree(n("Su-35"), {n("Su-30")})
    assert not designations_agree(n("S-300PMU-1"), {n("Tor-M1")})
