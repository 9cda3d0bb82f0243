"""Reading benchmark corpora: anything `annalist code` reads, plus concatenated plain-text news dumps split
into stories (a story is a block of lines between blank lines; its first line is the headline)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from annalist.errors import InputError
from annalist.ingest import SUFFIXES, read_inputs
from annalist.ingest.articles import build_article
from annalist.model import Article
from annalist.settings import Settings

_MAX_TITLE = 200


def split_stories(text: str) -> list[tuple[str | None, str]]:
    """Split a news dump into (headline, body) stories at blank lines."""
    stories: list[tuple[str | None, str]] = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        first = lines[0]
        if len(lines) > 1 and len(first) <= _MAX_TITLE and not first.endswith((".", ":", ";")):
            stories.append((first, "\n\n".join(lines[1:])))
        else:
            stories.append((None, "\n\n".join(lines)))
    return stories


def _story_articles(path: Path, settings: Settings) -> Iterator[Article | InputError]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(f"{path}: cannot read ({error})", where=str(path))
        return
    for number, (title, body) in enumerate(split_stories(text), start=1):
        where = f"{path}#{number}"
        yield build_article(
            {"text": body, "title": title}, where=where, key=where, settings=settings, published=None
        )


def read_corpus(paths: list[Path], *, settings: Settings, split_stories: bool) -> Iterator[Article | InputError]:
    """Articles of benchmark corpora, in order.

    paths (list[Path]): files or folders.
    settings (Settings): limits in force.
    split_stories (bool): read .txt files as concatenated stories rather than one article each.
    YIELDS (Article | InputError): each article, or why one could not be read.
    """
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES) if path.is_dir() else [path]
        for file in files:
            if split_stories and file.suffix.lower() == ".txt":
                yield from _story_articles(file, settings)
            else:
                yield from read_inputs([str(file)], settings=settings)
