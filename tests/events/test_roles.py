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
