"""Time expressions in a Doc: the DATE entities, bare years the entity recogniser missed ("in 2010", "the 2015
intervention"), and office terms ("during Correa's period in office", "under the previous government of
Rafael Correa"), each as a span with the date range it names."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from annalist.model import Entity, EventDate
from annalist.time.expressions import day_shift, resolve_expression

_YEAR_SHAPE = re.compile(r"^(?:19|20)\d{2}$")
_YEAR = re.compile(r"\b(?:in|since|during|by|until|of|from)\s+((?:19|20)\d{2})\b")
TERM_NOUNS = frozenset(("presidency", "term", "tenure", "rule", "government", "administration", "period",
                        "premiership", "chancellorship", "reign", "mandate", "era", "time", "leadership", "regime"))  # fmt: skip
TERM_PREPS = frozenset(("during", "under", "in", "throughout"))


@dataclass(slots=True)
class Frame:
    """A time expression and the date span it names."""

    span: Span
    date: EventDate


def _with_direction(ent: Span) -> Span:
    """ "the day" followed by "before" or "after": the whole expression (the recogniser stops short)."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in ("before", "after") and ent.text.lower() == "the day":
        return ent.doc[ent.start : ent.end + 1]
    return ent


def _shifted(ent: Span, shift: int, anchor: dt.date | None, published: dt.date | None) -> EventDate | None:
    """A day counted `shift` days from the last day the story named ("a day earlier", "the next day"), else
    from the publication date; source "context" when counted from the story's day."""
    base = anchor or published
    if base is None:
        return None
    day = base + dt.timedelta(days=shift)
    return EventDate(start=day, end=day, precision="day", source="context" if anchor else "text", text=ent.text)


def _date_entities(doc: Doc, published: dt.date | None) -> list[Frame]:
    frames = []
    covered: set[int] = set()
    anchor: dt.date | None = None  # the last day the text named, for "a day earlier"
    for found in doc.ents:
        if found.label_ != "DATE" and not (found.label_ == "TIME" and day_shift(found.text) is not None):
            continue  # a time of day names no date, except "earlier in the day"
        if _a_count(found):
            continue
        ent = _with_direction(found)
        shift = day_shift(ent.text)
        date = (
            resolve_expression(ent.text, published) if shift is None else _shifted(ent, shift, anchor, published)
        )
        if date is not None:
            frames.append(Frame(ent, date))
            covered.update(range(ent.start_char, ent.end_char))
            if date.precision == "day" and date.source in ("text", "context"):
                anchor = date.start
    frames += _years_as_modifiers(doc, published, covered)
    for match in _YEAR.finditer(doc.text):
        start, end = match.span(1)
        if start in covered:
            continue
        span = doc.char_span(start, end)
        if span is not None and (date := resolve_expression(match.group(1), published)) is not None:
            frames.append(Frame(span, date))
    return frames


def _a_count(ent: Span) -> bool:
    """A number the recogniser took for a year: "sent [2000] soldiers" (a round number before a plural; "the
    [2011] protesters" are that year's)."""
    token = ent.root
    return len(ent) == 1 and token.like_num and token.dep_ == "nummod" and token.head.tag_ == "NNS" \
        and not _uneven_year(token.text)  # fmt: skip


def _uneven_year(text: str) -> bool:
    """A year-shaped number no one would count in: "2011", not "2000" or "1950"."""
    return bool(_YEAR_SHAPE.match(text)) and int(text) % 10 != 0


def _a_year(ent: Span, latest: int) -> bool:
    """A year the recogniser took for a number, modifying a singular noun: "whose [2015] intervention", "the
    [2011] uprising"; or a plural where no count is that uneven: "any [2011] protesters" (a count is round:
    "2000 soldiers")."""
    token = ent.root
    year = ent.label_ == "CARDINAL" and len(ent) == 1 and bool(_YEAR_SHAPE.match(token.text))
    return year and 1900 <= int(token.text) <= latest and token.dep_ in ("nummod", "compound") \
        and (token.head.tag_ == "NN" or (token.head.tag_ == "NNS" and _uneven_year(token.text)))  # fmt: skip


def _years_as_modifiers(doc: Doc, published: dt.date | None, covered: set[int]) -> list[Frame]:
    latest = published.year if published is not None else 2100
    found = (ent for ent in doc.ents if ent.start_char not in covered and _a_year(ent, latest))
    return [Frame(ent, date) for ent in found if (date := resolve_expression(ent.text, published)) is not None]


def _term_of(entity: Entity) -> EventDate | None:
    if entity.kind != "person" or entity.term_start is None:
        return None
    end = entity.term_end or dt.date.max
    return EventDate(start=entity.term_start, end=end if entity.term_end else None, precision="range",
                     source="office-term", text=None)  # fmt: skip


def _office_terms(doc: Doc, entities: dict[int, Entity]) -> list[Frame]:
    """ "during Correa's period in office", "under the government of Rafael Correa": the person's term."""
    frames = []
    for prep in doc:
        if prep.dep_ != "prep" or prep.lower_ not in TERM_PREPS:
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in TERM_NOUNS):
            holders = [c for c in noun.children if c.dep_ == "poss"]
            holders += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                        if g.dep_ == "pobj"]  # fmt: skip
            for holder in holders:
                entity = entities.get(holder.i)
                date = _term_of(entity) if entity is not None else None
                if date is not None:
                    span = doc[prep.i : noun.right_edge.i + 1]
                    date.text = span.text
                    frames.append(Frame(span, date))
    return frames


def find_frames(doc: Doc, published: dt.date | None, entities: dict[int, Entity]) -> dict[int, list[Frame]]:
    """Every time expression, by the index of the sentence it is in."""
    by_sentence: dict[int, list[Frame]] = {}
    for frame in _date_entities(doc, published) + _office_terms(doc, entities):
        by_sentence.setdefault(doc._.sent_of[frame.span.start], []).append(frame)
    return by_sentence
