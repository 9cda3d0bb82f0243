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
