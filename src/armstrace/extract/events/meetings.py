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
from .common import unique, direct_verb, governing_verbs, prep_codes, span_codes, subject_codes, \
    triggers, verb_subject_codes
from .status import settle

NOUNS = {"talks", "talk", "summit", "meeting", "visit", "negotiations", "negotiation",
         "summitry"}
VERBS = {"meet", "visit", "host"}
_PREPS = ("with", "between", "among", "by")
# verbs whose subject takes part in the meeting the trigger names
_TAKE_PART = {"hold", "have", "conduct", "begin", "open", "start", "resume", "attend", "join",
              "meet", "pledge", "agree", "say", "sign", "announce", "travel", "go", "come",
              "arrive", "return", "call", "cancel", "postpone", "plan", "host", "make", "pay",
              "end", "wrap", "conclude", "accept", "propose", "raise", "discuss", "seek",
              "prepare", "schedule", "continue", "stop", "break", "suspend", "resume"}
_REMOTE = {"phone", "telephone", "call", "video", "videoconference", "virtual", "online", "letter"}
# "arms negotiations", "purchase talks": a deal being negotiated is a transfer, not a meeting
_DEAL_WORDS = {"arms", "weapons", "deal", "sale", "sales", "purchase", "contract", "price",
               "trade", "peace", "ceasefire", "coalition", "wage", "labour", "labor"}
_PLACE_KINDS = {"capital", "place", "seat"}


def meeting_records(ctx: Context) -> list[Record]:
    out = []
    firms_only = _firm_codes(ctx)
    for trigger in triggers(ctx, NOUNS, pos=("NOUN", "PROPN")) + triggers(ctx, VERBS, ("VERB",)):
        if _remote(trigger) or _about_a_deal(trigger):
            continue
        parties = [c for c in participants(trigger, ctx) if c not in firms_only]
        if len(parties) >= 2:
            out.append(_record(ctx, trigger, parties))
    for verb in triggers(ctx, {"sign"}, ("VERB",)):
        leaders = _signing_leaders(verb, ctx)
        if len(leaders) >= 2:
            out.append(_record(ctx, verb, leaders, signing=True))
    return out


def _record(ctx: Context, trigger: Token, parties: list[str], signing: bool = False) -> Record:
    standing = "ongoing" if trigger.lemma_.lower().startswith("negotiat") else "delivered"
    stage, assertion = settle(trigger, ctx, parties, standing=standing,
                              ignore=("agreed", "negotiating"))
    if signing and stage != "proposed":
        stage = "delivered"
    return ctx.record({"type": "meeting", "participants": sorted(parties), "stage": stage,
                       "assertion": assertion})


def _firm_codes(ctx: Context) -> set[str]:
    """States named in the sentence only through their firms: firms do not meet for them."""
    kinds: dict[str, set[str]] = {}
    for m in ctx.actors:
        kinds.setdefault(m.code, set()).add(m.kind)
    return {code for code, found in kinds.items() if found == {"firm"}}


def _signing_leaders(verb: Token, ctx: Context) -> list[str]:
    """"X and Y signed a treaty", "the pact was signed by X and Y": leaders signing together
    have met. Only people (leaders, ministers) count, not states or capitals."""
    signers = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    codes: list[str] = []
    for signer in signers:
        for tok in signer.subtree:
            m = ctx.actor_at(tok)
            if m is not None and m.start == tok.i and m.kind == "leader" and m.code not in codes:
                codes.append(m.code)
    return codes


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
        codes = verb_subject_codes(trigger, ctx)
        if codes is None:
            codes = subject_codes(trigger, ctx)
        for obj in (c for c in trigger.children if c.dep_ in ("dobj", "attr")):
            codes += _person_codes(obj, ctx)
        codes += prep_codes(trigger, ctx, ("with", "to"))
    else:
        codes = _own_codes(trigger, ctx) + prep_codes(trigger, ctx, _PREPS + ("to",))
        verb = direct_verb(trigger)
        if verb is not None and verb.lemma_.lower() in _TAKE_PART:
            found = verb_subject_codes(verb, ctx)
            codes += found if found is not None else subject_codes(verb, ctx)
            codes += prep_codes(verb, ctx, ("with", "between"))
    codes = unique(codes)
    if len(codes) == 1 and trigger.lemma_.lower() in ("visit", "talk", "talks"):
        codes = unique(codes + _venue(trigger, ctx))
    return codes


def _person_codes(obj: Token, ctx: Context) -> list[str]:
    """The object of "met": a person or state, not "met a request from Mogadishu"."""
    skip = {t.i for c in obj.children if c.dep_ == "prep" for t in c.subtree}
    return span_codes([t for t in obj.subtree if t.i not in skip], ctx)


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
