"""The scorer of ONTOLOGY.md "Gold files": document-level matching on key fields.

Per document, gold and system records are each reduced to one per key (the
furthest along), then matched one-to-one on their key fields. Unmatched system
records are false positives, unmatched gold records false negatives. For
matched records, stage and assertion are compared with gold (exact codes:
``delivered`` and ``ongoing`` rank alike for the reduction but are different
answers).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from ..ontology import OntologyError, Record, ontology, validate
from .counts import Agreement, Counts
from .hints import sentence_for, shorten
from .matching import match, reduce_records

ERROR_KINDS = ("false_positive", "false_negative", "stage_mismatch", "assertion_mismatch")


class ScoreInputError(ValueError):
    """A gold or system record given to :func:`score` breaks the contract."""


@dataclass
class ErrorItem:
    """One scoring error: a missed or spurious record, or a matched one whose
    stage or assertion differs from gold (``gold`` then holds the gold record)."""
    doc_id: str
    kind: str
    record: dict
    sentence: str
    gold: dict | None = None

    def to_dict(self) -> dict:
        out = {"doc_id": self.doc_id, "kind": self.kind, "record": self.record,
               "sentence": self.sentence}
        if self.gold is not None:
            out["gold"] = self.gold
        return out


@dataclass
class Score:
    """The figures of one scoring run (one gold file against one system)."""
    per_type: dict[str, Counts] = field(
        default_factory=lambda: {t: Counts() for t in ontology().types})
    agreement: dict[str, Agreement] = field(
        default_factory=lambda: {t: Agreement() for t in ontology().types})
    errors: list[ErrorItem] = field(default_factory=list)
    documents: int = 0
    ignored_system_documents: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        return sum(self.per_type.values(), Counts())

    @property
    def matched_transfers(self) -> int:
        return self.agreement["transfer"].matched

    @property
    def transfer_stage_agreement(self) -> float | None:
        return self.agreement["transfer"].stage_share

    @property
    def transfer_assertion_agreement(self) -> float | None:
        return self.agreement["transfer"].assertion_share

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "ignored_system_documents": len(self.ignored_system_documents),
            "per_type": {t: c.to_dict() for t, c in self.per_type.items()},
            "micro": self.micro.to_dict(),
            "matched_transfers": self.matched_transfers,
            "transfer_stage_agreement": self.transfer_stage_agreement,
            "transfer_assertion_agreement": self.transfer_assertion_agreement,
            "agreement_by_type": {t: a.to_dict() for t, a in self.agreement.items()},
            "errors": [e.to_dict() for e in self.errors],
        }


def score(gold: dict[str, list[dict]], system: dict[str, list[dict]],
          texts: dict[str, str] | None = None) -> Score:
    """Score ``system`` against ``gold`` (document id -> record dicts in gold format;
    system dicts may carry ``evidence``). A gold document missing from ``system``
    counts as empty output; system documents absent from gold are ignored and listed
    in ``Score.ignored_system_documents``. ``texts`` (id -> text) lets errors show the
    sentence a missed record comes from."""
    texts = texts or {}
    result = Score(ignored_system_documents=sorted(set(system) - set(gold)))
    for doc_id, gold_dicts in gold.items():
        gold_records = _records(gold_dicts, f"gold document {doc_id!r}", allow_lists=True)
        system_records = _records(system.get(doc_id, []), f"system output for document "
                                  f"{doc_id!r}", allow_lists=False)
        _score_document(result, doc_id, reduce_records(gold_records),
                        reduce_records(system_records), texts.get(doc_id))
        result.documents += 1
    return result


def _records(items: Iterable[Any], where: str, allow_lists: bool) -> list[Record]:
    records = []
    for index, item in enumerate(items):
        if isinstance(item, Record):
            item = item.to_dict()
        place = f"{where}, record {index}"
        try:
            if not allow_lists:
                _refuse_lists(item, place)
            records.append(validate(item, place, allow_lists=allow_lists))
        except OntologyError as exc:
            raise ScoreInputError(f"{exc}; fix the record or the code that emits it") from exc
    return records


def _refuse_lists(item: Any, where: str) -> None:
    """A system record names one code per single-code field (only gold may list
    alternatives, as in ``"item": ["naval", "nuclear"]``)."""
    rtype = ontology().types.get(item.get("type")) if isinstance(item, dict) else None
    for f in rtype.fields if rtype else ():
        if f.kind == "code" and isinstance(item.get(f.name), (list, tuple)):
            raise OntologyError(f"{where}: field {f.name!r} must be one code, got the list "
                                f"{list(item[f.name])!r} (only gold files list alternatives)")


def _score_document(result: Score, doc_id: str, gold: list[Record],
                    system: list[Record], text: str | None) -> None:
    pairs = match(gold, system)
    for s, sys_rec in enumerate(system):
        if s in pairs:
            _compare_attributes(result, doc_id, gold[pairs[s]], sys_rec, text)
        else:
            result.per_type[sys_rec.type].fp += 1
            result.errors.append(ErrorItem(doc_id, "false_positive", sys_rec.to_dict(),
                                           _system_sentence(sys_rec, text)))
    matched_gold = set(pairs.values())
    for g, gold_rec in enumerate(gold):
        if g not in matched_gold:
            result.per_type[gold_rec.type].fn += 1
            result.errors.append(ErrorItem(doc_id, "false_negative",
                                           gold_rec.to_dict(evidence=False),
                                           sentence_for(gold_rec, text)))


def _compare_attributes(result: Score, doc_id: str, gold_rec: Record, sys_rec: Record,
                        text: str | None) -> None:
    result.per_type[sys_rec.type].tp += 1
    tally = result.agreement[sys_rec.type]
    tally.matched += 1
    for attribute, kind in (("stage", "stage_mismatch"), ("assertion", "assertion_mismatch")):
        if gold_rec[attribute] == sys_rec[attribute]:
            setattr(tally, attribute, getattr(tally, attribute) + 1)
        else:
            result.errors.append(ErrorItem(doc_id, kind, sys_rec.to_dict(),
                                           _system_sentence(sys_rec, text),
                                           gold=gold_rec.to_dict(evidence=False)))


def _system_sentence(record: Record, text: str | None) -> str:
    if record.evidence is not None and record.evidence.quote:
        return shorten(record.evidence.quote)
    return sentence_for(record, text)
