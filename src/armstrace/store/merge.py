"""The merge rule as data: match keys, date spans and windows (``merge_rules.yaml``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..ontology import ontology

RULES_FILE = Path(__file__).with_name("merge_rules.yaml")
_PUNCT = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Rules:
    windows: dict[str, int]
    item_groups: tuple[tuple[str, ...], ...]
    split_on: dict[str, tuple[str, ...]]
    weights: dict[str, float]
    register_weight: float
    contested_factor: float
    registers: dict[str, str]

    def item_group(self, item: str | None) -> str | None:
        for group in self.item_groups:
            if item in group:
                return "+".join(group)
        return item

    def window(self, rtype: str) -> int:
        return self.windows.get(rtype, 365)

    def is_register(self, source: str | None) -> bool:
        return source in self.registers.values()


@cache
def rules() -> Rules:
    with open(RULES_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    conf = data["confidence"]
    return Rules(windows=dict(data["windows_days"]),
                 item_groups=tuple(tuple(g) for g in data.get("item_groups", [])),
                 split_on={k: tuple(v) for k, v in (data.get("split_on") or {}).items()},
                 weights=dict(conf["weights"]), register_weight=float(conf["register_weight"]),
                 contested_factor=float(conf["contested_factor"]),
                 registers=dict(data.get("registers") or {}))


def key_fields(rtype: str) -> list[str]:
    return [f.name for f in ontology().types[rtype].keys]


def event_keys(rtype: str, row: Any) -> dict[str, Any]:
    """Key fields in gold format from a stored row (sets back to lists)."""
    out: dict[str, Any] = {}
    for f in ontology().types[rtype].keys:
        value = row[f.name]
        out[f.name] = value.split(",") if f.kind == "actors" and value else value
    return out


def match_key(rtype: str, row: Any) -> str:
    """What must be equal for two claims to merge: type, key fields, item group."""
    parts = [rtype]
    for name in key_fields(rtype):
        value = row[name]
        parts.append(rules().item_group(value) if name == "item" else (value or ""))
    return "|".join(parts)


@lru_cache(maxsize=200_000)
def day_span(iso: str | None) -> tuple[int, int] | None:
    """The days an ISO date covers, as proleptic ordinals: '2023' is all of 2023."""
    if not iso:
        return None
    try:
        ends = iso.split("/")
        return _day(ends[0], first=True), _day(ends[-1], first=False)
    except ValueError:
        return None


def _day(part: str, first: bool) -> int:
    bits = [int(b) for b in part.split("-")]
    year = bits[0]
    month = bits[1] if len(bits) > 1 else (1 if first else 12)
    if len(bits) > 2:
        day = bits[2]
    elif first:
        day = 1
    else:
        day = (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days
    return date(year, month, day).toordinal()


def gap_days(span: tuple[int, int], lo: int, hi: int) -> int:
    """Days between a claim's span and an event's span (0 when they overlap)."""
    return max(0, span[0] - hi, lo - span[1])


def norm_designation(value: str | None) -> str | None:
    """Lower case, punctuation as spaces: 'M-1A1 Abrams' -> 'm 1a1 abrams'."""
    return " ".join(_PUNCT.sub(" ", value.lower()).split()) or None if value else None


def designations_agree(one: str, others: set[str] | list[str]) -> bool:
    """Whether a designation may name the same system as any of ``others``: the same
    once normalised, one inside the other ('patriot' in 'patriot configuration 3'), or
    sharing a name word of four letters or more ('m1 abrams', 'm 1a1 abrams'); 'su 35'
    and 'su 30' do not agree."""
    names = {w for w in one.split() if w.isalpha() and len(w) >= 4}
    for other in others:
        if one == other or f" {one} " in f" {other} " or f" {other} " in f" {one} ":
            return True
        if names & {w for w in other.split() if w.isalpha() and len(w) >= 4}:
            return True
    return False
