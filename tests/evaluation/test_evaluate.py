"""`annalist evaluate` end to end on small gold files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annalist.errors import UsageError
from annalist.evaluation import evaluate
from annalist.pipeline import Annalist
from tests.conftest import run_cli

TEAM = [
    {"id": "t1", "text": "Colombia recalled its ambassador from Venezuela on Monday.", "published": "2021-06-01",
     "events": [{"event": "SANCTION", "actor": [{"country": "COL"}], "recipient": [{"country": "VEN"}],
                 "date": "2021-05-31", "date_precision": "day"}]},
    {"id": "t2", "text": "The striker attacked the goal again and again in the second half.", "published": None,
     "events": []},
    {"id": "t3", "text": "Japan will send humanitarian aid to Nepal.", "published": "2021-06-01",
     "events": [{"event": "AGREE", "actor": [{"country": "JPN"}], "recipient": [{"country": "NPL"}],
                 "flags": ["future"]}]},  # announced aid is, in PLOVER, intent: AGREE
]  # fmt: skip


def _gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in TEAM), "utf-8")
    return path


def test_evaluate_team_format(coder: Annalist, tmp_path: Path) -> None:
    report = evaluate("team", _gold(tmp_path), coder=coder).to_dict()
    labels = {row["label"]: row for row in report["labels"]}
    assert labels["SANCTION"]["f1"] == 1.0 and labels["AGREE"]["f1"] == 1.0
    assert report["macro"]["f1"] == 1.0 and report["records"] == 3
    assert report["accuracy"]["actor country"]["value"] == 1.0
    assert report["accuracy"]["date"] == {"value": 1.0, "correct": 1, "total": 1}
    assert report["accuracy"]["flag future"]["value"] == 1.0
    assert report["confusion"]["NONE"] == {"NONE": 1}


def test_evaluate_petrarch_loads_the_dictionaries_beside_the_gold(tmp_path: Path) -> None:
    (tmp_path / "PETR.Validate.actors.txt").write_text("ROHAN_ [RHN]\n+ROHIRRIM\nHARAD [HRD]\n", "utf-8")
    (tmp_path / "PETR.Validate.agents.txt").write_text("!PERSON! = MAN, MEN\nPOLICE {} [~COP]\n", "utf-8")
    gold = tmp_path / "records.jsonl"
    gold.write_text(json.dumps({"id": "r1", "date": "19950103", "text": "Rohan recalled its ambassador from Harad.",
                                "gold_events": [{"sourcecode": "RHN", "targetcode": "HRD", "eventcode": "161"}]}) + "\n",
                    "utf-8")  # fmt: skip
    report = evaluate("petrarch", gold).to_dict()
    assert report["micro"]["f1"] == 1.0
    assert report["accuracy"]["actor country"]["value"] == 1.0


def test_evaluate_needs_a_path_for_public_sets() -> None:
    with pytest.raises(UsageError, match="--path is needed for plover"):
        evaluate("plover")
    with pytest.raises(UsageError, match="unknown evaluation set 'gdelt'"):
        evaluate("gdelt", Path("x"))


def test_evaluate_cli_json(tmp_path: Path) -> None:
    result = run_cli("evaluate", "team", "--path", str(_gold(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["set"] == "team" and report["macro"]["f1"] == 1.0
    table = run_cli("evaluate", "team", "--path", str(_gold(tmp_path)))
    assert "SANCTION" in table.stdout and "worst errors" in table.stdout
