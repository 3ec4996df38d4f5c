"""A small knowledge base written for the API and export tests: documents whose text holds
each quote, claims stored through the store with their evidence, merged into events."""
from __future__ import annotations

from pathlib import Path

from armstrace.ingest.documents import Document
from armstrace.ontology import validate
from armstrace.store import Store
from armstrace.store.events import merge_new_claims

# (date, source, title, url, [(sentence, record), ...])
DOCS = [
    ("2023-09-05", "Defence Wire", "Shells for Russia", "https://example.org/a", [
        ("North Korea has shipped artillery shells to Russia, officials said.",
         {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "ammunition",
          "stage": "delivered", "assertion": "reported"}),
        ("Moscow could also send satellite technology to Pyongyang.",
         {"type": "transfer", "supplier": "RUS", "recipient": "PRK", "item": "space",
          "stage": "proposed", "assertion": "hypothetical", "tech": True})]),
    ("2023-09-20", "Arms Monitor", "Pyongyang denies", None, [
        ("North Korea denied that it had sent any ammunition to Russia.",
         {"type": "transfer", "supplier": "PRK", "recipient": "RUS", "item": "ammunition",
          "stage": "delivered", "assertion": "denied"})]),
    ("2024-04-13", "Pacific Security Review", "Drones via third parties", "https://example.org/c", [
        ("Chinese firms sold small drones to Russian buyers, customs records show.",
         {"type": "transfer", "supplier": "CHN", "recipient": "RUS", "item": "uav",
          "stage": "delivered", "assertion": "asserted", "quantity": "hundreds"}),
        ("Russia, China and Iran held a naval exercise in the Gulf of Oman.",
         {"type": "exercise", "participants": ["CHN", "IRN", "RUS"], "stage": "delivered",
          "assertion": "asserted", "domain": "naval"})]),
    ("2024-06-20", "Eastern Europe Desk", "A pact", "https://example.org/d", [
        ("Russia and North Korea signed a mutual defence pact.",
         {"type": "agreement", "parties": ["PRK", "RUS"], "stage": "agreed",
          "assertion": "asserted", "kind": "defence_pact"}),
        ("Kim Jong Un met Vladimir Putin in Pyongyang.",
         {"type": "meeting", "participants": ["PRK", "RUS"], "stage": "delivered",
          "assertion": "asserted"}),
        ("The EU imposed new sanctions on North Korea.",
         {"type": "sanction", "imposer": "EU", "target": "PRK", "stage": "delivered",
          "assertion": "asserted", "kind": "sanctions"})]),
    ("2022-03-03", "Defence Wire", "TB2s arrive", "https://example.org/e", [
        ("A batch of Bayraktar TB2 drones has arrived in Ukraine.",
         {"type": "transfer", "supplier": "TUR", "recipient": "UKR", "item": "uav",
          "stage": "delivered", "assertion": "asserted", "designation": "Bayraktar TB2",
          "via": ["POL", "ROU"], "date": "2022-02/2022-03"})]),
]


def build(db: str | Path) -> Store:
    """Store :data:`DOCS` in ``db`` and merge them into events."""
    store = Store(db)
    for day, source, title, url, parts in DOCS:
        text = "\n".join(sentence for sentence, _record in parts)
        doc = Document(text=text, date=day, source=source, title=title, url=url)
        records = []
        for sentence, record in parts:
            start = text.index(sentence)
            records.append(validate({**record, "evidence": {
                "start": start, "end": start + len(sentence), "quote": sentence}}))
        store.add(doc, records, "test", "1")
    merge_new_claims(store)
    return store
