"""Exercise records: joint drills, manoeuvres and war games of two or more parties.

Participants: the trigger's own phrase ("Chinese and Russian warships", "drills
of Russia, China and North Korea", "exercises with South Korea") and the
subject of the verb that governs it ("X and Y held", "X began ... with Y
taking part", "X proposed that Y join Z in exercises"). Parties only
"expected to join" and observers or critics are left out. ``domain`` only
when the text names it.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...ontology import Record
from ..context import Context
from .common import unique, excluded, governing_verbs, modifier_codes, phrase_codes, prep_codes, \
    subject_codes, triggers
from .status import settle

TRIGGERS = {"exercise", "exercises", "drill", "drills", "manoeuvre", "manoeuvres", "maneuver",
            "maneuvers", "wargame", "wargames", "war-game", "war-games", "games"}
_PREPS = ("with", "between", "of", "involving", "among", "alongside")
_OUTSIDE = {"expect", "observer", "observe", "invite", "denounce", "condemn", "protest",
            "criticise", "criticize", "warn", "monitor", "watch", "oppose", "accuse"}
_CRITICS = {"observe", "denounce", "condemn", "protest", "criticise", "criticize", "warn",
            "monitor", "watch", "oppose", "accuse", "slam", "decry", "deplore", "fear"}
_JOIN = {"join", "participate", "take", "involve", "include"}
_NAVAL = {"naval", "navy", "navies", "warship", "warships", "maritime", "frigates", "destroyers",
          "vessels", "submarines", "fleet", "fleets"}
_AIR = {"air", "aerial", "fighter", "fighters", "bombers"}
_LAND = {"land", "ground", "army", "armies", "tank"}
_JOINT = {"multi-domain", "multidomain", "combined-arms"}


def exercise_records(ctx: Context) -> list[Record]:
    out = []
    for trigger in triggers(ctx, TRIGGERS, pos=("NOUN", "PROPN")):
        if not _military(trigger) or (out and _anaphoric(trigger)):
            continue
        parties = participants(trigger, ctx)
        if len(parties) < 2:
            continue
        stage, assertion = settle(trigger, ctx, parties)
        data = {"type": "exercise", "participants": sorted(parties), "stage": stage,
                "assertion": assertion}
        domain = domain_of(trigger)
        if domain:
            data["domain"] = domain
        out.append(ctx.record(data))
    return out


def _anaphoric(trigger: Token) -> bool:
    """"the drills", "some of the drills" after an exercise already coded in the sentence."""
    return any(c.lower_ in ("the", "these", "those", "such") for c in trigger.children)


def _military(trigger: Token) -> bool:
    """"exercise of power" is not a drill; "games" only as war games."""
    if trigger.lower_ == "games":
        return any(c.lower_ in ("war", "military") for c in trigger.children)
    return not any(c.dep_ == "prep" and c.lower_ == "of" and trigger.lower_.startswith("exercise")
                   and not _has_actor_object(c) for c in trigger.children)


def _has_actor_object(prep: Token) -> bool:
    return any(t.pos_ == "PROPN" for t in prep.subtree)


def participants(trigger: Token, ctx: Context) -> list[str]:
    outside = excluded(trigger, _OUTSIDE)
    codes = modifier_codes(trigger, ctx) + prep_codes(trigger, ctx, _PREPS, outside)
    for clause in (c for c in trigger.children if c.dep_ in ("acl", "relcl")):
        codes += prep_codes(clause, ctx, ("by", "with"), outside)   # "drills held by X and Y"
    verbs = governing_verbs(trigger)
    if verbs and verbs[0].lemma_.lower() in _CRITICS:
        return unique(codes)                   # "Poland condemned the drills": not a party
    codes += subject_codes(trigger, ctx, outside)
    if verbs:
        verb = verbs[0]
        codes += prep_codes(verb, ctx, _PREPS, outside)
        if verb.lemma_.lower() in _JOIN:
            for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i not in outside):
                codes += phrase_codes(obj, ctx, outside)
    return unique(codes)


def domain_of(trigger: Token) -> str | None:
    words = {t.lower_ for t in trigger.subtree if t.i <= trigger.i}
    verbs = governing_verbs(trigger)
    if verbs:
        for subj in (c for c in verbs[0].children if c.dep_ in ("nsubj", "nsubjpass")):
            words |= {t.lower_ for t in subj.subtree}
    words |= {c.lower_ for c in trigger.children}
    if words & _JOINT:
        return "joint"
    hits = [name for name, cue in (("naval", _NAVAL), ("air", _AIR), ("land", _LAND))
            if words & cue]
    if len(hits) == 1:
        return hits[0]
    return "joint" if len(hits) > 1 else None
