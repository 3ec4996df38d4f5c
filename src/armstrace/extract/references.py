"""Simple references: pronouns, "the country", surnames of leaders named before."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .context import Context

PRONOUNS = {"it", "its", "they", "their", "them", "he", "his", "she", "her", "itself"}
PERSONAL = {"he", "his", "she", "her"}
DESCRIPTIONS = {"country", "kingdom", "regime", "government", "state", "republic", "nation",
                "island", "emirate", "leadership", "leader", "president", "administration",
                "capital", "side", "host", "army", "military", "ministry"}
PERSON_KINDS = {"leader"}


def resolve_reference(token: Token, ctx: "Context") -> str | None:
    lower = token.lower_
    if lower in PRONOUNS and token.pos_ == "PRON":
        return _last(ctx, token, persons=lower in PERSONAL)
    if token.pos_ in ("NOUN", "PROPN") and lower in DESCRIPTIONS and _definite(token):
        return _last(ctx, token, persons=lower in ("leader", "president", "host"))
    if token.pos_ == "PROPN":
        return _surname(token, ctx)
    return None


def _definite(token: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in token.children if c.dep_ == "det")


def _last(ctx: "Context", token: Token, persons: bool) -> str | None:
    here = [m for m in ctx.actors if m.end <= token.i and not m.made]
    pool = here or ctx.previous
    if persons:
        people = [m for m in pool if m.kind in PERSON_KINDS]
        pool = people or pool
    pool = [m for m in pool if m.kind not in ("organisation", "special")] or pool
    return pool[-1].code if pool else None


def _surname(token: Token, ctx: "Context") -> str | None:
    """"Kim" after "Kim Jong Un": the leader named earlier in the document."""
    for m in reversed(ctx.previous + [a for a in ctx.actors if a.end <= token.i]):
        if m.kind in PERSON_KINDS and token.text in m.text.replace("-", " ").split():
            return m.code
    return None
