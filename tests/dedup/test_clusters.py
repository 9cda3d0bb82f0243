"""Deduplication: reports of one event share a cluster; near misses do not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from annalist.dedup import Cluster, Clusterer, Mention, cluster_id, content_words, with_article_context
from annalist.pipeline import Annalist
from annalist.store import Store
from annalist.store.clusters import member_states_of, mention_of
from tests.conftest import run_cli

DAY = dt.date(2022, 5, 10)


def _mention(mid: str, *, event: str = "ASSAULT", actors: tuple[str, ...] = ("SOM",), recipients: tuple[str, ...] = (),
             day: dt.date | None = DAY, by_text: bool = True, place: tuple[float, float] | None = (2.04, 45.34),
             text: str = "A car bomb exploded at a checkpoint in Mogadishu", article: str = "a") -> Mention:  # fmt: skip
    return Mention(id=mid, article_id=article, event=event, actors=frozenset(actors), recipients=frozenset(recipients),
                   date_start=day, date_end=day, precision="day" if day else None, dated_by_text=by_text,
                   country="SOM", lat=place[0] if place else None, lon=place[1] if place else None,
                   point_precise=place is not None, words=content_words(text), order=(str(day), article, int(mid[-1])))  # fmt: skip


def test_clusters_reports_of_one_event_join() -> None:
    mentions = [
        _mention("m1"),
        _mention(
            "m2", article="b", text="Car bombing at Mogadishu checkpoint kills ten", recipients=("SOM",), actors=()
        ),
        _mention(
            "m3", article="c", day=DAY + dt.timedelta(days=2), by_text=False, text="Mogadishu bombing toll rises"
        ),
    ]
    assigned = Clusterer().add(mentions)
    assert len(set(assigned.values())) == 1
    assert assigned["m1"] == cluster_id("m1"), "a cluster is named after its founding mention"


def test_clusters_near_misses_stay_apart() -> None:
    far_city = _mention(
        "m2", article="b", place=(9.03, 38.74), text="A car bomb exploded at a checkpoint in Kismayo"
    )
    next_day = _mention(
        "m3", article="c", day=DAY + dt.timedelta(days=1), text="A car bomb exploded at a checkpoint"
    )
    week_later = _mention("m4", article="d", day=DAY + dt.timedelta(days=7))
    other_type = _mention("m5", article="e", event="COERCE")  # police arresting bystanders of the bombing
    assigned = Clusterer().add([_mention("m1"), far_city, next_day, week_later, other_type])
    assert len(set(assigned.values())) == 5


def test_clusters_partyless_mention_borrows_its_articles_parties() -> None:
    lede = _mention("m1", place=None, text="A car bomb exploded at a checkpoint in Mogadishu")
    body = _mention("m2", actors=(), place=None, text="Most of those killed were soldiers searching vehicles")
    elsewhere = _mention("m3", article="b", actors=(), place=None, text="Most of those killed were soldiers")
    unrelated = _mention("m4", article="c", actors=(), place=None, text="Two fishermen were shot off the coast")
    [with_context, alone, _] = with_article_context([body, lede, elsewhere, unrelated])[1:]
    assert (with_context.context, alone.context) == (frozenset({"SOM"}), frozenset())
    assigned = Clusterer().add([lede, body, elsewhere, unrelated])
    assert assigned["m2"] == assigned["m1"], "the body mention joins its own article's event"
    assert assigned["m3"] == assigned["m1"], "a mention naming no party anywhere joins on its words and day"
    assert assigned["m4"] not in (assigned["m1"], assigned["m3"]), "but not on its day alone"


def test_clusters_a_small_organisation_meets_its_member_states() -> None:
    summit = _mention(
        "m1", event="CONSULT", actors=("MERCOSUR",), place=None, text="Mercosur leaders held a summit"
    )
    summit.member_states = frozenset({"ARG", "BRA", "PRY", "URY"})
    member = _mention("m2", article="b", event="CONSULT", actors=("URY",), place=None,
                      text="Uruguay's trade plans overshadowed the summit")  # fmt: skip
    stranger = _mention("m3", article="c", event="CONSULT", actors=("CHL",), place=None,
                        text="Chile's trade plans overshadowed the summit")  # fmt: skip
    assigned = Clusterer().add([summit, member, stranger])
    assert assigned["m2"] == assigned["m1"] and assigned["m3"] != assigned["m1"]
    assert member_states_of([{"code": "MERCOSUR", "country": "IGO"}]) >= {"ARG", "BRA", "PRY", "URY"}
    assert member_states_of([{"code": "UN", "country": "UNO"}, {"code": "ECU", "country": "ECU"}]) == frozenset()


def test_clusters_reply_is_not_the_deed() -> None:
    deed = _mention(
        "m1", actors=("ETH",), recipients=("SDN",), place=None, text="Ethiopian forces attacked a border post"
    )
    reply = _mention("m2", article="b", actors=("SDN",), recipients=("ETH",), place=None,
                     text="Sudanese forces attacked a border post")  # fmt: skip
    assigned = Clusterer().add([deed, reply])
    assert assigned["m1"] != assigned["m2"]


def test_clusters_are_incremental_and_deterministic() -> None:
    first = [_mention("m1"), _mention("m2", article="b")]
    once = Clusterer().add(first)
    existing = Cluster(id=once["m1"], event="ASSAULT")
    for mention in first:
        existing.absorb(mention)
    later = Clusterer(clusters=[existing]).add([_mention("m3", article="c")])
    assert later["m3"] == once["m1"]
    assert Clusterer().add(list(reversed(first))) == once, "the same input gives the same clusters in any order"


TEXT_A = ("Somalia: bomb kills ten at Mogadishu checkpoint\\n\\nA car bomb exploded at a checkpoint in Mogadishu on "
          "Tuesday, killing ten soldiers, Somali police said.")  # fmt: skip


def test_clusters_in_the_store_and_cli(coder: Annalist, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Bomb kills ten in Mogadishu\n\nA car bomb exploded at a checkpoint in Mogadishu on "
                                  "Tuesday, killing ten soldiers, Somali police said.\n", "utf-8")  # fmt: skip
    (folder / "b.txt").write_text("Mogadishu checkpoint attack\n\nTen Somali soldiers were killed when a car bomb "
                                  "went off at a checkpoint in Mogadishu on Tuesday.\n", "utf-8")  # fmt: skip
    db = tmp_path / "a.duckdb"
    assert run_cli("code", str(folder), "--db", str(db), "--published", "2022-05-11").returncode == 0
    store = Store(db)
    events = [e for e in store.events() if e["event"] == "ASSAULT"]
    assert len(events) >= 2 and len({e["cluster_id"] for e in events}) == 1
    [cluster] = [c for c in store.clusters() if c["event"] == "ASSAULT"]
    assert (cluster["articles"], cluster["date"]) == (2, dt.date(2022, 5, 10))
    result = run_cli("events", "--db", str(db), "--dedup", "--format", "jsonl", "--type", "ASSAULT")
    assert result.returncode == 0 and result.stdout.count("\n") == 1 and '"articles": 2' in result.stdout


def test_clusters_a_text_dated_report_is_held_to_the_texts_days() -> None:
    """A cluster's report dated only by its publication day does not widen the window for reports whose own
    text gives the day: the shelling on Monday and the reply on Tuesday stay two events."""
    monday = _mention("m1", actors=("PAK",), recipients=("IND",), text="Pakistani troops shelled an Indian post")
    undated = _mention("m2", article="b", actors=(), day=DAY + dt.timedelta(days=1), by_text=False,
                       text="Two soldiers were wounded in the shelling")  # fmt: skip
    undated.context = frozenset({"PAK", "IND"})
    tuesday = _mention("m3", article="c", actors=("IND",), day=DAY + dt.timedelta(days=1),
                       text="Indian artillery shelled Pakistani posts")  # fmt: skip
    assigned = Clusterer().add([monday, undated, tuesday])
    assert assigned["m2"] == assigned["m1"]
    assert assigned["m3"] != assigned["m1"]


def test_clusters_an_undated_report_goes_to_the_cluster_that_uses_its_words() -> None:
    """Two arrests on consecutive days; a later report dated only by publication says which by its words,
    not by being nearer in time to the second, and a cluster grown by many reports is not at a disadvantage."""
    journalist = [
        _mention("m1", event="COERCE", actors=("BLR",), recipients=("BLR",), place=None,
                 text="Police in Minsk detained a freelance journalist at his home"),
        _mention("m2", article="d", event="COERCE", actors=("BLR",), recipients=("BLR",), place=None,
                 text="Belarusian police detain a freelance journalist writing for an exiled news site, a press "
                 "freedom group said, calling the raid part of a campaign against independent media"),
    ]  # fmt: skip
    activist = _mention("m3", article="b", event="COERCE", actors=("BLR",), recipients=("BLR",), place=None,
                        day=DAY + dt.timedelta(days=1), text="The detention of a journalist was followed by the "
                        "arrest of an opposition activist at home")  # fmt: skip
    later = _mention("m4", article="c", event="COERCE", actors=(), place=None, by_text=False,
                     day=DAY + dt.timedelta(days=2), text="The journalist was detained at his home, colleagues said")  # fmt: skip
    later.context = frozenset({"BLR"})
    assigned = Clusterer().add([*journalist, activist, later])
    assert assigned["m1"] == assigned["m2"] != assigned["m3"]
    assert assigned["m4"] == assigned["m1"]


def test_clusters_an_unidentified_attacker_names_no_party() -> None:
    """An attack with no named doer is coded to an unidentified actor of the place's country (PLOVER's UNK);
    for clustering that actor is nobody, so the report can still join one that names the attackers."""
    row = {"id": "e1", "article_id": "a", "event": "ASSAULT", "date": DAY, "date_end": DAY, "date_precision": "day",
           "date_source": "text", "location_country": "SOM", "location_source": "clause", "lat": None, "lon": None,
           "sentence_text": "A car bomb killed ten soldiers", "trigger_start": 0,
           "actor_json": '[{"code": "SOM", "country": "SOM", "sector": "UNK"}]',
           "recipient_json": '[{"code": "SOM", "country": "SOM", "sector": "MIL"}]'}  # fmt: skip
    mention = mention_of(row, DAY)
    assert (mention.actors, mention.recipients) == (frozenset(), frozenset({"SOM"}))
