"""Write docs/SETTINGS.md from annalist.settings.SETTINGS (run: python scripts/settings_doc.py)."""

from __future__ import annotations

from pathlib import Path

from annalist.settings import SETTINGS

HEADER = """# Settings

Generated from `annalist/settings.py` by `python scripts/settings_doc.py`; do not edit by hand.
Settings are fields of `annalist.Settings`; the CLI sets some of them through options (`--model`,
`--workers`, `--batch-size`).

| setting | default | what it does |
|---|---|---|
"""


def render() -> str:
    rows = [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return HEADER + "\n".join(rows) + "\n"


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "docs" / "SETTINGS.md"
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
