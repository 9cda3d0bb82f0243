"""Every bad input gets one line naming the file (and line) and the problem; everything else is read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from annalist.errors import InputError
from annalist.ingest import read_inputs
from annalist.model import Article
from annalist.settings import Settings

GOOD = "Peru recalled its ambassador from Chile on Monday after a dispute over fishing rights, officials said."
SPANISH = ("El gobierno de Ecuador anunció el martes que sus unidades de élite comenzarán un programa de "
           "entrenamiento en Israel, según informó el ministro de Defensa en una rueda de prensa en Quito. "
           "La decisión marca un giro en la política exterior del país andino.")  # fmt: skip


def _read(paths: list[Path]) -> tuple[list[Article], list[InputError]]:
    items = list(read_inputs([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("empty.txt", b"   \n\n  ", "empty article"),
        ("latin1.txt", "Perú y Chile firmaron un acuerdo comercial.".encode("latin-1"), "not UTF-8"),
        ("spanish.txt", SPANISH.encode(), "not English"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ],
)
def test_bad_input_one_line_naming_the_file(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, "utf-8")
    articles, errors = _read([bad, good])
    assert len(articles) == 1 and articles[0].text == GOOD
    assert len(errors) == 1
    line = str(errors[0])
    assert str(bad) in line and message in line and "\n" not in line


def test_bad_input_missing_file(tmp_path: Path) -> None:
    articles, errors = _read([tmp_path / "nope.txt"])
    assert not articles and "no such file" in str(errors[0])


def test_bad_input_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    if os.geteuid() == 0:
        path.symlink_to("/proc/self/mem")  # root reads any file; this one fails to read even for root
    else:
        path.write_text(GOOD, "utf-8")
        path.chmod(0)
    articles, errors = _read([path])
    assert not articles and "cannot read" in str(errors[0]) and str(path) in str(errors[0])


def test_bad_input_50_mb_file_is_skipped_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    articles, errors = _read([big])
    assert not articles
    assert "file too large (52.4 MB > 5.0 MB" in str(errors[0]) and str(big) in str(errors[0])


def test_bad_input_overlong_record_text(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": GOOD * 20}) + "\n" + json.dumps({"text": GOOD}) + "\n", "utf-8")
    items = list(read_inputs([str(path)], settings=Settings(max_article_chars=1000)))
    assert isinstance(items[0], InputError) and f"{path}:1" in str(items[0]) and "too long" in str(items[0])
    assert isinstance(items[1], Article)


def test_bad_input_malformed_jsonl_lines_skip_only_those_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"id": "1", "text": GOOD}), "{not json", json.dumps(["a", "list"]),
             json.dumps({"id": "4", "title": "no text"}), b"\xff\xfe".decode("latin-1"),
             json.dumps({"id": "6", "text": GOOD.replace("Monday", "Friday")})]  # fmt: skip
    path.write_bytes("\n".join(lines).encode("utf-8").replace("ÿþ".encode(), b"\xff\xfe"))
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "InputError", "InputError", "InputError",
                                                 "Article"]  # fmt: skip
    messages = [str(i) for i in items if isinstance(i, InputError)]
    assert messages[0].startswith(f"{path}:2: malformed JSON")
    assert messages[1].startswith(f"{path}:3: malformed JSON (expected an object, found list)")
    assert messages[2].startswith(f"{path}:4: record has no text field")
    assert messages[3].startswith(f"{path}:5: not UTF-8")


def test_bad_input_empty_text_field_is_an_empty_article_not_a_missing_field(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "e", "text": "", "body": ""}) + "\n" + json.dumps({"id": "b", "text": "",
                    "body": GOOD}) + "\n", "utf-8")  # fmt: skip
    empty, fallback = read_inputs([str(path)])
    assert isinstance(empty, InputError) and str(empty).startswith(f"{path}:1: empty article")
    assert isinstance(fallback, Article) and "Monday" in fallback.text


def test_bad_input_malformed_csv_rows_skip_only_those_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(f'id,text,published\n1,"{GOOD}",2021-05-04\n2,"{GOOD}",2021-05-04,extra\n3\n'
                    f'4,"{GOOD.replace("Monday", "Friday")}",not a date\n5,"{GOOD.replace("Monday", "Sunday")}",\n',
                    "utf-8")  # fmt: skip
    items = list(read_inputs([str(path)]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "InputError", "InputError", "InputError", "Article"]
    messages = [str(i) for i in items if isinstance(i, InputError)]
    assert messages[0] == f"{path}:3: malformed CSV row (4 fields, header has 3)"
    assert messages[1] == f"{path}:4: malformed CSV row (1 fields, header has 3)"
    assert messages[2].startswith(f"{path}:5: bad publication date 'not a date'")


def test_bad_input_damaged_parquet(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    path.write_bytes(b"PAR1 this is not really parquet")
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and isinstance(items[0], InputError) and "malformed Parquet" in str(items[0])


def test_bad_input_binary_jsonl_is_one_line_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 1000)
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and "binary file" in str(items[0])
