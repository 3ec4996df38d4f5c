"""The relevance gate: which sentences are worth parsing, decided on tokenizer output.

A sentence is parsed when it holds an item term or an event trigger and an actor
(or a reference word that may point at one named before). A document with no
trigger costs only tokenization and phrase matching.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .references import DESCRIPTIONS, PLURALS, PRONOUNS


def has_trigger(sent: Span) -> bool:
    doc = sent.doc
    for group in ("items", "triggers"):
        if any(sent.start <= s.start < sent.end for s in doc.spans[group]):
            return True
    return False


def has_party(sent: Span) -> bool:
    if any(sent.start <= s.start < sent.end for s in sent.doc.spans["actors"]):
        return True
    return any(t.lower_ in PRONOUNS or t.lower_ in DESCRIPTIONS or t.lower_ in PLURALS
               for t in sent)


def select(doc: Doc, use_gate: bool = True) -> list[Span]:
    sents = [s for s in doc.sents if s.text.strip()]
    if not use_gate:
        return sents
    return [s for s in sents if has_trigger(s) and has_party(s)]
