"""The actor gazetteer: countries, organisations, groups and sector words, loaded from data files.

Shipped files live in `annalist/actors/data/` (see its README for their format). A user dictionary
(`--actors FILE`) has the format of `groups.yaml`, plus optional `from`/`to` dates, and adds to or overrides
the shipped entries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from annalist.datafiles import data_path, read_yaml_list, read_yaml_mapping
from annalist.errors import DataError, Errors

NON_STATE_COUNTRIES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
_CODE = re.compile(r"^[A-Z][A-Z0-9_]{1,15}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class Period:
    """What an actor was between two dates (either open): a person's term of office, a dated code."""

    start: dt.date | None
    end: dt.date | None
    country: str | None
    sector: str | None
    office: str | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor the gazetteer knows. `periods`, when given, say what it was when (see `at`)."""

    code: str
    name: str
    country: str | None
    kind: str  # state, organisation, group, person
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    periods: tuple[Period, ...] = ()
    source: str = ""

    def at(self, day: dt.date | None) -> Period | None:
        """The period covering a day; for a day after every period, None (the caller decides: a former
        office holder is ELI); for no day, the latest period."""
        if not self.periods:
            return None
        if day is None:
            return max(self.periods, key=lambda p: p.start or dt.date.min)
        covering = [p for p in self.periods if p.covers(day)]
        return max(covering, key=lambda p: p.start or dt.date.min) if covering else None


@dataclass(frozen=True, slots=True)
class Phrase:
    """A string that names an entry, and how it names it (name, demonym, capital, seat)."""

    text: str
    code: str
    form: str
    match: str = "exact"  # exact (case as written), lower (any case), prefix (any case, last word a prefix)


@dataclass(slots=True)
class SectorLexicon:
    """Head nouns and titles that give an actor its sector."""

    nouns: dict[str, str] = field(default_factory=dict)  # lower-case noun or phrase -> sector
    standalone: dict[str, str] = field(default_factory=dict)  # nouns that name an actor on their own
    titles: dict[str, str] = field(default_factory=dict)  # title as written -> sector
    descriptions: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Gazetteer:
    """Everything the actor stage matches against."""

    entries: dict[str, ActorEntry] = field(default_factory=dict)
    phrases: list[Phrase] = field(default_factory=list)
    blocklist: list[str] = field(default_factory=list)
    sectors: SectorLexicon = field(default_factory=SectorLexicon)
    surnames: dict[str, set[str]] = field(default_factory=dict)  # surname -> codes of people with it

    def add(self, entry: ActorEntry, names: Iterable[tuple[str, str]], *, match: str = "exact") -> None:
        """Add (or replace) an entry and the phrases that name it, as (text, form) pairs.

        match (str): how the phrases match text: exact (case as written), lower (any case), or prefix (any
            case, the last word a prefix: CAMEO dictionaries' "ARGENTIN" matches "Argentine"). A name may
            carry its own as "text|prefix".
        """
        if entry.code in self.entries:
            self.phrases = [p for p in self.phrases if p.code != entry.code]
        self.entries[entry.code] = entry
        seen: set[str] = set()
        for raw, form in names:
            text, _, own = str(raw).partition("|")
            text = " ".join(text.split())
            if text and text not in seen:
                seen.add(text)
                self.phrases.append(Phrase(text=text, code=entry.code, form=form, match=own or match))


def _strings(value: Any, path: Path, line: int, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
        return [str(v) for v in value]
    raise DataError(Errors.E201.format(path=path, line=line, problem=f"'{key}' must be a list of strings"))


def _date(value: Any, path: Path, line: int, key: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        problem = f"'{key}' must be a date YYYY-MM-DD, not {value!r}"
        raise DataError(Errors.E201.format(path=path, line=line, problem=problem)) from error


def _period(item: dict[str, Any], path: Path, line: int) -> tuple[Period, ...]:
    start, end = _date(item.get("from"), path, line, "from"), _date(item.get("to"), path, line, "to")
    if start is None and end is None:
        return ()
    if start and end and end < start:
        raise DataError(Errors.E201.format(path=path, line=line, problem="'to' is before 'from'"))
    return (Period(start, end, item.get("country"), item.get("sector")),)


def _require(item: dict[str, Any], keys: Sequence[str], path: Path, line: int) -> None:
    missing = [key for key in keys if not item.get(key)]
    if missing:
        raise DataError(Errors.E201.format(path=path, line=line, problem=f"missing {', '.join(missing)}"))
    code = str(item["code"])
    if not _CODE.match(code):
        problem = f"code {code!r} must be 2-16 upper-case letters, digits or underscores"
        raise DataError(Errors.E201.format(path=path, line=line, problem=problem))


def _add_countries(gazetteer: Gazetteer, path: Path) -> None:
    for line, item in read_yaml_list(path):
        _require(item, ("code", "name"), path, line)
        entry = ActorEntry(
            code=item["code"], name=item["name"], country=item.get("parent") or item["code"], kind="state",
            source=f"{path.stem}",
        )  # fmt: skip
        names = [(item["name"], "name")]
        for key, form in (("aliases", "name"), ("official", "name"), ("demonyms", "demonym"),
                          ("capitals", "capital"), ("seats", "seat")):  # fmt: skip
            names += [(text, form) for text in _strings(item.get(key), path, line, key)]
        gazetteer.add(entry, names)


def _add_named(gazetteer: Gazetteer, path: Path, kind: str) -> None:
    """Organisations, groups and user dictionaries: entries with a code, a name, aliases and codes."""
    for line, item in read_yaml_list(path):
        _require(item, ("code", "name"), path, line)
        country = item.get("country")
        if country is not None and not (_ISO3.match(str(country)) or country in NON_STATE_COUNTRIES):
            problem = f"country {country!r} must be an ISO 3166-1 alpha-3 code or one of {NON_STATE_COUNTRIES}"
            raise DataError(Errors.E201.format(path=path, line=line, problem=problem))
        entry = ActorEntry(
            code=str(item["code"]),
            name=str(item["name"]),
            country=country,
            kind=str(item.get("kind") or kind),
            sector=item.get("sector"),
            other_sectors=tuple(_strings(item.get("other_sectors"), path, line, "other_sectors")),
            members=tuple(_strings(item.get("members"), path, line, "members")),
            periods=_period(item, path, line),
            source=path.stem,
        )
        names = [(entry.name, "name")] + [
            (a, "name") for a in _strings(item.get("aliases"), path, line, "aliases")
        ]
        gazetteer.add(entry, names)


def _load_sectors(path: Path) -> SectorLexicon:
    lexicon = SectorLexicon()
    for sector, spec in read_yaml_mapping(path).items():
        if not isinstance(spec, dict):
            raise DataError(Errors.E202.format(path=path, problem=f"sector {sector} must be a mapping"))
        lexicon.descriptions[sector] = str(spec.get("description", ""))
        for noun in spec.get("nouns") or []:
            lexicon.nouns[str(noun).lower()] = sector
        for noun in spec.get("standalone") or []:
            if str(noun).lower() not in lexicon.nouns:
                raise DataError(
                    Errors.E202.format(path=path, problem=f"standalone noun {noun!r} is not in {sector}'s nouns")
                )
            lexicon.standalone[str(noun).lower()] = sector
        for title in spec.get("titles") or []:
            lexicon.titles[str(title)] = sector
    return lexicon


def load_gazetteer(user_files: Sequence[Path] = ()) -> Gazetteer:
    """The shipped gazetteer plus user dictionaries, loaded once per process for each set of files (the
    stages that need it share one copy: do not modify it)."""
    stamps = tuple((str(p), p.stat().st_mtime if p.exists() else 0.0) for p in user_files)
    return _cached_gazetteer(stamps)


@lru_cache(maxsize=8)
def _cached_gazetteer(stamps: tuple[tuple[str, float], ...]) -> Gazetteer:
    return read_gazetteer([Path(path) for path, _ in stamps])


def read_gazetteer(user_files: Sequence[Path] = (), *, data_dir: Path | None = None) -> Gazetteer:
    """Load the shipped gazetteer, then the user dictionaries in order (later entries override earlier).

    user_files (Sequence[Path]): user dictionaries (--actors).
    data_dir (Path | None): where the shipped files are; the package's own by default.
    RETURNS (Gazetteer): the loaded gazetteer.
    RAISES DataError: naming the file and line of the first malformed entry.
    """
    folder = data_dir or data_path("actors", "data")
    gazetteer = Gazetteer()
    _add_countries(gazetteer, folder / "countries.yaml")
    for name, kind in (("organisations.yaml", "organisation"), ("groups.yaml", "group")):
        if (folder / name).exists():
            _add_named(gazetteer, folder / name, kind)
    blocklist = folder / "blocklist.yaml"
    if blocklist.exists():
        gazetteer.blocklist = [str(item) for item in _plain_list(blocklist)]
    gazetteer.sectors = _load_sectors(folder / "sectors.yaml")
    from annalist.actors.people import add_people

    for table in sorted(folder.glob("leaders*.tsv")) + sorted(folder.glob("people*.tsv")):
        add_people(gazetteer, table)
    for path in user_files:
        if not path.exists():
            raise DataError(Errors.E202.format(path=path, problem="no such file"))
        if path.suffix.lower() in (".yaml", ".yml"):
            _add_named(gazetteer, path, "group")
        elif path.suffix.lower() == ".tsv":
            add_people(gazetteer, path)
        else:
            from annalist.actors.cameo_dictionary import add_cameo_dictionary

            add_cameo_dictionary(gazetteer, path)
    return gazetteer


def _plain_list(path: Path) -> list[Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as error:
        raise DataError(Errors.E202.format(path=path, problem=f"not YAML ({error})")) from error
    if not isinstance(data, list):
        raise DataError(Errors.E202.format(path=path, problem="expected a list of phrases"))
    return data
