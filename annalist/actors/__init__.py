"""The actor stage: every political actor mentioned in the article, resolved to codes.

Reads the parse and `doc._.sentences`; sets `doc._.entities`, a list of `Entity` in text order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from annalist.actors.gazetteer import ActorEntry, Gazetteer, load_gazetteer
from annalist.actors.mentions import Mention, NameMatcher, find_mentions
from annalist.model import Entity
from annalist.places.gazetteer import load_places

__all__ = ["ActorEntry", "ActorStage", "Gazetteer", "load_gazetteer"]


class ActorStage:
    """Finds actor mentions with the gazetteer and the parse, and writes them as Entities."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.places = load_places()
        self.matcher = NameMatcher(nlp, gazetteer, self.places)

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(doc, self.matcher, self.gazetteer, self.places)
        doc._.entities = [self._entity(doc, mention) for mention in mentions]
        return doc

    @staticmethod
    def _entity(doc: Doc, mention: Mention) -> Entity:
        span = doc[mention.start : mention.end]
        entry = mention.entry
        period = entry.at(doc._.article.published if doc._.article is not None else None)
        if period is None and entry.kind == "person" and entry.periods:
            period = max(entry.periods, key=lambda p: p.start or dt.date.min)  # a former office holder's last term
        return Entity(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            sentence=doc._.sent_of[mention.start],
            name=entry.name,
            code=entry.code,
            country=period.country if period is not None and period.country else entry.country,
            sector=mention.sector,
            kind=entry.kind,
            source=f"{entry.source}/{mention.form}" if entry.source else mention.form,
            office=mention.office,
            term_start=period.start if period is not None else None,
            term_end=period.end if period is not None else None,
        )


@Language.factory(
    "annalist_actors_v1",
    default_config={"actor_files": []},
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents", "doc._.sentences"],
    assigns=["doc._.entities"],
)
def make_actor_stage(nlp: Language, name: str, actor_files: Sequence[str]) -> ActorStage:
    """Factory: the actor stage with the shipped gazetteer plus user dictionaries (--actors)."""
    return ActorStage(nlp, load_gazetteer([Path(path) for path in actor_files]))
