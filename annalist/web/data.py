"""What the pages show, built from the library (the web layer never writes SQL): one function per page, each
returning plain data that the HTML template and the JSON twin both use."""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any

from annalist.analysis import actor_pairs, relations
from annalist.errors import Errors, UsageError
from annalist.store import EventQuery, Store

PER_PAGE = 50
MAX_PER_PAGE = 500
DYAD_EVENTS = 200  # events listed under a dyad's timeline (the latest); every id is in its periods


@dataclass(frozen=True, slots=True)
class EventFilters:
    actor: str | None = None
    recipient: str | None = None
    event: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    happened: bool = True  # leave out negated and hypothetical events
    page: int = 1
    per_page: int = PER_PAGE

    def query(self) -> EventQuery:
        if not 1 <= self.per_page <= MAX_PER_PAGE or self.page < 1:
            raise UsageError(f"page must be 1 or more and per_page between 1 and {MAX_PER_PAGE}")
        return EventQuery(actor=self.actor or None, recipient=self.recipient or None, event=self.event or None,
                          since=self.since, until=self.until, include_all=not self.happened,
                          limit=self.per_page, offset=(self.page - 1) * self.per_page)  # fmt: skip


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def plain(row: dict[str, Any]) -> dict[str, Any]:
    """A row with dates as ISO strings and JSON columns decoded, ready for JSON."""
    out = {key: _plain(value) for key, value in row.items()}
    for side in ("actor", "recipient"):
        if f"{side}_json" in out:
            out[side] = json.loads(out.pop(f"{side}_json") or "[]")
    return out


def events_page(store: Store, filters: EventFilters) -> dict[str, Any]:
    """A page of events (newest periods last) and how many match."""
    query = filters.query()
    rows = [plain(r) for r in store.events(query)]
    total = store.count_events(query)
    return {"rows": rows, "total": total, "page": filters.page, "per_page": filters.per_page,
            "pages": max(1, math.ceil(total / filters.per_page))}  # fmt: skip


def article_page(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article with its text cut into plain and event-sentence pieces, and its events."""
    article = store.article(article_id)
    if article is None:
        return None
    events = [plain(e) for e in store.events(EventQuery(article_id=article_id))]
    spans: dict[tuple[int, int], list[str]] = {}
    for event in events:
        spans.setdefault((event["sentence_start"], event["sentence_end"]), []).append(event["id"])
    text, pieces, at = article["text"], [], 0
    for (start, end), ids in sorted(spans.items()):
        if start < at:
            continue
        pieces.append({"text": text[at:start], "events": []})
        pieces.append({"text": text[start:end], "events": ids})
        at = end
    pieces.append({"text": text[at:], "events": []})
    return {"article": plain(article), "pieces": [p for p in pieces if p["text"]], "events": events,
            "entities": [plain(e) for e in store.entities(article_id)]}  # fmt: skip


def dyad_page(store: Store, a: str, b: str, by: str, mentions: bool = False) -> dict[str, Any]:
    """The timeline of two actors' relations, its shifts, and the events behind it."""
    report = relations(store, a, b, by=by, mentions=mentions)
    data = report.to_dict()
    latest: list[str] = []  # the events of the latest periods, up to DYAD_EVENTS: the page lists those
    for row in sorted(data["periods"], key=lambda r: r["period"], reverse=True):
        if len(latest) >= DYAD_EVENTS:
            break
        latest += row["event_ids"][: DYAD_EVENTS - len(latest)]
    events = [plain(e) for e in store.events_by_id(latest)]
    total = sum(len(row["event_ids"]) for row in data["periods"])
    return {**data, "events": events, "events_total": total}


def network_page(store: Store, limit: int) -> dict[str, Any]:
    """Actor pairs as a network: nodes on a circle, edges weighted by volume and coloured by net score."""
    if not 1 <= limit <= 500:
        raise UsageError(Errors.E402.format(what="limit", value=limit, choices="1 to 500"))
    edges = [plain(r) for r in actor_pairs(store, limit=limit).to_pylist()]
    names = sorted({e["actor"] for e in edges} | {e["recipient"] for e in edges})
    nodes = [{"id": name, "x": round(math.cos(2 * math.pi * i / max(len(names), 1)), 4),
              "y": round(math.sin(2 * math.pi * i / max(len(names), 1)), 4)} for i, name in enumerate(names)]  # fmt: skip
    return {"nodes": nodes, "edges": edges}
