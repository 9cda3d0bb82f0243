"""Annalist on Apache Spark: the unchanged pipeline coding article datasets in parallel with `mapInArrow`.

    annalist spark INPUT OUTPUT [--partitions N] [--master local[2]]
    spark-submit --py-files annalist.zip -m annalist.spark INPUT OUTPUT     (see docs/SPARK.md)

Reads JSON Lines, Parquet or CSV articles (local paths or any Hadoop-compatible URI), codes them in Arrow
batches on the executors (each Python worker loads the pipeline once), and writes:

    OUTPUT/events/    Parquet, the schema of `annalist export --format parquet`, partitioned by year and month
    OUTPUT/articles/  Parquet, the articles table
    OUTPUT/errors/    Parquet, every article that could not be read or coded (where, message): none is dropped

The output is overwritten, and ids are hashes of the input, so a re-run over the same input writes the same
data. `annalist import OUTPUT --db annalist.duckdb` loads it into a database for `events`, `relations` and
the dashboard.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from annalist.store.schema import ARTICLE_COLUMNS, EVENT_COLUMNS, arrow_schema

SPARK_EXTRA = "pip install 'annalist[spark]'"
_CODER: Any = None


def coded_schema() -> pa.Schema:
    """One row per input article: its article columns, an error (or null), and its events."""
    events = pa.list_(pa.struct(list(arrow_schema("events"))))
    return pa.schema([*arrow_schema("articles"), pa.field("error", pa.string()), pa.field("events", events)])


def _coder() -> Any:
    global _CODER
    if _CODER is None:
        from annalist.pipeline import Annalist, Options
        from annalist.settings import Settings

        _CODER = Annalist(Options(settings=Settings().with_(model=os.environ.get("ANNALIST_MODEL") or None)))
    return _CODER


def code_batches(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """The mapInArrow function: articles in, coded articles (or their errors) out."""
    from annalist.errors import InputError
    from annalist.ingest.articles import build_article
    from annalist.ingest.records import normalise_fields
    from annalist.model import CodedArticle
    from annalist.settings import Settings
    from annalist.store.rows import article_row, event_row

    schema = coded_schema()
    settings = Settings()
    coded_at = dt.datetime(1970, 1, 1)  # a fixed stamp: re-runs write identical rows
    empty_article = {name: None for name, _ in ARTICLE_COLUMNS}
    for batch in batches:
        rows: list[dict[str, Any]] = []
        articles = []
        for record in batch.to_pylist():
            fields = normalise_fields(record)
            where = str(fields.get("id") or fields.get("url") or "?")
            built = build_article(
                fields, where=where, key=None, container="spark", settings=settings, published=None
            )
            if isinstance(built, InputError):
                rows.append({**empty_article, "origin": where, "error": str(built), "events": []})
            else:
                articles.append(built)
        for result in _coder().code_articles(articles):
            if isinstance(result, CodedArticle):
                rows.append({**article_row(result, coded_at), "error": None,
                             "events": [event_row(e) for e in result.events]})  # fmt: skip
            else:
                rows.append({**empty_article, "origin": result.where, "error": str(result), "events": []})
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def local_session(master: str = "local[2]") -> Any:
    """A Spark session bound to loopback, its workers running this Python (so they have Annalist)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return (SparkSession.builder.master(master).appName("annalist")
            .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
            .getOrCreate())  # fmt: skip


def read_articles(spark: Any, path: str) -> Any:
    """A DataFrame of articles from JSON Lines, Parquet or CSV (by the path's ending)."""
    lower = path.rstrip("/").lower()
    if lower.endswith(".parquet"):
        return spark.read.parquet(path)
    if lower.endswith(".csv"):
        return spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
    return spark.read.json(path)


def run_spark(input_path: str, output: str, *, partitions: int | None = None, spark: Any = None) -> dict[str, int]:
    """Code an article dataset on Spark and write events, articles and errors as Parquet.

    input_path (str): JSON Lines, Parquet or CSV articles (a file or folder; any Hadoop-compatible URI).
    output (str): the folder to write (replaced).
    partitions (int | None): how many partitions to code in; Spark's choice if None.
    spark (SparkSession | None): a session to use; a local one if None.
    RETURNS (dict): counts of articles coded, events and errors.
    """
    from pyspark.sql import functions as F

    session = spark or local_session()
    frame = read_articles(session, input_path)
    for column in frame.columns:  # everything as text: the ingest code reads and checks the values
        frame = frame.withColumn(column, F.col(column).cast("string"))
    if partitions:
        frame = frame.repartition(partitions)
    from pyspark.sql.pandas.types import from_arrow_schema

    coded = frame.mapInArrow(code_batches, from_arrow_schema(coded_schema())).persist()
    try:
        events = coded.select(F.explode("events").alias("e")).select("e.*")
        events = events.withColumn("year", F.year("date")).withColumn("month", F.month("date"))
        events.write.mode("overwrite").partitionBy("year", "month").parquet(f"{output}/events")
        articles = coded.where(F.col("error").isNull()).select(*[name for name, _ in ARTICLE_COLUMNS])
        articles.write.mode("overwrite").parquet(f"{output}/articles")
        errors = coded.where(F.col("error").isNotNull()).select(F.col("origin").alias("where"), F.col("error"))
        errors.write.mode("overwrite").parquet(f"{output}/errors")
        return {"articles": articles.count(), "events": events.count(), "errors": errors.count()}
    finally:
        coded.unpersist()


EVENT_FIELDS = [name for name, _ in EVENT_COLUMNS]
