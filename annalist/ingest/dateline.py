"""Datelines: the place, date and outlet a wire story opens with ("Quito, September 17 (RHC)--").

The dateline is kept as metadata and hidden from the parser, which otherwise reads "RHC)-- Ecuador's" as an
organisation. It is recognised only where it has the shape of one: a place, then a date or an outlet in
parentheses or an all-capitals place, then a dash.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from annalist.ingest.published import dateline_day
from annalist.model import Dateline

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE = rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?|{_WEEKDAY}"
_PLACE = r"[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,3}(?:,\s+[A-Z][A-Za-z.'’\-]*(?:\s+[A-Z][A-Za-z.'’\-]*){0,2})?"
_OUTLET = r"\(([A-Za-z][A-Za-z0-9 .&'/-]{0,40})\)"
_DASH = r"\s*(?:-{1,2}|—|–|:)\s*"

_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}?)(?:,?\s+(?P<date>{_DATE}))?\s*(?:{_OUTLET})?{_DASH}",
)


def find_dateline(text: str) -> Dateline | None:
    """Recognise a dateline at the start of an article's text.

    text (str): the article text.
    RETURNS (Dateline | None): the dateline, with `end` the offset where the story proper begins.
    """
    match = _DATELINE.match(text[:200])
    if not match:
        return None
    place, date_text, outlet = match.group("place"), match.group("date"), match.group(3)
    upper_place = bool(place) and place.replace(",", "").replace(" ", "").replace(".", "").isupper()
    if not (date_text or outlet or upper_place):
        return None  # "Ecuador - the country..." is prose, not a dateline
    if not place and not outlet:
        return None
    return Dateline(
        text=match.group(0).strip(),
        place=_title_case(place) if place else None,
        date_text=date_text,
        outlet=outlet,
        end=match.end(),
    )


def _title_case(place: str) -> str:
    """'UNITED NATIONS' -> 'United Nations'; mixed-case names are kept as written."""
    place = place.strip().rstrip(",")
    return place.title() if place.isupper() else place


def with_day(dateline: Dateline | None, published: dt.date | None) -> Dateline | None:
    """The dateline with the day it names resolved against the publication date (see `dateline_day`)."""
    if dateline is None:
        return None
    return dataclasses.replace(dateline, date=dateline_day(dateline.date_text, published))
