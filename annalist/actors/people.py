"""People: the shipped tables of leaders (heads of state and government, foreign and defence ministers) and
other people in the news, loaded as gazetteer entries whose periods are their terms of office.

A person's code depends on the date: Rafael Correa is ECU GOV from 2007-01-15 to 2017-05-24 and a former
leader (ELI) after; `annalist_actor_context_v1` applies the period of each event's own date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

from annalist.actors.gazetteer import ActorEntry, Gazetteer, Period
from annalist.datafiles import read_tsv
from annalist.errors import DataError, Errors

COLUMNS = ("name", "aliases", "country", "office", "sector", "start", "end")
_SLUG = re.compile(r"[^A-Z0-9]+")


def person_code(name: str) -> str:
    """A person's code from their name: "Lenín Moreno" -> "LENIN_MORENO"."""
    return _SLUG.sub("_", strip_accents(name).upper()).strip("_")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


FAMILY_NAME_FIRST = frozenset(("CHN", "PRK", "KHM"))  # "Xi Jinping", "Kim Jong Un", "Hun Sen"
# Family name first when written in that order ("Moon Jae-in", "Tsai Ing-wen"), last in Western order
# ("William Lai", "Lawrence Wong").
FAMILY_NAME_FIRST_IF_EASTERN = frozenset(("KOR", "TWN", "HKG", "MAC", "SGP"))
_SUFFIX = re.compile(r"^(?:[IVX]+|Jr\.?|Sr\.?)$")


def surname(name: str, country: str | None = None) -> str | None:
    """The name a news story uses alone for a person: the family name ("Lenín Moreno" -> "Moreno",
    "Xi Jinping" -> "Xi", "Ferdinand Marcos Jr." -> "Marcos"), or None where there is none ("Elizabeth II")."""
    words = name.split()
    while words and _SUFFIX.match(words[-1]):
        words = words[:-1]
    if len(words) < 2:
        return None
    eastern = len(words) >= 3 or "-" in words[-1]
    if country in FAMILY_NAME_FIRST or (country in FAMILY_NAME_FIRST_IF_EASTERN and eastern):
        return words[0]
    return words[-1]


def _day(value: str, path: Path, line: int) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise DataError(Errors.E201.format(path=path, line=line, problem=f"bad date {value!r}")) from error


def add_people(gazetteer: Gazetteer, path: Path) -> None:
    """Add a people table (leaders_*.tsv, people.tsv) to the gazetteer: one entry per person, one period
    per row. RAISES DataError naming the file and line of a malformed row."""
    rows = read_tsv(path)
    people: dict[str, tuple[str, set[str], list[Period]]] = {}
    for line, row in rows:
        missing = [c for c in COLUMNS if c not in row]
        if missing:
            raise DataError(Errors.E201.format(path=path, line=line, problem=f"missing column {missing[0]}"))
        if not row["name"] or not re.fullmatch(r"[A-Z]{3}", row["country"]):
            raise DataError(Errors.E201.format(path=path, line=line, problem="needs a name and an ISO3 country"))
        start, end = _day(row["start"], path, line), _day(row["end"], path, line)
        if start and end and end < start:
            raise DataError(Errors.E201.format(path=path, line=line, problem="end is before start"))
        code = person_code(row["name"])
        name, aliases, periods = people.setdefault(code, (row["name"], set(), []))
        aliases.update(a.strip() for a in row["aliases"].split("|") if a.strip())
        periods.append(Period(start, end, row["country"], row["sector"] or None, row["office"] or None))
    for code, (name, aliases, periods) in people.items():
        known = gazetteer.entries.get(code)
        if known is not None and known.kind == "person":  # the same person in another table: one entry
            periods = [*known.periods, *periods]
            aliases = aliases | {p.text for p in gazetteer.phrases if p.code == code}
            name = known.name
        latest = max(periods, key=lambda p: p.start or dt.date.min)
        entry = ActorEntry(code=code, name=name, country=latest.country, kind="person", sector=None,
                           periods=tuple(sorted(periods, key=lambda p: p.start or dt.date.min)),
                           source=path.stem)  # fmt: skip
        forms = {name, *aliases, strip_accents(name)}
        gazetteer.add(entry, [(text, "person") for text in sorted(forms)])
        for text in forms:
            if family := surname(text, entry.country):
                gazetteer.surnames.setdefault(family, set()).add(code)
