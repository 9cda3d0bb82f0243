"""The store: the only code that talks to the DuckDB file.

Each operation opens the file, does its work and closes it again, so the file is held only for a moment:
another process (the dashboard, a second `annalist events`) can open it between a coder's batches. Writes go
in one transaction per batch: a process killed mid-batch leaves every committed article whole and none
half-written, and re-coding the same input adds nothing.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from annalist.dedup import DEFAULT_THRESHOLD
from annalist.errors import Errors, StoreError
from annalist.model import CodedArticle
from annalist.store.clusters import CLUSTER_SUMMARY_SQL, assign_clusters
from annalist.store.queries import EventQuery
from annalist.store.rows import article_row, entity_rows, event_row, plover_record
from annalist.store.schema import SCHEMA_VERSION, TABLES, arrow_schema, create_statements

__all__ = ["EventQuery", "Store", "WriteResult", "plover_record"]

LOCK_WAIT = 15.0  # seconds to keep retrying while another process holds the file


@dataclass(slots=True)
class WriteResult:
    """What one write did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    clusters: int = 0  # new clusters founded


class Store:
    """An Annalist database file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open the file for one operation, waiting a while if another process holds it."""
        if read_only and not self.path.exists():
            raise StoreError(Errors.E303.format(path=self.path))
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                connection = duckdb.connect(str(self.path), read_only=read_only)
                break
            except duckdb.IOException as error:
                if "lock" not in str(error).lower() or time.monotonic() > deadline:
                    raise StoreError(
                        Errors.E301.format(path=self.path, reason=str(error).splitlines()[0])
                    ) from error
                time.sleep(0.05)
            except duckdb.Error as error:
                raise StoreError(Errors.E301.format(path=self.path, reason=str(error).splitlines()[0])) from error
        try:
            if not read_only:
                self._ensure_schema(connection)
            yield connection
        finally:
            connection.close()

    def _ensure_schema(self, connection: duckdb.DuckDBPyConnection) -> None:
        for statement in create_statements():
            connection.execute(statement)
        rows = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        found = rows[0] if rows else None
        if found is None:
            connection.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
        elif int(found[0]) > SCHEMA_VERSION:
            raise StoreError(Errors.E302.format(path=self.path, found=found[0], expected=SCHEMA_VERSION))

    def initialise(self) -> None:
        """Create the file and its tables if they do not exist."""
        with self.connect():
            pass

    # ------------------------------------------------------------------ writing
    def known(self, ids: list[str]) -> set[str]:
        """Which of these article ids are stored already."""
        if not ids or not self.path.exists():
            return set()
        with self.connect(read_only=True) as connection:
            if not _has_tables(connection):
                return set()
            rows = connection.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in rows}

    def write(self, batch: list[CodedArticle], *, dedup_threshold: float = DEFAULT_THRESHOLD) -> WriteResult:
        """Store a batch of coded articles in one transaction, their events joining clusters (annalist/dedup).

        An article already stored (same id) is left alone; one whose key (URL, record id or path) is stored
        under another id is a changed version: the old one, its entities and its events are replaced.

        batch (list[CodedArticle]): the coded articles.
        RETURNS (WriteResult): how many were added, replaced and left unchanged, and events added.
        """
        result = WriteResult()
        if not batch:
            return result
        coded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self.connect() as connection:
            connection.execute("BEGIN TRANSACTION")
            try:
                stored = self._stored_ids(connection, [c.article.id for c in batch])
                fresh: dict[str, CodedArticle] = {}
                for coded in batch:
                    if coded.article.id in stored or coded.article.id in fresh:
                        result.unchanged += 1
                        continue
                    # the same key twice in one batch: the later version wins
                    earlier = [
                        i for i, c in fresh.items() if coded.article.key and c.article.key == coded.article.key
                    ]
                    for article_id in earlier:
                        del fresh[article_id]
                    fresh[coded.article.id] = coded
                old = self._stored_keys(connection, [c.article.key for c in fresh.values() if c.article.key])
                old_ids = list(old)
                for table, column in (("events", "article_id"), ("entities", "article_id"), ("articles", "id")):
                    if old_ids:
                        connection.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [old_ids])
                result.replaced = len(set(old.values()))
                result.added = len(fresh) - result.replaced
                rows = {
                    "articles": [article_row(c, coded_at) for c in fresh.values()],
                    "entities": [row for c in fresh.values() for row in entity_rows(c)],
                    "events": [event_row(e) for c in fresh.values() for e in c.events],
                }
                for table, table_rows in rows.items():
                    _insert(connection, table, table_rows)
                result.events = len(rows["events"])
                published = {c.article.id: c.article.published for c in fresh.values()}
                result.clusters = assign_clusters(connection, rows["events"], published, dedup_threshold)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        return result

    @staticmethod
    def _stored_ids(connection: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
        rows = connection.execute("SELECT id FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        return {row[0] for row in rows}

    @staticmethod
    def _stored_keys(connection: duckdb.DuckDBPyConnection, keys: list[str | None]) -> dict[str, str]:
        """Stored article ids whose key is among these, mapped to that key."""
        if not keys:
            return {}
        rows = connection.execute("SELECT id, key FROM articles WHERE list_contains(?, key)", [keys]).fetchall()
        return {row[0]: row[1] for row in rows}

    def import_parquet(self, folder: Path, *, dedup_threshold: float = DEFAULT_THRESHOLD) -> WriteResult:
        """Load the articles and events `annalist spark` wrote (articles not stored yet), in one transaction,
        and cluster the new events."""
        result = WriteResult()
        articles = str(Path(folder) / "articles" / "*.parquet")
        events = str(Path(folder) / "events" / "**" / "*.parquet")
        with self.connect() as connection:
            connection.execute("BEGIN TRANSACTION")
            try:
                connection.execute("CREATE TEMP TABLE new_articles AS SELECT * FROM read_parquet(?) "
                                   "WHERE id NOT IN (SELECT id FROM articles)", [articles])  # fmt: skip
                result.added = int(connection.execute("SELECT count(*) FROM new_articles").fetchall()[0][0])
                connection.execute("INSERT INTO articles BY NAME SELECT * FROM new_articles")
                connection.execute("CREATE TEMP TABLE new_events AS SELECT * EXCLUDE (year, month) FROM "
                                   "read_parquet(?, hive_partitioning = true) WHERE article_id IN "
                                   "(SELECT id FROM new_articles)", [events])  # fmt: skip
                connection.execute("INSERT INTO events BY NAME SELECT * FROM new_events")
                cursor = connection.execute("SELECT * FROM new_events")
                names = [c[0] for c in cursor.description or []]
                rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
                published = dict(connection.execute("SELECT id, published FROM new_articles").fetchall())
                result.events = len(rows)
                result.clusters = assign_clusters(connection, rows, published, dedup_threshold)
                connection.execute("DROP TABLE new_articles")
                connection.execute("DROP TABLE new_events")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
        return result

    # ------------------------------------------------------------------ reading
    def query(self, sql: str, params: list[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query and return rows as dicts (for the library's own readers)."""
        with self.connect(read_only=True) as connection:
            if not _has_tables(connection):
                return []
            cursor = connection.execute(sql, params or [])
            names = [column[0] for column in cursor.description or []]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def events(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """Event rows matching a query, ordered by date."""
        sql, params = (query or EventQuery()).select()
        return self.query(sql, params)

    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match a query (paging aside)."""
        where, params = (query or EventQuery()).where()
        rows = self.query(f"SELECT count(*) AS n FROM events{where}", params)
        return int(rows[0]["n"]) if rows else 0

    def count_clusters(self) -> tuple[int, int]:
        """How many event mentions were clustered, and into how many clusters (real-world events)."""
        rows = self.query("SELECT count(cluster_id) AS m, count(DISTINCT cluster_id) AS c FROM events")
        return (int(rows[0]["m"]), int(rows[0]["c"])) if rows else (0, 0)

    def events_by_id(self, ids: list[str]) -> list[dict[str, Any]]:
        """Event rows by id, ordered by date."""
        if not ids:
            return []
        return self.query("SELECT * FROM events WHERE list_contains(?, id) ORDER BY date, id", [ids])

    def count(self, table: str) -> int:
        """Rows in a table (0 for a database with no tables yet)."""
        if table not in TABLES:
            raise StoreError(Errors.E301.format(path=self.path, reason=f"no table {table}"))
        rows = self.query(f"SELECT count(*) AS n FROM {table}")
        return int(rows[0]["n"]) if rows else 0

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article's row, or None."""
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        return rows[0] if rows else None

    def entities(self, article_id: str) -> list[dict[str, Any]]:
        """An article's entities in text order."""
        return self.query("SELECT * FROM entities WHERE article_id = ? ORDER BY idx", [article_id])

    def clusters(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """One row per event cluster (deduplicated events) whose mentions match the query: its counts of
        mentions, articles and outlets, first and last seen, its best-dated mention's date, its most confident
        mention's sentence."""
        query = query or EventQuery()
        where, params = query.where()
        sql = CLUSTER_SUMMARY_SQL + where + " GROUP BY cluster_id ORDER BY date NULLS LAST, cluster_id"
        if query.limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [query.limit, query.offset]
        return self.query(sql, params)

    def events_arrow(self, query: EventQuery | None = None) -> pa.Table:
        """Event rows matching a query as an Arrow table (the events table's own columns)."""
        sql, params = (query or EventQuery()).select()
        with self.connect(read_only=True) as connection:
            if not _has_tables(connection):
                return arrow_schema("events").empty_table()
            table: pa.Table = connection.sql(sql, params=params).to_arrow_table()
        return table


def _has_tables(connection: duckdb.DuckDBPyConnection) -> bool:
    rows = connection.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'events'").fetchall()
    return bool(rows[0][0])


def _insert(connection: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    arrow = pa.Table.from_pylist(rows, schema=arrow_schema(table))
    connection.register("incoming", arrow)
    try:
        connection.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    finally:
        connection.unregister("incoming")
