"""An attack named as a noun: launched on a place it is an assault; a verbal one or one only a condition
names is not. Real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

from annalist.pipeline import Annalist


def _types(coder: Annalist, text: str) -> list[str]:
    return [e.event for e in coder.code_text(text, published=dt.date(2022, 3, 1))]


def test_attack_noun_launched_on_a_place_is_an_assault(coder: Annalist) -> None:
    [attack] = [
        e for e in coder.code_text("Russia launched an attack on Kharkiv.", published=None) if e.event == "ASSAULT"
    ]
    assert ([a.country for a in attack.actor], [r.country for r in attack.recipient]) == (["RUS"], ["UKR"])


def test_attack_noun_that_is_only_words_is_no_assault(coder: Annalist) -> None:
    assert "ASSAULT" not in _types(coder, "The minister launched a scathing attack on the opposition.")


def test_attack_noun_a_condition_names_is_no_assault(coder: Annalist) -> None:
    text = "Hungary's president threatened to close the border with Serbia if attacks on Hungarians continued."
    assert "ASSAULT" not in _types(coder, text) and "THREATEN" in _types(coder, text)
