"""Event dates on real parses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from annalist.ingest.articles import build_article
from annalist.model import Article, Event
from annalist.pipeline import Annalist
from annalist.settings import Settings

Code = Callable[..., list[Event]]


def _only(code: Code, text: str, published: dt.date, kind: str) -> Event:
    """The one event of a type coded from a text."""
    [event] = [e for e in code(text, published) if e.event == kind]
    return event


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
    event = _only(code, text, dt.date(2021, 6, 1), "SANCTION")
    assert (event.date.start, event.date.precision, event.date.source) == (dt.date(2016, 1, 1), "year", "context")
    assert event.modality.historical


def test_time_stage_frame_does_not_cross_paragraphs_or_reach_present_tense(code: Code) -> None:
    text = "Relations broke down in 2016.\n\nBolivia expelled two Chilean diplomats on Monday."
    event = _only(code, text, dt.date(2021, 6, 1), "SANCTION")
    assert event.date.source == "text" and event.date.start == dt.date(2021, 5, 31)
    present = "Relations broke down in 2016. Bolivia has expelled two Chilean diplomats."
    event = _only(code, present, dt.date(2021, 6, 1), "SANCTION")
    assert event.date.source == "publication"


def test_time_stage_office_term(code: Code) -> None:
    text = "During Rafael Correa's presidency, Ecuador expelled two American diplomats."
    event = _only(code, text, dt.date(2019, 9, 17), "SANCTION")
    assert (event.date.start, event.date.end) == (dt.date(2007, 1, 15), dt.date(2017, 5, 24))
    assert (event.date.precision, event.date.source) == ("range", "office-term")


def _headline_events(coder: Annalist, title: str, body: str) -> tuple[list[Event], int]:
    article = build_article({"title": title, "text": body, "published": "2019-09-17"}, where="t", key=None,
                            settings=Settings(), published=None)  # fmt: skip
    assert isinstance(article, Article)
    return coder.code_article(article).events, article.body_start


def test_time_stage_headline_takes_the_date_of_the_story_it_leads(coder: Annalist) -> None:
    events, body = _headline_events(coder, "Peru and Chile cut military ties",
                                    "In 2010, Peru put an end to its military cooperation with Chile.")  # fmt: skip
    headline = [e for e in events if e.start < body]
    assert headline and all(e.date.start == dt.date(2010, 1, 1) and e.date.source == "context" for e in headline)


def test_time_stage_headline_over_todays_news_is_not_dated_by_an_older_event(coder: Annalist) -> None:
    events, body = _headline_events(
        coder, "Peru sends elite troops to train with Chile",
        "Peruvian special forces began training in Chile on Monday, the defence ministry said. In 2010 Peru "
        "had ended its military cooperation with Chile.")  # fmt: skip
    headline = [e for e in events if e.start < body]
    assert headline and all(e.date.start is not None and e.date.start.year == 2019 for e in headline), [
        (e.event, e.date) for e in headline]  # fmt: skip


def test_time_stage_day_counted_from_the_day_the_story_named(code: Code) -> None:
    text = ("Bolivian police arrested an opposition senator in La Paz on Wednesday. "
            "A day earlier, police had detained a radio reporter in the city.")  # fmt: skip
    events = sorted(code(text, dt.date(2023, 4, 14)), key=lambda e: e.trigger_start)
    assert [(e.event, e.date.start) for e in events] == [
        ("COERCE", dt.date(2023, 4, 12)), ("COERCE", dt.date(2023, 4, 11))]  # fmt: skip
    assert events[1].date.source == "context"


def test_time_stage_date_hanging_from_an_event_noun_is_its_own(code: Code) -> None:
    text = "The detention of a reporter on Tuesday was followed by the arrest of a senator on Wednesday."
    events = sorted(code(text, dt.date(2023, 4, 14)), key=lambda e: e.trigger_start)
    assert [e.date.start for e in events if e.event == "COERCE"] == [dt.date(2023, 4, 11), dt.date(2023, 4, 12)]


def test_time_stage_date_of_a_clause_subordinate_to_a_governing_one(code: Code) -> None:
    text = ("When the United States stopped arming the rebels in March 1975, the rebel leader fled to Damascus "
            "and met Syrian officials.")  # fmt: skip
    event = _only(code, text, dt.date(2019, 9, 17), "CONSULT")
    assert (event.date.start, event.date.precision) == (dt.date(1975, 3, 1), "month") and event.modality.historical


def test_time_stage_past_perfect_beside_a_past_year_is_undated_and_historical(code: Code) -> None:
    text = "Peru had expelled two Bolivian diplomats, and the two countries restored ties in 2016."
    event = _only(code, text, dt.date(2021, 6, 1), "SANCTION")
    assert (event.date.start, event.date.source) == (None, "none") and event.modality.historical
    [recent] = [e for e in code("Peru had expelled two Bolivian diplomats.", dt.date(2021, 6, 1))
                if e.event == "SANCTION"]  # fmt: skip
    assert recent.date.source == "publication" and not recent.modality.historical


def test_time_stage_past_event_shares_the_main_clauses_year(code: Code) -> None:
    text = "The Kenyan activist was jailed for years after the uprising, but was freed in 2017 after an appeal."
    event = _only(code, text, dt.date(2019, 3, 7), "SANCTION")
    assert (event.date.start, event.date.source) == (dt.date(2017, 1, 1), "context")
    hailed = "Kenya hailed its ties with Uganda, which had cut them in 2010."
    event = _only(code, hailed, dt.date(2019, 3, 7), "SUPPORT")
    assert event.date.source == "publication", "a year in a relative clause is not the main clause's"


def test_time_stage_a_year_ending_a_list_of_participles_dates_the_whole_list(code: Code) -> None:
    text = "Argentina has made amends since then, lifting the ban on the party, releasing the prisoners and reopening the border with Chile in 1998."
    events = {e.trigger: e for e in code(text, dt.date(2019, 5, 1))}
    for trigger in ("lifting", "releasing"):
        date = events[trigger].date
        assert (date.start, date.precision, date.source) == (dt.date(1998, 1, 1), "year", "context"), trigger
        assert events[trigger].modality.historical
    alone = _only(
        code,
        "Argentina is lifting the ban on the party, a measure it first took in 1998.",
        dt.date(2019, 5, 1),
        "CONCEDE",
    )
    assert alone.date.source == "publication", "a year of a description is not the list's"
    ongoing = "Ethiopia has for years been threatening Eritrea, and in 2016 it sent troops to the border."
    threat = _only(code, ongoing, dt.date(2019, 5, 1), "THREATEN")
    assert threat.date.start is None, "threats over years are not dated by the year of the next clause"


def test_time_stage_a_year_of_a_coordinated_clause_covers_a_past_decision(code: Code) -> None:
    text = "Chile decided to recall its ambassador from Venezuela and closed its consulate in Caracas in 2017."
    [recall] = [e for e in code(text, dt.date(2019, 3, 7)) if e.trigger == "recall"]
    assert (recall.date.start, recall.date.precision, recall.date.source) == (
        dt.date(2017, 1, 1),
        "year",
        "context",
    )
    later = "Peru was arrested in 2019 and said on Monday that it would join the talks."
    agree = _only(code, later, dt.date(2019, 10, 20), "AGREE")
    assert agree.date.start == dt.date(2019, 10, 14), "a clause's own date still comes first"


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [  # a clause before a semicolon is a main clause whose year a past event shares
        ("The town fell to the militants in 2015 when they took the nearby city; the militants destroyed a church "
         "and imprisoned dozens of its Christian residents.", "COERCE", (dt.date(2015, 1, 1), dt.date(2015, 12, 31),
                                                                         "year", True)),
        # told as coming later than another clause's year: a range from it to the story's day
        ("Police arrested dozens of students in 2019, and the army later shot three of them.", "ASSAULT",
         (dt.date(2019, 1, 1), dt.date(2019, 10, 20), "range", False)),
    ],
)  # fmt: skip
def test_time_stage_dated_from_another_clause(code: Code, text: str, kind: str, expected: tuple[Any, ...]) -> None:
    event = _only(code, text, dt.date(2019, 10, 20), kind)
    dated = (event.date.start, event.date.end, event.date.precision, event.modality.historical)
    assert dated == expected and event.date.source == "context"


def test_time_stage_a_year_modifying_a_noun_dates_it_but_a_count_does_not(code: Code) -> None:
    # the recogniser tags this "2015" as a number, not a date
    text = "Damascus still owes Moscow, whose 2015 military intervention rescued the army."
    event = _only(code, text, dt.date(2019, 10, 20), "AID")
    assert (event.date.start, event.date.precision, event.modality.historical) == (dt.date(2015, 1, 1), "year",
                                                                                   True)  # fmt: skip
    count = _only(code, "Russia sent 2000 soldiers to Syria.", dt.date(2019, 10, 20), "MOBILIZE")
    assert count.date.source == "publication", "2000 soldiers is a count, not a year"
    # a plural after a year no count would be that uneven: the people of that year
    text = "Police later jailed several 2013 strikers, the union said."
    jailed = _only(code, text, dt.date(2019, 10, 20), "COERCE")
    assert (jailed.date.start, jailed.date.precision) == (dt.date(2013, 1, 1), "range"), jailed.date


def test_time_stage_a_consequence_of_a_restated_event_comes_after_its_date(code: Code) -> None:
    text = "Mali said jihadists overran an army camp near Gao in June 2017, a raid that led to French air strikes."
    strikes = next(e for e in code(text, published=dt.date(2019, 10, 20)) if e.trigger == "strikes")
    assert (strikes.date.start, strikes.date.end, strikes.date.precision) == (
        dt.date(2017, 6, 1), dt.date(2019, 10, 20), "range")  # fmt: skip


def test_time_stage_earlier_this_year_runs_from_the_years_start_to_the_story(code: Code) -> None:
    event = _only(code, "Police in Ghana arrested the main opposition leader earlier this year.", dt.date(2023, 9, 10),
                  "COERCE")  # fmt: skip
    assert (event.date.start, event.date.end, event.date.precision) == (dt.date(2023, 1, 1), dt.date(2023, 9, 10),
                                                                        "range")  # fmt: skip


def test_time_stage_a_date_describing_a_participant_is_not_the_events(code: Code) -> None:
    text = "Belize, a Taiwanese ally since 1989, established diplomatic relations with China on Sunday."
    event = _only(code, text, dt.date(2019, 10, 22), "SUPPORT")
    assert event.date.start == dt.date(2019, 10, 20), event.date
    text = "Police fired tear gas at students in Lahore on Thursday who were protesting against a law dating from 1962."
    protest = _only(code, text, dt.date(2019, 10, 20), "PROTEST")
    assert protest.date.start == dt.date(2019, 10, 17), protest.date
    alone = "Latvia, a member of the bloc since 2004, has eased its border rules for Lithuanian lorries."
    eased = _only(code, alone, dt.date(2019, 10, 20), "CONCEDE")
    assert eased.date.source == "publication", "with no date of its own, the event is not dated by a description"
    placed = "Latvia lifted its ban on Russian lorries at Riga, Latvia in 2004."
    lifted = _only(code, placed, dt.date(2019, 10, 20), "CONCEDE")
    assert (lifted.date.start, lifted.date.source) == (dt.date(2004, 1, 1), "text"), "a place is no description"


def test_time_stage_a_day_carries_to_the_next_sentence_only(code: Code) -> None:
    text = "Chile's Senate met in emergency session on Tuesday. Senators voted to expel Venezuela's ambassador."
    removed = [e for e in code(text, dt.date(2021, 6, 4)) if e.sentence == 1]
    assert removed and removed[0].date.start == dt.date(2021, 6, 1), [(e.event, e.date) for e in removed]


def test_time_stage_a_verb_completing_a_past_verb_takes_the_paragraphs_frame(code: Code) -> None:
    text = "June 2014 was a turning point in Iraq. Iranian advisers began training Kurdish fighters."
    event = _only(code, text, dt.date(2019, 10, 20), "AID")
    assert (event.date.start, event.date.source) == (dt.date(2014, 6, 1), "context")


def test_time_stage_a_chancellorship_is_an_office_term(code: Code) -> None:
    text = "During Gerhard Schröder's chancellorship, Germany sent troops to Afghanistan."
    event = _only(code, text, dt.date(2019, 10, 20), "MOBILIZE")
    assert (event.date.start, event.date.source) == (dt.date(1998, 10, 27), "office-term"), event.date


def test_time_stage_a_caption_ending_on_a_full_date_is_that_days(code: Code) -> None:
    text = ("Former Tunisian President Moncef Marzouki arrives with his lawyer at a court hearing over protests "
            "that shook the capital in 2013, in Tunis, Tunisia November 3, 2020.")  # fmt: skip
    event = _only(code, text, dt.date(2020, 11, 5), "CONSULT")
    assert (event.date.start, event.date.precision, event.date.source) == (dt.date(2020, 11, 3), "day", "text")


def test_time_stage_what_was_once_done_is_before_the_story_and_undated(code: Code) -> None:
    event = _only(code, "Brazil's president once accused Venezuela of sheltering drug traffickers.", dt.date(2020, 11, 5),
                  "ACCUSE")  # fmt: skip
    assert (event.date.start, event.date.source, event.modality.historical) == (None, "none", True)
