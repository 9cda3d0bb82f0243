"""The `Annalist` object: owns the spaCy pipeline with Annalist's stages and codes articles with it.

    article -> make_doc -> spaCy (tagger, parser, NER) -> sentences -> actors -> events -> time -> places
            -> actor context -> CodedArticle

Stages are spaCy components registered with versioned names (STAGES); each reads the Doc and adds to it.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

import annalist.actors
import annalist.actors.context
import annalist.events
import annalist.places
import annalist.time  # noqa: F401  (registers the stage factories)
from annalist.errors import Errors, InputError
from annalist.ingest import article_id, normalise_text
from annalist.model import Article, CodedArticle, Event
from annalist.nlp import load_nlp, make_doc
from annalist.settings import Settings

# (component name in the pipeline, registered factory) in pipeline order.
STAGES: tuple[tuple[str, str], ...] = (
    ("verbs", "annalist_verbs_v1"),
    ("sentences", "annalist_sentences_v1"),
    ("actors", "annalist_actors_v1"),
    ("events", "annalist_events_v1"),
    ("time", "annalist_time_v1"),
    ("places", "annalist_places_v1"),
    ("actor_context", "annalist_actor_context_v1"),
)
SPACY_BATCH = 32


@dataclass(frozen=True, slots=True)
class Options:
    """What a pipeline is built from: settings and the user's data files. Picklable, for workers."""

    settings: Settings = field(default_factory=Settings)
    actor_files: tuple[str, ...] = ()
    codebook_files: tuple[str, ...] = ()


class Annalist:
    """The event coder: one loaded pipeline, used for any number of articles."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp = load_nlp(self.options.settings)
        configs = {"actors": {"actor_files": list(self.options.actor_files)},
                   "actor_context": {"actor_files": list(self.options.actor_files)},
                   "events": {"codebook_files": list(self.options.codebook_files)}}  # fmt: skip
        before = "parser" if self.nlp.has_pipe("parser") else None
        self.nlp.add_pipe("annalist_paragraphs_v1", name="paragraphs", before=before)
        for name, factory in STAGES:
            self.nlp.add_pipe(factory, name=name, config=configs.get(name, {}))
        self.timings: dict[str, float] = {}

    @property
    def stage_names(self) -> list[str]:
        """The pipeline's components in order, spaCy's first."""
        return list(self.nlp.pipe_names)

    def code_article(self, article: Article) -> CodedArticle:
        """Code one article. RAISES any error a stage raises (see `code_articles` for a safe batch)."""
        doc = make_doc(self.nlp, article)
        for _name, component in self.nlp.pipeline:
            doc = component(doc)
        return to_coded(doc)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle | InputError]:
        """Code articles in batches, in order. An article a stage fails on becomes an InputError; the rest
        of its batch is coded one by one so nothing else is lost.

        articles (Iterable[Article]): the articles.
        YIELDS (CodedArticle | InputError): one result per article, in input order.
        """
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= SPACY_BATCH:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> list[CodedArticle | InputError]:
        try:
            started = time.perf_counter()
            docs = [make_doc(self.nlp, article) for article in batch]
            self.timings["tokenizer"] = self.timings.get("tokenizer", 0.0) + time.perf_counter() - started
            return [to_coded(doc) for doc in self._timed_pipe(docs)]
        except Exception:  # one bad article must not lose its batch: retry one by one
            results: list[CodedArticle | InputError] = []
            for article in batch:
                try:
                    results.append(self.code_article(article))
                except Exception as error:
                    where = article.origin or article.id
                    reason = f"{type(error).__name__}: {error}".splitlines()[0]
                    results.append(InputError(Errors.E115.format(where=where, reason=reason), where=where))
            return results

    def _timed_pipe(self, docs: list[Doc]) -> list[Doc]:
        """Run the pipeline over a batch, component by component, adding each one's time to `timings`."""
        for name, component in self.nlp.pipeline:
            started = time.perf_counter()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=SPACY_BATCH))
            else:
                docs = [component(doc) for doc in docs]
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started
        return docs

    def code_text(self, text: str, *, published: dt.date | None = None, url: str | None = None) -> list[Event]:
        """Code a piece of text as one article and return its events."""
        from annalist.ingest.dateline import find_dateline, with_day

        clean = normalise_text(text)
        article = Article(id=article_id(clean, url), text=clean, url=url, published=published,
                          published_source="option" if published else None,
                          dateline=with_day(find_dateline(clean), published))  # fmt: skip
        return self.code_article(article).events


def to_coded(doc: Doc) -> CodedArticle:
    """The plain result of a Doc the pipeline has run over."""
    return CodedArticle(
        article=doc._.article,
        sentences=list(doc._.sentences or []),
        entities=list(doc._.entities or []),
        events=list(doc._.events or []),
    )


_WORKER: Annalist | None = None


def _start_worker(options: Options) -> None:
    global _WORKER
    _WORKER = Annalist(options)


def _work(batch: list[Article]) -> list[CodedArticle | InputError]:
    if _WORKER is None:
        raise RuntimeError("worker not started")
    return list(_WORKER.code_articles(batch))


def code_in_parallel(
    articles: Iterable[Sequence[Article]], options: Options, workers: int
) -> Iterator[list[CodedArticle | InputError]]:
    """Code batches of articles in `workers` processes, each loading the pipeline once; results in order.

    articles (Iterable[Sequence[Article]]): batches of articles.
    options (Options): how each worker builds its pipeline.
    workers (int): number of processes.
    YIELDS (list): the results of each batch, in the order the batches came.
    """
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(options,)) as pool:
        yield from pool.imap(_work, (list(batch) for batch in articles))


def user_paths(paths: Iterable[str | Path]) -> tuple[str, ...]:
    """User data files as absolute path strings, so worker processes find them too."""
    return tuple(str(Path(p).resolve()) for p in paths)
