"""Extractors by name; the CLI's ``--extractor`` choices come from here."""
from __future__ import annotations

from functools import cache
from importlib import import_module

from .base import Extractor

# name -> "module:factory"; the first is the default
EXTRACTORS = {
    "rules": "armstrace.extract.engine:RuleExtractor",
    "minimal": "armstrace.extract.minimal:MinimalExtractor",
}


def extractor_names() -> list[str]:
    return list(EXTRACTORS)


@cache
def get_extractor(name: str) -> Extractor:
    """The shared instance of a named extractor (loaded once per process)."""
    return make_extractor(name)


def make_extractor(name: str, **options) -> Extractor:
    if name not in EXTRACTORS:
        raise ValueError(f"unknown extractor {name!r}; choose one of {', '.join(EXTRACTORS)}")
    module, factory = EXTRACTORS[name].split(":")
    return getattr(import_module(module), factory)(**options)


def default_extractor() -> Extractor:
    return get_extractor(next(iter(EXTRACTORS)))
