"""`annalist events` and `annalist export`: read events back out of a database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from annalist.cli.common import out, parse_date, reports_errors
from annalist.cli.render import clusters_table, events_table
from annalist.store import EventQuery, Store
from annalist.store.export import export_events, write_plain, write_rows

DB_OPTION = typer.Option("--db", help="The database file.")


def _query(actor: str | None, recipient: str | None, event_type: str | None, since: str | None,
           until: str | None, limit: int | None = None, include_all: bool = True) -> EventQuery:  # fmt: skip
    return EventQuery(actor=actor, recipient=recipient, event=event_type, since=parse_date(since, "--since"),
                      until=parse_date(until, "--until"), limit=limit, include_all=include_all)  # fmt: skip


@reports_errors
def events(
    db: Annotated[Path, DB_OPTION] = Path("annalist.duckdb"),
    actor: Annotated[str | None, typer.Option(help="Actor country or code (ECU, IGO, IMF).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient country or code.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type (SANCTION, ...).")] = None,
    since: Annotated[str | None, typer.Option(help="Only events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Only events on or before this date (YYYY-MM-DD).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Include negated and hypothetical events.")] = False,
    dedup: Annotated[
        bool, typer.Option("--dedup", help="One row per real-world event (cluster of mentions).")
    ] = False,
) -> None:
    """List stored events, filtered, as a table, JSON Lines (PLOVER records) or CSV. Negated and hypothetical
    events (which did not happen) are kept in the database but shown only with --all."""
    query = _query(actor, recipient, event_type, since, until, limit, include_all=show_all)
    if dedup:
        clusters = Store(db).clusters(query)
        if fmt == "table":
            out.print(clusters_table(clusters, title=f"{len(clusters)} events (clusters) in {db}"))
        else:
            write_plain(clusters, fmt, sys.stdout)
        return
    rows = Store(db).events(query)
    if fmt == "table":
        out.print(events_table(rows, title=f"{len(rows)} events in {db}"))
    elif fmt in ("jsonl", "csv"):
        write_rows(rows, fmt, sys.stdout)
    else:
        raise typer.BadParameter(f"unknown format {fmt!r}; expected table, jsonl or csv", param_hint="--format")


@reports_errors
def export(
    db: Annotated[Path, DB_OPTION] = Path("annalist.duckdb"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    out_path: Annotated[Path, typer.Option("--out", help="The file to write.")] = Path("events.jsonl"),
    actor: Annotated[str | None, typer.Option(help="Actor country or code.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient country or code.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="On or before (YYYY-MM-DD).")] = None,
) -> None:
    """Export events with PLOVER field names to JSON Lines, CSV or Parquet."""
    count = export_events(Store(db), fmt, out_path, _query(actor, recipient, event_type, since, until))
    out.print(f"{count} events written to {out_path}", markup=False)
