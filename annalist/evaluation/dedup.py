"""Scoring deduplication on groups of articles (datasets/gold/dedup_groups.jsonl): pairwise precision and
recall over the gold mentions that Annalist coded.

Each scenario's articles are coded and clustered afresh. A gold mention (an article and a quote from one of
its sentences) is matched to the event Annalist coded in that sentence (of the gold cluster's type if there
is one), one to one. Over every pair of matched mentions of one scenario: a pair in the same gold cluster and the same
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


def _fit(event: Event, gold: dict[str, Any], quote: tuple[int, int]) -> tuple[bool, bool, int, int]:
    """How well a coded event fits a gold mention: of its cluster's type first, then signalled inside the
    quoted words, then naming its parties in their roles (an attack and the retaliation have the same
    parties), then naming its parties at all."""
    actors, recipients = set(gold.get("actor") or []), set(gold.get("recipient") or [])
    coded_actors = {e.country or e.code for e in event.actor}
    coded_recipients = {e.country or e.code for e in event.recipient}
    in_role = len(coded_actors & actors) + len(coded_recipients & recipients)
    in_quote = quote[0] <= event.trigger_start < quote[1]
    return (
        event.event == gold["event"],
        in_quote,
        in_role,
        len((coded_actors | coded_recipients) & (actors | recipients)),
    )


def _quoted(mention: dict[str, Any], coded: CodedArticle) -> tuple[int, int]:
    """Where a gold mention's quote is in the coded article's text (its headline or its story)."""
    article = coded.article
    start = article.text.find(mention["quote"], 0 if mention.get("field") == "title" else article.body_start)
    return (start, start + len(mention["quote"])) if start >= 0 else (-1, -1)


def match_mentions(scenario: dict[str, Any], coded: dict[str, CodedArticle]) -> list[tuple[str, Event, str]]:
    """Each gold mention's coded event: one of the events coded in its sentence, one to one (a coded event is
    one mention; when a sentence reports two gold events and Annalist coded one, the gold event that fits it
    best takes it and the other counts as not coded). RETURNS (gold cluster id, event, quote) triples."""
    options = []
    for cluster in scenario["clusters"]:
        for mention in cluster["mentions"]:
            article = coded.get(mention["article"])
            if article is None:
                continue
            quote = _quoted(mention, article)
            for event in article.events:
                if event.start <= quote[0] < event.end:
                    options.append((_fit(event, cluster, quote), cluster["id"], mention["quote"], event))
    options.sort(key=lambda option: option[0], reverse=True)  # stable: ties keep the file's order
    taken: set[str] = set()
    done: set[tuple[str, str]] = set()
    matched = []
    for _, cluster_id, quote_text, event in options:
        if event.id not in taken and (cluster_id, quote_text) not in done:
            taken.add(event.id)
            done.add((cluster_id, quote_text))
            matched.append((cluster_id, event, quote_text))
    return matched


def score_scenario(scenario: dict[str, Any], coder: Annalist, threshold: float, scores: DedupScores) -> None:
    coded = {c.article.id: c for c in coder.code_articles(_articles(scenario)) if isinstance(c, CodedArticle)}
    published: dict[str, dt.date | None] = {a.article.id: a.article.published for a in coded.values()}
    rows = [event_row(e) for c in coded.values() for e in c.events]
    assigned = Clusterer(threshold).add(mention_of(row, published[row["article_id"]]) for row in rows)
    scores.scenarios += 1
    scores.clusters_found += len(set(assigned.values()))
    scores.clusters_gold += len(scenario["clusters"])
    scores.mentions += sum(len(cluster["mentions"]) for cluster in scenario["clusters"])
    matched = [(gold, assigned[event.id], quote) for gold, event, quote in match_mentions(scenario, coded)]
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
