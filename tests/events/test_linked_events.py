"""Events that lean on one another in a sentence: a purpose clause, verbs joined by "and", a permission
refused, a mission opened; on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

from annalist.model import Event
from annalist.pipeline import Annalist


def _events(coder: Annalist, text: str, event: str) -> list[Event]:
    return [e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == event]


def test_linked_a_purpose_clause_of_the_same_type_is_one_event_with_its_target(coder: Annalist) -> None:
    text = "Dozens of Armenian students went on hunger strike in Yerevan to protest against Russia's arrest of their leader."
    [protest] = _events(coder, text, "PROTEST")
    assert [r.country for r in protest.recipient] == ["RUS"]
    assert protest.trigger == "went", "the strike is the event; the clause says what it was against"


def test_linked_verbs_joined_by_and_share_the_recipient_one_names(coder: Annalist) -> None:
    supports = _events(coder, "Ghana restored ties with, and reopened its embassy in, Tripoli.", "SUPPORT")
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
    text = "About 500 Uzbek refugees began a hunger strike on Friday to protest against Kazakhstan's plan to deport them."
    [protest] = _events(coder, text, "PROTEST")
    assert (protest.trigger, [r.country for r in protest.recipient]) == ("strike", ["KAZ"])


def test_linked_the_place_a_withdrawal_leaves_is_not_a_party(coder: Annalist) -> None:
    [request] = _events(coder, "NATO ministers demanded the withdrawal of Russian troops from Georgia.", "REQUEST")
    assert [r.country for r in request.recipient] == ["RUS"]


def test_linked_a_state_acting_on_its_own_named_people(coder: Annalist) -> None:
    text = "Serbia is investigating alleged war crimes by Serbian paramilitaries against Bosniak civilians."
    [inquiry] = _events(coder, text, "ACCUSE")
    assert [(r.text, r.country) for r in inquiry.recipient] == [("Serbian paramilitaries", "SRB")]


def test_linked_a_titled_stranger_dealing_with_a_states_own_rebels_is_that_states(coder: Annalist) -> None:
    [reject] = _events(
        coder, "Rebels in Chad on Monday rejected an appeal from President Idris Debby to disarm.", "REJECT"
    )
    assert [(a.text, a.country, a.sector) for a in reject.actor] == [("Rebels in Chad", "TCD", "REB")]
    assert [(r.text, r.country) for r in reject.recipient] == [("President Idris Debby", "TCD")]


def test_linked_a_protest_aims_at_whom_its_stated_purpose_names(coder: Annalist) -> None:
    [protest] = _events(
        coder, "Farmers in Nairobi blocked a highway to show their anger at Uganda's import ban.", "PROTEST"
    )
    assert [r.country for r in protest.recipient] == ["UGA"], "not Nairobi, where they marched"


def test_linked_a_shelter_for_people_is_theirs(coder: Annalist) -> None:
    text = "A refugee camp for Sudanese refugees was attacked by Chadian militiamen, killing at least 30 people."
    attack = _events(coder, text, "ASSAULT")[0]
    assert [r.country for r in attack.recipient] == ["SDN"]


def test_linked_a_misparsed_reporting_verb_adds_no_party(coder: Annalist) -> None:
    [threat] = _events(coder, "Hezbollah has vowed to strike Israel, a Qatari-owned channel reports.", "THREATEN")
    assert [r.country for r in threat.recipient] == ["ISR"], "the channel that reports is not threatened"


def test_linked_readiness_to_fight_is_no_agreement(coder: Annalist) -> None:
    text = "The Serbian army prepared to resume shelling rebel-held villages as talks stalled."
    assert _events(coder, text, "AGREE") == []


def test_linked_peacekeepers_sent_are_aid_to_the_host_not_a_mobilisation(coder: Annalist) -> None:
    [aid] = _events(coder, "The first Kenyan peacekeeping troops arrived in Haiti on Tuesday.", "AID")
    assert ([a.country for a in aid.actor], [r.country for r in aid.recipient]) == (["KEN"], ["HTI"])
    assert "peacekeeping" in aid.context and _events(coder, "Kenyan troops arrived in Haiti.", "MOBILIZE")


def test_linked_the_violence_of_a_riot_is_the_riot(coder: Annalist) -> None:
    events = coder.code_text("Greek students rioted in Athens on Friday, setting fire to cars and smashing shop windows.",
                             published=dt.date(2021, 6, 1))  # fmt: skip
    assert [(e.event, e.mode) for e in events] == [("PROTEST", "riot")]


def test_linked_what_someone_is_only_suspected_of_is_no_event(coder: Annalist) -> None:
    text = "Serbian police arrested a Croatian soldier suspected by Belgrade of shelling Serb villages in 1991."
    assert _events(coder, text, "ASSAULT") == [] and _events(coder, text, "COERCE")


def test_linked_a_welcome_given_to_a_plan_is_no_visit(coder: Annalist) -> None:
    assert _events(coder, "The EU gave a cautious welcome to the plan.", "CONSULT") == []


def test_linked_support_for_someone_names_them(coder: Annalist) -> None:
    text = "The Italian government refused to commit to any military support for the French-led mission in Mali."
    [refusal] = _events(coder, text, "REJECT")
    assert [r.country for r in refusal.recipient] == ["FRA"], "the mission's leader, not its place"


def test_linked_a_strike_staged_is_one_strike_and_its_force_is_the_strike(coder: Annalist) -> None:
    text = "Argentine truckers staged a nationwide strike that blocked the main highways into Buenos Aires."
    events = coder.code_text(text, published=dt.date(2021, 6, 1))
    assert [(e.event, e.trigger) for e in events] == [("PROTEST", "staged")]
