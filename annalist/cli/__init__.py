"""The `annalist` command line: thin commands over the library (each calls one library function)."""

from __future__ import annotations

import typer

from annalist.cli import bench as _bench
from annalist.cli import code as _code
from annalist.cli import evaluate as _evaluate
from annalist.cli import events as _events
from annalist.cli import relations as _relations
from annalist.cli import serve as _serve
from annalist.cli import spark as _spark
from annalist.cli import train as _train

app = typer.Typer(
    name="annalist",
    help="Political event data from news: code articles into PLOVER events, query and export them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("code")(_code.code)
app.command("events")(_events.events)
app.command("export")(_events.export)
app.command("evaluate")(_evaluate.evaluate_command)
app.command("bench")(_bench.bench_command)
app.command("train")(_train.train_command)
app.command("spark")(_spark.spark_command)
app.command("import")(_spark.import_command)
app.command("relations")(_relations.relations_command)
app.command("actors")(_relations.actors_command)
app.command("serve")(_serve.serve_command)


def main() -> None:
    """Entry point of the `annalist` script."""
    app()
