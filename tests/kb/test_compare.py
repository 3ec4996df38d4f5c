"""Register versus reporting, per supplier-recipient pair."""
from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.analyse.compare import compare, parse_pair
from armstrace.store.events import merge_new_claims
from armstrace.store.registers import load_register
from .kb_helpers import PAD, add_doc

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "sipri-small.csv"


@pytest.fixture
def kb(store):
    load_register(SMALL, store)
    text = ("North Korea has shipped KN-23 ballistic missiles and millions of shells to Russia, "
            "officials said." + PAD)
    add_doc(store, text, [
        {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "missiles",
         "stage": "delivered", "assertion": "reported", "designation": "KN-23",
         "quote": "North Korea has shipped KN-23 ballistic missiles"},
        {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "ammunition",
         "stage": "delivered", "assertion": "reported", "quote": "millions of shells to Russia"}],
        date="2024-01-09", source="Reuters")
    text = "Iran supplied Russia with Shahed drones used against Ukrainian cities." + PAD
    add_doc(store, text, [{"type": "transfer", "supplier": "IRN", "recipient": "RUS", "item": "uav",
                           "stage": "delivered", "assertion": "asserted",
                           "quote": "Iran supplied Russia with Shahed drones"}],
            date="2022-10-20", source="BBC")
    merge_new_claims(store)
    return store


def test_pairs_split_by_where_claims_come_from(kb):
    result = {(p.supplier, p.recipient): p for p in compare(kb, "sipri")}
    prk = result[("PRK", "RUS")]
    assert [e.keys["item"] for e in prk.both] == ["missiles"]
    assert [e.keys["item"] for e in prk.reporting_only] == ["ammunition"]
    assert prk.register_only == []
    irn = result[("IRN", "RUS")]
    assert len(irn.both) == 1 and irn.both[0].n_register == 2 and irn.both[0].n_claims == 3
    chn = result[("RUS", "CHN")]
    assert chn.both == [] and chn.reporting_only == [] and len(chn.register_only) == 2


def test_pair_filter_matches_either_direction(kb):
    result = compare(kb, "sipri", [parse_pair("rus-prk"), ("CHN", "RUS")])
    assert [(p.supplier, p.recipient) for p in result] == [("PRK", "RUS"), ("RUS", "CHN")]


def test_bad_pair_and_register(kb):
    with pytest.raises(ValueError, match="RUS-PRK"):
        parse_pair("RUS")
    with pytest.raises(ValueError, match="unknown register"):
        compare(kb, "unroca")
