"""What the commands share: option parsing, the error printer and exit codes.

Exit codes: 0 everything done; 1 Annalist could not run (bad database, model, data file); 2 bad usage;
3 done, but some inputs were skipped (each named on standard error).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.text import Text

from annalist.errors import AnnalistError, Errors, UsageError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3

err = Console(stderr=True, highlight=False, soft_wrap=True)
# Piped output gets a readable width too (Rich would fall back to 80 columns); COLUMNS still wins.
out = Console(highlight=False, width=None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "150")))

P = ParamSpec("P")
R = TypeVar("R")


def print_problem(message: str, *, label: str = "error", style: str = "red") -> None:
    """One line on standard error, the message printed as it is (no markup)."""
    err.print(Text(f"{label}: ", style=style) + Text(message))


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option value as a date. RAISES UsageError for anything else."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise UsageError(Errors.E401.format(value=value, option=option)) from error


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn Annalist's errors into one red line on standard error and the right exit code."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except UsageError as error:
            print_problem(str(error))
            raise typer.Exit(EXIT_USAGE) from error
        except AnnalistError as error:
            print_problem(str(error))
            raise typer.Exit(EXIT_FAILED) from error

    return wrapper
