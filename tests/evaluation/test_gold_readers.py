"""Readers for each gold format, on tiny files written here in the sets' formats (team-written sentences)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from annalist.errors import DataError
from annalist.evaluation.gold import (
    marked_spans,
    read_conflibert_gold,
    read_petrarch_gold,
    read_plover_gold,
    read_team_gold,
)


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    return path


def test_gold_plover_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "p.jsonl", [{"id": "x1", "text": "Chile condemned Peru.", "event_plover_2021_mapped": "ACCUSE",
                                          "mode": None, "source": [{"actorText": "Chile", "code": "CHL", "sector": "GOV"}],
                                          "target": [{"actorText": "Peru", "code": "PER"}]}])  # fmt: skip
    [record] = read_plover_gold(path)
    assert record.events[0].event == "ACCUSE"
    assert (record.events[0].actor[0].country, record.events[0].actor[0].sector) == ("CHL", "GOV")
    assert not record.events[0].undirected


def test_gold_plover_source_or_target_markup_is_undirected(tmp_path: Path) -> None:
    sides = [{"actorText": "Chile", "code": "CHL"}, {"actorText": "Peru", "code": "PER"}]
    row = {"id": "x2", "text": "Chile and Peru signed a fishing pact.", "event_plover_2021_mapped": "COOPERATE",
           "source": sides, "target": [],
           "markup": "(SRC/TAR: Chile) and (SRC/TAR: Peru) (EVT: signed) a fishing pact."}  # fmt: skip
    [record] = read_plover_gold(_write(tmp_path / "p.jsonl", [row]))
    assert record.events[0].undirected
    assert [record.text[a:b] for a, b in record.anchors] == ["signed"]


def test_gold_plover_marked_event_words_survive_small_wording_differences() -> None:
    text = "The Bolivian navy seized two Peruvian fishing boats near the border on Sunday."
    markup = "The (SRC: Bolivian navy) (EVT: siezed) two (TAR: Peruvian fishing (boats)) (EVT: near) the border on Sunday."
    assert [text[a:b] for a, b in marked_spans(markup, text)] == ["seized", "near"]
    assert marked_spans("(EVT: signed) a pact", "") == [], "nothing to align, no span"


def test_gold_petrarch_format_maps_cameo_through_the_crosswalk(tmp_path: Path) -> None:
    path = _write(tmp_path / "t.jsonl", [
        {"id": "r1", "date": "19950103", "text": "Rohan recalled its envoy from Harad.",
         "gold_events": [{"sourcecode": "RHNGOV", "targetcode": "HRD", "eventcode": "161"}]},
        {"id": "r2", "date": "19950103", "text": "Rohan said the weather was fine.",
         "gold_events": [{"sourcecode": "RHN", "targetcode": "---", "eventcode": "010"}]},
    ])  # fmt: skip
    first, second = read_petrarch_gold(path)
    assert first.published == dt.date(1995, 1, 3)
    assert (first.events[0].event, first.events[0].mode) == ("SANCTION", "withdraw")
    assert (first.events[0].actor[0].country, first.events[0].actor[0].sector) == ("RHN", "GOV")
    assert second.events == [], "CAMEO 01 (statements) is dropped by PLOVER"


def test_gold_conflibert_format(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.jsonl", [{"id": "c1", "text": "Troops shelled the town.", "pentaclass": 4}])
    assert read_conflibert_gold(path)[0].quad == 4


def test_gold_team_format_and_its_errors(tmp_path: Path) -> None:
    good = {"id": "e1", "text": "Peru expelled two Chilean diplomats in 2019.", "published": "2021-01-05",
            "events": [{"event": "SANCTION", "mode": "expel", "actor": [{"country": "PER", "sector": "GOV"}],
                        "recipient": [{"country": "CHL"}], "date": "2019", "date_precision": "year",
                        "flags": ["historical"]}]}  # fmt: skip
    [record] = read_team_gold(_write(tmp_path / "g.jsonl", [good]))
    assert record.events[0].flags == ["historical"] and record.events[0].date == "2019"
    assert not record.events[0].undated
    none = {**good, "events": [{**good["events"][0], "date": None}]}
    [record] = read_team_gold(_write(tmp_path / "n.jsonl", [none]))
    assert record.events[0].undated and record.events[0].date is None
    bad = {**good, "events": [{"event": "FIGHT"}]}
    with pytest.raises(DataError, match=r"b\.jsonl: line 2: unknown event type"):
        read_team_gold(_write(tmp_path / "b.jsonl", [good, bad]))
