"""Arms embargoes shipped with the package (``embargoes.csv``) and who each one binds.

A UN embargo binds every state; an EU one the EU's member states on the day
(``eu_members.csv``); the OSCE request on Nagorno-Karabakh the OSCE participating
states (``osce_states.csv``); a national measure the imposing state only.
"""
from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..ontology import ontology
from .dates import first_day

HERE = Path(__file__).parent
EMBARGOES_FILE = HERE / "embargoes.csv"
COVERS = ("all", "non_state", "area")
DIRECTIONS = ("to_target", "from_target", "both")


@dataclass(frozen=True)
class Embargo:
    id: str
    imposer: str
    target: str
    covers: str                    # all | non_state | area
    direction: str                 # to_target | from_target | both
    scope: str                     # full | partial
    items: frozenset[str] | None   # None: every item
    exemptions: str
    start: str
    end: str | None
    binding: bool
    legal_basis: str
    source: str
    notes: str

    def in_force(self, day: date) -> bool:
        """In force on ``day``: from ``start`` up to the day before ``end``."""
        return first_day(self.start) <= day and (not self.end or day < first_day(self.end))

    def overlaps(self, lo: date, hi: date) -> bool:
        """In force on some day of ``lo``..``hi``."""
        return first_day(self.start) <= hi and (not self.end or lo < first_day(self.end))

    def covers_item(self, item: str) -> bool:
        return self.items is None or item in self.items or item == "arms_unspecified"

    def binds(self, actor: str, day: date) -> bool:
        """Is ``actor`` (a state) under the obligation on ``day``?"""
        if not is_state(actor):
            return False
        if self.imposer == "UN":
            return True
        if self.imposer == "EU":
            return _member(eu_members(), actor, day)
        if self.imposer == "OSCE":
            return _member(osce_states(), actor, day)
        return actor == self.imposer

    def to_dict(self) -> dict:
        out = asdict(self)
        out["items"] = sorted(self.items) if self.items is not None else "all"
        return out


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _embargo(row: dict[str, str]) -> Embargo:
    items = row["items_covered"].strip()
    return Embargo(id=row["id"], imposer=row["imposer"], target=row["target"],
                   covers=row["covers"], direction=row["direction"], scope=row["scope"],
                   items=None if items == "all" else frozenset(items.split(";")),
                   exemptions=row["exemptions"], start=row["start"], end=row["end"] or None,
                   binding=row["binding"] == "yes", legal_basis=row["legal_basis"],
                   source=row["source"], notes=row["notes"])


@cache
def load_embargoes(path: str | None = None) -> tuple[Embargo, ...]:
    """Every embargo of the table (or of the CSV at ``path``)."""
    return tuple(_embargo(r) for r in _rows(Path(path) if path else EMBARGOES_FILE))


@cache
def eu_members() -> dict[str, tuple[date, date | None]]:
    return {r["code"]: (first_day(r["joined"]), first_day(r["left"]) if r["left"] else None)
            for r in _rows(HERE / "eu_members.csv")}


@cache
def osce_states() -> dict[str, tuple[date, date | None]]:
    return {r["code"]: (first_day(r["joined"]), None) for r in _rows(HERE / "osce_states.csv")}


@cache
def group_bases() -> dict[str, frozenset[str]]:
    """Armed group code -> the states it is based in."""
    return {r["group"]: frozenset(r["states"].split(";")) for r in _rows(HERE / "group_bases.csv")}


def _member(table: dict[str, tuple[date, date | None]], actor: str, day: date) -> bool:
    if actor not in table:
        return False
    joined, left = table[actor]
    return joined <= day and (left is None or day < left)


def is_state(actor: str) -> bool:
    extra = ontology().actor_extra
    non_states = {c for k in ("organisations", "armed_groups", "special") for c in extra[k]}
    return actor in ontology().actor_codes() and actor not in non_states


def targets(embargo: Embargo, actor: str) -> bool:
    """Does the embargo reach ``actor`` as a party (the target itself, or an armed group
    based in the target state, as the embargo's ``covers`` says)?"""
    in_target = embargo.target in group_bases().get(actor, ())
    if embargo.covers == "non_state":
        return in_target or (actor == embargo.target and not is_state(actor))
    return actor == embargo.target or in_target


def embargoes_on(actor: str, day: date | None = None) -> list[Embargo]:
    """Embargoes reaching ``actor`` (in force on ``day`` when given)."""
    return [e for e in load_embargoes() if targets(e, actor) and (day is None or e.in_force(day))]
