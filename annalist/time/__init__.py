"""The time stage: each event's own date, from the date expressions of its clause and sentence.

Reads `doc._.events`, the Doc's DATE entities and `doc._.article.published`; sets each event's `date` and its
`historical` flag. Only the expressions found are parsed (never the whole text), relative ones only against
a known publication date, and an event with neither a date in the text nor a publication date stays undated.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annalist.model import Event, EventDate
from annalist.nlp.syntax import token_at
from annalist.time.expressions import HISTORICAL_GAP, resolve_expression

__all__ = ["TimeStage", "resolve_expression"]


def _clause_root(token: Token) -> Token:
    """The verb heading the clause a token is in."""
    while token.dep_ not in ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis") and token.head.i != token.i:
        token = token.head
    return token


def _applicable(ent: Span, trigger: Token) -> tuple[int, int] | None:
    """Rank a date expression for an event: one in the trigger's own clause first, then one in a clause
    that governs it ("In 2010, Correa said he would ..."), nearest first; None for a date that belongs to
    another clause ("hailed ties with Correa, who cut them in 2010")."""
    root = _clause_root(ent.root)
    own = _clause_root(trigger)
    distance = min(abs(token.i - trigger.i) for token in ent)
    if root == own:
        return (0, distance)
    if root.is_ancestor(own):
        return (1, distance)
    return None


class TimeStage:
    """Dates events from the text, falling back to the publication date."""

    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = article.published if article is not None else None
        dates_by_sentence: dict[int, list[Span]] = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                dates_by_sentence.setdefault(doc._.sent_of[ent.start], []).append(ent)
        for event in doc._.events or []:
            trigger = token_at(doc, event.trigger_start, event.trigger_end)
            event.date = self._date(dates_by_sentence.get(event.sentence, []), trigger, published)
            self._flag_historical(event, published)
        return doc

    @staticmethod
    def _date(candidates: list[Span], trigger: Token | None, published: dt.date | None) -> EventDate:
        if trigger is not None:
            ranked = [(rank, ent) for ent in candidates if (rank := _applicable(ent, trigger)) is not None]
            candidates = [ent for _, ent in sorted(ranked, key=lambda pair: pair[0])]
        for ent in candidates:
            resolved = resolve_expression(ent.text, published)
            if resolved is not None:
                return resolved
        if published is not None:
            return EventDate(start=published, end=published, precision="day", source="publication")
        return EventDate()

    @staticmethod
    def _flag_historical(event: Event, published: dt.date | None) -> None:
        if published is not None and event.date.end is not None and event.date.source == "text":
            event.modality.historical = event.date.end < published - HISTORICAL_GAP


@Language.factory("annalist_time_v1", requires=["doc.ents", "doc._.events"], assigns=["doc._.events"])
def make_time_stage(nlp: Language, name: str) -> TimeStage:
    """Factory: the time stage."""
    return TimeStage()
