"""Whether the event happened, as the clause around its trigger tells: negated, future, hypothetical,
reported (and by whom). Historical is decided later, by the time stage, from the event's date."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from annalist.events.matcher import entities_in
from annalist.events.roles import subject
from annalist.model import Entity, Modality
from annalist.nlp.syntax import clause_chain, infinitive

SPEECH = frozenset(
    (
        "say",
        "tell",
        "confirm",
        "announce",
        "report",
        "claim",
        "state",
        "add",
        "note",
        "insist",
        "allege",
        "declare",
        "assert",
        "accuse",
        "write",
        "believe",
        "argue",
        "suggest",
        "explain",
    )
)
FUTURE_AUX = frozenset(("will", "shall", "'ll", "wo"))
FUTURE_GOVERNORS = frozenset(
    (
        "plan",
        "set",
        "intend",
        "expect",
        "prepare",
        "schedule",
        "aim",
        "vow",
        "pledge",
        "promise",
        "propose",
        "seek",
        "hope",
        "want",
        "agree",
        "decide",
        "threaten",
    )
)
FUTURE_WORDS = frozenset(("imminent", "impending", "upcoming", "forthcoming", "planned", "scheduled", "looming"))
HYPOTHETICAL_AUX = frozenset(("could", "would", "might", "may", "should", "must"))
HYPOTHETICAL_WORDS = frozenset(
    (
        "possible",
        "potential",
        "possibly",
        "likely",
        "unlikely",
        "probable",
        "hypothetical",
        "prospective",
        "eventual",
    )
)
NEGATING_GOVERNORS = frozenset(("deny", "refuse", "fail", "decline", "avoid", "reject", "halt", "cancel"))
# What is prevented or foiled did not happen: "sent troops to [prevent] a massacre"
PREVENTING = frozenset(("prevent", "avert", "forestall", "thwart", "foil", "preempt", "pre-empt"))
UNATTRIBUTED = frozenset(("analyst", "observer", "expert", "critic", "source", "commentator", "report", "some",
                          "many", "others", "people", "rumour", "rumor", "unnamed", "anonymous", "witness"))  # fmt: skip
UNNAMED = "UNK"  # the code of an actor the text names by role alone, with no state ("diplomats", "residents")


def _reported_intent(verb: Token) -> bool:
    """Whether a "would" clause is reported intent ("said it would"), not a condition ("said it would ... if")."""
    head = verb.head
    conditions = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
    return verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH and not any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless") for clause in conditions for c in clause.children)  # fmt: skip


def _governors(trigger: Token) -> Iterator[Token]:
    """Every verb or noun above the trigger's clause, nearest first."""
    token = trigger
    while token.head.i != token.i:
        token = token.head
        yield token


def speaker_of(verb: Token, entities: dict[int, Entity]) -> tuple[str | None, bool]:
    """Who a speech verb attributes the claim to: an entity's label, and whether the claim is unattributed
    ("many analysts said", "diplomats said", "residents said": no one named, nor their state, and not one
    source such as "the army" or "a police spokesman")."""
    return _speaker(list(subject(verb)), entities)


def _speaker(heads: list[Token], entities: dict[int, Entity]) -> tuple[str | None, bool]:
    """The label of the entity among a claim's sources, and whether the claim is unattributed."""
    found = entities_in(heads, entities)
    if found:
        # "diplomats", "residents" are no one in particular; "the army", "a police spokesman" are a source
        return found[0].label, found[0].code == UNNAMED and all(h.tag_ in ("NNS", "NNPS") for h in heads)
    generic = any(head.lemma_.lower() in UNATTRIBUTED or any(c.lower_ in UNATTRIBUTED for c in head.children)
                  for head in heads)  # fmt: skip
    return None, generic or not heads


def _according_to(chain: list[Token]) -> Token | None:
    """The source an "according to" phrase on the event's clause names ("according to unnamed officials")."""
    for token in chain:
        for child in token.children:
            if child.lower_ == "according" and child.dep_ == "prep":
                to = next((c for c in child.children if c.lower_ == "to"), None)
                source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
                if source is not None:
                    return source
    return None


def _planner(chain: list[Token]) -> Token | None:
    """A verb of planning or expecting the event's clause hangs from ("Poland [plans] to deploy", "is [expected]
    to suspend"; "Nurses [plan] to ..." even when tagged a noun), unless told as done ("decided")."""
    for token in chain[1:]:
        verb = token.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in token.children)
        if token.lemma_.lower() in FUTURE_GOVERNORS and verb and token.tag_ != "VBD":
            return token
    return None


def find_modality(trigger: Token, entities: dict[int, Entity]) -> tuple[Modality, list[str]]:
    """Read the modality of the event a trigger signals.

    trigger (Token): the event's trigger.
    entities (dict[int, Entity]): actor entities by token index, to resolve who reported it.
    RETURNS (tuple): the Modality, and notes on which words set each flag (for the explanation).
    """
    modality = Modality()
    notes: list[str] = []
    chain = list(clause_chain(trigger))
    for token in chain:
        if (
            token.lemma_ == "be"
            and token.i != trigger.i
            and any(c.dep_ == "xcomp" and infinitive(c) for c in token.children)
        ):
            modality.future = True  # "units are to begin training": the plan, not yet the deed
            notes.append(f"future by '{token.text} to'")
        for child in token.children:
            word = child.lower_
            if child.dep_ == "neg" or word == "never":
                modality.negated = True
                notes.append(f"negated by '{child.text}'")
            elif (child.dep_ == "aux" and (word in FUTURE_AUX or (word == "would" and _reported_intent(token)))
                  or child.dep_ == "amod" and token.i == trigger.i and word in FUTURE_WORDS):  # fmt: skip
                modality.future = True  # "X said it would contribute troops": what it will do, not a maybe
                notes.append(f"future by '{child.text}'")
            elif (
                child.dep_ == "aux"
                and word in HYPOTHETICAL_AUX
                or child.dep_ == "mark"
                and word in ("if", "unless")
                or child.dep_ in ("amod", "advmod")
                and word in HYPOTHETICAL_WORDS
            ):
                modality.hypothetical = True
                notes.append(f"hypothetical by '{child.text}'")
    preventing = next((t for t in [*chain[1:], *_governors(chain[-1])][:3] if t.lemma_.lower() in PREVENTING
                       and t.pos_ == "VERB"), None)  # fmt: skip
    failed = preventing is not None and (any(c.dep_ == "neg" for c in preventing.children)
                                         or preventing.head.lemma_.lower() in NEGATING_GOVERNORS)  # fmt: skip
    if preventing is not None and not failed and not modality.hypothetical:
        modality.hypothetical = True  # "sent troops to prevent a massacre", "foiled an attack": it did not happen
        notes.append(f"hypothetical by '{preventing.text}'")
    if trigger.pos_ == "VERB" and not modality.hypothetical:
        for modifier in (c for o in trigger.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "amod"):
            if modifier.lower_ in HYPOTHETICAL_WORDS:  # "faces possible extradition": the event is the maybe
                modality.hypothetical = True
                notes.append(f"hypothetical by '{modifier.text}'")
    if (planner := _planner(chain)) is not None:
        modality.future = True
        notes.append(f"future by '{planner.text}'")
    for governor in _governors(chain[-1]):
        lemma = governor.lemma_.lower()
        if lemma in NEGATING_GOVERNORS and governor.pos_ == "VERB" and not modality.negated:
            modality.negated = True
            notes.append(f"negated by '{governor.text}'")
        elif lemma in FUTURE_GOVERNORS and governor.pos_ == "VERB" and governor.tag_ != "VBD":
            modality.future = modality.future or governor.i < trigger.i
        if lemma in SPEECH and governor.pos_ == "VERB" and not modality.reported:
            modality.reported = True
            label, generic = speaker_of(governor, entities)
            modality.speaker = label
            modality.unattributed = generic
            notes.append(f"reported by '{governor.text}'" + (f" ({label})" if label else ""))
    if not modality.reported and (source := _according_to(chain)) is not None:
        modality.reported = True  # "according to people familiar with the matter"
        modality.speaker, modality.unattributed = _speaker([source], entities)
        notes.append(f"reported by 'according to {source.text}'")
    return modality, notes
