"""The place stage: where each event happened, resolved offline to a place with coordinates and an honest
precision.

Reads `doc._.events`, `doc._.entities`, the Doc's GPE/LOC/FAC entities and the article's dateline; sets each
event's `location`. The place its own clause names comes first ("training in Israel", "clashes in Kaduna"),
and a region gives way to a town near it in the same clause ("in Kafanchan, in southern Kaduna state"); a
statement is not placed by its object or its content ("accused Moscow of sabotaging lines to Ukraine"). For an
attack, blockade or deployment with no such place, a target that is itself a place ("a campaign against
Gaza", and so the killings of the campaign "in which hundreds were killed"); the dateline only as a fallback,
marked `source="dateline"`. Ambiguous names are resolved with the countries the article mentions (Tripoli,
Lebanon or Libya) and with a possessor ("Sagaing's Kani township" is not the Kani in Japan); groups are not
places ("Hamas sites"). A country-level location carries no coordinates.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from annalist.model import Entity, Location
from annalist.nlp.syntax import clause_chain, entity_index, token_at
from annalist.places.gazetteer import Place, PlaceIndex, great_circle_km, load_places

LOCATIVE_PREPS = frozenset(("in", "at", "near", "inside", "outside", "across", "throughout", "around", "into",
                            "through", "on", "off", "along", "over", "from", "within", "towards", "toward", "to"))  # fmt: skip
# The clause is searched breadth-first from its verb, nearest places first, without entering other clauses.
OTHER_CLAUSES = frozenset(("ccomp", "csubj", "parataxis", "relcl", "conj"))
# A statement's content ("accused Russia of sabotaging rail lines carrying aid to Ukraine") is not where it was
# made; for deeds, a participant's own clause ("protesters trying to cross a bridge in Baghdad") is.
CONTENT_CLAUSES = frozenset(("acl", "pcomp", "xcomp", "advcl"))
STATEMENTS = frozenset(("ACCUSE", "REJECT", "THREATEN", "REQUEST"))
TARGET_PREPS = frozenset(("against", "on", "in", "at", "into"))
PLACE_LABELS = frozenset(("GPE", "LOC", "FAC"))
DIVISIONS = frozenset(("region", "province", "state", "district", "county", "governorate", "prefecture", "oblast",
                       "township", "department", "territory"))  # fmt: skip
# events whose direct object can be the place they happen in ("visited Kyiv", "shelled Kharkiv"); a statement's
# object is the party it is about ("accused Moscow"), not where it was made
OBJECT_PLACE = frozenset(("CONSULT", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "COOPERATE", "CONCEDE",
                          "PROTEST"))  # fmt: skip
NEAR_TOWN_KM = 300.0  # a town this near a region's centre may be in it
TARGETED = frozenset(("ASSAULT", "COERCE", "MOBILIZE", "PROTEST"))  # events whose target can be a place
PRECISION = {"site": "site", "city": "city", "admin1": "admin1", "region": "admin1", "country": "country"}


def to_location(place: Place, text: str, source: str) -> Location:
    """A Location for a resolved place: a country has no point, everything else has its coordinates."""
    point = place.feature != "country"
    return Location(text=text, name=place.name, country=place.country, precision=PRECISION[place.feature],
                    source=source, geonames_id=place.geonames_id, lat=place.lat if point else None,
                    lon=place.lon if point else None, admin1=place.admin1, feature=place.feature)  # fmt: skip


class PlaceStage:
    """Locates events at the place their clause names, a place they target, or the dateline's place."""

    def __init__(self, places: PlaceIndex) -> None:
        self.places = places

    def __call__(self, doc: Doc) -> Doc:
        entities = entity_index(doc)
        # the countries the article names (a capital is left out: "Tripoli" is the name being resolved)
        context = {e.country for e in doc._.entities or [] if e.country and not e.source.endswith("/capital")}
        fallback = self._dateline(doc, context)
        for event in doc._.events or []:
            trigger = token_at(doc, event.trigger_start, event.trigger_end)
            found = None
            if trigger is not None:
                found = self._clause_place(trigger, entities, context, event.event)
            if found is None and event.event in TARGETED:
                found = self._target_place(event.recipient, context)
            if found is None and event.event in TARGETED and trigger is not None:
                found = self._antecedent_target(trigger, entities, context)
            event.location = found or fallback
        return doc

    def resolve(self, text: str, context: set[str], source: str, entity: Entity | None = None) -> Location | None:
        """Resolve a place name; a country actor's name falls back to its country."""
        place = self.places.best(text, context)
        if place is not None:
            return to_location(place, text, source)
        if entity is not None and entity.kind == "state" and entity.country and entity.source.endswith("/name"):
            country = self.places.best(entity.name, context)
            if country is not None:
                return to_location(country, text, source)
        return None

    def _names(self, token: Token, entities: dict[int, Entity]) -> list[tuple[str, Entity | None, bool]]:
        """The names a phrase may give its place by, each with whether it is a possessor: the entity
        recogniser's span ("East Jerusalem"), an actor entity naming a country or capital, the proper-noun
        compound ("Cabo Delgado" of "Cabo Delgado province"), a possessor ("Beirut's southern suburbs"), what "of"
        names ("the port of Kismayo") or an apposition ("the capital Islamabad"). A group or organisation is not
        a place ("Hamas sites")."""
        names: list[tuple[str, Entity | None, bool]] = []
        if _party(token, entities):
            return names
        if token.ent_type_ in PLACE_LABELS:
            ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
            names.append((_strip_the(ent), None, False))
        entity = entities.get(token.i)
        if (
            entity is not None
            and entity.kind == "state"
            and entity.source.rsplit("/", 1)[-1] in ("name", "capital")
        ):
            names.append((entity.text, entity, False))
        division = token.lemma_.lower() in DIVISIONS  # "Cabo Delgado province": the whole name, nested
        compounds = sorted((t for c in token.children if c.dep_ == "compound" and c.i < token.i
                            for t in (c.subtree if division else [c])
                            if t.dep_ == "compound" and not _party(t, entities)
                            and (t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS)), key=lambda t: t.i)  # fmt: skip
        institution = token.ent_type_ == "ORG" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children
        )
        if token.pos_ == "PROPN" and not institution:  # "the University [of Dhaka]" is not a town "University"
            names.append((" ".join(t.text for t in [*compounds, token]), None, False))
        elif compounds:
            words = " ".join(t.text for t in compounds)
            if division:
                names.append((f"{words} {token.text.title()}", None, False))  # "Sagaing Region"
            names.append((words, None, False))
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ == "PROPN":
                names.append((child.text, entities.get(child.i), True))
            if child.dep_ == "prep" and child.lower_ == "of" and (token.pos_ == "NOUN" or institution):
                names += [n for pobj in child.children if pobj.dep_ == "pobj" for n in self._names(pobj, entities)]
            if child.dep_ == "appos" and token.pos_ == "NOUN":  # "the capital Islamabad"
                names += self._names(child, entities)
        return names

    def _at(self, token: Token, entities: dict[int, Entity], context: set[str],
            countries: bool = True) -> Location | None:  # fmt: skip
        """The place a phrase names. A place its possessor qualifies must lie in or near the possessor's country:
        "Sagaing's Kani township" is not the Kani in Japan, so the possessor answers instead ("Jerusalem's Old
        City", a few kilometres off, stands)."""
        if token.ent_type_ in ("DATE", "TIME"):
            return None  # "in March" is a month, not the town in Cambridgeshire
        names = self._names(token, entities)
        owners = [found for text, entity, owner in names if owner
                  if (found := self.resolve(text, context, "clause", entity)) is not None]  # fmt: skip
        where = {owners[0].country} if owners and owners[0].country else context
        for text, entity, _ in names:
            location = self.resolve(text, where, "clause", entity)
            if location is None or not (countries or location.precision != "country"):
                continue
            if owners and location.country != owners[0].country and not _near(location, owners[0], NEAR_TOWN_KM):
                location = owners[0]
            return location
        return None

    def _clause_place(
        self, trigger: Token, entities: dict[int, Entity], context: set[str], kind: str
    ) -> Location | None:
        """The nearest place the clause names; but a region gives way to a town near it in the same clause ("at
        a church in Kafanchan, in southern Kaduna state": Kafanchan)."""
        first = None
        for location, inside in self._clause_places(trigger, entities, context, kind):
            if first is None:
                first = location
                if first.precision != "admin1":
                    return first
            elif not inside and location.precision in ("city", "site") and _near(location, first, NEAR_TOWN_KM):
                return location
        return first

    def _clause_places(
        self, trigger: Token, entities: dict[int, Entity], context: set[str], kind: str
    ) -> Iterator[tuple[Location, bool]]:
        """The places the trigger's clause names, breadth-first from its verb, each with whether it was found
        inside a participant's or purpose clause (CONTENT_CLAUSES, not entered for statements)."""
        objects, content = kind in OBJECT_PLACE, kind not in STATEMENTS
        chain = list(clause_chain(trigger))
        if trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and trigger.head.i != trigger.i:
            chain += list(clause_chain(trigger.head))  # "an al-Shabaab [bomber] struck a camp in Mogadishu"
        queue, seen = [(token, False) for token in chain], {t.i for t in chain}
        while queue:
            token, inside = queue.pop(0)
            for child in token.children:
                if (
                    child.i in seen
                    or child.dep_ in OTHER_CLAUSES
                    or (not content and child.dep_ in CONTENT_CLAUSES)
                ):
                    continue
                seen.add(child.i)
                queue.append((child, inside or child.dep_ in CONTENT_CLAUSES))
                if objects and child.dep_ == "dobj" and (location := self._at(child, entities, context, False)):
                    yield location, inside  # "reopened the Rafah crossing", "visited Kyiv"
                if (
                    child.dep_ not in ("prep", "dative", "advmod") or child.lower_ not in LOCATIVE_PREPS
                ):  # "sent troops to Haiti"
                    continue
                for pobj in _objects(child):
                    if location := self._at(pobj, entities, context):
                        yield location, inside

    def _target_place(self, recipients: list[Entity], context: set[str]) -> Location | None:
        for entity in recipients:
            place = self.places.best(entity.text, context)
            if place is not None and place.feature != "country":
                return to_location(place, entity.text, "clause")
        return None

    def _antecedent_target(
        self, trigger: Token, entities: dict[int, Entity], context: set[str]
    ) -> Location | None:
        """For a relative clause, the place its noun targets: "a campaign against Gaza [in which hundreds were
        killed]" happened in Gaza."""
        if trigger.dep_ != "relcl" or trigger.head.pos_ != "NOUN":
            return None
        for prep in (c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
            for pobj in (grand for grand in prep.children if grand.dep_ == "pobj"):
                if location := self._at(pobj, entities, context, countries=False):
                    return location
        return None

    def _dateline(self, doc: Doc, context: set[str]) -> Location | None:
        article = doc._.article
        if article is None or article.dateline is None or not article.dateline.place:
            return None
        return self.resolve(article.dateline.place, context, "dateline") or Location(
            text=article.dateline.place, source="dateline")  # fmt: skip


def _objects(prep: Token) -> Iterator[Token]:
    """The objects of a preposition, through a second "of" ("outside of Basra", "out of Kabul")."""
    for child in prep.children:
        if child.dep_ == "pobj":
            yield child
        elif child.dep_ == "prep" and child.lower_ == "of":
            yield from (grand for grand in child.children if grand.dep_ == "pobj")


def _near(one: Location, other: Location, km: float) -> bool:
    """Whether two located places are within km of each other (False when either has no point)."""
    if one.lat is None or one.lon is None or other.lat is None or other.lon is None:
        return False
    return great_circle_km((one.lat, one.lon), (other.lat, other.lon)) <= km


def _party(token: Token, entities: dict[int, Entity]) -> bool:
    """Whether the token names an organisation or group ("Hamas"), not a sector placed somewhere ("workers in
    Valparaiso")."""
    entity = entities.get(token.i)
    return (
        entity is not None and entity.kind in ("organisation", "group") and not entity.source.startswith("sector")
    )


def _strip_the(span: Span) -> str:
    words = [t.text for t in span if t.lower_ != "the" or t.i != span.start]
    return " ".join(words)


@Language.factory("annalist_places_v1", requires=["doc.ents", "doc._.events", "doc._.entities"],
                  assigns=["doc._.events"])  # fmt: skip
def make_place_stage(nlp: Language, name: str) -> PlaceStage:
    """Factory: the place stage, resolving names with the offline place gazetteer."""
    return PlaceStage(load_places())
