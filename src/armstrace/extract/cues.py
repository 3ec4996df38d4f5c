"""Loads ``cues.yaml``: the lexical cues for roles, stage, assertion and event types."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

CUES_FILE = Path(__file__).with_name("cues.yaml")


class Cues:
    def __init__(self, data: dict):
        t = data["transfer"]
        self.supply_verbs = frozenset(t["supply_verbs"])
        self.receive_verbs = frozenset(t["receive_verbs"])
        self.arrive_verbs = frozenset(t["arrive_verbs"])
        self.transfer_nouns = frozenset(t["nouns"])
        self.route_preps = frozenset(t["route_preps"])
        self.stage = {stage: frozenset(v["lemmas"]) for stage, v in data["stage"].items()}
        a = data["assertion"]
        self.reported_nouns = frozenset(a["reported_nouns"])
        self.reporting_verbs = frozenset(a["reporting_verbs"])
        self.alleging_verbs = frozenset(a["alleging_verbs"])
        self.denying_verbs = frozenset(a["denying_verbs"])
        self.events = {kind: frozenset(words) for kind, words in data["events"].items()}

    def event_words(self) -> frozenset[str]:
        return frozenset(w for words in self.events.values() for w in words)


@cache
def cues() -> Cues:
    with open(CUES_FILE, encoding="utf-8") as fh:
        return Cues(yaml.safe_load(fh))
