"""The SQL behind relations and actor pairs: events (or event clusters) by dyad and period.

Counting units: by default one per real-world event (cluster: its most confident mention stands for it), or
one per mention when asked. Negated and hypothetical events are left out (they did not happen), and so are
undated ones (they have no period).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annalist.store import Store

PERIODS = {"month": "month", "quarter": "quarter", "year": "year"}

_UNITS = {
    True: """units AS (SELECT * FROM events WHERE NOT negated AND NOT hypothetical AND date IS NOT NULL
             QUALIFY row_number() OVER (PARTITION BY coalesce(cluster_id, id) ORDER BY confidence DESC, id) = 1)""",
    False: """units AS (SELECT * FROM events WHERE NOT negated AND NOT hypothetical AND date IS NOT NULL)""",
}


def _has(column: str, side: str) -> str:
    return f"(list_contains({column}_countries, ${side}) OR list_contains({column}_codes, ${side}))"


def dyad_periods(store: Store, a: str, b: str, by: str, *, dedup: bool = True) -> list[dict[str, Any]]:
    """Per period, direction and event type: how many events, their quad class and PLOVER scores.

    Direction is 'a->b' or 'b->a', or 'a<->b' when both act together (Ecuador and Israel cut ties).
    """
    period = PERIODS[by]
    joint = f"{_has('actor', 'a')} AND {_has('actor', 'b')}"
    a_to_b = f"{_has('actor', 'a')} AND {_has('recipient', 'b')}"
    b_to_a = f"{_has('actor', 'b')} AND {_has('recipient', 'a')}"
    sql = f"""
    WITH {_UNITS[dedup]},
    dyad AS (
      SELECT *, CASE WHEN {joint} THEN 'a<->b' WHEN {a_to_b} THEN 'a->b' ELSE 'b->a' END AS direction
      FROM units WHERE ({joint}) OR ({a_to_b}) OR ({b_to_a})
    )
    SELECT CAST(date_trunc('{period}', date) AS DATE) AS period, direction, event, quad_class, count(*) AS events,
           sum(intensity) AS score_sum, avg(intensity) AS score_mean, list(id ORDER BY date, id) AS event_ids
    FROM dyad GROUP BY ALL ORDER BY period, direction, event
    """  # noqa: S608  (only the period name, from PERIODS, is formatted in; values are bound)
    return store.query(sql, {"a": a.upper(), "b": b.upper()})


def pairs(store: Store, *, limit: int, dedup: bool = True) -> list[dict[str, Any]]:
    """Directed country (or organisation) pairs by volume, with summed and mean PLOVER score."""
    sql = f"""
    WITH {_UNITS[dedup]},
    sides AS (
      SELECT unnest(CASE WHEN len(actor_countries) > 0 THEN actor_countries ELSE actor_codes END) AS actor,
             unnest(CASE WHEN len(recipient_countries) > 0 THEN recipient_countries ELSE recipient_codes END)
               AS recipient,
             intensity, quad_class
      FROM units WHERE len(actor_codes) > 0 AND len(recipient_codes) > 0
    )
    SELECT actor, recipient, count(*) AS events, sum(intensity) AS score_sum, avg(intensity) AS score_mean,
           count(*) FILTER (WHERE quad_class <= 2) AS cooperation, count(*) FILTER (WHERE quad_class >= 3) AS conflict
    FROM sides WHERE actor IS NOT NULL AND recipient IS NOT NULL AND actor <> recipient AND actor <> 'UNK'
      AND recipient <> 'UNK'
    GROUP BY actor, recipient ORDER BY events DESC, actor, recipient LIMIT ?
    """  # noqa: S608
    return store.query(sql, [limit])
