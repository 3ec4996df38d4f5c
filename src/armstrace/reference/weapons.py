"""The weapon lexicon: generic item terms and named weapon systems, by item category.

Data: ``weapons/*.yaml`` beside this module (``categories.yaml`` holds the generic
terms, patterns, tech cues and purpose words; ``systems_*.yaml`` the named systems).

Matching works on a normalised phrase: lower case, hyphens and dashes as spaces,
UK spelling (defence, armour, calibre), "antitank" as "anti tank". ``classify``
picks the most specific term: among the terms found in the phrase's head (before
its first preposition, if any term lies there) the one that ends last (the head
noun: "artillery radar" is a radar), then the longest ("anti-tank missiles" beats
"missiles"). A system name followed by a generic word of its own category
("Shahed drones", "Patriot missiles") counts as the system.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from armstrace.ontology import ontology

DATA_DIR = Path(__file__).with_name("weapons")
SYSTEM_KEYS = frozenset({"name", "maker", "aliases", "type", "weak", "note", "also"})
_SPELLING = {"defense": "defence", "defenses": "defences", "armor": "armour",
             "armored": "armoured", "armors": "armours", "caliber": "calibre",
             "antiaircraft": "anti aircraft"}
_US_SPELLING = {"defence": "defense", "armour": "armor", "armoured": "armored"}
_TOKEN = re.compile(r"[^\W_]+(?:[./][^\W_]+)*")
_ANTI = re.compile(r"\b(anti|counter|non)(?=(?:aircraft|tank|ship|missile|armou?r|personnel"
                   r"|drone|radiation|ballistic|air|battery|lethal)\b)")
_LETTER_HYPHEN_DIGIT = re.compile(r"(?<=[A-Za-z])-(?=\d)")
_PREPOSITIONS = frozenset("for of to from with in on by at".split())
_ABSORBED_BY_SYSTEMS = frozenset({"missiles", "arms_unspecified"})


class WeaponLexiconError(ValueError):
    """A weapon data file is malformed: names the file, the entry and the fix."""


@dataclass(frozen=True)
class ItemTerm:
    text: str                          # surface form: "artillery shells", "Shahed-136", "F-16s"
    category: str                      # item code
    kind: str                          # "generic" or "system"
    designation: str | None = None     # canonical system name, for systems
    maker: str | None = None           # maker state code, for systems
    weak: bool = False                 # needs stronger context to count as an item
    categories: tuple[str, ...] = ()   # every code the term stands for; (category,) if one


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    explicit: bool
    term: ItemTerm | None              # None: a phrase that names no item


def normalise(text: str) -> str:
    """Lower case, tokens joined by single spaces, UK spelling, hyphens as spaces."""
    lowered = _ANTI.sub(r"\1 ", text.lower().replace("\u2019", "'"))
    return " ".join(_SPELLING.get(tok, tok) for tok in _TOKEN.findall(lowered))


def plural(text: str) -> str | None:
    """The plural of a term's last word, or None when it already ends in "s"."""
    if not text or text[-1] in "sS" or text.endswith(("class", ")")):
        return None
    if re.search(r"[^aeiou]y$", text):
        return text[:-1] + "ies"
    if text.endswith(("x", "ch", "sh", "z")):
        return text + "es"
    return text + "s"


def spelling_variants(text: str) -> set[str]:
    """The term as written, with hyphens as spaces, first space hyphenated, US spelling."""
    forms = {text, text.replace("-", " ")}
    spaced = text.replace("-", " ")
    if " " in spaced:
        forms.add(spaced.replace(" ", "-", 1))
    forms |= {re.sub(r"\b(anti|counter)-", r"\1", f) for f in list(forms)}
    us = {" ".join(_US_SPELLING.get(w, w) for w in f.split(" ")) for f in forms}
    return forms | us


def system_variants(text: str) -> set[str]:
    """Plural and possessive forms, "Shahed 136" and "F16" for "Shahed-136" and "F-16"."""
    forms = {text, text.replace("-", " "), _LETTER_HYPHEN_DIGIT.sub("", text)}
    more = {p for f in forms if (p := plural(f))} | {f + "'s" for f in forms}
    return forms | more


class Lexicon:
    """Generic item terms, named systems, technology cues and purposes."""

    def __init__(self) -> None:
        self._index: dict[str, ItemTerm | None] = {}
        self._origin: dict[str, str] = {}
        self._terms: dict[tuple[str, str | None], ItemTerm] = {}
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        self._categories: set[str] = set()
        self._tech_cues: set[str] = set()
        self._purpose: dict[str, tuple[str, ...]] = {}
        self._longest = 1

    # -- loading ---------------------------------------------------------------
    @classmethod
    @cache
    def default(cls) -> "Lexicon":
        """The packaged lexicon (every ``weapons/*.yaml``), loaded once."""
        paths = sorted(DATA_DIR.glob("*.yaml"))
        if not paths:
            raise WeaponLexiconError(f"{DATA_DIR}: no weapon data files (*.yaml) found; "
                                     "reinstall the package with its data files")
        return cls.from_files(paths)

    @classmethod
    def from_file(cls, path: str | Path) -> "Lexicon":
        return cls.from_files([Path(path)])

    @classmethod
    def from_files(cls, paths: Iterable[str | Path]) -> "Lexicon":
        lexicon = cls()
        documents = [(Path(p).name, _read_yaml(Path(p))) for p in paths]
        for name, data in documents:
            lexicon._load_explicit(name, data)
        lexicon._load_generated([data for _, data in documents])
        return lexicon

    def _load_explicit(self, source: str, data: dict) -> None:
        for code, spec in (data.get("categories") or {}).items():
            self._load_category(source, code, spec or {})
        for code, entries in (data.get("systems") or {}).items():
            _check_code(code, source, f"systems section {code!r}")
            for entry in entries or []:
                self._load_system(source, code, entry)
        for text in data.get("not_items") or []:
            self._register(normalise(text), None, f"{source}: not_items {text!r}")
        cues = [str(t) for t in data.get("tech_cues") or []]
        self._tech_cues |= {t.lower() for t in cues} | {normalise(t) for t in cues}
        for word, codes in (data.get("purpose_words") or {}).items():
            for code in codes:
                _check_code(code, source, f"purpose_words entry {word!r}")
            self._purpose[normalise(word)] = tuple(codes)

    def _load_category(self, source: str, code: str, spec: dict) -> None:
        _check_code(code, source, f"categories entry {code!r}")
        self._categories.add(code)
        listed = [(t, False) for t in spec.get("terms") or []]
        for entry, weak in listed + [(t, True) for t in spec.get("weak") or []]:
            text, also = (entry["text"], entry.get("also", [])) if isinstance(entry, dict) else (entry, [])
            where = f"{source}: term {text!r} of category {code!r}"
            for extra in also:
                _check_code(extra, source, f"term {text!r} (also)")
            term = ItemTerm(str(text), code, "generic", weak=weak, categories=(code, *also))
            self._register(normalise(term.text), term, where)
            self._add_surface(term)
        for pattern in spec.get("patterns") or []:
            self._patterns.append((re.compile(pattern, re.IGNORECASE), code))

    def _load_system(self, source: str, code: str, entry: Any) -> None:
        if not isinstance(entry, dict) or not entry.get("name") or not entry.get("maker"):
            raise WeaponLexiconError(
                f"{source}: systems.{code} entry {entry!r} needs at least 'name' and 'maker'; "
                "write it as {name: ..., maker: ISO alpha-3}")
        name = str(entry["name"])
        where = f"{source}: system {name!r} (systems.{code})"
        unknown = set(entry) - SYSTEM_KEYS
        if unknown:
            raise WeaponLexiconError(f"{where}: unknown keys {sorted(unknown)}; "
                                     f"allowed: {sorted(SYSTEM_KEYS)}")
        if entry["maker"] not in ontology().actor_codes():
            raise WeaponLexiconError(f"{where}: unknown maker state {entry['maker']!r}; "
                                     "use an ISO 3166-1 alpha-3 code (SUN for Soviet designs)")
        for extra in entry.get("also") or []:
            _check_code(extra, source, f"system {name!r} (also)")
        weak_forms = {normalise(w) for w in entry.get("weak") or []}
        for form in [name, *map(str, entry.get("aliases") or [])]:
            term = ItemTerm(form, code, "system", name, entry["maker"],
                            normalise(form) in weak_forms, (code, *(entry.get("also") or [])))
            self._register(normalise(form), term, where)

    def _load_generated(self, documents: list[dict]) -> None:
        for term in [t for t in self._terms.values() if t.kind == "system"]:
            for form in system_variants(term.text):
                variant = ItemTerm(form, term.category, "system", term.designation,
                                   term.maker, term.weak, term.categories)
                self._index.setdefault(normalise(form), variant)
                self._terms.setdefault((form, term.designation), variant)
        for term in [t for t in self._terms.values() if t.kind == "generic"]:
            if (form := plural(term.text)) is not None:
                variant = ItemTerm(form, term.category, "generic", weak=term.weak,
                                   categories=term.categories)
                self._index.setdefault(normalise(form), variant)
                self._add_surface(variant)
        for text in (t for data in documents for t in data.get("not_items") or []):
            if (form := plural(text)) is not None:
                self._index.setdefault(normalise(form), None)
        self._longest = max((k.count(" ") + 1 for k in self._index), default=1)

    def _register(self, key: str, term: ItemTerm | None, where: str) -> None:
        if not key:
            raise WeaponLexiconError(f"{where}: the term is empty after normalisation; remove it")
        known = self._index.get(key, term)
        if key in self._index and _target(known) != _target(term):
            raise WeaponLexiconError(
                f"{where}: {key!r} is already defined by {self._origin[key]}; "
                "keep it in one entry only (or make the two forms distinct)")
        self._index[key], self._origin[key] = term, where
        if term is not None:
            self._terms[(term.text, term.designation)] = term

    def _add_surface(self, term: ItemTerm) -> None:
        for form in spelling_variants(term.text):
            self._terms.setdefault((form, None), ItemTerm(
                form, term.category, "generic", weak=term.weak, categories=term.categories))

    # -- queries -----------------------------------------------------------------
    def terms(self) -> list[ItemTerm]:
        """Every surface form, generated variants included (for a PhraseMatcher)."""
        return list(self._terms.values())

    def patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Regular expressions (on normalised text) with their item code: calibres."""
        return list(self._patterns)

    def categories(self) -> tuple[str, ...]:
        return tuple(c for c in ontology().codes("item") if c in self._categories)

    def tech_cues(self) -> frozenset[str]:
        """Technology words, lower case as written ("know-how") and normalised ("know how")."""
        return frozenset(self._tech_cues)

    def system(self, name: str) -> ItemTerm | None:
        """The named system written exactly so (case and hyphens aside), or None."""
        term = self._index.get(normalise(name))
        return term if term is not None and term.kind == "system" else None

    def classify(self, phrase: str) -> ItemTerm | None:
        """The most specific item term in the phrase, or None."""
        tokens = normalise(phrase).split(" ")
        hits = self._hits(tokens)
        if not hits:
            return None
        head_end = next((i for i, t in enumerate(tokens) if i and t in _PREPOSITIONS), len(tokens))
        pool = [h for h in hits if h.start < head_end] or hits
        best = max(pool, key=lambda h: (h.end, h.end - h.start, h.explicit))
        return best.term

    def purpose(self, phrase: str) -> tuple[str, ...] | None:
        """What a technology is for: "satellites" -> ("space",); None if unknown."""
        text = f" {normalise(phrase)} "
        for cue in sorted(self._tech_cues, key=len, reverse=True):
            text = text.replace(f" {cue} ", " ")
        words = text.split()
        if not words:
            return None
        term = self.classify(" ".join(words))
        if term is not None:
            return term.categories or (term.category,)
        return next((self._purpose[w] for w in reversed(words) if w in self._purpose), None)

    def _hits(self, tokens: list[str]) -> list[_Hit]:
        hits = []
        for start in range(len(tokens)):
            for end in range(start + 1, min(len(tokens), start + self._longest) + 1):
                key = " ".join(tokens[start:end])
                if key in self._index:
                    hits.append(_Hit(start, end, True, self._index[key]))
        hits += self._pattern_hits(" ".join(tokens))
        return hits + _absorbed(hits)

    def _pattern_hits(self, text: str) -> list[_Hit]:
        hits = []
        for pattern, code in self._patterns:
            for match in pattern.finditer(text):
                start, end = text[:match.start()].count(" "), text[:match.end()].count(" ") + 1
                hits.append(_Hit(start, end, True, ItemTerm(match.group(0), code, "generic",
                                                            categories=(code,))))
        return hits


def _absorbed(hits: list[_Hit]) -> list[_Hit]:
    """A system followed by a generic of its category (or "missiles") spans both."""
    merged = []
    for system in (h for h in hits if h.term is not None and h.term.kind == "system"):
        for generic in hits:
            if (generic.start == system.end and generic.term is not None
                    and generic.term.kind == "generic"
                    and (generic.term.category == system.term.category
                         or generic.term.category in _ABSORBED_BY_SYSTEMS)):
                merged.append(_Hit(system.start, generic.end, False, system.term))
    return merged


def _target(term: ItemTerm | None) -> tuple | None:
    return None if term is None else (term.kind, term.category, term.designation)


def _check_code(code: str, source: str, where: str) -> None:
    allowed = ontology().codes("item")
    if code not in allowed:
        raise WeaponLexiconError(f"{source}: {where}: unknown item category {code!r}; "
                                 f"use one of {', '.join(allowed)}")


def _read_yaml(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.safe_load(fh) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise WeaponLexiconError(f"{path}: cannot read the weapon data file ({exc}); "
                                 "fix the YAML syntax or the path") from exc
    if not isinstance(data, dict):
        raise WeaponLexiconError(f"{path}: expected a mapping with 'categories' and/or "
                                 "'systems' at the top level")
    return data
