from __future__ import annotations

import datetime as dt

import pytest

from annalist.ingest.published import (
    date_from_dateline,
    date_from_url,
    dateline_day,
    parse_published,
    resolve_published,
)


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://x.org/2019/09/17/story", dt.date(2019, 9, 17)),
        ("https://x.org/news/2020-02-25-talks", dt.date(2020, 2, 25)),
        ("https://x.org/a/20210304/story", dt.date(2021, 3, 4)),
        ("https://x.org/noticias/202276-israel", None),
        ("https://x.org/2019/story", None),
    ],
)
def test_published_from_url(url: str, date: dt.date | None) -> None:
    assert date_from_url(url) == date


def test_published_record_wins_then_option_then_dateline_then_url() -> None:
    url = "https://x.org/2019/09/10/story"
    assert resolve_published(record_value="2019-09-12", option=dt.date(2019, 9, 1), dateline_date="September 17",
                             url=url) == (dt.date(2019, 9, 12), "record")  # fmt: skip
    assert resolve_published(record_value=None, option=dt.date(2019, 9, 1), dateline_date="September 17",
                             url=url) == (dt.date(2019, 9, 1), "option")  # fmt: skip
    assert resolve_published(record_value=None, option=None, dateline_date="September 17",
                             url=url) == (dt.date(2019, 9, 17), "dateline")  # fmt: skip
    assert resolve_published(record_value=None, option=None, dateline_date=None, url=url) == (
        dt.date(2019, 9, 10), "url")  # fmt: skip


def test_published_dateline_without_a_known_year_is_not_a_date() -> None:
    """Never guess the current year: 'September 17' alone dates nothing."""
    assert date_from_dateline("September 17", None) is None
    assert resolve_published(record_value=None, option=None, dateline_date="September 17",
                             url="https://x.org/noticias/202276-story") == (None, None)  # fmt: skip


def test_published_dateline_year_from_url_path() -> None:
    assert date_from_dateline("September 17", 2019) == dt.date(2019, 9, 17)
    assert resolve_published(record_value=None, option=None, dateline_date="Sept. 17",
                             url="https://x.org/2019/world/story") == (dt.date(2019, 9, 17), "dateline")  # fmt: skip


@pytest.mark.parametrize(
    ("value", "date"),
    [("2020-02-25", dt.date(2020, 2, 25)), ("2020-02-25T05:02:14+00:00", dt.date(2020, 2, 25)),
     ("25 February 2020", dt.date(2020, 2, 25)), (dt.datetime(2020, 2, 25, 5, 2), dt.date(2020, 2, 25))],
)  # fmt: skip
def test_published_record_values(value: object, date: dt.date) -> None:
    assert parse_published(value) == date


@pytest.mark.parametrize("value", ["February 2020", "soon", "2020"])
def test_published_incomplete_record_value_is_an_error(value: str) -> None:
    with pytest.raises(ValueError):
        parse_published(value)


@pytest.mark.parametrize(
    ("date_text", "published", "day"),
    [
        ("September 16", dt.date(2019, 9, 17), dt.date(2019, 9, 16)),
        ("Dec. 30", dt.date(2020, 1, 2), dt.date(2019, 12, 30)),  # filed before New Year, run after
        ("March 3", dt.date(2019, 9, 17), None),  # months before it ran: a misreading, not the filing day
        ("September 18", dt.date(2019, 9, 17), None),  # after it ran in any year within reach
        ("Tuesday", dt.date(2019, 9, 17), None),
        ("September 16", None, None),
    ],
)
def test_dateline_day_is_the_filing_day_within_a_week_before_publication(
    date_text: str, published: dt.date | None, day: dt.date | None
) -> None:
    assert dateline_day(date_text, published) == day
