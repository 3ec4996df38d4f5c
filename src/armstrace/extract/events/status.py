"""Stage and assertion of events (exercises, meetings, agreements, sanctions).

Events differ from transfers in their cues: "planned summit", "called off",
"regular exercises", "came into force", "close to finalising". The nearest cue
above the trigger wins; hedges always give ``proposed`` + ``hypothetical``.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..chain import governors, modifiers
from ..context import Context
from ..cues import cues

HEDGES = {"could", "might", "may"}
FUTURE = {"would", "will", "shall", "should", "'ll", "wo"}
CANCEL = {"cancel", "suspend", "halt", "postpone", "scrap", "abandon", "end", "lift", "revoke",
          "stop", "freeze", "sever", "terminate", "scrap", "drop", "rescind", "annul", "remove",
          "ease", "quit", "withdraw", "delay", "shelve", "axe", "repeal", "waive"}
PROPOSE = {"plan", "propose", "intend", "seek", "want", "hope", "aim", "prepare", "expect",
           "consider", "offer", "suggest", "invite", "urge", "call", "demand", "threaten",
           "push", "press", "ask", "mull", "weigh", "explore", "envisage", "schedule", "due",
           "proposal", "plan", "prospect", "idea", "threat", "call", "bid", "attempt"}
NEGOTIATE = {"discuss", "negotiate", "negotiation", "discussion", "close"}
AGREE = {"agree", "sign", "pledge", "promise", "commit", "conclude", "ink", "approve",
         "finalise", "finalize", "accept"}
ONGOING = {"regular", "regularly", "annual", "annually", "routine", "routinely", "yearly",
           "repeatedly", "continue", "continued", "still", "ongoing", "every", "often",
           "frequently", "recurring", "biennial", "since"}
PROPOSE_MODS = {"planned", "proposed", "possible", "potential", "upcoming", "future",
                "prospective", "mooted", "expected", "scheduled", "next", "announced"}
# a cancelling cue governed by one of these describes a threat or a demand, not an act
_IRREALIS = {"threaten", "demand", "call", "urge", "reject", "refuse", "want", "seek", "warn",
             "propose", "consider", "demand", "out"}


def event_stage(trigger: Token, default: str = "delivered", standing: str = "delivered",
                ignore: tuple[str, ...] = ()) -> str:
    """The stage cue nearest the trigger; ``standing`` when a cancellation is only threatened
    or demanded (the thing stands: an alliance in force, talks going on)."""
    above = None
    for word in _clause_governors(trigger):
        above = _word_stage(word)
        if above in ignore:
            above = None
        if above:
            break
    if above is None and _scheduled(trigger):
        above = "proposed"
    if above == "standing":
        return standing
    if above in ("cancelled", "proposed"):
        return above
    if _has(trigger, PROPOSE_MODS, deps=("amod", "compound", "advmod")):
        return "proposed"
    if _has(trigger, ONGOING, deps=("amod", "advmod", "npadvmod")):
        return "ongoing"
    return above or default


def _clause_governors(trigger: Token) -> list[Token]:
    """Words above the trigger up to the first verb that heads its own clause: the stage of
    "pledged at the summit" does not come from the clause the pledge sits in."""
    out = []
    for word in list(governors(trigger))[1:]:
        out.append(word)
        if word.pos_ in ("VERB", "AUX") and word.dep_ not in ("xcomp", "conj", "pcomp", "acomp",
                                                              "prep", "pobj", "dobj", "auxpass"):
            head = word.head
            if word.dep_ == "ccomp" and head.lemma_.lower() in PROPOSE | AGREE | NEGOTIATE:
                out.append(head)          # "proposed that X join Y in exercises"
            break
    return out


def _scheduled(trigger: Token) -> bool:
    """"negotiators return to Geneva this week": a present tense with a coming date."""
    verb = next((w for w in _clause_governors(trigger) if w.pos_ == "VERB"), None)
    if verb is None or verb.tag_ not in ("VBP", "VBZ"):
        return False
    words = {t.lower_ for c in verb.children if c.dep_ in ("npadvmod", "advmod", "prep")
             for t in c.subtree}
    return bool(words & {"tomorrow", "next", "later"}) or {"this", "week"} <= words


def _word_stage(word: Token) -> str | None:
    mods = {m.lower_ for m in modifiers(word)} | {c.lower_ for c in word.children
                                                  if c.dep_ in ("advmod", "npadvmod")}
    lemma = word.lemma_.lower()
    if mods & (HEDGES | FUTURE):
        return "proposed"
    if mods & ONGOING or lemma in ("continue", "keep", "maintain"):
        return "ongoing"
    if word.pos_ not in ("VERB", "NOUN", "ADJ", "AUX"):
        return None
    if lemma in CANCEL or (lemma == "call" and any(c.lower_ == "off" for c in word.children)):
        return "standing" if _irrealis(word) else "cancelled"
    if lemma in PROPOSE:
        return "proposed"
    if lemma in NEGOTIATE:
        return "negotiating"
    if lemma in AGREE:
        return "negotiating" if word.head.lower_ in ("close", "near", "closer") else "agreed"
    return None


def _irrealis(word: Token) -> bool:
    head = word.head
    return head is not word and head.lemma_.lower() in _IRREALIS and word.dep_ in (
        "xcomp", "acl", "ccomp", "dobj", "pcomp", "csubj", "nsubj")


def _has(token: Token, words: set[str], deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for c in token.children)


def event_assertion(trigger: Token, ctx: Context, parties, presupposed: bool = False) -> str:
    """What the text commits to: hedges, then the nearest reporting, alleging or denying verb
    whose clause holds the event. Announcing or confirming the event itself is the act, not a
    report of it. A third party's plain statement is ``reported``; an accusation ``alleged``
    (not for ``presupposed`` events such as sanctions someone is accused of breaching)."""
    c = cues()
    child = trigger
    for word in governors(trigger):
        for mod in modifiers(word):
            if mod.lower_ in HEDGES or (mod.lower_ == "if" and mod.dep_ == "mark"):
                return "hypothetical"
            if mod.lower_ in ("reportedly", "purportedly", "apparently"):
                return "reported"
            if mod.lower_ in ("allegedly", "supposedly"):
                return "alleged"
        lemma = word.lemma_.lower()
        in_clause = child.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "pcomp", "prep")
        if word is not trigger and word.pos_ == "VERB" and in_clause:
            if lemma in c.denying_verbs and child.dep_ == "ccomp":
                return "denied"
            if lemma in c.alleging_verbs and not presupposed:
                return "alleged"
            if lemma in c.reporting_verbs and child.dep_ in ("ccomp", "parataxis"):
                return _source(word, ctx, parties)
        child = word
    according = next((t for t in ctx.doc if t.lower_ == "according"), None)
    if according is not None:
        return "reported"
    return "asserted"


def _source(verb: Token, ctx: Context, parties) -> str:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in cues().reported_nouns | {"i", "we"} or \
            subj.lemma_.lower() in cues().reported_nouns:
        return "reported"
    from .common import phrase_codes
    codes = phrase_codes(subj, ctx)
    return "asserted" if set(codes) & set(parties) else "reported"


def settle(trigger: Token, ctx: Context, parties, default: str = "delivered",
           standing: str = "delivered", ignore: tuple[str, ...] = (),
           presupposed: bool = False) -> tuple[str, str]:
    """(stage, assertion) of an event; a hypothetical is always ``proposed``. Cues in
    ``ignore`` are passed over ("signed a pact during talks": the talks were not agreed)."""
    assertion = event_assertion(trigger, ctx, parties, presupposed)
    stage = event_stage(trigger, default, standing, ignore)
    if assertion == "hypothetical":
        stage = "proposed"
    return stage, assertion
