"""For benchmarks only: grow a database to a given number of events by copying the events it holds.

Copy n of every event gets the id `<id>~n`, its cluster `<cluster>~n`, and its dates moved n x 7 days on, so
the copies spread over time as real coverage does and still point at real articles and sentences.
"""

from __future__ import annotations

import math

from annalist.store import Store


def inflate_events(store: Store, target: int) -> int:
    """Add copies of the events until there are at least `target`; RETURNS how many events there are now."""
    with store.connect() as connection:
        row = connection.execute("SELECT count(*) FROM events").fetchone()
        have = int(row[0]) if row else 0
        if have == 0 or have >= target:
            return have
        copies = math.ceil(target / have) - 1
        connection.execute(
            """INSERT INTO events SELECT events.* REPLACE (
                   id || '~' || n AS id, cluster_id || '~' || n AS cluster_id,
                   date + CAST(7 * n AS INTEGER) AS date, date_end + CAST(7 * n AS INTEGER) AS date_end)
               FROM events, range(1, ? + 1) AS copies(n)""",
            [copies],
        )
        row = connection.execute("SELECT count(*) FROM events").fetchone()
        return int(row[0]) if row else 0
