"""Scoring deduplication (`annalist evaluate dedup`) on a small scenario written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annalist.evaluation.dedup import evaluate_dedup
from annalist.pipeline import Annalist

RECALL = {"id": "c1", "event": "SANCTION", "actor": ["PER"], "recipient": ["BOL"], "date": "2021-05-31",
          "mentions": [{"article": "a", "field": "title", "quote": "Peru recalls envoy from Bolivia"},
                       {"article": "a", "quote": "Peru recalled its ambassador from Bolivia"},
                       {"article": "b", "quote": "Peru withdrew its ambassador to Bolivia"}]}  # fmt: skip
RAID = {"id": "c2", "event": "ASSAULT", "actor": ["BOL"], "recipient": ["PER"], "date": "2021-05-31",
        "mentions": [{"article": "b", "quote": "Bolivian troops attacked a Peruvian border post"}]}  # fmt: skip
SCENARIO: dict[str, Any] = {
    "group": "t-1", "description": "Two reports of one recall; the second also reports the raid behind it.",
    "articles": [
        {"id": "a", "published": "2021-06-01", "title": "Peru recalls envoy from Bolivia",
         "text": "Peru recalled its ambassador from Bolivia on Monday. The move followed a dispute over a road."},
        {"id": "b", "published": "2021-06-02", "title": "Lima pulls ambassador",
         "text": "Peru withdrew its ambassador to Bolivia on Monday after Bolivian troops attacked a Peruvian "
                 "border post."}],
    "clusters": [RECALL, RAID],
}  # fmt: skip


def _scores(tmp_path: Path, coder: Annalist, clusters: list[dict[str, Any]]) -> dict[str, Any]:
    path = tmp_path / "groups.jsonl"
    path.write_text(json.dumps({**SCENARIO, "clusters": clusters}) + "\n", "utf-8")
    return evaluate_dedup(path, coder).to_dict()


def test_dedup_scoring_reports_of_one_event_and_another_event(coder: Annalist, tmp_path: Path) -> None:
    report = _scores(tmp_path, coder, [RECALL, RAID])
    assert (report["gold_mentions"], report["coded_mentions"], report["gold_clusters"]) == (4, 4, 2)
    assert report["pairwise"] | {"f1": 1.0} == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 3,
        "fp": 0,
        "fn": 0,
    }


def test_dedup_scoring_matches_each_coded_event_to_one_gold_mention(coder: Annalist, tmp_path: Path) -> None:
    """A gold event Annalist did not code takes no other event's mention: it counts as not coded, not as a
    wrong pair."""
    protest = {"id": "c3", "event": "PROTEST", "actor": ["BOL"], "recipient": ["PER"], "date": "2021-05-31",
               "mentions": [{"article": "b", "quote": "Peruvian border post"}]}  # fmt: skip
    report = _scores(tmp_path, coder, [RECALL, RAID, protest])
    assert (report["gold_mentions"], report["coded_mentions"]) == (5, 4)
    assert (report["pairwise"]["fp"], report["pairwise"]["fn"]) == (0, 0)
