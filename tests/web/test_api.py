"""The JSON API and pages, in-process, over the fixture database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from annalist.web import create_app


@pytest.fixture(scope="module")
def client(web_db: Path) -> TestClient:
    return TestClient(create_app(web_db))


def _json(client: TestClient, url: str, status: int = 200) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


def test_api_events_filters_and_pages(client: TestClient) -> None:
    everything = _json(client, "/api/events?happened=false&per_page=500")
    assert everything["ok"] and everything["total"] == len(everything["rows"]) > 5
    sanctions = _json(client, "/api/events?actor=ECU&event=SANCTION")
    assert sanctions["rows"] and all(
        r["event"] == "SANCTION" and "ECU" in r["actor_countries"] for r in sanctions["rows"]
    )
    first = _json(client, "/api/events?per_page=2&page=1")
    second = _json(client, "/api/events?per_page=2&page=2")
    assert len(first["rows"]) == 2 and {r["id"] for r in first["rows"]}.isdisjoint(r["id"] for r in second["rows"])
    since = _json(client, "/api/events?since=2019-01-01")
    assert all((r["date_end"] or r["date"]) >= "2019-01-01" for r in since["rows"])


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/events?since=tomorrow", "bad parameter since"),
        ("/api/events?event=ATTACK", "unknown event type 'ATTACK'"),
        ("/api/events?per_page=100000", "bad parameter per_page"),
        ("/api/events?actor=E%27%3B%20DROP%20TABLE%20events", "bad parameter actor"),
        ("/api/relations?a=ECU&b=ISR&by=week", "bad parameter by"),
        ("/api/network?limit=0", "bad parameter limit"),
    ],
)
def test_api_bad_parameters_are_400_with_a_message(client: TestClient, url: str, message: str) -> None:
    body = _json(client, url, status=400)
    assert body["ok"] is False and message in body["error"]


def test_api_article_and_its_sentences(client: TestClient) -> None:
    event = _json(client, "/api/events?actor=ECU&event=SANCTION")["rows"][0]
    article = _json(client, f"/api/articles/{event['article_id']}")
    marked = [p for p in article["pieces"] if p["events"]]
    assert any(event["id"] in p["events"] and p["text"] == event["sentence_text"] for p in marked)
    assert "".join(p["text"] for p in article["pieces"]) == article["article"]["text"]
    assert _json(client, "/api/articles/nope", status=404)["ok"] is False


def test_api_relations_and_network(client: TestClient) -> None:
    relations = _json(client, "/api/relations?a=ECU&b=ISR&by=year")
    years = {row["period"][:4] for row in relations["periods"]}
    assert {"2010", "2014"} <= years
    assert relations["events"] and all(set(r) >= {"id", "event", "sentence_text"} for r in relations["events"])
    network = _json(client, "/api/network?limit=10")
    assert {e["actor"] for e in network["edges"]} <= {n["id"] for n in network["nodes"]}


def test_pages_escape_untrusted_text(client: TestClient) -> None:
    rows = _json(client, "/api/events?actor=PER&happened=false")["rows"]
    page = client.get(f"/articles/{rows[0]['article_id']}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    events = client.get("/events?actor=PER&happened=false").text
    assert "<script>alert" not in events


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    spec = _json(client, "/openapi.json")
    assert {"/api/events", "/api/articles/{article_id}", "/api/relations", "/api/network", "/api/health"} <= set(
        spec["paths"]
    )


def test_server_opens_the_database_read_only(client: TestClient, web_db: Path) -> None:
    before = web_db.stat().st_mtime_ns
    for url in ("/events", "/dyad?a=ECU&b=ISR", "/network", "/api/events"):
        assert client.get(url).status_code == 200
    assert web_db.stat().st_mtime_ns == before
