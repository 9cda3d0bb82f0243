"""Validator for the team's actor data files: they load, and every name means one thing."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from annalist.actors.gazetteer import NON_STATE_COUNTRIES, read_gazetteer
from annalist.datafiles import data_path
from annalist.errors import DataError

DATA = data_path("actors", "data")
SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "REB", "OPP", "PTY", "JRN", "MED", "BUS", "CVL", "EDU", "REF",
           "REL", "ELI", "CRM", "LAB", "PRM", "UAF", "UNK", "AGR", "SOC", "PRE", "IGO", "NGO"}  # fmt: skip


def _yaml(name: str) -> list[dict[str, object]]:
    path = DATA / name
    return yaml.safe_load(path.read_text("utf-8")) if path.exists() else []


def test_gazetteer_data_loads() -> None:
    gazetteer = read_gazetteer()
    assert gazetteer.entries["ECU"].name == "Ecuador"
    assert gazetteer.sectors.nouns["military"] == "MIL"


def test_gazetteer_data_countries_cover_the_un() -> None:
    countries = _yaml("countries.yaml")
    statuses = Counter(c["status"] for c in countries)
    assert statuses["member"] == 193
    assert {c["code"] for c in countries if c["status"] == "observer"} == {"VAT", "PSE"}
    assert set(statuses) <= {"member", "observer", "territory", "partially-recognised"}
    codes = [c["code"] for c in countries]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    for country in countries:
        assert country["parent"] is None or country["parent"] in codes, country["code"]
        assert country["aliases"], country["code"]
    for code in ("KOS", "TWN", "PSE", "HKG", "ESH"):
        assert code in codes


def test_gazetteer_data_no_name_means_two_things() -> None:
    owners: dict[str, set[str]] = {}
    for country in _yaml("countries.yaml"):
        for key in ("name", "official", "aliases", "demonyms", "capitals", "seats"):
            values = country.get(key) or []
            for text in [values] if isinstance(values, str) else values:
                owners.setdefault(str(text), set()).add(str(country["code"]))
    for name in ("organisations.yaml", "groups.yaml"):
        for entry in _yaml(name):
            for text in [entry["name"], *(entry.get("aliases") or [])]:
                owners.setdefault(str(text), set()).add(str(entry["code"]))
    clashes = {text: codes for text, codes in owners.items() if len(codes) > 1}
    assert not clashes


def test_gazetteer_data_organisations_and_groups() -> None:
    entries = _yaml("organisations.yaml") + _yaml("groups.yaml")
    codes = [e["code"] for e in entries]
    assert len(codes) == len(set(codes))
    for entry in entries:
        country = str(entry["country"])
        assert re.fullmatch(r"[A-Z]{3}", country) or country in NON_STATE_COUNTRIES, entry["code"]
        assert entry.get("sector") in SECTORS, entry["code"]
        for sector in entry.get("other_sectors") or []:
            assert sector in SECTORS, entry["code"]


def test_gazetteer_data_blocklist_phrases_block_something() -> None:
    names = {p.text for p in read_gazetteer().phrases}
    for phrase in _yaml("blocklist.yaml"):
        assert phrase not in names, phrase
        words = re.findall(r"[\w.'’]+", str(phrase))
        runs = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        assert runs & names, phrase


def test_gazetteer_data_sector_words_unique_and_known() -> None:
    sectors = yaml.safe_load((DATA / "sectors.yaml").read_text("utf-8"))
    assert set(sectors) <= SECTORS
    nouns = Counter(str(n).lower() for spec in sectors.values() for n in spec.get("nouns") or [])
    titles = Counter(str(t) for spec in sectors.values() for t in spec.get("titles") or [])
    assert [n for n, c in nouns.items() if c > 1] == []
    assert [t for t, c in titles.items() if c > 1] == []


def test_gazetteer_data_malformed_user_dictionary_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- code: ARN\n  name: Arnor\n  country: ARN\n- code: bad code\n  name: Gondor\n", "utf-8")
    with pytest.raises(DataError, match=rf"{re.escape(str(path))}: line 4: code 'bad code' must be"):
        read_gazetteer([path])
    path.write_text("- code: ARN\n  name: Arnor\n  country: ARNOR\n", "utf-8")
    with pytest.raises(DataError, match=r"line 1: country 'ARNOR' must be an ISO 3166-1 alpha-3 code"):
        read_gazetteer([path])
    path.write_text("- code: ARN\n  name: [unclosed\n", "utf-8")
    with pytest.raises(DataError, match=r"mine.yaml: line \d+:"):
        read_gazetteer([path])


def test_gazetteer_data_user_dictionary_adds_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("- code: ARN\n  name: Arnor\n  aliases: [Arnor, Arnorian]\n  country: ARN\n  sector: GOV\n"
                    "  from: 2001-01-01\n  to: 2010-12-31\n", "utf-8")  # fmt: skip
    gazetteer = read_gazetteer([path])
    entry = gazetteer.entries["ARN"]
    [period] = entry.periods
    assert (entry.country, entry.sector, str(period.start), str(period.end)) == (
        "ARN",
        "GOV",
        "2001-01-01",
        "2010-12-31",
    )
    assert {p.text for p in gazetteer.phrases if p.code == "ARN"} == {"Arnor", "Arnorian"}
