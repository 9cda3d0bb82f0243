from __future__ import annotations

import pytest

from annalist.ingest.dateline import find_dateline


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
