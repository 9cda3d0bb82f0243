"""Reading the team's and users' data files (YAML lists, TSV tables) with line numbers for messages."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from annalist.errors import DataError, Errors

DATA_ROOT = Path(__file__).parent
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: ten times faster


def data_path(*parts: str) -> Path:
    """The path of a data file shipped inside the package, e.g. data_path("actors", "data", "x.yaml")."""
    return DATA_ROOT.joinpath(*parts)


def _load_yaml(path: Path) -> yaml.Node | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(Errors.E202.format(path=path, problem=f"cannot read ({error})")) from error
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        raise DataError(Errors.E201.format(path=path, line=line, problem=error.problem)) from error


def read_yaml_list(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """Read a YAML file holding a list of mappings.

    path (Path): the file.
    RETURNS (list[tuple[int, dict]]): each mapping with the line it starts on (1-based).
    RAISES DataError: naming the file and line, when the file is not a list of mappings.
    """
    node = _load_yaml(path)
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise DataError(Errors.E201.format(path=path, line=node.start_mark.line + 1, problem="expected a list"))
    loader = _LOADER("")
    items: list[tuple[int, dict[str, Any]]] = []
    for child in node.value:
        line = child.start_mark.line + 1
        if not isinstance(child, yaml.MappingNode):
            raise DataError(Errors.E201.format(path=path, line=line, problem="expected a mapping (key: value)"))
        mapping = loader.construct_mapping(child, deep=True)
        items.append((line, {str(key): value for key, value in mapping.items()}))
    return items


def read_yaml_mapping(path: Path) -> dict[str, Any]:
    """Read a YAML file holding one mapping. RAISES DataError when it holds something else."""
    node = _load_yaml(path)
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise DataError(Errors.E201.format(path=path, line=node.start_mark.line + 1, problem="expected a mapping"))
    mapping = _LOADER("").construct_mapping(node, deep=True)
    return {str(key): value for key, value in mapping.items()}


def read_tsv(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Read a tab-separated table with a header row; lines starting with # are comments.

    RETURNS (list[tuple[int, dict[str, str]]]): each row with its line number (1-based).
    RAISES DataError: naming the file and line, when a row has the wrong number of fields.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(Errors.E202.format(path=path, problem=f"cannot read ({error})")) from error
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not numbered:
        return []
    header = next(csv.reader([numbered[0][1]], delimiter="\t"))
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in numbered[1:]:
        values = next(csv.reader([line], delimiter="\t"))
        if len(values) != len(header):
            problem = f"{len(values)} fields, the header has {len(header)} ({', '.join(header)})"
            raise DataError(Errors.E201.format(path=path, line=number, problem=problem))
        rows.append((number, dict(zip(header, (v.strip() for v in values), strict=True))))
    return rows
