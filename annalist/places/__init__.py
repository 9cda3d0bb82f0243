"""The place stage: where each event happened, from the place its own clause names.

Reads `doc._.events`, `doc._.entities`, the Doc's GPE/LOC/FAC entities and the article's dateline; sets each
event's `location`. A place attached to the event's trigger by a locative preposition ("training in Israel")
comes first; the dateline is only a fallback and says so (`source="dateline"`). A country-level location
carries no coordinates.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from annalist.actors.gazetteer import Gazetteer, load_gazetteer
from annalist.model import Entity, Location
from annalist.nlp.syntax import clause_chain, entity_index, token_at

LOCATIVE_PREPS = frozenset(("in", "at", "near", "inside", "outside", "across", "throughout"))
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))


def location_of_entity(entity: Entity, source: str) -> Location | None:
    """A location for a place-naming actor entity: a capital is a city, a country name a country."""
    form = entity.source.rsplit("/", 1)[-1]
    if entity.kind != "state":
        return None
    if form == "capital":
        return Location(
            text=entity.text, name=entity.text, country=entity.country, precision="city", source=source
        )
    if form == "name":
        return Location(text=entity.text, name=entity.name, country=entity.country, precision="country",
                        source=source)  # fmt: skip
    return None


class PlaceStage:
    """Locates events at the place their clause names, or at the dateline's place."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.places = {
            p.text: gazetteer.entries[p.code] for p in gazetteer.phrases if p.form in ("name", "capital")
        }
        self.forms = {p.text: p.form for p in gazetteer.phrases if p.form in ("name", "capital")}

    def __call__(self, doc: Doc) -> Doc:
        entities = entity_index(doc)
        fallback = self._dateline(doc)
        for event in doc._.events or []:
            trigger = token_at(doc, event.trigger_start, event.trigger_end)
            found = self._clause_place(trigger, entities) if trigger is not None else None
            event.location = found or fallback
        return doc

    def _clause_place(self, trigger: Token, entities: dict[int, Entity]) -> Location | None:
        for token in clause_chain(trigger):
            for child in token.children:
                if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPS:
                    continue
                for place in (grand for grand in child.children if grand.dep_ == "pobj"):
                    if place.i in entities and (location := location_of_entity(entities[place.i], "clause")):
                        return location
                    if place.ent_type_ in PLACE_LABELS:
                        ent = next(e for e in place.doc.ents if e.start <= place.i < e.end)
                        return self._named(ent.text, "clause")
        return None

    def _named(self, text: str, source: str) -> Location:
        entry = self.places.get(text)
        if entry is None:
            return Location(text=text, source=source)
        precision = "city" if self.forms[text] == "capital" else "country"
        name = text if precision == "city" else entry.name
        return Location(text=text, name=name, country=entry.country, precision=precision, source=source)

    def _dateline(self, doc: Doc) -> Location | None:
        article = doc._.article
        if article is None or article.dateline is None or not article.dateline.place:
            return None
        return self._named(article.dateline.place, "dateline")


@Language.factory("annalist_places_v1", requires=["doc.ents", "doc._.events", "doc._.entities"],
                  assigns=["doc._.events"])  # fmt: skip
def make_place_stage(nlp: Language, name: str) -> PlaceStage:
    """Factory: the place stage, resolving names with the shipped gazetteer."""
    return PlaceStage(load_gazetteer())
