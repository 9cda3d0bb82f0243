"""Who did it and to whom, on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from annalist.pipeline import Annalist


def _roles(coder: Annalist, text: str, event: str) -> tuple[list[str], list[str]]:
    found = [e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == event]
    assert found, text
    return [a.code for a in found[0].actor], [r.code for r in found[0].recipient]


def test_roles_a_passive_verb_does_not_borrow_its_patient_as_actor(coder: Annalist) -> None:
    assert _roles(coder, "Kenya hosted the talks and was praised by Uganda for its mediation.", "SUPPORT") == (
        ["UGA"], ["KEN"])  # fmt: skip


def test_roles_verb_the_parser_left_without_subject_takes_the_actor_before_it(coder: Annalist) -> None:
    actor, recipient = _roles(coder, "In protest, Peru, along with a number of Andean countries, recalled their "
                                     "ambassador in Chile.", "SANCTION")  # fmt: skip
    assert actor == ["PER"] and recipient == ["CHL"]


def test_roles_unnamed_target_in_a_place_is_that_places_country(coder: Annalist) -> None:
    actor, recipient = _roles(coder, "Russian drones struck a power station in Kharkiv on Sunday.", "ASSAULT")
    assert (actor, recipient) == (["RUS"], ["UKR"])
    event = next(e for e in coder.code_text("Russian drones struck a power station in Kharkiv on Sunday.",
                                            published=dt.date(2021, 6, 1)) if e.event == "ASSAULT")  # fmt: skip
    assert event.recipient[0].source == "place/event" and event.recipient[0].text == "Kharkiv"


def test_roles_unnamed_target_at_home_is_the_actors_country(coder: Annalist) -> None:
    assert _roles(coder, "Iranian security forces detained more than 200 women.", "COERCE") == (["IRN"], ["IRN"])
    # another country in the sentence: the target could be either's, so none is guessed
    actor, recipient = _roles(coder, "Iranian security forces detained more than 200 women near the Iraqi "
                                     "border.", "COERCE")  # fmt: skip
    assert actor == ["IRN"] and recipient == []


def test_roles_coordinated_demonyms_are_two_actors_with_the_nouns_sector(coder: Annalist) -> None:
    found = [e for e in coder.code_text("Congolese and Rwandan foreign ministers met in Luanda on Tuesday.",
                                        published=dt.date(2021, 6, 1)) if e.event == "CONSULT"]  # fmt: skip
    assert [(a.code, a.sector) for a in found[0].actor] == [("COD", "GOV"), ("RWA", "GOV")]


def test_roles_a_capital_aimed_at_is_the_target_not_the_place(coder: Annalist) -> None:
    assert _roles(coder, "Canberra hit back at Beijing over the oat duties on Wednesday.", "ACCUSE") == (
        ["AUS"], ["CHN"])  # fmt: skip
    # "at" a capital without aiming is still where it happened
    actor, recipient = _roles(coder, "Australia's envoy met Chinese officials at Beijing on Wednesday.", "CONSULT")
    assert actor == ["AUS"] and "CHN" in recipient


def test_roles_a_protest_camp_stormed_is_not_a_protest_by_the_stormers(coder: Annalist) -> None:
    events = coder.code_text("Sudanese security forces stormed the protest camp outside army headquarters in "
                             "Khartoum on Monday.", published=dt.date(2021, 6, 1))  # fmt: skip
    assert [e.event for e in events] == ["ASSAULT"], [(e.event, e.trigger) for e in events]
    # a protest naming its own doers stays, beside its dispersal
    events = coder.code_text("Police dispersed a protest by Malian students against the junta.",
                             published=dt.date(2021, 6, 1))  # fmt: skip
    assert {e.event for e in events} == {"COERCE", "PROTEST"}


def test_roles_a_headline_verb_tagged_as_a_noun_is_still_a_verb(coder: Annalist) -> None:
    for headline in ("Security forces storm Khartoum protest camp", "Junta bombs Myanmar village"):
        events = coder.code_text(headline, published=dt.date(2021, 6, 1))
        assert "ASSAULT" in [e.event for e in events], headline


def test_roles_signing_up_to_a_joint_project_is_an_agreement_not_an_arms_build_up(coder: Annalist) -> None:
    events = coder.code_text("Germany and France have formally signed up to build a shared battle tank, the two "
                             "defence ministers said.", published=dt.date(2021, 6, 1))  # fmt: skip
    assert [(e.event, sorted(a.code for a in e.actor)) for e in events] == [("SUPPORT", ["DEU", "FRA"])]


def test_roles_a_border_is_the_neighbours_too(coder: Annalist) -> None:
    assert _roles(coder, "Lithuania moved hundreds of extra troops to its border with Belarus on Friday.", "MOBILIZE") == (
        ["LTU"], ["BLR"])  # fmt: skip


def test_roles_an_unnamed_target_of_a_charge_or_demand_at_home_is_the_actors_country(coder: Annalist) -> None:
    assert _roles(coder, "Peru's attorney general filed bribery charges against a former mining executive.",
                  "ACCUSE") == (["PER"], ["PER"])  # fmt: skip
    assert _roles(coder, "Senegal's opposition leader demanded the resignation of the electoral commission chief.",
                  "REQUEST") == (["SEN"], ["SEN"])  # fmt: skip


def test_roles_the_main_verbs_subject_does_what_its_gerund_visit_or_statement_says(coder: Annalist) -> None:
    assert _roles(coder, "Nicaragua restored diplomatic relations with China on Friday after breaking off ties "
                         "with Taiwan.", "SANCTION") == (["NIC"], ["TWN"])  # fmt: skip
    assert _roles(coder, "France's defence minister praised Estonia's army during a visit to Tallinn.",
                  "CONSULT")[0] == ["FRA"]  # fmt: skip
    assert _roles(coder, "Kenya's foreign ministry issued a statement applauding Zambia for its peaceful "
                         "election.", "SUPPORT") == (["KEN"], ["ZMB"])  # fmt: skip
    # a person's clause is the person's own: the police did not carry the weapons
    events = coder.code_text("Police arrested a man carrying weapons near the parliament in Nairobi.",
                             published=dt.date(2021, 6, 1))  # fmt: skip
    assert [e.event for e in events] == ["COERCE"]


def test_roles_a_visited_or_investigated_place_is_the_recipient(coder: Annalist) -> None:
    assert _roles(coder, "Brazil's president arrived in Nairobi on Monday.", "CONSULT") == (["BRA"], ["KEN"])
    actor, recipient = _roles(coder, "The African Commission opened an inquiry into killings of protesters in "
                                     "Eswatini.", "ACCUSE")  # fmt: skip
    assert recipient == ["SWZ"]


def test_roles_people_of_a_one_country_story_are_that_countrys(coder: Annalist) -> None:
    text = "Ugandan police beat detained students in Kampala. Protesters burned tyres outside the court."
    events = coder.code_text(text, published=dt.date(2021, 6, 1))
    beating = next(e for e in events if e.event == "ASSAULT")
    assert [r.country for r in beating.recipient] == ["UGA"], "the actor's own people stay the recipient"
    protest = next(e for e in events if e.event == "PROTEST")
    assert [a.country for a in protest.actor] == ["UGA"]


def test_roles_a_description_does_not_add_the_other_parties_it_names(coder: Annalist) -> None:
    assert _roles(coder, "Jordan, a close U.S. ally, refused to send troops to Yemen.", "REJECT")[0] == ["JOR"]
    assert _roles(coder, "Syria's neighbour Turkey shelled Kurdish positions.", "ASSAULT")[0] == ["TUR"]
    assert _roles(coder, "The Armenian community of Georgia agreed to join the talks.", "AGREE")[0] == ["ARM"]
    assert _roles(coder, "Houthi fighters fired missiles at a British-owned tanker.", "ASSAULT")[1] == ["GBR"]


def test_roles_a_demand_is_made_of_the_subject_of_what_is_demanded(coder: Annalist) -> None:
    assert _roles(coder, "Egypt demanded that Hamas end its rocket fire on Israel.", "REQUEST")[1] == ["HAMAS"]
    # a pronoun subject that is the speaker itself leaves the one threatened
    assert _roles(coder, "Iran warned it would respond with force to any attack from Israel.", "THREATEN")[1] == [
        "ISR"]  # fmt: skip


def test_roles_a_threat_is_put_to_the_one_its_condition_names(coder: Annalist) -> None:
    assert _roles(coder, "Ethiopia threatened to resume its offensive unless Khartoum withdrew its troops.",
                  "THREATEN") == (["ETH"], ["SDN"])  # fmt: skip
    assert _roles(coder, "China threatened to suspend trade talks if Australia backs the inquiry.",
                  "THREATEN")[1] == ["AUS"]  # fmt: skip


def test_roles_a_preposition_on_the_verb_of_a_noun_event_belongs_to_the_event(coder: Annalist) -> None:
    assert _roles(coder, "A Peruvian prosecutor opened bribery investigations against nine Brazilian executives.",
                  "ACCUSE")[1] == ["BRA"]  # fmt: skip
    assert _roles(coder, "Armenia demanded an admission by Ankara that the killings were genocide.",
                  "REQUEST")[1] == ["TUR"]  # fmt: skip


def test_roles_an_attack_with_no_named_doer_is_by_an_unidentified_actor_of_its_place(coder: Annalist) -> None:
    event = next(e for e in coder.code_text("A roadside bomb near Kandahar killed four soldiers on Sunday, the "
                                            "Afghan army said.",
                                            published=dt.date(2021, 6, 1)) if e.event == "ASSAULT")  # fmt: skip
    assert [(a.country, a.sector, a.source) for a in event.actor] == [("AFG", "UNK", "unknown/place")]
    # nor when the sentence names someone besides the victims, whom the parse missed as the doer
    text = (
        "After Israel launched an offensive against Gaza that killed 2,000 Palestinians, Peru recalled its envoy."
    )
    killed = next(e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.trigger == "killed")
    assert [a.source for a in killed.actor] != ["unknown/place"]
    named = next(e for e in coder.code_text("Taliban fighters killed four soldiers near Kandahar on Sunday.",
                                            published=dt.date(2021, 6, 1)) if e.event == "ASSAULT")  # fmt: skip
    assert [a.source for a in named.actor] != ["unknown/place"], "a named doer is the actor"


@pytest.mark.parametrize(
    ("text", "event", "recipient"),
    [
        ("Togo kept refusing entry to Malian traders at the border.", "REJECT", ["MLI"]),
        ("Azerbaijan mobilised thousands of reservists for a new war against Armenia.", "MOBILIZE", ["ARM"]),
        ("Guyana agreed to Brazilian mediation over the border dispute.", "AGREE", ["BRA"]),
        ("Kenya eased security restrictions in Somalia on Monday.", "CONCEDE", ["SOM"]),
        ("Hundreds of Afghan families sought asylum in Pakistan.", "REQUEST", ["PAK"]),
        # an inquiry into wrongs done by someone accuses the doer
        ("Ukraine opened an inquiry into war crimes committed by Russian troops near Kyiv.", "ACCUSE", ["RUS"]),
        ("Kenya opened an inquiry into abuses by Ugandan soldiers.", "ACCUSE", ["UGA"]),
        ("Sudanese soldiers opened fire to scatter the crowd of protesters.", "ASSAULT", ["SDN", "SDN"]),
        ("Kenya denounced as a grave crime Uganda's crackdown on the opposition.", "ACCUSE", ["UGA"]),
        ("Peru requested an urgent session of the Organization of American States.", "REQUEST", ["OAS"]),
        # a former name of the state
        ("Thai troops shelled Kampuchean positions along the frontier.", "ASSAULT", ["KHM"]),
    ],
)
def test_roles_the_one_a_pattern_reaches_through_its_object(coder: Annalist, text: str, event: str,
                                                             recipient: list[str]) -> None:  # fmt: skip
    assert [r for r in _roles(coder, text, event)[1] if r != "UNK"] == recipient


def test_roles_they_and_their_after_a_speech_verb_are_its_plural_subject(coder: Annalist) -> None:
    assert set(_roles(coder, "Ethiopian officials said their troops had completed their withdrawal from the Tigray "
                             "capital.", "RETREAT")[0]) == {"ETH"}  # fmt: skip
    actor, recipient = _roles(coder, "Kenyan officials said their troops had shelled Somali positions.", "ASSAULT")
    assert set(actor) == {"KEN"} and recipient == ["SOM"], "their troops are the speakers' country's"
    # a singular speaker is not "they"
    event = next(e for e in coder.code_text("The Kenyan president said they had shelled Somali positions.",
                                            published=dt.date(2021, 6, 1)) if e.event == "ASSAULT")  # fmt: skip
    assert [a.country for a in event.actor if a.text == "they"] == []


def test_roles_a_noun_event_listed_after_others_shares_their_doer(coder: Annalist) -> None:
    text = "Turkish forces launched drones, artillery, and rocket fire against Kurdish bases in Iraq."
    assert "TUR" in _roles(coder, text, "ASSAULT")[0]


def test_roles_up_to_a_number_is_the_verbs_object_not_a_particle(coder: Annalist) -> None:
    event = next(e for e in coder.code_text("Belarusian police arrested up to 200 protesters in Minsk.",
                                            published=dt.date(2021, 6, 1)) if e.event == "COERCE")  # fmt: skip
    assert [r.country for r in event.recipient] == ["BLR"] and event.size.arrested == 200
    assert _roles(coder, "Malian jihadists abducted up to 12 Chinese workers.", "ASSAULT")[1] == ["CHN"]


def test_roles_a_participle_the_parser_made_the_subject_hands_it_back(coder: Annalist) -> None:
    actor, recipient = _roles(coder, "The World Food Programme working in Sudan said the army must reopen the "
                                     "roads.", "REQUEST")  # fmt: skip
    assert actor == ["WFP"]
    # an organisation on the other side is no country for an unnamed group
    event = next(e for e in coder.code_text("The UN mission based in Mali insisted that rebels must quit the town.",
                                            published=dt.date(2021, 6, 1)) if e.event == "REQUEST")  # fmt: skip
    assert all(r.country != "UNO" for r in event.recipient)


def test_roles_an_unnamed_side_is_the_other_sides_country_only_at_home(coder: Annalist) -> None:
    text = "Georgia's parliament met on Friday. Lawmakers voted to expel Russia's ambassador."
    assert _roles(coder, text, "SANCTION") == (["GEO"], ["RUS"]), "lawmakers are the parliament just named"
    assert _roles(coder, "Kenya's government accused rebels of violating the ceasefire.", "ACCUSE")[1] == ["KEN"]


def test_roles_an_unidentified_attacker_even_when_the_place_is_named_by_its_people(coder: Annalist) -> None:
    # "the Malian town of Gao" only places the blast; it names no doer
    text = "A landmine killed two French soldiers near the Malian town of Gao on Friday."
    killed = next(e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.trigger == "killed")
    assert [(a.country, a.sector) for a in killed.actor] == [("MLI", "UNK")]
    # people of that country are a possible doer, so none is invented
    text = "Malian soldiers were at the scene when two French soldiers were killed near Gao."
    killed = next(e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.trigger == "killed")
    assert [a.source for a in killed.actor] != ["unknown/place"]


def test_roles_a_stance_toward_a_country_is_not_belonging_to_it(coder: Annalist) -> None:
    actor, _ = _roles(coder, "Pro-Russian separatists shelled the town of Avdiivka on Monday.", "ASSAULT")
    assert actor == ["UKR"], "separatists fighting in Ukraine, whatever their stance"
    _, recipient = _roles(coder, "Gunmen shot dead an anti-Iran cleric outside his mosque in Basra.", "ASSAULT")
    assert recipient == ["IRQ"]


def test_roles_ethnic_kin_are_coded_where_the_event_places_them(coder: Annalist) -> None:
    assert _roles(coder, "Croatian police detained four ethnic Hungarians after a brawl at a football match in Osijek.",
                  "COERCE") == (["HRV"], ["HRV"])  # fmt: skip
    actor, _ = _roles(coder, "Ethnic Uzbeks staged a rally in Osh to demand lower market fees.", "PROTEST")
    assert actor == ["KGZ"]


def test_roles_a_titled_stranger_acting_at_home_is_of_that_country(coder: Annalist) -> None:
    text = "Judge Ana Ruiz ordered the arrest of an army colonel in Cusco."
    event = next(e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == "COERCE")
    assert [(a.text, a.country, a.kind) for a in event.actor] == [("Judge Ana Ruiz", "PER", "person")]
    visit = next(e for e in coder.code_text("President Omar Kabir visited Paris on Monday.",
                                            published=dt.date(2021, 6, 1)) if e.event == "CONSULT")  # fmt: skip
    assert visit.actor[0].country is None, "a visit abroad says nothing of the visitor's country"


def test_roles_a_state_acting_on_its_own_people_keeps_both_sides(coder: Annalist) -> None:
    text = "Kenya's police watchdog opened an inquiry into killings by Kenyan police officers."
    assert _roles(coder, text, "ACCUSE") == (["KEN"], ["KEN"])


def test_roles_engaged_in_is_done_by_its_grammatical_subject(coder: Annalist) -> None:
    text = "The UN said Burmese soldiers had been engaged in a campaign of ethnic cleansing in Rakhine."
    actor, _ = _roles(coder, text, "ASSAULT")
    assert actor == ["MMR"]
