"""Scoring arithmetic on hand-built events (the pure part of evaluation)."""

from __future__ import annotations

import datetime as dt

import pytest

from annalist.evaluation.gold import GoldActor, GoldEvent, GoldRecord
from annalist.evaluation.scoring import score_events, score_quads
from annalist.model import Entity, Event, EventDate, Modality


def _entity(country: str, sector: str | None = None) -> Entity:
    return Entity(
        text=country, start=0, end=1, sentence=0, name=country, code=country, country=country, sector=sector
    )


def _event(kind: str, actor: list[Entity], recipient: list[Entity], *, quad: int = 1, confidence: float = 0.8,
           negated: bool = False, date: EventDate | None = None) -> Event:  # fmt: skip
    return Event(id=kind, article_id="a", event=kind, mode=None, context=[], actor=actor, recipient=recipient,
                 sentence=0, text="", start=0, end=0, trigger="", trigger_start=0, trigger_end=0, quad_class=quad,
                 intensity=0.0, cameo=None, confidence=confidence, produced_by="pattern:test", explanation="",
                 modality=Modality(negated=negated), date=date or EventDate())  # fmt: skip


def _gold(rid: str, *events: GoldEvent, quad: int | None = None) -> GoldRecord:
    return GoldRecord(
        id=rid, text=f"sentence {rid}", published=dt.date(2020, 1, 1), events=list(events), quad=quad
    )


def test_scoring_precision_recall_f1_per_type() -> None:
    col, ven = _entity("COL", "GOV"), _entity("VEN")
    pairs = [
        (_gold("1", GoldEvent("SANCTION", actor=[GoldActor("COL", "GOV")], recipient=[GoldActor("VEN")])),
         [_event("SANCTION", [col], [ven])]),  # true positive, actor and recipient right
        (_gold("2", GoldEvent("SANCTION")), []),  # false negative
        (_gold("3"), [_event("SANCTION", [col], [])]),  # false positive on a negative sentence
        (_gold("4", GoldEvent("ASSAULT", actor=[GoldActor("VEN")])), [_event("ASSAULT", [col], [])]),  # wrong actor
        (_gold("5"), [_event("ASSAULT", [col], [], negated=True)]),  # negated: not a prediction
    ]  # fmt: skip
    scores = score_events(pairs)
    sanction, assault = scores.labels["SANCTION"], scores.labels["ASSAULT"]
    assert (sanction.tp, sanction.fp, sanction.fn) == (1, 1, 1)
    assert sanction.precision == sanction.recall == sanction.f1 == 0.5
    assert (assault.tp, assault.fp, assault.fn, assault.f1) == (1, 0, 0, 1.0)
    assert scores.macro()[2] == pytest.approx(0.75), "macro F1 averages only the types the gold holds"
    micro = scores.micro()
    assert (micro.tp, micro.fp, micro.fn) == (2, 1, 1)
    assert scores.accuracy["actor country"].correct == 1 and scores.accuracy["actor country"].total == 2
    assert scores.accuracy["recipient country"].value == 1.0
    assert scores.accuracy["actor sector"].value == 1.0
    assert scores.confusion["NONE"]["SANCTION"] == 1 and scores.confusion["SANCTION"]["NONE"] == 1
    assert [e["id"] for e in scores.errors] == ["3", "2"], "confident false positives are the worst errors"
    detection = scores.detection
    assert (detection.tp, detection.fp, detection.fn) == (2, 1, 1)


def test_scoring_igo_merge_and_dates() -> None:
    un = _entity("UNO")
    gold = GoldEvent("REQUEST", actor=[GoldActor("IGO")], date="2019", date_precision="year")
    year = EventDate(start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31), precision="year", source="text")
    merged = score_events([(_gold("1", gold), [_event("REQUEST", [un], [], date=year)])], merge_igo=True)
    assert merged.accuracy["actor country"].value == 1.0 and merged.accuracy["date"].value == 1.0
    strict = score_events([(_gold("1", gold), [_event("REQUEST", [un], [])])])
    assert strict.accuracy["actor country"].value == 0.0 and strict.accuracy["date"].value == 0.0


def test_scoring_an_undated_gold_event_wants_no_date() -> None:
    gold = GoldEvent("ASSAULT", actor=[GoldActor("AZE")], undated=True)
    story_day = EventDate(
        start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 1), precision="day", source="publication"
    )
    dated = score_events([(_gold("1", gold), [_event("ASSAULT", [_entity("AZE")], [], date=story_day)])])
    undated = score_events([(_gold("1", gold), [_event("ASSAULT", [_entity("AZE")], [])])])
    assert (dated.accuracy["date"].value, undated.accuracy["date"].value) == (0.0, 1.0)
    unknown = score_events(
        [(_gold("1", GoldEvent("ASSAULT", actor=[GoldActor("AZE")])), [_event("ASSAULT", [], [])])]
    )
    assert "date" not in unknown.accuracy, "a gold event without a date key is not judged on its date"


def test_scoring_undirected_gold_takes_either_role() -> None:
    sides = [GoldActor("ARG"), GoldActor("URY")]
    arg, ury, bra = _entity("ARG"), _entity("URY"), _entity("BRA")
    directed, undirected = GoldEvent("CONSULT", actor=sides), GoldEvent("CONSULT", actor=sides, undirected=True)
    for gold, predicted, right in ((undirected, [_event("CONSULT", [arg], [ury])], 1.0),
                                   (directed, [_event("CONSULT", [arg], [ury])], 0.0),
                                   (undirected, [_event("CONSULT", [arg], [bra])], 0.0)):  # fmt: skip
        assert score_events([(_gold("1", gold), predicted)]).accuracy["actor country"].value == right


def test_scoring_quads_use_the_most_confident_event() -> None:
    pairs = [
        (_gold("1", quad=4), [_event("ASSAULT", [], [], quad=4, confidence=0.9), _event("CONSULT", [], [], quad=1)]),
        (_gold("2", quad=0), []),
        (_gold("3", quad=1), [_event("SANCTION", [], [], quad=4)]),
    ]  # fmt: skip
    scores = score_quads(pairs)
    assert scores.accuracy["quad class"].correct == 2
    assert (scores.labels["4"].tp, scores.labels["4"].fp, scores.labels["1"].fn) == (1, 1, 1)


def test_scoring_anchored_judges_only_the_events_told_in_the_marked_words() -> None:
    text = "Serbian police arrested two activists and fired tear gas at the crowd."
    gold = GoldRecord(id="1", text=text, published=None, events=[GoldEvent("COERCE")],
                      anchors=[(text.index("arrested"), text.index("arrested") + 8)])  # fmt: skip

    def at(kind: str, word: str) -> Event:
        event = _event(kind, [], [])
        event.trigger_start = text.index(word)
        event.trigger_end = event.trigger_start + len(word)
        return event

    both = [at("COERCE", "arrested"), at("ASSAULT", "fired")]
    sentence, anchored = score_events([(gold, both)]), score_events([(gold, both)], anchored=True)
    assert (sentence.labels["ASSAULT"].fp, anchored.labels["ASSAULT"].fp) == (1, 0), "the unannotated event"
    assert anchored.labels["COERCE"].tp == 1
    wrong = score_events([(gold, [at("ASSAULT", "arrested")])], anchored=True)
    assert (wrong.labels["ASSAULT"].fp, wrong.labels["COERCE"].fn) == (1, 1), "a wrong type on the marked words"
    elsewhere = score_events([(gold, [at("ASSAULT", "fired")])], anchored=True)
    assert elsewhere.labels["ASSAULT"].fp == 1, "with nothing on the marked words, every event is judged"
