"""CAMEO-style actor and agent dictionaries (the TABARI/PETRARCH `.actors` and `.agents` formats), so users
can bring the dictionaries they already have: `--actors Phoenix.Countries.actors.txt`.

Actors: `NAME [CODE]`, synonyms on following `+NAME` lines, codes on their own indented lines, optionally
restricted by date (`[ARNGOV 19950601 - 19990815]`, `[ARN < 950601]`, `[ARNREB > 990816]`). Agents:
`NAME {PLURALS} [~SECTOR]`, with `!MACRO! = A, B` substitutions. Names are upper case with `_` for spaces; a
trailing `_` means the word ends there, otherwise the last word is a prefix ("ARGENTIN" for Argentina,
Argentine). Codes are a 3-letter country (or IGO, NGO, IMG, ...) then a 3-letter sector.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from annalist.actors.gazetteer import ActorEntry, Gazetteer
from annalist.errors import DataError, Errors

_CODE = re.compile(r"\[\s*([^\]\s]+)\s*([^\]]*)\]")
_COMMENT = re.compile(r"#.*$")
_MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_DISCARD = ("---", "+++", "###")
_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "REB", "OPP", "PTY", "MED", "JRN", "BUS", "CVL", "EDU",
            "REF", "REL", "ELI", "CRM", "LAB", "PRM", "UAF", "AGR", "SOC", "IGO", "NGO", "INS", "SEP", "ENV", "HLH"}  # fmt: skip


@dataclass(slots=True)
class _Entry:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction text)


def _strip_comments(text: str) -> list[tuple[int, str]]:
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return [(n, _COMMENT.sub("", line).rstrip()) for n, line in enumerate(text.splitlines(), start=1)]


def _phrase(name: str) -> str:
    """A dictionary name as a phrase with how it matches: "ARNOR_" a whole word, "ARGENTIN" a prefix."""
    exact = name.endswith("_")
    words = " ".join(name.strip("_").replace("_", " ").split()).lower()
    return f"{words}|{'lower' if exact or len(words.split()[-1]) < 4 else 'prefix'}"


def _entries(path: Path) -> list[tuple[int, _Entry]]:
    entries: list[tuple[int, _Entry]] = []
    for number, line in _strip_comments(path.read_text(encoding="utf-8", errors="replace")):
        if not line.strip():
            continue
        indented = line[0] in " \t"
        stripped = line.strip()
        codes = _CODE.findall(stripped)
        name = _CODE.sub("", stripped).strip()
        if stripped.startswith("+"):
            if not entries:
                raise DataError(Errors.E201.format(path=path, line=number, problem="synonym before any actor"))
            entries[-1][1].names.append(stripped[1:].strip())
        elif indented and codes and not name:
            if not entries:
                raise DataError(Errors.E201.format(path=path, line=number, problem="code before any actor"))
            entries[-1][1].codes.extend(codes)
        elif name:
            entries.append((number, _Entry(names=[name.split("{")[0].strip()], codes=list(codes))))
    return entries


def _choose(codes: list[tuple[str, str]]) -> str | None:
    """The code an actor has now: an unrestricted one, else the latest ("> date") one."""
    usable = [(code, when) for code, when in codes if code not in _DISCARD]
    for code, when in usable:
        if not when.strip():
            return code
    open_ended = [code for code, when in usable if when.strip().startswith(">")]
    candidates = open_ended or [code for code, _ in usable]
    return candidates[-1] if candidates else None


def add_cameo_dictionary(gazetteer: Gazetteer, path: Path) -> None:
    """Add a CAMEO actors or agents dictionary to a gazetteer (agents become sector words).

    RAISES DataError: naming the file and line of a malformed entry.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    if "[~" in text:
        _add_agents(gazetteer, path)
        return
    for number, entry in _entries(path):
        code = _choose(entry.codes)
        if code is None:
            continue
        code = code.split("/")[0]  # "ELR/GAL": alternatives; the first is the actor's own
        if len(code) < 3 or not code.isalnum():
            raise DataError(Errors.E201.format(path=path, line=number, problem=f"unreadable code [{code}]"))
        country, sector = code[:3].upper(), code[3:6].upper() or None
        actor = ActorEntry(code=f"{path.stem}:{entry.names[0]}".upper(), name=entry.names[0].replace("_", " ").strip(),
                           country=country, kind="group" if sector in ("REB", "OPP", "PTY") else "state",
                           sector=sector if sector in _SECTORS else None, source=path.name)  # fmt: skip
        gazetteer.add(actor, [(_phrase(name), "name") for name in entry.names])


def _add_agents(gazetteer: Gazetteer, path: Path) -> None:
    macros: dict[str, list[str]] = {}
    for number, line in _strip_comments(path.read_text(encoding="utf-8", errors="replace")):
        stripped = line.strip()
        if not stripped:
            continue
        if macro := _MACRO.match(stripped):
            macros[macro.group(1)] = [word.strip() for word in macro.group(2).split(",") if word.strip()]
            continue
        found = re.search(r"\[\s*([A-Z]*)\s*~\s*([A-Z]*)\s*\]", stripped)
        if not found:
            raise DataError(Errors.E201.format(path=path, line=number, problem="expected NAME [~SECTOR]"))
        sector = (found.group(2) or found.group(1))[:3]  # "[~GOVMED]" -> GOV; "[NGO~]" -> NGO
        if sector not in _SECTORS:
            continue  # CAMEO's religious and ethnic codes (MUS, HRI, ...) have no PLOVER sector
        name = stripped.split("[")[0].split("{")[0].strip()
        plurals = re.findall(r"\{([^}]*)\}", stripped)
        names = [name] + [p for group in plurals for p in group.split(",") if p.strip()]
        for raw in names:
            for expanded in _expand(raw.strip(), macros):
                gazetteer.sectors.nouns.setdefault(expanded.replace("_", " ").strip().lower(), sector)


def _expand(name: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, words in macros.items():
        if macro in name:
            return [expanded for word in words for expanded in _expand(name.replace(macro, word, 1), macros)]
    return [name]
