"""The same coder on Apache Spark (a real local session): the same events as coding locally, field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from annalist.ingest import read_inputs
from annalist.model import Article, CodedArticle
from annalist.pipeline import Annalist
from annalist.spark import EVENT_FIELDS, local_session, run_spark
from annalist.store import Store
from tests.conftest import run_cli, write_articles

LOCAL_ONLY = {"cluster_id"}  # clustering happens in the database (annalist import), not on Spark


@pytest.fixture(scope="module")
def spark() -> Any:
    session = local_session("local[2]")
    yield session
    session.stop()


def _jsonl(folder: Path, count: int) -> Path:
    files = write_articles(folder / "txt", count)
    path = folder / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n, file in enumerate(files):
            lines = file.read_text("utf-8").split("\n\n", 1)
            record = {"id": f"a{n}", "title": lines[0], "text": lines[1], "published": "2021-06-01",
                      "url": f"https://x.org/{n}"}  # fmt: skip
            handle.write(json.dumps(record) + "\n")
        handle.write('{"id": "bad", "text": ""}\n')
    return path


def test_spark_codes_the_same_events_as_local(spark: Any, coder: Annalist, tmp_path: Path) -> None:
    data = _jsonl(tmp_path, 50)
    counts = run_spark(str(data), str(tmp_path / "out"), partitions=3, spark=spark)
    assert counts["articles"] == 50 and counts["errors"] == 1
    remote = pq.read_table(tmp_path / "out" / "events").to_pylist()
    local_articles = [a for a in read_inputs([str(data)]) if isinstance(a, Article)]
    local = [e for c in coder.code_articles(local_articles) if isinstance(c, CodedArticle) for e in c.events]
    assert counts["events"] == len(local) == len(remote) > 50
    from annalist.store.rows import event_row

    by_id = {row["id"]: row for row in remote}
    for event in local:
        row, theirs = event_row(event), by_id[event.id]
        for name in EVENT_FIELDS:
            if name not in LOCAL_ONLY:
                assert row[name] == theirs[name], (event.id, name)
        assert theirs["year"] == (event.date.start.year if event.date.start else None)
    errors = pq.read_table(tmp_path / "out" / "errors").to_pylist()
    assert errors == [{"where": "bad", "error": "bad: empty article (no text)"}]


def test_spark_rerun_is_idempotent_and_imports(spark: Any, tmp_path: Path) -> None:
    data = _jsonl(tmp_path, 6)
    first = run_spark(str(data), str(tmp_path / "out"), spark=spark)
    table = sorted(pq.read_table(tmp_path / "out" / "events").to_pylist(), key=lambda r: r["id"])
    second = run_spark(str(data), str(tmp_path / "out"), spark=spark)
    assert first == second
    assert sorted(pq.read_table(tmp_path / "out" / "events").to_pylist(), key=lambda r: r["id"]) == table
    db = tmp_path / "a.duckdb"
    result = run_cli("import", str(tmp_path / "out"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert Store(db).count("articles") == 6 and Store(db).count("events") == first["events"]
    again = run_cli("import", str(tmp_path / "out"), "--db", str(db))
    assert "0 articles and 0 events imported" in again.stdout
    assert all(row["cluster_id"] for row in Store(db).events())
