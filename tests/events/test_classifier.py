"""The event classifier: reproducible training, and how the event stage uses it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from annalist.events.classifier import EventClassifier, read_labelled, shipped_classifier, train
from annalist.events.combine import ADD_ABOVE
from annalist.pipeline import Annalist
from tests.conftest import run_cli

SENTENCES = [
    ("Kenya sent food aid to Somalia on Monday.", ["AID"]), ("Peru recalled its ambassador from Chile.", ["SANCTION"]),
    ("Troops shelled rebel positions near the border.", ["ASSAULT"]), ("The striker scored twice in the final.", []),
    ("Japan donated vaccines to Vietnam.", ["AID"]), ("Poland expelled two Russian diplomats.", ["SANCTION"]),
    ("Police fired tear gas at protesters in Lima.", ["ASSAULT"]), ("The weather turned cold in the north.", []),
]  # fmt: skip


def _write(path: Path) -> Path:
    rows = [{"id": f"c{i}", "text": text, "published": "2021-01-01", "events": [{"event": e} for e in types]}
            for i, (text, types) in enumerate(SENTENCES)]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return path


def test_classifier_training_is_reproducible(tmp_path: Path) -> None:
    data = _write(tmp_path / "train.jsonl")
    first = train([data], tmp_path / "one", epochs=3, seed=7, held_out=0.0)
    second = train([data], tmp_path / "two", epochs=3, seed=7, held_out=0.0)
    assert first == second and first["sentences"] == 8 and first["data"]
    one, two = EventClassifier.load(tmp_path / "one"), EventClassifier.load(tmp_path / "two")
    features = ["kenya send food aid to somalia", "police fire tear gas"]
    assert one.predict(features) == two.predict(features)
    assert read_labelled([data])[3].types == frozenset()


def test_classifier_is_shipped_and_small() -> None:
    classifier = shipped_classifier()
    assert classifier is not None
    report = json.loads((Path(classifier.nlp.path) / "training.json").read_text("utf-8"))
    assert report["sentences"] >= 2000 and report["held_out_auc"] > 0.85
    size = sum(p.stat().st_size for p in Path(classifier.nlp.path).rglob("*") if p.is_file())
    assert size < 5_000_000


def test_classifier_events_say_what_produced_them(coder: Annalist) -> None:
    text = ("Argentina's navy rescued the crew of a Uruguayan fishing boat. Nigeria airlifted relief supplies to "
            "flood victims in Niger. Colombia recalled its ambassador from Venezuela.")  # fmt: skip
    events = coder.code_text(text, published=dt.date(2021, 6, 1))
    assert events
    for event in events:
        assert event.produced_by.startswith(("pattern:", "model:"))
        assert "classifier p(" in event.explanation or "no pattern" in event.explanation
        if event.produced_by.startswith("model:"):
            assert event.confidence >= ADD_ABOVE * 0.8


def test_classifier_cli_train(tmp_path: Path) -> None:
    data = _write(tmp_path / "train.jsonl")
    result = run_cli("train", "--data", str(data), "--out", str(tmp_path / "model"), "--epochs", "2")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sentences"] == 8
    assert (tmp_path / "model" / "config.cfg").exists()
