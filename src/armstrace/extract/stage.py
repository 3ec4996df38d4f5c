"""Stage: how far a claim has got, from modals, tense, aspect and governing cue words."""
from __future__ import annotations

from spacy.tokens import Token

from .chain import governors, is_negated, modifiers
from .cues import cues

_HYPOTHETICAL_MODALS = {"could", "might", "may"}
_FUTURE = {"would", "will", "shall", "should", "'ll", "wo"}
_NOUN_STAGE = {"deal": "agreed", "contract": "agreed", "order": "agreed", "agreement": "agreed",
               "pledge": "agreed", "purchase": "agreed", "shipment": "delivered",
               "delivery": "delivered", "consignment": "delivered", "cargo": "delivered",
               "handover": "delivered", "supplier": "ongoing", "exporter": "ongoing",
               "importer": "ongoing", "customer": "ongoing", "buyer": "ongoing", "flow": "ongoing",
               "supply": "ongoing", "aid": "ongoing", "assistance": "ongoing",
               "proposal": "proposed", "plan": "proposed", "offer": "proposed",
               "request": "proposed", "talks": "negotiating", "negotiation": "negotiating"}


def stage_of(trigger: Token) -> str:
    """The stage cue nearest to the trigger wins; tense and aspect decide the rest."""
    for word in governors(trigger):
        found = _cue_stage(word, trigger)
        if found:
            return found
    return _tense_stage(trigger)


def _cue_stage(word: Token, trigger: Token) -> str | None:
    for mod in modifiers(word):
        low = mod.lower_
        if low in _HYPOTHETICAL_MODALS or low in _FUTURE:
            return "proposed"
        if low in ("continue", "continues", "still", "regularly", "steadily"):
            return "ongoing"
    if word is not trigger or word.pos_ != "VERB":
        lemma = word.lemma_.lower()
        if word.pos_ in ("NOUN", "PROPN") and word is trigger:
            return _NOUN_STAGE.get(lemma)
        for stage in ("cancelled", "negotiating", "agreed", "proposed", "ongoing"):
            if lemma in cues().stage[stage] and word.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
                return stage
    if word is trigger and word.pos_ == "VERB" and word.lemma_.lower() in cues().stage["cancelled"]:
        return "cancelled"
    if is_negated(word) and word.pos_ == "VERB":
        return None
    return None


def _tense_stage(trigger: Token) -> str:
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    tag = trigger.tag_
    if tag == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "ongoing"
    if tag in ("VBZ", "VBP") and not auxes:
        return "ongoing"
    if any(a.lower_ in ("has", "have", "had") for a in auxes) and \
            any(a.lower_ == "been" for a in auxes) and tag == "VBG":
        return "ongoing"
    return "delivered"
