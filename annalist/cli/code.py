"""`annalist code`: code articles into a database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from annalist.cli.common import EXIT_SKIPPED, err, parse_date, print_problem, reports_errors
from annalist.coding import code_inputs
from annalist.pipeline import Options, user_paths
from annalist.settings import Settings


@reports_errors
def code(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders of articles (.txt .md .html .json .jsonl "
            "         .csv .parquet), or - for standard input."
        ),
    ],
    db: Annotated[Path, typer.Option("--db", help="The database file to code into (created if missing).")] = Path(
        "annalist.duckdb"
    ),
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles that give none.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Processes coding in parallel.")] = 1,
    model: Annotated[
        str | None, typer.Option(help="Another installed English spaCy pipeline to parse with.")
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="A user actor dictionary (YAML); repeatable.")
    ] = None,
    codebook: Annotated[
        list[Path] | None, typer.Option("--codebook", help="A user codebook (YAML); repeatable.")
    ] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles committed together.")] = None,
    progress: Annotated[str, typer.Option(help="bar, plain (a line per article) or none.")] = "bar",
) -> None:
    """Code articles into PLOVER events and store them; re-running adds nothing new."""
    settings = Settings().with_(model=model, batch_size=batch_size)
    options = Options(settings=settings, actor_files=user_paths(actors or []),
                      codebook_files=user_paths(codebook or []))  # fmt: skip
    date = parse_date(published, "--published")
    counts = {"added": 0, "unchanged": 0, "skipped": 0}
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  disable=progress != "bar", transient=True) as bar:  # fmt: skip
        task = bar.add_task("coding")

        def on_article(status: str, where: str) -> None:
            counts[status] += 1
            if progress == "plain":
                err.print(f"{status} {where}", markup=False)
            bar.update(task, description=f"coding: {counts['added']} added, {counts['unchanged']} unchanged, "
                                         f"{counts['skipped']} skipped")  # fmt: skip

        summary = code_inputs(inputs, db, options=options, published=date, workers=workers, on_article=on_article)
    for problem in summary.skipped:
        print_problem(str(problem), label="skipped", style="yellow")
    err.print(
        f"{summary.added} articles added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
        f"{len(summary.skipped)} skipped; {summary.events} events stored in {db}",
        markup=False,
    )
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)
