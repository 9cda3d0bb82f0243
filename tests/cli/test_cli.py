"""The real `annalist` command in a subprocess, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from tests.conftest import EXAMPLES, run_cli, write_articles

DEMO = EXAMPLES / "ecuador_israel_2019.md"


def _count(db: Path, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def test_cli_code_demo_article_then_rerun_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    first = run_cli("code", str(DEMO), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "1 articles added" in first.stderr
    counts = [_count(db, t) for t in ("articles", "entities", "events")]
    assert counts[2] >= 8
    second = run_cli("code", str(DEMO), "--db", str(db))
    assert second.returncode == 0 and "0 articles added, 0 replaced, 1 unchanged" in second.stderr
    assert [_count(db, t) for t in ("articles", "entities", "events")] == counts


def test_cli_events_table_jsonl_and_filters(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    run_cli("code", str(DEMO), "--db", str(db))
    table = run_cli("events", "--db", str(db), "--actor", "ECU", "--type", "COOPERATE")
    assert table.returncode == 0 and "COOPERATE" in table.stdout and "SANCTION" not in table.stdout
    lines = run_cli("events", "--db", str(db), "--format", "jsonl", "--recipient", "ISR").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(any(r["country"] == "ISR" for r in rec["recipient"]) for rec in records)
    since = run_cli("events", "--db", str(db), "--format", "jsonl", "--since", "2019-01-01").stdout
    assert all(json.loads(line)["enddate"] >= "2019-01-01" for line in since.splitlines())


def test_cli_export_every_format(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    run_cli("code", str(DEMO), "--db", str(db))
    total = _count(db, "events")
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"events.{fmt}"
        result = run_cli("export", "--db", str(db), "--format", fmt, "--out", str(out))
        assert result.returncode == 0 and f"{total} events written" in result.stdout
        assert out.stat().st_size > 0


def test_cli_bad_inputs_are_skipped_named_and_signalled(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 3)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "records.jsonl").write_text('{"text": "Peru met Chile in Lima on Monday to discuss trade."}\n{oops\n',
                                          "utf-8")  # fmt: skip
    db = tmp_path / "a.duckdb"
    result = run_cli("code", str(folder), "--db", str(db))
    assert result.returncode == 3
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert skipped == [f"skipped: {folder / 'binary.txt'}: binary file (NUL byte at offset 0), not text",
                       f"skipped: {folder / 'records.jsonl'}:2: malformed JSON (Expecting property name enclosed "
                       f"in double quotes)"]  # fmt: skip
    assert _count(db, "articles") == 4


def test_cli_usage_errors(tmp_path: Path) -> None:
    bad_date = run_cli("code", str(DEMO), "--db", str(tmp_path / "a.duckdb"), "--published", "17/09/2019")
    assert bad_date.returncode == 2 and "bad date '17/09/2019' for --published: use YYYY-MM-DD" in bad_date.stderr
    missing = run_cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1 and "no such database" in missing.stderr
    bad_type = run_cli("code", str(DEMO), "--db", str(tmp_path / "b.duckdb"))
    assert bad_type.returncode == 0
    unknown = run_cli("events", "--db", str(tmp_path / "b.duckdb"), "--type", "ATTACK")
    assert unknown.returncode == 2 and "unknown event type 'ATTACK'" in unknown.stderr


def test_cli_wrong_model_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("code", str(DEMO), "--db", str(tmp_path / "a.duckdb"), "--model", "en_core_web_nonesuch")
    assert result.returncode == 1
    assert "spaCy pipeline 'en_core_web_nonesuch' is not installed" in result.stderr


def test_cli_stdin(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    result = run_cli("code", "-", "--db", str(db), "--published", "2021-06-01",
                     stdin=b"Colombia recalled its ambassador from Venezuela on Monday.")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _count(db, "events") == 1


def test_cli_workers_give_the_same_events_as_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 6)
    run_cli("code", str(folder), "--db", str(tmp_path / "one.duckdb"), "--batch-size", "2")
    two = run_cli("code", str(folder), "--db", str(tmp_path / "two.duckdb"), "--batch-size", "2", "--workers", "2")
    assert two.returncode == 0, two.stderr
    query = "SELECT * EXCLUDE (coded_at) FROM articles ORDER BY id"
    events = "SELECT * FROM events ORDER BY id"
    with duckdb.connect(str(tmp_path / "one.duckdb"), read_only=True) as one_db, \
            duckdb.connect(str(tmp_path / "two.duckdb"), read_only=True) as two_db:  # fmt: skip
        assert one_db.execute(query).fetchall() == two_db.execute(query).fetchall()
        assert one_db.execute(events).fetchall() == two_db.execute(events).fetchall()


def test_cli_events_hide_negated_and_hypothetical_unless_all(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    text = b"Chile did not recall its ambassador from Peru. Colombia recalled its ambassador from Venezuela."
    run_cli("code", "-", "--db", str(db), "--published", "2021-06-01", stdin=text)
    shown = run_cli("events", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    everything = run_cli("events", "--db", str(db), "--format", "jsonl", "--all").stdout.splitlines()
    assert [json.loads(line)["actor"][0]["country"] for line in shown] == ["COL"]
    assert len(everything) == 2 and any(json.loads(line)["modality"]["negated"] for line in everything)
