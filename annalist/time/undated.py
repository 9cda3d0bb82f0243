"""Events the text tells without a time of their own, which the story's day would misdate. They are left
undated (source "none", the reason in the date's `text`), never put on the day the story ran:

- a run of events summed up: "has used the weapons more than 50 times", "there have been repeated raids",
  "has for years been harassing its neighbour";
- a class of events a perfect-tense clause names in a sentence that reaches back to a past year: "a group
  that has claimed responsibility for bombings in the capital";
- an event that is only supposed: "fears of a possible invasion" (hypothetical: it has no day at all).

Only for events no time expression or frame has dated: a date the text gives always wins.
"""

from __future__ import annotations

from spacy.tokens import Token

from annalist.model import EventDate, Modality

REPEATED = "(repeated)"
GENERIC = "(events of an unstated time)"
SUPPOSED = "(hypothetical)"

OFTEN = frozenset(("repeatedly", "often", "frequently", "regularly", "routinely", "persistently", "constantly",
                   "continually", "habitually"))  # fmt: skip
RECURRING = frozenset(("repeated", "frequent", "regular", "persistent", "continual", "continued", "recurrent",
                       "recurring", "constant", "routine", "periodic", "sporadic", "countless", "numerous"))  # fmt: skip
SPANS = frozenset(("year", "decade", "month", "century"))  # "for years", "over the decades"
DETERMINERS = ("det", "poss", "nummod")


def undated(trigger: Token, modality: Modality, past_year: bool) -> EventDate | None:
    """The undated date of an event told without a time of its own (see the module), or None when the story's
    day is its date. `past_year`: whether the sentence names a year before the story's."""
    verb = _governing_verb(trigger)
    if _summed_up(trigger, verb):
        return EventDate(source="none", text=REPEATED)
    if past_year and verb is not None and _perfect(verb) and _class_of_events(trigger):
        return EventDate(source="none", text=GENERIC)
    if modality.hypothetical:
        return EventDate(source="none", text=SUPPOSED)
    return None


def _governing_verb(trigger: Token) -> Token | None:
    """The verb that tells the event: the trigger itself, or the nearest verb a noun trigger hangs from
    ("claimed responsibility for [attacks]")."""
    return trigger if trigger.pos_ in ("VERB", "AUX") else _verb_above(trigger, steps=3)


def _perfect(verb: Token) -> bool:
    """Told in a perfect tense: "has used", "have come", "have been", "had fought"."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "have" for c in verb.children)


def _summed_up(trigger: Token, verb: Token | None) -> bool:
    """A run of events told as one: counted ("more than 50 times"), told as recurring in a perfect or present
    clause ("has repeatedly shelled", "there have been repeated raids"), or over years ("for years")."""
    if verb is not None and any(_over_years(c) for c in [*verb.children, *_auxiliary_children(verb)]):
        return True
    recurring = (trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in RECURRING for c in trigger.children))  # fmt: skip
    if verb is None:
        return recurring
    counted = any(_times(t) and _verb_above(t) == verb for t in verb.subtree)
    often = any(c.dep_ == "advmod" and c.lower_ in OFTEN for c in verb.children)
    summary_tense = _perfect(verb) or (verb.tag_ in ("VBZ", "VBP") and not _auxiliaries(verb))
    return counted or ((often or recurring) and summary_tense)


def _times(token: Token) -> bool:
    """A count of times: "more than 50 times", "dozens of times", "many times" (not "at times")."""
    if token.lemma_.lower() != "time" or token.tag_ != "NNS":
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in ("dozen", "hundred", "thousand", "score")
    if token.dep_ == "npadvmod":
        return any(c.dep_ in ("nummod", "amod", "quantmod") for c in token.children)
    return token.head.pos_ == "NUM" and token.head.dep_ == "npadvmod"  # "[more than 100] times", parsed so


def _verb_above(token: Token, steps: int | None = None) -> Token | None:
    """The nearest verb a token hangs from (within `steps` heads, if given)."""
    while token.head.i != token.i and steps != 0:
        token = token.head
        steps = None if steps is None else steps - 1
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _auxiliary_children(verb: Token) -> list[Token]:
    """Words the parser hung from the verb's auxiliary ("has [for decades] rejected")."""
    return [c for aux in _auxiliaries(verb) for c in aux.children]


def _over_years(token: Token) -> bool:
    """ "for years", "over the decades", "for many months": a span of unstated length (not "for two years", nor
    "for his years of service")."""
    if token.dep_ != "prep" or token.lower_ not in ("for", "over"):
        return False
    bare = ("nummod", "poss") if token.lower_ == "over" else ("nummod", "poss", "det")
    return any(o.dep_ == "pobj" and o.tag_ == "NNS" and o.lemma_.lower() in SPANS
               and not any(c.dep_ in bare for c in o.children) for o in token.children)  # fmt: skip


def _class_of_events(trigger: Token) -> bool:
    """A noun naming events in general, not one of them: no article, possessive or number ("bombings",
    "bombardment"), not "the bombing" or "two raids"."""
    return trigger.pos_ == "NOUN" and not any(c.dep_ in DETERMINERS for c in trigger.children)
