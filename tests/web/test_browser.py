"""The dashboard in a real browser: Debian's Chromium driven by Playwright against the real server.

Skipped when no Chromium is installed, unless ANNALIST_REQUIRE_BROWSER=1 (CI sets it), when that is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        if os.environ.get("ANNALIST_REQUIRE_BROWSER") == "1":
            pytest.fail("ANNALIST_REQUIRE_BROWSER=1 but no chromium is installed (apt-get install chromium)")
        pytest.skip("no chromium installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog opened: {dialog.message}"))
    yield page
    context.close()
    assert errors == [], errors  # no script error, and no injected alert() ever ran


def test_browser_filter_events_and_open_the_sentence(server: str, page: Any) -> None:
    page.goto(f"{server}/events")
    everything = page.locator("tr.event").count()
    assert everything >= 4
    page.fill("input[name=actor]", "ECU")
    page.select_option("select[name=event]", "SANCTION")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?*actor=ECU*")
    rows = page.locator("tr.event")
    assert 0 < rows.count() < everything
    assert all("SANCTION" in text for text in rows.locator("td:nth-child(2)").all_inner_texts())
    assert all("ECU" in text or "Ecuador" in text for text in rows.locator("td:nth-child(3)").all_inner_texts())
    sentence = rows.first.locator("td.sentence a")
    text = sentence.inner_text()
    sentence.click()
    page.wait_for_url("**/articles/**")
    marked = page.locator("mark.event-sentence")
    assert marked.count() >= 1 and text in marked.all_inner_texts()
    event_id = page.url.split("#", 1)[1]
    assert page.locator(f"li[id='{event_id}'] .explanation").inner_text().strip()


def test_browser_dyad_timeline_draws_with_its_shift_marks(server: str, page: Any) -> None:
    page.goto(f"{server}/dyad?a=ECU&b=ISR&by=year")
    page.wait_for_selector("#timeline .main-svg")
    bars = page.locator("#timeline g.trace.bars")
    assert bars.count() >= 1
    drawn = page.evaluate("document.getElementById('timeline').data.map(trace => trace.x)")
    assert {"2010-01-01", "2014-01-01", "2019-01-01"} <= set(drawn[0]), drawn
    assert page.locator("#timeline .gtitle").text_content().startswith("ECU and ISR")
    assert page.locator("table.events tr.event").count() >= 3


def test_browser_network_draws_and_links_to_a_dyad(server: str, page: Any) -> None:
    page.goto(f"{server}/network")
    page.wait_for_selector("#network .main-svg")
    assert page.locator("#network .scatterlayer .trace").count() >= 1
    page.locator("table.pairs a").first.click()
    page.wait_for_url("**/dyad?**")
    page.wait_for_selector("#timeline .main-svg")


def test_browser_untrusted_article_text_stays_text(server: str, page: Any) -> None:
    page.goto(f"{server}/events?actor=PER")
    link = page.locator("td.sentence a").first
    assert "<script>" in link.inner_text()  # shown as text ...
    link.click()
    page.wait_for_url("**/articles/**")
    assert "<script>alert('x')</script>" in page.locator("h1").inner_text()
    assert page.locator("article.text script").count() == 0  # ... never as markup


def test_browser_bad_filter_shows_a_message_not_a_trace(server: str, page: Any) -> None:
    response = page.goto(f"{server}/events?since=not-a-date")
    assert response is not None and response.status == 400
    body = page.locator("body").inner_text()
    assert "since" in body and "Traceback" not in body
