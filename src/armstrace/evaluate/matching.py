"""Reducing a document's records to one per key, and matching system to gold one-to-one.

Everything here is derived from the ontology: which fields are keys, which of
them are sets (``kind: actors``), and the stage and assertion orders.
"""
from __future__ import annotations

from ..ontology import Record, ontology

SET_KINDS = ("actors",)


def firmness(record: Record) -> tuple[int, int]:
    """How far along a claim is: (stage rank, assertion rank); higher wins."""
    rank = ontology().rank
    return (rank["stage"].get(record["stage"], -1),
            rank["assertion"].get(record["assertion"], -1))


def reduce_records(records: list[Record]) -> list[Record]:
    """One record per key (``Record.key()``: sets and gold item lists as sorted tuples),
    the one furthest along; a full tie keeps the first. Order of first appearance is kept."""
    kept: dict[tuple, Record] = {}
    for record in records:
        key = record.key()
        if key not in kept or firmness(record) > firmness(kept[key]):
            kept[key] = record
    return list(kept.values())


def keys_match(gold: Record, system: Record) -> bool:
    """Same type and every key field agrees: set fields as sets; a gold list in a
    single-code field (``item``) lists alternatives, of which the system's one code
    must be one."""
    if gold.type != system.type:
        return False
    for f in gold.rtype.keys:
        want, got = gold[f.name], system[f.name]
        if f.kind in SET_KINDS:
            if set(_as_tuple(want)) != set(_as_tuple(got)):
                return False
        elif isinstance(want, tuple):
            if isinstance(got, tuple) or got not in want:
                return False
        elif want != got:
            return False
    return True


def _as_tuple(value) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _preference(gold: Record, system: Record) -> tuple[int, int]:
    """Order of candidates: an exact key first, then agreement on stage and assertion."""
    exact = gold.key() == system.key()
    agree = (gold["stage"] == system["stage"]) + (gold["assertion"] == system["assertion"])
    return (-int(exact), -agree)


def match(gold: list[Record], system: list[Record]) -> dict[int, int]:
    """A maximum one-to-one matching: system index -> gold index.

    Each gold record is matched at most once. When a gold ``item`` list (naval or
    nuclear) is met by two system records (one naval, one nuclear), one of them
    matches and the other is a false positive: the gold holds one claim.
    """
    candidates = [sorted((g for g, rec in enumerate(gold) if keys_match(rec, sys_rec)),
                         key=lambda g, s=sys_rec: _preference(gold[g], s))
                  for sys_rec in system]
    owner: dict[int, int] = {}  # gold index -> system index

    def augment(s: int, seen: set[int]) -> bool:
        for g in candidates[s]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = s
                return True
        return False

    for s in range(len(system)):
        augment(s, set())
    return {s: g for g, s in owner.items()}
