"""ISO 8601 dates at any precision (``2022``, ``2022-11``, ``2022-11-05``, ``1990/1999``) as
day ranges, and the time windows analyses group events by."""
from __future__ import annotations

import calendar
from datetime import date

WINDOWS = ("year", "quarter", "month")


def first_day(value: str) -> date:
    """The earliest day a (partial) ISO date or interval can mean."""
    parts = value.split("/")[0].split("-")
    year, month, day = int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, \
        int(parts[2]) if len(parts) > 2 else 1
    return date(year, month, day)


def last_day(value: str) -> date:
    """The latest day a (partial) ISO date or interval can mean."""
    parts = value.split("/")[-1].split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 12
    day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def parse_day(value: str | None, where: str = "date") -> date | None:
    """A CLI or API date (``2023-09-13``, ``2023-09`` or ``2023``) as its last day, so that
    ``--as-of 2023`` means the end of 2023."""
    if value is None:
        return None
    try:
        return last_day(value)
    except (ValueError, IndexError):
        raise ValueError(f"{where}: {value!r} is not an ISO date; give YYYY, YYYY-MM or "
                         "YYYY-MM-DD") from None


def window_of(day: date, window: str) -> str:
    """The label of the window holding ``day``: ``2023``, ``2023-Q3`` or ``2023-09``."""
    if window == "year":
        return f"{day.year}"
    if window == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if window == "month":
        return f"{day.year}-{day.month:02d}"
    raise ValueError(f"window {window!r} is unknown; use one of {', '.join(WINDOWS)}")


def event_period(event) -> tuple[date, date] | None:
    """When an event took place: its ``date`` attribute when the text gave one, else the span
    of the claims that report it (first to last seen); ``None`` when nothing is dated."""
    when = (event.attributes or {}).get("date")
    if when:
        return first_day(when), last_day(when)
    if event.first_seen:
        return first_day(event.first_seen), last_day(event.last_seen or event.first_seen)
    return None
