"""Record classes and validation, derived from ``ontology.yaml``.

Nothing here lists a field or a code by hand: the record types, their key and
attribute fields and every code list come from the YAML contract.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

ONTOLOGY_FILE = Path(__file__).with_name("ontology.yaml")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")


class OntologyError(ValueError):
    """A record breaks the contract: names the record, the field and what is allowed."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    is_key: bool
    list: str | None = None
    default: Any = None


@dataclass(frozen=True)
class RecordType:
    name: str
    keys: tuple[Field, ...]
    attributes: tuple[Field, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.keys + self.attributes

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


class Ontology:
    """The contract as loaded from YAML."""

    def __init__(self, data: dict):
        self.version = data["version"]
        self._lists = {k: tuple(v) for k, v in data["code_lists"].items() if k != "actor_extra"}
        self.actor_extra = {k: tuple(v) for k, v in data["code_lists"]["actor_extra"].items()}
        self.rank = data["rank"]
        self.interchange = data.get("interchange", {})
        self.types: dict[str, RecordType] = {}
        for name, spec in data["record_types"].items():
            keys = tuple(_field(n, s, True) for n, s in spec["keys"].items())
            attrs = tuple(_field(n, s, False) for n, s in spec.get("attributes", {}).items())
            self.types[name] = RecordType(name, keys, attrs)

    def codes(self, list_name: str) -> tuple[str, ...]:
        if list_name == "actor":
            return tuple(sorted(self.actor_codes()))
        return self._lists[list_name]

    def code_lists(self) -> dict[str, tuple[str, ...]]:
        return dict(self._lists)

    @cache
    def actor_codes(self) -> frozenset[str]:
        states = {c.alpha_3 for c in pycountry.countries}
        extra = {code for group in self.actor_extra.values() for code in group}
        return frozenset(states | extra)

    def all_fields(self) -> dict[str, Field]:
        """Every field name used by any record type (first declaration wins)."""
        out: dict[str, Field] = {}
        for rtype in self.types.values():
            for f in rtype.fields:
                out.setdefault(f.name, f)
        return out

    def record_type(self, name: Any, where: str = "record") -> RecordType:
        if name not in self.types:
            raise OntologyError(
                f"{where}: field 'type' has unknown value {name!r}; "
                f"allowed: {', '.join(self.types)}")
        return self.types[name]


def _field(name: str, spec: dict, is_key: bool) -> Field:
    return Field(name, spec["kind"], is_key, spec.get("list"), spec.get("default"))


@cache
def ontology() -> Ontology:
    with open(ONTOLOGY_FILE, encoding="utf-8") as fh:
        return Ontology(yaml.safe_load(fh))


@dataclass(frozen=True)
class Evidence:
    """Where a claim comes from: a span of a document, or a row of a register."""
    start: int
    end: int
    quote: str
    document_id: str | None = None


@dataclass
class Record:
    """One claim found in one document, with its evidence."""
    type: str
    values: dict[str, Any]
    evidence: Evidence | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.values.get(name)

    @property
    def rtype(self) -> RecordType:
        return ontology().types[self.type]

    def key(self) -> tuple:
        """The identity of the claim: type plus key fields (sets as sorted tuples)."""
        return (self.type,) + tuple(_hashable(self.values.get(f.name)) for f in self.rtype.keys)

    def to_dict(self, evidence: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        for f in self.rtype.fields:
            value = self.values.get(f.name)
            if value is not None:
                out[f.name] = list(value) if isinstance(value, tuple) else value
        out.update(self.extra)
        if evidence and self.evidence is not None:
            out["evidence"] = {"start": self.evidence.start, "end": self.evidence.end,
                               "quote": self.evidence.quote}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: str = "record") -> "Record":
        return validate(data, where)


def _hashable(value: Any) -> Any:
    """Key fields hold codes or sets of codes: sets compare as sets, in any order."""
    return tuple(sorted(set(value))) if isinstance(value, (list, tuple, set, frozenset)) else value


def validate(data: dict[str, Any], where: str = "record", allow_lists: bool = False) -> Record:
    """Check a record dict against the contract and return a :class:`Record`.

    ``allow_lists`` admits gold-file item lists (``"item": ["naval", "nuclear"]``).
    Unknown fields are kept in ``extra`` (the contract may be extended), but an
    unknown *code* in a declared field is an error.
    """
    if not isinstance(data, dict):
        raise OntologyError(f"{where}: a record must be an object, got {type(data).__name__}")
    onto = ontology()
    rtype = onto.record_type(data.get("type"), where)
    where = f"{where} ({rtype.name})"
    values: dict[str, Any] = {}
    for f in rtype.fields:
        raw = data.get(f.name)
        if raw is None:
            if f.is_key:
                raise OntologyError(f"{where}: key field {f.name!r} is missing; "
                                    f"give {_expected(f)}")
            if f.default is not None:
                values[f.name] = f.default
            continue
        values[f.name] = _check(f, raw, where, allow_lists)
    evidence = _evidence(data.get("evidence"), where)
    known = {f.name for f in rtype.fields} | {"type", "evidence"}
    extra = {k: v for k, v in data.items() if k not in known}
    return Record(rtype.name, values, evidence, extra)


def _check(f: Field, raw: Any, where: str, allow_lists: bool) -> Any:
    onto = ontology()
    if f.kind == "bool":
        if not isinstance(raw, bool):
            raise OntologyError(f"{where}: field {f.name!r} must be true or false, got {raw!r}")
        return raw
    if f.kind == "text":
        return str(raw)
    if f.kind == "date":
        if not isinstance(raw, str) or not _DATE.match(raw) or not _real_dates(raw):
            raise OntologyError(
                f"{where}: field {f.name!r} must be an ISO 8601 date (2022, 2022-11, "
                f"2022-11-05 or an interval 1990/1999), got {raw!r}")
        return raw
    allowed = onto.actor_codes() if f.kind.startswith("actor") else set(onto.codes(f.list))
    if f.kind in ("actors", "actor_or_list") or (allow_lists and isinstance(raw, list)):
        if f.kind == "actor_or_list" and isinstance(raw, str):
            return _code(f, raw, allowed, where)
        if not isinstance(raw, (list, tuple)) or not raw:
            raise OntologyError(f"{where}: field {f.name!r} must be a non-empty list of codes")
        codes = tuple(sorted({_code(f, c, allowed, where) for c in raw}))
        return codes if f.kind == "actors" or len(codes) > 1 else codes[0]
    return _code(f, raw, allowed, where)


def _code(f: Field, raw: Any, allowed: set | frozenset, where: str) -> str:
    if not isinstance(raw, str):
        raise OntologyError(f"{where}: field {f.name!r} must be one code, got {raw!r}; "
                            f"give {_expected(f)}")
    if raw not in allowed:
        shown = "any ISO 3166-1 alpha-3 state code or one of " + ", ".join(
            sorted(c for c in allowed if not c.isalpha() or len(c) != 3 or c in _extra_codes())) \
            if f.kind.startswith("actor") else ", ".join(sorted(allowed))
        raise OntologyError(f"{where}: field {f.name!r} has unknown code {raw!r}; allowed: {shown}")
    return raw


def _expected(f: Field) -> str:
    """What a field takes, for error messages."""
    if f.kind.startswith("actor"):
        codes = "(ISO 3166-1 alpha-3 such as RUS, or NATO, UN, HOUTHIS, UNKNOWN ...)"
        return f"an actor code {codes}" if f.kind == "actor" else f"a list of actor codes {codes}"
    return "one of " + ", ".join(ontology().codes(f.list)) if f.list else f"a {f.kind} value"


def _real_dates(raw: str) -> bool:
    """Months 01-12 and days that exist, in each end of an interval."""
    for part in raw.split("/"):
        year, month, day = (part.split("-") + ["01", "01"])[:3]
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            return False
    return True


@cache
def _extra_codes() -> frozenset[str]:
    return frozenset(c for g in ontology().actor_extra.values() for c in g)


def _evidence(raw: Any, where: str) -> Evidence | None:
    if raw is None:
        return None
    try:
        return Evidence(int(raw["start"]), int(raw["end"]), str(raw["quote"]),
                        raw.get("document_id"))
    except (KeyError, TypeError, ValueError) as exc:
        raise OntologyError(f"{where}: field 'evidence' must be an object with start, end and "
                            f"quote ({exc})") from None
