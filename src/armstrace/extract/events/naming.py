"""Who a word names: actor mentions, pronouns, "the two countries", "the group", "US-China".

Resolution here is deliberately narrow: a personal pronoun is the last leader
named, a possessive "its"/"their" the subject of its clause, "the group" the
last armed group, "the two countries" the last two states named.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..context import Context

# words that follow an actor name and make it a qualifier, not the actor: "al-Qaeda-linked"
_QUALIFIERS = {"linked", "backed", "affiliated", "aligned", "allied", "based", "style", "led"}
# "the two countries", "the three leaders": the last N states named
_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
_GROUP_NOUNS = {"countries", "nations", "states", "leaders", "sides", "governments", "navies",
                "militaries", "neighbours", "neighbors", "powers"}
# "the group", "the Council": the last armed group or organisation named
_GROUP_WORDS = {"group": {"group"}, "movement": {"group"}, "militia": {"group"},
                "rebels": {"group"}, "faction": {"group"}, "council": {"organisation"},
                "organisation": {"organisation"}, "organization": {"organisation"}}
_PERSONAL = {"he", "his", "him", "she", "her"}
STATE_KINDS = {"state", "demonym", "leader", "capital", "seat", "force", "firm", "alias",
               "official", "person"}


def token_code(tok: Token, ctx: Context) -> str | None:
    m = ctx.actor_at(tok)
    if m is not None:
        if m.made or tok.i != m.start or _qualifier_follows(m.end, ctx):
            return None
        return m.code
    if tok.lower_ in _PERSONAL and tok.pos_ == "PRON":
        return last_of_kind(ctx, tok, {"leader"}) or _first(ctx.reference(tok))
    if tok.lower_ in ("its", "their") and tok.dep_ == "poss":
        return _clause_subject(tok, ctx) or _first(ctx.reference(tok))
    if "-" in tok.text and tok.pos_ in ("PROPN", "ADJ", "NOUN"):
        return None
    if tok.pos_ in ("PRON", "NOUN", "PROPN") or tok.lower_ in ("its", "their", "his", "her"):
        kinds = _GROUP_WORDS.get(tok.lower_)
        if kinds and any(c.lower_ in ("the", "this") for c in tok.children):
            return last_of_kind(ctx, tok, kinds)
        return _first(ctx.reference(tok)) if tok.dep_ not in ("compound",) else None
    return None


def _first(codes: list[str]) -> str | None:
    return codes[0] if codes else None


def hyphen_codes(tok: Token, ctx: Context) -> list[str]:
    """"U.S.-Japan-South Korea", "US-China": states joined by hyphens in one token."""
    from ...reference.actors import Gazetteer
    codes = []
    for part in tok.text.split("-"):
        term = Gazetteer.default().resolve_term(part, ctx.date, fuzzy=False) if part else None
        if term is not None and term.kind in ("state", "alias", "demonym") and term.code not in codes:
            codes.append(term.code)
    return codes


def _clause_subject(tok: Token, ctx: Context) -> str | None:
    """"Saudi Arabia ... in violation of their agreements": the possessor is the subject."""
    for verb in (a for a in list(tok.ancestors)[:8] if a.pos_ in ("VERB", "AUX")):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if tok.i in {t.i for t in subj.subtree}:
            return None
        if tok.lower_ == "its" and any(c.dep_ == "conj" for c in subj.children):
            continue                      # "its" does not refer to "Turkey and Hungary"
        codes = [c for c in (token_code(t, ctx) for t in subj.subtree
                             if t.lower_ not in ("its", "their")) if c]
        return codes[0] if codes else None
    return None


def _qualifier_follows(end: int, ctx: Context) -> bool:
    doc = ctx.doc
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in _QUALIFIERS


def last_of_kind(ctx: Context, token: Token, kinds: set[str]) -> str | None:
    """The last actor of these kinds named before ``token`` (this sentence first)."""
    here = [m for m in ctx.actors if m.end <= token.i and m.kind in kinds
            and not _qualifier_follows(m.end, ctx)]
    pool = here or [m for m in ctx.previous if m.kind in kinds]
    return pool[-1].code if pool else None


def numbered(tok: Token, ctx: Context) -> list[str]:
    """"the two countries", "both sides", "the three leaders": the last N states named."""
    if tok.lower_ not in _GROUP_NOUNS:
        return []
    num = next((_NUMBERS[c.lower_] for c in tok.children if c.lower_ in _NUMBERS), None)
    if num is None:
        return []
    codes: list[str] = []
    here = [m for m in ctx.actors if m.end <= tok.i]
    for m in reversed(ctx.previous + here):
        if m.kind in STATE_KINDS and not m.made and m.code not in codes:
            codes.append(m.code)
        if len(codes) == num:
            return codes
    return []
