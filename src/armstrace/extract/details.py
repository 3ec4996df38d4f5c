"""Attributes of a transfer: quantity, date, route (via) and technology."""
from __future__ import annotations


from spacy.tokens import Span, Token

from .context import Context
from .dates import resolve_date
from .cues import cues

_REGIONS = {"middle east", "africa", "asia", "europe", "central asia", "third countries",
            "third country", "intermediaries", "intermediary", "third parties", "front companies",
            "shell companies", "caucasus", "balkans", "gulf", "latin america", "a country"}
_TECH = {"technology", "technologies", "know-how", "expertise", "technical", "blueprint",
         "design", "designs"}


def quantity_of(item: Span) -> str | None:
    """"31 M1 Abrams tanks", "more than 1,000 containers of munitions"."""
    head = item.root
    nums = [c for c in head.children if c.dep_ == "nummod" and c.i < head.i]
    if not nums and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        outer = head.head.head
        nums = [c for c in outer.children if c.dep_ == "nummod"]
        if nums:
            start = min(t.i for t in nums[0].subtree)
            return item.doc[start:outer.i + 1].text
    if not nums:
        return None
    start = min(t.i for t in nums[0].subtree)
    return item.doc[start:item.end].text


def date_of(trigger: Token, ctx: Context) -> str | None:
    for child in trigger.children:
        if child.dep_ in ("prep", "npadvmod", "advmod", "tmod") or child.ent_type_ == "DATE":
            text = " ".join(t.text for t in child.subtree)
            found = resolve_date(text, ctx.date)
            if found:
                return found
    return None


def via_of(trigger: Token, ctx: Context, parties: set[str]) -> str | list[str] | None:
    codes: list[str] = []
    for child in list(trigger.children) + [c for t in trigger.children for c in t.children]:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":   # "by way of Syria"
            way = next((c for c in child.children if c.lower_ == "way"), None)
            child = next((c for c in way.children if c.lower_ == "of"), None) if way else None
            if child is None:
                continue
        if child.dep_ == "prep" and (child.lower_ in cues().route_preps or
                                     child.head.lower_ == "way"):
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = [c for c in ctx.actors_of(pobj) if c not in parties]
                phrase = " ".join(t.lower_ for t in pobj.subtree)
                if not found and any(r in phrase for r in _REGIONS):
                    found = ["UNKNOWN"]
                codes += [c for c in found if c not in codes]
    if not codes:
        return None
    return codes[0] if len(codes) == 1 else sorted(codes)


def tech_of(item: Token, ctx: Context) -> bool:
    """The item is the purpose of a technology: "technology for satellites", "missile know-how"."""
    for near in [item.head, *list(item.ancestors)[:3], *item.children]:
        if near.lower_ in _TECH:
            return True
    return False
