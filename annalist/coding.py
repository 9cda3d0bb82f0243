"""Coding inputs into a database: read, skip what is stored, code, write in short batches.

This is the library function behind `annalist code`; the CLI only adds a progress bar and a summary.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annalist.errors import Errors, InputError, UsageError
from annalist.ingest import read_inputs
from annalist.model import Article, CodedArticle
from annalist.pipeline import Annalist, Options, code_in_parallel
from annalist.store import Store


@dataclass(slots=True)
class CodeSummary:
    """What a coding run did."""

    read: int = 0
    coded: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    skipped: list[InputError] = field(default_factory=list)


def _batches(items: Iterable[Article | InputError], size: int) -> Iterator[list[Article | InputError]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def code_inputs(
    inputs: Iterable[str],
    db: str | Path,
    *,
    options: Options | None = None,
    published: dt.date | None = None,
    workers: int = 1,
    on_article: Callable[[str, str], None] | None = None,
    coder: Annalist | None = None,
) -> CodeSummary:
    """Code every article in the inputs into a database, committing after each batch.

    inputs (Iterable[str]): files, folders, or "-" for standard input.
    db (str | Path): the DuckDB file (created if missing).
    options (Options | None): settings and user data files.
    published (dt.date | None): publication date for articles that give none.
    workers (int): processes that code in parallel.
    on_article (Callable | None): called with (status, where) per article: added, unchanged or skipped.
    coder (Annalist | None): an already loaded coder to use in-process (workers must be 1).
    RETURNS (CodeSummary): counts and the one-line reason for every skipped article.
    """
    if workers < 1:
        raise UsageError(Errors.E403.format(value=workers))
    options = options or Options()
    store = Store(db)
    store.initialise()
    summary = CodeSummary()
    notify = on_article or (lambda status, where: None)
    batches = _batches(read_inputs(inputs, settings=options.settings, published=published),
                       options.settings.batch_size)  # fmt: skip
    to_code = (_sift(batch, store, summary, notify) for batch in batches)
    if workers == 1:
        local = coder or Annalist(options)
        results: Iterator[list[CodedArticle | InputError]] = (list(local.code_articles(b)) for b in to_code)
    else:
        results = code_in_parallel(to_code, options, workers)
    for batch_results in results:
        coded = [r for r in batch_results if isinstance(r, CodedArticle)]
        for failure in (r for r in batch_results if isinstance(r, InputError)):
            summary.skipped.append(failure)
            notify("skipped", failure.where)
        written = store.write(coded, dedup_threshold=options.settings.dedup_threshold)
        summary.coded += len(coded)
        summary.added += written.added
        summary.replaced += written.replaced
        summary.unchanged += written.unchanged
        summary.events += written.events
        for item in coded:
            notify("added", item.article.origin)
    return summary


def _sift(batch: list[Article | InputError], store: Store, summary: CodeSummary,
          notify: Callable[[str, str], None]) -> list[Article]:  # fmt: skip
    """Count a batch's read errors and leave out the articles the store already holds."""
    articles = [item for item in batch if isinstance(item, Article)]
    summary.read += len(articles)
    for problem in (item for item in batch if isinstance(item, InputError)):
        summary.skipped.append(problem)
        notify("skipped", problem.where)
    known = store.known([a.id for a in articles])
    for article in articles:
        if article.id in known:
            summary.unchanged += 1
            notify("unchanged", article.origin)
    return [a for a in articles if a.id not in known]
