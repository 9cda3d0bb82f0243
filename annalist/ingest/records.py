"""Record files: JSON Lines, JSON, CSV and Parquet, many articles a file.

Each reader yields one `RawRecord` per article, or an `InputError` for a record it cannot read, and goes on
with the next: one bad line never loses the others. Field names follow Annalist's article format (`id`,
`text`, `title`, `url`, `published`, `source`); common alternatives (`body`, `date`, `publisher`, ...) and
PLOVER story JSON (`textInfo.textStory`, `citeInfo`) are read too.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annalist.errors import Errors, InputError

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "story_id"),
    "text": ("text", "body", "content", "story", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "publication_date", "published_at", "pub_date"),
    "source": ("source", "outlet", "publisher", "site"),
}


@dataclass(slots=True)
class RawRecord:
    """One article's fields as a record file gave them, before they are checked."""

    fields: dict[str, Any]
    where: str  # "path:line" or "path#row"


def normalise_fields(data: dict[str, Any]) -> dict[str, Any]:
    """Map a record's own field names onto Annalist's, reading PLOVER story JSON as well."""
    if isinstance(data.get("textInfo"), dict):
        story = data["textInfo"].get("textStory") or data["textInfo"].get("text") or ""
        cite: dict[str, Any] = data["citeInfo"] if isinstance(data.get("citeInfo"), dict) else {}
        data = {
            "id": data.get("id"),
            "text": "\n\n".join(story) if isinstance(story, list) else story,
            "title": cite.get("title"),
            "url": cite.get("url"),
            "published": data.get("date"),
            "source": cite.get("publisher"),
        }
    lowered = {str(key).lower(): value for key, value in data.items()}
    fields: dict[str, Any] = {}
    for name, aliases in FIELD_ALIASES.items():
        present = [lowered[alias] for alias in aliases if lowered.get(alias) is not None]
        value = next((value for value in present if value != ""), None)
        if value is not None:
            fields[name] = value
        elif name == "text" and present:
            fields[name] = ""  # there, but empty: an empty article, not a record without text
    return fields


def _record(data: object, where: str) -> RawRecord | InputError:
    if not isinstance(data, dict):
        kind = type(data).__name__
        return InputError(Errors.E106.format(where=where, reason=f"expected an object, found {kind}"), where=where)
    return RawRecord(fields=normalise_fields(data), where=where)


def read_jsonl(path: Path) -> Iterator[RawRecord | InputError]:
    """One JSON object a line; blank lines are passed over."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield InputError(Errors.E103.format(path=where, reason=str(error.reason)), where=where)
                continue
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as error:
                yield InputError(Errors.E106.format(where=where, reason=error.msg), where=where)
                continue
            yield _record(data, where)


def read_json(path: Path, text: str) -> Iterator[RawRecord | InputError]:
    """A JSON array of objects, one object, or objects back to back (pretty-printed or not)."""
    decoder = json.JSONDecoder()
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        line = text.count("\n", 0, position) + 1
        try:
            data, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            where = f"{path}:{error.lineno}"
            yield InputError(Errors.E106.format(where=where, reason=error.msg), where=where)
            return  # the rest of the file cannot be framed
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield _record(item, f"{path}:{line}[{index}]")
        else:
            yield _record(data, f"{path}:{line}")


def read_csv(path: Path, text: str) -> Iterator[RawRecord | InputError]:
    """A CSV file with a header row naming the article fields."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(text.splitlines(keepends=True), restkey="\0extra")
    if not reader.fieldnames:
        return
    width = len(reader.fieldnames)
    try:
        for row in reader:
            where = f"{path}:{reader.line_num}"
            extra = row.pop("\0extra", None)
            if extra is not None or None in row.values():
                found = width + len(extra) if extra else sum(value is not None for value in row.values())
                reason = f"{found} fields, header has {width}"
                yield InputError(Errors.E107.format(where=where, reason=reason), where=where)
            else:
                yield RawRecord(fields=normalise_fields(dict(row)), where=where)
    except csv.Error as error:
        where = f"{path}:{reader.line_num}"
        yield InputError(Errors.E107.format(where=where, reason=str(error)), where=where)


def read_parquet(path: Path) -> Iterator[RawRecord | InputError]:
    """A Parquet file with one row per article, read in batches."""
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        row = 0
        for batch in parquet.iter_batches(batch_size=512):
            for data in batch.to_pylist():
                row += 1
                yield RawRecord(fields=normalise_fields(data), where=f"{path}#{row}")
    except Exception as error:  # pyarrow raises several unrelated types for a damaged file
        where = str(path)
        yield InputError(Errors.E113.format(where=where, reason=str(error).splitlines()[0]), where=where)
