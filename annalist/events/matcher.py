"""Applying the codebook to a parsed Doc: trigger words, their constraints, and the roles around them.

Find first, then write: `match_patterns` returns plain `Candidate`s; the event stage turns them into Events.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from annalist.events.codebook import Codebook, Constraint, Pattern
from annalist.events.roles import agent, follow, phrase_tokens, role_heads, subject
from annalist.model import Entity
from annalist.nlp.syntax import entity_index, infinitive


@dataclass(slots=True)
class Candidate:
    """A pattern that matched a trigger, with the roles found for it."""

    pattern: Pattern
    trigger: Token
    anchors: list[Token]
    actor: list[Entity]
    recipient: list[Entity]
    context: list[str]
    actor_source: str | None = None
    recipient_source: str | None = None
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.0  # the pattern's own, then weighed by the classifier
    produced_by: str = ""

    def __post_init__(self) -> None:
        self.confidence = self.confidence or self.pattern.confidence
        self.produced_by = self.produced_by or f"pattern:{self.pattern.id}"


def _satisfied(trigger: Token, constraint: Constraint) -> tuple[list[Token], list[Token]]:
    """The tokens a constraint reaches that qualify, and the tokens on the way to them."""
    for path in constraint.paths:
        found = [
            t
            for t in follow(trigger, path)
            if (not constraint.lemmas or t.lemma_.lower() in constraint.lemmas)
            and (not constraint.pos or t.pos_ in constraint.pos)
        ]
        if found:
            between = [t for depth in range(1, len(path)) for t in follow(trigger, path[:depth])]
            return found, between
    return [], []


def _anchors(trigger: Token, pattern: Pattern) -> list[Token] | None:
    """The trigger plus every token the pattern's requirements reached, or None if one is unmet."""
    anchors = [trigger]
    if trigger.dep_ == "compound" and trigger.head.pos_ in ("NOUN", "PROPN"):
        anchors.append(trigger.head)  # "a [training] programme in Israel"
    for constraint in pattern.require:
        found, between = _satisfied(trigger, constraint)
        if not found:
            return None
        # the words on the way anchor prepositional roles too ("end to cooperation [with X]")
        anchors.extend(found + between)
    if any(_satisfied(trigger, constraint)[0] for constraint in pattern.exclude):
        return None
    return anchors


PLACE_PREPS = frozenset(("in", "at", "near", "inside", "outside", "across", "throughout"))


# "at" after these is aimed at someone: "hit back at Beijing", "took aim at Washington", "fired at Kyiv"
AIMED_AT = frozenset(("aim", "jab", "swipe", "snipe", "lash", "hit", "strike", "fire", "shoot", "rail", "snap"))


MISSIONS = frozenset(("embassy", "consulate", "mission", "legation"))


def _host_of_mission(head: Token) -> bool:
    """ "an embassy [in Hanoi]", "opened an embassy [in Hanoi]": a mission no state name owns is named by its
    host's capital; "the U.S. embassy in Baghdad" is the owner's, and Baghdad only where it stands."""
    nouns = [c for c in head.children if c.dep_ == "dobj"] if head.pos_ == "VERB" else [head]
    return any(_unowned_mission(noun) for noun in nouns)


def _unowned_mission(noun: Token) -> bool:
    return noun.lemma_.lower() in MISSIONS and not any(
        c.dep_ in ("compound", "amod", "nmod", "poss") and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP"))
        for c in noun.children
    )


def _a_place(token: Token, entity: Entity) -> bool:
    """A capital after "in", "at", "near" is where something happened, not who it happened to; but "at" after
    a verb of aiming ("hit back at Beijing") names the target, and "in" after a mission its host."""
    if not entity.source.endswith("/capital") or token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS:
        return False
    if token.head.lower_ == "in" and _host_of_mission(token.head.head):
        return False
    verb = token.head.head
    aimed = verb.lemma_.lower() in AIMED_AT or any(child.dep_ == "prt" for child in verb.children)
    return not (token.head.lower_ == "at" and aimed)


def entities_in(heads: list[Token], entities: dict[int, Entity]) -> list[Entity]:
    """The distinct entities inside the phrases these tokens head, in text order (places left out)."""
    found: dict[int, Entity] = {}
    for head in heads:
        for token in phrase_tokens(head):
            entity = entities.get(token.i)
            if entity is not None and not _a_place(token, entity):
                found.setdefault(entity.start, entity)
    return [found[start] for start in sorted(found)]


def _fill_role(sources: tuple[str, ...], trigger: Token, anchors: list[Token],
               entities: dict[int, Entity]) -> tuple[list[Entity], str | None]:  # fmt: skip
    for source in sources:
        found = entities_in(role_heads(source, trigger, anchors), entities)
        if found:
            return found, source
    return [], None


def _contexts(pattern: Pattern, anchors: list[Token], codebook: Codebook) -> list[str]:
    contexts = list(pattern.context)
    for anchor in anchors:
        for token in [anchor, *anchor.children]:
            context = codebook.contexts.get(token.lower_) or codebook.contexts.get(token.lemma_.lower())
            if context and context not in contexts and (token is anchor or token.dep_ in ("amod", "compound")):
                contexts.append(context)
    return contexts


# Events whose content is another event: "threatened to [cut ties]", "agreed to [cooperate]", "demanded that
# Israel [withdraw]", "accused Armenia of [shelling]". The embedded event is what is threatened, promised,
# asked for or alleged, not an event that happened: it is dropped and lends its recipient to the governing one.
GOVERNING = frozenset(("THREATEN", "AGREE", "REQUEST", "REJECT", "ACCUSE"))
EMBEDDING_DEPS = frozenset(("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "advcl", "acl", "acomp"))


def _governor(candidate: Candidate, by_trigger: dict[int, Candidate]) -> Candidate | None:
    token = candidate.trigger
    condemned = by_trigger.get(token.head.i) if token.pos_ == "NOUN" and token.dep_ == "dobj" else None
    # "condemned [Russia's] strikes": what is condemned happened; "accused X of attacking" is only alleged
    if (
        condemned is not None
        and condemned.pattern.mode == "disapprove"
        and candidate.actor_source not in (None, "subject")
    ):
        return None
    for head in _embedding_heads(token):
        governor = by_trigger.get(head.i)
        if governor is not None and governor.pattern.event in GOVERNING:
            return governor  # events that govern nothing are climbed past ("threatened to suspend [talks]")
    return None


def _embedding_heads(token: Token) -> Iterator[Token]:
    """The words a trigger is embedded under, nearest first, climbing at most five embedding steps."""
    for _ in range(5):
        if token.dep_ not in EMBEDDING_DEPS or token.head.i == token.i:
            return
        token = token.head
        yield token


def _frames(governor: Candidate, candidate: Candidate) -> bool:
    """Whether the governor is only the unspecified frame of its complement: "are [willing] to meet" is intent to
    cooperate (CAMEO 030) framing intent to meet (036), which says more. "Deplored the [trial]" is not: the
    criticism (111) is not the unspecified form of the trial's accusation (1121)."""
    general, specific = governor.pattern.cameo, candidate.pattern.cameo
    return (governor.pattern.event == candidate.pattern.event and candidate.trigger in governor.anchors
            and general is not None and specific is not None and general.endswith("0")
            and specific.startswith(general.rstrip("0")) and specific != general)  # fmt: skip


def _take_over(candidate: Candidate, governor: Candidate) -> None:
    """Let an embedded candidate of the governor's own type speak for it, keeping the governor's parties."""
    governor.pattern, governor.produced_by = candidate.pattern, candidate.produced_by
    governor.confidence, governor.context = candidate.confidence, candidate.context or governor.context
    if candidate.recipient and not governor.recipient:
        governor.recipient, governor.recipient_source = candidate.recipient, candidate.recipient_source


# Events done to a thing: a noun event that is the object of one of these ("stormed the protest camp",
# "broke up the rally") is what was acted upon, not something the verb's subject did; unless the noun names
# its own doer ("a protest by students").
ACTING_ON = frozenset(("ASSAULT", "COERCE"))


def _acted_upon(candidate: Candidate, by_trigger: dict[int, Candidate]) -> bool:
    token = candidate.trigger
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "nsubjpass") or token.head.i == token.i:
        return False
    if candidate.actor_source not in (None, "subject"):
        return False  # the noun names its own doer: "dispersed a protest [by students]" keeps the protest
    verb = by_trigger.get(token.head.i)
    return (verb is not None and verb.produced_by.startswith("pattern:") and verb.pattern.event in ACTING_ON
            and verb.pattern.event != candidate.pattern.event)  # fmt: skip


# What is asked, offered, planned or alleged has not happened: "Armenia's demand that Azerbaijan [lift] the
# blockade", "calls for [sanctions]", "an offer to [mediate]"; nor what is called off: "called off the [march]".
CONTENT_NOUNS = frozenset(("demand", "call", "request", "appeal", "ultimatum", "plea", "offer", "proposal", "plan",
                           "promise", "pledge", "vow", "threat", "accusation", "allegation", "claim", "suggestion",
                           "idea", "prospect", "possibility", "bid"))  # fmt: skip
CALLING_OFF = frozenset(("cancel", "postpone", "scrap", "shelve", "abandon", "delay", "defer", "call"))
# ... nor what someone is only suspected of: "three men [accused] of killing a police officer"
ALLEGING = frozenset(("suspect", "accuse", "charge", "allege", "blame", "indict"))


def _unrealised(trigger: Token) -> bool:
    """Whether an event is only the content of a demand, offer, plan or claim, what someone described is
    suspected of, a noun event called off, or one a condition names ("if [attacks] on Serbs continued")."""
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ in ("nsubj", "nsubjpass")
        and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in trigger.head.children)
    ):
        return True
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in CALLING_OFF:
        verb = trigger.head
        return verb.lemma_.lower() != "call" or any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    for head in _embedding_heads(trigger):
        if head.pos_ == "NOUN" and head.lemma_.lower() in CONTENT_NOUNS:
            return True
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_.lower() in ALLEGING and head.dep_ in ("acl", "relcl", "amod")
    return False


READYING = "mobilize.prepare_offensive"


def _part_of(candidate: Candidate, by_trigger: dict[int, Candidate]) -> Candidate | None:
    """The event a clause is only part of: the event of its own type an infinitive gives the purpose of ("went
    on strike [to protest] against the law" is one protest, whose target the clause names), or the riot
    a participle tells the violence of ("rioted, [hurling] petrol bombs": a riot is violent by definition), or
    the protest a relative clause tells the force of ("a strike that [blocked] the highways"), or the readiness
    an attack only is the aim of ("prepared an [offensive]", "geared up to [storm] the town": MOBILIZE), or
    the protest whose topic a demand is ("rallied outside parliament [calling] for new elections").
    Other participles say how, and may be acts of their own ("joined the strike, [blocking] the port")."""
    token = candidate.trigger
    nearest = next((by_trigger[h.i] for h in _embedding_heads(token) if h.i in by_trigger), None)
    if nearest is not None and candidate.pattern.event == "ASSAULT" and nearest.pattern.id == READYING:
        return nearest
    # the manual: a protest's topic ("marched through the capital [demanding] his release") is no event of its own
    if nearest is not None and candidate.pattern.event == "REQUEST" and nearest.pattern.event == "PROTEST":
        return nearest
    if token.dep_ == "relcl" and candidate.pattern.event in ACTING_ON:
        protest = by_trigger.get(token.head.i)  # "a [strike] that blocked the highways"
        return protest if protest is not None and protest.pattern.event == "PROTEST" else None
    if token.dep_ not in ("xcomp", "advcl") or token.pos_ != "VERB":
        return None
    if not infinitive(token):
        riot = by_trigger.get(token.head.i)
        violent = candidate.pattern.event in ACTING_ON and token.tag_ == "VBG"
        return riot if violent and riot is not None and riot.pattern.mode == "riot" else None
    # the event is the verb, or the noun it takes: "began a [strike] this week to protest against ..."
    for served in (token.head, *(c for c in token.head.children if c.dep_ == "dobj")):
        head = by_trigger.get(served.i)
        if head is not None and head.pattern.event == candidate.pattern.event:
            return head
    return None


def _lend_recipient(giver: Candidate, taker: Candidate, how: str) -> None:
    if giver.recipient and not taker.recipient:
        taker.recipient, taker.recipient_source = (
            giver.recipient,
            f"{how} {giver.pattern.event} ({giver.recipient_source})",
        )


def drop_embedded(candidates: list[Candidate]) -> list[Candidate]:
    """Leave out events embedded in a threat, promise, demand, refusal or accusation (see GOVERNING), noun
    events that an attack or arrest acts upon (see ACTING_ON), what a demand, offer or plan only names or
    what was called off or is only suspected (see CONTENT_NOUNS, ALLEGING), and a clause that is only part
    of another event (see _part_of; its recipient goes to that event). Two verbs of one type joined by "and"
    share a recipient only one names ("restored relations and reopened its embassy in Tripoli")."""
    by_trigger = {c.trigger.i: c for c in candidates}
    kept: list[Candidate] = []
    for candidate in candidates:
        if _acted_upon(candidate, by_trigger):
            continue
        if (part_of := _part_of(candidate, by_trigger)) is not None:
            _lend_recipient(candidate, part_of, "clause")
            continue
        governor = _governor(candidate, by_trigger)
        if governor is None:
            if not _unrealised(candidate.trigger):
                kept.append(candidate)
        elif _frames(governor, candidate):
            _take_over(candidate, governor)  # "are willing [to meet]": the meeting pattern says more
        else:
            _lend_recipient(candidate, governor, "embedded")
    for candidate in kept:
        first = by_trigger.get(candidate.trigger.head.i) if candidate.trigger.dep_ == "conj" else None
        if first is not None and first in kept and first.pattern.event == candidate.pattern.event:
            _lend_recipient(candidate, first, "conjoined")
            _lend_recipient(first, candidate, "conjoined")
    return kept


def match_patterns(doc: Doc, codebook: Codebook) -> list[Candidate]:
    """Every event the codebook finds in the Doc: one per trigger, the most specific pattern winning.

    doc (Doc): a parsed Doc with `doc._.entities` set.
    codebook (Codebook): the patterns.
    RETURNS (list[Candidate]): candidates in text order.
    """
    entities = entity_index(doc)
    best: dict[int, Candidate] = {}
    for token in doc:
        patterns = codebook.by_lemma.get(token.lemma_.lower())
        if not patterns:
            continue
        for pattern in patterns:
            if token.pos_ not in pattern.pos:
                continue
            anchors = _anchors(token, pattern)
            candidate = None if anchors is None else candidate_at(token, pattern, anchors, entities, codebook)
            if candidate is None:
                continue
            current = best.get(token.i)
            rank = (pattern.specificity, pattern.confidence)
            if current is None or rank > (current.pattern.specificity, current.pattern.confidence):
                best[token.i] = candidate
    return [best[i] for i in sorted(best)]


def _unparsed_subject(trigger: Token, entities: dict[int, Entity]) -> tuple[list[Entity], str | None]:
    """When the parser left a sentence's main verb without any subject ("In protest, Ecuador, along with its
    neighbours, recalled ..." parsed with Ecuador under "protest"), the last actor named before the verb in
    the same sentence."""
    if trigger.dep_ != "ROOT" or trigger.pos_ != "VERB":
        return [], None
    if any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for child in trigger.children):
        return [], None
    for i in range(trigger.i - 1, trigger.sent.start - 1, -1):
        entity = entities.get(i)
        if entity is not None and not _a_place(trigger.doc[i], entity):
            return [entity], "the last actor before the verb (no subject in the parse)"
    return [], None


CAUSE_PREPS = frozenset(("in", "during", "by"))


def _named_cause(
    trigger: Token, entities: dict[int, Entity], codebook: Codebook
) -> tuple[list[Entity], str | None]:
    """For an event with no doer in the parse, the doer named on the attack it happened in: "a soldier was
    killed in [Pakistani] shelling", "died in [Russia]'s strike" (the noun is one the codebook codes as an
    assault or coercion)."""
    for prep in (c for c in trigger.children if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPS):
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            kinds = {p.event for p in codebook.by_lemma.get(noun.lemma_.lower(), ()) if "NOUN" in p.pos}
            if kinds & {"ASSAULT", "COERCE"}:
                named = entities_in([c for c in noun.children if c.dep_ in ("poss", "amod", "compound")], entities)
                if named:
                    return named, f"the doer of the {noun.lemma_} it happened in"
    return [], None


def _natural_cause(trigger: Token, causes: frozenset[str]) -> bool:
    """Whether the one doing it is a natural cause, not anyone: "a severe winter [killed] livestock", "rains
    triggered landslides that [killed] 40 people", "[destroyed] by Cyclone Freddy"."""
    for head in (*subject(trigger), *agent(trigger)):
        words = [head, *(c for c in head.children if c.dep_ in ("compound", "amod"))]
        if any(word.lemma_.lower() in causes for word in words):
            return True
    return False


def _own_people(recipient: Entity, actor: Entity) -> bool:
    """Whether a recipient of the actor's own code is other people of its country, not the actor again:
    people named by their sector ("Peruvian extremists")."""
    return recipient.start != actor.start and (
        recipient.source.startswith("sector") or recipient.sector != actor.sector
    )


def candidate_at(trigger: Token, pattern: Pattern, anchors: list[Token], entities: dict[int, Entity],
                 codebook: Codebook) -> Candidate | None:  # fmt: skip
    """The candidate a pattern makes at a trigger, or None when neither role holds a political actor."""
    if _natural_cause(trigger, codebook.natural_causes):
        return None
    actor, actor_source = _fill_role(pattern.actor, trigger, anchors, entities)
    if not actor and "subject" in pattern.actor:
        actor, actor_source = _unparsed_subject(trigger, entities)
    if not actor:
        actor, actor_source = _named_cause(trigger, entities, codebook)
    recipient, recipient_source = _fill_role(pattern.recipient, trigger, anchors, entities)
    # the same party on both sides is one mention read twice, unless it is people of the actor's own country
    # ("Iranian security forces beat protesters": IRN -> IRN; "Kenya's watchdog looked into killings by Kenyan police")
    recipient = [r for r in recipient if all(r.code != a.code or _own_people(r, a) for a in actor)]
    if not actor and not recipient:
        return None  # no political actor: no event
    return Candidate(pattern, trigger, anchors, actor, recipient, _contexts(pattern, anchors, codebook),
                     actor_source, recipient_source)  # fmt: skip
