"""Resolving one date expression ("in 2010", "September 17", "last year", "on Wednesday") to a date span.

Only expressions are parsed, never whole texts; anything relative needs the publication date and is left
unresolved without one. A month and day with no year take the year that puts them on or just before the
publication date, as news reports do.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import dateparser

from annalist.model import EventDate

HISTORICAL_GAP = dt.timedelta(days=31)  # an event ending this long before publication is historical

_LEAD = re.compile(r"^(?:in|on|at|since|during|by|from|until|of|early|late|mid|the|this|that)\s+", re.IGNORECASE)
_YEAR = re.compile(r"^((?:19|20)\d{2})$")
_DECADE = re.compile(r"^((?:19|20)\d)0s$")
_YEARS = re.compile(
    r"^(?:between\s+|from\s+)?((?:19|20)\d{2})\s*(?:and|to|-|–|until)\s*((?:19|20)\d{2})$", re.IGNORECASE
)
_YEAR_IN = re.compile(r"\b((?:19|20)\d{2})\b")
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_WORD = r"(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH_YEAR = re.compile(rf"^{_MONTH_WORD},?\s+((?:19|20)\d{{2}})$", re.IGNORECASE)
_MONTH_DAY = re.compile(
    rf"^{_MONTH_WORD}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d{{2}}))?$", re.IGNORECASE
)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_WORD}(?:,?\s+((?:19|20)\d{{2}}))?$",
                        re.IGNORECASE)  # fmt: skip
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_RELATIVE = {
    "today": (0, "day"), "yesterday": (-1, "day"), "tomorrow": (1, "day"),
    "last year": (-1, "year"), "this year": (0, "year"), "next year": (1, "year"),
    "last month": (-1, "month"), "this month": (0, "month"), "next month": (1, "month"),
}  # fmt: skip
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SHIFT = re.compile(r"^(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(day|days|week|weeks)\s+"
                    r"(earlier|later|before|after|previously)$", re.IGNORECASE)  # fmt: skip
_SAME = re.compile(r"^(?:on\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?day|(?:earlier|later)\s+(?:in\s+the|that)\s+day)$",
                   re.IGNORECASE)  # fmt: skip
_NEXT = re.compile(r"^the\s+(?:(next|following|previous|preceding)\s+day|day\s+(before|after))$", re.IGNORECASE)
_PART_OF = re.compile(r"^(earlier|later)\s+(?:this|in\s+the)\s+(year|month)$", re.IGNORECASE)
_PAST_FEW = re.compile(r"^(?:in\s+)?(?:the\s+)?(?:last|past)\s+(?:few|several|couple\s+of)\s+(days|weeks|months)$",
                       re.IGNORECASE)  # fmt: skip
FEW_DAYS = {"days": 7, "weeks": 42, "months": 183}  # how far back "the last few ..." reaches, at most
_PAST_TWELVE = re.compile(r"^(?:the\s+)?(?:last|past)\s+(?:year|12 months)(?:\s+alone)?$", re.IGNORECASE)


def _span(start: dt.date, end: dt.date, precision: str, text: str) -> EventDate:
    return EventDate(start=start, end=end, precision=precision, source="text", text=text)


def _year(year: int, text: str) -> EventDate:
    return _span(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", text)


def _month(year: int, month: int, text: str) -> EventDate:
    last = calendar.monthrange(year, month)[1]
    return _span(dt.date(year, month, 1), dt.date(year, month, last), "month", text)


def _day(year: int | None, month: int, day: int, text: str, published: dt.date | None) -> EventDate | None:
    if year is None:
        if published is None:
            return None  # a month and day without a year or a publication date: never guess the year
        year = published.year
        try:
            if dt.date(year, month, day) > published + dt.timedelta(days=7):
                year -= 1
        except ValueError:
            return None
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return _span(date, date, "day", text)


def _shift_months(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def day_shift(text: str) -> int | None:
    """The days an expression counts from the day the story last named: "a day earlier" -1, "two days later"
    +2, "the next day" +1, "a week earlier" -7, "the same day" 0; None for any other expression."""
    expression = " ".join(text.split()).strip(" ,.")
    if match := _SHIFT.match(expression):
        count = _NUMBERS.get(match.group(1).lower()) or int(match.group(1))
        days = count * (7 if match.group(2).lower().startswith("week") else 1)
        return -days if match.group(3).lower() in ("earlier", "before", "previously") else days
    if _SAME.match(expression):
        return 0
    if match := _NEXT.match(expression):
        word = (match.group(1) or match.group(2)).lower()
        return -1 if word in ("previous", "preceding", "before") else 1
    return None


def _week(expression: str, text: str, published: dt.date) -> EventDate | None:
    """ "this week": its Monday to the publication date; "last week": the Monday to Sunday before."""
    monday = published - dt.timedelta(days=published.weekday())
    if expression == "this week":
        return EventDate(start=monday, end=published, precision="range", source="text", text=text)
    if expression in ("last week", "the past week"):
        start = monday - dt.timedelta(days=7)
        return EventDate(
            start=start, end=start + dt.timedelta(days=6), precision="range", source="text", text=text
        )
    return None


def _relative(expression: str, text: str, published: dt.date) -> EventDate | None:
    lowered = expression.lower()
    if week := _week(lowered, text, published):
        return week
    if lowered in _RELATIVE:
        amount, unit = _RELATIVE[lowered]
        if unit == "day":
            date = published + dt.timedelta(days=amount)
            return _span(date, date, "day", text)
        if unit == "month":
            return _month(*_shift_months(published, amount), text)
        return _year(published.year + amount, text)
    if part := _PART_OF.match(expression):  # "earlier this year": from the year's start to the story's day
        whole = _year(published.year, text) if part.group(2).lower() == "year" else _month(
            published.year, published.month, text)  # fmt: skip
        earlier = part.group(1).lower() == "earlier"
        return EventDate(start=whole.start if earlier else published, end=published if earlier else whole.end,
                         precision="range", source="text", text=text)  # fmt: skip
    if few := _PAST_FEW.match(expression):  # "in the last few weeks": a range up to the story's day
        start = published - dt.timedelta(days=FEW_DAYS[few.group(1).lower()])
        return EventDate(start=start, end=published, precision="range", source="text", text=text)
    if _PAST_TWELVE.match(expression):
        return EventDate(start=published - dt.timedelta(days=365), end=published, precision="range", source="text",
                         text=text)  # fmt: skip
    weekday = lowered.removeprefix("last ").removeprefix("on ")
    if weekday in _WEEKDAYS:
        back = (published.weekday() - _WEEKDAYS[weekday]) % 7
        date = published - dt.timedelta(days=back)
        return _span(date, date, "day", text)
    return None


def resolve_expression(text: str, published: dt.date | None) -> EventDate | None:
    """Resolve a date expression to the span of days it names.

    text (str): the expression, e.g. "2010", "September 17", "last year".
    published (dt.date | None): the publication date, the base for relative expressions.
    RETURNS (EventDate | None): the date with precision and source "text", or None if it names no date.
    """
    expression = re.sub(r"['’]s$", "", " ".join(text.split()).strip(" ,."))  # "last month's amnesty"
    while (stripped := _LEAD.sub("", expression)) != expression:
        expression = stripped
    if match := _YEAR.match(expression):
        return _year(int(match.group(1)), text)
    if (match := _YEARS.match(expression)) and int(match.group(1)) < int(match.group(2)):
        first, last = int(match.group(1)), int(match.group(2))
        return EventDate(dt.date(first, 1, 1), dt.date(last, 12, 31), "range", "text", text)
    if match := _DECADE.match(expression):
        start = int(match.group(1)) * 10
        return EventDate(dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "range", "text", text)
    if match := _MONTH_YEAR.match(expression):
        return _month(int(match.group(2)), _MONTHS[match.group(1).lower()], text)
    if match := _MONTH_DAY.match(expression):
        year = int(match.group(3)) if match.group(3) else None
        return _day(year, _MONTHS[match.group(1).lower()], int(match.group(2)), text, published)
    if match := _DAY_MONTH.match(expression):
        year = int(match.group(3)) if match.group(3) else None
        return _day(year, _MONTHS[match.group(2).lower()], int(match.group(1)), text, published)
    if published is not None and (relative := _relative(text.strip(), text, published)):
        return relative
    if published is not None and (relative := _relative(expression, text, published)):
        return relative
    if published is None and not _YEAR_IN.search(expression):
        return None
    return _parse_other(expression, text, published)


def _parse_other(expression: str, text: str, published: dt.date | None) -> EventDate | None:
    """Anything else dateparser understands, at the precision the expression states."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    parsed: dt.datetime | None = dateparser.parse(expression, languages=["en"], settings=settings)
    if parsed is None:
        return None
    date = parsed.date()
    has_day = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", expression) and not _YEAR.match(expression)
    has_month = re.search(_MONTH_WORD, expression, re.IGNORECASE)
    if has_day or "day" in expression.lower() or "ago" in expression.lower():
        return _span(date, date, "day", text)
    if has_month:
        return _month(date.year, date.month, text)
    if _YEAR_IN.search(expression) or "year" in expression.lower():
        return _year(date.year, text)
    return None
