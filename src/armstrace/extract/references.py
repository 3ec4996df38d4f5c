"""Simple references: pronouns, "the country", "the two leaders", surnames named before."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .chain import subject

if TYPE_CHECKING:
    from .context import ActorMention, Context

PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "itself"}
PERSONAL = {"he", "his", "she", "her"}
DESCRIPTIONS = {"country", "kingdom", "regime", "government", "state", "republic", "nation",
                "island", "emirate", "leadership", "leader", "president", "administration",
                "capital", "side", "host", "army", "military", "ministry"}
PLURALS = {"leaders", "countries", "sides", "nations", "allies", "governments", "states",
           "powers", "neighbours", "neighbors", "partners", "presidents", "men", "dictators",
           "dictatorships", "rulers"}
NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
PERSON_KINDS = {"leader"}


def resolve_reference(token: Token, ctx: "Context") -> list[str]:
    lower = token.lower_
    if lower in PRONOUNS and token.pos_ == "PRON":
        return _last(ctx, token, persons=lower in PERSONAL)
    if token.pos_ in ("NOUN", "PROPN") and lower in DESCRIPTIONS and _definite(token):
        return _last(ctx, token, persons=lower in ("leader", "president", "host"))
    if token.pos_ == "NOUN" and lower in PLURALS:
        return _group(ctx, token)
    if token.pos_ == "PROPN":
        return _surname(token, ctx)
    return []


def _definite(token: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in token.children if c.dep_ == "det")


def _pool(ctx: "Context", token: Token) -> list["ActorMention"]:
    here = [m for m in ctx.actors if m.end <= token.i and not m.made]
    return here or ctx.previous


def _last(ctx: "Context", token: Token, persons: bool) -> list[str]:
    """"South Korea said it would reconsider its refusal": the subject of a verb above the
    pronoun first; else the last actor named before it."""
    speaker = _governing_subject(token, ctx)
    if speaker is not None:
        return [speaker]
    pool = _pool(ctx, token)
    if persons:
        people = [m for m in pool if m.kind in PERSON_KINDS]
        pool = people or pool
    pool = [m for m in pool if m.kind not in ("organisation", "special")] or pool
    return [pool[-1].code] if pool else []


def _governing_subject(token: Token, ctx: "Context") -> str | None:
    """"South Korea ... said it would reconsider its refusal": a pronoun in what an actor
    says is that actor."""
    from .cues import cues
    for verb in token.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subj = subject(verb)
        if subj is None or subj is token or subj.pos_ == "PRON":
            continue
        if verb.lemma_.lower() not in cues().reporting_verbs:
            return None
        mention = ctx.actor_at(subj) or next(
            (ctx.actor_at(c) for c in subj.children if ctx.actor_at(c)), None)
        return mention.code if mention and not mention.made else None
    return None


def _group(ctx: "Context", token: Token) -> list[str]:
    """"the two leaders", "the three countries": the last N actors named (N from the text)."""
    if any(c.dep_ in ("appos", "compound") for c in token.children) or \
            any(c.dep_ == "appos" for c in token.head.children if token.dep_ == "appos"):
        return []       # "the two dictators Vladimir Putin and Kim Jong Un" name themselves
    count = next((NUMBERS[c.lower_] for c in token.children if c.lower_ in NUMBERS), None)
    if count is None or not _definite(token) and not any(c.lower_ == "both" for c in token.children):
        return []
    people = token.lower_ in ("leaders", "presidents", "men", "dictators", "rulers")
    codes: list[str] = []
    for m in reversed(ctx.previous + [a for a in ctx.actors if a.end <= token.i]):
        if m.made or m.kind in ("organisation", "special") or (people and m.kind not in
                                                                PERSON_KINDS | {"state"}):
            continue
        if m.code not in codes:
            codes.append(m.code)
        if len(codes) == count:
            return codes
    return []


def _surname(token: Token, ctx: "Context") -> list[str]:
    """"Kim" after "Kim Jong Un": the leader named earlier in the document; "the North"
    after "North Korea"."""
    earlier = ctx.previous + [a for a in ctx.actors if a.end <= token.i]
    if token.text in ("North", "South") and _definite(token):
        for m in reversed(earlier):
            if m.kind in ("state", "alias", "demonym") and m.text.startswith(token.text + " "):
                return [m.code]
        return []
    for m in reversed(earlier):
        if m.kind in PERSON_KINDS and token.text in m.text.replace("-", " ").split():
            return [m.code]
    return []
