"""`annalist evaluate`: code a gold set's sentences and score the events against the gold.

Sets: `plover` (PLOVER gold standard records), `petrarch` (PETRARCH unit tests, with their fictional-country
dictionaries loaded as user actor dictionaries), `conflibert` (ConfliBERT CAMEO test, five classes), and the
team's own sets in Annalist's gold format: `team` (events), `dates` (dates and modality). Any file in that
format can be scored as `team`.
"""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annalist import __version__
from annalist.errors import Errors, UsageError
from annalist.evaluation.gold import (
    GoldRecord,
    read_conflibert_gold,
    read_petrarch_gold,
    read_plover_gold,
    read_team_gold,
)
from annalist.evaluation.scoring import Scores, score_events, score_quads
from annalist.ingest import article_id
from annalist.model import Article, CodedArticle, Event
from annalist.pipeline import Annalist, Options

REPO = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True, slots=True)
class EvalSet:
    name: str
    description: str
    reader: Callable[[Path], list[GoldRecord]]
    default_path: Path | None = None  # the team's sets live in the repository
    actor_files: tuple[str, ...] = ()  # dictionaries next to the gold file, loaded as user dictionaries
    quads: bool = False
    merge_igo: bool = False
    flags: bool = False  # the gold annotates modality flags
    match_types: bool = True  # the gold's event types mean what PLOVER's do
    locations: bool = False  # the gold gives every event's location (or says it has none)
    anchored: bool = False  # each record codes one event and marks its words: also scored anchored


SETS: dict[str, EvalSet] = {
    s.name: s
    for s in (
        EvalSet("plover", "PLOVER gold standard records (event type, actor and recipient codes)", read_plover_gold,
                merge_igo=True, anchored=True),
        EvalSet("petrarch", "PETRARCH unit tests (CAMEO codes through the crosswalk; fictional actors)",
                read_petrarch_gold, actor_files=("PETR.Validate.actors.txt", "PETR.Validate.agents.txt"),
                merge_igo=True, match_types=False),
        EvalSet("conflibert", "ConfliBERT CAMEO test (five classes: statement/appeal and the four quads)",
                read_conflibert_gold, quads=True),
        EvalSet("team", "Annalist team's event test set (or any file in Annalist's gold format)", read_team_gold,
                default_path=REPO / "datasets" / "gold" / "events_test.jsonl", flags=True),
        EvalSet("dates", "Annalist team's dates and modality test set", read_team_gold,
                default_path=REPO / "datasets" / "gold" / "dates_test.jsonl", flags=True),
        EvalSet("places", "Annalist team's event locations test set", read_team_gold,
                default_path=REPO / "datasets" / "gold" / "places_test.jsonl", locations=True),
        EvalSet("dedup", "Annalist team's article groups for deduplication (pairwise precision and recall)",
                read_team_gold, default_path=REPO / "datasets" / "gold" / "dedup_groups.jsonl"),
    )
}  # fmt: skip


@dataclass(slots=True)
class DedupEvaluation:
    """The outcome of a deduplication evaluation run."""

    path: Path
    report: dict[str, Any]
    seconds: float
    model: str

    def to_dict(self) -> dict[str, Any]:
        return {"set": "dedup", "path": str(self.path), "records": self.report["scenarios"], "model": self.model,
                "annalist": __version__, "seconds": round(self.seconds, 1), **self.report}  # fmt: skip


@dataclass(slots=True)
class Evaluation:
    """The outcome of one evaluation run."""

    set_name: str
    path: Path
    scores: Scores
    quads: bool
    seconds: float
    model: str
    anchored: Scores | None = None  # the same events scored on the gold's marked words (PLOVER records)

    def to_dict(self) -> dict[str, Any]:
        """Everything the report shows, as plain JSON-ready data."""
        scores = self.scores
        return {
            "set": self.set_name, "path": str(self.path), "records": scores.records, "model": self.model,
            "annalist": __version__, "seconds": round(self.seconds, 1), "unit": "quad class" if self.quads else "event type",
            **_type_scores(scores),
            "anchored": None if self.anchored is None else _type_scores(self.anchored),
            "accuracy": {name: {"value": None if a.value is None else round(a.value, 4), "correct": a.correct,
                                "total": a.total} for name, a in sorted(scores.accuracy.items())},
            "confusion": {gold: dict(found) for gold, found in sorted(scores.confusion.items())},
            "location_distance_km": _distances(scores.distances_km),
            "worst": scores.errors,
        }  # fmt: skip


def _type_scores(scores: Scores) -> dict[str, Any]:
    """Per-label, micro, macro and detection precision, recall and F1."""
    micro = scores.micro()
    macro_p, macro_r, macro_f1 = scores.macro()
    return {
        "labels": [{"label": s.label, "precision": round(s.precision, 4), "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4), "support": s.support, "tp": s.tp, "fp": s.fp, "fn": s.fn}
                   for s in scores.labels.values() if s.support or s.fp],
        "micro": {"precision": round(micro.precision, 4), "recall": round(micro.recall, 4), "f1": round(micro.f1, 4)},
        "macro": {"precision": round(macro_p, 4), "recall": round(macro_r, 4), "f1": round(macro_f1, 4)},
        "detection": {"precision": round(scores.detection.precision, 4),
                      "recall": round(scores.detection.recall, 4), "f1": round(scores.detection.f1, 4)},
    }  # fmt: skip


def _distances(values: list[float]) -> dict[str, float] | None:
    if not values:
        return None
    ordered = sorted(values)
    return {"median": round(ordered[len(ordered) // 2], 1), "mean": round(sum(ordered) / len(ordered), 1),
            "within_25km": round(sum(v <= 25 for v in ordered) / len(ordered), 4), "n": len(ordered)}  # fmt: skip


def resolve_set(name: str, path: Path | None) -> tuple[EvalSet, Path]:
    """The set by name and the gold file to read. RAISES UsageError for an unknown set or a missing path."""
    if name not in SETS:
        raise UsageError(Errors.E402.format(what="evaluation set", value=name, choices=", ".join(SETS)))
    evalset = SETS[name]
    found = path or evalset.default_path
    if found is None:
        raise UsageError(f"--path is needed for {name}: the gold file (for example under ../shared/eval)")
    return evalset, found


def evaluate(name: str, path: Path | None = None, *, options: Options | None = None, limit: int | None = None,
             coder: Annalist | None = None, worst: int = 20) -> Evaluation | DedupEvaluation:  # fmt: skip
    """Code a gold set and score it.

    name (str): plover, petrarch, conflibert, team or dates.
    path (Path | None): the gold file; the team's sets have a default.
    options (Options | None): pipeline options (model, user dictionaries); the set's own dictionaries are added.
    limit (int | None): score only the first records.
    coder (Annalist | None): a loaded coder to reuse (only when the set needs no dictionaries of its own).
    worst (int): how many of the worst errors to list.
    RETURNS (Evaluation): scores and timing.
    """
    evalset, gold_path = resolve_set(name, path)
    if name == "dedup":
        from annalist.evaluation.dedup import evaluate_dedup

        started = time.perf_counter()
        coder = coder or Annalist(options or Options())
        threshold = (options or Options()).settings.dedup_threshold
        report = evaluate_dedup(gold_path, coder, threshold=threshold, limit=limit).to_dict()
        return DedupEvaluation(gold_path, report, time.perf_counter() - started, coder.options.settings.model)
    records = evalset.reader(gold_path)[:limit]
    options = options or Options()
    if evalset.actor_files:
        extra = tuple(str(gold_path.parent / f) for f in evalset.actor_files)
        options = dataclasses.replace(options, actor_files=options.actor_files + extra)
        coder = None
    started = time.perf_counter()
    coder = coder or Annalist(options)
    pairs = list(zip(records, code_records(coder, records), strict=True))
    anchored = None
    if evalset.quads:
        scores = score_quads(pairs, worst=worst)
    else:
        score = functools.partial(score_events, pairs, merge_igo=evalset.merge_igo, flags=evalset.flags,
                                  match_types=evalset.match_types, locations=evalset.locations, worst=worst)  # fmt: skip
        scores = score()
        anchored = score(anchored=True) if evalset.anchored else None
    return Evaluation(
        name, gold_path, scores, evalset.quads, time.perf_counter() - started, options.settings.model, anchored
    )


def code_records(coder: Annalist, records: list[GoldRecord]) -> list[list[Event]]:
    """Code each gold sentence as an article of its own, in batches."""
    articles = [Article(id=article_id(r.text, r.id), text=r.text, published=r.published, origin=r.id)
                for r in records]  # fmt: skip
    results: list[list[Event]] = []
    for result in coder.code_articles(articles):
        results.append(result.events if isinstance(result, CodedArticle) else [])
    return results
