"""The SIPRI register: its quirks, row evidence, unmapped rows reported, the rest loaded."""
from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.ingest.documents import InputError
from armstrace.ingest.sipri import SOURCE, read_register
from armstrace.ingest.sipri_map import actor_code, item_category
from armstrace.store.events import EventFilter, events
from armstrace.store.registers import load_register

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL = FIXTURES / "sipri-small.csv"
REAL = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "sipri" / \
    "trade-register-excerpt.csv"


def by_designation(register, name):
    return [r for r in register.records if r["designation"] == name]


def test_small_register_rows_and_unmapped_reasons():
    register = read_register(SMALL)
    assert (register.rows, register.mapped) == (17, 14)
    reasons = dict(register.unmapped)
    assert sorted(reasons) == [21, 22, 29]
    assert "'OSCE**' has no actor code" in reasons[21]
    assert "'plasma projector' has no item category" in reasons[22]
    assert "'2021-2022'" in reasons[29]
    assert register.document.source == SOURCE and register.document.date == "2026-03-02"


def test_row_becomes_agreed_and_delivered_claims_with_row_evidence():
    register = read_register(SMALL)
    agreed, delivered = by_designation(register, "Su-35")
    assert agreed.to_dict(evidence=False) == {
        "type": "transfer", "supplier": "RUS", "recipient": "CHN", "item": "aircraft",
        "stage": "agreed", "assertion": "asserted", "tech": False, "quantity": "24",
        "designation": "Su-35", "date": "2015"}
    assert (delivered["stage"], delivered["date"]) == ("delivered", "2016/2018")
    assert agreed.evidence.start == agreed.evidence.end == 13
    assert agreed.evidence.quote.startswith("China,Russia,2015,,24,,Su-35,")


def test_quirks():
    register = read_register(SMALL)
    # uncertain numbers keep SIPRI's '?'; empty number ordered gives no quantity
    s400 = by_designation(register, "S-400")
    assert [r["quantity"] for r in s400] == [None, "2?"]
    # a record broken over two lines is joined back
    tor = by_designation(register, "Tor-M2")
    assert tor[0].evidence.start == 23 and tor[0].evidence.quote.endswith(",5,20,20")
    # exact duplicate rows are two deals
    assert sorted(r.evidence.start for r in by_designation(register, "Su-25")) == [25, 25, 26, 26]
    # whitespace stripped, Latin-1 read, nothing delivered: agreed only
    [f16] = by_designation(register, "F-16V")
    assert f16["stage"] == "agreed" and "W\u00e4rtsil\u00e4" in f16.evidence.quote
    # a quoted field with a comma stays one field
    assert len(by_designation(register, "IRIS-T SLM")) == 2
    # historical state, non-state actors
    assert by_designation(register, "MiG-29")[0]["supplier"] == "SUN"
    assert by_designation(register, "Qasef-1")[0]["recipient"] == "HOUTHIS"
    assert by_designation(register, "T-72B3")[0]["recipient"] == "NSAG"


@pytest.mark.parametrize("name, code", [("Russia", "RUS"), ("Congo", "COG"), ("DR Congo", "COD"),
                                        ("Turkiye", "TUR"), ("Viet Nam", "VNM"),
                                        ("Czechoslovakia", "CSK"), ("NATO**", "NATO"),
                                        ("LTTE (Sri Lanka)*", "NSAG"), ("OSCE**", None),
                                        ("unknown supplier(s)", "UNKNOWN")])
def test_actor_names(name, code):
    assert actor_code(name) == code


@pytest.mark.parametrize("description, item", [
    ("portable surface-to-air missile", "air_defence"), ("anti-tank missile", "missiles"),
    ("tank destroyer", "armour"), ("aircraft engine", "components"),
    ("one-way attack drone", "uav"), ("guided shell", "ammunition"), ("frigate", "naval"),
    ("self-propelled howitzer", "artillery"), ("coastal patrol ship", "naval"),
    ("plasma projector", None)])
def test_item_categories(description, item):
    assert item_category(description) == item


def test_not_a_register(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(InputError, match="Recipient,Supplier"):
        read_register(path)


def test_load_register_stores_merges_and_is_idempotent(store):
    register, added = load_register(SMALL, store)
    assert added == len(register.records) == 27
    assert len(store.errors()) == 3 and store.errors()[0]["input"].endswith(":21")
    found = events(store, EventFilter(actor="CHN"))
    su35 = next(e for e in found if e.attributes.get("designation") == "Su-35")
    assert su35.stage_history == [("2015", "agreed"), ("2016", "delivered")]
    assert su35.n_sources == 1 and su35.n_register == su35.n_claims == 2
    assert su35.confidence == pytest.approx(0.75)       # one register source: 1 - 0.5 ** 2
    assert load_register(SMALL, store)[1] == 0
    assert len(store.errors()) == 3 and store.counts()["claims"] == 27


@pytest.mark.skipif(not REAL.exists(), reason="../shared/data/sipri not available")
def test_real_register_excerpt():
    register = read_register(REAL)
    assert register.rows == 2084
    assert register.mapped / register.rows > 0.998
    assert all("has no actor code" in reason for _, reason in register.unmapped)
    assert len(register.records) > 2 * 2084 * 0.9
