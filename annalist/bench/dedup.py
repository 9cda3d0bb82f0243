"""How fast deduplication clusters many mentions: synthetic reports of synthetic events, timed.

Each synthetic event (a type, two of COUNTRIES parties drawn as news draws them, a few often and most rarely, a
day over two years, a place, a handful of words) is reported one to five times, as news is: some reports dated
by the text, some only by the publication date a day or two later, with some of their words changed, some
without the recipient, half naming only the country, some coded as a neighbouring type of the same quad class.
The mentions are clustered in one pass by the real Clusterer; the report gives the time, mentions per second,
and how the clusters compare with the events they came from (pairwise precision and recall), so a speed-up that
breaks clustering shows.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from annalist.dedup import Clusterer, Mention
from annalist.model import EVENT_TYPES

COUNTRIES = 60
VOCABULARY = [f"word{n}" for n in range(2000)]
START = dt.date(2018, 1, 1)


@dataclass(slots=True)
class DedupBench:
    mentions: int
    events: int
    clusters: int
    seconds: float
    pairwise_precision: float
    pairwise_recall: float

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": self.mentions, "events": self.events, "clusters": self.clusters,
                "seconds": round(self.seconds, 2), "mentions_per_s": round(self.mentions / (self.seconds or 1e-9)),
                "pairwise_precision": round(self.pairwise_precision, 3),
                "pairwise_recall": round(self.pairwise_recall, 3)}  # fmt: skip


def synthetic_mentions(count: int, seed: int = 0) -> tuple[list[Mention], dict[str, int]]:
    """`count` mentions of synthetic events, and which event each mention reports."""
    rng = random.Random(seed)
    types = list(EVENT_TYPES)
    neighbours = {t: types[i // 4 * 4 : i // 4 * 4 + 4] for i, t in enumerate(types)}  # the manual's quads
    weights = [1 / (rank + 1) for rank in range(COUNTRIES)]  # a few countries in most of the news
    mentions: list[Mention] = []
    truth: dict[str, int] = {}
    event = 0
    while len(mentions) < count:
        kind = rng.choice(types)
        actor, recipient = rng.choices(range(COUNTRIES), weights, k=2)
        if actor == recipient:
            continue
        day = START + dt.timedelta(days=rng.randrange(730))
        lat, lon = rng.uniform(-40, 60), rng.uniform(-120, 140)
        words = rng.sample(VOCABULARY, 8)
        for report in range(min(rng.randint(1, 5), count - len(mentions))):
            by_text = rng.random() < 0.5
            published = day + dt.timedelta(days=0 if by_text else rng.randint(0, 2))
            kept = words[: rng.randint(4, 8)] + rng.sample(VOCABULARY, 2)
            coded = kind if rng.random() < 0.9 else rng.choice(neighbours[kind])  # some reports mistype it
            recipients = frozenset({f"C{recipient}"}) if rng.random() < 0.8 else frozenset()
            located = rng.random() < 0.5  # half the reports name the town, half only the country
            mention_id = f"m{len(mentions)}"
            mentions.append(Mention(
                id=mention_id, article_id=f"a{event}-{report}", event=coded, actors=frozenset({f"C{actor}"}),
                recipients=recipients, date_start=published, date_end=None, precision="day",
                dated_by_text=by_text, country=f"C{recipient}", lat=lat if located else None,
                lon=lon if located else None, point_precise=located,
                words=frozenset(kept), order=(published.isoformat(), f"a{event}-{report}", 0)))  # fmt: skip
            truth[mention_id] = event
        event += 1
    return mentions, truth


def _pairs(groups: Counter[Any]) -> int:
    return sum(n * (n - 1) // 2 for n in groups.values())


def pairwise(assigned: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true grouping."""
    both = _pairs(Counter((assigned[m], truth[m]) for m in truth))
    predicted, actual = _pairs(Counter(assigned.values())), _pairs(Counter(truth.values()))
    return (both / predicted if predicted else 1.0), (both / actual if actual else 1.0)


def run_dedup_bench(count: int = 100_000, seed: int = 0) -> DedupBench:
    """Time the clustering of `count` synthetic mentions.

    count (int): how many mentions.
    seed (int): the synthetic data's seed.
    RETURNS (DedupBench): the measurements.
    """
    mentions, truth = synthetic_mentions(count, seed)
    started = time.perf_counter()
    assigned = Clusterer().add(mentions)
    seconds = time.perf_counter() - started
    precision, recall = pairwise(assigned, truth)
    return DedupBench(mentions=len(mentions), events=len(set(truth.values())), clusters=len(set(assigned.values())),
                      seconds=seconds, pairwise_precision=precision, pairwise_recall=recall)  # fmt: skip
