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
from .common import governing_verbs, phrase_codes, span_codes, subject_codes, triggers
from .status import settle

NOUNS = {"sanction", "sanctions", "embargo", "embargoes", "blacklist"}
VERBS = {"sanction", "blacklist"}
_TARGET_PREPS = ("on", "against", "over", "targeting", "to", "for")
_GROUPS = {"package", "round", "set", "wave", "regime", "programme", "program", "list",
           "raft", "batch", "series", "tranche"}
_VIOLATE = {"violate", "breach", "evade", "circumvent", "flout", "bust", "defy", "break",
            "skirt", "dodge", "undermine", "violation", "breach"}
_ARMS = {"arms", "weapons", "weapon", "military", "munitions", "war", "materiel"}
_IMPOSE = {"impose", "slap", "adopt", "introduce", "levy", "place", "announce", "extend",
           "renew", "maintain", "enforce", "approve", "agree", "pass", "tighten"}
_BODIES = {"UN", "EU", "AU", "ECOWAS", "NATO", "GCC", "ASEAN"}


def sanction_records(ctx: Context) -> list[Record]:
    out = []
    for trigger in triggers(ctx, NOUNS, ("NOUN", "PROPN")) + triggers(ctx, VERBS, ("VERB",)):
        if _negated(trigger):
            continue
        imposers, targets = roles_of(trigger, ctx)
        kind = "arms_embargo" if _arms(trigger) else "sanctions"
        out += records_for(ctx, trigger, imposers, targets, kind)
    return out


def records_for(ctx: Context, trigger: Token, imposers, targets, kind: str) -> list[Record]:
    out = []
    for imposer in imposers[:3]:
        for target in targets:
            if target == imposer:
                continue
            stage, assertion = settle(trigger, ctx, [imposer, target], ignore=("agreed",))
            if _breached(trigger):
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


def roles_of(trigger: Token, ctx: Context) -> tuple[list[str], list[str]]:
    group = _group_noun(trigger)
    own = _own(trigger, ctx) + (_own(group, ctx) if group is not None else [])
    targets = target_codes(trigger, ctx, group, tuple(own)) or _relcl_demonym(trigger, ctx, own)
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
        if clause.lemma_.lower() in _IMPOSE:
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


def target_codes(trigger: Token, ctx: Context, group: Token | None,
                 exclude: tuple[str, ...] = ()) -> list[str]:
    heads = [trigger] + ([group] if group is not None else [])
    verbs = governing_verbs(trigger)
    if verbs and verbs[0].lemma_.lower() in _IMPOSE | {"lift", "ease", "tighten", "end"}:
        heads.append(verbs[0])
        for conj in (c for c in verbs[0].children if c.dep_ == "conj"):
            heads += [conj] + [c for c in conj.children if c.dep_ == "dobj"]
    clauses = [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
    for head in heads + clauses:
        preps = _TARGET_PREPS if head not in clauses else ("on", "against", "at")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = _target(pobj, ctx, exclude)
                if found:
                    return found
    return []


def _target(pobj: Token, ctx: Context, exclude: tuple[str, ...] = ()) -> list[str]:
    """"Iran, Libya and Cuba"; "Russia's oil companies"; "pharmaceutical sales to Iran";
    "Ivan Maslov, the head of the Wagner Group": the first actor named."""
    codes = _head_codes(pobj, ctx)
    if codes:
        return codes
    for prep in (c for c in pobj.children if c.dep_ == "prep"):
        inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if inner is not None and _head_codes(inner, ctx):
            return _head_codes(inner, ctx)
    named = [t for t in pobj.subtree if t.pos_ != "PRON"]
    found = [c for c in span_codes(named, ctx) if c not in exclude]
    return found[:1]


def _relcl_demonym(trigger: Token, ctx: Context, own: list[str]) -> list[str]:
    """"sanctions that would ban imports of Russian gas": the state whose goods are hit."""
    for clause in (c for c in trigger.children if c.dep_ == "relcl"):
        for tok in clause.subtree:
            m = ctx.actor_at(tok)
            if m is not None and m.kind == "demonym" and m.code not in own:
                return [m.code]
    return []


def _head_codes(noun: Token, ctx: Context) -> list[str]:
    """A noun phrase and its conjuncts, without clauses or prepositions other than "of"."""
    skip = {t.i for d in noun.subtree if d.dep_ in ("relcl", "acl", "appos")
            or (d.dep_ == "prep" and d.lower_ != "of") for t in d.subtree}
    return span_codes(noun.subtree, ctx, skip)


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
