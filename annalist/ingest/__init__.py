"""Ingest: read files, folders and standard input into `Article`s.

`read_inputs` yields an `Article` for every article it can read and an `InputError` (one line naming the file
and, for record files, the line) for every one it cannot, and always goes on to the next.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from annalist.errors import Errors, InputError
from annalist.ingest.articles import article_id, build_article, normalise_text
from annalist.ingest.records import RawRecord, read_csv, read_json, read_jsonl, read_parquet
from annalist.ingest.textfile import parse_html, parse_text
from annalist.model import Article
from annalist.settings import Settings

__all__ = ["SUFFIXES", "article_id", "normalise_text", "read_inputs", "read_text_article"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv", ".parquet")
SUFFIXES = TEXT_SUFFIXES + RECORD_SUFFIXES

Item = Article | InputError


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def _read_bytes(path: Path, *, limit: int | None) -> bytes | InputError:
    where = str(path)
    try:
        if limit is not None and (size := path.stat().st_size) > limit:
            return InputError(Errors.E101.format(path=path, size=_size(size), limit=_size(limit)), where=where)
        return path.read_bytes()
    except OSError as error:
        return InputError(Errors.E109.format(path=path, reason=error.strerror or str(error)), where=where)


def _decode(data: bytes, where: str) -> str | InputError:
    if (offset := data.find(b"\0", 0, 1 << 16)) >= 0:
        return InputError(Errors.E102.format(path=where, offset=offset), where=where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"byte 0x{data[error.start]:02x} at offset {error.start}"
        return InputError(Errors.E103.format(path=where, reason=reason), where=where)


def _head(path: Path) -> bytes | InputError:
    """The first 64 KiB of a file streamed line by line, checked once, up front, for binary content."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 16)
    except OSError as error:
        return InputError(Errors.E109.format(path=path, reason=error.strerror or str(error)), where=str(path))
    offset = head.find(b"\0")
    return InputError(Errors.E102.format(path=path, offset=offset), where=str(path)) if offset >= 0 else head


def _pretty_printed(head: bytes) -> bool:
    """Whether a .jsonl file opens with a lone brace: JSON objects spread over lines, not one a line."""
    first = next((line.strip() for line in head.splitlines() if line.strip()), b"")
    return first in (b"{", b"[")


def read_text_article(
    raw: str, *, suffix: str, where: str, key: str | None, settings: Settings, published: dt.date | None
) -> Item:
    """Build one article from the text of a .txt, .md or .html file (or standard input)."""
    parts = parse_html(raw) if suffix in (".html", ".htm") else parse_text(raw)
    fields = {"text": parts.body, **{k: v for k, v in parts.meta.items() if k != "text"}}
    return build_article(fields, where=where, key=key, settings=settings, published=published)


def _records(records: Iterable[RawRecord | InputError], path: Path, settings: Settings,
             published: dt.date | None) -> Iterator[Item]:  # fmt: skip
    for record in records:
        if isinstance(record, InputError):
            yield record
        else:
            yield build_article(record.fields, where=record.where, key=None, container=str(path),
                                settings=settings, published=published)  # fmt: skip


def _read_file(path: Path, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    where = str(path)
    if suffix in (".jsonl", ".ndjson"):
        head = _head(path)
        if isinstance(head, InputError):
            yield head
            return
        if not _pretty_printed(head):
            yield from _records(read_jsonl(path), path, settings, published)
            return
        suffix = ".json"  # objects pretty-printed back to back under a .jsonl name: frame them as JSON
    if suffix == ".parquet":
        yield from _records(read_parquet(path), path, settings, published)
        return
    if suffix not in SUFFIXES:
        yield InputError(Errors.E110.format(path=path, suffix=suffix or "(none)"), where=where)
        return
    single = suffix in TEXT_SUFFIXES
    data = _read_bytes(path, limit=settings.max_article_bytes if single else None)
    text = data if isinstance(data, InputError) else _decode(data, where)
    if isinstance(text, InputError):
        yield text
    elif single:
        yield read_text_article(text, suffix=suffix, where=where, key=str(path.resolve()), settings=settings,
                                published=published)  # fmt: skip
    elif suffix == ".json":
        yield from _records(read_json(path, text), path, settings, published)
    else:
        yield from _records(read_csv(path, text), path, settings, published)


def _read_stdin(stream: BinaryIO, settings: Settings, published: dt.date | None) -> Iterator[Item]:
    where = "<stdin>"
    text = _decode(stream.read(), where)
    if isinstance(text, InputError):
        yield text
    elif text.lstrip().startswith(("{", "[")):
        yield from _records(read_json(Path(where), text), Path(where), settings, published)
    else:
        yield read_text_article(text, suffix=".md", where=where, key=None, settings=settings, published=published)


def _folder_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def read_inputs(
    inputs: Iterable[str],
    *,
    settings: Settings | None = None,
    published: dt.date | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Read articles from files, folders (searched recursively) and `-` (standard input).

    inputs (Iterable[str]): paths, or "-" for standard input.
    settings (Settings | None): limits in force; the defaults if None.
    published (dt.date | None): publication date for articles whose record gives none (--published).
    stdin (BinaryIO | None): what "-" reads; sys.stdin's bytes if None.
    YIELDS (Article | InputError): an article, or the reason one could not be read, in input order.
    """
    settings = settings or Settings()
    for name in inputs:
        if name == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, settings, published)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _folder_files(path):
                yield from _read_file(file, settings, published)
        elif path.exists():
            yield from _read_file(path, settings, published)
        else:
            yield InputError(Errors.E111.format(path=path), where=str(path))
