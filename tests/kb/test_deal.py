"""The done-when test: several documents about one deal become one event."""
from __future__ import annotations

import pytest

from armstrace.store.events import EventFilter, event_claims, events, explain, merge_new_claims

from .kb_helpers import PAD, add_doc

WIRE = ("North Korea and Russia are negotiating a deal under which Pyongyang would supply "
        "artillery shells to Moscow, according to US officials familiar with the talks." + PAD)
AMMO = {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "ammunition"}


def _deal(store):
    quote = "North Korea and Russia are negotiating a deal"
    add_doc(store, WIRE, [{**AMMO, "stage": "negotiating", "assertion": "reported", "quote": quote}],
            date="2023-09-05", source="Reuters", url="https://www.reuters.com/world/a")
    add_doc(store, "Yahoo News. " + WIRE, [{**AMMO, "stage": "negotiating", "assertion": "reported",
                                           "quote": quote}],
            date="2023-09-06", url="https://news.yahoo.com/north-korea-russia")
    text = "The White House warned that North Korea has agreed to supply shells to Russia." + PAD
    add_doc(store, text, [{**AMMO, "stage": "agreed", "assertion": "alleged",
                           "quote": "North Korea has agreed to supply shells"}],
            date="2023-09-13", source="Washington Post")
    text = "The Kremlin denied that Russia had received any shells from North Korea." + PAD
    add_doc(store, text, [{**AMMO, "stage": "delivered", "assertion": "denied",
                           "quote": "denied that Russia had received any shells"}],
            date="2023-10-01", url="https://tass.com/politics/1")
    text = ("North Korea has delivered more than a million artillery shells to Russia, South "
            "Korea's intelligence service said, and is also sending missiles." + PAD)
    add_doc(store, text, [{**AMMO, "stage": "delivered", "assertion": "reported",
                           "quote": "North Korea has delivered more than a million artillery shells"},
                          {**AMMO, "item": "missiles", "stage": "ongoing", "assertion": "reported",
                           "quote": "is also sending missiles"}],
            date="2023-11-02", source="The Guardian")


def test_one_deal_from_five_documents(store):
    _deal(store)
    counts = merge_new_claims(store)
    assert counts == {"claims": 6, "events_created": 2, "events_updated": 0}
    [deal] = events(store, EventFilter(item="ammunition"))
    assert deal.keys == {"supplier": "PRK", "recipient": "RUS", "item": "ammunition"}
    assert (deal.n_claims, deal.n_documents, deal.n_sources) == (5, 5, 4)   # the reprint is one source
    assert deal.stage == "delivered"
    assert deal.stage_history == [("2023-09-05", "negotiating"), ("2023-09-13", "agreed"),
                                  ("2023-11-02", "delivered")]
    assert deal.assertion == "contested"
    assert deal.assertions == {"alleged": 1, "denied": 1, "reported": 3}
    # support 0.8 (Reuters story) + 0.5 (alleged) + 0 (denial) + 0.8 = 2.1; contested x 0.7
    assert deal.confidence == pytest.approx((1 - 0.5 ** 2.1) * 0.7, abs=1e-3)
    assert (deal.first_seen, deal.last_seen) == ("2023-09-05", "2023-11-02")
    assert deal.best_quote.startswith("North Korea has delivered")


def test_merging_is_incremental_and_idempotent(store):
    _deal(store)
    merge_new_claims(store)
    before = [e.to_dict() for e in events(store)]
    assert merge_new_claims(store) == {"claims": 0, "events_created": 0, "events_updated": 0}
    assert [e.to_dict() for e in events(store)] == before
    text = "Satellite images show more North Korean ammunition reaching Russia by rail." + PAD
    add_doc(store, text, [{**AMMO, "stage": "delivered", "assertion": "asserted",
                           "quote": "more North Korean ammunition reaching Russia"}],
            date="2024-01-20", source="CSIS")
    assert merge_new_claims(store) == {"claims": 1, "events_created": 0, "events_updated": 1}
    [deal] = events(store, EventFilter(item="ammunition"))
    assert (deal.n_claims, deal.n_sources, deal.last_seen) == (6, 5, "2024-01-20")


def test_window_splits_distant_claims(store):
    text = "In 2019 North Korea shipped ammunition to Russia, a defector claimed." + PAD
    add_doc(store, text, [{**AMMO, "date": "2019", "stage": "delivered", "assertion": "alleged",
                           "quote": "North Korea shipped ammunition to Russia"}],
            date="2023-10-10", source="Daily NK")
    _deal(store)
    merge_new_claims(store)
    found = events(store, EventFilter(item="ammunition"))
    assert sorted(e.n_claims for e in found) == [1, 5]
    old = next(e for e in found if e.n_claims == 1)
    assert (old.first_seen, old.last_seen) == ("2019", "2019")


def test_explain_and_event_claims(store):
    _deal(store)
    merge_new_claims(store)
    [deal] = events(store, EventFilter(item="ammunition"))
    why = explain(store, deal.id)
    assert why["rule"]["window_days"] == 730
    assert why["rule"]["key_fields"] == ["supplier", "recipient", "item"]
    reasons = [c["reason"] for c in why["claims"]]
    assert reasons[0] == "opened the event" and all("window 730" in r for r in reasons[1:])
    reprint = [g for g in why["sources"] if len(g["documents"]) == 2]
    assert len(reprint) == 1 and "near-identical" in reprint[0]["why"]
    claims = event_claims(store, deal.id)
    assert {c["source"] for c in claims} >= {"Reuters", "The Guardian"}
    assert all(c["evidence"]["quote"] for c in claims)


def test_filters(store):
    _deal(store)
    merge_new_claims(store)
    assert len(events(store, EventFilter(actor="PRK"))) == 2
    assert len(events(store, EventFilter(actor="PRK", role="recipient"))) == 0
    assert len(events(store, EventFilter(actor="RUS", role="recipient", stage="ongoing"))) == 1
    assert len(events(store, EventFilter(assertion="contested"))) == 1
    assert len(events(store, EventFilter(min_sources=2))) == 1
    assert len(events(store, EventFilter(min_confidence=0.9))) == 0
    assert len(events(store, EventFilter(date_from="2023-11-01"))) == 2
    assert len(events(store, EventFilter(date_to="2023-09-30"))) == 1
    assert len(events(store, EventFilter(date_to="2023-08"))) == 0
    assert len(events(store, EventFilter(limit=1))) == 1
