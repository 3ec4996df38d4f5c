"""Transfer records: supplier and recipient from the dependency parse around an item.

For each item mentioned, the nearest governing transfer word (a supply or
receive verb, or a transfer noun) decides the roles:

- supply verbs: subject supplies; "to X", the indirect object, or the direct
  object when the item sits in a "with" phrase, receives; passive "by X" supplies;
- receive verbs: subject receives; "from X" supplies;
- nouns: "X's shipments of shells to Y", "sale of F-16s to Turkey";
- "in exchange for" / "in return for": the items there go the other way.

A transfer is emitted only when both sides are found and differ.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..ontology import Record
from .assertion import assertion_of
from .context import Context, ItemMention
from .cues import cues
from .roles import find_roles
from .stage import stage_of
from .details import quantity_of, date_of, via_of, tech_of

MAX_CLIMB = 10
_TECH_WORDS = {"technology", "technologies", "know-how", "expertise", "assistance", "help",
               "designs", "blueprints"}
_BAN = {"ban", "prohibit", "embargo", "outlaw", "forbid", "bar", "restrict"}
_SELF_NOUNS = {"aid", "assistance", "supply", "delivery", "shipment", "export", "sale",
               "transfer"}
_MAKE = {"build", "make", "produce", "develop", "manufacture"}
# verbs whose object clause or noun may still be a transfer ("discuss supplying", "sign a deal")
_PASS_THROUGH = {"discuss", "plan", "agree", "continue", "decide", "sign", "finalise", "finalize",
                 "conclude", "approve", "announce", "allow", "permit", "refuse", "seek", "want",
                 "try", "begin", "start", "stop", "resume", "intend", "propose", "consider",
                 "accuse", "deny", "confirm", "say", "report", "hope", "expect", "aim", "ask",
                 "block", "suspend", "halt", "cancel", "pledge", "promise", "vow", "offer",
                 "reach", "negotiate", "complete", "help", "become", "be", "have", "take"}


@dataclass
class Trigger:
    token: Token
    kind: str              # supply | receive | noun | arrive
    reverse: bool = False  # the item lies in an "in exchange for" phrase
    path: tuple = ()       # tokens from the item up to the trigger


def transfers(ctx: Context) -> list[Record]:
    """Transfers told about each item: by the governing word first; a clause on the item
    ("rounds that it bought from Switzerland") may tell another."""
    out: list[Record] = []
    for item in ctx.items:
        if item.kind == "tech" and _has_purpose_item(item, ctx) or _purpose_of_other(item, ctx) \
                or _anaphoric(item, ctx):
            continue
        head = ctx.doc[item.end - 1]
        found = False
        for trig in candidate_triggers(head, ctx):
            if (item.weak and _in_party_phrase(trig)) or _banned(trig):
                break
            roles = find_roles(trig, head, ctx, item.maker)
            if roles is not None:
                made = _records(ctx, item, trig, roles)
                out += made
                ctx.recipients += [(r["supplier"], r["recipient"], ctx.index) for r in made]
                found = True
            elif found:
                break
    return out


def candidate_triggers(head: Token, ctx: Context) -> list["Trigger"]:
    """The governing transfer word, the item's own transfer noun ("military aid to
    Bosnia"), and a transfer clause attached to the item, in that order."""
    out: list[Trigger] = []
    for trig in (_climb(head, ctx), _self_noun(head), clause_trigger(head)):
        if trig is not None and all(t.token is not trig.token for t in out):
            out.append(trig)
    return out


def _records(ctx: Context, item: ItemMention, trigger: "Trigger", roles) -> list[Record]:
    return [_record(ctx, item, trigger, category, supplier, recipient, roles)
            for supplier in roles.suppliers for recipient in roles.recipients
            if supplier != recipient for category in _categories(item)]


def _self_noun(head: Token) -> Trigger | None:
    """"military aid to Ukraine", "a military aid program for Bosnia": the item is the
    transfer noun; its compound heads carry the recipient."""
    if head.lemma_.lower() not in _SELF_NOUNS or head.pos_ != "NOUN":
        return None
    path = [head]
    while path[-1].dep_ == "compound" and path[-1].head is not path[-1]:
        path.append(path[-1].head)
    return Trigger(head, "noun", False, tuple(path))


def clause_trigger(head: Token) -> Trigger | None:
    """A transfer clause attached to the item's noun phrase."""
    root = _item_root(head)
    clause = _attached_clause(root)
    if clause is not None:
        return Trigger(clause, _kind(clause, head), False, (head, root, clause))
    return None


def _climb(head: Token, ctx: Context) -> Trigger | None:
    token, reverse, path = _item_root(head), False, [head]
    for _ in range(MAX_CLIMB):
        if token is not head:
            path.append(token)
        if token.lower_ in ("exchange", "return") and token.head.lower_ == "in":
            reverse = not reverse
        if token is not head and _inside_other_item(token, path, head, ctx):
            return None
        kind = _kind(token, head)
        if kind == "supply" and token.lemma_.lower() in _MAKE and token.head.lemma_ == "help":
            return Trigger(token.head, "help", reverse, tuple(path) + (token.head,))
        if kind:
            return Trigger(token, kind, reverse, tuple(path))
        if token.head is token or _own_clause(token):
            return None
        token = token.head
    return None


def _own_clause(token: Token) -> bool:
    """A verb that is not a transfer word but has its own subject closes the search:
    "Germany has concentrated on air defence" is not a delivery of air defence."""
    return token.pos_ == "VERB" and token.lemma_.lower() not in _PASS_THROUGH and \
        any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _kind(token: Token, item: Token) -> str | None:
    c, lemma = cues(), token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") and lemma in c.supply_verbs and \
            not any(ch.dep_ == "prt" and ch.lower_ in ("out", "off", "up") for ch in token.children):
        return "supply"
    if token.pos_ == "VERB" and lemma in c.receive_verbs:
        return "receive"
    if token.pos_ == "VERB" and lemma in c.arrive_verbs and \
            any(ch.dep_ == "nsubj" and item in ch.subtree for ch in token.children):
        return "arrive"
    if token.pos_ == "VERB" and lemma == "end" and \
            any(ch.dep_ == "prt" and ch.lower_ == "up" for ch in token.children) and \
            any(ch.dep_ in ("nsubj", "nsubjpass") and item in ch.subtree for ch in token.children):
        return "divert"        # "weapons bought from the US by Saudi Arabia ended up with ..."
    if token.pos_ in ("NOUN", "PROPN") and lemma in c.transfer_nouns and token is not item:
        return "noun"
    return None


def _attached_clause(noun: Token) -> Token | None:
    """"tanks that Poland has given to Ukraine", "components sent by Iran to the Houthis"."""
    group = [noun] + [c for c in noun.children if c.dep_ == "conj"]
    while group[0].dep_ == "conj" and group[0].head.pos_ in ("NOUN", "PROPN"):
        group.insert(0, group[0].head)
    for child in (c for n in group for c in n.children):
        if child.dep_ in ("relcl", "acl") and child.pos_ == "VERB" and _kind(child, noun) in (
                "supply", "receive"):
            return child
    return None


def _inside_other_item(token: Token, path: list[Token], item: Token, ctx: Context) -> bool:
    """"ammunition for Gepard guns": reached another item through "for": a purpose, skip."""
    if len(path) < 2 or path[-2].lower_ != "for" or path[-2].dep_ != "prep":
        return False
    return any(o.start <= token.i < o.end and not o.start <= item.i < o.end and o.kind != "tech"
               for o in ctx.items)


def _item_root(head: Token) -> Token:
    """Climb out of the item's own noun phrase (compounds, conjunct items)."""
    while head.dep_ in ("compound", "amod") and head.head is not head:
        head = head.head
    return head


def _one_or_list(codes: list[str]) -> str | list[str] | None:
    codes = sorted(set(codes))
    return None if not codes else codes[0] if len(codes) == 1 else codes


def _anaphoric(item: ItemMention, ctx: Context) -> bool:
    """"the weapon", "this system": a generic singular pointing back at an item named before."""
    head = ctx.doc[item.end - 1]
    return item.kind == "generic" and item.category == "arms_unspecified" and \
        head.tag_ == "NN" and any(c.lower_ in ("the", "this", "that") for c in head.children)


def _banned(trigger: Trigger) -> bool:
    """"The EU has banned arms sales to Russia": an embargo (a sanction), not a transfer."""
    for word in [trigger.token, *list(trigger.token.ancestors)[:3]]:
        if word.lemma_.lower() in _BAN and word.pos_ in ("VERB", "NOUN"):
            return True
    return False


def _in_party_phrase(trigger: Trigger) -> bool:
    """A weak term ("fighters", "jets") inside "to ..."/"by ..." names a party, not an item."""
    return any(t.dep_ in ("prep", "agent") and t.lower_ in ("to", "for", "with", "by", "against")
               for t in trigger.path)


def _purpose_of_other(item: ItemMention, ctx: Context) -> bool:
    """"ammunition for Gepard anti-aircraft guns": the guns say what the ammunition is for."""
    if item.start < 2 or ctx.doc[item.start - 1].lower_ != "for":
        return False
    return any(o.end == item.start - 1 and o.kind != "tech" for o in ctx.items)


def _tech_for(item: ItemMention, ctx: Context) -> bool:
    """"technology for satellites and submarines": the item is what a technology is for."""
    window = ctx.doc[max(0, item.start - 8):item.start]
    words = [t.lower_ for t in window]
    return any(w in ("for", "of") and i > 0 and words[i - 1] in _TECH_WORDS
               for i, w in enumerate(words))


def _has_purpose_item(item: ItemMention, ctx: Context) -> bool:
    """"technology for satellites": the purpose item carries the record, not the tech word."""
    if any(o.kind != "tech" and o.start > item.end and _tech_for(o, ctx) for o in ctx.items):
        return True
    tech = ctx.doc[item.end - 1]
    for other in ctx.items:
        if other is item or other.kind == "tech":
            continue
        tok = ctx.doc[other.end - 1]
        if any(a.i == tech.i for a in list(tok.ancestors)[:4]) or tech.head.i == tok.i:
            return True
    return False


def _categories(item: ItemMention) -> list[str]:
    return [item.categories[0]] if item.categories else [item.category]


def _record(ctx, item, trigger, category, supplier, recipient, roles) -> Record:
    stage = stage_of(trigger.token, trigger.path)
    assertion = assertion_of(trigger.token, ctx, {supplier, recipient})
    if assertion == "hypothetical":
        stage = "proposed"
    data = {"type": "transfer", "supplier": supplier, "recipient": recipient, "item": category,
            "stage": stage, "assertion": assertion,
            "tech": item.kind == "tech" or trigger.kind == "help" or _tech_for(item, ctx)
            or tech_of(ctx.doc[item.end - 1], ctx)}
    if roles.origin and roles.origin != supplier:
        data["origin"] = roles.origin
    via = _one_or_list(roles.via) or via_of(trigger.token, ctx, {supplier, recipient})
    if via:
        data["via"] = via
    quantity = quantity_of(ctx.doc[item.start:item.end])
    if quantity:
        data["quantity"] = quantity
    if item.designation:
        data["designation"] = item.designation
    date = date_of(trigger.token, ctx)
    if date:
        data["date"] = date
    return ctx.record(data)
