"""Relations over time: a dyad's events by period, its cooperation-conflict score, and where it shifted.

    import annalist
    from annalist.analysis import relations
    report = relations(annalist.open("annalist.duckdb"), "ECU", "ISR", by="year")
    report.periods.to_pandas()      # one row per period and direction (a pyarrow Table)
    report.shifts                   # significant changes in the dyad's score

Shifts are change points in the dyad's per-period mean PLOVER score (both directions together), found by
circular binary segmentation with permutation p-values (see `annalist.analysis.changes`).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from annalist.analysis.changes import change_points

__all__ = ["Relations", "Shift", "actor_pairs", "change_points", "relations"]
from annalist.errors import Errors, UsageError
from annalist.store import Store
from annalist.store.relations import PERIODS, dyad_periods, pairs


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
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    ids: dict[str, list[str]] = defaultdict(list)
    for entry in periods:  # both directions of a period together
        sums[entry["period"]] += entry["score_sum"]
        counts[entry["period"]] += entry["events"]
        ids[entry["period"]] += entry["event_ids"]
    labels = sorted(sums)
    means = [sums[p] / counts[p] for p in labels]
    found = change_points(means)
    bounds = [0, *(index for index, _ in found), len(means)]
    shifts = []
    for n, (index, p_value) in enumerate(found):
        before, after = means[bounds[n] : index], means[index : bounds[n + 2]]  # the segments either side
        shifts.append(Shift(period=labels[index], before=round(sum(before) / len(before), 3),
                            after=round(sum(after) / len(after), 3), p_value=round(p_value, 4),
                            events_around=ids[labels[index - 1]] + ids[labels[index]]))  # fmt: skip
    return shifts


def actor_pairs(store: Store, *, limit: int = 20, mentions: bool = False) -> pa.Table:
    """Who interacts with whom most: directed pairs by volume, with net (summed) and mean PLOVER score."""
    return pa.Table.from_pylist(pairs(store, limit=limit, dedup=not mentions))
