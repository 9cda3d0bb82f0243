from __future__ import annotations

import datetime as dt

import pytest

from annalist.time.expressions import day_shift, resolve_expression

PUBLISHED = dt.date(2019, 9, 17)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("2010", "2010-01-01", "2010-12-31", "year"),
        ("in 2014", "2014-01-01", "2014-12-31", "year"),
        ("the 1990s", "1990-01-01", "1999-12-31", "range"),
        ("March 2019", "2019-03-01", "2019-03-31", "month"),
        ("September 17", "2019-09-17", "2019-09-17", "day"),
        ("17 September 2018", "2018-09-17", "2018-09-17", "day"),
        ("December 30", "2018-12-30", "2018-12-30", "day"),
        ("Wednesday", "2019-09-11", "2019-09-11", "day"),
        ("on Tuesday", "2019-09-17", "2019-09-17", "day"),
        ("yesterday", "2019-09-16", "2019-09-16", "day"),
        ("last year", "2018-01-01", "2018-12-31", "year"),
        ("last month", "2019-08-01", "2019-08-31", "month"),
        ("the last year alone", "2018-09-17", "2019-09-17", "range"),
        ("this week", "2019-09-16", "2019-09-17", "range"),
        ("between 1997 and 2003", "1997-01-01", "2003-12-31", "range"),
        ("from 2010 to 2014", "2010-01-01", "2014-12-31", "range"),
        ("last week", "2019-09-09", "2019-09-15", "range"),
        ("last month's", "2019-08-01", "2019-08-31", "month"),
        ("earlier this year", "2019-01-01", "2019-09-17", "range"),
        ("later this month", "2019-09-17", "2019-09-30", "range"),
        ("in the last few weeks", "2019-08-06", "2019-09-17", "range"),
    ],
)
def test_expressions_resolve(text: str, start: str, end: str, precision: str) -> None:
    date = resolve_expression(text, PUBLISHED)
    assert date is not None
    assert (date.start.isoformat(), date.end.isoformat(), date.precision, date.source) == (  # type: ignore[union-attr]
        start, end, precision, "text")  # fmt: skip


@pytest.mark.parametrize("text", ["September 17", "Wednesday", "last year", "yesterday"])
def test_expressions_relative_need_a_publication_date(text: str) -> None:
    assert resolve_expression(text, None) is None


def test_expressions_absolute_need_none() -> None:
    date = resolve_expression("in 2010", None)
    assert date is not None and date.precision == "year"


@pytest.mark.parametrize("text", ["50-day", "decades", "the time", "a long period"])
def test_expressions_that_name_no_date(text: str) -> None:
    assert resolve_expression(text, PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [("A day earlier", -1), ("two days later", 2), ("the next day", 1), ("The following day", 1),
     ("the day before", -1), ("a week later", 7), ("three weeks earlier", -21), ("last week", None),
     ("Tuesday", None), ("On the same day", 0), ("earlier in the day", 0)],
)  # fmt: skip
def test_expressions_day_shift_counts_from_the_storys_day(text: str, days: int | None) -> None:
    assert day_shift(text) == days
