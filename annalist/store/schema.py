"""The database's tables, column by column, with their DuckDB and Arrow types (one list serves both)."""

from __future__ import annotations

import pyarrow as pa

SCHEMA_VERSION = 1

_TYPES: dict[str, tuple[str, pa.DataType]] = {
    "str": ("VARCHAR", pa.string()),
    "int": ("INTEGER", pa.int32()),
    "big": ("BIGINT", pa.int64()),
    "float": ("DOUBLE", pa.float64()),
    "bool": ("BOOLEAN", pa.bool_()),
    "date": ("DATE", pa.date32()),
    "time": ("TIMESTAMP", pa.timestamp("us")),
    "list": ("VARCHAR[]", pa.list_(pa.string())),
}

ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("key", "str"), ("title", "str"), ("body_start", "int"), ("url", "str"), ("source", "str"),
    ("published", "date"), ("published_source", "str"), ("dateline", "str"), ("dateline_place", "str"),
    ("dateline_date", "str"), ("origin", "str"), ("text", "str"), ("n_sentences", "int"), ("n_events", "int"),
    ("coded_at", "time"), ("coder", "str"),
)  # fmt: skip

ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("article_id", "str"), ("idx", "int"), ("text", "str"), ("start_char", "int"), ("end_char", "int"),
    ("sentence", "int"), ("name", "str"), ("code", "str"), ("country", "str"), ("sector", "str"),
    ("kind", "str"), ("source", "str"), ("office", "str"), ("term_start", "date"), ("term_end", "date"),
)  # fmt: skip

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "str"), ("article_id", "str"), ("event", "str"), ("mode", "str"), ("context", "list"),
    ("actor_codes", "list"), ("actor_countries", "list"), ("actor_sectors", "list"), ("actor_labels", "list"),
    ("recipient_codes", "list"), ("recipient_countries", "list"), ("recipient_sectors", "list"),
    ("recipient_labels", "list"), ("actor_json", "str"), ("recipient_json", "str"),
    ("date", "date"), ("date_end", "date"), ("date_precision", "str"), ("date_source", "str"), ("date_text", "str"),
    ("historical", "bool"), ("future", "bool"), ("hypothetical", "bool"), ("negated", "bool"), ("reported", "bool"),
    ("speaker", "str"), ("unattributed", "bool"),
    ("dead", "int"), ("injured", "int"), ("arrested", "int"), ("money", "float"), ("currency", "str"),
    ("location_text", "str"), ("location_name", "str"), ("location_country", "str"), ("location_precision", "str"),
    ("location_source", "str"), ("geonames_id", "big"), ("lat", "float"), ("lon", "float"), ("admin1", "str"),
    ("feature", "str"),
    ("quad_class", "int"), ("intensity", "float"), ("cameo", "str"),
    ("sentence", "int"), ("sentence_text", "str"), ("sentence_start", "int"), ("sentence_end", "int"),
    ("trigger", "str"), ("trigger_start", "int"), ("trigger_end", "int"),
    ("confidence", "float"), ("produced_by", "str"), ("explanation", "str"), ("cluster_id", "str"),
)  # fmt: skip

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "events": EVENT_COLUMNS,
}


def create_statements() -> list[str]:
    """The statements that create every table and index if they do not exist yet."""
    statements = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)"]
    for table, columns in TABLES.items():
        body = ", ".join(f'"{name}" {_TYPES[kind][0]}' for name, kind in columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    statements += [
        "CREATE INDEX IF NOT EXISTS articles_id ON articles (id)",
        "CREATE INDEX IF NOT EXISTS articles_key ON articles (key)",
        "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
        "CREATE INDEX IF NOT EXISTS entities_article ON entities (article_id)",
        "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)",
    ]
    return statements


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a table, for batch inserts and Parquet export."""
    return pa.schema([(name, _TYPES[kind][1]) for name, kind in TABLES[table]])
