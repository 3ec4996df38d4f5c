"""Dates in text resolved against the document's date, at the precision the text gives."""
from __future__ import annotations

import re
from datetime import datetime

import dateparser

_MONTHS = ("january february march april may june july august september october november "
           "december").split()
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(19\d\d|20\d\d)\b", re.I)
_LAST_MONTH = re.compile(r"\blast\s+(" + "|".join(_MONTHS) + r")\b", re.I)
_IN_MONTH = re.compile(r"\b(?:in|since|from|by)\s+(" + "|".join(_MONTHS) + r")\b", re.I)
_DECADE = re.compile(r"\b(19\d|20\d)0s\b")


def resolve_date(text: str, doc_date: str | None) -> str | None:
    """ISO 8601 at the text's precision: 2022-11, 2023, 1990/1999; relative needs doc_date."""
    m = _DECADE.search(text)
    if m:
        return f"{m.group(1)}0/{m.group(1)}9"
    m = _MONTH_YEAR.search(text)
    if m:
        return f"{m.group(2)}-{_MONTHS.index(m.group(1).lower()) + 1:02d}"
    m = _YEAR.search(text)
    if m:
        return m.group(1)
    if not doc_date:
        return None
    base = _base(doc_date)
    m = _LAST_MONTH.search(text) or _IN_MONTH.search(text)
    if m and base:
        month = _MONTHS.index(m.group(1).lower()) + 1
        year = base.year - 1 if (month >= base.month and "last" in m.group(0).lower()) or \
            month > base.month else base.year
        return f"{year}-{month:02d}"
    if re.search(r"\b(last|this|next) (year|month|week)\b|\byesterday\b|\bon (mon|tues|wednes|thurs|fri|satur|sun)day\b", text, re.I) and base:
        found = dateparser.parse(text, settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        if found:
            if "year" in text.lower():
                return str(found.year)
            if "month" in text.lower():
                return found.strftime("%Y-%m")
            return found.strftime("%Y-%m-%d")
    return None


def _base(doc_date: str) -> datetime | None:
    try:
        return datetime.strptime(doc_date[:10], "%Y-%m-%d")
    except ValueError:
        try:
            return datetime.strptime(doc_date[:7], "%Y-%m")
        except ValueError:
            return None
