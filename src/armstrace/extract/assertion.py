"""Assertion: what the text commits to, from hedges, reporting verbs and their subjects.

- the writer states it, or a party states its own act: asserted;
- media, reports, sources, researchers, unnamed officials: reported;
- a third state's officials or organs, or any warning or accusation: alleged;
- could / might / may / if: hypothetical; the party denies it: denied.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.tokens import Token

from .chain import governors, is_negated, modifiers, subject
from .context import Context
from .cues import cues

_MEDIA = {"sources", "source", "media", "television", "tv", "agency", "newspaper", "report",
          "reports", "outlet", "press", "journalists", "reporters", "researchers", "analysts",
          "experts", "institute", "think-tank", "monitor", "panel", "study", "investigation",
          "diplomats", "people", "daily", "journal", "post", "times", "broadcaster", "network",
          "observers", "documents", "footage", "images", "satellite"}
_SELF = {"company", "firm", "manufacturer", "maker", "contractor", "group"}
_SIDE = ("parataxis", "ccomp", "advcl", "conj")


def assertion_of(trigger: Token, ctx: Context, parties: Iterable[str]) -> str:
    parties = set(parties)
    c = cues()
    negated = is_negated(trigger)
    for word in governors(trigger):
        for mod in modifiers(word):
            low = mod.lower_
            if low in ("could", "might", "may") or (low == "if" and mod.dep_ == "mark"):
                return "hypothetical"
            if low in ("reportedly", "purportedly", "apparently"):
                return "reported"
            if low in ("allegedly", "supposedly"):
                return "alleged"
    verbs = list(_reporting_verbs(trigger))
    lemmas = {v.lemma_.lower() for v in verbs}
    if lemmas & c.denying_verbs:        # "rejecting reports that Moscow was buying shells"
        return "denied"
    if lemmas & c.alleging_verbs:
        return "alleged"
    if verbs:
        return _by_source(_subject(verbs[0]), ctx, parties, negated)
    according = _according_to(ctx)
    if according is not None:
        return _by_source(according, ctx, parties, negated)
    if negated:
        return "denied"
    return "reported" if _continues_report(trigger, ctx) else "asserted"


def _continues_report(trigger: Token, ctx: Context) -> bool:
    """"I read that Kim plans to meet Putin. The two leaders would discuss ...": reported
    speech goes on in the conditional after a sentence that reports."""
    return ctx.frame == "reported" and any(
        m.lower_ == "would" for w in governors(trigger) for m in modifiers(w))


def frame_of(doc) -> str | None:
    """"reported" when a sentence as a whole is attributed to media, reports or the writer's
    reading ("This morning I read that ..."); the next sentence may continue it."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in cues().reporting_verbs:
        return None
    subj = _subject(root)
    if subj is None:
        return None
    if (subj.pos_ == "PRON" and subj.lower_ in ("i", "we")) or subj.lower_ in _MEDIA:
        return "reported"
    return None


def _reporting_verbs(trigger: Token) -> Iterator[Token]:
    """Reporting verbs above the trigger, or beside its clause ("..., Kirby alleged, ...")."""
    c = cues()
    words = c.reporting_verbs | c.alleging_verbs | c.denying_verbs
    chain = list(governors(trigger))
    for word in chain[1:]:
        if word.pos_ in ("VERB", "NOUN") and word.lemma_.lower() in words:
            yield word
    for word in chain:
        for child in word.children:
            if child.dep_ in _SIDE and child.pos_ == "VERB" and child not in chain \
                    and child.lemma_.lower() in words and child.i != trigger.i:
                yield child


def _subject(verb: Token) -> Token | None:
    return subject(verb, ("nsubj", "nsubjpass"))


def _according_to(ctx: Context) -> Token | None:
    for tok in ctx.doc:
        if tok.lower_ == "according" and tok.i + 1 < len(ctx.doc) and \
                ctx.doc[tok.i + 1].lower_ == "to":
            return next((c for c in ctx.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    return None


def _by_source(source: Token | None, ctx: Context, parties: set[str], negated: bool) -> str:
    if source is None:
        return "reported"
    head = source.lower_
    if source.pos_ == "PRON" and head in ("i", "we"):
        return "reported"
    named = ctx.actor_at(source)
    if named is None and (head in _MEDIA or (source.pos_ == "PROPN"
                                            and not ctx.actors_of(source, depth=3))):
        return "reported"
    if head in _SELF or negated:     # a party (or its spokesperson) says it did not happen
        return "denied" if negated else "asserted"
    codes = [named.code] if named else ctx.actors_of(source, depth=3)
    if not codes:
        return "reported"
    if set(codes) & parties:
        if head in ("officials", "official", "diplomats"):
            return "denied" if negated else "reported"
        return "denied" if negated else "asserted"
    return "alleged"
