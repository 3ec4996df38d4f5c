"""Targets of sanctions: "on X", "against X", "over X's programme", "embargo on sales to X".

Officials, firms and organs named as targets resolve to their state or group
("Russia's two biggest oil companies" is RUS; "Ivan Maslov, the head of the
Wagner Group" is WAGNER).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..context import Context
from .common import governing_verbs, span_codes

_TARGET_PREPS = ("on", "against", "over", "targeting", "to", "for")
# verbs that carry the target of the sanctions they take: "imposed sanctions on Thursday on X"
IMPOSE = {"impose", "slap", "adopt", "introduce", "levy", "place", "announce", "extend",
          "renew", "maintain", "enforce", "approve", "agree", "pass", "tighten"}


def target_codes(trigger: Token, ctx: Context, group: Token | None,
                 exclude: tuple[str, ...] = ()) -> list[str]:
    heads = [trigger] + ([group] if group is not None else [])
    verbs = governing_verbs(trigger)
    if verbs and verbs[0].lemma_.lower() in IMPOSE | {"lift", "ease", "tighten", "end"}:
        heads.append(verbs[0])
        for conj in (c for c in verbs[0].children if c.dep_ == "conj"):
            heads += [conj] + [c for c in conj.children if c.dep_ == "dobj"]
    clauses = [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
    for head in heads + clauses:
        preps = _TARGET_PREPS if head not in clauses else ("on", "against", "at")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                found = _target(pobj, ctx, exclude)
                if found:
                    return found
    return []


def _target(pobj: Token, ctx: Context, exclude: tuple[str, ...] = ()) -> list[str]:
    """"Iran, Libya and Cuba"; "Russia's oil companies"; "pharmaceutical sales to Iran";
    "Ivan Maslov, the head of the Wagner Group": the first actor named."""
    codes = head_codes(pobj, ctx)
    if codes:
        return codes
    for prep in (c for c in pobj.children if c.dep_ == "prep"):
        inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if inner is not None and head_codes(inner, ctx):
            return head_codes(inner, ctx)
    named = [t for t in pobj.subtree if t.pos_ != "PRON"]
    found = [c for c in span_codes(named, ctx) if c not in exclude]
    return found[:1]


def relcl_demonym(trigger: Token, ctx: Context, own: list[str]) -> list[str]:
    """"sanctions that would ban imports of Russian gas": the state whose goods are hit."""
    for clause in (c for c in trigger.children if c.dep_ == "relcl"):
        for tok in clause.subtree:
            m = ctx.actor_at(tok)
            if m is not None and m.kind == "demonym" and m.code not in own:
                return [m.code]
    return []


def head_codes(noun: Token, ctx: Context) -> list[str]:
    """A noun phrase and its conjuncts, without clauses or prepositions other than "of"."""
    skip = {t.i for d in noun.subtree if d.dep_ in ("relcl", "acl", "appos")
            or (d.dep_ == "prep" and d.lower_ != "of") for t in d.subtree}
    return span_codes(noun.subtree, ctx, skip)
