"""Assertion: what the text commits to, from hedges, reporting verbs and their subjects."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from .chain import governors, is_negated, modifiers
from .context import Context
from .cues import cues


def assertion_of(trigger: Token, ctx: Context, parties: Iterable[str]) -> str:
    parties = set(parties)
    c = cues()
    for word in governors(trigger):
        lemma = word.lemma_.lower()
        for mod in modifiers(word):
            low = mod.lower_
            if low in ("could", "might", "may") or (low == "if" and mod.dep_ == "mark"):
                return "hypothetical"
            if low in ("reportedly", "purportedly", "apparently"):
                return "reported"
            if low in ("allegedly", "supposedly"):
                return "alleged"
        if word is not trigger and word.pos_ in ("VERB", "NOUN"):
            if lemma in c.denying_verbs:
                return "denied"
            if lemma in c.alleging_verbs:
                return "alleged"
            if lemma in c.reporting_verbs and word.pos_ == "VERB":
                return _by_source(_subject(word), ctx, parties, negated=is_negated(trigger))
    according = _according_to(ctx)
    if according is not None:
        return _by_source(according, ctx, parties, negated=False)
    if is_negated(trigger):
        return "denied"
    return "asserted"


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _according_to(ctx: Context) -> Token | None:
    for tok in ctx.doc:
        if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].lower_ == "to":
            return next((c for c in ctx.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    return None


def _by_source(source: Token | None, ctx: Context, parties: set[str], negated: bool) -> str:
    """Who says it: media and unnamed sources report; a third state alleges; a party asserts."""
    if source is None:
        return "reported"
    if source.lower_ in ("i", "we") and source.pos_ == "PRON":
        return "reported"
    codes = ctx.actors_of(source)
    if codes:
        if set(codes) & parties:
            return "denied" if negated else "asserted"
        return "alleged"
    words = {t.lower_ for t in source.subtree}
    if words & cues().reported_nouns or source.pos_ == "PROPN":
        return "reported"
    return "reported"
