"""Event dates on real parses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from annalist.model import Event

Code = Callable[..., list[Event]]


def test_time_stage_explicit_year_is_the_events_date_not_publication(code: Code) -> None:
    [event] = code("In 2010, Bolivia expelled two American diplomats.", dt.date(2019, 9, 17))
    assert (event.date.start, event.date.end, event.date.precision, event.date.source) == (
        dt.date(2010, 1, 1), dt.date(2010, 12, 31), "year", "text")  # fmt: skip
    assert event.modality.historical


def test_time_stage_publication_date_when_the_text_gives_none(code: Code) -> None:
    [event] = code("Bolivia expelled two American diplomats.", dt.date(2019, 9, 17))
    assert (event.date.start, event.date.precision, event.date.source) == (
        dt.date(2019, 9, 17),
        "day",
        "publication",
    )
    assert not event.modality.historical


def test_time_stage_no_date_at_all_is_null_never_today(code: Code) -> None:
    [event] = code("Bolivia expelled two American diplomats on Wednesday.", None)
    assert (event.date.start, event.date.precision, event.date.source) == (None, None, "none")


def test_time_stage_date_of_another_clause_does_not_apply(code: Code) -> None:
    events = code("Argentina praised Chile, which had cut its ties with Bolivia in 2010.", dt.date(2019, 9, 17))
    support = next(e for e in events if e.event == "SUPPORT")
    assert support.date.source == "publication"
    sanction = next(e for e in events if e.event == "SANCTION")
    assert sanction.date.start == dt.date(2010, 1, 1)


def test_time_stage_paragraph_frame_dates_a_past_event(code: Code) -> None:
    text = ("Relations between the two neighbours broke down in 2016. Bolivia expelled two Chilean diplomats. "
            "The border has been calm since.")  # fmt: skip
    [event] = [e for e in code(text, dt.date(2021, 6, 1)) if e.event == "SANCTION"]
    assert (event.date.start, event.date.precision, event.date.source) == (dt.date(2016, 1, 1), "year", "context")
    assert event.modality.historical


def test_time_stage_frame_does_not_cross_paragraphs_or_reach_present_tense(code: Code) -> None:
    text = "Relations broke down in 2016.\n\nBolivia expelled two Chilean diplomats on Monday."
    [event] = [e for e in code(text, dt.date(2021, 6, 1)) if e.event == "SANCTION"]
    assert event.date.source == "text" and event.date.start == dt.date(2021, 5, 31)
    present = "Relations broke down in 2016. Bolivia has expelled two Chilean diplomats."
    [event] = [e for e in code(present, dt.date(2021, 6, 1)) if e.event == "SANCTION"]
    assert event.date.source == "publication"


def test_time_stage_office_term(code: Code) -> None:
    text = "During Rafael Correa's presidency, Ecuador expelled two American diplomats."
    [event] = [e for e in code(text, dt.date(2019, 9, 17)) if e.event == "SANCTION"]
    assert (event.date.start, event.date.end) == (dt.date(2007, 1, 15), dt.date(2017, 5, 24))
    assert (event.date.precision, event.date.source) == ("range", "office-term")
