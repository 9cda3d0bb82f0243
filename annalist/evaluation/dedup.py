"""Scoring deduplication on groups of articles (datasets/gold/dedup_groups.jsonl): pairwise precision and
recall over the gold mentions that Annalist coded.

Each scenario's articles are coded and clustered afresh. A gold mention (an article and a quote from one of
its sentences) is matched to the event Annalist coded in that sentence (of the gold cluster's type if there
is one). Over every pair of matched mentions of one scenario: a pair in the same gold cluster and the same
predicted cluster is a true positive; in the same predicted cluster only, a false positive; in the same gold
cluster only, a false negative. Coverage says how many gold mentions were coded at all.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from annalist.dedup import DEFAULT_THRESHOLD, Clusterer
from annalist.errors import DataError, Errors
from annalist.ingest.articles import build_article
from annalist.model import Article, CodedArticle, Event
from annalist.pipeline import Annalist
from annalist.settings import Settings
from annalist.store.clusters import mention_of
from annalist.store.rows import event_row


@dataclass(slots=True)
class DedupScores:
    scenarios: int = 0
    mentions: int = 0
    matched: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    clusters_gold: int = 0
    clusters_found: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"scenarios": self.scenarios, "gold_mentions": self.mentions, "coded_mentions": self.matched,
                "coverage": round(self.matched / self.mentions, 4) if self.mentions else 0.0,
                "pairwise": {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                             "tp": self.tp, "fp": self.fp, "fn": self.fn},
                "gold_clusters": self.clusters_gold, "predicted_clusters": self.clusters_found,
                "worst": self.errors[:20]}  # fmt: skip


def read_scenarios(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        raise DataError(Errors.E202.format(path=path, problem="no such file"))
    scenarios = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            try:
                scenarios.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise DataError(Errors.E201.format(path=path, line=number, problem=error.msg)) from error
    return scenarios


def _articles(scenario: dict[str, Any]) -> list[Article]:
    articles = []
    for item in scenario["articles"]:
        built = build_article({"text": item["text"], "title": item.get("title"), "source": item.get("source"),
                               "published": item.get("published")}, where=item["id"], key=item["id"],
                              settings=Settings(), published=None)  # fmt: skip
        if isinstance(built, Article):
            built.id = item["id"]  # the scenario's own ids, to match its mentions
            articles.append(built)
    return articles


def _event_for(mention: dict[str, Any], kind: str, coded: dict[str, CodedArticle]) -> Event | None:
    article = coded.get(mention["article"])
    if article is None:
        return None
    in_sentence = [e for e in article.events if mention["quote"] in e.text]
    return next((e for e in in_sentence if e.event == kind), in_sentence[0] if in_sentence else None)


def score_scenario(scenario: dict[str, Any], coder: Annalist, threshold: float, scores: DedupScores) -> None:
    coded = {c.article.id: c for c in coder.code_articles(_articles(scenario)) if isinstance(c, CodedArticle)}
    published: dict[str, dt.date | None] = {a.article.id: a.article.published for a in coded.values()}
    rows = [event_row(e) for c in coded.values() for e in c.events]
    assigned = Clusterer(threshold).add(mention_of(row, published[row["article_id"]]) for row in rows)
    scores.scenarios += 1
    scores.clusters_found += len(set(assigned.values()))
    matched: list[tuple[str, str, str]] = []  # (gold cluster, predicted cluster, quote)
    for cluster in scenario["clusters"]:
        scores.clusters_gold += 1
        for mention in cluster["mentions"]:
            scores.mentions += 1
            event = _event_for(mention, cluster["event"], coded)
            if event is not None:
                matched.append((cluster["id"], assigned[event.id], mention["quote"]))
    scores.matched += len(matched)
    for (gold_a, found_a, quote_a), (gold_b, found_b, quote_b) in combinations(matched, 2):
        same_gold, same_found = gold_a == gold_b, found_a == found_b
        scores.tp += same_gold and same_found
        scores.fp += same_found and not same_gold
        scores.fn += same_gold and not same_found
        if same_gold != same_found and len(scores.errors) < 40:
            scores.errors.append({"scenario": scenario["group"], "a": quote_a, "b": quote_b,
                                  "gold": "same" if same_gold else "different",
                                  "predicted": "same" if same_found else "different"})  # fmt: skip


def evaluate_dedup(path: Path, coder: Annalist, *, threshold: float = DEFAULT_THRESHOLD,
                   limit: int | None = None) -> DedupScores:  # fmt: skip
    """Code and cluster every scenario of a dedup gold file and score the clusters pairwise."""
    scores = DedupScores()
    for scenario in read_scenarios(path)[:limit]:
        score_scenario(scenario, coder, threshold, scores)
    return scores
