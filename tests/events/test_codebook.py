"""The codebook: every pattern's own examples are coded with it; malformed patterns name their line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from annalist.errors import DataError
from annalist.events.codebook import load_codebook, load_natural_causes, parse_path
from annalist.events.plover import load_plover_tables
from annalist.model import EVENT_TYPES
from annalist.pipeline import Annalist

CODEBOOK = load_codebook()
EXAMPLES = [(p.id, text) for p in CODEBOOK.patterns for text in p.examples]


def test_codebook_every_pattern_has_an_example() -> None:
    assert [p.id for p in CODEBOOK.patterns if not p.examples] == []


@pytest.mark.parametrize(("pattern_id", "text"), EXAMPLES, ids=[f"{i}:{t[:30]}" for i, t in EXAMPLES])
def test_codebook_example_is_coded_by_its_pattern(coder: Annalist, pattern_id: str, text: str) -> None:
    events = coder.code_text(text, published=dt.date(2021, 6, 1))
    produced = [e.produced_by for e in events]
    assert f"pattern:{pattern_id}" in produced, produced


def test_codebook_tables_cover_plover() -> None:
    tables = load_plover_tables()
    assert set(tables.quad) == set(EVENT_TYPES)
    assert tables.intensity("ASSAULT", "massacre") == -10
    assert tables.intensity("COOPERATE", None) == 9.5
    assert tables.to_plover("1622").event == "SANCTION"  # type: ignore[union-attr]
    assert tables.to_plover("0199") is None
    assert tables.to_plover("0343").mode is None and tables.to_plover("0343").event == "AGREE"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ("- id: x.y\n  event: ATTACK\n  trigger: {lemma: [attack]}\n", "unknown event type 'ATTACK'"),
        ("- id: x.y\n  event: ASSAULT\n  mode: punch\n  trigger: {lemma: [hit]}\n", "unknown mode 'punch'"),
        ("- id: x.y\n  event: ASSAULT\n  trigger: {lemma: [hit]}\n  require: [{path: 'dobj>>pobj'}]\n",
         "bad path step"),
        ("- id: Bad\n  event: ASSAULT\n  trigger: {lemma: [hit]}\n", "must look like type.name"),
        ("- id: x.y\n  event: ASSAULT\n", "missing trigger"),
        ("- id: x.y\n  event: ASSAULT\n  trigger: {lemma: [hit]}\n  require: [{path: dobj, pos: [NAME]}]\n",
         "unknown part of speech 'NAME'"),
    ],
)  # fmt: skip
def test_codebook_malformed_user_codebook_names_its_line(tmp_path: Path, entry: str, problem: str) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- id: ok.one\n  event: AID\n  trigger: {lemma: [donate]}\n" + entry, "utf-8")
    with pytest.raises(DataError, match=rf"{re.escape(str(path))}: line 4: .*{re.escape(problem)}"):
        load_codebook([path])


def test_codebook_user_pattern_is_used(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- id: aid.airlift\n  event: AID\n  cameo: '073'\n  trigger: {lemma: [airlift], pos: [VERB]}\n"
                    "  require: [{path: dobj}]\n  recipient: [prep:to]\n  examples: [x]\n", "utf-8")  # fmt: skip
    codebook = load_codebook([path])
    assert "mine.yaml" in [p.source for p in codebook.by_lemma.get("airlift", [])]


def test_codebook_parse_path() -> None:
    steps = parse_path("dobj>prep:to|into>pobj")
    assert [sorted(s.deps) for s in steps] == [["dobj"], ["prep"], ["pobj"]]
    assert sorted(steps[1].words) == ["into", "to"]


def test_codebook_natural_causes_are_lower_case_words_and_a_malformed_list_is_named(tmp_path: Path) -> None:
    causes = load_natural_causes()
    assert {"earthquake", "cyclone", "landslide"} <= causes and all(re.fullmatch(r"[a-z]+", w) for w in causes)
    bad = tmp_path / "natural_causes.yaml"
    bad.write_text("natural_causes: [Earthquake, 3]\n", encoding="utf-8")
    with pytest.raises(DataError, match="natural_causes.yaml"):
        load_natural_causes(bad)


@pytest.mark.parametrize(
    "text",
    [
        "A powerful earthquake killed 300 people in eastern Iran on Sunday.",
        "Floods triggered mudslides that killed 60 villagers in northern Peru.",
        "Homes in southern Mozambique were destroyed by Cyclone Idai.",
    ],
)
def test_codebook_a_natural_cause_does_no_political_deed(coder: Annalist, text: str) -> None:
    assert [e.event for e in coder.code_text(text, published=dt.date(2021, 6, 1))] == []
