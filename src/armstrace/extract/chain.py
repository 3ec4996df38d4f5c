"""The chain of governing words above a trigger: where stage and assertion cues sit."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

# how far up a cue may govern the trigger; clauses introduced by these deps carry it
_UP = {"xcomp", "ccomp", "advcl", "conj", "pcomp", "pobj", "prep", "acl", "relcl", "dobj",
       "nsubj", "nsubjpass", "csubj", "attr", "appos", "compound", "amod", "acomp", "oprd", "dep",
       "npadvmod", "parataxis"}


def governors(token: Token, limit: int = 8, stop_at_relative: bool = False) -> Iterator[Token]:
    """The trigger, then its heads up to the root (at most ``limit``).

    ``stop_at_relative``: a relative clause keeps its own tense ("rounds that it
    bought years ago"), so stage cues above it do not apply.
    """
    yield token
    current = token
    for _ in range(limit):
        if current.head is current or current.dep_ not in _UP:
            return
        if stop_at_relative and current.dep_ == "relcl" and \
                not any(c.lower_ == "to" and c.dep_ == "aux" for c in current.children):
            return
        current = current.head
        yield current


def modifiers(token: Token) -> Iterator[Token]:
    """Auxiliaries, negation, adverbs and markers attached to a word."""
    for child in token.children:
        if child.dep_ in ("aux", "auxpass", "neg", "advmod", "mark", "prt", "det", "amod",
                          "compound", "npadvmod"):
            yield child


def subject(verb: Token, deps: tuple[str, ...] = ("nsubj",)) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("X ... and said")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in deps), None)
        if subj is not None or verb.dep_ != "conj" or verb.head is verb:
            return subj
        verb = verb.head


def is_negated(token: Token) -> bool:
    """"not sent", "never supplied"; also "had not sent or sold" for the second verb."""
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in token.children):
        return True
    return token.dep_ == "conj" and token.head.pos_ == "VERB" and is_negated(token.head)
