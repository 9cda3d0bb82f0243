"""Where a series' mean shifts: circular binary segmentation (Olshen et al. 2004) with permutation p-values.

A segment [i, j) of the series is compared with the rest by the statistic
|mean inside - mean outside| x sqrt(k (n - k) / n), k = j - i. Its maximum over all segments is tested
against the same maximum over PERMUTATIONS shuffles of the series (fixed seed: the same input gives the same
answer). When significant at ALPHA, i and j (those inside the series) are change points, and each of the (up to
three) pieces is searched again. When both ends lie inside, each must also hold up on its own: the two pieces
either side of it must show a significant single step (the best cut's statistic against its permutation
maximum), so that a stray value or two next to a real step do not become a change of their own. A single step is the case j = n; a spell that comes and goes ("conflict, a
thaw, conflict again") is found in one test, which plain binary segmentation misses. Every piece is at least
MIN_SEGMENT long.
"""

from __future__ import annotations

import numpy as np

PERMUTATIONS = 999
ALPHA = 0.05
MIN_SEGMENT = 2


def _segments(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Every allowed (start, end) pair: inside and each non-empty outside piece at least MIN_SEGMENT long."""
    starts, ends = np.triu_indices(n + 1, k=MIN_SEGMENT)
    inside_ok = (ends - starts) <= n - MIN_SEGMENT
    left_ok = (starts == 0) | (starts >= MIN_SEGMENT)
    right_ok = (ends == n) | (n - ends >= MIN_SEGMENT)
    keep = inside_ok & left_ok & right_ok
    return starts[keep], ends[keep]


def _statistics(samples: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The statistic of every segment for each row of `samples` (rows x segments)."""
    n = samples.shape[1]
    sums = np.concatenate([np.zeros((samples.shape[0], 1)), np.cumsum(samples, axis=1)], axis=1)
    inside = sums[:, ends] - sums[:, starts]
    k = (ends - starts).astype(float)
    outside = sums[:, -1:] - inside
    statistics: np.ndarray = np.abs(inside / k - outside / (n - k)) * np.sqrt(k * (n - k) / n)
    return statistics


def _p_value(series: np.ndarray, starts: np.ndarray, ends: np.ndarray, observed: float,
             rng: np.random.Generator) -> float:  # fmt: skip
    """How often the largest statistic over these segments, on shuffles of the series, reaches `observed`."""
    at_least, chunk = 0, max(1, 4_000_000 // len(starts))  # a few tens of MB at a time for long series
    for done in range(0, PERMUTATIONS, chunk):
        shuffled = rng.permuted(np.tile(series, (min(chunk, PERMUTATIONS - done), 1)), axis=1)
        at_least += int(np.sum(_statistics(shuffled, starts, ends).max(axis=1) >= observed - 1e-12))
    return (at_least + 1) / (PERMUTATIONS + 1)


def _step_p_value(series: np.ndarray, rng: np.random.Generator) -> float:
    """The permutation p-value of the best single step in a piece (the maximum over its cuts, as selected)."""
    n = len(series)
    starts = np.arange(MIN_SEGMENT, n - MIN_SEGMENT + 1)
    if not len(starts):
        return 1.0
    ends = np.full_like(starts, n)
    return _p_value(series, starts, ends, float(_statistics(series[None, :], starts, ends)[0].max()), rng)


def change_points(values: list[float], *, offset: int = 0, seed: int = 0) -> list[tuple[int, float]]:
    """Indexes where a series' mean shifts significantly, each with its permutation p-value, in order.

    values (list[float]): the series (a dyad's mean score per period).
    offset (int): added to the indexes returned (for the pieces of a longer series).
    seed (int): the permutations' seed.
    RETURNS (list[tuple[int, float]]): (index of the first value after the change, p-value).
    """
    n = len(values)
    starts, ends = _segments(n)
    if not len(starts):
        return []
    series = np.asarray(values, dtype=float)
    observed = _statistics(series[None, :], starts, ends)[0]
    best = int(np.argmax(observed))
    rng = np.random.default_rng(seed + offset + n)
    p_value = _p_value(series, starts, ends, float(observed[best]), rng)
    if p_value >= ALPHA:
        return []
    cuts = [int(c) for c in (starts[best], ends[best]) if 0 < c < n]
    if len(cuts) == 2:  # each end must hold up against the piece beyond it, or a stray value makes a change
        tested = [(_step_p_value(series[lo:hi], rng), cut) for cut, lo, hi in
                  ((cuts[0], 0, cuts[1]), (cuts[1], cuts[0], n))]  # fmt: skip
        cuts = [cut for p, cut in tested if p < ALPHA] or [min(tested)[1]]
    found: list[tuple[int, float]] = []
    for left, right in zip([0, *cuts], [*cuts, n], strict=True):
        found += change_points(values[left:right], offset=offset + left, seed=seed)
        if right < n:
            found.append((offset + right, p_value))
    return found
