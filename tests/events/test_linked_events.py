"""Events that lean on one another in a sentence: a purpose clause, verbs joined by "and", a permission
refused, a mission opened; on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

from annalist.model import Event
from annalist.pipeline import Annalist


def _events(coder: Annalist, text: str, event: str) -> list[Event]:
    return [e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == event]


def test_linked_a_purpose_clause_of_the_same_type_is_one_event_with_its_target(coder: Annalist) -> None:
    text = "Lebanese teachers went on strike on Monday to protest against Hezbollah's takeover of the port."
    [protest] = _events(coder, text, "PROTEST")
    assert [r.code for r in protest.recipient] == ["HEZBOLLAH"]
    assert protest.trigger == "went", "the strike is the event; the clause says what it was against"


def test_linked_verbs_joined_by_and_share_the_recipient_one_names(coder: Annalist) -> None:
    supports = _events(coder, "Ghana restored relations and reopened its embassy in Tripoli.", "SUPPORT")
    assert [[r.country for r in e.recipient] for e in supports] == [["LBY"], ["LBY"]]
    assert supports[0].explanation and "conjoined" in supports[0].explanation


def test_linked_refusing_to_allow_someone_is_refusing_them(coder: Annalist) -> None:
    [reject] = _events(coder, "Myanmar's junta refused to allow ASEAN envoys to meet Aung San Suu Kyi.", "REJECT")
    assert [r.code for r in reject.recipient] == ["ASEAN"]


def test_linked_an_unowned_mission_in_a_capital_is_the_hosts(coder: Annalist) -> None:
    [opened] = _events(coder, "Kenya opened an embassy in Rabat in 2018.", "SUPPORT")
    assert [r.country for r in opened.recipient] == ["MAR"]
    # an embassy a state name owns only stands in the capital: the owner is the one acted on
    [stormed] = _events(coder, "Protesters stormed the Danish embassy in Tehran.", "PROTEST")
    assert [r.country for r in stormed.recipient] == ["DNK"]


def test_linked_a_purpose_clause_serves_the_noun_event_its_verb_takes(coder: Annalist) -> None:
    text = "Farm workers in Chile began a strike this week to protest against Argentina's new tariffs."
    protests = _events(coder, text, "PROTEST")
    assert protests and all([r.country for r in p.recipient] == ["ARG"] for p in protests)


def test_linked_the_place_a_withdrawal_leaves_is_not_a_party(coder: Annalist) -> None:
    [request] = _events(
        coder, "Kenya's parliament called for the pullout of Ugandan soldiers from Somalia.", "REQUEST"
    )
    assert [r.country for r in request.recipient] == ["UGA"]


def test_linked_a_state_acting_on_its_own_armed_people(coder: Annalist) -> None:
    [inquiry] = _events(coder, "Peru is investigating abuses by Peruvian extremists in Ayacucho.", "ACCUSE")
    assert [(r.text, r.country, r.sector) for r in inquiry.recipient] == [("Peruvian extremists", "PER", "REB")]


def test_linked_a_titled_stranger_dealing_with_a_states_own_rebels_is_that_states(coder: Annalist) -> None:
    text = "President Idris Debby's call for a ceasefire was rejected by rebels in eastern Chad."
    [reject] = _events(coder, text, "REJECT")
    assert [(a.country, a.sector) for a in reject.actor] == [("TCD", "REB")]
    assert [(r.text, r.country) for r in reject.recipient] == [("President Idris Debby", "TCD")]


def test_linked_a_protest_aims_at_whom_its_stated_purpose_names(coder: Annalist) -> None:
    text = "Thousands of Kenyan farmers marched through Kisumu on Friday to voice their fury over Uganda's import ban."
    [protest] = _events(coder, text, "PROTEST")
    assert [r.country for r in protest.recipient] == ["UGA"], "not Kisumu, where they marched"


def test_linked_a_shelter_for_people_is_theirs(coder: Annalist) -> None:
    attack = _events(coder, "Militiamen looted a shelter for Eritrean migrants in Tripoli.", "ASSAULT")[0]
    assert [r.country for r in attack.recipient] == ["ERI"]


def test_linked_a_misparsed_reporting_verb_adds_no_party(coder: Annalist) -> None:
    text = "The Houthis have vowed to strike Saudi oil fields, an Iranian-owned channel reports."
    [threat] = _events(coder, text, "THREATEN")
    assert [r.country for r in threat.recipient] == ["SAU"], "the channel that reports is not threatened"


def test_linked_readiness_to_fight_is_no_agreement(coder: Annalist) -> None:
    text = "Azerbaijani forces were preparing to resume attacks on Armenian positions, the defence ministry said."
    assert _events(coder, text, "AGREE") == []


def test_linked_peacekeepers_sent_are_aid_to_the_host_not_a_mobilisation(coder: Annalist) -> None:
    [aid] = _events(coder, "Some 400 Kenyan peacekeepers landed in Port-au-Prince on Tuesday.", "AID")
    assert ([a.country for a in aid.actor], [r.country for r in aid.recipient]) == (["KEN"], ["HTI"])
    assert "peacekeeping" in aid.context and _events(coder, "Kenyan troops arrived in Haiti.", "MOBILIZE")


def test_linked_the_violence_of_a_riot_is_the_riot(coder: Annalist) -> None:
    events = coder.code_text("Greek students rioted in Athens on Friday, hurling petrol bombs at banks.",
                             published=dt.date(2021, 6, 1))  # fmt: skip
    assert [(e.event, e.mode) for e in events] == [("PROTEST", "riot")]


def test_linked_what_someone_is_only_accused_of_is_no_event(coder: Annalist) -> None:
    text = "Kenya extradited two Somali men accused of bombing a Nairobi mall."
    assert _events(coder, text, "ASSAULT") == [] and _events(coder, text, "COOPERATE")


def test_linked_a_welcome_given_to_a_plan_is_no_visit(coder: Annalist) -> None:
    assert _events(coder, "The EU gave a cautious welcome to the plan.", "CONSULT") == []


def test_linked_support_for_someone_names_them(coder: Annalist) -> None:
    [pledge] = _events(coder, "Japan pledged support for the US-led coalition in the Gulf.", "AGREE")
    assert [r.country for r in pledge.recipient] == ["USA"], "the coalition's leader"


def test_linked_the_force_of_a_strike_is_the_strike(coder: Annalist) -> None:
    text = "Argentine truckers staged a nationwide strike that blocked the main highways into Buenos Aires."
    assert {e.event for e in coder.code_text(text, published=dt.date(2021, 6, 1))} == {"PROTEST"}


def test_linked_a_protests_demand_is_its_topic_not_another_event(coder: Annalist) -> None:
    text = "Thousands of Armenians rallied in Yerevan on Friday demanding the prime minister's resignation."
    assert [e.event for e in coder.code_text(text, published=dt.date(2021, 6, 1))] == ["PROTEST"]
    alone = "Armenian opposition leaders demanded the prime minister's resignation on Friday."
    assert [e.event for e in coder.code_text(alone, published=dt.date(2021, 6, 1))] == ["REQUEST"]
