"""Gold standards, read into one shape: sentences with the events a human coded in them.

Readers for the public sets (PLOVER gold records, PETRARCH unit tests, ConfliBERT CAMEO test) and for
Annalist's own JSONL gold format (datasets/README.md). Gold sets are for measuring only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from annalist.datafiles import data_path, read_tsv
from annalist.errors import DataError, Errors
from annalist.events.plover import load_plover_tables
from annalist.model import EVENT_TYPES

NO_EVENT = "NONE"
QUAD_NAMES = {0: "STATEMENT/APPEAL", 1: "VERBAL COOP", 2: "MATERIAL COOP", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}  # fmt: skip


@dataclass(slots=True)
class GoldActor:
    country: str | None
    sector: str | None = None


@dataclass(slots=True)
class GoldEvent:
    event: str
    mode: str | None = None
    actor: list[GoldActor] = field(default_factory=list)
    recipient: list[GoldActor] = field(default_factory=list)
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: str | None = None
    date_end: str | None = None
    undated: bool = False  # `"date": null`: the event has no date at all (neither the text's nor the story's day)
    flags: list[str] = field(default_factory=list)
    location: dict[str, Any] | None = None
    undirected: bool = False  # the actors are marked source-or-target: either role is right


@dataclass(slots=True)
class GoldRecord:
    id: str
    text: str
    published: dt.date | None
    events: list[GoldEvent]
    quad: int | None = None  # sets that give only a quad class (ConfliBERT)
    anchors: list[tuple[int, int]] = field(default_factory=list)  # the words marked as the event (PLOVER)


@lru_cache(maxsize=1)
def legacy_codes() -> dict[str, str]:
    """Old country codes of gold sets mapped to today's ISO3 (evaluation/data/legacy_country_codes.tsv)."""
    return {
        row["code"]: row["iso3"]
        for _, row in read_tsv(data_path("evaluation", "data", "legacy_country_codes.tsv"))
    }


def _country(code: Any) -> str | None:
    if not code:
        return None
    text = str(code)[:3].upper()
    return legacy_codes().get(text, text)


def _actors(items: Any) -> list[GoldActor]:
    actors = []
    for item in items or []:
        sector = item.get("sector")
        actors.append(GoldActor(country=_country(item.get("country") or item.get("code")),
                                sector=str(sector)[:3].upper() if sector and sector != "***" else None))  # fmt: skip
    return actors


def _cameo_actor(code: Any) -> list[GoldActor]:
    """A CAMEO actor code ("RHNGOV") as country and sector; "---" and empty codes name no actor."""
    text = str(code or "").strip().upper()
    if len(text) < 3 or not text[:3].isalpha():
        return []
    return [GoldActor(country=_country(text), sector=text[3:6] or None)]


def _lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    if not path.exists():
        raise DataError(Errors.E202.format(path=path, problem="no such file"))
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as error:
                raise DataError(Errors.E201.format(path=path, line=number, problem=error.msg)) from error


MARKUP_TAG = re.compile(r"\(([A-Z/]+): ?")


def marked_spans(markup: str, text: str, tag: str = "EVT") -> list[tuple[int, int]]:
    """Character spans in `text` of the words a PLOVER markup string tags `tag` ("(EVT: agreed) to ...").

    The markup is the sentence with tags inserted, but its wording can differ slightly from the record's text
    (a typo fixed in one, a bracket moved), so the tagged spans are carried over by aligning the two strings;
    a span with no aligned character is left out.
    """
    plain: list[str] = []
    open_tags: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(markup):
        found = MARKUP_TAG.match(markup, i)
        if found:
            open_tags.append((found.group(1), len(plain)))
            i = found.end()
            continue
        if markup[i] == ")" and open_tags:
            name, start = open_tags.pop()
            if name == tag and len(plain) > start:
                spans.append((start, len(plain)))
        else:
            plain.append(markup[i])
        i += 1
    to_text: dict[int, int] = {}
    for block in SequenceMatcher(None, "".join(plain), text, autojunk=False).get_matching_blocks():
        to_text.update({block.a + k: block.b + k for k in range(block.size)})
    mapped = []
    for start, end in spans:
        inside = [to_text[k] for k in range(start, end) if k in to_text]
        if inside:
            mapped.append((min(inside), max(inside) + 1))
    return mapped


def read_plover_gold(path: Path) -> list[GoldRecord]:
    """PLOVER gold standard records: one sentence, one event type (2021 names), actors with codes.

    Where the markup tags the participants "SRC/TAR" and names no target, the annotator left the direction
    open (two sides that meet, agree or sign): the event is undirected. The words the markup tags "EVT" are
    the record's anchors: where its one event is told.
    """
    records = []
    for _, row in _lines(path):
        event, markup = row.get("event_plover_2021_mapped"), str(row.get("markup") or "")
        events = []
        if event in EVENT_TYPES:
            undirected = "SRC/TAR" in markup and not row.get("target")
            events.append(GoldEvent(event=event, mode=row.get("mode"), actor=_actors(row.get("source")),
                                    recipient=_actors(row.get("target")), undirected=undirected))  # fmt: skip
        records.append(GoldRecord(id=row["id"], text=row["text"], published=None, events=events,
                                  anchors=marked_spans(markup, row["text"])))  # fmt: skip
    return records


def read_petrarch_gold(path: Path) -> list[GoldRecord]:
    """PETRARCH unit tests: CAMEO codes mapped to PLOVER by the crosswalk; 01/02 (statements, appeals) are
    dropped by PLOVER and so count as no event."""
    tables = load_plover_tables()
    records = []
    for _, row in _lines(path):
        events = []
        for gold in row.get("gold_events") or []:
            mapping = tables.to_plover(str(gold.get("eventcode", "")))
            if mapping is None:
                continue
            events.append(GoldEvent(event=mapping.event, mode=mapping.mode, actor=_cameo_actor(gold.get("sourcecode")),
                                    recipient=_cameo_actor(gold.get("targetcode"))))  # fmt: skip
        date = str(row.get("date") or "")
        published = dt.date(int(date[:4]), int(date[4:6]), int(date[6:8])) if len(date) == 8 else None
        records.append(GoldRecord(id=row["id"], text=row["text"], published=published, events=events))
    return records


def read_conflibert_gold(path: Path) -> list[GoldRecord]:
    """ConfliBERT CAMEO test: five classes (0 statement/appeal, 1-4 the quad classes)."""
    return [GoldRecord(id=row["id"], text=row["text"], published=None, events=[], quad=int(row["pentaclass"]))
            for _, row in _lines(path)]  # fmt: skip


def read_team_gold(path: Path) -> list[GoldRecord]:
    """Annalist's own gold format (datasets/README.md). RAISES DataError naming a malformed line."""
    records = []
    for number, row in _lines(path):
        try:
            published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
            events = [
                GoldEvent(
                    event=e["event"],
                    mode=e.get("mode"),
                    actor=_actors(e.get("actor")),
                    recipient=_actors(e.get("recipient")),
                    date=e.get("date"),
                    date_precision=e.get("date_precision"),
                    date_end=e.get("date_end"),
                    undated="date" in e and e["date"] is None,
                    flags=list(e.get("flags") or []),
                    location=e.get("location"),
                )  # fmt: skip
                for e in row.get("events") or []
            ]
            if any(e.event not in EVENT_TYPES for e in events):
                raise ValueError("unknown event type")
            records.append(GoldRecord(id=str(row["id"]), text=row["text"], published=published, events=events))
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise DataError(Errors.E201.format(path=path, line=number, problem=str(error))) from error
    return records
