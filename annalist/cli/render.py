"""Rich renderings of events for the terminal."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

FLAG_COLUMNS = ("historical", "future", "hypothetical", "negated", "reported")
EXCERPT = 110


def _date(row: dict[str, Any]) -> str:
    date = row.get("date")
    if date is None:
        return "-"
    precision = row.get("date_precision")
    text: str = {"year": f"{date:%Y}", "month": f"{date:%Y-%m}"}.get(precision or "", date.isoformat())
    if precision == "range" and row.get("date_end"):
        text = f"{date.isoformat()}..{row['date_end'].isoformat()}"
    return text + ("" if row.get("date_source") == "text" else f" ({row.get('date_source')})")


def _excerpt(row: dict[str, Any]) -> Text:
    """The sentence, cut around the trigger, with the trigger in bold."""
    sentence: str = row["sentence_text"]
    start = row["trigger_start"] - row["sentence_start"]
    end = row["trigger_end"] - row["sentence_start"]
    left = max(0, start - EXCERPT // 2)
    right = min(len(sentence), left + EXCERPT)
    text = Text(("…" if left else "") + sentence[left:start])
    text.append(sentence[start:end], style="bold underline")
    text.append(sentence[end:right] + ("…" if right < len(sentence) else ""))
    return text


def events_table(rows: list[dict[str, Any]], *, title: str | None = None) -> Table:
    """A table of events: date, type, actor, recipient, flags, place, and the sentence with its trigger."""
    table = Table(title=title, show_lines=True, expand=True)
    for name, style in (("date", "cyan"), ("event", "bold"), ("actor", "green"), ("recipient", "magenta"),
                        ("flags", "yellow"), ("where", None), ("sentence (chars)", None)):  # fmt: skip
        table.add_column(name, style=style, overflow="fold", ratio=3 if name.startswith("sentence") else 1)
    for row in rows:
        event = row["event"] + (f"/{row['mode']}" if row.get("mode") else "")
        if row.get("context"):
            event += "\n" + ",".join(row["context"])
        flags = ", ".join(flag for flag in FLAG_COLUMNS if row.get(flag))
        where = row.get("location_name") or row.get("location_text") or ""
        if where and row.get("location_source") == "dateline":
            where += " (dateline)"
        sentence = _excerpt(row)
        sentence.append(f"\n[{row['sentence_start']}:{row['sentence_end']}] {row['produced_by']} "
                        f"{row['confidence']:.2f}", style="dim")  # fmt: skip
        table.add_row(Text(_date(row)), Text(event), Text("; ".join(row["actor_labels"]) or "-"),
                      Text("; ".join(row["recipient_labels"]) or "-"), Text(flags), Text(where), sentence)  # fmt: skip
    return table


def clusters_table(rows: list[dict[str, Any]], *, title: str | None = None) -> Table:
    """A table of deduplicated events: one row per cluster, with how many reports it has."""
    table = Table(title=title, show_lines=True, expand=True)
    for name, style in (("date", "cyan"), ("event", "bold"), ("actor", "green"), ("recipient", "magenta"),
                        ("reports", "yellow"), ("first / last seen", None), ("representative sentence", None)):  # fmt: skip
        table.add_column(name, style=style, overflow="fold", ratio=3 if name.startswith("representative") else 1)
    for row in rows:
        reports = f"{row['mentions']} mentions\n{row['articles']} articles\n{row['outlets']} outlets"
        seen = f"{row['first_seen'] or '-'}\n{row['last_seen'] or '-'}"
        table.add_row(Text(_date(row)), Text(row["event"]), Text("; ".join(row["actor_labels"] or []) or "-"),
                      Text("; ".join(row["recipient_labels"] or []) or "-"), Text(reports), Text(seen),
                      Text(row["representative"]))  # fmt: skip
    return table
