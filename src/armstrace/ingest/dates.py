"""Publication dates from metadata, normalised to ISO 8601 (YYYY-MM-DD)."""
from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_ISO = re.compile(r"^(\d{4})(-(\d{2})(-(\d{2}))?)?")
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
             "PARSERS": ["timestamp", "absolute-time", "custom-formats"]}


def iso_date(value: object) -> str | None:
    """The date a metadata value names, or ``None``: never today's date."""
    if value is None or value == "":
        return None
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, (tuple, list)) and len(value) >= 3:   # time.struct_time from feedparser
        return f"{value[0]:04d}-{value[1]:02d}-{value[2]:02d}"
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        return match.group(0)
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.strftime("%Y-%m-%d") if parsed else None
