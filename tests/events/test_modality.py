"""Whether an event happened, as its clause tells, on real parses of team-written sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from annalist.pipeline import Annalist


@pytest.mark.parametrize(
    ("text", "event", "flags"),
    [
        ("Peru did not recall its ambassador from Chile.", "SANCTION", {"negated"}),
        ("Peru will recall its ambassador from Chile next week.", "SANCTION", {"future"}),
        ("Peru plans to recall its ambassador from Chile.", "SANCTION", {"future"}),
        ("Peru is expected to recall its ambassador from Chile.", "SANCTION", {"future"}),
        ("Teachers in Lima plan to begin a national strike on Monday.", "PROTEST", {"future"}),
        ("Troops massed near Idlib ahead of an impending offensive against the rebels.", "ASSAULT", {"future"}),
        ("Peru could recall its ambassador from Chile.", "SANCTION", {"hypothetical"}),
        ("Officials said Peru would send food aid to Bolivia.", "AGREE", {"future", "reported"}),
        (
            "Officials said Peru would send food aid to Bolivia if the floods worsened.",
            "AGREE",
            {"hypothetical", "reported"},
        ),
        ("The former mayor faces possible extradition from Spain to Argentina.", "COOPERATE", {"hypothetical"}),
        ("Officials said Peru recalled its ambassador from Chile.", "SANCTION", {"reported"}),
        ("Peru recalled its ambassador from Chile.", "SANCTION", set()),
        ("Police in Oslo foiled an attack on the parliament.", "ASSAULT", {"hypothetical"}),
        ("Kenya sent troops to prevent a massacre in the border town.", "ASSAULT", {"hypothetical"}),
        ("Police in Oslo failed to prevent an attack on the parliament.", "ASSAULT", set()),
    ],
)
def test_modality_flags(coder: Annalist, text: str, event: str, flags: set[str]) -> None:
    events = [e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == event]
    assert events, text
    modality = events[0].modality
    found = {f for f in ("negated", "future", "hypothetical", "reported") if getattr(modality, f)}
    assert found == flags


@pytest.mark.parametrize(
    ("text", "speaker", "unattributed"),
    [
        ("Diplomats said Peru recalled its ambassador from Chile.", "UNK GOV", True),
        ("Chilean diplomats said Peru recalled its ambassador from Chile.", "CHL GOV", False),
        ("According to unnamed officials, Peru recalled its ambassador from Chile.", "UNK GOV", True),
        ("Peru recalled its ambassador from Chile, according to the Chilean foreign ministry.", "CHL GOV", False),
        ("Many analysts have said Peru recalled its ambassador from Chile.", None, True),
        ("Peru recalled its ambassador from Chile, a foreign ministry spokesman said.", "UNK GOV", False),
    ],
)
def test_modality_who_reported_it(coder: Annalist, text: str, speaker: str | None, unattributed: bool) -> None:
    """A claim is attributed when its source is named or has a state; "diplomats said" names no one."""
    [event] = [e for e in coder.code_text(text, published=dt.date(2021, 6, 1)) if e.event == "SANCTION"]
    assert event.modality.reported
    assert (event.modality.speaker, event.modality.unattributed) == (speaker, unattributed)
