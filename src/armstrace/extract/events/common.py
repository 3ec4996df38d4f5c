"""Shared helpers of the event rules: triggers, the parties a phrase names, subjects.

Event parties are gathered from whole subtrees (subjects, "with X", "between X
and Y", the trigger's own modifiers) rather than from single heads: the small
parser often splits a list of states over several subject arcs.
"""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Token

from ..context import Context

# words that follow an actor name and make it a qualifier, not the actor: "al-Qaeda-linked"
_QUALIFIERS = {"linked", "backed", "affiliated", "aligned", "allied", "based", "style", "led"}
# "the two countries", "the three leaders": the last N states named
_NUMBERS = {"two": 2, "three": 3, "four": 4, "both": 2}
_GROUP_NOUNS = {"countries", "nations", "states", "leaders", "sides", "governments", "navies",
                "militaries", "neighbours", "neighbors", "powers"}
# "the group", "the movement": the last armed group or organisation named
_GROUP_WORDS = {"group", "movement", "militia", "rebels", "faction", "organisation",
                "organization", "alliance", "bloc"}
STATE_KINDS = {"state", "demonym", "leader", "capital", "seat", "force", "firm", "alias",
               "official", "person"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "parataxis"}
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
        code = _token_code(tok, ctx)
        if code and code not in codes:
            codes.append(code)
        elif code is None and tok.i not in skip:
            for extra in numbered(tok, ctx):
                if extra not in codes:
                    codes.append(extra)
    return codes


def _token_code(tok: Token, ctx: Context) -> str | None:
    m = ctx.actor_at(tok)
    if m is not None:
        if m.made or tok.i != m.start or _qualifier_follows(m.end, ctx):
            return None
        return m.code
    if tok.pos_ in ("PRON", "NOUN", "PROPN") or tok.lower_ in ("its", "their", "his", "her"):
        if tok.lower_ in _GROUP_WORDS and any(c.lower_ == "the" for c in tok.children):
            return last_of_kind(ctx, tok, {"organisation", "group", "armed_group"})
        return ctx.reference(tok) if tok.dep_ not in ("compound",) else None
    return None


def _qualifier_follows(end: int, ctx: Context) -> bool:
    doc = ctx.doc
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in _QUALIFIERS


def last_of_kind(ctx: Context, token: Token, kinds: set[str]) -> str | None:
    here = [m for m in ctx.actors if m.end <= token.i and m.kind in kinds]
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


def subtree_codes(token: Token, ctx: Context, skip: set[int] | None = None) -> list[str]:
    return span_codes(token.subtree, ctx, skip)


def clauses_below(token: Token) -> set[int]:
    """Token indices of relative and subordinate clauses inside a phrase."""
    return {t.i for d in token.subtree if d is not token and d.dep_ in _CLAUSES
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
    out, current = [], trigger
    for _ in range(limit):
        if current.head is current or current.dep_ not in _CLIMB:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            out.append(current)
    return out


def subject_codes(trigger: Token, ctx: Context, skip: set[int] | None = None) -> list[str]:
    """The subject (or passive agent) of the nearest governing verb that has one."""
    from ..cues import cues
    stop = cues().reporting_verbs | cues().alleging_verbs | cues().denying_verbs
    for verb in governing_verbs(trigger):
        if verb.lemma_.lower() in stop:
            return []
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
    return []


def subtree_codes_head(noun: Token, ctx: Context) -> list[str]:
    """Codes of a noun phrase without its relative clauses."""
    return phrase_codes(noun, ctx)


def excluded(token: Token, words: set[str]) -> set[int]:
    """Token indices of subtrees under a clause headed by one of ``words`` ("expected to join")."""
    out: set[int] = set()
    for tok in token.doc:
        if tok.lemma_.lower() in words and tok.pos_ in ("VERB", "NOUN", "ADJ"):
            out |= {t.i for t in tok.subtree}
    return out
