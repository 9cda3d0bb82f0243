"""The dashboard benchmark on a grown copy of the web fixture database: every URL answers 200, and the events
it was grown with are real copies (new ids, moved dates) that the pages see."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from annalist.bench.dashboard import URLS, run_dashboard_bench
from annalist.store import Store
from annalist.store.inflate import inflate_events
from tests.conftest import run_cli


def test_inflate_events_copies_with_new_ids_and_later_dates(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "grown.duckdb"
    shutil.copy(web_db, db)
    store = Store(db)
    before = store.count("events")
    assert inflate_events(store, before * 3) == before * 3
    rows = store.query("SELECT id, date, cluster_id FROM events")
    assert len({r["id"] for r in rows}) == len(rows)
    original = {r["id"]: r for r in rows if "~" not in r["id"]}
    copy = next(r for r in rows if r["id"].endswith("~2") and r["date"] is not None)
    source = original[copy["id"][:-2]]
    assert (copy["date"] - source["date"]).days == 14 and copy["cluster_id"] == f"{source['cluster_id']}~2"
    assert inflate_events(store, before) == before * 3  # already big enough: nothing added
    assert Store(web_db).count("events") == before  # the fixture itself is untouched


def test_dashboard_bench_times_every_url(web_db: Path) -> None:
    before = Store(web_db).count("events")
    report = run_dashboard_bench(web_db, events=before * 40, repeats=2)
    assert report["events"] >= before * 40
    assert set(report["urls"]) == set(URLS)
    assert all(t["status"] == [200] and 0 < t["median_ms"] <= t["max_ms"] for t in report["urls"].values())
    assert Store(web_db).count("events") == before


def test_bench_cli_dashboard(web_db: Path, tmp_path: Path) -> None:
    shown = run_cli("bench", "--dashboard", str(web_db), "--dashboard-events", "200", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["dashboard"]["events"] >= 200
    missing = run_cli("bench", "--dashboard", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1 and "no such database" in missing.stderr


def test_dyad_page_lists_the_latest_events_and_counts_them_all(web_db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from annalist.web import create_app
    from annalist.web.data import DYAD_EVENTS

    db = tmp_path / "grown.duckdb"
    shutil.copy(web_db, db)
    inflate_events(Store(db), Store(db).count("events") * 60)
    client = TestClient(create_app(db))
    data = client.get("/api/relations?a=ECU&b=ISR&by=year").json()
    assert data["events_total"] == sum(len(row["event_ids"]) for row in data["periods"]) > DYAD_EVENTS
    assert len(data["events"]) == DYAD_EVENTS
    latest = max(row["period"] for row in data["periods"])
    assert max(e["date"] for e in data["events"] if e["date"]) >= latest[:4]
    assert "The latest 200 of" in client.get("/dyad?a=ECU&b=ISR").text
