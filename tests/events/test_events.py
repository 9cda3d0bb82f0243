"""Events on real parses: roles, modality, sizes, explanations, offsets."""

from __future__ import annotations

from collections.abc import Callable

from annalist.events.sizes import find_size
from annalist.model import Event

Code = Callable[..., list[Event]]


def _one(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.event == kind]
    assert len(found) == 1, [(e.event, e.produced_by) for e in events]
    return found[0]


def test_events_roles_from_subject_and_preposition(code: Code) -> None:
    event = _one(code("Colombia recalled its ambassador from Venezuela on Monday."), "SANCTION")
    assert [a.country for a in event.actor] == ["COL"] and [r.country for r in event.recipient] == ["VEN"]
    assert (event.mode, event.context, event.quad_class, event.intensity) == ("withdraw", ["diplomatic"], 4, -6.0)


def test_events_passive_roles(code: Code) -> None:
    event = _one(code("Two Kenyan soldiers were killed by Somali militants near the border."), "ASSAULT")
    assert [a.country for a in event.actor] == ["SOM"]
    assert [(r.country, r.sector) for r in event.recipient] == [("KEN", "MIL")]


def test_events_compound_recipient_is_a_list(code: Code) -> None:
    event = _one(code("Argentina restored diplomatic ties with Chile and Uruguay in 2019."), "SUPPORT")
    assert [r.country for r in event.recipient] == ["CHL", "URY"]


def test_events_need_a_political_actor(code: Code) -> None:
    assert code("The striker attacked the goal again and again in the second half.") == []
    assert code("Heavy rain killed crops across the valley.") == []


def test_events_someone_carried_somewhere_is_not_visiting(code: Code) -> None:
    assert [e.event for e in code("The Mexican suspect was flown to Mexico City on Monday.")] == []
    assert [e.event for e in code("The Mexican president flew to Lima on Monday.")] == ["CONSULT"]


def test_events_negated_and_future_are_flagged(code: Code) -> None:
    negated = _one(code("Chile did not recall its ambassador from Peru."), "SANCTION")
    assert negated.modality.negated and "negated by 'not'" in negated.explanation
    future = _one(code("Japan will send humanitarian aid to Nepal."), "AGREE")
    assert future.modality.future and not future.modality.negated


def test_events_a_harm_announced_on_a_condition_is_a_threat(code: Code) -> None:
    threat = _one(code("Kenya will close its border with Somalia unless the attacks stop."), "THREATEN")
    assert (threat.mode, threat.cameo, [r.country for r in threat.recipient]) == ("restrict", "131", ["SOM"])
    assert "on a condition" in threat.explanation and not threat.modality.hypothetical
    plain = _one(code("Kenya will close its border with Somalia next week."), "COERCE")
    assert plain.modality.future, "without a condition it stays the announced act, flagged future"


def test_events_a_harm_only_possible_on_a_condition_is_a_threat(code: Code) -> None:
    threat = _one(code("Norway could freeze its aid to Malawi if the vote is delayed again."), "THREATEN")
    assert [r.country for r in threat.recipient] == ["MWI"] and not threat.modality.hypothetical
    possible = _one(code("Norway could freeze its aid to Malawi."), "SANCTION")
    assert possible.modality.hypothetical, "without a condition it is a possible sanction, not a threat"
    guessed = _one(code("Analysts said Norway could freeze its aid to Malawi if the vote is delayed."), "SANCTION")
    assert guessed.modality.hypothetical, "others' speculation is no threat Norway made"


def test_events_an_attack_being_readied_is_mobilisation_not_an_attack(code: Code) -> None:
    readied = code("Malian troops were preparing an offensive against the jihadists around Timbuktu.")
    assert [e.event for e in readied] == ["MOBILIZE"]
    assert readied[0].produced_by == "pattern:mobilize.prepare_offensive"
    assert {e.event for e in code("Malian troops launched an offensive against the jihadists.")} == {"ASSAULT"}


def test_events_cooperation_announced_as_not_going_to_happen_is_a_refusal(code: Code) -> None:
    refusal = _one(code("Poland says it will not admit any more migrants from Belarus."), "REJECT")
    assert (refusal.mode, refusal.cameo, refusal.modality.negated) == ("assist", "121", False)
    assert "not going to happen" in refusal.explanation
    past = _one(code("Chile did not recall its ambassador from Peru."), "SANCTION")
    assert past.modality.negated, "what did not happen is no refusal"
    assert _one(code("Kenya will not reject the plan."), "REJECT").modality.negated, "nor is not refusing"


def test_events_reported_speech_names_the_speaker(code: Code) -> None:
    event = _one(code("Brazil's foreign ministry said Bolivia had expelled two Brazilian diplomats."), "SANCTION")
    assert event.modality.reported and event.modality.speaker == "BRA GOV"


def test_events_explain_themselves_and_point_at_their_sentence(code: Code) -> None:
    text = "Fishing boats returned to port. Colombia recalled its ambassador from Venezuela on Monday."
    event = _one(code(text), "SANCTION")
    assert event.produced_by == "pattern:sanction.recall_ambassador" and 0 < event.confidence <= 1
    assert "matched 'recalled'" in event.explanation and "actor from subject" in event.explanation
    assert (
        text[event.start : event.end] == event.text == "Colombia recalled its ambassador from Venezuela on Monday."
    )
    assert text[event.trigger_start : event.trigger_end] == "recalled" and event.sentence == 1


def test_events_ids_are_stable(code: Code) -> None:
    text = "Colombia recalled its ambassador from Venezuela on Monday."
    assert [e.id for e in code(text)] == [e.id for e in code(text)]


def test_sizes_casualties_and_money() -> None:
    size = find_size("Over 1,500 Palestinians were killed and 300 were wounded; police arrested dozens.")
    assert (size.dead, size.injured, size.arrested) == (1500, 300, 24)
    money = find_size("Ecuador bought $30 million worth of weapons.")
    assert (money.money, money.currency) == (30_000_000, "USD")
    assert find_size("Talks lasted three days.").dead is None


def test_sizes_only_those_that_belong_to_the_event_type(code: Code) -> None:
    text = "After the strike killed 12 people, Peru recalled its ambassador from Chile."
    sanction = _one(code(text), "SANCTION")
    assert sanction.size.dead is None


def test_events_what_is_called_off_or_only_demanded_did_not_happen(code: Code) -> None:
    called_off = code("Bangladesh's opposition leader called off his party's march on Dhaka.")
    assert "PROTEST" not in [e.event for e in called_off], "the march never took place"
    demanded = code("Serbia's demand that Kosovo withdraw its police from the north was rejected by Pristina.")
    assert "RETREAT" not in [e.event for e in demanded], "a withdrawal only demanded"
    assert "REJECT" in [e.event for e in demanded]


def test_events_what_is_condemned_happened_but_what_is_alleged_did_not(code: Code) -> None:
    condemned = code("Lithuania condemned Belarus's detention of two Lithuanian border guards.")
    assert _one(condemned, "COERCE").actor[0].country == "BLR"
    # a condemned deed with no doer of its own is not the condemner's
    unnamed = code("Lithuania condemned the detention of two Lithuanian border guards.")
    assert all(a.country != "LTU" for e in unnamed if e.event == "COERCE" for a in e.actor)
    alleged = code("Lithuania accused Belarus of detaining two Lithuanian border guards.")
    assert "COERCE" not in [e.event for e in alleged]


def test_events_an_announced_withdrawal_is_one_concession_not_also_a_withdrawal(code: Code) -> None:
    events = code(
        "The rebel M23 movement announced it will hand back weapons seized last year from Congolese soldiers."
    )
    assert [e.event for e in events] == ["CONCEDE"], [(e.event, e.produced_by) for e in events]
