from __future__ import annotations

import pytest

from annalist.ingest.textfile import clean_inline, parse_html, parse_text

PAGE = """

# *Chile and Peru sign a fisheries pact*

---

Lima, March 3 (ADW)-- Chile and Peru signed a fisheries agreement on Tuesday, ending a decade of \\$2 billion
disputes over **anchovy** catches.

Officials said the pact takes effect in May.

---

<https://example.org/2021/03/03/fisheries>

**The Demo Wire**
"""


def test_textfile_reads_heading_url_and_outlet_as_metadata() -> None:
    parts = parse_text(PAGE)
    assert parts.meta == {
        "title": "Chile and Peru sign a fisheries pact",
        "url": "https://example.org/2021/03/03/fisheries",
        "source": "The Demo Wire",
    }
    assert parts.body.startswith("Lima, March 3 (ADW)-- Chile and Peru signed")
    assert "https://" not in parts.body and "Demo Wire" not in parts.body and "---" not in parts.body


def test_textfile_removes_markdown_markup_from_the_body() -> None:
    body = parse_text(PAGE).body
    assert "$2 billion" in body and "\\$" not in body
    assert "**" not in body and "anchovy catches" in body


def test_textfile_keeps_paragraphs_apart_and_joins_wrapped_lines() -> None:
    body = parse_text(PAGE).body
    assert body.count("\n\n") == 1
    assert "$2 billion disputes" in body


def test_textfile_plain_first_line_is_title_when_text_follows() -> None:
    parts = parse_text("Ministers meet in Accra\n\nGhana's president met Togo's leader on Friday.\n")
    assert parts.meta["title"] == "Ministers meet in Accra"
    assert parts.body == "Ghana's president met Togo's leader on Friday."


def test_textfile_single_paragraph_is_all_body() -> None:
    text = "Ghana's president met Togo's leader on Friday in Accra to discuss border trade."
    parts = parse_text(text)
    assert "title" not in parts.meta
    assert parts.body == text


def test_textfile_reads_header_lines_and_front_matter() -> None:
    headers = parse_text("Title: Talks\nURL: https://x.org/a\nPublished: 2020-02-25\n\nKenya met Uganda.\n")
    assert headers.meta == {"title": "Talks", "url": "https://x.org/a", "published": "2020-02-25"}
    front = parse_text("---\ntitle: Talks\ndate: 2020-02-25\nsource: Wire\n---\nKenya met Uganda.\n")
    assert front.meta == {"title": "Talks", "published": "2020-02-25", "source": "Wire"}
    assert front.body == "Kenya met Uganda."


@pytest.mark.parametrize(
    ("line", "clean"),
    [("a [link](https://x.org) here", "a link here"), ("*x* and **y**", "x and y"), ("cost \\$5", "cost $5")],
)
def test_textfile_clean_inline(line: str, clean: str) -> None:
    assert clean_inline(line) == clean


def test_textfile_html_main_text_without_boilerplate_or_scripts() -> None:
    html = """<html><head><title>Talks in Lima</title><meta property="og:site_name" content="Demo Daily">
    <meta property="article:published_time" content="2021-03-04T10:00:00Z"></head><body>
    <nav>Home | World | Sport</nav><article><h1>Talks in Lima</h1>
    <p>Peru's foreign minister met her Chilean counterpart on Tuesday to discuss trade, officials said.</p>
    <p>The two governments agreed to hold further talks next month. <script>alert("x")</script></p>
    </article><footer>Copyright Demo Daily</footer></body></html>"""
    parts = parse_html(html)
    assert parts.meta["title"] == "Talks in Lima"
    assert parts.meta["published"] == "2021-03-04"
    assert parts.body.startswith("Peru's foreign minister met")
    assert "alert" not in parts.body and "Home | World" not in parts.body and "Copyright" not in parts.body
