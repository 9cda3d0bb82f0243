"""Event filters and the parameterised SQL they become. Values are always bound, never formatted in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from annalist.errors import Errors, UsageError
from annalist.model import EVENT_TYPES


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Which events to read. Codes are country codes (ISO3 or IGO, UNO, ...) or actor codes (IMF)."""

    actor: str | None = None
    recipient: str | None = None
    event: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    include_all: bool = True  # False: leave out negated and hypothetical events (they did not happen)
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.event is not None and self.event.upper() not in EVENT_TYPES:
            raise UsageError(
                Errors.E402.format(what="event type", value=self.event, choices=", ".join(EVENT_TYPES))
            )

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (possibly empty) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(list_contains(actor_countries, ?) OR list_contains(actor_codes, ?))")
            params += [self.actor.upper(), self.actor.upper()]
        if self.recipient:
            clauses.append("(list_contains(recipient_countries, ?) OR list_contains(recipient_codes, ?))")
            params += [self.recipient.upper(), self.recipient.upper()]
        if self.event:
            clauses.append("event = ?")
            params.append(self.event.upper())
        if self.since:
            clauses.append("coalesce(date_end, date) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date <= ?")
            params.append(self.until)
        if self.article_id:
            clauses.append("article_id = ?")
            params.append(self.article_id)
        if not self.include_all:
            clauses.append("NOT negated AND NOT hypothetical")
        return (" WHERE " + " AND ".join(clauses) if clauses else ""), params

    def select(self, columns: str = "*") -> tuple[str, list[Any]]:
        """The full SELECT over events, ordered by date then article and position, with paging."""
        where, params = self.where()
        sql = f"SELECT {columns} FROM events{where} ORDER BY date NULLS LAST, article_id, trigger_start"
        if self.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [self.limit, self.offset]
        return sql, params
