"""One parsed sentence with its actor and item mentions: what every rule reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from spacy.tokens import Doc, Token

from ..ontology import Evidence, Record, validate

# dependency labels that keep a token inside the noun phrase naming an actor
_NP_DEPS = {"compound", "amod", "poss", "nmod", "appos", "flat", "npadvmod", "nn"}


@dataclass(frozen=True)
class ActorMention:
    start: int                  # token index in the sentence doc
    end: int
    code: str
    kind: str                   # gazetteer kind: state, demonym, leader, capital, ...
    made: bool = False          # followed by -made / -built / -supplied (an origin marker)
    text: str = ""


@dataclass(frozen=True)
class ItemMention:
    start: int
    end: int
    category: str
    categories: tuple[str, ...]
    kind: str                   # generic | system | tech
    designation: str | None = None
    maker: str | None = None
    weak: bool = False


@dataclass
class Context:
    """A sentence of a document, parsed, with what the gazetteers found in it."""
    doc: Doc                    # the parsed sentence
    offset: int                 # character offset of the sentence in the document
    text: str                   # the whole document text
    doc_id: str
    date: str | None            # the document's date
    actors: list[ActorMention] = field(default_factory=list)
    items: list[ItemMention] = field(default_factory=list)
    previous: list[ActorMention] = field(default_factory=list)   # earlier sentences, oldest first
    recipients: list[tuple[str, str, int]] = field(default_factory=list)  # (supplier, recipient,
    frame: str | None = None        # "reported" when the sentence before reports as a whole
    index: int = 0                                                        # sentence) so far
    pending: list[str] = field(default_factory=list)   # recipients named without a supplier (shared)

    def elided_recipient(self, suppliers: list[str]) -> list[str]:
        """"It has also provided howitzers": the recipient named before for this supplier,
        else the one recipient of the last two sentences or named without a supplier."""
        for supplier, recipient, _ in reversed(self.recipients):
            if supplier in suppliers:
                return [recipient]
        named = set(self.pending) | {r for _, r, i in self.recipients if i >= self.index - 2}
        return list(named) if len(named) == 1 and not named & set(suppliers) else []

    def actor_at(self, token: Token) -> ActorMention | None:
        for m in self.actors:
            if m.start <= token.i < m.end:
                return m
        return None

    def actors_of(self, token: Token, depth: int = 2, through_preps: bool = True) -> list[str]:
        """Actor codes a noun phrase names: the token, its modifiers, and its conjuncts.

        ``through_preps`` also looks into "of"/"in" phrases ("the armed forces of Qatar
        and Morocco"); a recipient after "for" must not ("for the war in Ukraine").
        """
        codes: list[str] = []
        for head in [token, *_conjuncts(token)]:
            found = self._np_actors(head, depth, through_preps)
            if not found:
                found = self.reference(head)
            codes += [c for c in found if c not in codes]
        return codes

    def _np_actors(self, token: Token, depth: int, through_preps: bool = True) -> list[str]:
        m = self.actor_at(token)
        if m and not m.made:
            return [m.code]
        if depth <= 0:
            return []
        for child in sorted(token.children, key=_np_order):
            if child.dep_ in _NP_DEPS:
                found = self._np_actors(child, depth - 1, through_preps)
            elif through_preps and child.dep_ == "prep" and child.lower_ in ("of", "in"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = self.actors_of(pobj, depth - 1, through_preps) if pobj is not None else []
            else:
                continue
            if found:
                return found
        return []

    def reference(self, token: Token) -> list[str]:
        """A pronoun or a definite description ("the country") resolved to the last actor named."""
        from .references import resolve_reference
        return resolve_reference(token, self)

    def sentence_actors(self) -> list[str]:
        out: list[str] = []
        for m in self.actors:
            if not m.made and m.code not in out:
                out.append(m.code)
        return out

    def record(self, data: dict, start: int | None = None, end: int | None = None) -> Record:
        """A validated record whose evidence is this sentence (or a clause of it)."""
        record = validate(data, where=f"document {self.doc_id}")
        s = self.offset + (self.doc[start].idx if start is not None else 0)
        e = self.offset + (self.doc[end - 1].idx + len(self.doc[end - 1].text)
                           if end is not None else len(self.doc.text.rstrip()))
        record.evidence = Evidence(s, e, self.text[s:e], self.doc_id)
        return record


def _np_order(child: Token) -> int:
    """Appositions name the actor before modifiers do, and modifiers before "of" phrases:
    "the largest importer of US arms, Saudi Arabia" is Saudi Arabia."""
    return {"appos": 0, "prep": 2}.get(child.dep_, 1)


def _conjuncts(token: Token) -> Iterator[Token]:
    """Coordinated names, including list items the parser hangs on as "npadvmod"."""
    for child in token.children:
        if child.dep_ == "conj" or (child.dep_ == "npadvmod" and child.pos_ == "PROPN"
                                    and token.pos_ == "PROPN"):
            yield child
            yield from _conjuncts(child)
