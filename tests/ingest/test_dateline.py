from __future__ import annotations

import datetime as dt

import pytest

from annalist.ingest.articles import build_article
from annalist.ingest.dateline import find_dateline
from annalist.model import Article
from annalist.settings import Settings


@pytest.mark.parametrize(
    ("text", "place", "date", "outlet"),
    [
        ("Quito, September 17 (ADW)-- Ecuador's minister said", "Quito", "September 17", "ADW"),
        ("LAGOS, May 28 (Xinhua) -- Nigeria's police said", "Lagos", "May 28", "Xinhua"),
        ("WASHINGTON (Reuters) - The United States said", "Washington", None, "Reuters"),
        ("BEIRUT — Lebanese officials said", "Beirut", None, None),
        ("UNITED NATIONS, Jan. 5 (Xinhua) -- The council", "United Nations", "Jan. 5", "Xinhua"),
        ("GENEVA, March 3, 2020 — Talks resumed", "Geneva", "March 3, 2020", None),
    ],
)
def test_dateline_recognised(text: str, place: str, date: str | None, outlet: str | None) -> None:
    dateline = find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.date_text, dateline.outlet) == (place, date, outlet)
    assert not text[dateline.end :].startswith((" ", "-", "—"))


@pytest.mark.parametrize(
    "text",
    [
        "Ecuador - the country that cut ties in 2010 - has changed course.",
        "Ecuador's Minister of Defense said on Tuesday that training would begin.",
        "The talks - which ended on Monday - produced nothing.",
        "In 2010 - amid tension - Quito cut its ties.",
    ],
)
def test_dateline_prose_is_not_a_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_dateline_day_resolved_against_the_record_date() -> None:
    text = (
        "LIMA, Nov. 14 (Reuters) -- Peru's Congress removed the president from office after a vote that "
        "followed weeks of protests in the capital and in several southern regions of the country."
    )
    fields = {"text": text, "published": "2020-11-15"}
    article = build_article(fields, where="x.jsonl:1", key=None, settings=Settings(), published=None)
    assert isinstance(article, Article) and article.dateline is not None
    assert (article.published, article.published_source) == (dt.date(2020, 11, 15), "record")
    assert article.dateline.date == dt.date(2020, 11, 14)
