"""`annalist bench`: speed and memory on real news, against spaCy's own parse of the same texts.

Three timed phases over the same articles: read (ingest), code (the whole pipeline: spaCy and Annalist's
stages) and store (a fresh DuckDB file). Then spaCy alone (the same pipeline's components, nothing of
Annalist's) parses the same texts, and the report gives the ratio Annalist / spaCy. Peak memory is the
process's maximum resident set size (for --workers > 1, the largest worker's).
"""

from __future__ import annotations

import os
import platform
import resource
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from annalist.bench.corpora import read_corpus
from annalist.errors import InputError
from annalist.model import Article, CodedArticle
from annalist.nlp import load_nlp, parse_text_of
from annalist.pipeline import Annalist, Options, code_in_parallel
from annalist.store import Store

T = TypeVar("T")
TARGET_RATIO = 1.3
TARGET_MEMORY_MB = 1024


@dataclass(slots=True)
class BenchReport:
    corpora: list[str]
    workers: int
    articles: int = 0
    skipped: int = 0
    sentences: int = 0
    words: int = 0
    events: int = 0
    clustered: int = 0  # event mentions that were clustered (negated and hypothetical ones are not)
    clusters: int = 0  # the real-world events they report
    read_seconds: float = 0.0
    code_seconds: float = 0.0
    store_seconds: float = 0.0
    spacy_seconds: float | None = None
    peak_memory_mb: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    machine: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code_seconds or 1e-9
        total = self.read_seconds + self.code_seconds + self.store_seconds
        stages = sum(self.stage_seconds.values()) or 1e-9
        return {
            "corpora": self.corpora, "workers": self.workers, "articles": self.articles, "skipped": self.skipped,
            "sentences": self.sentences, "words": self.words, "events": self.events, "clustered": self.clustered,
            "clusters": self.clusters,
            "mentions_per_cluster": round(self.clustered / self.clusters, 3) if self.clusters else None,
            "seconds": {"read": round(self.read_seconds, 2), "code": round(self.code_seconds, 2),
                        "store": round(self.store_seconds, 2), "total": round(total, 2),
                        "spacy_parse": None if self.spacy_seconds is None else round(self.spacy_seconds, 2)},
            "articles_per_s": round(self.articles / code, 2), "sentences_per_s": round(self.sentences / code, 1),
            "words_per_s": round(self.words / code), "events_per_s": round(self.events / code, 1),
            "ratio_code_to_spacy": self.ratio(self.code_seconds),
            "ratio_end_to_end_to_spacy": self.ratio(total),
            "peak_memory_mb": round(self.peak_memory_mb, 1),
            "stage_share": {name: round(s / stages, 4) for name, s in self.stage_seconds.items()},
            "targets": {"ratio": TARGET_RATIO, "memory_mb": TARGET_MEMORY_MB},
            "machine": self.machine,
        }  # fmt: skip

    def ratio(self, seconds: float) -> float | None:
        return None if not self.spacy_seconds else round(seconds / self.spacy_seconds, 3)


def machine_info(options: Options) -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from spacy import about

    return {"cpu": cpu, "cores": str(os.cpu_count()), "python": platform.python_version(),
            "os": f"{platform.system()} {platform.release()}", "spacy": about.__version__,
            "model": options.settings.model}  # fmt: skip


def _peak_mb(children: bool) -> float:
    """Peak resident memory of this process (or of its largest worker). On Linux this process's own peak is
    read from /proc (VmHWM): `ru_maxrss` is carried over from the parent on fork, so a bench started by a large
    process would report the parent's peak."""
    if not children:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kilobytes
        except OSError:
            pass
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _batches(items: list[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def run_bench(corpora: list[Path], *, options: Options | None = None, workers: int = 1, limit: int | None = None,
              split_stories: bool = False, spacy_baseline: bool = True) -> BenchReport:  # fmt: skip
    """Benchmark Annalist on news corpora.

    corpora (list[Path]): files or folders of articles (any format `annalist code` reads).
    options (Options | None): pipeline options.
    workers (int): coding processes.
    limit (int | None): at most this many articles.
    split_stories (bool): split plain-text files into stories at blank lines (concatenated news dumps).
    spacy_baseline (bool): also time spaCy alone on the same texts.
    RETURNS (BenchReport): the measurements.
    """
    options = options or Options()
    report = BenchReport(corpora=[str(c) for c in corpora], workers=workers, machine=machine_info(options))
    started = time.perf_counter()
    articles: list[Article] = []
    for item in read_corpus(corpora, settings=options.settings, split_stories=split_stories):
        if isinstance(item, InputError):
            report.skipped += 1
        elif limit is None or len(articles) < limit:
            articles.append(item)
    report.read_seconds = time.perf_counter() - started
    coded = _code(articles, options, workers, report)
    report.articles = len(coded)
    report.sentences = sum(len(c.sentences) for c in coded)
    report.words = sum(len(c.article.text.split()) for c in coded)
    report.events = sum(len(c.events) for c in coded)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        for batch in _batches(coded, options.settings.batch_size):
            store.write(batch)
        report.store_seconds = time.perf_counter() - started
        report.clustered, report.clusters = store.count_clusters()
    report.peak_memory_mb = _peak_mb(children=workers > 1) if workers > 1 else _peak_mb(children=False)
    if spacy_baseline:
        report.spacy_seconds = spacy_parse_seconds(articles, options)
    return report


def _code(articles: list[Article], options: Options, workers: int, report: BenchReport) -> list[CodedArticle]:
    results: list[CodedArticle | InputError] = []
    if workers == 1:
        coder = Annalist(options)
        started = time.perf_counter()
        results = list(coder.code_articles(articles))
        report.code_seconds = time.perf_counter() - started
        report.stage_seconds = dict(coder.timings)
    else:
        started = time.perf_counter()
        for batch in code_in_parallel(_batches(articles, 32), options, workers):
            results.extend(batch)
        report.code_seconds = time.perf_counter() - started
    coded = [r for r in results if isinstance(r, CodedArticle)]
    report.skipped += len(results) - len(coded)
    return coded


def spacy_parse_seconds(articles: list[Article], options: Options) -> float:
    """Seconds spaCy alone (the same model, all its components) takes to parse the articles' texts."""
    nlp = load_nlp(options.settings)
    texts = [parse_text_of(article) for article in articles]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started
