"""Shared fixtures. Pipeline tests load the real spaCy model once per session; nothing touches the network
and nothing needs ../shared (tests that can use it skip when it is absent)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from annalist.model import Article, CodedArticle, Event
from annalist.pipeline import Annalist

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder() -> Annalist:
    """The real pipeline with the pinned model, loaded once."""
    return Annalist()


@pytest.fixture(scope="session")
def code(coder: Annalist) -> Callable[..., list[Event]]:
    """Code a text as one article: code("...", published=date) -> events."""

    def run(text: str, published: dt.date | None = dt.date(2021, 6, 1)) -> list[Event]:
        return coder.code_text(text, published=published)

    return run


@pytest.fixture(scope="session")
def code_article(coder: Annalist) -> Callable[[Article], CodedArticle]:
    return coder.code_article


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run the real `annalist` command in a subprocess."""
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "annalist", *args],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=600,
    )


def write_articles(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """Write `count` small distinct team-written articles as .txt files, each with one clear event."""
    pairs = [("Peru", "Chile"), ("Kenya", "Uganda"), ("Norway", "Sweden"), ("Japan", "Vietnam"),
             ("Egypt", "Sudan"), ("Canada", "Mexico"), ("Poland", "Lithuania"), ("Ghana", "Togo")]  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        actor, target = pairs[n % len(pairs)]
        path = folder / f"article_{n:04d}.txt"
        path.write_text(
            f"Report number {n}\n\n{actor} recalled its ambassador from {target} on Monday after a dispute over "
            f"fishing rights, officials in the capital said. The two governments last held talks in {2000 + n % 20}, "
            f"and diplomats said relations had been cooling for months before the decision.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths
