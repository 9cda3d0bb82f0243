"""The publication date of an article: from its record, the --published option, its dateline plus a year
known from the URL, or its URL. Never from the clock: with none of these, the date is None."""

from __future__ import annotations

import datetime as dt
import re

import dateparser

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})/")
_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_published(value: object) -> dt.date:
    """Read a record's publication date: a date, a datetime, an ISO string or a written date.

    value (object): the record's value.
    RETURNS (dt.date): the date.
    RAISES ValueError: when the value holds no complete date (day, month and year).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if iso := _ISO.match(text):
        return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    parsed: dt.datetime | None = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise ValueError("not a complete date")
    return parsed.date()


def date_from_url(url: str | None) -> dt.date | None:
    """A publication date written in a URL (/2019/09/17/, 2019-09-17, 20190917), if one is there."""
    if not url:
        return None
    for match in _URL_DAY.finditer(url):
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
    return None


def year_from_url(url: str | None) -> int | None:
    """A year written as its own path segment of a URL (/2019/), if one is there."""
    match = _URL_YEAR.search(url or "")
    return int(match.group(1)) if match else None


def date_from_dateline(date_text: str | None, year: int | None) -> dt.date | None:
    """The date of a dateline ("September 17") completed with a known year, or its own year if it has one."""
    if not date_text or not re.search(r"\d", date_text):
        return None  # "Tuesday" names no date
    has_year = re.search(r"\b(19|20)\d{2}\b", date_text) is not None
    if not has_year and year is None:
        return None  # a month and day alone are not a date: never guess the year
    text = date_text if has_year else f"{date_text} {year}"
    parsed: dt.datetime | None = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


DATELINE_WINDOW = dt.timedelta(days=7)  # a dateline names the day a story was filed, days at most before it ran


def dateline_day(date_text: str | None, published: dt.date | None) -> dt.date | None:
    """The day a dateline names ("Washington, March 3 --"), its year taken from the publication date (the year
    before, for a December dateline on a story run in January); None when it names no day, or one that is not
    within a week before publication, which is then a misreading rather than the day the story was filed."""
    if published is None:
        return None
    day = date_from_dateline(date_text, published.year)
    if day is not None and day > published:
        day = date_from_dateline(date_text, published.year - 1)
    return day if day is not None and published - DATELINE_WINDOW <= day <= published else None


def resolve_published(
    *,
    record_value: object,
    option: dt.date | None,
    dateline_date: str | None,
    url: str | None,
) -> tuple[dt.date | None, str | None]:
    """Choose an article's publication date and say where it came from.

    record_value (object): the record's own `published` value, or None. Must be valid if given.
    option (dt.date | None): the --published option.
    dateline_date (str | None): the dateline's date text.
    url (str | None): the article's URL.
    RETURNS (tuple): the date (or None) and its source: "record", "option", "dateline", "url" (or None).
    RAISES ValueError: when the record's own value is not a date.
    """
    if record_value not in (None, ""):
        return parse_published(record_value), "record"
    if option is not None:
        return option, "option"
    url_date = date_from_url(url)
    year = url_date.year if url_date else year_from_url(url)
    if (from_dateline := date_from_dateline(dateline_date, year)) is not None:
        return from_dateline, "dateline"
    if url_date is not None:
        return url_date, "url"
    return None, None
