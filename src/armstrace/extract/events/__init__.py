"""Exercises, agreements, meetings and sanctions, each in its own module.

``event_records`` is called by the engine once per parsed sentence.
"""
from __future__ import annotations

from ...ontology import Record
from ..context import Context
from .agreements import agreement_records
from .alliances import alliance_records
from .exercises import exercise_records
from .export_bans import export_ban_records
from .meetings import meeting_records
from .sanctions import sanction_records

RULES = (exercise_records, meeting_records, agreement_records, alliance_records,
         sanction_records, export_ban_records)


def event_records(ctx: Context) -> list[Record]:
    records: list[Record] = []
    for rule in RULES:
        records += rule(ctx)
    return records
