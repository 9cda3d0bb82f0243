"""Validator for the team's datasets (datasets/README.md): they parse, their codes are valid, and no test
sentence is also a training sentence."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annalist.evaluation.gold import read_team_gold
from annalist.events.plover import load_plover_tables

DATASETS = Path(__file__).resolve().parent.parent / "datasets"
EVENT_FILES = sorted((DATASETS / "gold").glob("*_test.jsonl")) + sorted((DATASETS / "train").glob("*.jsonl"))
NON_STATE = {"KOS", "IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "REB", "OPP", "PTY", "JRN", "MED", "BUS", "CVL", "EDU", "REF",
           "REL", "ELI", "CRM", "LAB", "PRM", "UAF", "IGO", "NGO", "SOC", "AGR", "UNK"}  # fmt: skip
FLAGS = {"historical", "future", "hypothetical", "negated", "reported", "unattributed"}


@pytest.mark.parametrize("path", EVENT_FILES, ids=[p.name for p in EVENT_FILES])
def test_datasets_event_file_is_valid(path: Path) -> None:
    records = read_team_gold(path)
    assert records, path
    tables = load_plover_tables()
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids)), "ids must be unique"
    texts = [r.text for r in records]
    assert len(texts) == len(set(texts)), "no sentence twice"
    for record in records:
        for event in record.events:
            assert event.mode is None or event.mode in tables.modes(event.event), (record.id, event.mode)
            for actor in event.actor + event.recipient:
                # an actor of unstated nationality ("migrants") has no country
                assert actor.country is None or re.fullmatch(r"[A-Z]{3}", actor.country), (record.id, actor)
                assert actor.sector is None or actor.sector in SECTORS, (record.id, actor.sector)
            assert set(event.flags) <= FLAGS, (record.id, event.flags)
            if event.date:
                assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", event.date), (record.id, event.date)
                assert event.date_precision in (None, "day", "month", "year", "range"), record.id


def test_datasets_test_and_training_sentences_do_not_overlap() -> None:
    def texts(folder: str) -> set[str]:
        found = set()
        for path in (DATASETS / folder).glob("*.jsonl"):
            for line in path.read_text("utf-8").splitlines():
                if line.strip():
                    found.add(" ".join(json.loads(line).get("text", "").lower().split()))
        return found

    assert texts("gold") & texts("train") == set()


def test_datasets_dedup_groups_are_valid() -> None:
    """Every mention of datasets/gold/dedup_groups.jsonl quotes its article's headline or story, once per
    cluster; ids are unique; types are PLOVER's; and each group has several articles."""
    from annalist.evaluation.dedup import read_scenarios
    from annalist.model import EVENT_TYPES

    scenarios = read_scenarios(DATASETS / "gold" / "dedup_groups.jsonl")
    assert len(scenarios) >= 40
    groups = [s["group"] for s in scenarios]
    assert len(groups) == len(set(groups))
    for scenario in scenarios:
        articles = {a["id"]: a for a in scenario["articles"]}
        assert len(articles) == len(scenario["articles"]) >= 2, scenario["group"]
        for cluster in scenario["clusters"]:
            assert cluster["event"] in EVENT_TYPES, cluster["id"]
            quotes = [(m["article"], m.get("field"), m["quote"]) for m in cluster["mentions"]]
            assert len(quotes) == len(set(quotes)), cluster["id"]
            for article_id, where, quote in quotes:
                article = articles[article_id]
                assert quote in (article["title"] if where == "title" else article["text"]), (cluster["id"], quote)
