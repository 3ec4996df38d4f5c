"""The rule engine: spaCy parse + gazetteers + dependency rules, as one extractor."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..ingest.documents import Document
from ..ontology import Record
from ..reference.actors import Gazetteer
from .context import ActorMention, Context, ItemMention
from .assertion import frame_of
from .events import event_records
from .gate import select
from .mentions import MADE_WORDS
from .pipeline import load_nlp, sentencizer
from .transfers import transfers

NAME = "armstrace-rules"
VERSION = "0.1.0"


class RuleExtractor:
    """Document in, records with evidence out; ``gate=False`` parses every sentence."""
    name = NAME
    version = VERSION

    def __init__(self, gate: bool = True):
        self.nlp = load_nlp()
        self.finder = self.nlp.get_pipe("armstrace_mentions")
        self.gazetteer = Gazetteer.default()
        self.gate = gate

    def extract(self, doc: Document) -> list[Record]:
        return self.extract_many([doc])[0]

    def extract_many(self, docs: list[Document]) -> list[list[Record]]:
        plans = [self._plan(d) for d in docs]
        # the selected sentences go to the parser as tokens already made: no second tokenization
        sentences = [s.as_doc() for _, cheap, chosen in plans for s in chosen]
        parsed = iter(self.nlp.pipe(sentences, batch_size=64))
        out = []
        for doc, cheap, chosen in plans:
            parses = {s.start: next(parsed) for s in chosen}
            out.append(self._records(doc, cheap, parses))
        return out

    def _plan(self, doc: Document) -> tuple[Document, Doc, list[Span]]:
        cheap = self.finder(sentencizer()(self.nlp.make_doc(doc.text)))
        return doc, cheap, [_trim(s) for s in select(cheap, self.gate) if _trim(s) is not None]

    def _records(self, doc: Document, cheap: Doc, parses: dict[int, Doc]) -> list[Record]:
        records: list[Record] = []
        previous: list[ActorMention] = []
        pending: list[str] = []
        told: list[tuple[str, str, int]] = []
        frame: tuple[str, int] | None = None     # a report the next sentences may continue
        sentences = [t for t in (_trim(s) for s in cheap.sents) if t is not None]
        for index, sent in enumerate(sentences):
            if sent.start in parses:
                ctx = self._context(doc, sent, parses[sent.start], previous)
                ctx.pending, ctx.recipients, ctx.index = pending, list(told), index
                ctx.frame = frame[0] if frame and index - frame[1] <= 3 else None
                own = frame_of(parses[sent.start])
                frame = (own, index) if own or _reports(parses[sent.start]) else frame
                found = transfers(ctx)
                told += [(r["supplier"], r["recipient"], index) for r in found]
                records += found
                records += event_records(ctx)
            previous += self.actor_mentions(cheap, doc.date, sent)
        return records

    def _context(self, doc: Document, sent: Span, parsed: Doc,
                 previous: list[ActorMention]) -> Context:
        return Context(doc=parsed, offset=sent.start_char, text=doc.text, doc_id=doc.id,
                       date=doc.date, actors=self.actor_mentions(parsed, doc.date),
                       items=self.item_mentions(parsed), previous=list(previous))

    def actor_mentions(self, doc: Doc, date: str | None, within: Span | None = None
                       ) -> list[ActorMention]:
        out = []
        for span in doc.spans["actors"]:
            if within is not None and not (within.start <= span.start < within.end):
                continue
            term = self.gazetteer.resolve_term(span.text.replace("\u2019", "'"), date, fuzzy=False)
            if term is None:
                continue
            made = span.end + 1 < len(doc) and doc[span.end].text == "-" and \
                doc[span.end + 1].lower_ in MADE_WORDS
            out.append(ActorMention(span.start - (within.start if within else 0),
                                    span.end - (within.start if within else 0),
                                    term.code, term.kind, made, span.text))
        return out

    def item_mentions(self, doc: Doc) -> list[ItemMention]:
        return _merge_designations(self._item_mentions(doc))

    def _item_mentions(self, doc: Doc) -> list[ItemMention]:
        out = []
        for span in doc.spans["items"]:
            if span.label_ == "TECH":
                out.append(ItemMention(span.start, span.end, "arms_unspecified",
                                       ("arms_unspecified",), "tech"))
                continue
            term = self.finder.item_term(span)
            if term is None:
                continue
            cats = tuple(term.categories) or (term.category,)
            out.append(ItemMention(span.start, span.end, term.category, cats, term.kind,
                                   term.designation, term.maker, term.weak))
        return out


def _reports(doc: Doc) -> bool:
    """The sentence has its own attribution (a reporting verb at its root)."""
    from .cues import cues
    return any(t.dep_ == "ROOT" and t.lemma_.lower() in cues().reporting_verbs for t in doc)


def _trim(sent: Span) -> Span | None:
    """The sentence without leading or trailing whitespace tokens (line breaks)."""
    start, end = sent.start, sent.end
    while start < end and sent.doc[start].is_space:
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end] if end > start else None


def _merge_designations(items: list[ItemMention]) -> list[ItemMention]:
    """"IRIS-T air-to-air missiles": a system name before a generic term is one item,
    named by the system; a qualified generic term ("air-to-air missiles") is the more
    specific class, a bare one ("Patriot missiles") leaves the system's class."""
    out: list[ItemMention] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "system" and item.kind == "generic" \
                and prev.end == item.start:
            source = item if item.end - item.start > 1 else prev
            out[-1] = ItemMention(prev.start, item.end, source.category, source.categories,
                                  "system", prev.designation, prev.maker, False)
            continue
        out.append(item)
    return out
