"""`annalist relations` and `annalist actors`: how relations moved, and who deals with whom."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from annalist.analysis import actor_pairs, relations
from annalist.cli.common import out, reports_errors
from annalist.store import Store


@reports_errors
def relations_command(
    a: Annotated[str, typer.Argument(help="One actor: a country or organisation code (ECU, IMF).")],
    b: Annotated[str, typer.Argument(help="The other actor.")],
    db: Annotated[Path, typer.Option("--db", help="The database file.")] = Path("annalist.duckdb"),
    by: Annotated[str, typer.Option(help="month, quarter or year.")] = "year",
    mentions: Annotated[bool, typer.Option("--mentions", help="Count every report, not each event once.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the tables as JSON.")] = False,
) -> None:
    """Relations between two actors over time: events per quad class and PLOVER score, both directions,
    and the significant shifts."""
    report = relations(Store(db), a, b, by=by, mentions=mentions)
    if as_json:
        out.print_json(json.dumps(report.to_dict(), default=str))
        return
    table = Table(title=f"{report.a} and {report.b} by {by} ({'mentions' if mentions else 'events'})")
    for name in ("period", "direction", "events", "verbal coop", "material coop", "verbal conflict",
                 "material conflict", "score sum", "score mean"):  # fmt: skip
        table.add_column(name, justify="left" if name in ("period", "direction") else "right")
    arrows = {"a->b": f"{report.a} -> {report.b}", "b->a": f"{report.b} -> {report.a}",
              "a<->b": f"{report.a} and {report.b}"}  # fmt: skip
    for row in report.periods.to_pylist():
        table.add_row(row["period"][:10], arrows[row["direction"]],
                      *(str(row[k]) for k in ("events", "quad1", "quad2", "quad3", "quad4", "score_sum", "score_mean")))  # fmt: skip
    out.print(table)
    for shift in report.shifts:
        out.print(f"shift from {shift.period[:10]}: mean score {shift.before} -> {shift.after} (p = {shift.p_value})",
                  markup=False)  # fmt: skip
    if not report.shifts:
        out.print("no significant shift", markup=False)


@reports_errors
def actors_command(
    db: Annotated[Path, typer.Option("--db", help="The database file.")] = Path("annalist.duckdb"),
    limit: Annotated[int, typer.Option(help="How many pairs.")] = 20,
    mentions: Annotated[bool, typer.Option("--mentions", help="Count every report, not each event once.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Who interacts with whom most: directed actor pairs by volume and by net PLOVER score."""
    rows = actor_pairs(Store(db), limit=limit, mentions=mentions).to_pylist()
    if as_json:
        out.print_json(json.dumps(rows, default=str))
        return
    table = Table(title=f"actor pairs by volume ({'mentions' if mentions else 'events'})")
    for name in ("actor", "recipient", "events", "cooperation", "conflict", "net score", "mean score"):
        table.add_column(name, justify="left" if name in ("actor", "recipient") else "right")
    for row in rows:
        table.add_row(row["actor"], row["recipient"], str(row["events"]), str(row["cooperation"]),
                      str(row["conflict"]), f"{row['score_sum']:.1f}", f"{row['score_mean']:.2f}")  # fmt: skip
    out.print(table)
