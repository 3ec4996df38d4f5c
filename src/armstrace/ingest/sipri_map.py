"""SIPRI's entity names to actor codes, its weapon descriptions to item categories.

Names: ``sipri_names.yaml`` first, then the project gazetteer
(``armstrace.reference.actors.Gazetteer``, when installed), then ISO 3166 names
(pycountry); an unlisted non-state actor (SIPRI's trailing ``*``) is ``NSAG``.
Descriptions: ``sipri_items.yaml``, exact entries first, then keyword rules.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pycountry
import yaml

from ..ontology import ontology

HERE = Path(__file__).parent
_TOKENS = re.compile(r"[\s/()]+")
MISSING = object()


@cache
def _names() -> dict[str, str | None]:
    with open(HERE / "sipri_names.yaml", encoding="utf-8") as fh:
        return {k.lower(): v for k, v in yaml.safe_load(fh)["names"].items()}


@cache
def _items() -> tuple[dict[str, str], list[tuple[list[str], str]]]:
    with open(HERE / "sipri_items.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return ({k.lower(): v for k, v in data["descriptions"].items()},
            [(words.split(), item) for words, item in data["rules"]])


def _gazetteer_code(name: str) -> str | None:
    try:
        from ..reference.actors import Gazetteer
        found = Gazetteer.default().resolve(name)
    except Exception:       # not installed yet, or a name it cannot take
        return None
    code = getattr(found, "code", found)
    return code if isinstance(code, str) and code in ontology().actor_codes() else None


def _iso_code(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None


@cache
def actor_code(name: str) -> str | None:
    """The actor code of a SIPRI entity name, or None when it has none."""
    mapped = _names().get(name.lower(), MISSING)
    if mapped is not MISSING:
        return mapped
    bare = name.rstrip("*").strip()
    code = _gazetteer_code(bare) or _iso_code(bare)
    if code:
        return code
    return "NSAG" if name.endswith("*") and not name.endswith("**") else None


@cache
def item_category(description: str) -> str | None:
    """The item category of a SIPRI weapon description, or None."""
    exact, rules = _items()
    text = description.lower().strip()
    if text in exact:
        return exact[text]
    tokens = set(_TOKENS.split(text)) | set(text.split())
    tokens |= {t[:-1] for t in tokens if t.endswith("s")}
    for words, item in rules:
        if all(w in tokens for w in words):
            return item
    return None
