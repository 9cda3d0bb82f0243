"""How fast the dashboard answers on a large database: each page and API call timed against a real server.

`annalist bench --dashboard DB` copies the database, grows its events to `--dashboard-events` (a million by
default) with `annalist.store.inflate`, serves it with uvicorn on loopback and times each URL of URLS a few
times (the median is reported), from a fresh connection each time, as a browser would.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from annalist.store import Store
from annalist.store.inflate import inflate_events

URLS = (
    "/api/events",
    "/api/events?page=2000",
    "/api/events?actor=USA&happened=true",
    "/api/events?event=ASSAULT&since=2019-01-01&until=2024-12-31",
    "/events?actor=SYR&event=ASSAULT",
    "/api/relations?a=USA&b=SYR&by=month",
    "/api/network",
    "/api/health",
)


def _get(url: str) -> tuple[int, float]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=300) as response:  # loopback only
            response.read()
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = error.code
    return status, (time.perf_counter() - started) * 1000


def run_dashboard_bench(db: Path, *, events: int = 1_000_000, repeats: int = 5) -> dict[str, Any]:
    """Time the dashboard's pages on a copy of `db` grown to at least `events` events.

    db (Path): a database coded by Annalist (left untouched).
    events (int): how many events the copy should hold.
    repeats (int): requests per URL; the median is reported.
    RETURNS (dict): the number of events, and per URL its status and median and slowest milliseconds.
    """
    from annalist.web.serving import serving  # the web stack only when the dashboard is timed

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "dashboard.duckdb"
        shutil.copy(db, copy)
        total = inflate_events(Store(copy), events)
        timings: dict[str, Any] = {}
        with serving(copy) as base:
            for url in URLS:
                runs = [_get(base + url) for _ in range(repeats)]
                statuses = sorted({status for status, _ in runs})
                times = [ms for _, ms in runs]
                timings[url] = {"status": statuses, "median_ms": round(statistics.median(times), 1),
                                "max_ms": round(max(times), 1)}  # fmt: skip
    return {"events": total, "repeats": repeats, "urls": timings}
