"""Annalist: political event data from news.

    import annalist
    events = annalist.code_text("Peru recalled its ambassador from Mexico on Tuesday.", published=...)
    store = annalist.open("annalist.duckdb")

The public names are listed in `__all__`; everything else is implementation and may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from annalist.errors import AnnalistError, DataError, InputError, ModelError, StoreError, UsageError
from annalist.model import (
    Article,
    CodedArticle,
    Entity,
    Event,
    EventDate,
    Location,
    Modality,
    Sentence,
    Size,
)
from annalist.settings import Settings

if TYPE_CHECKING:
    from annalist.pipeline import Annalist
    from annalist.store import Store

__all__ = [
    "AnnalistError", "Article", "CodedArticle", "DataError", "Entity", "Event", "EventDate", "InputError",
    "Location", "Modality", "ModelError", "Sentence", "Settings", "Size", "StoreError", "UsageError",
    "__version__", "code_text", "get_coder", "open",
]  # fmt: skip

_CODERS: dict[object, Annalist] = {}


def get_coder(*, model: str | None = None) -> Annalist:
    """The `Annalist` coder for a spaCy pipeline, loaded once per process and reused.

    model (str | None): an installed English spaCy pipeline; Annalist's pinned default if None.
    RETURNS (Annalist): the coder.
    """
    from annalist.pipeline import Annalist, Options

    options = Options(settings=Settings().with_(model=model))
    if options not in _CODERS:
        _CODERS[options] = Annalist(options)
    return _CODERS[options]


def code_text(text: str, published: dt.date | None = None, *, model: str | None = None) -> list[Event]:
    """Code a piece of news text and return its events.

    text (str): the text of one article.
    published (dt.date | None): its publication date; relative dates stay unresolved without one.
    model (str | None): an installed English spaCy pipeline to use instead of the default.
    RETURNS (list[Event]): the events, in text order.
    """
    coder = get_coder(model=model)
    return coder.code_text(text, published=published)


def open(path: str | Path) -> Store:  # noqa: A001
    """Open an Annalist database file (created on first write).

    path (str | Path): the DuckDB file.
    RETURNS (Store): the store, to query events, articles and entities.
    """
    from annalist.store import Store

    return Store(path)
