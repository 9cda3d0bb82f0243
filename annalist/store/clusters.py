"""Storing deduplication: each new event row joins a cluster (annalist/dedup), inside the write's transaction,
and cluster summaries are read back by aggregation over the events (never stale after a replaced article)."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

import duckdb
import pyarrow as pa

from annalist.actors.gazetteer import load_gazetteer
from annalist.dedup import DAY_WINDOW, Cluster, Clusterer, Mention, content_words, with_article_context

MARGIN = dt.timedelta(days=DAY_WINDOW + 31)
GENERIC_COUNTRIES = frozenset(("IGO", "NGO", "MNC"))  # shared by unrelated bodies: Mercosur is not the AfDB
MAX_MEMBERS = 12  # organisations of more states than this (the UN, the EU, the AU) say too little of who met


def _party(entity: dict[str, Any]) -> str | None:
    if entity.get("sector") == "UNK":
        return None  # an unidentified attacker, coded to the place of the attack, is nobody in particular
    country = entity.get("country")
    return entity.get("code") if country is None or country in GENERIC_COUNTRIES else country


def member_states_of(entities: list[dict[str, Any]]) -> frozenset[str]:
    """The member states of the small organisations among an event side's entities (Mercosur: ARG, BRA, ...)."""
    entries = load_gazetteer().entries
    found: set[str] = set()
    for entity in entities:
        entry = entries.get(entity.get("code") or "")
        if entry is not None and entry.kind == "organisation" and 0 < len(entry.members) <= MAX_MEMBERS:
            found.update(entry.members)
    return frozenset(found)


def _parties(entities: list[dict[str, Any]]) -> frozenset[str]:
    """An event side's parties for clustering: each entity's country, or its own code when it has none or
    only a generic one (IGO, NGO, MNC); an actor of unknown country ("gunmen") or an unidentified one names no
    party."""
    parties = (_party(e) for e in entities)
    return frozenset(p for p in parties if p and p != "UNK")


def _entities(entities_json: str | None) -> list[dict[str, Any]]:
    return [e for e in json.loads(entities_json or "[]") if e]


def mention_of(row: dict[str, Any], published: dt.date | None) -> Mention:
    """The clustering view of an event row."""
    actors, recipients = _entities(row["actor_json"]), _entities(row["recipient_json"])
    return Mention(
        id=row["id"], article_id=row["article_id"], event=row["event"],
        actors=_parties(actors), recipients=_parties(recipients),
        date_start=row["date"], date_end=row["date_end"], precision=row["date_precision"],
        dated_by_text=row["date_source"] in ("text", "context", "office-term"),
        country=row["location_country"] if row.get("location_source") != "dateline" else None,
        lat=row["lat"] if row.get("location_source") != "dateline" else None,
        lon=row["lon"] if row.get("location_source") != "dateline" else None,
        point_precise=row.get("location_precision") in ("city", "site"),
        words=content_words(row["sentence_text"]),
        member_states=member_states_of(actors + recipients),
        order=((published or dt.date.min).isoformat(), row["article_id"], int(row["trigger_start"])),
    )  # fmt: skip


_MEMBER_SQL = """
SELECT e.cluster_id, e.id, e.article_id, e.event, e.actor_json, e.recipient_json, e.date, e.date_end,
       e.date_precision, e.date_source, e.location_country, e.location_source, e.location_precision, e.lat, e.lon,
       e.sentence_text, e.trigger_start,
       a.published
FROM events e JOIN articles a ON a.id = e.article_id
WHERE e.cluster_id IS NOT NULL AND list_contains(?, e.event)
  AND (e.date IS NULL OR (coalesce(e.date_end, e.date) >= ? AND e.date <= ?))
ORDER BY a.published NULLS FIRST, e.article_id, e.trigger_start
"""


def existing_clusters(connection: duckdb.DuckDBPyConnection, events: list[str], start: dt.date,
                      end: dt.date) -> list[Cluster]:  # fmt: skip
    """The stored clusters of these event types with members dated near the window, rebuilt from members."""
    cursor = connection.execute(_MEMBER_SQL, [events, start - MARGIN, end + MARGIN])
    names = [c[0] for c in cursor.description or []]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    cluster_of = {row["id"]: row["cluster_id"] for row in rows}
    clusters: dict[str, Cluster] = {}
    for mention in with_article_context(mention_of(row, row["published"]) for row in rows):
        cluster_id = cluster_of[mention.id]
        clusters.setdefault(cluster_id, Cluster(id=cluster_id, event=mention.event)).absorb(mention)
    return list(clusters.values())


def assign_clusters(connection: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]],
                    published: dict[str, dt.date | None], threshold: float) -> int:  # fmt: skip
    """Give each new event row its cluster and write the assignments. RETURNS how many new clusters."""
    if not rows:
        return 0
    mentions = [mention_of(row, published.get(row["article_id"])) for row in rows]
    dates = [d for m in mentions for d in (m.date_start, m.date_end) if d is not None]
    existing = existing_clusters(connection, sorted({m.event for m in mentions}), min(dates, default=dt.date.min + MARGIN),
                                 max(dates, default=dt.date.max - MARGIN)) if dates else []  # fmt: skip
    known = {c.id for c in existing}
    assigned = Clusterer(threshold, existing).add(mentions)
    table = pa.table({"id": list(assigned), "cluster_id": list(assigned.values())})
    connection.register("assigned", table)
    try:
        connection.execute(
            "UPDATE events SET cluster_id = assigned.cluster_id FROM assigned WHERE events.id = assigned.id"
        )
    finally:
        connection.unregister("assigned")
    return len(set(assigned.values()) - known)


CLUSTER_SUMMARY_SQL = """
WITH ranked AS (
  SELECT e.*, a.published, a.source AS outlet,
         (CASE e.date_source WHEN 'publication' THEN 10 WHEN 'none' THEN 20 ELSE 0 END)
         + (CASE e.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'range' THEN 2 WHEN 'year' THEN 3
            ELSE 4 END) AS date_rank
  FROM events e JOIN articles a ON a.id = e.article_id
)
SELECT cluster_id, any_value(event) AS event, count(*) AS mentions, count(DISTINCT article_id) AS articles,
       count(DISTINCT outlet) AS outlets, min(published) AS first_seen, max(published) AS last_seen,
       arg_min(date, date_rank) AS date, arg_min(date_end, date_rank) AS date_end,
       arg_min(date_precision, date_rank) AS date_precision, arg_min(date_source, date_rank) AS date_source,
       arg_max(actor_labels, confidence) AS actor_labels, arg_max(recipient_labels, confidence) AS recipient_labels,
       arg_max(sentence_text, confidence) AS representative, arg_max(id, confidence) AS representative_id,
       arg_max(article_id, confidence) AS representative_article
FROM ranked
"""


def group_members(rows: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Event ids by cluster id (for tests and reports)."""
    members: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        members[row["cluster_id"]].append(row["id"])
    return dict(members)
