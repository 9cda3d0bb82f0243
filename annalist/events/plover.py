"""PLOVER reference tables as data: quad classes, conflict-cooperation scores, and the CAMEO crosswalk."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from annalist.datafiles import data_path, read_tsv, read_yaml_mapping
from annalist.errors import DataError, Errors
from annalist.model import EVENT_TYPES

# Cooperation announced for the future is, in PLOVER, an expression of intent: AGREE (the manual: "the coder
# should always return the single event category, not a category+auxiliary"). The future flag stays set.
INTENT_TYPES = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
}  # a promised withdrawal or release is a concession (the manual)


@dataclass(frozen=True, slots=True)
class CameoMapping:
    """What one CAMEO code becomes in PLOVER."""

    cameo: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    description: str


@dataclass(slots=True)
class PloverTables:
    quad: dict[str, int] = field(default_factory=dict)
    score: dict[str, float] = field(default_factory=dict)
    mode_score: dict[tuple[str, str], float] = field(default_factory=dict)
    needs_recipient: dict[str, bool] = field(default_factory=dict)
    sizes: dict[str, frozenset[str]] = field(default_factory=dict)  # figures that belong to each event type
    cameo: dict[str, CameoMapping] = field(default_factory=dict)

    def modes(self, event: str) -> set[str]:
        """The modes PLOVER defines for an event type."""
        return {mode for (kind, mode) in self.mode_score if kind == event}

    def intensity(self, event: str, mode: str | None) -> float:
        """The PLOVER score of an event type and mode (the type's own score when the mode has none)."""
        if mode is not None and (event, mode) in self.mode_score:
            return self.mode_score[(event, mode)]
        return self.score[event]

    def to_plover(self, cameo: str) -> CameoMapping | None:
        """The PLOVER event for a CAMEO code, falling back to its parent code ("0312" -> "031" -> "03")."""
        code = cameo.strip()
        while code:
            if code in self.cameo:
                return self.cameo[code]
            code = code[:-1]
        return None


@lru_cache(maxsize=1)
def load_plover_tables() -> PloverTables:
    """Load plover.yaml and cameo2plover.tsv from the package. RAISES DataError when they disagree."""
    tables = PloverTables()
    path = data_path("events", "data", "plover.yaml")
    for event, spec in read_yaml_mapping(path).items():
        if event not in EVENT_TYPES:
            raise DataError(Errors.E202.format(path=path, problem=f"unknown event type {event}"))
        tables.quad[event] = int(spec["quad"])
        tables.score[event] = float(spec["score"])
        tables.needs_recipient[event] = bool(spec["recipient"])
        tables.sizes[event] = frozenset(spec.get("sizes") or ())
        for mode, score in (spec.get("modes") or {}).items():
            tables.mode_score[(event, str(mode))] = float(score)
    crosswalk = data_path("events", "data", "cameo2plover.tsv")
    for line, row in read_tsv(crosswalk):
        if row["event"] not in EVENT_TYPES:
            raise DataError(Errors.E201.format(path=crosswalk, line=line, problem=f"unknown event {row['event']}"))
        tables.cameo[row["cameo"]] = CameoMapping(
            cameo=row["cameo"],
            event=row["event"],
            mode=row["mode"] or None,
            context=tuple(c for c in row["context"].split(";") if c),
            description=row["description"],
        )
    return tables
