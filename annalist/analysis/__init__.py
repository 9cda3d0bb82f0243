"""Relations over time: a dyad's events by period, its cooperation-conflict score, and where it shifted.

    import annalist
    from annalist.analysis import relations
    report = relations(annalist.open("annalist.duckdb"), "ECU", "ISR", by="year")
    report.periods.to_pandas()      # one row per period and direction (a pyarrow Table)
    report.shifts                   # significant changes in the dyad's score

Shifts are found by binary segmentation of the dyad's per-period mean PLOVER score (both directions): the
split that maximises the CUSUM statistic |mean before - mean after| x sqrt(n1 n2 / n) is kept when a
permutation test (PERMUTATIONS shuffles of the periods, fixed seed) finds it significant at ALPHA, and each
side is searched again. Each segment has at least MIN_SEGMENT periods.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from annalist.errors import Errors, UsageError
from annalist.store import Store
from annalist.store.relations import PERIODS, dyad_periods, pairs

PERMUTATIONS = 999
ALPHA = 0.05
MIN_SEGMENT = 2


@dataclass(slots=True)
class Shift:
    """A significant change in a dyad's score between two periods."""

    period: str  # the first period after the change
    before: float
    after: float
    p_value: float
    events_around: list[str] = field(default_factory=list)  # event ids of the periods either side


@dataclass(slots=True)
class Relations:
    a: str
    b: str
    by: str
    periods: pa.Table  # period, direction, events, per quad class, score sum and mean, event ids
    by_type: pa.Table  # period, direction, event type, events
    shifts: list[Shift]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "by": self.by, "periods": self.periods.to_pylist(),
                "by_type": self.by_type.to_pylist(), "shifts": [dataclasses.asdict(s) for s in self.shifts]}  # fmt: skip


def _stat(values: list[float], split: int) -> float:
    left, right = values[:split], values[split:]
    n1, n2 = len(left), len(right)
    return abs(sum(left) / n1 - sum(right) / n2) * math.sqrt(n1 * n2 / (n1 + n2))


def _best_split(values: list[float]) -> tuple[int, float] | None:
    splits = range(MIN_SEGMENT, len(values) - MIN_SEGMENT + 1)
    scored = [(split, _stat(values, split)) for split in splits]
    return max(scored, key=lambda item: item[1]) if scored else None


def change_points(values: list[float], *, offset: int = 0, seed: int = 0) -> list[tuple[int, float]]:
    """Indexes where a series' mean shifts significantly, with their permutation p-values (see module doc)."""
    found = _best_split(values)
    if found is None:
        return []
    split, observed = found
    rng = random.Random(seed + offset + len(values))
    shuffled = list(values)
    at_least = 0
    for _ in range(PERMUTATIONS):
        rng.shuffle(shuffled)
        best = _best_split(shuffled)
        at_least += best is not None and best[1] >= observed - 1e-12
    p_value = (at_least + 1) / (PERMUTATIONS + 1)
    if p_value >= ALPHA:
        return []
    return [*change_points(values[:split], offset=offset, seed=seed), (offset + split, p_value),
            *change_points(values[split:], offset=offset + split, seed=seed)]  # fmt: skip


def relations(store: Store, a: str, b: str, *, by: str = "year", mentions: bool = False) -> Relations:
    """How relations between two actors (country or organisation codes) moved, period by period.

    store (Store): the database.
    a, b (str): the two actors' codes (ECU, ISR, IMF, ...).
    by (str): month, quarter or year.
    mentions (bool): count every mention rather than each real-world event once.
    RETURNS (Relations): per-period tables (Arrow) and the significant shifts.
    """
    if by not in PERIODS:
        raise UsageError(Errors.E402.format(what="period", value=by, choices=", ".join(PERIODS)))
    rows = dyad_periods(store, a, b, by, dedup=not mentions)
    summary: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (str(row["period"]), row["direction"])
        entry = summary.setdefault(key, {"period": key[0], "direction": key[1], "events": 0, "quad1": 0, "quad2": 0,
                                         "quad3": 0, "quad4": 0, "score_sum": 0.0, "event_ids": []})  # fmt: skip
        entry["events"] += row["events"]
        entry[f"quad{row['quad_class']}"] += row["events"]
        entry["score_sum"] += row["score_sum"]
        entry["event_ids"] += row["event_ids"]
    for entry in summary.values():
        entry["score_mean"] = round(entry["score_sum"] / entry["events"], 3)
        entry["score_sum"] = round(entry["score_sum"], 3)
    periods = [summary[key] for key in sorted(summary)]
    by_type = [{"period": str(r["period"]), "direction": r["direction"], "event": r["event"], "events": r["events"]}
               for r in rows]  # fmt: skip
    return Relations(a.upper(), b.upper(), by, pa.Table.from_pylist(periods), pa.Table.from_pylist(by_type),
                     _shifts(periods))  # fmt: skip


def _shifts(periods: list[dict[str, Any]]) -> list[Shift]:
    combined: dict[str, list[float]] = defaultdict(list)
    ids: dict[str, list[str]] = defaultdict(list)
    for entry in periods:
        combined[entry["period"]].append(entry["score_sum"])
        combined[entry["period"] + "#n"].append(entry["events"])
        ids[entry["period"]] += entry["event_ids"]
    labels = sorted(k for k in combined if not k.endswith("#n"))
    means = [sum(combined[p]) / sum(combined[p + "#n"]) for p in labels]
    shifts = []
    for index, p_value in change_points(means):
        before, after = means[:index], means[index:]
        around = ids[labels[index - 1]] + ids[labels[index]]
        shifts.append(Shift(period=labels[index], before=round(sum(before) / len(before), 3),
                            after=round(sum(after) / len(after), 3), p_value=round(p_value, 4), events_around=around))  # fmt: skip
    return shifts


def actor_pairs(store: Store, *, limit: int = 20, mentions: bool = False) -> pa.Table:
    """Who interacts with whom most: directed pairs by volume, with net (summed) and mean PLOVER score."""
    return pa.Table.from_pylist(pairs(store, limit=limit, dedup=not mentions))
