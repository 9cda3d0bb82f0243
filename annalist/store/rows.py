"""Between the data model and table rows: CodedArticle -> rows to insert, event row -> PLOVER record."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from annalist import __version__
from annalist.model import CodedArticle, Entity, Event

CODER = f"annalist {__version__}"


def entity_record(entity: Entity) -> dict[str, Any]:
    """An actor or recipient entity as a PLOVER entity object."""
    record = {
        "text": entity.text,
        "name": entity.name,
        "code": entity.code,
        "country": entity.country,
        "sector": entity.sector,
        "kind": entity.kind,
    }
    if entity.office:
        record["office"] = entity.office
    return record


def article_row(coded: CodedArticle, coded_at: dt.datetime) -> dict[str, Any]:
    article = coded.article
    dateline = article.dateline
    return {
        "id": article.id, "key": article.key, "title": article.title, "body_start": article.body_start,
        "url": article.url, "source": article.source,
        "published": article.published, "published_source": article.published_source,
        "dateline": dateline.text if dateline else None, "dateline_place": dateline.place if dateline else None,
        "dateline_date": dateline.date_text if dateline else None, "origin": article.origin, "text": article.text,
        "n_sentences": len(coded.sentences), "n_events": len(coded.events), "coded_at": coded_at, "coder": CODER,
    }  # fmt: skip


def entity_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [
        {
            "article_id": coded.article.id,
            "idx": index,
            "text": e.text,
            "start_char": e.start,
            "end_char": e.end,
            "sentence": e.sentence,
            "name": e.name,
            "code": e.code,
            "country": e.country,
            "sector": e.sector,
            "kind": e.kind,
            "source": e.source,
            "office": e.office,
            "term_start": e.term_start,
            "term_end": e.term_end,
        }  # fmt: skip
        for index, e in enumerate(coded.entities)
    ]


def _role(prefix: str, entities: list[Entity]) -> dict[str, Any]:
    return {
        f"{prefix}_codes": [e.code for e in entities],
        # an unidentified actor is coded to the place's country (PLOVER) but is not that country in relations
        f"{prefix}_countries": [e.country for e in entities if e.country and e.sector != "UNK"],
        f"{prefix}_sectors": [e.sector for e in entities if e.sector],
        f"{prefix}_labels": [e.label for e in entities],
        f"{prefix}_json": json.dumps([entity_record(e) for e in entities], ensure_ascii=False),
    }


def event_row(event: Event) -> dict[str, Any]:
    location = event.location
    return {
        "id": event.id, "article_id": event.article_id, "event": event.event, "mode": event.mode,
        "context": list(event.context), **_role("actor", event.actor), **_role("recipient", event.recipient),
        "date": event.date.start, "date_end": event.date.end, "date_precision": event.date.precision,
        "date_source": event.date.source, "date_text": event.date.text,
        "historical": event.modality.historical, "future": event.modality.future,
        "hypothetical": event.modality.hypothetical, "negated": event.modality.negated,
        "reported": event.modality.reported, "speaker": event.modality.speaker,
        "unattributed": event.modality.unattributed,
        "dead": event.size.dead, "injured": event.size.injured, "arrested": event.size.arrested,
        "money": event.size.money, "currency": event.size.currency,
        "location_text": location.text if location else None, "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "location_precision": location.precision if location else None,
        "location_source": location.source if location else None,
        "geonames_id": location.geonames_id if location else None, "lat": location.lat if location else None,
        "lon": location.lon if location else None, "admin1": location.admin1 if location else None,
        "feature": location.feature if location else None,
        "quad_class": event.quad_class, "intensity": event.intensity, "cameo": event.cameo,
        "sentence": event.sentence, "sentence_text": event.text, "sentence_start": event.start,
        "sentence_end": event.end, "trigger": event.trigger, "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end, "confidence": event.confidence, "produced_by": event.produced_by,
        "explanation": event.explanation,
    }  # fmt: skip


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """An event row as a PLOVER JSON record (field names from the PLOVER manual, plus Annalist's own)."""
    location = None
    if row.get("location_text"):
        location = {
            "text": row["location_text"], "name": row["location_name"], "country": row["location_country"],
            "precision": row["location_precision"], "source": row["location_source"],
            "geonameid": row["geonames_id"], "lat": row["lat"], "lon": row["lon"], "admin1": row["admin1"],
            "feature": row["feature"],
        }  # fmt: skip
    flags = ("historical", "future", "hypothetical", "negated", "reported", "unattributed")
    return {
        "id": row["id"], "article_id": row["article_id"], "event": row["event"], "mode": row["mode"],
        "context": list(row["context"] or []), "actor": json.loads(row["actor_json"] or "[]"),
        "recipient": json.loads(row["recipient_json"] or "[]"), "date": _iso(row["date"]),
        "enddate": _iso(row["date_end"]), "date_precision": row["date_precision"],
        "date_source": row["date_source"], "date_text": row["date_text"],
        "modality": {flag: bool(row[flag]) for flag in flags} | {"speaker": row["speaker"]},
        "size": {k: row[k] for k in ("dead", "injured", "arrested", "money", "currency") if row[k] is not None},
        "event_loc": location, "quad_code": row["quad_class"], "event_scale": row["intensity"],
        "cameo": row["cameo"], "text": row["sentence_text"], "sentence": row["sentence"],
        "sentence_start": row["sentence_start"], "sentence_end": row["sentence_end"], "event_text": row["trigger"],
        "trigger_start": row["trigger_start"], "trigger_end": row["trigger_end"],
        "confidence": row["confidence"], "coder": CODER, "produced_by": row["produced_by"],
        "explanation": row["explanation"],
    }  # fmt: skip
