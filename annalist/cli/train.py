"""`annalist train`: retrain the event classifier from the team's labelled sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from annalist.cli.common import out, reports_errors
from annalist.events.classifier import DEFAULT_MODEL, train

DATASETS = Path("datasets") / "train"


@reports_errors
def train_command(
    data: Annotated[
        list[Path] | None,
        typer.Option("--data", help="Training files (Annalist's gold format); all of datasets/train/ by default."),
    ] = None,
    out_dir: Annotated[Path, typer.Option("--out", help="Where to write the model.")] = DEFAULT_MODEL,
    epochs: Annotated[int, typer.Option(help="Passes over the data.")] = 20,
    seed: Annotated[int, typer.Option(help="Random seed: the same data and seed give the same model.")] = 0,
) -> None:
    """Train the event-type classifier (small, CPU-only) and write it where the event stage loads it."""
    files = data or sorted(DATASETS.glob("*.jsonl"))
    if not files:
        raise typer.BadParameter(f"no training files: pass --data or run from the repository ({DATASETS})")
    report = train(files, out_dir, epochs=epochs, seed=seed)
    out.print_json(json.dumps(report))
