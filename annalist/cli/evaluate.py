"""`annalist evaluate`: accuracy against a gold set, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from annalist.cli.common import out, reports_errors
from annalist.evaluation import SETS, evaluate
from annalist.pipeline import Options, user_paths
from annalist.settings import Settings


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _labels_table(report: dict[str, Any]) -> Table:
    table = Table(title=f"{report['set']}: {report['records']} sentences, by {report['unit']}")
    for name in ("label", "precision", "recall", "F1", "support"):
        table.add_column(name, justify="left" if name == "label" else "right")
    for row in report["labels"]:
        table.add_row(
            row["label"], _pct(row["precision"]), _pct(row["recall"]), _pct(row["f1"]), str(row["support"])
        )
    for name in ("micro", "macro", "detection"):
        avg = report[name]
        table.add_row(Text(name, style="bold"), _pct(avg["precision"]), _pct(avg["recall"]), _pct(avg["f1"]), "",
                      style="bold")  # fmt: skip
    return table


def _confusion_table(report: dict[str, Any]) -> Table:
    confusion = report["confusion"]
    labels = sorted(set(confusion) | {found for row in confusion.values() for found in row})
    table = Table(title="confusion (rows gold, columns predicted; most confident event)")
    table.add_column("gold")
    for label in labels:
        table.add_column(label[:4], justify="right")
    for gold in labels:
        row = confusion.get(gold, {})
        table.add_row(gold, *[str(row.get(found, "")) for found in labels])
    return table


def render_dedup(report: dict[str, Any]) -> None:
    """Print a deduplication report with Rich."""
    pair = report["pairwise"]
    table = Table(title=f"dedup: {report['scenarios']} article groups")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name, value in (("pairwise precision", _pct(pair["precision"])), ("pairwise recall", _pct(pair["recall"])),
                        ("pairwise F1", _pct(pair["f1"])), ("gold mentions coded", f"{report['coded_mentions']} of "
                        f"{report['gold_mentions']} ({report['coverage']:.0%})"), ("clusters: gold / predicted",
                        f"{report['gold_clusters']} / {report['predicted_clusters']}")):  # fmt: skip
        table.add_row(name, value)
    out.print(table)
    worst = Table(title="disagreements", show_lines=True)
    for name in ("scenario", "mention", "other mention", "gold", "predicted"):
        worst.add_column(name, overflow="fold")
    for error in report["worst"]:
        worst.add_row(error["scenario"], error["a"], error["b"], error["gold"], error["predicted"])
    out.print(worst)


def render(report: dict[str, Any]) -> None:
    """Print an evaluation report with Rich."""
    if "pairwise" in report:
        render_dedup(report)
        return
    out.print(_labels_table(report))
    if report.get("anchored"):
        out.print(
            _labels_table(
                {**report, **report["anchored"], "set": f"{report['set']}, anchored on the marked event words"}
            )
        )
    if report["accuracy"]:
        table = Table(title="accuracy on matched events")
        for name in ("measure", "accuracy", "correct", "of"):
            table.add_column(name, justify="left" if name == "measure" else "right")
        for name, acc in report["accuracy"].items():
            table.add_row(name, _pct(acc["value"]), str(acc["correct"]), str(acc["total"]))
        out.print(table)
    out.print(_confusion_table(report))
    worst = Table(title="worst errors", show_lines=True)
    for name in ("id", "sentence", "gold", "predicted"):
        worst.add_column(name, overflow="fold", ratio=3 if name == "sentence" else 1)
    for error in report["worst"]:
        worst.add_row(error["id"], Text(error["text"]), Text("\n".join(error["gold"]) or "none"),
                      Text("\n".join(error["predicted"]) or "none"))  # fmt: skip
    out.print(worst)
    out.print(f"{report['records']} sentences in {report['seconds']}s with {report['model']}", markup=False)


@reports_errors
def evaluate_command(
    name: Annotated[str, typer.Argument(metavar="SET", help=f"One of: {', '.join(SETS)}.")],
    path: Annotated[Path | None, typer.Option(help="The gold file (the team's sets have a default).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N sentences.")] = None,
    model: Annotated[str | None, typer.Option(help="Another installed English spaCy pipeline.")] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="A user actor dictionary.")] = None,
    worst: Annotated[int, typer.Option(help="How many of the worst errors to list.")] = 20,
) -> None:
    """Score Annalist against a gold set: per event type P/R/F1, micro and macro F1, confusion, actor accuracy."""
    options = Options(settings=Settings().with_(model=model), actor_files=user_paths(actors or []))
    report = evaluate(name, path, options=options, limit=limit, worst=worst).to_dict()
    if as_json:
        out.print_json(json.dumps(report))
    else:
        render(report)
