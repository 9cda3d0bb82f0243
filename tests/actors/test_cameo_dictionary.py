"""CAMEO-format user dictionaries (team-written fictional entries)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annalist.actors.gazetteer import read_gazetteer
from annalist.errors import DataError
from annalist.model import Article
from annalist.pipeline import Annalist, Options

ACTORS = """<!-- a comment block
spanning lines -->
ROHAN_ [RHN]
+ROHIRRIM
EDORA [RHNGOV]   # prefix: Edoras, Edoran
HARAD_ARMY_ [HRDMIL]
WIZARDS_  [---]
OLD_KING_
\t[RHNGOV < 950601]
\t[RHNELI > 950602]
"""
AGENTS = """!PERSON! = MAN, MEN
GUARD!PERSON! [~COP]
SHIELDMAIDEN {SHIELDMAIDENS} [~MIL]
"""


@pytest.fixture(scope="module")
def dictionaries(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("dicts")
    actors, agents = folder / "mine.actors.txt", folder / "mine.agents.txt"
    actors.write_text(ACTORS, "utf-8")
    agents.write_text(AGENTS, "utf-8")
    return actors, agents


def test_cameo_dictionary_entries(dictionaries: tuple[Path, Path]) -> None:
    gazetteer = read_gazetteer(list(dictionaries))
    phrases = {p.text: (gazetteer.entries[p.code], p.match) for p in gazetteer.phrases if p.form == "name"
               and gazetteer.entries[p.code].source.startswith("mine")}  # fmt: skip
    assert phrases["rohan"][0].country == "RHN" and phrases["rohan"][1] == "lower"
    assert phrases["rohirrim"][0].country == "RHN"
    assert phrases["edora"][1] == "prefix" and phrases["edora"][0].sector == "GOV"
    assert (phrases["harad army"][0].country, phrases["harad army"][0].sector) == ("HRD", "MIL")
    assert "wizards" not in phrases, "discard codes name no actor"
    assert phrases["old king"][0].sector == "ELI", "the open-ended (latest) code is the actor's own"
    assert gazetteer.sectors.nouns["guardmen"] == "COP" and gazetteer.sectors.nouns["shieldmaidens"] == "MIL"


def test_cameo_dictionary_in_the_pipeline(dictionaries: tuple[Path, Path]) -> None:
    coder = Annalist(Options(actor_files=tuple(str(p) for p in dictionaries)))
    text = "Edoran guardmen arrested two Harad army scouts near the Rohirrim border."
    coded = coder.code_article(Article(id="x", text=text, published=dt.date(2021, 1, 1)))
    labels = {(e.text, e.country, e.sector) for e in coded.entities}
    assert ("Edoran guardmen", "RHN", "COP") in labels
    assert ("Harad army", "HRD", "MIL") in labels


def test_cameo_dictionary_malformed_code_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.actors.txt"
    path.write_text("ROHAN_ [RHN]\nGONDOR [G!N]\n", "utf-8")
    with pytest.raises(DataError, match=r"bad\.actors\.txt: line 2: unreadable code \[G!N\]"):
        read_gazetteer([path])
