"""Shared helpers of the event rules: triggers, the parties a phrase names, subjects.

Event parties are gathered from whole subtrees (subjects, "with X", "between X
and Y", the trigger's own modifiers) rather than from single heads: the small
parser often splits a list of states over several subject arcs.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from ..context import Context
from .naming import hyphen_codes, numbered, token_code

SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "parataxis"}
_PLACE_PREPS = {"in", "at", "near", "off", "on", "inside", "across", "around", "during", "after",
                "before", "since"}
_CLIMB = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "acl", "relcl", "dobj",
          "attr", "appos", "npadvmod", "oprd", "dep", "compound", "amod"}


def triggers(ctx: Context, words: Iterable[str], pos=("NOUN", "PROPN", "VERB")) -> list[Token]:
    words = set(words)
    return [t for t in ctx.doc if t.pos_ in pos and (t.lower_ in words or t.lemma_.lower() in words)]


def span_codes(tokens: Iterable[Token], ctx: Context, skip: set[int] | None = None) -> list[str]:
    """Actor codes named among ``tokens`` (a subtree), resolving pronouns and descriptions."""
    codes: list[str] = []
    skip = skip or set()
    for tok in tokens:
        if tok.i in skip:
            continue
        code = token_code(tok, ctx)
        if code and code not in codes:
            codes.append(code)
        elif code is None:
            extras = hyphen_codes(tok, ctx) if "-" in tok.text and ctx.actor_at(tok) is None \
                else numbered(tok, ctx)
            for extra in extras:
                if extra not in codes:
                    codes.append(extra)
    return codes


def unique(codes: list[str]) -> list[str]:
    """Codes in first-seen order, each once."""
    return list(dict.fromkeys(codes))


def clauses_below(token: Token) -> set[int]:
    """Token indices of relative and subordinate clauses and of place and time phrases
    inside a phrase ("Kim in Singapore", "Putin, who ...")."""
    return {t.i for d in token.subtree if d is not token and (
        d.dep_ in _CLAUSES or (d.dep_ == "prep" and d.lower_ in _PLACE_PREPS))
        for t in d.subtree}


def phrase_codes(token: Token, ctx: Context, skip: set[int] | None = None) -> list[str]:
    """Codes a phrase names, leaving out its relative and subordinate clauses."""
    return span_codes(token.subtree, ctx, (skip or set()) | clauses_below(token))


def prep_codes(token: Token, ctx: Context, words: Iterable[str],
               skip: set[int] | None = None) -> list[str]:
    """Codes of "with X", "between X and Y", "to X" attached to ``token``."""
    words = set(words)
    codes: list[str] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in words:
            for code in phrase_codes(child, ctx, skip):
                if code not in codes:
                    codes.append(code)
    return codes


def modifier_codes(trigger: Token, ctx: Context) -> list[str]:
    """States named in the trigger's own phrase: "Chinese and Russian warships", "US sanctions"."""
    codes: list[str] = []
    for child in trigger.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < trigger.i:
            for code in phrase_codes(child, ctx):
                if code not in codes:
                    codes.append(code)
    return codes


def governing_verbs(trigger: Token, limit: int = 6) -> list[Token]:
    """Verbs above the trigger, nearest first, through clause and phrase links."""
    return [verb for verb, _ in _climb(trigger, limit)]


def _climb(trigger: Token, limit: int = 6) -> list[tuple[Token, Token]]:
    """(verb, the child of the verb on the path from the trigger), nearest first."""
    out, current = [], trigger
    for _ in range(limit):
        if current.head is current or current.dep_ not in _CLIMB:
            break
        child, current = current, current.head
        if current.pos_ in ("VERB", "AUX"):
            out.append((current, child))
    return out


def direct_verb(trigger: Token) -> Token | None:
    """The verb a noun trigger belongs to: "held talks", "met during a visit", "at a summit"."""
    if trigger.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "oprd") and \
            trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep" and \
            trigger.head.head.pos_ in ("VERB", "AUX"):
        return trigger.head.head
    return None


def subject_codes(trigger: Token, ctx: Context, skip: set[int] | None = None) -> list[str]:
    """The subject (or passive agent) of the nearest governing verb that has one; a
    reporting verb whose clause holds the trigger ("X said that ...") is not crossed."""
    from ..cues import cues
    stop = cues().reporting_verbs | cues().alleging_verbs | cues().denying_verbs | {"accord"}
    for verb, child in _climb(trigger):
        if verb.lemma_.lower() in stop and child.dep_ not in ("dobj", "xcomp", "conj"):
            return []
        codes = verb_subject_codes(verb, ctx, skip)
        if codes is not None:
            return codes
    return []


def verb_subject_codes(verb: Token, ctx: Context, skip: set[int] | None = None) -> list[str] | None:
    """Codes of a verb's subject (agent when passive); None when it has no subject."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    agents = [c for c in verb.children if c.dep_ == "agent"]
    for subj in subjects:
        if subj.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            return subtree_codes_head(verb.head, ctx)
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    chosen = agents if passive and agents else subjects
    if chosen:
        return [c for s in chosen for c in phrase_codes(s, ctx, skip)]
    if verb.dep_ == "relcl":
        return subtree_codes_head(verb.head, ctx)
    return None


def subtree_codes_head(noun: Token, ctx: Context) -> list[str]:
    """Codes of a noun phrase without its relative clauses."""
    return phrase_codes(noun, ctx)


def excluded(token: Token, words: set[str]) -> set[int]:
    """Token indices under a word of ``words`` ("expected to join", observers) that does not
    itself govern ``token`` ("X and Y are expected to hold drills" keeps X and Y)."""
    above = {a.i for a in token.ancestors}
    out: set[int] = set()
    for tok in token.doc:
        if tok.lemma_.lower() in words and tok.pos_ in ("VERB", "NOUN", "ADJ") and tok.i not in above:
            out |= {t.i for t in tok.subtree}
    return out
