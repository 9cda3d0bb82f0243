"""The DuckDB store: idempotent, replaces changed articles whole, never half-writes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from annalist.errors import StoreError
from annalist.ingest import article_id
from annalist.model import Article, CodedArticle
from annalist.pipeline import Annalist
from annalist.store import EventQuery, Store

# two paragraphs: the day of the first does not carry to the second
TEXT = "Colombia recalled its ambassador from Venezuela on Monday.\n\nEcuador expelled two Peruvian diplomats."


def _coded(coder: Annalist, text: str = TEXT, key: str | None = "https://x.org/a") -> CodedArticle:
    article = Article(id=article_id(text, key), text=text, url=key, key=key, published=dt.date(2021, 6, 1),
                      origin="test")  # fmt: skip
    return coder.code_article(article)


def _counts(store: Store) -> tuple[int, int, int]:
    return store.count("articles"), store.count("entities"), store.count("events")


def test_store_write_then_rewrite_adds_nothing(coder: Annalist, tmp_path: Path) -> None:
    store = Store(tmp_path / "a.duckdb")
    first = store.write([_coded(coder)])
    assert (first.added, first.events) == (1, 2)
    counts = _counts(store)
    again = store.write([_coded(coder)])
    assert (again.added, again.unchanged, again.events) == (0, 1, 0)
    assert _counts(store) == counts


def test_store_changed_article_replaces_old_version_whole(coder: Annalist, tmp_path: Path) -> None:
    store = Store(tmp_path / "a.duckdb")
    store.write([_coded(coder)])
    changed = _coded(coder, TEXT.replace("Ecuador expelled two Peruvian diplomats.", "Peru met Chile."))
    result = store.write([changed])
    assert (result.added, result.replaced) == (0, 1)
    assert store.count("articles") == 1
    assert [row["article_id"] for row in store.events()] == [changed.article.id] * len(changed.events)
    assert {row["article_id"] for row in store.query("SELECT article_id FROM entities")} == {changed.article.id}


def test_store_failed_batch_writes_nothing(coder: Annalist, tmp_path: Path) -> None:
    store = Store(tmp_path / "a.duckdb")
    good = _coded(coder)
    broken = _coded(coder, "Peru met Chile on Monday.", key="https://x.org/b")
    broken.events = [dataclasses.replace(good.events[0], quad_class="not a number")]  # type: ignore[arg-type]
    with pytest.raises(Exception):  # noqa: B017  (pyarrow's own error type)
        store.write([good, broken])
    assert _counts(store) == (0, 0, 0)


def test_store_query_filters(coder: Annalist, tmp_path: Path) -> None:
    store = Store(tmp_path / "a.duckdb")
    store.write([_coded(coder)])
    assert [r["event"] for r in store.events(EventQuery(actor="COL"))] == ["SANCTION"]
    assert [r["recipient_countries"] for r in store.events(EventQuery(recipient="per"))] == [["PER"]]
    assert store.events(EventQuery(event="ASSAULT")) == []
    # "on Monday" dates the recall to the day before publication (Tuesday 2021-06-01)
    assert [r["date"] for r in store.events(EventQuery(since=dt.date(2021, 5, 31)))] == [
        dt.date(2021, 5, 31), dt.date(2021, 6, 1)]  # fmt: skip
    assert [r["event"] for r in store.events(EventQuery(until=dt.date(2021, 5, 31)))] == ["SANCTION"]
    assert store.events(EventQuery(since=dt.date(2021, 6, 2))) == []
    assert len(store.events(EventQuery(limit=1))) == 1


def test_store_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.duckdb").events()


def test_store_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    Store(path).initialise()
    with duckdb.connect(str(path)) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        Store(path).initialise()


def test_store_not_a_database_file(tmp_path: Path) -> None:
    path = tmp_path / "a.duckdb"
    path.write_text("hello", "utf-8")
    with pytest.raises(StoreError, match="cannot open the database"):
        Store(path).initialise()
