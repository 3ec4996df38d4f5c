"""The actor gazetteer: surface forms in text -> actor codes of the ontology.

Data live in ``gazetteer/*.yaml`` (each file names its sources); ISO codes and
names of states come from pycountry at load time. ``Gazetteer.resolve`` maps a
name ("North Korean", "Kremlin", "Shoigu", "Iranian-made") to a code, taking
terms of office into account for people.

Matching rules:
- exact forms are matched case-insensitively, accents and hyphens folded;
  short all-capital acronyms (<= 4 characters: "US", "IS", "UN") only with
  their exact case, since "us", "is" and "un" are words;
- a person's name given as one word ("Tusk", "Putin") must be capitalised;
- a form listed under several codes, or in an ``ambiguous:`` list ("Congo",
  "Korea", "KNDS"), resolves to nothing;
- a person resolves only on a date inside a term of office; with no date only
  when every term of that name belongs to one code;
- places (kind "place", e.g. "Vladivostok", "Brussels") resolve to their state
  but are not actors: callers check ``term.kind in ACTOR_KINDS``;
- a plural of a demonym resolves like the demonym ("Russians", "Israelis");
- fuzzy matching is tried only when no exact form matches. Both sides are
  first reduced to a rough sound key (w=v, ph=f, y=i, q=k, kh=k, doubled
  letters once), then compared with rapidfuzz's optimal-string-alignment
  edit distance (a transposition counts as one edit). One word needs a
  sound key of at least 10 characters and may differ by 1 edit
  ("Waldivostok"); several words need 10 characters for 1 edit and 14 for 2
  ("Kim Jung-un", "Vladimir Puttin"). Ordinary words a letter away from a form (Siberian /
  Liberian, Barbarian / Barbadian) are shorter than that. The best candidate
  must need strictly fewer edits than every candidate that resolves to
  another code (or to nothing), else nothing is returned.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable

import pycountry
import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from armstrace.ontology import ontology

DATA_DIR = Path(__file__).with_name("gazetteer")
KINDS = ("state", "alias", "demonym", "capital", "seat", "force", "leader", "firm",
         "organisation", "group", "special", "place")
ACTOR_KINDS = frozenset(KINDS) - {"place"}
ROLES = ("hos", "hog", "def", "fm", "vp", "official", "org", "grp")
MADE_SUFFIXES = ("made", "built", "supplied", "produced", "origin", "designed", "manufactured")
ACRONYM_MAX_LENGTH = 4
FUZZY_ONE_WORD_BUDGET = ((10, 1),)             # (minimum length, edits allowed)
FUZZY_WORDS_BUDGET = ((14, 2), (10, 1))
FUZZY_CANDIDATES = 12
_SOUNDS = (("ph", "f"), ("w", "v"), ("y", "i"), ("q", "k"), ("ck", "k"), ("kh", "k"), ("'", ""))

_STATE_FIELDS = {"aliases": "alias", "demonyms": "demonym", "capitals": "capital",
                 "seats": "seat", "forces": "force"}
_CHAR_MAP = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "‐": "-", "‑": "-",
                           "–": "-", "—": "-", "ı": "i", "ł": "l", "Ł": "L", "ø": "o",
                           "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae"})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_MADE = re.compile(r"[\s-]+(?:%s)$" % "|".join(MADE_SUFFIXES), re.IGNORECASE)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_OPEN_END = "9999-12-31"


class GazetteerError(ValueError):
    """A gazetteer data file is malformed: names the file, the entry and the fix."""


@dataclass(frozen=True)
class ActorTerm:
    text: str          # surface form as written in text, e.g. "North Korean", "Kremlin", "Shoigu"
    code: str          # actor code
    kind: str          # one of KINDS
    start: str | None = None   # term of office start (ISO date) for leaders, else None
    end: str | None = None


# --- text normalisation ------------------------------------------------------

def fold(text: str) -> str:
    """Text with typographic quotes and dashes made plain and accents removed."""
    text = text.translate(_CHAR_MAP)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def form_key(text: str) -> str:
    """Case-insensitive lookup key: folded, hyphens as spaces, no leading 'the'."""
    key = re.sub(r"[\s-]+", " ", fold(text)).strip().casefold()
    return _LEADING_THE.sub("", key)


def _acronym_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_CHAR_MAP)).strip()


def is_acronym(form: str) -> bool:
    compact = re.sub(r"[.\s&/-]", "", form)
    return 0 < len(compact) <= ACRONYM_MAX_LENGTH and compact.isupper()


def sound_key(key: str) -> str:
    """A rough sound key of a form key, so that spelling variants lie closer."""
    for spelling, sound in _SOUNDS:
        key = key.replace(spelling, sound)
    return re.sub(r"(.)\1+", r"\1", key)


def _edit_budget(key: str) -> int:
    table = FUZZY_WORDS_BUDGET if " " in key else FUZZY_ONE_WORD_BUDGET
    return next((edits for length, edits in table if len(key) >= length), 0)


def clean_name(name: str) -> str:
    """Strip quotes, possessives, a leading 'the' and suffixes like '-made'."""
    text = fold(name).strip().strip("\"“”'()[],;:")
    text = _POSSESSIVE.sub("", text).strip()
    text = _LEADING_THE.sub("", text)
    text = _MADE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


# --- dates -------------------------------------------------------------------

def date_span(date: object) -> tuple[str, str]:
    """First and last day covered by an ISO date at any precision, or an interval a/b."""
    text = str(date).strip()
    if "/" in text:
        first, last = text.split("/", 1)
        return date_span(first)[0], date_span(last)[1]
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"date {text!r} is not ISO 8601; give YYYY, YYYY-MM or YYYY-MM-DD "
                         "(e.g. '2023', '2023-09' or '2023-09-05')")
    year, month, day = match.groups()
    if day:
        return text, text
    if month:
        last_day = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last_day:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def _in_term(term: ActorTerm, span: tuple[str, str]) -> bool:
    start = date_span(term.start)[0] if term.start else "0000-01-01"
    end = date_span(term.end)[1] if term.end else _OPEN_END
    return start <= span[1] and span[0] <= end


# --- loading -----------------------------------------------------------------

def _read(name: str) -> dict:
    path = DATA_DIR / name
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict) or not data.get("sources"):
        raise GazetteerError(f"{path.name}: missing 'sources:' list; every data file must name its sources")
    return data


def _check_code(code: str, where: str) -> str:
    if code not in ontology().actor_codes():
        raise GazetteerError(f"{where}: {code!r} is not an actor code of the ontology; use an ISO 3166-1 "
                             "alpha-3 code or a code listed under actor_extra in ontology.yaml")
    return code


def _pycountry_terms(names: dict[str, str]) -> Iterable[ActorTerm]:
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(country, attr, None):
                yield ActorTerm(getattr(country, attr), country.alpha_3, "state")
        names.setdefault(country.alpha_3, getattr(country, "common_name", country.name))
    for code in ontology().actor_extra.get("historical_states", ()):
        old = pycountry.historic_countries.get(alpha_3=code)
        if old is not None:
            yield ActorTerm(old.name, code, "state")


def _state_terms(data: dict, names: dict[str, str]) -> Iterable[ActorTerm]:
    for code, entry in (data.get("states") or {}).items():
        _check_code(code, f"states.yaml: states.{code}")
        if entry.get("name"):
            names[code] = entry["name"]
        for field, kind in _STATE_FIELDS.items():
            for form in entry.get(field) or ():
                yield ActorTerm(str(form), code, kind)
        for form in entry.get("demonyms") or ():
            if not re.search(r"(s|sh|ch|ese|x|z)$", str(form)):
                yield ActorTerm(f"{form}s", code, "demonym")  # "Russians", "Israelis"


def _listed_terms(data: dict, section: str, kind: str, file: str,
                  names: dict[str, str]) -> Iterable[ActorTerm]:
    """Entries shaped ``CODE: {name, aliases}`` or ``CODE: [forms]``."""
    for code, entry in (data.get(section) or {}).items():
        _check_code(code, f"{file}: {section}.{code}")
        forms = entry if isinstance(entry, list) else entry.get("aliases") or ()
        if isinstance(entry, dict) and entry.get("name"):
            names[code] = entry["name"]
        for form in forms:
            yield ActorTerm(str(form), code, kind)


def _leader_terms(data: dict) -> Iterable[ActorTerm]:
    for i, person in enumerate(data.get("people") or ()):
        where = f"leaders.yaml: people[{i}] ({person.get('names', ['?'])[0]})"
        for term in person.get("terms") or ():
            if len(term) != 4 or term[1] not in ROLES:
                raise GazetteerError(f"{where}: term {term!r} must be [CODE, role, start, end] "
                                     f"with role one of {', '.join(ROLES)}")
            code, _, start, end = term
            start, end = str(start), (None if end is None else str(end))
            date_span(start), end and date_span(end)  # validates both dates
            for name in person["names"]:
                yield ActorTerm(str(name), _check_code(code, where), "leader", start, end)


def _load_terms() -> tuple[list[ActorTerm], dict[str, str], set[str]]:
    names: dict[str, str] = {}
    terms = list(_pycountry_terms(names))
    ambiguous: set[str] = set()
    states, orgs, groups = _read("states.yaml"), _read("organisations.yaml"), _read("groups.yaml")
    firms, places, leaders = _read("firms.yaml"), _read("places.yaml"), _read("leaders.yaml")
    terms += _state_terms(states, names)
    terms += _listed_terms(orgs, "organisations", "organisation", "organisations.yaml", names)
    terms += _listed_terms(groups, "groups", "group", "groups.yaml", names)
    terms += _listed_terms(groups, "special", "special", "groups.yaml", names)
    terms += _listed_terms(firms, "firms", "firm", "firms.yaml", names)
    terms += _listed_terms(places, "places", "place", "places.yaml", names)
    terms += _leader_terms(leaders)
    for data in (states, orgs, groups, firms, places, leaders):
        ambiguous.update(str(form) for form in data.get("ambiguous") or ())
    return terms, names, ambiguous


# --- the gazetteer -----------------------------------------------------------

class Gazetteer:
    """Every surface form of every actor, with a resolver from names to codes."""

    def __init__(self, terms: list[ActorTerm], names: dict[str, str], ambiguous: set[str]):
        self._names = names
        self._by_key: dict[str, list[ActorTerm]] = {}
        self._by_acronym: dict[str, list[ActorTerm]] = {}
        for term in dict.fromkeys(terms):
            self._index(term)
            folded = fold(term.text)
            if folded != term.text:
                self._index(ActorTerm(folded, term.code, term.kind, term.start, term.end))
        self._blocked = {form_key(f) for f in ambiguous} | {_acronym_key(f) for f in ambiguous}
        self._by_sound: dict[str, list[str]] = {}
        for key in self._by_key:
            self._by_sound.setdefault(sound_key(key), []).append(key)
        self._sound_keys = list(self._by_sound)

    @classmethod
    def default(cls) -> "Gazetteer":
        """The gazetteer of the package data, loaded once."""
        return _default_gazetteer()

    def _index(self, term: ActorTerm) -> None:
        if is_acronym(term.text):
            bucket = self._by_acronym.setdefault(_acronym_key(term.text), [])
        else:
            bucket = self._by_key.setdefault(form_key(term.text), [])
        if term not in bucket:
            bucket.append(term)

    def terms(self) -> list[ActorTerm]:
        """Every surface form for a phrase matcher; forms that name several
        actors whatever the date ("Congo", "Dominican") are left out."""
        out = []
        for key, bucket in [*self._by_key.items(), *self._by_acronym.items()]:
            if key in self._blocked:
                continue
            if len({t.code for t in bucket if t.kind != "leader"}) > 1:
                bucket = [t for t in bucket if t.kind == "leader"]
            out.extend(bucket)
        return out

    def resolve(self, name: str, date: str | None = None, fuzzy: bool = True) -> str | None:
        """The actor code that ``name`` stands for (on ``date``), or None."""
        term = self.resolve_term(name, date, fuzzy)
        return term.code if term else None

    def resolve_term(self, name: str, date: str | None = None,
                     fuzzy: bool = True) -> ActorTerm | None:
        """Like ``resolve`` but returns the matched term (its kind tells what it was)."""
        if not isinstance(name, str):
            raise TypeError(f"resolve: name must be a string, got {type(name).__name__} ({name!r})")
        cleaned = clean_name(name)
        if not cleaned:
            return None
        span = date_span(date) if date else None
        capitalised = cleaned[:1].isupper()
        found, bucket = self._exact(cleaned)
        if found:
            return self._choose(bucket, span, capitalised)
        return self._fuzzy(cleaned, span, capitalised) if fuzzy else None

    def name(self, code: str) -> str:
        """Display name of a code: "North Korea", "NATO", "Houthis"."""
        if code not in self._names:
            raise KeyError(f"actor code {code!r} is not in the gazetteer; "
                           "see Gazetteer.codes() for the codes it knows")
        return self._names[code]

    def codes(self) -> frozenset[str]:
        """Every code that ``resolve`` can return."""
        return frozenset(t.code for t in self.terms())

    # -- internals

    def _exact(self, cleaned: str) -> tuple[bool, list[ActorTerm]]:
        """(whether the form is known, its terms); blocked forms are known and empty."""
        acronym, key = _acronym_key(cleaned), form_key(cleaned)
        if acronym in self._blocked or key in self._blocked:
            return True, []
        if acronym in self._by_acronym:
            return True, self._by_acronym[acronym]
        if key in self._by_key:
            return True, self._by_key[key]
        singular = [t for t in self._by_key.get(key[:-1], ()) if t.kind == "demonym"]
        return (True, singular) if key.endswith("s") and singular else (False, [])

    def _choose(self, bucket: list[ActorTerm], span: tuple[str, str] | None,
                capitalised: bool) -> ActorTerm | None:
        live = [t for t in bucket if _applies(t, span, capitalised)]
        if len({t.code for t in live}) != 1:
            return None
        return live[0]

    def _fuzzy(self, cleaned: str, span: tuple[str, str] | None,
               capitalised: bool) -> ActorTerm | None:
        query = sound_key(form_key(cleaned))
        budget = _edit_budget(query)
        if not budget:
            return None
        hits = process.extract(query, self._sound_keys, scorer=OSA.distance,
                               score_cutoff=budget, limit=FUZZY_CANDIDATES)
        if not hits:
            return None
        hits.sort(key=lambda hit: hit[1])
        best_key, best_edits, _ = hits[0]
        best = self._choose(self._candidates(best_key), span, capitalised)
        if best is None:
            return None
        for other_key, edits, _ in hits[1:]:
            if edits > best_edits:
                break
            other = self._choose(self._candidates(other_key), span, capitalised)
            if other is None or other.code != best.code:
                return None
        return best

    def _candidates(self, sound: str) -> list[ActorTerm]:
        keys = self._by_sound[sound]
        if any(key in self._blocked for key in keys):
            return []
        return [term for key in keys for term in self._by_key[key]]


def _applies(term: ActorTerm, span: tuple[str, str] | None, capitalised: bool) -> bool:
    if term.kind != "leader":
        return True
    if " " not in term.text and not capitalised:
        return False
    return span is None or _in_term(term, span)


@cache
def _default_gazetteer() -> Gazetteer:
    return Gazetteer(*_load_terms())
