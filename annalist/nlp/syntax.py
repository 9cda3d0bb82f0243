"""Small helpers over a parsed Doc that several stages share: which entity covers a token, the clause
around a trigger, the token at a character offset."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from annalist.model import Entity

# Deps through which a trigger hangs from the verb whose clause it belongs to: "will begin [training]",
# "put an end to [cooperation]", "decided to [recall]".
CLAUSE_CLIMB = ("xcomp", "dobj", "attr", "conj", "pobj", "prep", "acl", "compound")


def entity_index(doc: Doc) -> dict[int, Entity]:
    """Map each token index covered by an actor entity (`doc._.entities`) to that entity."""
    index: dict[int, Entity] = {}
    for entity in doc._.entities or []:
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                index.setdefault(token.i, entity)
    return index


def clause_chain(trigger: Token, *, limit: int = 5) -> Iterator[Token]:
    """The trigger and the words above it up to the verb of its clause."""
    token = trigger
    yield token
    for _ in range(limit):
        participle = token.dep_ == "advcl" and token.tag_ == "VBG"  # "a bomb exploded in X, [killing] ten"
        if (token.dep_ in CLAUSE_CLIMB or participle) and token.head.i != token.i:
            token = token.head
            yield token
        else:
            return


def infinitive(verb: Token) -> bool:
    """Whether a verb is a to-infinitive ("went on strike [to protest]", "units are [to begin] training")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The first token of the text between two character offsets, or None if they fall outside the Doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
