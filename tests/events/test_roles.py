"""Who did it and to whom, on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

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
