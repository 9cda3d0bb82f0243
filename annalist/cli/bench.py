"""`annalist bench`: speed and memory on a corpus, against spaCy's own parse."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from annalist.bench import run_bench
from annalist.bench.dashboard import run_dashboard_bench
from annalist.bench.dedup import run_dedup_bench
from annalist.cli.common import out, reports_errors
from annalist.errors import Errors, StoreError, UsageError
from annalist.pipeline import Options
from annalist.settings import Settings


def render(report: dict[str, Any]) -> None:
    """Print a benchmark report with Rich."""
    seconds = report["seconds"]
    table = Table(title=f"{', '.join(report['corpora'])} ({report['workers']} worker(s))")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = [
        ("articles (skipped)", f"{report['articles']} ({report['skipped']})"),
        ("sentences / words / events", f"{report['sentences']} / {report['words']} / {report['events']}"),
        ("mentions / clusters (per cluster)",
         f"{report['clustered']} / {report['clusters']} ({report['mentions_per_cluster']})"),
        ("articles/s", str(report["articles_per_s"])), ("sentences/s", str(report["sentences_per_s"])),
        ("words/s", str(report["words_per_s"])),
        ("seconds: read / code / store", f"{seconds['read']} / {seconds['code']} / {seconds['store']}"),
        ("seconds: spaCy alone", str(seconds["spacy_parse"])),
        ("code / spaCy (target <= 1.3)", str(report["ratio_code_to_spacy"])),
        ("read+code+store / spaCy", str(report["ratio_end_to_end_to_spacy"])),
        ("peak memory MB (target <= 1024)", str(report["peak_memory_mb"])),
    ]  # fmt: skip
    for name, value in rows:
        table.add_row(name, value)
    out.print(table)
    if report["stage_share"]:
        stages = Table(title="time share per stage")
        stages.add_column("stage")
        stages.add_column("share", justify="right")
        for name, share in sorted(report["stage_share"].items(), key=lambda item: -item[1]):
            stages.add_row(name, f"{share:.1%}")
        out.print(stages)


def render_dedup(report: dict[str, Any]) -> None:
    """Print a deduplication benchmark with Rich."""
    table = Table(title=f"clustering {report['mentions']} synthetic mentions of {report['events']} events")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for name in ("clusters", "seconds", "mentions_per_s", "pairwise_precision", "pairwise_recall"):
        table.add_row(name.replace("_", " "), str(report[name]))
    out.print(table)


def render_dashboard(report: dict[str, Any]) -> None:
    """Print the dashboard timings with Rich."""
    table = Table(title=f"dashboard on {report['events']} events (median of {report['repeats']} requests)")
    for name in ("URL", "status", "median ms", "slowest ms"):
        table.add_column(name, justify="left" if name == "URL" else "right")
    for url, timing in report["urls"].items():
        table.add_row(url, ",".join(map(str, timing["status"])), str(timing["median_ms"]), str(timing["max_ms"]))
    out.print(table)


@reports_errors
def bench_command(
    corpus: Annotated[
        list[Path] | None, typer.Option("--corpus", help="A corpus file or folder; repeatable.")
    ] = None,
    workers: Annotated[int, typer.Option(help="Coding processes.")] = 1,
    limit: Annotated[int | None, typer.Option(help="At most this many articles.")] = None,
    split_stories: Annotated[
        bool,
        typer.Option(
            "--split-stories", help="Split .txt files into stories at blank lines (concatenated news dumps)."
        ),
    ] = False,
    dedup_mentions: Annotated[
        int | None,
        typer.Option("--dedup-mentions", min=1, help="Also time clustering this many synthetic mentions."),
    ] = None,
    dashboard: Annotated[
        Path | None, typer.Option("--dashboard", help="Time the dashboard on a copy of this database, grown.")
    ] = None,
    dashboard_events: Annotated[
        int, typer.Option(min=1, help="Events to grow the --dashboard copy to.")
    ] = 1_000_000,
    spacy: Annotated[
        bool, typer.Option("--spacy/--no-spacy", help="Also time spaCy alone on the same texts.")
    ] = True,
    model: Annotated[str | None, typer.Option(help="Another installed English spaCy pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Measure speed and memory on real news, and the ratio to spaCy's own parse of the same texts."""
    if not corpus and dedup_mentions is None and dashboard is None:
        raise UsageError("bench: give --corpus PATH (real news to code), --dedup-mentions N or --dashboard DB")
    if dashboard is not None and not dashboard.exists():
        raise StoreError(Errors.E303.format(path=dashboard))
    report: dict[str, Any] = {}  # the coding report's fields, and "dedup" when asked for
    if corpus:
        options = Options(settings=Settings().with_(model=model))
        report = run_bench(
            corpus,
            options=options,
            workers=workers,
            limit=limit,
            split_stories=split_stories,
            spacy_baseline=spacy,
        ).to_dict()
    if dedup_mentions is not None:
        report["dedup"] = run_dedup_bench(dedup_mentions).to_dict()
    if dashboard is not None:
        report["dashboard"] = run_dashboard_bench(dashboard, events=dashboard_events)
    if as_json:
        out.print_json(json.dumps(report))
        return
    if corpus:
        render(report)
    if "dedup" in report:
        render_dedup(report["dedup"])
    if "dashboard" in report:
        render_dashboard(report["dashboard"])
