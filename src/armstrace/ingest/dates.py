"""Publication dates from metadata as ISO 8601, at the precision given (YYYY[-MM[-DD]])."""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from dateparser.date import DateDataParser

_ISO = re.compile(r"^(\d{4})(-(\d{2})(-(\d{2}))?)?")
_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
             "PARSERS": ["timestamp", "absolute-time", "custom-formats"]}
_PRECISION = {"year": "%Y", "month": "%Y-%m"}


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
    parsed = _parser().get_date_data(text)     # "March 2023" stays "2023-03", no invented day
    if parsed.date_obj is None:
        return None
    return parsed.date_obj.strftime(_PRECISION.get(parsed.period, "%Y-%m-%d"))


@cache
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings=_SETTINGS)
