"""Scores: per-label precision, recall and F1, micro and macro averages, a confusion matrix, actor, sector,
date and flag accuracy on matched events, and the worst errors.

Sentence-level scoring. For each gold sentence, the set of gold event types is compared with the set of
predicted types (negated events, gold or predicted, are left out of both: they did not happen; they are
still matched for date and flag accuracy). Where the gold leaves an event's direction open (both sides marked
source-or-target), its sides are compared with the predicted actors and recipients together. A predicted type the
gold lacks is a false positive, a gold type not predicted a false negative. Sets that give only a quad class
(ConfliBERT) compare the quad class of the most confident predicted event (0 when there is none).

Anchored scoring, for gold sets whose records each code one event and mark the words that tell it (the PLOVER
gold records): the predicted events compared are those whose trigger lies in the marked words. Other events of
the sentence were not annotated either way, so they are neither right nor wrong; but where no predicted event
lies in the marked words, all the sentence's events are compared, as in sentence-level scoring.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from annalist.evaluation.gold import NO_EVENT, GoldActor, GoldEvent, GoldRecord
from annalist.model import EVENT_TYPES, Event
from annalist.places.gazetteer import fold, great_circle_km

MERGED_COUNTRIES = {"UNO": "IGO", "EUR": "IGO"}  # gold sets that code every IGO as IGO
FLAGS = ("historical", "future", "hypothetical", "negated", "reported", "unattributed")


@dataclass(slots=True)
class LabelScore:
    label: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(slots=True)
class Scores:
    labels: dict[str, LabelScore]
    detection: LabelScore = field(default_factory=lambda: LabelScore("any event"))  # event or none, per sentence
    confusion: dict[str, Counter[str]] = field(default_factory=dict)
    accuracy: dict[str, Accuracy] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)
    records: int = 0
    distances_km: list[float] = field(default_factory=list)  # gold point to predicted point, where both exist

    def micro(self) -> LabelScore:
        total = LabelScore("micro")
        for score in self.labels.values():
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
        return total

    def macro(self) -> tuple[float, float, float]:
        """Macro precision, recall and F1 over the labels the gold holds."""
        present = [s for s in self.labels.values() if s.support]
        if not present:
            return 0.0, 0.0, 0.0
        n = len(present)
        return (sum(s.precision for s in present) / n, sum(s.recall for s in present) / n,
                sum(s.f1 for s in present) / n)  # fmt: skip


def _counted(events: list[Event]) -> list[Event]:
    return [e for e in events if not e.modality.negated]


def _anchored(events: list[Event], anchors: list[tuple[int, int]]) -> list[Event]:
    """The events whose trigger lies in the gold's marked words; all of them where none does."""
    inside = [e for e in events if any(start < e.trigger_end and e.trigger_start < end for start, end in anchors)]
    return inside or events


def _primary(events: list[Event]) -> Event | None:
    return max(events, key=lambda e: e.confidence, default=None)


def _countries(actors: list[Any], merge: bool) -> set[str]:
    codes = {a.country for a in actors if a.country}
    return {MERGED_COUNTRIES.get(c, c) for c in codes} if merge else codes


def _date_matches(gold: GoldEvent, event: Event) -> bool:
    if event.date.start is None:
        return False
    precision = gold.date_precision or {4: "year", 7: "month", 10: "day"}.get(len(gold.date or ""))
    return event.date.precision == precision and event.date.start.isoformat().startswith(gold.date or "?")


NEAR_KM = 25.0  # a predicted point this close to the gold one is the same place


def _compare_location(gold: GoldEvent, event: Event, scores: Scores) -> None:
    found = event.location if event.location is not None and event.location.source != "dateline" else None
    wanted = gold.location
    if not wanted:
        scores.accuracy.setdefault("location absent", Accuracy()).add(found is None)
        return
    scores.accuracy.setdefault("location country", Accuracy()).add(
        found is not None and found.country == wanted.get("country")
    )
    same = False
    if found is not None:
        if wanted.get("precision") == "country":
            same = found.precision == "country" and found.country == wanted.get("country")
        elif found.lat is not None and wanted.get("lat") is not None:
            km = great_circle_km((found.lat, found.lon or 0.0), (float(wanted["lat"]), float(wanted["lon"])))
            scores.distances_km.append(km)
            same = km <= NEAR_KM
        else:
            same = fold(found.name or "").lower() == fold(str(wanted.get("name", ""))).lower()
    scores.accuracy.setdefault("location place", Accuracy()).add(same)


def _compare_event(gold: GoldEvent, event: Event, scores: Scores, merge: bool, flags: bool,
                   locations: bool = False) -> None:  # fmt: skip
    for role, gold_actors, actors in (
        ("actor", gold.actor, event.actor + event.recipient if gold.undirected else event.actor),
        ("recipient", gold.recipient, event.recipient),
    ):
        gold_codes = _countries(gold_actors, merge)
        if gold_codes:
            scores.accuracy.setdefault(f"{role} country", Accuracy()).add(gold_codes == _countries(actors, merge))
        for gold_actor in (a for a in gold_actors if a.sector and a.country):
            same = [a for a in actors if _countries([a], merge) == _countries([gold_actor], merge)]
            scores.accuracy.setdefault(f"{role} sector", Accuracy()).add(
                any(a.sector == gold_actor.sector for a in same)
            )
    if gold.date or gold.undated:
        scores.accuracy.setdefault("date", Accuracy()).add(
            event.date.start is None if gold.undated else _date_matches(gold, event)
        )
    if locations:
        _compare_location(gold, event, scores)
    for flag in FLAGS if flags else ():
        expected, found = flag in gold.flags, bool(getattr(event.modality, flag))
        if expected or found:
            scores.accuracy.setdefault(f"flag {flag}", Accuracy()).add(expected == found)


def _actor_text(actors: list[GoldActor] | list[Any]) -> str:
    return "+".join(" ".join(p for p in (a.country, a.sector) if p) for a in actors) or "-"


def score_events(pairs: list[tuple[GoldRecord, list[Event]]], *, merge_igo: bool = False, flags: bool = True,
                 match_types: bool = True, locations: bool = False, anchored: bool = False,
                 worst: int = 20) -> Scores:  # fmt: skip
    """Score predicted events against gold events, sentence by sentence.

    pairs (list): each gold record with the events Annalist coded from its text.
    merge_igo (bool): count UNO and EUR as IGO (for gold sets that do).
    flags (bool): score modality flags (for gold sets that annotate them).
    locations (bool): score locations (country, place within 25 km, distance; and no place where none).
    match_types (bool): compare actors on the predicted event of the gold event's type; when False (gold
        types that carry no meaning, as in PETRARCH's unit tests), on the most confident predicted event.
    anchored (bool): compare only the events told in the record's marked words, where there are any.
    worst (int): how many of the worst errors to keep.
    RETURNS (Scores): the scores.
    """
    scores = Scores(labels={t: LabelScore(t) for t in EVENT_TYPES}, records=len(pairs))
    mistakes: list[tuple[float, dict[str, Any]]] = []
    for gold, coded in pairs:
        predicted = _anchored(coded, gold.anchors) if anchored and gold.anchors else coded
        events = _counted(predicted)
        gold_types = {g.event for g in gold.events if "negated" not in g.flags}
        found_types = {e.event for e in events}
        scores.detection.tp += bool(gold_types) and bool(found_types)
        scores.detection.fp += not gold_types and bool(found_types)
        scores.detection.fn += bool(gold_types) and not found_types
        for label in gold_types | found_types:
            score = scores.labels[label]
            score.tp += label in gold_types and label in found_types
            score.fp += label in found_types and label not in gold_types
            score.fn += label in gold_types and label not in found_types
        primary = _primary(events)
        gold_primary = next((g.event for g in gold.events if "negated" not in g.flags), NO_EVENT)
        scores.confusion.setdefault(gold_primary, Counter())[primary.event if primary else NO_EVENT] += 1
        for gold_event in gold.events:
            negated = "negated" in gold_event.flags
            pool = [e for e in predicted if e.modality.negated == negated] if match_types else events
            match = next((e for e in pool if e.event == gold_event.event), None) if match_types else primary
            if match is not None:
                _compare_event(gold_event, match, scores, merge_igo, flags, locations)
        if gold_types != found_types:
            wrong = [e for e in events if e.event not in gold_types]
            badness = max((e.confidence for e in wrong), default=0.0) + len(gold_types - found_types) * 0.01
            mistakes.append((badness, {
                "id": gold.id, "text": gold.text,
                "gold": [f"{g.event} {_actor_text(g.actor)} -> {_actor_text(g.recipient)}" for g in gold.events],
                "predicted": [f"{e.event} {_actor_text(e.actor)} -> {_actor_text(e.recipient)} "
                              f"[{e.produced_by} {e.confidence:.2f}]" for e in events],
            }))  # fmt: skip
    scores.errors = [m for _, m in sorted(mistakes, key=lambda pair: -pair[0])[:worst]]
    return scores


def score_quads(pairs: list[tuple[GoldRecord, list[Event]]], *, worst: int = 20) -> Scores:
    """Score the quad class of the most confident predicted event (0 for none) against a five-class gold."""
    labels = {str(q): LabelScore(str(q)) for q in range(5)}
    scores = Scores(labels=labels, records=len(pairs))
    accuracy = scores.accuracy.setdefault("quad class", Accuracy())
    mistakes = []
    for gold, predicted in pairs:
        primary = _primary(_counted(predicted))
        found, expected = str(primary.quad_class if primary else 0), str(gold.quad)
        scores.confusion.setdefault(expected, Counter())[found] += 1
        accuracy.add(found == expected)
        if found == expected:
            labels[found].tp += 1
        else:
            labels[found].fp += 1
            labels[expected].fn += 1
            mistakes.append((primary.confidence if primary else 0.0, {
                "id": gold.id, "text": gold.text, "gold": [expected],
                "predicted": [f"{found} {primary.event} [{primary.produced_by}]" if primary else "0 (no event)"],
            }))  # fmt: skip
    scores.errors = [m for _, m in sorted(mistakes, key=lambda pair: -pair[0])[:worst]]
    return scores
