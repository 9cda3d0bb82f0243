"""The one data model every stage shares.

An `Article` comes out of ingest. The pipeline parses it into a spaCy `Doc` and each stage adds to that Doc
(`doc._.entities`, `doc._.events`). `CodedArticle` is what comes out the other end: the article, its
sentences, its entities and its events, as plain dataclasses that pickle, store and export.

Character offsets (`start`, `end`) always index into `Article.text`, the text that is stored, so
`article.text[event.start:event.end]` is the event's sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# PLOVER 2.0 event types, in the manual's order.
EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

# Entity kinds.
KINDS: tuple[str, ...] = ("state", "person", "organisation", "group")

# How precise a date is, and where it came from.
DATE_PRECISIONS: tuple[str, ...] = ("day", "month", "year", "range")
DATE_SOURCES: tuple[str, ...] = ("text", "context", "office-term", "dateline", "publication", "none")

# How precise a location is.
PLACE_PRECISIONS: tuple[str, ...] = ("site", "city", "admin1", "country")


@dataclass(slots=True)
class Dateline:
    """The dateline that opened an article ("Quito, September 17 (RHC)--"), kept as metadata."""

    text: str
    place: str | None
    date_text: str | None
    outlet: str | None
    end: int  # offset in Article.text where the story proper begins
    start: int = 0  # offset in Article.text where the dateline begins (after the headline, if any)
    date: dt.date | None = None  # the day it names, its year completed from the publication date (ingest)


@dataclass(slots=True)
class Article:
    """One news article as ingest read it."""

    id: str  # hash of the normalised story text and URL: the same input always gets the same id
    text: str  # the headline (if any), a blank line, then the story
    title: str | None = None
    body_start: int = 0  # offset in `text` where the story begins after the headline
    url: str | None = None
    source: str | None = None  # outlet
    published: dt.date | None = None
    published_source: str | None = None  # record, option, dateline, url
    dateline: Dateline | None = None
    key: str | None = (
        None  # stable identity across versions (URL, record id or path): a changed article replaces the old
    )
    origin: str = ""  # file (and line) it was read from


@dataclass(slots=True)
class Sentence:
    """A sentence of an article, by character offsets into `Article.text`."""

    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A political actor mentioned in the text, resolved to codes."""

    text: str
    start: int
    end: int
    sentence: int
    name: str  # canonical name ("Ecuador", "International Monetary Fund", "Oswaldo Jarrin")
    code: str  # identifier code: ISO3 for states, the organisation's or group's own code, a person's slug
    country: str | None  # PLOVER country: ISO 3166-1 alpha-3, or IGO, UNO, EUR, NGO, ISM, IMG, MNC
    sector: str | None = None  # GOV, MIL, COP, REB, ...
    kind: str = "state"  # one of KINDS
    source: str = ""  # which data or rule resolved it, e.g. "gazetteer:countries/demonym"
    office: str | None = None
    term_start: dt.date | None = None
    term_end: dt.date | None = None

    @property
    def label(self) -> str:
        """A short human label: 'ECU MIL' for a state, 'IMF' for an organisation, 'Lenin Moreno (ECU GOV)'."""
        if self.kind == "state":
            head = self.country or self.code
        elif self.kind == "person":
            head = self.country or ""
        else:
            head = self.code
        parts = " ".join(part for part in (head, self.sector if self.sector != head else None) if part)
        return f"{self.name} ({parts})" if self.kind == "person" else parts


@dataclass(slots=True)
class EventDate:
    """When an event happened, with how precisely and from what that is known."""

    start: dt.date | None = None
    end: dt.date | None = None  # last day covered: equal to start for day precision
    precision: str | None = None  # one of DATE_PRECISIONS, None when unknown
    source: str = "none"  # one of DATE_SOURCES
    text: str | None = None  # the expression it came from ("in 2010")


@dataclass(slots=True)
class Modality:
    """Whether and how the event happened, as the text reports it."""

    historical: bool = False
    future: bool = False
    hypothetical: bool = False
    negated: bool = False
    reported: bool = False
    speaker: str | None = None  # the entity label of who said it, when reported
    unattributed: bool = False  # "many analysts have said"

    @property
    def flags(self) -> list[str]:
        """The names of the flags that are set, in a fixed order."""
        names = ("historical", "future", "hypothetical", "negated", "reported", "unattributed")
        return [name for name in names if getattr(self, name)]


@dataclass(slots=True)
class Size:
    """Numbers the text gives about the event."""

    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    money: float | None = None
    currency: str | None = None


@dataclass(slots=True)
class Location:
    """Where the event happened. A country-level location has no coordinates pretending to be a point."""

    text: str
    name: str | None = None
    country: str | None = None
    precision: str | None = None  # one of PLACE_PRECISIONS
    source: str = "clause"  # clause, sentence, dateline
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    feature: str | None = None


@dataclass(slots=True)
class Event:
    """One PLOVER event as one article reports it."""

    id: str
    article_id: str
    event: str  # one of EVENT_TYPES
    mode: str | None
    context: list[str]
    actor: list[Entity]
    recipient: list[Entity]
    sentence: int
    text: str  # the sentence
    start: int  # sentence offsets into Article.text
    end: int
    trigger: str  # the words that signal the event
    trigger_start: int
    trigger_end: int
    quad_class: int  # 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
    intensity: float  # PLOVER conflict-cooperation score, -10 to +10
    cameo: str | None
    confidence: float
    produced_by: str  # "pattern:<id>" or "model:<name>"
    explanation: str
    date: EventDate = field(default_factory=EventDate)
    modality: Modality = field(default_factory=Modality)
    size: Size = field(default_factory=Size)
    location: Location | None = None


@dataclass(slots=True)
class CodedArticle:
    """An article with everything the pipeline found in it."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity]
    events: list[Event]
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, for `annalist bench`
