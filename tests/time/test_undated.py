"""Events told without a time of their own stay undated rather than take the story's day; a dateline's day
dates the story's own events. On real parses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from annalist.model import Event
from annalist.time.undated import GENERIC, REPEATED, SUPPOSED

Code = Callable[..., list[Event]]
PUBLISHED = dt.date(2021, 6, 1)


def _by_trigger(code: Code, text: str, published: dt.date | None = PUBLISHED) -> dict[str, Event]:
    return {e.trigger: e for e in code(text, published)}


@pytest.mark.parametrize(
    "text",
    [
        "Militants have attacked the pipeline in Nigeria more than a dozen times.",
        "Azerbaijani forces have shelled Armenian villages dozens of times.",
        "Azerbaijani forces have repeatedly shelled Armenian villages.",
        "Azerbaijan often shells Armenian villages.",
        "Azerbaijan has shelled Armenian villages for years.",
    ],
)
def test_undated_a_run_of_attacks_summed_up_has_no_single_day(code: Code, text: str) -> None:
    [attack] = [e for e in code(text, PUBLISHED) if e.event == "ASSAULT"]
    assert (attack.date.start, attack.date.source, attack.date.text) == (None, "none", REPEATED)


def test_undated_recurring_events_in_a_perfect_clause(code: Code) -> None:
    events = _by_trigger(code, "There have been repeated raids on the refugee camp by Sudanese troops.")
    raid = events["raids"]
    assert (raid.date.source, raid.date.text) == ("none", REPEATED)


def test_undated_years_of_threats(code: Code) -> None:
    events = _by_trigger(code, "Ethiopia has for years been threatening Eritrea with war.")
    assert (events["threatening"].date.source, events["threatening"].date.text) == ("none", REPEATED)


def test_undated_repeated_acts_of_the_story_keep_its_day(code: Code) -> None:
    """Told in the simple past, "repeatedly" describes what happened in the story, on its day."""
    [attack] = code("Azerbaijani forces repeatedly shelled Armenian villages.", PUBLISHED)
    assert (attack.date.start, attack.date.source) == (PUBLISHED, "publication")
    praise = "Yerevan has praised Georgia for its years of patient mediation."
    [support] = code(praise, PUBLISHED)
    assert support.date.source == "publication", "its years of mediation are no span of the praise"
    again = "Azerbaijan has shelled Armenian villages again."
    [attack] = code(again, PUBLISHED)
    assert attack.date.source == "publication", "done once more is one event"


def test_undated_events_named_as_a_class_in_a_sentence_reaching_back_years(code: Code) -> None:
    text = "Al-Shabaab, which was founded in 2006, has claimed responsibility for attacks on Kenyan troops."
    attacks = _by_trigger(code, text)["attacks"]
    assert (attacks.date.source, attacks.date.text) == ("none", GENERIC)
    one = "Al-Shabaab, which was founded in 2006, has claimed responsibility for the attack on Kenyan troops."
    assert _by_trigger(code, one)["attack"].date.source == "publication", "one attack, named with an article"
    recent = "Al-Shabaab has claimed responsibility for attacks on Kenyan troops."
    assert _by_trigger(code, recent)["attacks"].date.source == "publication", "no past year, no reach back"


def test_undated_a_hypothetical_event_has_no_day(code: Code) -> None:
    events = _by_trigger(
        code, "The dissident faces possible extradition to Turkey, where he is wanted on charges."
    )
    supposed = [e for e in events.values() if e.modality.hypothetical]
    assert supposed
    assert all((e.date.start, e.date.source, e.date.text) == (None, "none", SUPPOSED) for e in supposed)


def test_undated_a_date_in_the_text_still_wins(code: Code) -> None:
    [attack] = code("In 2019 Azerbaijani forces repeatedly shelled Armenian villages.", PUBLISHED)
    assert (attack.date.start, attack.date.source) == (dt.date(2019, 1, 1), "text")
    [attack] = code("Azerbaijan shelled Armenian villages for two years.", PUBLISHED)
    assert attack.date.source == "text", "a span of stated length is a date"


def test_dateline_day_dates_the_story_events(code: Code) -> None:
    text = "Quito, September 16 (Reuters) -- Ecuador expelled two Venezuelan diplomats."
    [expel] = code(text, dt.date(2019, 9, 17))
    assert (expel.date.start, expel.date.precision, expel.date.source) == (dt.date(2019, 9, 16), "day", "dateline")
    assert not expel.modality.historical
    without = "Ecuador expelled two Venezuelan diplomats."
    [expel] = code(without, dt.date(2019, 9, 17))
    assert (expel.date.start, expel.date.source) == (dt.date(2019, 9, 17), "publication")
