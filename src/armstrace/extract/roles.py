"""Supplier and recipient of a transfer, read off the dependency parse."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .context import Context

_INHERIT = ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "dobj", "pobj", "prep", "relcl",
            "attr", "oprd")
_ROLE_NOUNS_SUPPLY = {"supplier", "exporter", "provider", "source", "seller", "vendor"}
_ROLE_NOUNS_RECEIVE = {"importer", "buyer", "customer", "recipient", "client", "purchaser", "user",
                       "operator"}
# verbs that leave out a recipient named before ("It has also provided howitzers")
_ELIDING = {"send", "supply", "deliver", "ship", "provide", "give", "transfer", "sell", "export",
            "donate", "hand", "pledge", "promise", "offer", "furnish", "gift", "lend", "lease",
            "dispatch", "commit"}
# verbs whose object can be the recipient ("supply Russia with shells", "hand Minsk missiles")
_OBJECT_RECIPIENT = {"supply", "provide", "arm", "equip", "furnish", "help", "give", "hand",
                     "send", "sell", "offer", "promise", "lend", "ship", "deliver", "pledge",
                     "gift", "donate", "lease", "bring"}
_MAKE = {"build", "make", "produce", "manufacture", "develop", "design"}
_SEAT_KINDS = ("demonym", "state", "alias", "force", "capital", "seat", "firm", "leader")


@dataclass
class Roles:
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    origin: str | None = None
    via: list[str] = field(default_factory=list)


def find_roles(trigger, item: Token, ctx: Context, maker: str | None = None) -> Roles | None:
    t, path = trigger.token, list(trigger.path) or [item]
    roles = Roles(origin=_made_in(item, ctx))
    if trigger.kind == "noun":
        _noun_roles(t, item, path, ctx, roles)
    elif trigger.kind == "help":     # "Moscow would help North Korea build satellites"
        roles.suppliers = _subject(t, ctx)
        made = path[-2] if len(path) > 1 else item
        roles.recipients = [c for ch in made.children if ch.dep_ == "nsubj"
                            for c in ctx.actors_of(ch)] or _dative(t, ctx, item)
    elif trigger.kind == "divert":
        _diversion(item, path, ctx, roles)
    elif trigger.kind == "arrive":
        roles.recipients = _preps(path, ctx, ("in", "to", "at"))
        roles.suppliers = _preps(path, ctx, ("from",)) + _clause_agent(item, ctx)
    else:
        subj = _agent(t, ctx) if _passive(t) else _subject(t, ctx)
        if trigger.kind == "supply":
            roles.suppliers = subj
            roles.recipients = _preps(path, ctx, ("to", "for", "into")) + _dative(t, ctx, item)
            if not roles.recipients:
                roles.recipients = _with(t, ctx, item)
        else:
            roles.recipients = subj
            roles.suppliers = _preps(path, ctx, ("from",)) + _owner(item, ctx)
            if not roles.suppliers and t.lemma_.lower() in ("ask", "urge", "press", "request"):
                roles.suppliers = [c for ch in t.children if ch.dep_ == "dobj"   # "asked Berlin
                                   for c in ctx.actors_of(ch) if c not in subj]  # for Patriots"
    _fallbacks(trigger, item, ctx, roles, maker)
    if trigger.reverse:
        roles.suppliers, roles.recipients = roles.recipients, roles.suppliers
    if not roles.suppliers or not roles.recipients:
        return None
    return roles


def _fallbacks(trigger, item: Token, ctx: Context, roles: Roles, maker: str | None) -> None:
    if not roles.suppliers and roles.origin:
        roles.suppliers, roles.origin = [roles.origin], None
    if not roles.suppliers and trigger.kind not in ("supply", "arrive"):
        for noun in (t for t in trigger.path if t.pos_ in ("NOUN", "PROPN")):
            roles.suppliers = roles.suppliers or _demonym(noun, ctx)   # "Russian technology"
    if not roles.suppliers and trigger.kind not in ("supply", "arrive") and maker and \
            maker not in roles.recipients and maker in ctx.sentence_actors():
        roles.suppliers = [maker]
    if roles.recipients and not roles.suppliers and trigger.kind in ("receive", "arrive"):
        ctx.pending[:] = [r for r in roles.recipients if r not in ctx.pending] + ctx.pending
    if not roles.recipients and trigger.kind == "supply" and roles.suppliers:
        owner = [c for c in _owner(item, ctx, any_kind=True) if c not in roles.suppliers]
        roles.recipients = owner or (ctx.elided_recipient(roles.suppliers)
                                     if trigger.token.lemma_.lower() in _ELIDING else [])


_BOUGHT = {"buy", "acquire", "purchase", "import", "obtain", "order", "receive"}
_SOLD = {"supply", "sell", "export", "deliver", "send", "give", "provide", "transfer", "ship"}


def _diversion(item: Token, path: list[Token], ctx: Context, roles: Roles) -> None:
    """A chain told from the product's side: "weapons bought from the US by Saudi Arabia
    ended up with Yemeni militias" is one transfer from the first exporter to the end user,
    via the buyer (ONTOLOGY.md, diversion chains)."""
    roles.recipients = _preps(path[-1:], ctx, ("with", "in", "to"))
    for clause in (c for n in path if n.pos_ in ("NOUN", "PROPN") for c in n.children
                   if c.dep_ in ("acl", "relcl")):
        lemma = clause.lemma_.lower()
        if lemma in _BOUGHT:
            roles.suppliers = _preps([clause], ctx, ("from",))
            roles.via = _agent(clause, ctx)
        elif lemma in _SOLD:
            roles.suppliers = _agent(clause, ctx)
            roles.via = _preps([clause], ctx, ("to", "for"))
        if roles.suppliers:
            break
    roles.via = [c for c in roles.via if c not in roles.suppliers + roles.recipients]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
        (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _subject(verb: Token, ctx: Context) -> list[str]:
    current = verb
    for _ in range(6):
        subj = next((c for c in current.children if c.dep_ in ("nsubj", "poss")), None)
        if subj is not None:
            if subj.lower_ in ("which", "that", "who") and current.dep_ == "relcl":
                return ctx.actors_of(_first_conjunct(current.head))
            return ctx.actors_of(subj)
        if current.dep_ == "relcl" and ctx.actors_of(current.head):
            return ctx.actors_of(_first_conjunct(current.head))
        if current.dep_ == "acl" and not _passive(current) and ctx.actors_of(current.head):
            return ctx.actors_of(current.head)      # "Chinese firms selling drones"
        if current is not verb and _passive(current):
            agent = _agent(current, ctx)
            if agent:
                return agent
        accused = _accused(current, ctx)
        if accused:
            return accused
        if current.dep_ not in _INHERIT or current.head is current:
            return []
        current = current.head
    return []


def _first_conjunct(token: Token) -> Token:
    """"Italy and the Czech Republic, which bought ...": the relative clause hangs on the
    last name; the whole coordination is its antecedent."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def _accused(token: Token, ctx: Context) -> list[str]:
    """"X accused Y of supplying", "blocked Denmark from giving": the object acts."""
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "for", "from"):
        verb = token.head.head
        if verb.pos_ == "VERB":
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None:
                return ctx.actors_of(obj)
    return []


def _agent(verb: Token, ctx: Context) -> list[str]:
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ not in ("way", "means", "air", "sea", "road",
                                                        "rail", "land", "ship", "train"):
                return ctx.actors_of(pobj)       # "by way of Syria" is a route, not an agent
    return []


def _preps(path: list[Token], ctx: Context, words: tuple[str, ...]) -> list[str]:
    """Actors in "to X" / "from X" phrases on the trigger, the item or anything between."""
    out: list[str] = []
    tokens = list(path)
    for tok in path:
        tokens += [c for c in tok.children if c.dep_ == "conj" and c.pos_ != "VERB"]
    for token in tokens:
        for child in token.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in words:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if token.pos_ == "VERB":   # "to X, Y militias and Z" parsed as the verb's conj
                    objects += [c for c in token.children if c.dep_ == "conj" and c.i > child.i
                                and c.pos_ in ("NOUN", "PROPN")]
                for pobj in objects:
                    found = ctx.actors_of(pobj, through_preps=child.lower_ not in ("for", "to"))
                    out += [c for c in found if c not in out]
    return out


def _dative(verb: Token, ctx: Context, item: Token) -> list[str]:
    """"sending Russia shells" (dative) and "supply Russia with shells" (object + with)."""
    out: list[str] = []
    if verb.lemma_.lower() not in _OBJECT_RECIPIENT:
        return out
    for child in verb.children:
        if child.dep_ == "dative" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            out += ctx.actors_of(child)
        elif child.dep_ == "dobj" and item not in child.subtree:
            out += ctx.actors_of(child)
        elif child.dep_ == "dobj" and not out:   # "give North Korea fighter jets" parsed as compound
            out += _compound_state(child, ctx)
    return out


def _compound_state(noun: Token, ctx: Context) -> list[str]:
    for child in noun.children:
        if child.dep_ == "compound" and child.i < noun.i:
            m = ctx.actor_at(child)
            if m and not m.made and m.kind in ("state", "alias", "capital"):
                return [m.code]
    return []


def _with(verb: Token, ctx: Context, item: Token) -> list[str]:
    """"share know-how with Pyongyang"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with" and item not in child.subtree:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return ctx.actors_of(pobj, through_preps=False)
    return []


def _noun_roles(noun: Token, item: Token, path: list[Token], ctx: Context, roles: Roles) -> None:
    lemma = noun.lemma_.lower()
    owner = [ctx.actors_of(c) for c in noun.children if c.dep_ == "poss"]
    owner = owner[0] if owner else _demonym(noun, ctx)
    verb = [noun.head] if noun.head.pos_ == "VERB" else []
    to = _preps(path + verb, ctx, ("to", "for"))
    frm = _preps(path + verb, ctx, ("from", "by"))
    subj = _copula_subject(noun, ctx)
    if lemma in _ROLE_NOUNS_SUPPLY:
        roles.suppliers, roles.recipients = subj, owner or to
    elif lemma in _ROLE_NOUNS_RECEIVE:
        roles.recipients, roles.suppliers = subj, frm or _owner(item, ctx) or _demonym(item, ctx)
    else:
        roles.suppliers = owner or frm
        roles.recipients = to
        verb = _nearest_verb(path[-1])
        if verb is not None and not roles.suppliers and verb.lemma_.lower() not in (
                "receive", "get", "take", "accept", "welcome", "need", "want", "seek", "ask"):
            roles.suppliers = _subject(verb, ctx)   # "The US suspended part of an aid program"
        if noun.head.pos_ == "VERB" and noun.dep_ in ("dobj", "nsubjpass", "pobj"):
            verb_subj = _subject(noun.head, ctx)
            if noun.head.lemma_.lower() in ("receive", "get", "take", "accept", "welcome", "sign",
                                            "finalise", "finalize", "conclude", "seal", "win"):
                roles.recipients = roles.recipients or [c for c in verb_subj
                                                        if c not in roles.suppliers]
            elif not roles.suppliers:
                roles.suppliers = verb_subj


def _nearest_verb(token: Token) -> Token | None:
    for word in list(token.ancestors)[:4]:
        if word.pos_ == "VERB":
            return word
    return None


def _copula_subject(noun: Token, ctx: Context) -> list[str]:
    """"China has been Pakistan's main supplier", "the largest importer ..., Saudi Arabia"."""
    heads = [noun] + [p for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj"]   # "importer of US arms, X"
    named = [c for h in heads for ch in h.children if ch.dep_ == "appos"
             for c in ctx.actors_of(ch)]
    if named:
        return named
    if noun.dep_ in ("attr", "appos") and noun.head is not noun:
        head = noun.head
        if noun.dep_ == "appos":
            return ctx.actors_of(head)
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        return ctx.actors_of(subj) if subj is not None else []
    return []


def _made_in(item: Token, ctx: Context) -> str | None:
    """"US-made weapons", "drones built by Baykar": the maker named on the item."""
    for tok in item.subtree:
        if tok.i >= item.i + 1:
            break
        m = ctx.actor_at(tok)
        if m and m.made:
            return m.code
    for child in item.children:
        if child.dep_ == "acl" and child.lemma_.lower() in _MAKE:
            agent = _agent(child, ctx)
            if agent:
                return agent[0]
    return None


def _owner(item: Token, ctx: Context, any_kind: bool = False) -> list[str]:
    """"Russia's Su-57": the possessor of a bought item sells it; "its jets, which were
    supplied by Britain": the possessor of a supplied item received it."""
    for child in item.children:
        if child.dep_ == "poss":
            if any_kind:
                return ctx.actors_of(child)
            m = ctx.actor_at(child)
            if m and m.kind in _SEAT_KINDS:
                return [m.code]
    return []


def _clause_agent(item: Token, ctx: Context) -> list[str]:
    """"jets promised by France (have arrived)": the agent of a clause on the item."""
    for child in item.children:
        if child.dep_ == "acl":
            agent = _agent(child, ctx)
            if agent:
                return agent
    return []


def _demonym(token: Token, ctx: Context) -> list[str]:
    """"Russian fighter jets", "US military aid": a state named inside the noun phrase."""
    out: list[str] = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
            m = ctx.actor_at(child)
            if m and m.kind in ("demonym", "state", "alias") and m.code not in out:
                out.append(m.code)
    return out
