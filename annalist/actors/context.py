"""The actor-context stage: actor codes that depend on the event's own date and place.

Runs after the time and place stages. A person in the people tables is coded by the office they held on the
event's date (Rafael Correa: ECU GOV for a 2010 event, a former leader, ELI, for a 2019 one); a user
dictionary entry with dates (`from`/`to`, or CAMEO's dated codes) likewise. An actor named only by its sector
("demonstrators", "gunmen") whose country the text does not give takes the country of the place its event's
own clause names, or else, when the other side is a single country's actor, that country (PLOVER codes
domestic actors by country). An event done to unnamed people or things in a place its clause names takes
that place's country as its recipient; an attack with no named doer, an unidentified actor (UNK) of that
place's country; an arrest, protest, concession, threat, charge, demand, rescue or release with no named
target, in a sentence naming one country, that country. Each event gets its own copies of such entities;
`doc._.entities` keeps them as the text gives them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from annalist.actors.coref import SPEECH
from annalist.actors.gazetteer import Gazetteer, load_gazetteer
from annalist.model import Entity, Event


def _event_day(event: Event) -> dt.date | None:
    return event.date.start if event.date.precision == "day" else event.date.end or event.date.start


def at_date(entity: Entity, day: dt.date | None, gazetteer: Gazetteer) -> Entity:
    """The entity as coded on a day: its period then, or for a person past every term, a former leader. An
    organisation's envoy ("U.N. envoy X") stays the organisation's, whatever offices X held."""
    entry = gazetteer.entries.get(entity.code)
    if entry is None or not entry.periods or day is None or entity.source.endswith("/envoy"):
        return entity
    period = entry.at(day)
    if period is not None:
        return dataclasses.replace(entity, country=period.country or entity.country, sector=period.sector or entity.sector,
                                   office=period.office or entity.office, term_start=period.start, term_end=period.end)  # fmt: skip
    last = max(entry.periods, key=lambda p: p.end or dt.date.max)
    if entry.kind == "person" and last.end is not None and day > last.end:
        return dataclasses.replace(entity, country=last.country or entity.country, sector="ELI",
                                   office=f"former {last.office}" if last.office else entity.office,
                                   term_start=last.start, term_end=last.end)  # fmt: skip
    first = min(entry.periods, key=lambda p: p.start or dt.date.min)
    if entry.kind == "person" and first.start is not None and day < first.start:
        return dataclasses.replace(entity, sector=None, office=None, term_start=None, term_end=None)
    return entity


def in_country(entity: Entity, country: str, how: str, gazetteer: Gazetteer) -> Entity:
    """A sector-only actor placed in a country; a person keeps their own name and code."""
    if entity.kind == "person":
        return dataclasses.replace(entity, country=country, source=f"{entity.source}+{how}")
    state = gazetteer.entries.get(country)
    return dataclasses.replace(entity, country=country, code=country, name=state.name if state else country,
                               source=f"{entity.source}+{how}")  # fmt: skip


# Events most often done at home, whose unnamed side shares the named side's country ("police arrested Kenyan
# activists"); not diplomacy ("lawmakers voted to expel Russia's ambassador" are not Russia's).
HOME_AFFAIRS = frozenset(("COERCE", "PROTEST", "CONCEDE", "ASSAULT"))
# ... and people who are a state's own whatever the event: "the government accused Darfur rebels"
HOME_SECTORS = frozenset(("REB", "OPP", "CVL", "LAB", "EDU", "JRN", "JUD", "COP"))


def _placed(entities: list[Entity], event: Event, others: list[Entity], gazetteer: Gazetteer) -> list[Entity]:
    location = event.location
    where = location.country if location is not None and location.source == "clause" else None
    # organisations are no one's country: the UN's "rebels" are not the UN's
    other = {e.country for e in others if e.country and e.country not in NOT_STATES}
    own = {e.country for e in entities if e.country and e.country not in NOT_STATES}
    placed = []
    # a side of a state's own people (rebels, strikers, judges) makes the event a home affair: "rebels in Chad
    # rejected an appeal from [President X]" is Chad's president
    at_home = event.event in HOME_AFFAIRS or any(e.sector in HOME_SECTORS and e.country for e in others)
    for entity in entities:
        home = at_home or entity.sector in HOME_SECTORS
        if entity.country is None and entity.source.startswith("sector"):
            if len(own) == 1:  # "[their] troops", with "their" resolved: the same side's country
                entity = in_country(entity, next(iter(own)), "own side", gazetteer)
            elif where:
                entity = in_country(entity, where, "event place", gazetteer)
            elif len(other) == 1 and home:
                entity = in_country(entity, next(iter(other)), "domestic", gazetteer)
        elif (
            entity.country is None
            and entity.kind == "person"
            and entity.sector
            and home
            and (where or len(other) == 1)
        ):
            # a titled stranger at home: "Judge Ana Ruiz ordered the arrest of a colonel in Cusco"
            entity = in_country(entity, where or next(iter(other)), "home", gazetteer)
        placed.append(entity)
    return placed


TARGETED = frozenset(("ASSAULT", "COERCE", "PROTEST", "AID", "MOBILIZE", "THREATEN", "SANCTION", "ACCUSE",
                      "RETREAT", "CONCEDE"))  # fmt: skip


def place_recipient(event: Event, gazetteer: Gazetteer) -> list[Entity]:
    """The recipient of an event done to unnamed people or things in a named place ("drones struck a power
    plant in Kharkiv", "gunmen abducted pupils in Kaduna state", "opened an inquiry into crimes in Venezuela"),
    or of a visit to a place ("arrived in Beijing"): the place's country, as PLOVER codes the target's country.
    Only for event types with a target, and only from a place of the event's own clause."""
    location = event.location
    visit = event.event == "CONSULT" and event.mode == "visit"  # "arrived in Beijing": China is visited
    if (
        event.recipient
        or not (event.event in TARGETED or visit)
        or location is None
        or location.source != "clause"
    ):
        return []
    if not location.country:
        return []
    state = gazetteer.entries.get(location.country)
    found = event.text.lower().find(location.text.lower())
    start = event.start + found if found >= 0 else event.trigger_start
    end = start + len(location.text) if found >= 0 else event.trigger_end
    text = event.text[found : found + len(location.text)] if found >= 0 else event.trigger
    return [Entity(text=text, start=start, end=end, sentence=event.sentence,
                   name=state.name if state else location.country, code=location.country, country=location.country,
                   kind="state", source="place/event")]  # fmt: skip


def _speaker(doc: Doc, entity: Entity) -> bool:
    """Whether an entity only reports ("..., the military said")."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in SPEECH


def _names_place(entity: Entity, country: str | None) -> bool:
    """Whether an entity only names the event's own country or a town of it ("in western Baghdad", "outside
    the Malian town of Gao"), not people of it ("Malian troops")."""
    form = entity.source.rsplit("/", 1)[-1]
    return entity.country == country and (form == "capital" or (form in ("name", "demonym") and not entity.sector))


def unknown_attacker(event: Event, named: list[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """The actor of an attack the text gives no doer for ("a roadside bomb near Samarra killed a soldier"):
    an unidentified actor (sector UNK) of the country its own clause places it in, as PLOVER codes it. Not when
    the sentence names anyone besides the victims, those who report it and the place: the doer is then more likely named
    but missed by the parse ("an offensive against Gaza that killed ...")."""
    location = event.location
    if event.actor or event.event != "ASSAULT" or location is None or location.source != "clause":
        return []
    victims = {entity.start for entity in event.recipient}
    if any(entity.start not in victims and not _names_place(entity, location.country) for entity in named):
        return []
    if not location.country or getattr(gazetteer.entries.get(location.country), "kind", None) != "state":
        return []
    return [Entity(text=event.trigger, start=event.trigger_start, end=event.trigger_end, sentence=event.sentence,
                   name="unidentified attacker", code="UNK", country=location.country, sector="UNK",
                   kind="group", source="unknown/place")]  # fmt: skip


NOT_STATES = frozenset(("IGO", "NGO", "MNC", "UNO", "EUR", "ISM", "IMG", "UNK"))
DOMESTIC = frozenset(("COERCE", "PROTEST", "CONCEDE", "THREATEN", "ACCUSE", "REQUEST", "AID", "RETREAT"))


def domestic_recipient(event: Event, sentence_countries: set[str], gazetteer: Gazetteer) -> list[Entity]:
    """The recipient of an arrest, protest, concession, threat, charge, demand, rescue or release whose target
    the text leaves unnamed, in a sentence naming a single country ("Iranian security forces detained more than
    200 women", "Guatemala's attorney general filed charges against a publisher"): that country, as such events
    are most often done at home."""
    countries = {e.country for e in event.actor if e.country}
    if event.recipient or event.event not in DOMESTIC or len(countries) != 1 or sentence_countries - countries:
        return []
    country = next(iter(countries))
    state = gazetteer.entries.get(country)
    if state is None or state.kind != "state":
        return []
    return [Entity(text=event.trigger, start=event.trigger_start, end=event.trigger_end, sentence=event.sentence,
                   name=state.name, code=country, country=country, kind="state", source="domestic/event")]  # fmt: skip


class ActorContextStage:
    """Codes each event's actors for the event's own date and place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        countries: dict[int, set[str]] = {}
        named: dict[int, list[Entity]] = {}
        for entity in doc._.entities or []:
            if not _speaker(doc, entity):
                named.setdefault(entity.sentence, []).append(entity)
            if entity.country and entity.country not in NOT_STATES:  # ECOWAS's "IGO" is no second country
                countries.setdefault(entity.sentence, set()).add(entity.country)
        for event in doc._.events or []:
            day = _event_day(event)
            actor = [at_date(entity, day, self.gazetteer) for entity in event.actor]
            recipient = [at_date(entity, day, self.gazetteer) for entity in event.recipient]
            event.actor = _placed(actor, event, recipient, self.gazetteer) or unknown_attacker(
                event, named.get(event.sentence, []), self.gazetteer)  # fmt: skip
            event.recipient = _placed(recipient, event, event.actor, self.gazetteer)
            event.recipient = event.recipient or place_recipient(event, self.gazetteer) or domestic_recipient(
                event, countries.get(event.sentence, set()), self.gazetteer)  # fmt: skip
        return doc


@Language.factory("annalist_actor_context_v1", default_config={"actor_files": []},
                  requires=["doc._.events"], assigns=["doc._.events"])  # fmt: skip
def make_actor_context_stage(nlp: Language, name: str, actor_files: Sequence[str]) -> ActorContextStage:
    """Factory: the actor-context stage, with the same gazetteer as the actor stage."""
    return ActorContextStage(load_gazetteer([Path(path) for path in actor_files]))
