"""The codebook: predicate patterns over the dependency parse, kept as data (events/data/codebook/*.yaml).

A pattern names a trigger word (by lemma and part of speech) and, optionally, words that must or must not stand at
given dependency paths from it (by lemma, or by part of speech: `pos: [PROPN]` for a name). A path is a chain of
steps from the trigger, each a dependency label, optionally with the word it must carry: `dobj`, `prt:over`,
`dobj>prep:to>pobj`. Where a step names several labels (`dobj|attr`) any of them will do; alternative paths are
separated by commas (`dobj>prep:to>pobj, prep:to>pobj`: the parser attaches "to" to the noun or to the verb).

    - id: sanction.end_cooperation
      event: SANCTION
      mode: discontinue
      context: [diplomatic]
      cameo: "1622"
      trigger: {lemma: [put], pos: [VERB]}
      require:
        - {path: dobj, lemma: [end]}
        - {path: dobj>prep:to>pobj, lemma: [cooperation, tie, relation]}
      recipient: [dobj>prep:to>pobj>prep:with>pobj]
      confidence: 0.9
      examples: ["Peru put an end to its military cooperation with Chile in 2004."]

`actor` and `recipient` list where the roles are found, most likely first: the named sources `subject`,
`object`, `agent`, `passive_subject`, `possessor`, `modifier`, `complement` (inside a clause the trigger
governs: "demanded that X ...", "threatened to cut ties with X"; the clause's subject first, so "demanded
that X stop its war on Y" is asked of X alone), `stated_target` (what a protest says it is aimed at: "to
voice their fury over X"), `prep:with|against|...`, or a path.
The shipped codebook is one file per event type in events/data/codebook/. Users extend it with files of the
same format (`--codebook FILE`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annalist.datafiles import data_path, read_yaml_list, read_yaml_mapping
from annalist.errors import DataError, Errors
from annalist.events.plover import PloverTables, load_plover_tables
from annalist.model import EVENT_TYPES

ROLE_SOURCES = (
    "subject",
    "object",
    "agent",
    "passive_subject",
    "possessor",
    "modifier",
    "complement",
    "clause_subject",
    "stated_target",
)
# `complement` is tried as the governed clause's subject first, then as the rest of the clause
_EXPANDED = {"complement": ("clause_subject", "complement")}
DEFAULT_ACTOR = ("subject", "agent", "possessor", "modifier")
DEFAULT_RECIPIENT = (
    "object",
    "passive_subject",
    "prep:with|against|to|toward|towards|on|from|over",
    "clause_subject",
    "complement",
)
_STEP = re.compile(r"^[a-z]+(\|[a-z]+)*(:[a-z'\-]+(\|[a-z'\-]+)*)?$")
UNIVERSAL_POS = frozenset(
    (
        "ADJ",
        "ADP",
        "ADV",
        "AUX",
        "CCONJ",
        "DET",
        "INTJ",
        "NOUN",
        "NUM",
        "PART",
        "PRON",
        "PROPN",
        "PUNCT",
        "SCONJ",
        "SYM",
        "VERB",
        "X",
    )
)
_ID = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")


@dataclass(frozen=True, slots=True)
class Step:
    deps: frozenset[str]
    words: frozenset[str] = frozenset()  # lemma the token at this step must have, if any


@dataclass(frozen=True, slots=True)
class Constraint:
    paths: tuple[tuple[Step, ...], ...]  # alternatives: any one reaching a suitable token will do
    lemmas: frozenset[str] = frozenset()  # the token at the end of the path must have one of these lemmas
    pos: frozenset[str] = frozenset()  # ... and one of these parts of speech ("PROPN": a name)


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    lemmas: frozenset[str]
    pos: frozenset[str]
    require: tuple[Constraint, ...] = ()
    exclude: tuple[Constraint, ...] = ()
    actor: tuple[str, ...] = DEFAULT_ACTOR
    recipient: tuple[str, ...] = DEFAULT_RECIPIENT
    confidence: float = 0.8
    examples: tuple[str, ...] = ()
    source: str = ""

    @property
    def specificity(self) -> int:
        """How much a pattern asks of the text: more specific patterns win over general ones."""
        return 1 + sum(min(len(p) for p in c.paths) + bool(c.lemmas or c.pos) for c in self.require)


@dataclass(slots=True)
class Codebook:
    patterns: list[Pattern] = field(default_factory=list)
    contexts: dict[str, str] = field(default_factory=dict)  # lower-case word -> PLOVER context
    natural_causes: frozenset[str] = frozenset()  # doers that are no one: "an earthquake [killed] ..."
    by_lemma: dict[str, list[Pattern]] = field(default_factory=dict)

    def index(self) -> None:
        """Rebuild the trigger-lemma index after patterns change."""
        self.by_lemma = {}
        for pattern in self.patterns:
            for lemma in pattern.lemmas:
                self.by_lemma.setdefault(lemma, []).append(pattern)


def parse_path(text: str) -> tuple[Step, ...]:
    """Parse `dobj>prep:to>pobj` into steps. RAISES ValueError when a step is malformed."""
    steps = []
    for raw in text.split(">"):
        raw = raw.strip()
        if not _STEP.match(raw):
            raise ValueError(f"bad path step {raw!r} (expected dep, dep|dep or dep:word)")
        deps, _, words = raw.partition(":")
        steps.append(Step(frozenset(deps.split("|")), frozenset(words.split("|")) if words else frozenset()))
    return tuple(steps)


def parse_paths(text: str) -> tuple[tuple[Step, ...], ...]:
    """Parse alternative paths separated by commas: `dobj>prep:to>pobj, prep:to>pobj`."""
    return tuple(parse_path(part) for part in text.split(","))


def _words(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else list(value)
    if any(isinstance(item, bool) or not isinstance(item, str | int) for item in items):
        # YAML reads bare off, on, no, yes as true/false: a lemma list must hold strings
        raise ValueError(f"lemmas must be strings (quote 'off', 'on', 'no', 'yes'): {items!r}")
    return frozenset(str(item).lower() for item in items)


def _constraints(items: Any) -> tuple[Constraint, ...]:
    if not items:
        return ()
    if not isinstance(items, list):
        raise ValueError("require/exclude must be a list of {path, lemma, pos}")
    constraints = []
    for item in items:
        pos = frozenset(
            str(p).upper() for p in ([item["pos"]] if isinstance(item.get("pos"), str) else item.get("pos") or [])
        )
        if pos - UNIVERSAL_POS:
            raise ValueError(f"unknown part of speech {sorted(pos - UNIVERSAL_POS)[0]!r}")
        constraints.append(Constraint(parse_paths(str(item["path"])), _words(item.get("lemma")), pos))
    return tuple(constraints)


def _roles(value: Any, default: tuple[str, ...]) -> tuple[str, ...]:
    if value is None:
        return default
    roles = tuple(part for v in value for part in _EXPANDED.get(str(v), (str(v),)))
    for role in roles:
        if role not in ROLE_SOURCES and not role.startswith("prep:"):
            parse_path(role)
    return roles


def build_pattern(item: dict[str, Any], tables: PloverTables, source: str) -> Pattern:
    """Check one codebook entry and build its Pattern. RAISES ValueError saying what is wrong."""
    for key in ("id", "event", "trigger"):
        if key not in item:
            raise ValueError(f"missing {key}")
    if not _ID.match(str(item["id"])):
        raise ValueError(f"id {item['id']!r} must look like type.name (lower case)")
    event, mode = str(item["event"]), item.get("mode")
    if event not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event!r}")
    if mode is not None and mode not in tables.modes(event):
        raise ValueError(f"unknown mode {mode!r} for {event} (expected one of {sorted(tables.modes(event))})")
    trigger = item["trigger"]
    if not isinstance(trigger, dict) or not trigger.get("lemma"):
        raise ValueError("trigger must be a mapping with a lemma list")
    cameo = item.get("cameo")
    if cameo is not None and tables.to_plover(str(cameo)) is None:
        raise ValueError(f"unknown CAMEO code {cameo!r}")
    confidence = float(item.get("confidence", 0.8))
    if not 0 < confidence <= 1:
        raise ValueError("confidence must be in (0, 1]")
    examples = item.get("examples") or []
    return Pattern(
        id=str(item["id"]),
        event=event,
        mode=str(mode) if mode is not None else None,
        context=tuple(str(c) for c in item.get("context") or ()),
        cameo=str(cameo) if cameo is not None else None,
        lemmas=_words(trigger["lemma"]),
        pos=frozenset(trigger.get("pos") or ("VERB",)),
        require=_constraints(item.get("require")),
        exclude=_constraints(item.get("exclude")),
        actor=_roles(item.get("actor"), DEFAULT_ACTOR),
        recipient=_roles(item.get("recipient"), DEFAULT_RECIPIENT),
        confidence=confidence,
        examples=tuple(str(e) for e in examples),
        source=source,
    )


def load_natural_causes(path: Path | None = None) -> frozenset[str]:
    """The natural causes that are no event's doer (events/data/natural_causes.yaml).

    RAISES DataError: naming the file, when the list is missing or holds anything but lower-case words.
    """
    path = path or data_path("events", "data", "natural_causes.yaml")
    words = read_yaml_mapping(path).get("natural_causes")
    if not isinstance(words, list) or not all(isinstance(w, str) and re.fullmatch(r"[a-z]+", w) for w in words):
        raise DataError(
            Errors.E202.format(path=path, problem="'natural_causes' must be a list of lower-case words")
        )
    return frozenset(words)


def load_codebook(user_files: Sequence[Path] = ()) -> Codebook:
    """Load the shipped codebook (events/data/codebook/*.yaml) and context words, then user codebooks (a
    pattern id given again replaces it).

    user_files (Sequence[Path]): user codebook files (--codebook).
    RETURNS (Codebook): the patterns, indexed by trigger lemma.
    RAISES DataError: naming the file and line of the first malformed pattern.
    """
    tables = load_plover_tables()
    codebook = Codebook()
    contexts_path = data_path("events", "data", "contexts.yaml")
    for context, words in read_yaml_mapping(contexts_path).items():
        for word in words or []:
            codebook.contexts[str(word).lower()] = str(context)
    codebook.natural_causes = load_natural_causes()
    patterns: dict[str, Pattern] = {}
    shipped = sorted(data_path("events", "data", "codebook").glob("*.yaml"))
    for path in [*shipped, *user_files]:
        if not path.exists():
            raise DataError(Errors.E202.format(path=path, problem="no such file"))
        for line, item in read_yaml_list(path):
            try:
                pattern = build_pattern(item, tables, source=path.name)
            except (ValueError, KeyError, TypeError) as error:
                raise DataError(Errors.E201.format(path=path, line=line, problem=str(error))) from error
            patterns[pattern.id] = pattern
    codebook.patterns = list(patterns.values())
    codebook.index()
    return codebook
