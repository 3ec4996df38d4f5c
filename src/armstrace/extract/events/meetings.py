"""Meeting records: summits, state visits, talks and arms-control negotiations.

Participants are the states the people represent: "Kim and Putin held talks",
"talks between X and Y", "talks with his Russian counterpart", "X's visit to
Pyongyang", "a visit to Warsaw by Zelensky", "X met Y". The place of talks
counts only when it is a capital and one side is still missing. Phone and
video calls are not meetings; a planned or possible meeting is ``proposed``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...ontology import Record
from ..context import Context
from .common import governing_verbs, phrase_codes, prep_codes, span_codes, subject_codes, \
    triggers
from .status import settle

NOUNS = {"talks", "talk", "summit", "meeting", "visit", "negotiations", "negotiation",
         "summitry"}
VERBS = {"meet", "visit", "host"}
_PREPS = ("with", "between", "among", "by", "of")
_REMOTE = {"phone", "telephone", "call", "video", "videoconference", "virtual", "online", "letter"}
# "arms negotiations", "purchase talks": a deal being negotiated is a transfer, not a meeting
_DEAL_WORDS = {"arms", "weapons", "deal", "sale", "sales", "purchase", "contract", "price",
               "trade", "peace", "ceasefire", "coalition", "wage", "labour", "labor"}
_PLACE_KINDS = {"capital", "place", "seat"}


def meeting_records(ctx: Context) -> list[Record]:
    out = []
    for trigger in triggers(ctx, NOUNS, pos=("NOUN", "PROPN")) + triggers(ctx, VERBS, ("VERB",)):
        if _remote(trigger) or _about_a_deal(trigger):
            continue
        parties = participants(trigger, ctx)
        if len(parties) < 2:
            continue
        standing = "ongoing" if trigger.lemma_.lower().startswith("negotiat") else "delivered"
        stage, assertion = settle(trigger, ctx, parties, standing=standing)
        out.append(ctx.record({"type": "meeting", "participants": sorted(parties),
                               "stage": stage, "assertion": assertion}))
    return out


def _remote(trigger: Token) -> bool:
    near = {t.lower_ for t in trigger.subtree}
    for verb in governing_verbs(trigger)[:1]:
        near |= {t.lower_ for c in verb.children if c.dep_ in ("prep", "advmod", "npadvmod")
                 for t in c.subtree}
    return bool(near & _REMOTE)


def _about_a_deal(trigger: Token) -> bool:
    mods = {c.lower_ for c in trigger.children if c.dep_ in ("compound", "amod", "nmod")}
    return bool(mods & _DEAL_WORDS)


def participants(trigger: Token, ctx: Context) -> list[str]:
    if trigger.pos_ == "VERB":
        codes = subject_codes(_first_word(trigger), ctx) if _no_subject(trigger) else \
            [c for s in trigger.children if s.dep_ in ("nsubj", "nsubjpass")
             for c in phrase_codes(s, ctx)]
        for obj in (c for c in trigger.children if c.dep_ in ("dobj", "attr")):
            codes += phrase_codes(obj, ctx)
        codes += prep_codes(trigger, ctx, ("with", "to"))
    else:
        codes = _own_codes(trigger, ctx) + prep_codes(trigger, ctx, _PREPS + ("to",))
        codes += subject_codes(trigger, ctx)
        verbs = governing_verbs(trigger)
        if verbs and verbs[0].lemma_.lower() in ("hold", "have", "conduct", "begin", "open",
                                                 "start", "resume", "attend", "join"):
            codes += prep_codes(verbs[0], ctx, ("with", "between"))
    codes = _unique(codes)
    if len(codes) < 2:
        codes = _unique(codes + _venue(trigger, ctx))
    return codes


def _first_word(verb: Token) -> Token:
    return verb


def _no_subject(verb: Token) -> bool:
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _own_codes(trigger: Token, ctx: Context) -> list[str]:
    """"Putin's visit", "his summit", "US-China talks"; not "the Budapest summit"."""
    codes: list[str] = []
    for child in trigger.children:
        if child.dep_ not in ("poss", "compound", "amod", "nmod") or child.i > trigger.i:
            continue
        for tok in child.subtree:
            m = ctx.actor_at(tok)
            if m is not None and m.kind in _PLACE_KINDS:
                continue
            codes += span_codes([tok], ctx)
    return codes


def _venue(trigger: Token, ctx: Context) -> list[str]:
    """"talks ... in Beijing", "visit to Moscow": a capital where the talks were held."""
    heads = [trigger] + governing_verbs(trigger)[:1]
    codes: list[str] = []
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "to")):
            for tok in prep.subtree:
                m = ctx.actor_at(tok)
                if m is not None and m.kind in ("capital", "state", "alias") and not m.made:
                    codes.append(m.code)
    return codes


def _unique(codes: list[str]) -> list[str]:
    out: list[str] = []
    for code in codes:
        if code not in out:
            out.append(code)
    return out
