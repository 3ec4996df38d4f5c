"""The embargo table's integrity, and who each kind of embargo binds."""
from __future__ import annotations

import csv
from datetime import date

import pytest

from armstrace.analyse.dates import first_day, last_day
from armstrace.analyse.embargoes import (COVERS, DIRECTIONS, EMBARGOES_FILE, embargoes_on,
                                         eu_members, group_bases, load_embargoes, osce_states)
from armstrace.ontology import ontology

IMPOSERS = {"UN", "EU", "OSCE"}


def raw_rows() -> list[dict]:
    with open(EMBARGOES_FILE, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def test_every_row_is_complete_and_valid():
    rows = raw_rows()
    assert len(rows) >= 100
    actors, items = ontology().actor_codes(), set(ontology().codes("item"))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "embargo ids must be unique"
    for r in rows:
        where = r["id"]
        assert r["source"].startswith("https://"), where
        assert r["legal_basis"].strip(), where
        assert r["target"] in actors, where
        assert r["imposer"] in IMPOSERS or r["imposer"] in actors, where
        assert r["covers"] in COVERS and r["direction"] in DIRECTIONS, where
        assert r["scope"] in ("full", "partial") and r["binding"] in ("yes", "no"), where
        if r["items_covered"] != "all":
            assert set(r["items_covered"].split(";")) <= items, where
            assert r["scope"] == "partial", where
        if r["end"]:
            assert first_day(r["start"]) <= last_day(r["end"]), where


def test_table_holds_the_embargoes_the_brief_names():
    ids = {e.id for e in load_embargoes()}
    for expected in ("UN-661-IRQ", "UN-713-YUG", "UN-1718-PRK", "UN-1747-IRN", "UN-1907-ERI",
                     "UN-2216-HOUTHIS", "UN-2713-AL_SHABAAB", "EU-RUS", "EU-CHN", "EU-BLR",
                     "OSCE-ARM", "OSCE-AZE", "US-CHN", "US-NIC"):
        assert expected in ids
    russia = next(e for e in load_embargoes() if e.id == "EU-RUS")
    assert russia.start == "2014-07-31" and "2014/512/CFSP" in russia.legal_basis


def test_un_iran_embargo_ended_under_2231_and_snapback_reimposed_it():
    on_iran = lambda day: {e.id for e in embargoes_on("IRN", day) if e.imposer == "UN"}
    assert "UN-1747-IRN" in on_iran(date(2020, 10, 17))
    assert not on_iran(date(2021, 6, 1)) & {"UN-1747-IRN", "UN-1929-IRN"}
    assert "UN-SNAP-IRN-FROM" in on_iran(date(2025, 10, 1))


def test_un_binds_every_state_but_no_armed_group():
    un = next(e for e in load_embargoes() if e.id == "UN-2270-PRK-TO")
    assert un.binds("RUS", date(2024, 1, 1)) and un.binds("BRA", date(2024, 1, 1))
    assert not un.binds("WAGNER", date(2024, 1, 1))


def test_eu_binds_members_on_the_day():
    eu = next(e for e in load_embargoes() if e.id == "EU-RUS")
    assert eu.binds("FRA", date(2015, 1, 1))
    assert eu.binds("GBR", date(2015, 1, 1)) and not eu.binds("GBR", date(2021, 1, 1))
    assert not eu.binds("USA", date(2015, 1, 1))
    assert eu_members()["HRV"][0] == date(2013, 7, 1)


def test_osce_and_national_bind_their_own():
    osce = next(e for e in load_embargoes() if e.id == "OSCE-ARM")
    assert not osce.binding and osce.binds("DEU", date(1993, 1, 1))
    assert not osce.binds("CHN", date(1993, 1, 1))
    assert "USA" in osce_states()
    us = next(e for e in load_embargoes() if e.id == "US-CHN")
    assert us.binds("USA", date(2000, 1, 1)) and not us.binds("GBR", date(2000, 1, 1))


def test_group_bases_use_ontology_codes():
    actors = ontology().actor_codes()
    for group, states in group_bases().items():
        assert group in ontology().actor_extra["armed_groups"]
        assert states <= actors


@pytest.mark.parametrize("value,first,last", [("2014", date(2014, 1, 1), date(2014, 12, 31)),
                                              ("2014-02", date(2014, 2, 1), date(2014, 2, 28)),
                                              ("1990/1999", date(1990, 1, 1), date(1999, 12, 31))])
def test_partial_dates_are_day_ranges(value, first, last):
    assert first_day(value) == first and last_day(value) == last
