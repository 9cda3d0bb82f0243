"""End to end on the sample story: the bundled demo article (the team's own telling) always, and the
shared sample article when ../shared is present (users and CI without it skip that test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annalist.ingest import read_inputs
from annalist.model import Article, Event
from annalist.pipeline import Annalist
from tests.conftest import EXAMPLES, SHARED

SAMPLE = SHARED / "samples" / "000_9f52e88a6f15e691.txt"


def _events(coder: Annalist, path: Path, published: dt.date | None = None) -> tuple[Article, list[Event]]:
    [article] = list(read_inputs([str(path)], published=published))
    assert isinstance(article, Article)
    return article, coder.code_article(article).events


def _training(events: list[Event]) -> Event:
    """The announced training of Ecuadorean units in Israel: PLOVER codes announced military cooperation as
    AGREE (intent to cooperate), context military, flagged future."""
    found = [e for e in events if e.event == "AGREE" and e.modality.future and "military" in e.context
             and any(a.country == "ECU" for a in e.actor) and any(r.country == "ISR" for r in e.recipient)]  # fmt: skip
    assert len(found) == 1, [(e.event, e.trigger, [a.label for a in e.actor]) for e in events]
    return found[0]


def test_sample_demo_article_training_cooperation(coder: Annalist) -> None:
    article, events = _events(coder, EXAMPLES / "ecuador_israel_2019.md")
    assert article.published == dt.date(2019, 9, 17) and article.published_source == "dateline"
    training = _training(events)
    assert training.date.start == dt.date(2019, 9, 17)
    assert article.text[training.start : training.end] == training.text
    assert "training programme in Israel" in training.text
    sanctions = [e for e in events if e.event == "SANCTION"]
    assert {e.date.start.year for e in sanctions if e.date.start} >= {2010}


@pytest.mark.skipif(not SAMPLE.exists(), reason="../shared is not here")
def test_sample_shared_article_training_cooperation_dated_and_located(coder: Annalist) -> None:
    article, events = _events(coder, SAMPLE, dt.date(2019, 9, 17))
    assert article.title == "Israel begins training Ecuadorean military units"
    assert article.dateline is not None and article.dateline.place == "Quito"
    assert not article.text[article.dateline.end :].startswith("RHC")
    training = _training(events)
    assert (training.date.start, training.date.precision) == (dt.date(2019, 9, 17), "day")
    assert article.text[training.start : training.end] == training.text
    assert article.text[training.trigger_start : training.trigger_end] == "training"
    assert [(a.country, a.sector) for a in training.actor] == [("ECU", "MIL")]
    assert training.location is not None and training.location.country == "ISR"
    assert training.location.precision == "country" and training.location.lat is None
