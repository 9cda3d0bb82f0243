"""Who did it and to whom: actor and recipient phrases found from the dependency parse.

Every function takes the trigger token and returns the tokens that head the phrase in that role; the
matcher then collects the actor entities inside those phrases.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from annalist.events.codebook import Step, parse_path
from annalist.nlp.syntax import infinitive

SUBJECT_DEPS = ("nsubj",)
OBJECT_DEPS = ("dobj", "dative", "iobj", "attr")
CLAUSAL_DEPS = frozenset(("relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis", "mark", "prep_clause"))
RELATIVE_PRONOUNS = frozenset(("who", "which", "that", "whom"))
LIGHT_CLIMB = ("xcomp", "conj")  # a subject is shared with the verb these hang from
# Inside a role phrase, follow these to reach the actor names it holds: "units of [Ecuador's military]",
# "[the U.S.] and [Israel]", "[Julian Assange], the founder".
PHRASE_DEPS = frozenset(("poss", "compound", "amod", "nmod", "det", "conj", "cc", "appos", "prep", "pobj",
                         "npadvmod", "nummod", "quantmod", "case", "punct", "flat"))  # fmt: skip
PHRASE_PREPS = frozenset(("of", "from", "along", "including", "like"))
LEAVING = frozenset(("withdrawal", "pullout", "pull-out", "departure", "exit", "retreat", "evacuation", "expulsion",
                     "removal", "ouster", "eviction"))  # fmt: skip
# A statement or document the subject issued: a clause hanging from it is the subject's ("issued a statement
# applauding Ghana"); not so for people ("arrested a man carrying weapons").
DOCUMENTS = frozenset(("statement", "report", "letter", "communique", "communiqué", "decree", "order", "resolution",
                       "declaration", "note", "message", "post", "tweet", "video", "petition", "motion", "bill"))  # fmt: skip
# Occasions the subject takes part in itself: "X praised Y during a [visit] to Z", "X said on a [trip] to Z".
OWN_OCCASIONS = frozenset(("visit", "trip", "tour", "stopover", "talks", "meeting", "summit", "call", "stay"))
OCCASION_PREPS = frozenset(("during", "on", "at"))
TAKING_PART = frozenset(("join", "participate", "engage", "take", "lead"))  # "joined in", "took part in"
BUSY_WITH = frozenset(("engage", "involve", "embroil", "implicate"))  # passive in form: "[X] were engaged in"


def follow(token: Token, path: tuple[Step, ...]) -> Iterator[Token]:
    """Tokens reached from `token` along a dependency path."""
    frontier = [token]
    for step in path:
        frontier = [
            child
            for node in frontier
            for child in node.children
            if child.dep_ in step.deps and (not step.words or child.lemma_.lower() in step.words)
        ]
    yield from frontier


def _verb_subject(verb: Token, seen: int = 0) -> Iterator[Token]:
    if verb.lemma_.lower() in BUSY_WITH and any(c.dep_ == "prep" and c.lower_ == "in" for c in verb.children):
        yield from (child for child in verb.children if child.dep_ == "nsubjpass")  # "[forces] were engaged in"
        return
    if verb.dep_ != "relcl" and any(child.dep_ == "auxpass" for child in verb.children):
        return  # "Assange is in prison and could be extradited": the subject a passive shares is its patient
    found = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    for subject in found:
        inner = [c for c in subject.children if c.dep_ == "nsubj"] if subject.pos_ == "VERB" else []
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            yield verb.head  # "Correa, who cut ties": the one the clause is about
        elif inner:
            yield from inner  # "The Red Cross [operating] in Iraq said": the parser's subject is the participle
        else:
            yield subject
    if not found and seen < 4:
        controller = (
            [c for c in verb.head.children if c.dep_ in ("dobj", "dative")] if verb.dep_ == "xcomp" else []
        )
        if controller and verb.head.pos_ == "VERB":
            yield controller[0]  # object control: "urged Russians to protest" -> the Russians protest
        elif verb.dep_ in LIGHT_CLIMB or (verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN")):
            if verb.dep_ == "relcl":
                yield verb.head
            else:
                yield from _verb_subject(verb.head, seen + 1)
        elif verb.dep_ in ("acl", "advcl") and verb.head.pos_ == "NOUN":
            owner = list(possessor(verb.head))  # "Moreno's decision to hand X over"
            yield from owner
            if not owner and verb.head.lemma_.lower() in DOCUMENTS and verb.head.dep_ == "dobj":
                yield from _verb_subject(verb.head.head, seen + 1)  # "issued a statement [applauding] Ghana"
        elif verb.dep_ == "advcl":
            yield from _verb_subject(verb.head, seen + 1)
        elif verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ not in ("without", "instead") \
                and verb.head.head.pos_ in ("VERB", "AUX"):  # fmt: skip
            yield from _verb_subject(verb.head.head, seen + 1)  # "established ties after [breaking] off ..."


def subject(trigger: Token) -> Iterator[Token]:
    """The doer: a verb's subject (through relative clauses, xcomp and shared conjuncts), or for a noun
    trigger the subject of the verb it is the object of ("[Israel] began training")."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "compound":
        trigger = trigger.head  # "a [training] programme": the programme's role is the training's
    while trigger.pos_ == "NOUN" and trigger.dep_ == "conj" and trigger.head.pos_ == "NOUN":
        trigger = trigger.head  # "launched artillery, mortar and rocket [fire]": the first conjunct's role
    if trigger.pos_ in ("VERB", "AUX"):
        yield from _verb_subject(trigger)
    elif trigger.dep_ in ("dobj", "attr", "nsubj") and trigger.head.pos_ in ("VERB", "AUX"):
        yield from _verb_subject(trigger.head)
    elif trigger.lemma_.lower() in OWN_OCCASIONS and trigger.dep_ == "pobj" and trigger.head.lower_ in OCCASION_PREPS \
            and trigger.head.head.pos_ in ("VERB", "AUX"):  # fmt: skip
        yield from _verb_subject(trigger.head.head)  # "praised Moldova's reforms during a [visit] to Chisinau"
    elif (
        trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and trigger.head.head.lemma_.lower() in TAKING_PART
    ):
        yield from _verb_subject(trigger.head.head)  # "Jordan joined in air [strikes] on ..."


def possessor(trigger: Token) -> Iterator[Token]:
    """The possessor of a noun trigger: "[Israel]'s military campaign"."""
    yield from (child for child in trigger.children if child.dep_ == "poss")


def modifier(trigger: Token) -> Iterator[Token]:
    """A name compounded with a noun trigger: "an [IMF] loan", "[Russian] air strikes"."""
    yield from (child for child in trigger.children if child.dep_ in ("compound", "amod", "nmod"))


def objects(trigger: Token) -> Iterator[Token]:
    """The direct or indirect object of a verb trigger."""
    yield from (child for child in trigger.children if child.dep_ in OBJECT_DEPS)


RECIPIENT_PREPS = frozenset(("with", "against", "to", "toward", "towards", "on", "from", "over", "into", "in"))


# Verbs whose subject does what their object names, so a preposition the parser hangs on the verb belongs to
# the object: "opened [investigations] against X", "imposed [sanctions] on X" (not "drew a rebuke from X").
DOING_VERBS = frozenset(("open", "launch", "start", "begin", "conduct", "carry", "stage", "mount", "impose",
                         "issue", "make", "hold", "announce", "order", "file", "lodge", "level", "bring",
                         "step", "intensify", "escalate", "resume", "continue", "extend", "lift", "ease",
                         "tighten"))  # fmt: skip
PERMITTING = frozenset(("allow", "let", "permit"))  # "refused to allow [inspectors] to visit": the one let
CONDITIONS = frozenset(("if", "unless"))  # "threatened to strike unless [Israel] withdrew": the one it is put to


def clause_subject(trigger: Token) -> Iterator[Token]:
    """The named subject of a clause the trigger governs: "demanded that [the DPRK] forsake ..."."""
    for clause in (c for c in trigger.children if c.dep_ == "ccomp"):
        yield from (c for c in clause.children if c.dep_ == "nsubj" and c.pos_ != "PRON")


def complement(trigger: Token) -> Iterator[Token]:
    """The one acted on inside a clause the trigger governs: "threatened to break relations with [Russia]",
    "offered to cut off electricity to [Nakhichevan]", "demanded that [the hostages] be freed", "demanded
    that [they] leave", "threatened a strike unless [Israel] withdrew" (a clause's named subject is
    `clause_subject`), "refused to allow [inspectors] to visit"."""
    clauses = [c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")]
    for clause in clauses:
        pronoun = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "PRON" and clause.dep_ == "ccomp"]
        yield from (c for c in clause.children if c.dep_ in ("nsubjpass", "dobj", "dative") or c in pronoun)
        if clause.lemma_.lower() in PERMITTING:
            yield from (
                c for sub in clause.children if sub.dep_ == "ccomp" for c in sub.children if c.dep_ == "nsubj"
            )
        holders = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
        yield from prepositional(holders, RECIPIENT_PREPS)
    for condition in (c for verb in (trigger, *clauses) for c in verb.children if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in condition.children):
            yield from (c for c in condition.children if c.dep_ == "nsubj" and c.pos_ != "PRON")


STANCE_VERBS = frozenset(("show", "express", "voice", "vent", "register", "signal", "demonstrate"))
STANCE_PREPS = frozenset(("at", "over", "for", "against", "with", "to", "toward", "towards", "about"))


def stated_target(trigger: Token) -> Iterator[Token]:
    """The one a protest says it is aimed at: "marched to voice their fury over [Uganda's] ban"."""
    for clause in trigger.children:
        if clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in STANCE_VERBS and infinitive(clause):
            stances = [clause, *(c for c in clause.children if c.dep_ == "dobj")]
            yield from prepositional(stances, STANCE_PREPS)


def agent(trigger: Token) -> Iterator[Token]:
    """The doer of a passive: "attacked [by rebels]"."""
    for child in trigger.children:
        if child.dep_ == "agent":
            yield from (grand for grand in child.children if grand.dep_ == "pobj")


def passive_subject(trigger: Token) -> Iterator[Token]:
    """The one done to in a passive: "[Palestinians] were killed"."""
    yield from (child for child in trigger.children if child.dep_ in ("nsubjpass", "auxpass_subject"))


def prepositional(anchors: Iterable[Token], preps: frozenset[str]) -> Iterator[Token]:
    """Objects of the given prepositions attached to any of the anchor tokens ("cooperation [with] Israel")."""
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in preps or child.dep_ == "dative" and child.lower_ in preps:
                yield from (grand for grand in child.children if grand.dep_ == "pobj")


NAMED_SOURCES = {
    "subject": subject,
    "object": objects,
    "agent": agent,
    "passive_subject": passive_subject,
    "possessor": possessor,
    "modifier": modifier,
    "complement": complement,
    "clause_subject": clause_subject,
    "stated_target": stated_target,
}


def role_heads(source: str, trigger: Token, anchors: list[Token]) -> list[Token]:
    """The tokens heading the phrase a role source names, for one trigger.

    source (str): a named source, `prep:with|against`, or a dependency path from the trigger.
    trigger (Token): the event's trigger.
    anchors (list[Token]): the trigger and the words the pattern matched around it.
    RETURNS (list[Token]): the phrase heads, in text order.
    """
    if source in NAMED_SOURCES:
        return list(NAMED_SOURCES[source](trigger))
    if source.startswith("prep:") and ">" not in source:
        preps = frozenset(source[5:].split("|"))
        heads = list(prepositional(anchors, preps))
        if not heads and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in DOING_VERBS:
            heads = list(prepositional([trigger.head], preps))  # "opened [investigations] against X"
        return heads
    return list(follow(trigger, parse_path(source)))


def phrase_tokens(head: Token, top: bool = True) -> Iterator[Token]:
    """The tokens of the noun phrase headed by `head`, without clauses or other prepositions inside it, and
    without the other parties a description names: "Pakistan, a key [U.S.] ally", "villagers of the
    [Israeli]-occupied Golan", "the Turkish side of [Cyprus]"."""
    yield head
    if head.lemma_.lower() in RELATION_NOUNS:
        named = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        if not top or named:  # "Syria's neighbour [Turkey]" is Turkey
            for child in named:
                yield from phrase_tokens(child, top=False)
            return
    for child in head.children:
        if _inside(head, child):
            yield from phrase_tokens(child, top=False)


# "a shelter for [Eritrean migrants]" is theirs
SHELTERS = frozenset(("camp", "shelter", "school", "hospital", "clinic", "home", "centre", "center", "settlement",
                      "orphanage", "housing", "hostel"))  # fmt: skip
BENEFITS = frozenset(("assistance", "aid", "support", "help", "backing", "contribution"))  # "support [for X]"
REPORTING = frozenset(("report", "say", "tell", "write", "quote"))  # ", an Iranian-owned channel [reports]"


def _inside(head: Token, child: Token) -> bool:
    """Whether a child of a phrase's head belongs to the phrase (see phrase_tokens). An apposition that is
    really the reporting verb the parser missed does not."""
    if child.dep_ not in PHRASE_DEPS or (child.dep_ == "appos" and child.lemma_.lower() in REPORTING):
        return False
    if child.dep_ in ("amod", "compound"):
        return child.lemma_.lower() not in OTHER_PARTY_PARTICIPLES
    if child.dep_ != "prep":
        return True
    prep, noun = child.lower_, head.lemma_.lower()
    if prep == "for" and noun in SHELTERS:
        return True
    if prep in ("to", "for") and noun in BENEFITS:  # not someone's own: "over [its] backing for the rebels"
        return not any(c.dep_ == "poss" for c in head.children)
    if prep not in PHRASE_PREPS:
        return _border_with(head, child)
    if prep == "of":
        return not _nationality(head)
    # "the pullout of Ugandan soldiers [from Somalia]": the place left is not a party
    return prep != "from" or noun not in LEAVING


# A description by relation names another party: "Pakistan, a key U.S. [ally]", "Syria's [neighbour] Turkey".
RELATION_NOUNS = frozenset(("ally", "neighbour", "neighbor", "partner", "rival", "foe", "enemy", "adversary",
                            "friend", "backer", "patron", "client", "proxy", "nemesis", "arch-rival",
                            "archrival"))  # fmt: skip
# "the Israeli-[occupied] Golan", "Serb-[held] towns", "Iranian-[backed] militias": another party's hold
OTHER_PARTY_PARTICIPLES = frozenset(("occupy", "occupied", "hold", "held", "control", "controlled", "annex",
                                     "annexed", "besiege", "besieged", "back", "backed", "fund", "funded", "sponsor",
                                     "sponsored", "administer", "administered"))  # fmt: skip


def _nationality(head: Token) -> bool:
    """Whether a noun already says whose it is ("the [Turkish] side"), so an "of" after it only places it."""
    return any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in head.children)


BORDER_NOUNS = frozenset(("border", "boundary", "frontier"))


def _border_with(head: Token, prep: Token) -> bool:
    """ "the border [with Belarus]": a border is the neighbour's as much as one's own."""
    return prep.lower_ == "with" and head.lemma_.lower() in BORDER_NOUNS
