"""The gazetteer component: actors, items and event triggers matched on tokens.

Registered as the spaCy factory ``armstrace_mentions``. It needs only the
tokenizer's output, so the relevance gate runs it before any parsing.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..reference.actors import Gazetteer
from ..reference.weapons import Lexicon
from .cues import cues

# "US-made", "Iranian-built": who made the item (its origin). "Soviet-designed" and
# "Soviet-era" say where a design comes from, not who supplied the item: not listed.
MADE_WORDS = {"made", "built", "supplied", "produced", "origin", "manufactured", "sourced"}
TECH_WORDS = ("technology", "technologies", "know-how", "expertise", "technical assistance",
              "technical help", "designs", "blueprints", "technical know-how")


class MentionFinder:
    """Marks actor, item and trigger spans in ``doc.spans``; items carry their lexicon term."""

    def __init__(self, nlp: Language):
        self.gazetteer = Gazetteer.default()
        self.lexicon = Lexicon.default()
        self.actors = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.items = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.item_terms: dict[str, object] = {}
        self._add_actor_terms(nlp)
        self._add_item_terms(nlp)
        self._add_triggers(nlp)

    def _add_actor_terms(self, nlp: Language) -> None:
        texts = {t.text for t in self.gazetteer.terms() if t.kind != "place"}
        texts |= {t.replace("'", "\u2019") for t in texts if "'" in t}   # typographic apostrophe
        self.actors.add("ACTOR", list(nlp.tokenizer.pipe(sorted(texts))))

    def _add_item_terms(self, nlp: Language) -> None:
        for term in self.lexicon.terms():
            key = term.text.lower()
            current = self.item_terms.get(key)
            if current is None or (term.kind == "system" and current.kind != "system"):
                self.item_terms[key] = term
        self.items.add("ITEM", list(nlp.tokenizer.pipe(sorted(self.item_terms))))
        self.items.add("TECH", list(nlp.tokenizer.pipe(TECH_WORDS)))

    def _add_triggers(self, nlp: Language) -> None:
        words = set(cues().event_words())
        words |= {w + "s" for w in words} | {w + "ed" for w in words} | {"met", "meets"}
        self.triggers.add("EVENT", list(nlp.tokenizer.pipe(sorted(words))))

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["actors"] = filter_spans(
            [Span(doc, s, e, label="ACTOR") for _, s, e in self.actors(doc)])
        doc.spans["items"] = filter_spans(
            [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.items(doc)])
        doc.spans["triggers"] = [Span(doc, s, e, label="EVENT") for _, s, e in self.triggers(doc)]
        return doc

    def item_term(self, span: Span):
        return self.item_terms.get(span.text.lower())


@Language.factory("armstrace_mentions")
def make_mention_finder(nlp: Language, name: str) -> MentionFinder:
    return MentionFinder(nlp)
