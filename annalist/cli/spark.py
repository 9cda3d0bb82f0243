"""`annalist spark` and `annalist import`: code datasets on Apache Spark, and load the output into a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from annalist.cli.common import out, reports_errors
from annalist.errors import UsageError
from annalist.store import Store


@reports_errors
def spark_command(
    input_path: Annotated[
        str, typer.Argument(metavar="INPUT", help="JSON Lines, Parquet or CSV articles (path or URI).")
    ],
    output: Annotated[
        str, typer.Argument(metavar="OUTPUT", help="Folder for events/, articles/ and errors/ (replaced).")
    ],
    partitions: Annotated[int | None, typer.Option(help="Partitions to code in.")] = None,
    master: Annotated[str, typer.Option(help="Spark master for a local run.")] = "local[2]",
) -> None:
    """Code an article dataset on Spark (mapInArrow) and write events and articles as Parquet."""
    try:
        from annalist.spark import local_session, run_spark
    except ImportError as error:
        raise UsageError("pyspark is not installed: pip install 'annalist[spark]'") from error
    counts = run_spark(input_path, output, partitions=partitions, spark=local_session(master))
    out.print_json(json.dumps(counts))


@reports_errors
def import_command(
    output: Annotated[Path, typer.Argument(metavar="OUTPUT", help="A folder `annalist spark` wrote.")],
    db: Annotated[Path, typer.Option("--db", help="The database to load into.")] = Path("annalist.duckdb"),
) -> None:
    """Load `annalist spark` output into a database (new articles only), clustering the events."""
    result = Store(db).import_parquet(output)
    out.print(f"{result.added} articles and {result.events} events imported into {db}", markup=False)
