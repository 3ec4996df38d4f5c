"""Sanction records: sanctions, embargoes, export bans and penal suspensions of links.

- Imposer: an organisation or state naming the measure ("UN Security Council
  sanctions", "its package of sanctions", "US sanctions on Syria") or the
  subject of the governing verb ("China imposed", "Moscow has always supported
  sanctions"). A state that only votes for or supports a resolution is not
  the imposer when the resolution's body is named.
- Target: "on X", "against X", "over X's programme", "to X", the violator of
  sanctions ("accusing Pyongyang of violating sanctions"); officials and organs
  resolve to their state.
- Kind: ``arms_embargo`` for arms embargoes and export bans on arms
  (see ``export_bans.py``), otherwise ``sanctions``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...ontology import Record
from ..context import Context
from .common import governing_verbs, phrase_codes, span_codes, subject_codes, triggers, \
    verb_subject_codes
from .status import settle
from .targets import IMPOSE, head_codes, relcl_demonym, target_codes

NOUNS = {"sanction", "sanctions", "embargo", "embargoes", "blacklist"}
VERBS = {"sanction", "blacklist"}
_GROUPS = {"package", "round", "set", "wave", "regime", "programme", "program", "list",
           "raft", "batch", "series", "tranche"}
_VIOLATE = {"violate", "breach", "evade", "circumvent", "flout", "bust", "defy", "break",
            "skirt", "dodge", "undermine", "violation", "breach"}
_ARMS = {"arms", "weapons", "weapon", "military", "munitions", "war", "materiel"}
_BODIES = {"UN", "EU", "AU", "ECOWAS", "NATO", "GCC", "ASEAN"}


def sanction_records(ctx: Context) -> list[Record]:
    out = []
    for trigger in triggers(ctx, NOUNS, ("NOUN", "PROPN")) + triggers(ctx, VERBS, ("VERB",)):
        if _negated(trigger):
            continue
        imposers, targets = verb_roles(trigger, ctx) if trigger.pos_ == "VERB" else \
            roles_of(trigger, ctx)
        kind = "arms_embargo" if _arms(trigger) else "sanctions"
        out += records_for(ctx, trigger, imposers, targets, kind)
    return out


def records_for(ctx: Context, trigger: Token, imposers, targets, kind: str) -> list[Record]:
    out = []
    for imposer in imposers[:3]:
        for target in targets:
            if target == imposer:
                continue
            breached = _breached(trigger)
            stage, assertion = settle(trigger, ctx, [imposer, target], ignore=("agreed",),
                                      presupposed=breached)
            if breached:
                stage = "delivered"           # sanctions one breaches are in force
            out.append(ctx.record({"type": "sanction", "imposer": imposer, "target": target,
                                   "stage": stage, "assertion": assertion, "kind": kind}))
    return out


def _breached(trigger: Token) -> bool:
    heads = [trigger.head, trigger.head.head] if trigger.head.dep_ == "prep" else [trigger.head]
    return any(h.lemma_.lower() in _VIOLATE for h in heads)


def _negated(trigger: Token) -> bool:
    if any(c.lower_ in ("no", "without") for c in trigger.children) or trigger.head.lower_ == "without":
        return True
    head = trigger.head
    return trigger.dep_ == "attr" and any(c.dep_ == "neg" for c in head.children)


def _arms(trigger: Token) -> bool:
    words = {t.lower_ for t in trigger.subtree if t.dep_ != "relcl"}
    return trigger.lemma_.lower() == "embargo" and bool(words & _ARMS) or \
        any(c.lower_ in ("arms", "weapons") for c in trigger.children)


def verb_roles(verb: Token, ctx: Context) -> tuple[list[str], list[str]]:
    """"The US sanctioned Venezuelan officials": subject imposes, object is targeted."""
    imposers = verb_subject_codes(verb, ctx) or []
    targets = [c for o in verb.children if o.dep_ in ("dobj", "nsubjpass")
               for c in head_codes(o, ctx) if c not in imposers]
    return imposers, targets


def roles_of(trigger: Token, ctx: Context) -> tuple[list[str], list[str]]:
    group = _group_noun(trigger)
    own = _own(trigger, ctx) + (_own(group, ctx) if group is not None else [])
    targets = target_codes(trigger, ctx, group, tuple(own)) or relcl_demonym(trigger, ctx, own)
    violators = _violators(trigger, ctx)
    if violators:
        imposers = [c for c in own if c not in violators]
        return imposers, targets or violators
    bodies = [c for c in own if c in _BODIES]
    imposers = bodies or ([c for c in own if c not in targets] if targets else [])
    if not imposers:
        imposers = [c for c in subject_codes(group or trigger, ctx) if c not in targets]
    if not imposers:
        imposers = [c for c in _clause_imposer(trigger, ctx) if c not in targets]
    if not targets and own and imposers and set(own) - set(imposers):
        targets = [c for c in own if c not in imposers]
    return imposers, [c for c in targets if c not in imposers]


def _clause_imposer(trigger: Token, ctx: Context) -> list[str]:
    """"the arms embargo the Security Council imposed on the group"."""
    for clause in (c for c in trigger.children if c.dep_ in ("relcl", "acl")):
        if clause.lemma_.lower() in IMPOSE:
            subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lower_ not in ("that", "which"):
                return phrase_codes(subj, ctx)
    return []


def _group_noun(trigger: Token) -> Token | None:
    """"package of sanctions against Russia", "the US sanctions programme on Syria": the
    noun the trigger belongs to."""
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and \
            trigger.head.head.lemma_.lower() in _GROUPS:
        return trigger.head.head
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() in _GROUPS:
        return trigger.head
    return None


def _own(noun: Token, ctx: Context) -> list[str]:
    codes: list[str] = []
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < noun.i:
            codes += [c for c in span_codes(child.subtree, ctx) if c not in codes]
    return codes


def _violators(trigger: Token, ctx: Context) -> list[str]:
    """"accusing Pyongyang of violating sanctions", "X breached the embargo"."""
    for verb in [trigger.head, *governing_verbs(trigger)[:1]]:
        if verb.lemma_.lower() not in _VIOLATE:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ not in ("that", "which", "it"):
            return phrase_codes(subj[0], ctx)
        if verb.dep_ == "pcomp" and verb.head.lower_ == "of":
            accuser = verb.head.head
            obj = next((c for c in accuser.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return phrase_codes(obj, ctx)
        return []
    return []
