"""Alliances read off allies and membership: "its ally, South Korea", "X joined NATO".

- A named state called another's ally is an alliance in force (``delivered``):
  "the United States and its ally, South Korea", "his main ally China",
  "Japan, a close ally of the US". Unnamed allies ("the US and its allies")
  are not coded.
- Joining or becoming a member of a military alliance (NATO, CSTO) is an
  alliance between the state and the body; applying for membership is
  ``proposed``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ...ontology import Record
from ..context import Context
from .common import governing_verbs, phrase_codes, span_codes, subject_codes
from .naming import last_of_kind
from .status import settle

ALLIANCE_BODIES = {"NATO", "CSTO"}
_MEMBER_NOUNS = {"member", "membership", "accession", "members"}
_APPLY = {"apply", "seek", "bid", "wait", "request", "want", "hope", "aspire", "ratify"}


def alliance_records(ctx: Context) -> list[Record]:
    out = []
    for tok in ctx.doc:
        if tok.lemma_.lower() == "ally" and tok.pos_ in ("NOUN", "PROPN"):
            pair = ally_pair(tok, ctx)
            if pair:
                out.append(_record(ctx, pair, "delivered", "asserted"))
        elif tok.lower_ in _MEMBER_NOUNS or (tok.lemma_.lower() == "join" and tok.pos_ == "VERB"):
            found = membership(tok, ctx)
            if found:
                out.append(_record(ctx, *found))
    return out


def _record(ctx: Context, parties, stage: str, assertion: str) -> Record:
    return ctx.record({"type": "agreement", "parties": sorted(parties), "stage": stage,
                       "assertion": assertion, "kind": "alliance"})


def ally_pair(ally: Token, ctx: Context) -> list[str] | None:
    owner = _owner(ally, ctx)
    named = _named(ally, ctx)
    if not owner or not named:
        return None
    pair = [owner[0]] + [c for c in named[:1] if c != owner[0]]
    return pair if len(pair) == 2 else None


def _owner(ally: Token, ctx: Context) -> list[str]:
    """Whose ally: "its/his ally", "X's ally", "an ally of X"."""
    for child in ally.children:
        if child.dep_ == "poss":
            if child.lower_ in ("his", "her") and not any(
                    m.kind == "leader" and m.end <= child.i for m in ctx.actors):
                return []                 # a person named in another sentence: too unsure
            return span_codes([child], ctx) or phrase_codes(child, ctx)
        if child.dep_ == "prep" and child.lower_ == "of":
            return phrase_codes(child, ctx)
    if ally.dep_ == "conj" and ally.head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return []
    return []


def _named(ally: Token, ctx: Context) -> list[str]:
    """Who is the ally: an apposition, a name right after it, or the noun it describes."""
    for node in [ally] + [c for c in ally.children if c.dep_ == "conj"]:
        for child in node.children:
            if child.dep_ in ("appos", "compound") and child.i > ally.i:
                codes = span_codes(child.subtree, ctx)
                if codes:
                    return codes
    if ally.dep_ == "appos":
        return span_codes([ally.head], ctx)
    if ally.dep_ == "attr":
        subj = next((c for c in ally.head.children if c.dep_ == "nsubj"), None)
        return phrase_codes(subj, ctx) if subj is not None else []
    return []


def membership(tok: Token, ctx: Context) -> tuple[list[str], str, str] | None:
    body = _body(tok, ctx)
    if body is None:
        return None
    states = [c for c in _member_state(tok, ctx) if c not in ALLIANCE_BODIES]
    if not states:
        return None
    stage, assertion = settle(tok, ctx, [states[0], body])
    if any(v.lemma_.lower() in _APPLY for v in [tok.head, *governing_verbs(tok)[:2]]):
        stage = "proposed"
    elif stage not in ("proposed", "cancelled"):
        stage = "delivered"
    return [states[0], body], stage, assertion


def _body(tok: Token, ctx: Context) -> str | None:
    scope = list(tok.subtree) if tok.pos_ != "VERB" else \
        [t for c in tok.children if c.dep_ in ("dobj", "prep") for t in c.subtree]
    for code in span_codes(scope, ctx):
        if code in ALLIANCE_BODIES:
            return code
    if tok.lower_ in ("membership", "accession"):
        code = last_of_kind(ctx, tok, {"organisation"})
        return code if code in ALLIANCE_BODIES else None
    return None


def _member_state(tok: Token, ctx: Context) -> list[str]:
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if owners:
        return span_codes(owners, ctx)
    if tok.pos_ == "VERB":
        return [c for s in tok.children if s.dep_ in ("nsubj", "nsubjpass")
                for c in phrase_codes(s, ctx)]
    return subject_codes(tok, ctx)
