"""Exports carry PLOVER field names; every format holds the same events."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from annalist.errors import UsageError
from annalist.ingest import article_id
from annalist.model import Article
from annalist.pipeline import Annalist
from annalist.store import Store
from annalist.store.export import export_events

TEXT = "In 2010, Colombia recalled its ambassador from Venezuela. Japan will send humanitarian aid to Nepal."


@pytest.fixture()
def store(coder: Annalist, tmp_path: Path) -> Store:
    store = Store(tmp_path / "a.duckdb")
    article = Article(id=article_id(TEXT, None), text=TEXT, published=dt.date(2021, 6, 1))
    store.write([coder.code_article(article)])
    return store


def test_export_jsonl_is_plover_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", out) == 2
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    first = records[0]
    assert {"id", "article_id", "event", "mode", "context", "actor", "recipient", "date", "quad_code",
            "event_scale", "text", "event_text", "coder"} <= set(first)  # fmt: skip
    assert first["event"] == "SANCTION" and first["date"] == "2010-01-01" and first["enddate"] == "2010-12-31"
    assert first["actor"][0]["country"] == "COL" and first["recipient"][0]["country"] == "VEN"
    assert first["modality"]["historical"] is True
    assert TEXT[first["sentence_start"] : first["sentence_end"]] == first["text"]
    assert records[1]["modality"]["future"] is True


def test_export_csv_and_parquet_hold_the_same_events(store: Store, tmp_path: Path) -> None:
    export_events(store, "csv", tmp_path / "e.csv")
    export_events(store, "parquet", tmp_path / "e.parquet")
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in table]
    assert rows[0]["actor_countries"] == "COL" and table[0]["actor_countries"] == ["COL"]
    assert rows[1]["context"] == ";".join(table[1]["context"])


def test_export_unknown_format(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown format 'xml'"):
        export_events(store, "xml", tmp_path / "e.xml")
