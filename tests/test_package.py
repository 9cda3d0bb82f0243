"""The package's public face: exported names, registered stage names, documented settings."""

from __future__ import annotations

import json
from pathlib import Path

import annalist
from annalist.pipeline import STAGES, Annalist
from annalist.settings import SETTINGS, undocumented_settings

ROOT = Path(__file__).resolve().parent.parent


def test_package_exports_exactly_the_public_api() -> None:
    public = {name for name in dir(annalist) if not name.startswith("_")} - {"annotations", "dt", "Path",
                                                                              "TYPE_CHECKING"}  # fmt: skip
    modules = {name for name in public if type(getattr(annalist, name)).__name__ == "module"}
    assert sorted(public - modules) == sorted(set(annalist.__all__) - {"__version__"})


def test_package_stage_names_are_versioned_and_never_vanish(coder: Annalist) -> None:
    """A registered name keeps its meaning: to change a stage, register a new version beside it."""
    snapshot = json.loads((Path(__file__).parent / "stage_names.json").read_text("utf-8"))
    registered = {factory for _, factory in STAGES}
    assert set(snapshot) <= registered | set(snapshot), "a registered stage name vanished"
    assert registered == set(snapshot)
    assert all(factory.rsplit("_", 1)[-1].startswith("v") for factory in registered)
    assert [name for name, _ in STAGES] == coder.stage_names[-len(STAGES) :]


def test_package_every_setting_is_documented() -> None:
    assert undocumented_settings() == []
    docs = (ROOT / "docs" / "SETTINGS.md").read_text("utf-8")
    for setting in SETTINGS:
        assert f"`{setting.name}`" in docs, setting.name


def test_package_every_cli_command_is_in_the_readme() -> None:
    from annalist.cli import app

    readme = (ROOT / "README.md").read_text("utf-8")
    for command in app.registered_commands:
        assert f"annalist {command.name}" in readme, command.name


def test_package_readme_opens_with_two_commands() -> None:
    lines = (ROOT / "README.md").read_text("utf-8").splitlines()
    blocks = [i for i, line in enumerate(lines[:30]) if line.startswith("```")]
    first_block = lines[blocks[0] + 1 : blocks[1]]
    commands = [line.split("#")[0].strip() for line in first_block if line.split("#")[0].strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in ci


def test_package_settings_doc_is_current() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("settings_doc", ROOT / "scripts" / "settings_doc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert (ROOT / "docs" / "SETTINGS.md").read_text("utf-8") == module.render(), "run scripts/settings_doc.py"
