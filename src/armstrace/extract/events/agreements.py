"""Agreement records: alliances, defence pacts, military cooperation, arms-deal frameworks.

Parties come from the trigger's phrase ("a mutual defence treaty between X and
Y", "the U.S.-Japan-South Korea alliance", "their agreements with the US") and
from the subject of the governing verb ("X and Y signed a pact", "the pact X
signed with Y"). A generic "agreement" counts only with a cue for its kind;
an agreement to hold an exercise is left to the exercise rules, an arms deal to
the transfer rules, and arms-control treaties to the meeting rules.
Allies and alliance membership live in ``alliances.py``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...ontology import Record
from ..context import Context
from .common import governing_verbs, modifier_codes, phrase_codes, prep_codes, subject_codes, \
    triggers
from .status import settle

NOUNS = {"alliance", "treaty", "pact", "agreement", "agreements", "accord", "memorandum",
         "partnership", "cooperation", "co-operation", "framework"}
_PREPS = ("between", "with", "among", "of")
_DEFENCE = {"mutual", "defend", "aggression", "attacked", "attack", "security", "defense-pact"}
_DEFENCE_NOUNS = {"defence", "defense"}
_COOPERATION = {"military", "defence", "defense", "military-technical", "security", "troops",
                "personnel", "bases", "base", "army", "armed", "strategic", "forces"}
_ARMS = {"arms", "weapons", "purchases", "purchase", "procurement", "sales", "buy", "buying",
         "weapon", "exports", "imports", "transferred", "deliveries"}
_OTHER = {"trade", "economic", "climate", "grain", "gas", "oil", "ceasefire", "peace", "nuclear",
          "non-proliferation", "arms-control", "reduce", "reducing", "limit", "limiting",
          "free-trade", "investment", "migration", "prisoner", "exercise", "exercises", "drills",
          "visa", "tax", "fishing", "energy", "deal"}


def agreement_records(ctx: Context) -> list[Record]:
    out = []
    for trigger in triggers(ctx, NOUNS, pos=("NOUN", "PROPN")):
        if _negated(trigger):
            continue
        kind = kind_of(trigger, ctx)
        if kind is None:
            continue
        parties = parties_of(trigger, ctx)
        if len(parties) < 2:
            continue
        stage, assertion = settle(trigger, ctx, parties)
        if stage == "delivered" and _signed_below(trigger):
            stage = "agreed"
        out.append(ctx.record({"type": "agreement", "parties": sorted(parties), "stage": stage,
                               "assertion": assertion, "kind": kind}))
    return out


def _signed_below(trigger: Token) -> bool:
    """"the pact Moscow signed with North Korea": signed, not said to be in force."""
    return any(c.dep_ in ("relcl", "acl") and c.lemma_.lower() in ("sign", "conclude", "ink")
               for c in trigger.children)


def _negated(trigger: Token) -> bool:
    return any(c.lower_ in ("no", "without") for c in trigger.children) or \
        (trigger.head.lower_ == "without")


def kind_of(trigger: Token, ctx: Context) -> str | None:
    lemma = trigger.lemma_.lower()
    phrase = _phrase_words(trigger)
    if lemma == "alliance":
        return "alliance"
    if lemma == "framework" or "framework" in phrase or trigger.lower_ == "agreements":
        return "arms_deal_framework" if _arms_context(trigger, ctx, phrase) else None
    if lemma in ("cooperation", "co-operation", "partnership"):
        if phrase & _DEFENCE and _defence_clause(trigger):
            return "defence_pact"
        mods = {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
        return "cooperation" if mods & _COOPERATION and not mods & _OTHER else None
    if _defence_clause(trigger):
        return "defence_pact"
    if phrase & _OTHER:
        return None
    if phrase & {"cooperation", "co-operation", "partnership"} or phrase & _COOPERATION:
        return "cooperation"
    return "defence_pact" if lemma == "pact" else None


def _phrase_words(trigger: Token) -> set[str]:
    return {t.lower_ for t in trigger.subtree}


def _defence_clause(trigger: Token) -> bool:
    """"mutual defence", "defence pact", "security pact", "come to the other's defence",
    "commit Washington to help defend"."""
    words = [t for t in trigger.subtree]
    lowers = {t.lower_ for t in words}
    if lowers & {"defend", "aggression", "attacked"}:
        return True
    if "mutual" in lowers and lowers & _DEFENCE_NOUNS:
        return True
    for child in trigger.children:
        if child.dep_ in ("compound", "amod") and child.lower_ in _DEFENCE_NOUNS | {"security"}:
            return True
    return any(t.lower_ in _DEFENCE_NOUNS and t.head.lower_ == "to" for t in words)


def _arms_context(trigger: Token, ctx: Context, phrase: set[str]) -> bool:
    """A standing agreement about arms: its phrase or sentence speaks of arms purchases."""
    sentence = {t.lower_ for t in ctx.doc}
    return bool((phrase | sentence) & _ARMS) or bool(ctx.items)


def parties_of(trigger: Token, ctx: Context) -> list[str]:
    codes = modifier_codes(trigger, ctx) + prep_codes(trigger, ctx, _PREPS)
    codes += subject_codes(trigger, ctx)
    verbs = governing_verbs(trigger)
    if verbs:
        codes += prep_codes(verbs[0], ctx, ("with", "between"))
    for child in trigger.children:
        if child.dep_ == "appos":
            codes += phrase_codes(child, ctx)
        if child.dep_ in ("relcl", "acl"):
            codes += [c for s in child.children if s.dep_ == "nsubj"
                      for c in subject_codes_of(s, ctx)]
            codes += prep_codes(child, ctx, ("with", "between"))
            if len(set(codes)) < 2:
                codes += _clause_states(child, ctx)
    out: list[str] = []
    for code in codes:
        if code not in out:
            out.append(code)
    return out


def _clause_states(clause: Token, ctx: Context) -> list[str]:
    """"an agreement that allowed US military personnel to operate": the state it names."""
    codes = []
    for tok in clause.subtree:
        m = ctx.actor_at(tok)
        if m is not None and m.start == tok.i and m.kind in ("demonym", "state", "alias"):
            codes.append(m.code)
    return codes[:1]


def subject_codes_of(subject: Token, ctx: Context) -> list[str]:
    if subject.lower_ in ("which", "that", "who"):
        return []
    return phrase_codes(subject, ctx)
