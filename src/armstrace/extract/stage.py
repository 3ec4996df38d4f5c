"""Stage: how far a claim has got, from modals, tense, aspect and governing cue words."""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from .chain import governors, modifiers
from .cues import cues

_HYPOTHETICAL_MODALS = {"could", "might", "may"}
_FUTURE = {"would", "will", "shall", "'ll", "wo"}
_NOUN_STAGE = {"deal": "agreed", "contract": "agreed", "order": "agreed", "agreement": "agreed",
               "pledge": "agreed", "purchase": "agreed", "shipment": "delivered",
               "delivery": "delivered", "consignment": "delivered", "cargo": "delivered",
               "handover": "delivered", "sale": "delivered", "transfer": "delivered",
               "export": "ongoing", "supplier": "ongoing", "exporter": "ongoing",
               "importer": "ongoing", "customer": "ongoing", "buyer": "ongoing", "flow": "ongoing",
               "supply": "ongoing", "aid": "ongoing", "assistance": "ongoing",
               "proposal": "proposed", "plan": "proposed", "offer": "proposed",
               "request": "proposed", "talks": "negotiating", "negotiation": "negotiating"}
# the transfer verb itself can carry the stage
_VERB_STAGE = {"offer": "proposed", "seek": "proposed", "request": "proposed", "want": "proposed",
               "ask": "proposed", "demand": "proposed",
               "need": "proposed", "propose": "proposed", "pledge": "agreed",
               "promise": "agreed", "commit": "agreed", "approve": "agreed", "order": "agreed",
               "sign": "agreed", "contract": "agreed", "authorize": "agreed",
               "authorise": "agreed"}
_ARRIVE = {"arrive", "reach", "land"}


def stage_of(trigger: Token, path: Sequence[Token] = ()) -> str:
    """The stage cue nearest to the item wins; then the trigger's tense and aspect."""
    for word in path:
        if word is trigger:
            break
        if word.pos_ in ("NOUN", "ADJ") and word.lemma_.lower() in cues().stage["ongoing"]:
            return "ongoing"
    if trigger.dep_ in ("acl", "relcl") and _arrived(trigger.head):
        return "delivered"
    own = _VERB_STAGE.get(trigger.lemma_.lower()) if trigger.pos_ == "VERB" else None
    noun = _NOUN_STAGE.get(trigger.lemma_.lower()) if trigger.pos_ in ("NOUN", "PROPN") else None
    soft = None      # "continue" and "keep" yield to a promise or plan above them
    reach = 3 if trigger.pos_ in ("NOUN", "PROPN") else 8     # a noun's own clause only
    for word in governors(trigger, limit=reach, stop_at_relative=True):
        found = None if word is trigger and noun else _cue_stage(word, trigger)
        if found == "ongoing" and word is not trigger:
            soft = soft or found
            continue
        if found:
            return found
        if word is trigger and own:
            return own
    return soft or noun or _tense_stage(trigger)


def _arrived(noun: Token) -> bool:
    """"tanks ordered by Poland ... arrived": the item is the subject of an arrival."""
    while noun.dep_ == "conj":
        noun = noun.head
    return noun.dep_ == "nsubj" and noun.head.lemma_ in _ARRIVE


def _cue_stage(word: Token, trigger: Token) -> str | None:
    lemma = word.lemma_.lower()
    if word is not trigger and word.pos_ == "VERB":
        for stage in ("cancelled", "negotiating", "agreed", "proposed"):
            if lemma in cues().stage[stage] and lemma not in _HYPOTHETICAL_MODALS | _FUTURE:
                return stage
    for mod in modifiers(word):
        low = mod.lower_
        if low == "whether" and mod.dep_ == "mark":
            return "proposed"
        if low in _HYPOTHETICAL_MODALS:
            return "proposed"
        if low in _FUTURE:
            return "agreed"
        if low in ("continue", "continues", "still", "regularly", "steadily"):
            return "ongoing"
    if word is trigger:
        if word.pos_ in ("NOUN", "PROPN"):
            return _NOUN_STAGE.get(lemma)
        return "cancelled" if lemma in cues().stage["cancelled"] else None
    for stage in ("cancelled", "negotiating", "agreed", "proposed", "ongoing"):
        if lemma in cues().stage[stage] and word.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            return stage
    return None


def _tense_stage(trigger: Token) -> str:
    auxes = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    tag = trigger.tag_
    if tag == "VBG" and any(a.lemma_ == "be" for a in auxes):
        return "ongoing"
    if tag == "VBG" and not auxes:
        if trigger.dep_ == "pcomp":
            return "ongoing"
        if trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.head.pos_ in ("VERB", "AUX"):
            return _tense_stage(trigger.head)
    if tag in ("VBZ", "VBP") and not auxes:
        return "ongoing"
    return "delivered"
