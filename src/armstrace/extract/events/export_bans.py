"""Export bans and penal suspensions, coded as sanctions (ONTOLOGY.md "Export bans").

- A state's restrictions, ban, freeze or suspension of arms exports, sales or
  export licences towards named destinations is an ``arms_embargo`` from that
  state to each: "restrictions ... that should prevent Russia, China and North
  Korea obtaining them", "the freeze on arms exports to the kingdom",
  "Britain is suspending export licences for items used by Israel".
- A suspension of air links, flights or trade with a state is ``sanctions``.
- "X targeted Y's ships" beside a sanction in the same sentence is a sanction.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...ontology import Record
from ..context import Context
from .common import phrase_codes, span_codes, subject_codes
from .sanctions import NOUNS as SANCTION_NOUNS, records_for

BAN_NOUNS = {"restriction", "restrictions", "ban", "bans", "freeze", "suspension", "moratorium",
             "halt", "controls", "prohibition", "stop"}
BAN_VERBS = {"suspend", "ban", "freeze", "halt", "bar", "prohibit", "stop", "restrict"}
_EXPORT = {"export", "exports", "exporting", "sale", "sales", "selling", "licence", "licences",
           "license", "licenses", "deliveries", "shipments", "transfers", "re-exports"}
_ARMS = {"arms", "weapons", "military", "munitions", "war", "defence", "defense", "items",
         "equipment", "products", "materiel", "components"}
_LINKS = {"links", "flights", "link", "trade", "ties", "relations", "flight", "air"}
_TO = ("to", "for", "against", "with")


def export_ban_records(ctx: Context) -> list[Record]:
    out = []
    for tok in ctx.doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in BAN_NOUNS:
            out += _noun_ban(tok, ctx)
        elif tok.pos_ == "VERB" and lemma in BAN_VERBS:
            out += _verb_ban(tok, ctx)
        elif tok.pos_ == "VERB" and lemma == "target" and _has_sanction(ctx):
            out += _targeted(tok, ctx)
    return out


def _noun_ban(noun: Token, ctx: Context) -> list[Record]:
    words = {t.lower_ for t in noun.subtree}
    if noun.lower_ == "suspension" and words & _LINKS and not words & _EXPORT:
        imposers = _owner(noun, ctx)
        targets = _destinations(noun, ctx, imposers)
        return records_for(ctx, noun, imposers, targets, "sanctions")
    if not (words & _EXPORT and (words & _ARMS or _arms_nearby(noun, ctx))):
        return []
    imposers = _owner(noun, ctx)
    targets = _destinations(noun, ctx, imposers) or _prevented(noun, ctx, imposers)
    return records_for(ctx, noun, imposers, targets, "arms_embargo")


def _verb_ban(verb: Token, ctx: Context) -> list[Record]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    words = {t.lower_ for o in objs for t in o.subtree}
    if not objs or not words & _EXPORT or not (words & _ARMS or _arms_nearby(verb, ctx)):
        return []
    imposers = [c for c in verb.children if c.dep_ == "nsubj"]
    imposer_codes = phrase_codes(imposers[0], ctx) if imposers else subject_codes(verb, ctx)
    targets = [c for o in objs for c in span_codes(o.subtree, ctx) if c not in imposer_codes]
    records = records_for(ctx, verb, imposer_codes[:1], targets[:1], "arms_embargo")
    for record in records:                       # the ban is in force, not a cancelled act
        if record.values.get("stage") == "cancelled":
            record.values["stage"] = "delivered"
    return records


def _arms_nearby(token: Token, ctx: Context) -> bool:
    return any(item.start <= t.i < item.end for item in ctx.items for t in token.subtree)


def _owner(noun: Token, ctx: Context) -> list[str]:
    codes = [c for child in noun.children if child.dep_ in ("poss", "compound", "amod")
             for c in span_codes(child.subtree, ctx)]
    return codes or subject_codes(noun, ctx)


def _destinations(noun: Token, ctx: Context, imposers: list[str]) -> list[str]:
    out: list[str] = []
    for tok in noun.subtree:
        if tok.dep_ == "prep" and tok.lower_ in _TO:
            for pobj in (c for c in tok.children if c.dep_ == "pobj"):
                codes = [c for c in ctx.actors_of(pobj) if c not in imposers] or \
                    _other_reference(pobj, ctx, imposers)
                out += [c for c in codes if c not in imposers and c not in out]
    return out


def _other_reference(pobj: Token, ctx: Context, imposers: list[str]) -> list[str]:
    """"the kingdom", "the country": the last state named that is not the imposer."""
    if not any(c.lower_ == "the" for c in pobj.children):
        return []
    for m in reversed([m for m in ctx.actors if m.end <= pobj.i] + ctx.previous):
        if m.code not in imposers and m.kind in ("state", "alias", "demonym", "capital"):
            return [m.code]
    return []


def _prevented(noun: Token, ctx: Context, imposers: list[str]) -> list[str]:
    """"restrictions that should prevent Russia, China and North Korea obtaining them"."""
    for tok in noun.subtree:
        if tok.lemma_.lower() in ("prevent", "stop", "keep", "bar") and tok.pos_ == "VERB":
            for child in tok.children:
                if child.dep_ in ("dobj", "nsubj", "ccomp", "xcomp") and child.i > tok.i:
                    codes = [c for c in span_codes(child.subtree, ctx) if c not in imposers]
                    if codes:
                        return codes
    return []


def _has_sanction(ctx: Context) -> bool:
    return any(t.lower_ in SANCTION_NOUNS for t in ctx.doc)


def _targeted(verb: Token, ctx: Context) -> list[Record]:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subj is None or obj is None:
        return []
    imposers = phrase_codes(subj, ctx)
    targets = [c for c in phrase_codes(obj, ctx) if c not in imposers]
    return records_for(ctx, verb, imposers[:1], targets[:1], "sanctions")
