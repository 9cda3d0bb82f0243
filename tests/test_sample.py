"""End to end on the sample story: the bundled demo article (the team's own telling) always, and the
shared sample article when ../shared is present (users and CI without it skip that test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

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


def _one(events: list[Event], kind: str, actor: str, recipient: str | None, word: str) -> Event:
    """The event of a type whose actor and recipient carry these codes (or countries) and whose trigger is word."""

    def codes(entities: list[Any]) -> set[str]:
        return {e.code for e in entities} | {e.country for e in entities if e.country}

    found = [e for e in events if e.event == kind and e.trigger == word and actor in codes(e.actor)
             and (recipient is None or recipient in codes(e.recipient))]  # fmt: skip
    assert found, (kind, actor, recipient, word, [(e.event, e.trigger, codes(e.actor), codes(e.recipient))
                                                  for e in events])  # fmt: skip
    return found[0]


@pytest.mark.skipif(not SAMPLE.exists(), reason="../shared is not here")
def test_sample_shared_article_interactions_actors_dates_flags_places(coder: Annalist) -> None:
    _, events = _events(coder, SAMPLE, dt.date(2019, 9, 17))
    purchase = _one(events, "COOPERATE", "ECU", "ISR", "purchased")  # the $30M of Israeli arms
    assert purchase.date.source == "text"
    for word in ("put", "stopped"):  # 2010: the end of military cooperation and of arms purchases
        ended = _one(events, "SANCTION", "RAFAEL_CORREA", None, word)
        assert ended.date.start == dt.date(2010, 1, 1) and ended.modality.historical
        assert [(a.country, a.sector) for a in ended.actor] == [("ECU", "GOV")]  # president in 2010
    recognised = _one(events, "SUPPORT", "RAFAEL_CORREA", "PSE", "recognized")
    assert recognised.modality.historical
    gaza = _one(events, "ASSAULT", "ISR", "PSE", "killed")
    assert (
        gaza.date.start == dt.date(2014, 1, 1) and gaza.location is not None and gaza.location.name == "Gaza Strip"
    )
    recall = _one(events, "SANCTION", "ECU", "ISR", "recalled")
    assert (recall.mode, recall.date.start) == ("withdraw", dt.date(2014, 1, 1))
    thaw = _one(events, "SUPPORT", "ECU", "USA", "thawing")
    assert "ISR" in {r.country for r in thaw.recipient} and thaw.date.start == dt.date(2019, 9, 17)
    critics = _one(events, "ACCUSE", "ECU", "VEN", "joined")  # "joined in regional attacks on ... Venezuela"
    assert critics.mode == "disapprove"
    loan = _one(events, "AID", "IMF", None, "loan")
    assert not loan.modality.historical
    handover = _one(events, "COOPERATE", "LENIN_MORENO", "GBR", "hand")
    assert [(a.country, a.sector) for a in handover.actor] == [("ECU", "GOV")]
    assert [(r.country, r.sector) for r in handover.recipient] == [("GBR", "GOV")]
    extradition = next(e for e in events if e.trigger == "faces" and e.event == "COOPERATE")
    assert [r.country for r in extradition.recipient] == ["USA"]
    assert extradition.modality.hypothetical and not extradition.modality.negated
    jarrin = _one(events, "SUPPORT", "OSWALDO_JARRIN", "ISR", "hailed")
    assert [(a.country, a.sector) for a in jarrin.actor] == [("ECU", "GOV")]
