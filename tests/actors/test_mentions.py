"""Actor mentions on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from annalist.model import Article, Entity
from annalist.pipeline import Annalist


def _entities(coder: Annalist, text: str) -> list[Entity]:
    article = Article(id="t", text=text, published=dt.date(2021, 6, 1))
    return coder.code_article(article).entities


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Ecuador's military will train in Spain.", "Ecuador's military", "ECU", "MIL"),
        ("Israeli officials told reporters the talks had failed.", "Israeli officials", "ISR", "GOV"),
        ("Ecuadorean media reported the purchase.", "Ecuadorean media", "ECU", "JRN"),
        ("He was handed over to British authorities in April.", "British authorities", "GBR", "GOV"),
        ("Washington said it would respond.", "Washington", "USA", "GOV"),
        ("The Kremlin denied the report.", "Kremlin", "RUS", "GOV"),
        ("Officials in Quito welcomed the decision.", "Officials in Quito", "ECU", "GOV"),
        ("Police in Kaduna arrested six men.", "Police in Kaduna", "NGA", "COP"),
        ("Ethnic Albanians in southern Serbia marched.", "Albanians", "SRB", "CVL"),
        ("The U.S. and Canada signed the pact.", "U.S.", "USA", None),
        ("Egyptian officers left the talks.", "Egyptian officers", "EGY", "MIL"),
        (
            "Militias in Tripoli clashed again, Lebanese officials said.",
            "Militias in Tripoli",
            "LBN",
            "REB",
        ),
        ("Gunmen stormed a hotel in Tripoli.", "Tripoli", "LBY", "GOV"),
        ("Moscow may expel more American reporters.", "Moscow", "RUS", "GOV"),
        ("The Revolutionary Guards seized a British tanker.", "Revolutionary Guards", "IRN", "MIL"),
        ("Pro-Russian separatists shelled the town.", "separatists", None, "REB"),
        (
            "Fighters loyal to Somalia's ousted defence minister seized the port.",
            "Fighters loyal to Somalia's ousted defence minister",
            "SOM",
            "REB",
        ),  # fmt: skip
        ("Government forces shelled rebel positions.", "Government forces", None, "MIL"),
        ("Rebel troops ambushed an army convoy.", "Rebel troops", None, "REB"),
        ("Lebanese youths threw stones at the patrol.", "Lebanese youths", "LBN", "CVL"),
    ],
)
def test_mentions_country_and_sector(coder: Annalist, text: str, mention: str, country: str,
                                     sector: str | None) -> None:  # fmt: skip
    found = {e.text: e for e in _entities(coder, text)}
    assert mention in found, list(found)
    assert (found[mention].country, found[mention].sector) == (country, sector)


def test_mentions_bare_police_belong_to_the_only_country_the_article_names(coder: Annalist) -> None:
    text = "Thousands marched through Bogota on Thursday. Riot police fired tear gas to clear the square."
    police = next(e for e in _entities(coder, text) if e.text.endswith("police"))
    assert (police.country, police.sector) == ("COL", "COP")
    foreign = "Bogota and Lima traded accusations. Riot police fired tear gas at a march."
    police = next(e for e in _entities(coder, foreign) if e.text.endswith("police"))
    assert police.country is None, "two countries named once each: the police's is unknown"


def test_mentions_latin_american_is_not_american(coder: Annalist) -> None:
    entities = _entities(coder, "Several Latin American governments recalled their envoys, and American "
                                "diplomats followed.")  # fmt: skip
    assert [(e.text, e.country) for e in entities if e.country] == [("American diplomats", "USA")]
    assert [e.text for e in entities if not e.country] == ["governments", "envoys"], "sector alone, no country"


def test_mentions_titled_person_with_country_and_later_surname(coder: Annalist) -> None:
    entities = _entities(coder, "Peru's Foreign Minister Ana Cecilia Gervasi met her counterpart on Monday. "
                                "Gervasi said the talks went well.")  # fmt: skip
    people = [e for e in entities if e.kind == "person"]
    assert [(e.name, e.country, e.sector) for e in people] == [("Ana Cecilia Gervasi", "PER", "GOV")] * 3
    assert people[0].text.startswith("Peru's Foreign Minister")
    assert people[1].text == "her" and people[1].source.endswith("/coref")
    assert people[2].text == "Gervasi" and people[2].sentence == 1


def test_mentions_offsets_point_into_the_text(coder: Annalist) -> None:
    text = "Quito, May 2 (ADW)-- Ecuador and Colombia reopened their border on Monday."
    for entity in _entities(coder, text):
        assert text[entity.start : entity.end] == entity.text


def test_mentions_country_name_the_recogniser_calls_a_person_is_the_country(coder: Annalist) -> None:
    entities = _entities(coder, "A World Bank loan to Malawi pays for fertiliser.")
    assert [(e.text, e.code, e.kind) for e in entities] == [("World Bank", "WB", "organisation"),
                                                           ("Malawi", "MWI", "state")]  # fmt: skip


def test_mentions_a_person_titled_by_an_organisation_speaks_for_it(coder: Annalist) -> None:
    # the tables hold Brahimi as Algeria's foreign minister; as "U.N. envoy" he acts for the U.N.
    text = "U.N. envoy Lakhdar Brahimi met Syrian opposition leaders in Geneva."
    found = {e.text: e for e in _entities(coder, text)}
    envoy = found["U.N. envoy Lakhdar Brahimi"]
    assert (envoy.country, envoy.kind) == ("UNO", "person")
    assert "U.N. envoy" not in found, "the title is part of the person, not a second actor"
    [meeting] = [e for e in coder.code_text(text, published=dt.date(2013, 5, 1)) if e.event == "CONSULT"]
    assert [a.country for a in meeting.actor] == ["UNO"], "not re-coded by his old office on the event's date"


def test_mentions_a_bare_name_where_a_place_stands_is_the_place(coder: Annalist) -> None:
    # Goma is a Congolese city and the surname of a Congo-Brazzaville prime minister in the tables
    found = [
        e
        for e in _entities(coder, "Rebel troops ambushed an army convoy near Goma on Tuesday.")
        if e.kind == "person"
    ]
    assert found == []


def test_mentions_undated_titled_surname_takes_the_country_its_office_holders_share(coder: Annalist) -> None:
    undated = coder.code_article(Article(id="t", text="President Bush met the Kenyan delegation.", published=None))
    bush = next(e for e in undated.entities if e.text == "President Bush")
    assert (bush.country, bush.kind) == ("USA", "person")
    assert next(e for e in _entities(coder, "Opposition parties in Uganda marched in Kampala.")).country == "UGA"


def test_mentions_bare_surname_of_the_one_leader_the_tables_hold(coder: Annalist) -> None:
    found = {e.text: e for e in _entities(coder, "Putin met the Turkish delegation in Sochi.")}
    assert (found["Putin"].country, found["Putin"].kind) == ("RUS", "person")
    # not when the story has already named someone else of that surname
    text = "Hunter Biden met lawyers in Delaware. Biden said he would fight the charges."
    assert all(e.country != "USA" or e.kind != "person" for e in _entities(coder, text))
    undated = coder.code_article(
        Article(id="t", text="The Bush administration met Kenyan envoys.", published=None)
    )
    assert next(e for e in undated.entities if e.text == "Bush").country == "USA", "all the Bushes were American"
    # the European Union under its older name
    assert (
        next(e for e in _entities(coder, "In 1989 the European Community sent food aid to Romania.")).code == "EU"
    )


def test_mentions_ethnic_kin_named_by_an_adjective_are_where_they_live(coder: Annalist) -> None:
    found = {
        e.text: e for e in _entities(coder, "Ethnic Serb fighters in northern Kosovo attacked a police station.")
    }
    assert (found["Serb fighters"].country, found["Serb fighters"].sector) == ("KOS", "REB")
    [attack] = [e for e in coder.code_text("Ethnic Russian separatists shelled Mariupol on Sunday.", published=None)
                if e.event == "ASSAULT"]  # fmt: skip
    assert [a.country for a in attack.actor] == ["UKR"], "not Russia's: kin of Russians, placed by the event"
