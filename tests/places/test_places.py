"""The place gazetteer's team data (validator) and the place stage on real parses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from annalist.actors.gazetteer import read_gazetteer
from annalist.errors import DataError
from annalist.ingest.articles import build_article
from annalist.model import Article, CodedArticle, Event
from annalist.places.gazetteer import TEAM_PLACES, fold, load_places, read_team_places
from annalist.settings import Settings


def test_places_data_is_valid_and_uses_known_countries() -> None:
    places = read_team_places()
    assert len(places) > 400
    countries = set(read_gazetteer().entries)
    unknown = sorted({p.country for p, _ in places} - countries)
    assert not unknown, f"{TEAM_PLACES}: countries not in the actor gazetteer: {unknown}"


def test_places_data_follows_plover_conventions_for_disputed_places() -> None:
    index = load_places()
    for name, country in (("Gaza", "PSE"), ("West Bank", "PSE"), ("Crimea", "UKR"), ("Golan Heights", "SYR"),
                          ("Western Sahara", "MAR"), ("Pristina", "KOS")):  # fmt: skip
        place = index.best(name)
        assert place is not None and place.country == country, (name, place)


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("- {name: Atlantis, country: atl, feature: region, lat: 1, lon: 2}", "'country' must be"),
        ("- {name: Atlantis, country: ATL, feature: city, lat: 1, lon: 2}", "'feature' must be"),
        ("- {name: Atlantis, country: ATL, feature: region, lat: 100, lon: 2}", "'lat' and 'lon'"),
        ("- {name: Atlantis, country: ATL, feature: region, lat: 1, lon: 2, colour: blue}", "unknown key(s) colour"),
        ("- {name: Atlantis, country: ATL, feature: region, lat: 1, lon: 2}\n"
         "- {name: Lemuria, aliases: [Atlantis], country: ATL, feature: region, lat: 1, lon: 2}",
         "'Atlantis' already names 'Atlantis'"),
    ],
)  # fmt: skip
def test_places_malformed_file_names_file_line_and_problem(tmp_path: Path, entry: str, problem: str) -> None:
    path = tmp_path / "places.yaml"
    path.write_text("# places\n" + entry + "\n", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_team_places(path)
    message = str(error.value)
    assert message.startswith(f"{path}: line ") and problem in message


def test_places_accents_and_curly_apostrophes_fold() -> None:
    assert fold("Sāmarrā’") == "Samarra"
    assert load_places().best("Bogotá") == load_places().best("Bogota")


def _one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, [(e.event, e.text) for e in events]
    return found[0]


def test_places_event_at_the_city_its_clause_names(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Police fired tear gas at protesters in Kisumu on Tuesday."), "ASSAULT")
    assert event.location is not None and (event.location.name, event.location.country) == ("Kisumu", "KEN")
    assert event.location.precision == "city" and event.location.source == "clause"
    assert event.location.lat is not None and -1 < event.location.lat < 0


def test_places_ambiguous_name_resolved_by_the_countries_in_the_article(code: Callable[..., list[Event]]) -> None:
    lebanon = _one(code("Lebanon's army arrested ten gunmen in Tripoli on Sunday."), "COERCE")
    libya = _one(code("Libya's army arrested ten gunmen in Tripoli on Sunday."), "COERCE")
    assert lebanon.location is not None and lebanon.location.country == "LBN"
    assert libya.location is not None and libya.location.country == "LBY"


def test_places_a_city_known_by_its_own_name_beats_a_bigger_one_it_once_named() -> None:
    # GeoNames lists "Islamabad" among Chattogram's old names; Chattogram is six times bigger, and still not it
    assert load_places().best("Islamabad").country == "PAK"  # type: ignore[union-attr]
    assert load_places().best("Pekin").name == "Beijing"  # type: ignore[union-attr]  # far bigger: the old name wins


def test_places_a_town_in_the_articles_country_outranks_a_bigger_namesake() -> None:
    assert load_places().best("Tripoli", {"LBN"}).country == "LBN"  # type: ignore[union-attr]
    assert load_places().best("Lagos", {"PRT"}).country == "PRT"  # type: ignore[union-attr]  # the Algarve's


def test_places_the_capital_named_in_apposition(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Farmers marched through the capital Islamabad on Monday."), "PROTEST")
    assert event.location is not None and (event.location.name, event.location.country) == ("Islamabad", "PAK")


def test_places_outside_of_a_town_is_at_that_town(code: Callable[..., list[Event]]) -> None:
    event = _one(code("A mine killed two Chadian soldiers just outside of Kidal in northern Mali."), "ASSAULT")
    assert event.location is not None and (event.location.name, event.location.country) == ("Kidal", "MLI")


def test_places_a_country_location_has_no_point(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Chile sent two hundred soldiers to Haiti on Friday."), "MOBILIZE")
    assert event.location is not None and event.location.country == "HTI"
    assert event.location.precision == "country" and event.location.lat is None and event.location.lon is None


def test_places_dateline_is_only_a_fallback(code_article: Callable[[Article], CodedArticle]) -> None:
    text = ("NAIROBI, June 3 (Wire) - Kenya's foreign minister criticised Uganda on Thursday. "
            "Kenyan police arrested forty protesters in Mombasa on Friday.")  # fmt: skip
    article = build_article({"title": "Kenya", "text": text, "published": "2021-06-04"}, where="t", key=None,
                            settings=Settings(), published=None)  # fmt: skip
    assert isinstance(article, Article)
    events = code_article(article).events
    criticism, arrest = _one(events, "ACCUSE"), _one(events, "COERCE")
    assert criticism.location is not None and criticism.location.source == "dateline"
    assert criticism.location.name == "Nairobi"
    assert arrest.location is not None and (arrest.location.name, arrest.location.source) == ("Mombasa", "clause")


def test_places_unknown_place_leaves_the_event_unlocated(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Kenya's foreign minister criticised Uganda on Thursday.", published=dt.date(2021, 6, 4)),
                 "ACCUSE")  # fmt: skip
    assert event.location is None


def test_places_a_month_is_not_a_place(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Peru recalled its ambassador from Chile in March."), "SANCTION")
    assert event.location is None or event.location.name != "March", event.location


def test_places_a_group_named_on_the_target_is_not_a_town(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Israeli aircraft struck two Hamas weapons sites in Gaza on Sunday."), "ASSAULT")
    assert event.location is not None and event.location.country == "PSE", event.location


def test_places_a_possessor_keeps_the_place_in_its_country(code: Callable[..., list[Event]]) -> None:
    text = "Myanmar's army shelled the village of Ywar Thit in Sagaing's Kani township on Tuesday."
    event = _one(code(text), "ASSAULT")
    assert event.location is not None and event.location.country == "MMR", event.location


def test_places_a_statement_happens_not_where_its_object_or_content_is(code: Callable[..., list[Event]]) -> None:
    text = "Warsaw accused Moscow on Wednesday of sabotaging rail lines that carry aid to Ukraine."
    event = _one(code(text), "ACCUSE")
    assert event.location is None or event.location.country not in ("RUS", "UKR"), event.location


def test_places_sector_placed_in_a_town_still_locates_its_event(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Dock workers in Valparaíso walked off the job on Thursday."), "PROTEST")
    assert event.location is not None and event.location.country == "CHL" and event.location.precision == "city"


def test_places_an_institution_of_a_city_is_in_that_city(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Students at the University of Nairobi staged a sit-in against fee rises."), "PROTEST")
    assert event.location is not None and (event.location.name, event.location.country) == ("Nairobi", "KEN")


def test_places_a_named_region_and_a_town_in_it(code: Callable[..., list[Event]]) -> None:
    region = _one(code("Myanmar's army shelled villages in Magway region on Monday."), "ASSAULT")
    assert region.location is not None and region.location.precision == "admin1"
    assert region.location.country == "MMR"
    town = _one(code("Gunmen opened fire on a bus in Kafanchan, in southern Kaduna state, on Sunday."), "ASSAULT")
    assert town.location is not None and town.location.name == "Kafanchan", town.location


def test_places_participants_own_clause_locates_a_deed(code: Callable[..., list[Event]]) -> None:
    event = _one(code("Riot police fired tear gas at students marching in Santiago."), "ASSAULT")
    assert event.location is not None and event.location.country == "CHL"
