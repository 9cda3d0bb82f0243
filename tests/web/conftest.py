"""A fixture database for the web tests, built from team-written articles with the real pipeline, and a real
server (uvicorn in a thread) for the browser and live tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from annalist.ingest.articles import build_article
from annalist.model import Article
from annalist.pipeline import Annalist
from annalist.settings import Settings
from annalist.store import Store
from annalist.web import serving
from tests.conftest import EXAMPLES

ARTICLES = [
    ("Ecuador and Israel cut military ties", "In 2010, Ecuador put an end to its military cooperation with Israel.",
     "2019-09-17"),
    ("Ecuador recalls envoy", "In 2014, Ecuador recalled its ambassador from Israel after the war in Gaza.", "2019-09-17"),
    ("Ecuador and Israel sign a defence pact", "Ecuador signed a defence cooperation agreement with Israel on Monday.",
     "2019-09-16"),
    ("<script>alert('x')</script> Peru protest", "Peru condemned Chile's <script>alert('x')</script> decision on "
     "Monday, officials said.", "2021-06-01"),
]  # fmt: skip


@pytest.fixture(scope="session")
def web_db(coder: Annalist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    articles = []
    for n, (title, text, published) in enumerate(ARTICLES):
        built = build_article({"title": title, "text": text, "published": published, "url": f"https://x.org/{n}"},
                              where=f"a{n}", key=None, settings=Settings(), published=None)  # fmt: skip
        assert isinstance(built, Article), built
        articles.append(built)
    demo = build_article({"text": (EXAMPLES / "ecuador_israel_2019.md").read_text("utf-8"), "title": "Demo"},
                         where="demo", key=None, settings=Settings(), published=dt.date(2019, 9, 17))  # fmt: skip
    assert isinstance(demo, Article)
    articles.append(demo)
    Store(path).write([coder.code_article(a) for a in articles])
    return path


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    with serving(web_db) as url:
        yield url
