"""Plain-text, Markdown and HTML articles: one article a file.

A text or Markdown article may carry its metadata as a news page copied to text does: a heading (the
title), a bare URL line, a bold outlet line, or `key: value` header lines (`title`, `url`, `source`,
`published`, `date`) or YAML front matter at the top. Those lines become metadata; the rest is the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_URL_LINE = re.compile(r"^\s*<?(https?://[^\s<>]+)>?\s*$")
_MD_LINK_LINE = re.compile(r"^\s*\[[^\]]*\]\((https?://[^\s)]+)\)\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)([^*_]{2,80})\1\s*$")
_HEADER = re.compile(r"^\s*(title|url|link|source|outlet|published|date)\s*:\s*(.+?)\s*$", re.IGNORECASE)
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:https?://|/)[^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$])")
_MAX_TITLE = 200

_HEADER_KEYS = {"link": "url", "outlet": "source", "date": "published"}


@dataclass(slots=True)
class TextParts:
    """What a text file holds: the body and whatever metadata it carried."""

    body: str
    meta: dict[str, str] = field(default_factory=dict)


def clean_inline(line: str) -> str:
    """Remove Markdown inline markup: escapes, emphasis markers and link targets."""
    line = _MD_LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    return _ESCAPE.sub(r"\1", line)


def _front_matter(lines: list[str], meta: dict[str, str]) -> list[str]:
    """Read YAML front matter (`---` ... `---` at the very top) into meta; return the remaining lines."""
    if not lines or lines[0].strip() != "---":
        return lines
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() == "---":
            try:
                data = yaml.safe_load("\n".join(lines[1:end]))
            except yaml.YAMLError:
                return lines
            if not isinstance(data, dict):
                return lines
            for key, value in data.items():
                name = _HEADER_KEYS.get(str(key).lower(), str(key).lower())
                if name in {"title", "url", "source", "published"} and value is not None:
                    meta[name] = str(value).strip()
            return lines[end + 1 :]
    return lines


def _paragraphs(lines: list[str]) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


def parse_text(raw: str) -> TextParts:
    """Split a text or Markdown article into its body and metadata.

    Markdown inline markup is removed from .txt files too: news copied to text often carries it.

    raw (str): the file's text.
    RETURNS (TextParts): the body (paragraphs separated by blank lines) and the metadata found.
    """
    meta: dict[str, str] = {}
    lines = _front_matter(raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"), meta)
    kept: list[str] = []
    at_top = True
    for line in lines:
        text = line.strip()
        if not text:
            kept.append("")
            continue
        header = _HEADER.match(text) if at_top else None
        if header:
            name = header.group(1).lower()
            meta.setdefault(_HEADER_KEYS.get(name, name), header.group(2))
            continue
        at_top = False
        heading = _HEADING.match(text)
        if _RULE.match(text):
            kept.append("")
        elif url := (_URL_LINE.match(text) or _MD_LINK_LINE.match(text)):
            meta.setdefault("url", url.group(1))
        elif bold := _BOLD_LINE.match(text):
            meta.setdefault("source", bold.group(2).strip())
        elif heading and "title" not in meta:
            meta["title"] = clean_inline(heading.group(1)).strip()
        else:
            kept.append(clean_inline(heading.group(1)) if heading else line)
    paragraphs = _paragraphs(kept)
    # A plain first line that stands alone, is short and is followed by more text is the title.
    if "title" not in meta and len(paragraphs) > 1 and len(paragraphs[0]) == 1:
        first = paragraphs[0][0]
        if len(first) <= _MAX_TITLE and not first.endswith((".", ":", ";", ",")):
            meta["title"] = clean_inline(first)
            paragraphs = paragraphs[1:]
    body_lines = [[clean_inline(line) for line in p] for p in paragraphs]
    return TextParts(body="\n\n".join(" ".join(p) for p in body_lines), meta=meta)


def parse_html(raw: str) -> TextParts:
    """Extract the main text and metadata of an HTML page with trafilatura.

    raw (str): the page's HTML.
    RETURNS (TextParts): the main text, paragraphs separated by blank lines, and title, URL, outlet and date.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Dates only from the page's markup and URL, never guessed from free text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or isinstance(document, dict):
        return TextParts(body="")
    paragraphs = [p.strip() for p in (document.text or "").split("\n") if p.strip()]
    if paragraphs and document.title and paragraphs[0] == document.title.strip():
        paragraphs = paragraphs[1:]  # the headline repeated as the first line of the text
    body = "\n\n".join(paragraphs)
    meta = {
        name: str(value)
        for name, value in (
            ("title", document.title),
            ("url", document.url),
            ("source", document.sitename),
            ("published", document.date),
        )
        if value
    }
    return TextParts(body=body, meta=meta)
