"""Every input format reads into the same Article."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from annalist.errors import InputError
from annalist.ingest import read_inputs
from annalist.model import Article

TEXT = ("Nairobi, May 3 (ADW)-- Kenya's foreign minister met Uganda's president in Kampala on Tuesday to "
        "discuss a new railway line, officials said.")  # fmt: skip
RECORD = {"id": "k-1", "text": TEXT, "title": "Kenya and Uganda talk rail", "url": "https://x.org/k-1",
          "published": "2021-05-04", "source": "Demo Wire"}  # fmt: skip


def _only_article(items: list[Article | InputError]) -> Article:
    assert [type(i).__name__ for i in items] == ["Article"], [str(i) for i in items]
    article = items[0]
    assert isinstance(article, Article)
    return article


def _check_record_article(article: Article) -> None:
    assert article.title == "Kenya and Uganda talk rail"
    assert article.text == f"Kenya and Uganda talk rail\n\n{TEXT}", "the headline is coded too, first"
    assert article.text[article.body_start :] == TEXT
    assert article.url == "https://x.org/k-1"
    assert article.published == dt.date(2021, 5, 4) and article.published_source == "record"
    assert article.source == "Demo Wire"
    assert article.key == "https://x.org/k-1"
    assert article.dateline is not None and article.dateline.place == "Nairobi"


def test_formats_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(RECORD) + "\n\n", encoding="utf-8")
    _check_record_article(_only_article(list(read_inputs([str(path)]))))


@pytest.mark.parametrize("layout", ["array", "object", "back_to_back"])
def test_formats_json(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "a.json"
    text = {"array": json.dumps([RECORD]), "object": json.dumps(RECORD, indent=2),
            "back_to_back": json.dumps(RECORD, indent=2) + "\n" + json.dumps({**RECORD, "id": "k-2",
                                                                              "url": "https://x.org/k-2"})}[layout]  # fmt: skip
    path.write_text(text, encoding="utf-8")
    items = list(read_inputs([str(path)]))
    _check_record_article(items[0])  # type: ignore[arg-type]
    assert len(items) == (2 if layout == "back_to_back" else 1)


def test_formats_pretty_printed_objects_under_a_jsonl_name(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps(RECORD, indent=2) + "\n" + json.dumps(RECORD, indent=2), encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article", "Article"]


def test_formats_plover_story_json(tmp_path: Path) -> None:
    story = {"id": "S1", "date": "2021-05-04", "citeInfo": {"title": "Kenya and Uganda talk rail",
             "url": "https://x.org/k-1", "publisher": "Demo Wire"}, "textInfo": {"textStory": [TEXT]}}  # fmt: skip
    path = tmp_path / "story.json"
    path.write_text(json.dumps(story), encoding="utf-8")
    _check_record_article(_only_article(list(read_inputs([str(path)]))))


def test_formats_csv_with_alternative_field_names(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text('"",date,text,source,headline,link\n"7",2021-05-04,"' + TEXT + '",Demo Wire,'
                    'Kenya and Uganda talk rail,https://x.org/k-1\n', encoding="utf-8")  # fmt: skip
    _check_record_article(_only_article(list(read_inputs([str(path)]))))


def test_formats_parquet(tmp_path: Path) -> None:
    path = tmp_path / "a.parquet"
    pq.write_table(pa.Table.from_pylist([RECORD]), path)
    _check_record_article(_only_article(list(read_inputs([str(path)]))))


def test_formats_text_and_markdown_files(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(f"# Kenya and Uganda talk rail\n\n{TEXT}\n\n<https://x.org/k-1>\n\n**Demo Wire**\n", "utf-8")
    article = _only_article(list(read_inputs([str(md)], published=dt.date(2021, 5, 4))))
    assert (article.title, article.url, article.source) == ("Kenya and Uganda talk rail", "https://x.org/k-1",
                                                            "Demo Wire")  # fmt: skip
    assert article.published == dt.date(2021, 5, 4) and article.published_source == "option"
    txt = tmp_path / "b.txt"
    txt.write_text(TEXT, encoding="utf-8")
    plain = _only_article(list(read_inputs([str(txt)])))
    assert plain.text == TEXT and plain.key == str(txt.resolve())
    assert plain.published is None, "no date anywhere: published stays null, never today"


def test_formats_html_file(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(f"<html><head><title>Kenya and Uganda talk rail</title></head><body><article>"
                    f"<p>{TEXT}</p><p>Both sides will meet again in June, officials said.</p></article>"
                    f"</body></html>", encoding="utf-8")  # fmt: skip
    article = _only_article(list(read_inputs([str(path)])))
    assert article.text[article.body_start :].startswith(TEXT) and article.title == "Kenya and Uganda talk rail"


def test_formats_stdin_text_and_jsonl() -> None:
    text = _only_article(list(read_inputs(["-"], stdin=io.BytesIO(TEXT.encode()))))
    assert text.text == TEXT and text.origin == "<stdin>"
    records = list(read_inputs(["-"], stdin=io.BytesIO((json.dumps(RECORD) + "\n" + json.dumps(RECORD)).encode())))
    assert [type(i).__name__ for i in records] == ["Article", "Article"]


def test_formats_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Peru met Chile on Monday in Lima to discuss trade, officials said.", "utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Ghana met Togo on Monday in Accra to discuss trade.", "utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")  # not an article format: passed over in folders
    (tmp_path / ".hidden.txt").write_text("Hidden files are passed over.", "utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert [Path(i.origin).name for i in items if isinstance(i, Article)] == ["b.txt", "a.txt"]


def test_formats_dateline_stays_in_text_but_is_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = _only_article(list(read_inputs([str(path)])))
    assert article.dateline is not None
    assert article.text[article.dateline.start : article.dateline.end].strip() == "Nairobi, May 3 (ADW)--"
    assert article.source == "ADW", "the dateline's outlet is the source when the record gives none"


def test_formats_same_text_and_url_same_id_changed_text_new_id(tmp_path: Path) -> None:
    one, two, changed = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    one.write_text(TEXT, "utf-8")
    two.write_text(TEXT.replace(" ", "  "), "utf-8")
    changed.write_text(TEXT.replace("Tuesday", "Wednesday"), "utf-8")
    ids = [i.id for i in read_inputs([str(one), str(two), str(changed)]) if isinstance(i, Article)]
    assert ids[0] == ids[1] != ids[2]
