"""From raw fields to a checked `Article`: text, identity, dateline and publication date."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from typing import Any

from annalist.errors import Errors, InputError
from annalist.ingest.dateline import find_dateline, with_day
from annalist.ingest.language import looks_english
from annalist.ingest.published import resolve_published
from annalist.model import Article
from annalist.settings import Settings

_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def normalise_text(text: str) -> str:
    """Tidy an article's text: NFC, one space between words, paragraphs separated by one blank line."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = [" ".join(_SPACES.sub(" ", line).strip() for line in block.split("\n") if line.strip())
                  for block in _BLANK_LINES.split(text)]  # fmt: skip
    return "\n\n".join(p for p in paragraphs if p)


def article_id(text: str, url: str | None) -> str:
    """The article's id: a hash of its whitespace-normalised text and its URL."""
    canonical = " ".join(text.split()) + "\x1f" + (url or "").strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:20]


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def build_article(
    fields: dict[str, Any],
    *,
    where: str,
    key: str | None,
    container: str | None = None,
    settings: Settings,
    published: dt.date | None,
) -> Article | InputError:
    """Check an article's fields and build the `Article`.

    fields (dict): `text` and optionally `id`, `title`, `url`, `published`, `source`.
    where (str): the file (and line) it came from, for messages.
    key (str | None): a stable identity when the article has no URL of its own (a text file's path).
    container (str | None): the record file it came from: with the record's id, a stable identity.
    settings (Settings): limits in force.
    published (dt.date | None): the --published option.
    RETURNS (Article | InputError): the article, or the one-line reason it cannot be coded.
    """
    raw_text = fields.get("text")
    if raw_text is not None and not isinstance(raw_text, str):
        raw_text = str(raw_text)
    if raw_text is None:
        return InputError(Errors.E108.format(where=where, fields="text, body, content, story"), where=where)
    text = normalise_text(raw_text)
    if not text:
        return InputError(Errors.E104.format(where=where), where=where)
    if len(text) > settings.max_article_chars:
        message = Errors.E112.format(where=where, size=len(text), limit=settings.max_article_chars)
        return InputError(message, where=where)
    english, ratio = looks_english(text, min_ratio=settings.min_english_ratio)
    if not english:
        return InputError(Errors.E105.format(where=where, ratio=ratio), where=where)
    url = _clean(fields.get("url"))
    identity = article_id(text, url)  # of the story itself: a retitled story is the same story
    title = _clean(fields.get("title"))
    dateline = find_dateline(text)
    body_start = 0
    if title and not text.startswith(title):
        # The headline is coded too (its events are usually the lede's, and dedup joins them), so the text the
        # article keeps, and every offset, starts with it.
        body_start = len(title) + 2
        text = f"{title}\n\n{text}"
        if dateline is not None:
            dateline = dataclasses.replace(
                dateline, start=dateline.start + body_start, end=dateline.end + body_start
            )
    try:
        date, date_source = resolve_published(
            record_value=fields.get("published"),
            option=published,
            dateline_date=dateline.date_text if dateline else None,
            url=url,
        )
    except (ValueError, OverflowError) as error:
        message = Errors.E114.format(where=where, value=fields.get("published"), reason=str(error))
        return InputError(message, where=where)
    record_id = _clean(fields.get("id"))
    return Article(
        id=identity,
        text=text,
        title=title,
        body_start=body_start,
        url=url,
        source=_clean(fields.get("source")) or (dateline.outlet if dateline else None),
        published=date,
        published_source=date_source,
        dateline=with_day(dateline, date),
        key=url or (f"{container}#{record_id}" if record_id and container else key),
        origin=where,
    )
