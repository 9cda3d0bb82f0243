"""In-document references, resolved conservatively: a pronoun or "the minister" takes the code of the one
actor it can mean, and is left alone when there are two.

- "X said it had ...": "it" is X (the subject of the speech verb above it), else the single state or
  organisation that was a subject in this or the previous sentence. "they", "their" and "we" only so ("rebel
  leaders said they would ...").
- "he", "she", "his", "her": the single person mentioned earlier in this or the previous sentence.
- "the minister", "the president", ...: the latest person whose office has that word (three sentences back).
- "the country": the article's dominant country.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from annalist.actors.gazetteer import Gazetteer
from annalist.actors.mentions import Mention

SPEECH = frozenset(("say", "tell", "announce", "confirm", "state", "add", "report", "claim", "insist", "warn"))
PERSON_PRONOUNS = frozenset(("he", "she", "him", "his", "her"))
THING_PRONOUNS = frozenset(("it", "its"))
GROUP_PRONOUNS = frozenset(("they", "their", "them", "we", "our", "us"))
PLURAL_TAGS = frozenset(("NNS", "NNPS"))
OFFICE_NOUNS = frozenset(("minister", "president", "premier", "chancellor", "king", "queen", "emir", "leader",
                          "secretary", "ambassador", "envoy", "governor", "mayor", "prime"))  # fmt: skip
SENTENCES_BACK = 3


def _copy(mention: Mention, token: Token, form: str) -> Mention:
    return Mention(start=token.i, end=token.i + 1, entry=mention.entry, form=form, sector=mention.sector,
                   office=mention.office, former=mention.former)  # fmt: skip


def _speech_subject(token: Token, by_token: dict[int, Mention], plural: bool = False) -> Mention | None:
    """ "Switzerland said it had expelled ...": the subject of the speech verb governing the pronoun's clause;
    for "they" and "their", a plural one ("rebel leaders said they would meet", "said their forces had ...")."""
    verb = token.head
    for _ in range(3):  # "their [forces] had completed": from a possessor up to its clause's verb
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    while verb.dep_ in ("ccomp", "xcomp", "conj", "aux") and verb.head.i != verb.i:
        verb = verb.head
        if verb.lemma_ in SPEECH:
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and (not plural or c.tag_ in PLURAL_TAGS)]
            found = {by_token[t.i].start: by_token[t.i] for s in subjects for t in s.subtree if t.i in by_token}
            return next(iter(found.values())) if len(found) == 1 else None
    return None


def _single(candidates: list[Mention]) -> Mention | None:
    codes = {m.entry.code for m in candidates}
    return candidates[-1] if len(codes) == 1 else None


def find_references(doc: Doc, mentions: list[Mention], taken: set[int], dominant: str | None,
                    gazetteer: Gazetteer) -> Iterator[Mention]:  # fmt: skip
    """Mentions for pronouns and definite descriptions that refer to exactly one earlier actor."""
    sent_of = doc._.sent_of
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    ordered = sorted(mentions, key=lambda m: m.start)
    for token in doc:
        if token.i in taken:
            continue
        word = token.lower_
        before = [m for m in ordered if m.end <= token.i and sent_of[token.i] - sent_of[m.start] <= 1]
        same = [m for m in before if sent_of[m.start] == sent_of[token.i]]
        window = same if any(m.entry.kind == "person" for m in same) else before
        if word in PERSON_PRONOUNS and token.pos_ == "PRON":
            person = _single([m for m in window if m.entry.kind == "person"])
            if person is not None:
                yield _copy(person, token, "coref")
        elif word in THING_PRONOUNS and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            actor = _speech_subject(token, by_token) or _single(
                [m for m in window if m.entry.kind in ("state", "organisation", "group")
                 and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")])  # fmt: skip
            if actor is not None:
                yield _copy(actor, token, "coref")
        elif word in GROUP_PRONOUNS and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            actor = _speech_subject(token, by_token, plural=word in ("they", "their", "them"))
            if actor is not None:
                yield _copy(actor, token, "coref")
        elif word in OFFICE_NOUNS and token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
            if any(c.dep_ == "prep" for c in token.children):
                continue  # "the minister of finance": a description, not a reference
            recent = [m for m in ordered if m.end <= token.i and m.entry.kind == "person" and m.office
                      and word in m.office.lower() and sent_of[token.i] - sent_of[m.start] <= SENTENCES_BACK]  # fmt: skip
            if recent and len({m.entry.code for m in recent}) == 1:
                yield _copy(recent[-1], token, "coref")
        elif word == "country" and dominant and any(c.lower_ == "the" for c in token.children) \
                and not any(c.dep_ == "prep" for c in token.children):  # fmt: skip
            state = gazetteer.entries.get(dominant)
            if state is not None:
                yield Mention(start=token.i, end=token.i + 1, entry=state, form="coref", sector=None)
