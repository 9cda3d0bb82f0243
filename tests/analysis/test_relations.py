"""Relations over time on a database coded by the real pipeline from team-written articles: a decade of
Ecuador-Israel relations that turn from conflict (2010-2014) to cooperation (2015-2019)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from annalist.analysis import actor_pairs, change_points, relations
from annalist.errors import UsageError
from annalist.ingest.articles import build_article
from annalist.model import Article
from annalist.pipeline import Annalist
from annalist.settings import Settings
from annalist.store import Store
from tests.conftest import run_cli

DECADE = [
    (2010, "Ecuador recalled its ambassador from Israel on Monday."),
    (2011, "Ecuador condemned Israel on Monday over the bombing of a school."),
    (2012, "Ecuador expelled two Israeli diplomats on Monday."),
    (2013, "Ecuador's president accused Israel of war crimes on Monday."),
    (2014, "Ecuador suspended its military cooperation with Israel on Monday."),
    (2015, "Ecuador signed a trade agreement with Israel on Monday."),
    (2016, "Ecuador's foreign minister praised Israel on Monday for its help after the earthquake."),
    (2017, "Israel sent a team of doctors to Ecuador on Monday to help flood victims."),
    (2018, "Ecuador and Israel agreed on Monday to restore their military cooperation."),
    (2019, "Ecuador signed a defence agreement with Israel on Monday."),
]
SECOND_REPORT = (2019, "On Monday Ecuador signed a defence agreement with Israel, the ministry said.")
NEGATED = (2016, "Ecuador did not recall its ambassador from Israel on Monday, officials said.")
# an attack with no named doer is coded to an unidentified actor of Ecuador (PLOVER), not to Ecuador
UNIDENTIFIED = (2016, "A roadside bomb near Guayaquil killed two Israeli tourists on Monday.")


@pytest.fixture(scope="module")
def decade_db(coder: Annalist, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("relations") / "decade.duckdb"
    coded = []
    for n, (year, text) in enumerate([*DECADE, SECOND_REPORT, NEGATED, UNIDENTIFIED]):
        article = build_article({"text": text, "published": f"{year}-06-09", "url": f"https://x.org/{n}"},
                                where=f"a{n}", key=None, settings=Settings(), published=None)  # fmt: skip
        assert isinstance(article, Article)
        coded.append(coder.code_article(article))
    Store(path).write(coded)
    return path


def test_relations_periods_directions_and_scores(decade_db: Path) -> None:
    report = relations(Store(decade_db), "ecu", "isr", by="year")
    periods = report.periods.to_pylist()
    years = {row["period"][:4] for row in periods}
    assert years == {str(year) for year, _ in DECADE}
    by_year: dict[int, float] = {}
    for row in periods:
        by_year[int(row["period"][:4])] = by_year.get(int(row["period"][:4]), 0.0) + row["score_sum"]
        assert row["events"] == row["quad1"] + row["quad2"] + row["quad3"] + row["quad4"] == len(row["event_ids"])
    assert all(by_year[y] < 0 for y in range(2010, 2015)) and all(by_year[y] > 0 for y in range(2015, 2020))
    aid = [row for row in periods if row["period"].startswith("2017")]
    assert [row["direction"] for row in aid] == ["b->a"] and aid[0]["quad2"] == 1
    types = {(row["period"][:4], row["event"]) for row in report.by_type.to_pylist()}
    assert {("2010", "SANCTION"), ("2012", "SANCTION"), ("2015", "SUPPORT")} <= types


def test_relations_count_each_event_once_and_leave_out_what_did_not_happen(decade_db: Path) -> None:
    store = Store(decade_db)
    events = {r["period"][:4]: r["events"] for r in relations(store, "ECU", "ISR").periods.to_pylist()}
    mentions = {
        r["period"][:4]: r["events"] for r in relations(store, "ECU", "ISR", mentions=True).periods.to_pylist()
    }
    assert events["2019"] == 1 and mentions["2019"] == 2  # two reports of one signing
    assert events["2016"] == mentions["2016"] == 1  # the recall that did not happen is not counted
    [bombing] = [e for e in store.events() if e["event"] == "ASSAULT"]  # nor the bombing by no one known
    assert json.loads(bombing["actor_json"])[0]["country"] == "ECU" and bombing["actor_countries"] == []


def test_relations_find_the_turn_and_the_events_around_it(decade_db: Path) -> None:
    report = relations(Store(decade_db), "ECU", "ISR", by="year")
    assert [shift.period[:4] for shift in report.shifts] == ["2015"]
    shift = report.shifts[0]
    assert shift.before < 0 < shift.after and shift.p_value < 0.05
    around = {e["id"]: e for e in Store(decade_db).events_by_id(shift.events_around)}
    assert {e["date"].year for e in around.values()} == {2014, 2015}


def test_relations_unknown_period_is_a_usage_error(decade_db: Path) -> None:
    with pytest.raises(UsageError, match="unknown period 'week'"):
        relations(Store(decade_db), "ECU", "ISR", by="week")


def test_actor_pairs_by_volume_and_net_score(decade_db: Path) -> None:
    pairs = {(r["actor"], r["recipient"]): r for r in actor_pairs(Store(decade_db), limit=10).to_pylist()}
    ecu_isr = pairs[("ECU", "ISR")]
    assert ecu_isr["conflict"] == 5 and ecu_isr["cooperation"] >= 3
    assert ecu_isr["events"] == ecu_isr["conflict"] + ecu_isr["cooperation"]
    assert pairs[("ISR", "ECU")]["score_sum"] > 0


def test_change_points_on_a_step_and_on_noise() -> None:
    rng = random.Random(7)
    step = [rng.gauss(-3, 0.5) for _ in range(8)] + [rng.gauss(3, 0.5) for _ in range(8)]
    assert [index for index, _ in change_points(step)] == [8]
    # on pure noise a 5% test may fire now and then, but rarely: count the series where it does
    false_alarms = sum(bool(change_points([rng.gauss(0, 1) for _ in range(16)], seed=n)) for n in range(40))
    assert false_alarms <= 6
    spell = (
        [rng.gauss(-3, 0.5) for _ in range(6)]
        + [rng.gauss(3, 0.5) for _ in range(6)]
        + [rng.gauss(-3, 0.5) for _ in range(6)]
    )  # a thaw that comes and goes: one test finds both ends
    assert [index for index, _ in change_points(spell)] == [6, 12]
    long_step = [rng.gauss(0, 1) for _ in range(100)] + [rng.gauss(1.5, 1) for _ in range(100)]
    found = [index for index, _ in change_points(long_step)]
    assert any(95 <= index <= 105 for index in found) and all(index >= 10 for index in found)
    three = [0.0] * 5 + [4.0] * 5 + [8.0] * 5 + [rng.gauss(0, 0.2) for _ in range(5)]
    assert [index for index, _ in change_points(three)] == [5, 10, 15]


def test_cli_relations_and_actors(decade_db: Path) -> None:
    shown = run_cli("relations", "ECU", "ISR", "--db", str(decade_db))
    assert shown.returncode == 0, shown.stderr
    assert "ISR -> ECU" in shown.stdout and "shift from 2015-01-01" in shown.stdout
    as_json = json.loads(run_cli("relations", "ECU", "ISR", "--db", str(decade_db), "--json").stdout)
    assert len(as_json["shifts"]) == 1 and as_json["periods"]
    actors = run_cli("actors", "--db", str(decade_db))
    assert actors.returncode == 0 and "ECU" in actors.stdout and "ISR" in actors.stdout
    bad = run_cli("relations", "ECU", "ISR", "--db", str(decade_db), "--by", "week")
    assert bad.returncode != 0 and "unknown period 'week'" in bad.stderr
