"""Take the dashboard screenshots in docs/screenshots with a real browser (Debian's Chromium via Playwright).

    python scripts/screenshots.py [--shared ../shared] [--out docs/screenshots]

The database holds the bundled demo article, the sample article, a few team-written articles (one with a
<script> tag in its title, to show that it stays text), and, when ../shared is there, the Reuters and Guardian
corpora, so the pages show real volume. The corpora are read, never copied into the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from annalist.ingest import read_inputs
from annalist.ingest.articles import build_article
from annalist.model import Article, CodedArticle
from annalist.pipeline import Annalist
from annalist.settings import Settings
from annalist.store import Store
from annalist.web import serving

ROOT = Path(__file__).resolve().parent.parent
TEAM = [
    ("Ecuador and Israel cut military ties", "In 2010, Ecuador put an end to its military cooperation with Israel.",
     "2010-06-02"),
    ("Ecuador recalls envoy", "Ecuador recalled its ambassador from Israel on Tuesday over the war in Gaza.",
     "2014-07-30"),
    ("<script>alert('x')</script> Peru protest", "Peru condemned Chile's <script>alert('x')</script> decision on "
     "Monday, officials said.", "2021-06-01"),
]  # fmt: skip
PAGES = [
    ("events", "/events?actor=ECU"),
    ("dyad", "/dyad?a=ECU&b=ISR&by=year"),
    ("network", "/network?limit=40"),
]


def build_database(path: Path, shared: Path | None) -> None:
    coder = Annalist()
    articles: list[Article] = []
    for n, (title, text, published) in enumerate(TEAM):
        built = build_article({"title": title, "text": text, "published": published, "url": f"https://x.org/{n}"},
                              where=f"team{n}", key=None, settings=Settings(), published=None)  # fmt: skip
        assert isinstance(built, Article), built
        articles.append(built)
    inputs = [str(ROOT / "examples")]
    if shared is not None and shared.exists():
        inputs += [str(shared / "samples"), str(shared / "corpora" / "reuters_2020_02_25" / "demo-REUT-20-02-25-stories.jsonl"),
                   str(shared / "corpora" / "guardian_syria_2017_2019")]  # fmt: skip
    articles += [item for item in read_inputs(inputs, published=dt.date(2019, 9, 17)) if isinstance(item, Article)]
    coded = [c for c in coder.code_articles(articles) if isinstance(c, CodedArticle)]
    Store(path).write(coded)


def shoot(url: str, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screenshots: no chromium installed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for name, path in PAGES:
            page.goto(url + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"{name}.png"))
        page.goto(url + "/events?actor=ECU&event=SANCTION")
        page.locator("td.sentence a").first.click()
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(out / "article.png"))
        page.goto(url + "/events?actor=PER")
        page.screenshot(path=str(out / "untrusted.png"))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "screens.duckdb"
        build_database(db, args.shared)
        with serving(db) as url:
            shoot(url, args.out)
    print(f"wrote {', '.join(sorted(p.name for p in args.out.glob('*.png')))} to {args.out}")


if __name__ == "__main__":
    main()
