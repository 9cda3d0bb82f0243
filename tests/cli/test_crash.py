"""Crash safety: a coder killed mid-run loses no committed article and leaves none half-written; the
re-run completes the job without doubling anything."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import run_cli, write_articles


def _snapshot(db: Path) -> tuple[list[tuple[object, ...]], int, list[tuple[object, ...]]]:
    with duckdb.connect(str(db), read_only=True) as connection:
        articles = connection.execute("SELECT id, n_events FROM articles ORDER BY id").fetchall()
        duplicates = connection.execute("SELECT count(*) - count(DISTINCT id) FROM events").fetchall()[0][0]
        per_article = connection.execute(
            "SELECT a.id, a.n_events, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id "
            "GROUP BY a.id, a.n_events ORDER BY a.id"
        ).fetchall()
    return articles, int(duplicates), per_article


def test_crash_killed_mid_batch_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 40)
    db = tmp_path / "a.duckdb"
    process = subprocess.Popen(
        [sys.executable, "-m", "annalist", "code", str(folder), "--db", str(db), "--batch-size", "4",
         "--progress", "plain"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env={**os.environ},
    )  # fmt: skip
    assert process.stderr is not None
    added = 0
    for line in process.stderr:
        if line.startswith("added "):
            added += 1
            if added >= 6:  # a batch of 4 and part of the next are committed: kill it while it works
                break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stderr.close()

    articles, duplicates, per_article = _snapshot(db)
    assert 4 <= len(articles) < 40, "killed part-way"
    assert len(articles) % 4 == 0, "only whole batches are committed"
    assert duplicates == 0
    assert all(n_events == stored for _, n_events, stored in per_article), "no article is half-written"

    rerun = run_cli("code", str(folder), "--db", str(db), "--batch-size", "4")
    assert rerun.returncode == 0, rerun.stderr
    assert f"{40 - len(articles)} articles added, 0 replaced, {len(articles)} unchanged" in rerun.stderr
    clean = tmp_path / "clean.duckdb"
    run_cli("code", str(folder), "--db", str(clean), "--batch-size", "4")
    assert _snapshot(db)[0] == _snapshot(clean)[0]
    assert _snapshot(db)[1] == 0
