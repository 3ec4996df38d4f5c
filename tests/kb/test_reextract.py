"""Re-extraction replaces claims of an old extractor version and re-merges events."""
from __future__ import annotations

from pathlib import Path

from armstrace.ontology import validate
from armstrace.store.events import EventFilter, events, merge_new_claims
from armstrace.store.reextract import reextract, stale_documents
from armstrace.store.registers import load_register
from .kb_helpers import PAD, add_doc

SMALL = Path(__file__).resolve().parents[1] / "fixtures" / "sipri-small.csv"
TEXT = "China sold drones to Russia and the two navies held a joint exercise." + PAD


class NewExtractor:
    """Version t2: keeps the transfer, drops the exercise, finds a meeting."""
    name, version = "test", "t2"

    def extract(self, doc):
        def rec(quote, **fields):
            start = doc.text.index(quote)
            return validate({**fields, "evidence": {"start": start, "end": start + len(quote),
                                                    "quote": quote}})
        return [rec("China sold drones to Russia", type="transfer", supplier="CHN",
                    recipient="RUS", item="uav", stage="delivered", assertion="asserted"),
                rec("the two navies", type="meeting", participants=["CHN", "RUS"],
                    stage="delivered", assertion="asserted")]


def test_reextract_replaces_old_claims_and_reports_per_type(store):
    load_register(SMALL, store)
    add_doc(store, TEXT, [
        {"type": "transfer", "supplier": "CHN", "recipient": "RUS", "item": "uav",
         "stage": "delivered", "assertion": "asserted", "quote": "China sold drones to Russia"},
        {"type": "exercise", "participants": ["CHN", "RUS"], "stage": "delivered",
         "assertion": "asserted", "quote": "held a joint exercise"}], date="2024-05-01")
    merge_new_claims(store)
    assert len(stale_documents(store, "t2")) == 1        # the register is not re-extracted
    report = reextract(store, NewExtractor())
    assert report["documents"] == 1 and report["errors"] == []
    assert report["by_type"] == {"transfer": {"added": 0, "removed": 0, "kept": 1},
                                 "exercise": {"added": 0, "removed": 1, "kept": 0},
                                 "meeting": {"added": 1, "removed": 0, "kept": 0}}
    assert store.counts()["documents"] == 2
    assert events(store, EventFilter(type="exercise")) == []
    [meeting] = events(store, EventFilter(type="meeting"))
    assert meeting.keys == {"participants": ["CHN", "RUS"]}
    [drones] = events(store, EventFilter(type="transfer", actor="CHN", role="supplier"))
    assert drones.n_claims == 1
    assert reextract(store, NewExtractor())["documents"] == 0   # nothing stale any more
