"""Exporting events: JSON Lines (PLOVER records), CSV (one flat row an event) and Parquet (the events table)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from annalist.errors import Errors, UsageError
from annalist.store import EventQuery, Store, plover_record
from annalist.store.schema import EVENT_COLUMNS

FORMATS = ("jsonl", "csv", "parquet")
_DROPPED_FROM_CSV = ("actor_json", "recipient_json")


def csv_value(value: Any) -> Any:
    """A value as a CSV cell: lists joined with ';', None as empty."""
    if isinstance(value, list):
        return ";".join(str(item) for item in value)
    return "" if value is None else value


def export_events(store: Store, fmt: str, out: Path, query: EventQuery | None = None) -> int:
    """Write the events a query selects to a file.

    store (Store): the database.
    fmt (str): jsonl, csv or parquet.
    out (Path): the file to write (replaced if it exists).
    query (EventQuery | None): which events; all if None.
    RETURNS (int): the number of events written.
    """
    if fmt not in FORMATS:
        raise UsageError(Errors.E402.format(what="format", value=fmt, choices=", ".join(FORMATS)))
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        table = store.events_arrow(query)
        pq.write_table(table, out)
        return int(table.num_rows)
    rows = store.events(query)
    with out.open("w", encoding="utf-8", newline="") as handle:
        write_rows(rows, fmt, handle)
    return len(rows)


def write_plain(rows: list[dict[str, Any]], fmt: str, handle: Any) -> None:
    """Write rows of any query as JSON Lines or CSV, their columns as they are."""
    if fmt == "jsonl":
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    names = list(rows[0]) if rows else []
    writer = csv.writer(handle)
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_value(row[name]) for name in names])


def write_rows(rows: list[dict[str, Any]], fmt: str, handle: Any) -> None:
    """Write event rows to an open text file as JSON Lines or CSV."""
    if fmt == "jsonl":
        for row in rows:
            handle.write(json.dumps(plover_record(row), ensure_ascii=False, default=str) + "\n")
        return
    names = [name for name, _ in EVENT_COLUMNS if name not in _DROPPED_FROM_CSV]
    writer = csv.writer(handle)
    writer.writerow(names)
    for row in rows:
        writer.writerow([csv_value(row[name]) for name in names])
