"""Names misspelt by one letter: the index on its own, then in real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

from annalist.actors.spelling import SlipIndex, one_slip
from annalist.model import Article
from annalist.pipeline import Annalist


def test_spelling_one_slip_is_one_letter_missing_added_changed_or_swapped() -> None:
    assert one_slip("Kazakstan", "Kazakhstan") and one_slip("Venezeula", "Venezuela")
    assert one_slip("Uzbekistann", "Uzbekistan") and one_slip("Mozambiqe", "Mozambique")
    assert not one_slip("Slovakia", "Slovenia"), "two letters apart"
    assert not one_slip("Austria", "Austria")


def test_spelling_index_corrects_only_long_names_near_exactly_one() -> None:
    index = SlipIndex(["Kazakhstan", "Mauritania", "Slovakia", "Slovenia", "Iceland", "Ireland", "Chad"])
    assert index.correct("Kazakstan") == "Kazakhstan"
    assert index.correct("Mauretania") == "Mauritania"
    assert index.correct("Ixeland") is None, "one slip from both Iceland and Ireland"
    assert index.correct("Chat") is None, "short names are never guessed"
    assert index.correct("Lauritania") is None, "never in the first letter"


def _entities(coder: Annalist, text: str) -> dict[str, tuple[str | None, str]]:
    result = coder.code_article(Article(id="t", text=text, published=dt.date(2003, 6, 1)))
    return {e.text: (e.country, e.kind) for e in result.entities}


def test_spelling_misspelt_state_and_titled_surname_are_found(coder: Annalist) -> None:
    assert _entities(coder, "Kazakstan has agreed to reopen its border with Kyrgyzstan.")["Kazakstan"] == (
        "KAZ",
        "state",
    )
    found = _entities(coder, "President Hosni Mubarrak met the visiting Sudanese delegation.")
    assert found["President Hosni Mubarrak"] == ("EGY", "person")


def test_spelling_a_real_place_or_untitled_name_is_left_alone(coder: Annalist) -> None:
    # Columbia is a real place (and one letter from Colombia); a bare unknown name needs a title to be read
    assert all(
        country != "COL" for country, _ in _entities(coder, "Students in Columbia marched on Friday.").values()
    )
    assert "Mubarrak" not in _entities(coder, "Mubarrak met the visiting Sudanese delegation.")
