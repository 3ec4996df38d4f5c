"""Query parameters of the API, derived from the ontology (no code list is repeated here)."""
from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Optional

from fastapi import Query

from ...analyse.dates import parse_day
from ...ontology import ontology
from ...store import ClaimFilter
from ...store.events import EventFilter
from .errors import ApiError


def code_enum(name: str, codes) -> type[Enum]:
    return Enum(name, {c: c for c in codes}, type=str)


ITEM = code_enum("Item", ontology().codes("item"))
STAGE = code_enum("Stage", ontology().codes("stage"))
ASSERTION = code_enum("Assertion", ontology().codes("assertion"))
SUMMARY = code_enum("AssertionSummary", ontology().codes("assertion") + ("contested",))
RECORD_TYPE = code_enum("RecordType", ontology().types)
ACTOR_CODE = code_enum("ActorCode", ontology().codes("actor"))
ROLES = sorted({f.name for t in ontology().types.values() for f in t.keys
                if f.kind.startswith("actor")})
ROLE = code_enum("Role", ROLES)
HEDGED = {"hypothetical", "alleged", "denied", "contested"}

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_LIMIT, MAX_OFFSET = 1000, 10_000_000

ActorQ = Annotated[Optional[ACTOR_CODE], Query(description="Actor code, e.g. RUS, NATO")]
DateQ = Annotated[Optional[str], Query(pattern=ISO_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]


def value(e: Enum | None) -> str | None:
    return e.value if e is not None else None


def check_actor(code: str | Enum | None, name: str = "actor") -> str | None:
    code = value(code) if isinstance(code, Enum) else code
    if code is not None and code not in ontology().actor_codes():
        raise ApiError(422, f"{name} {code!r} is not an actor code; give an ISO 3166-1 alpha-3 "
                            "code such as RUS, or NATO, UN, HOUTHIS ... (GET /actors lists "
                            "those in the knowledge base)")
    return code


def as_of_day(text: str | None) -> date | None:
    try:
        return parse_day(text, "as_of")
    except ValueError as exc:
        raise ApiError(422, f"{exc}; give as_of as YYYY, YYYY-MM or YYYY-MM-DD") from None


def event_filter(actor: ActorQ = None,
                 role: Annotated[Optional[ROLE], Query(description="Restrict actor to a role")] = None,
                 type: Optional[RECORD_TYPE] = None, item: Optional[ITEM] = None,
                 stage: Optional[STAGE] = None,
                 assertion: Annotated[Optional[SUMMARY], Query(
                     description="Assertion summary of the event")] = None,
                 date_from: DateQ = None, date_to: DateQ = None,
                 min_sources: Annotated[Optional[int], Query(ge=0, le=1_000_000)] = None,
                 min_confidence: Annotated[Optional[float], Query(ge=0, le=1)] = None,
                 ) -> EventFilter:
    """The filters of :class:`EventFilter` (pagination is added by the endpoint)."""
    return EventFilter(actor=check_actor(actor), role=value(role), type=value(type),
                       item=value(item), stage=value(stage), assertion=value(assertion),
                       date_from=date_from, date_to=date_to, min_sources=min_sources,
                       min_confidence=min_confidence)


def claim_filter(actor: ActorQ = None,
                 role: Annotated[Optional[ROLE], Query(description="Restrict actor to a role")] = None,
                 type: Optional[RECORD_TYPE] = None, item: Optional[ITEM] = None,
                 stage: Optional[STAGE] = None, assertion: Optional[ASSERTION] = None,
                 date_from: DateQ = None, date_to: DateQ = None,
                 document_id: Annotated[Optional[str], Query(max_length=64)] = None,
                 ) -> ClaimFilter:
    """The filters of :class:`ClaimFilter`."""
    return ClaimFilter(actor=check_actor(actor), role=value(role), type=value(type),
                       item=value(item), stage=value(stage), assertion=value(assertion),
                       date_from=date_from, date_to=date_to, document_id=document_id)
