"""Take the dashboard screenshots in docs/screenshots with a real browser (Debian's Chromium via Playwright).

    python scripts/screenshots.py [--shared ../shared] [--out docs/screenshots]

Two databases. The pages that show article text (events, article, the `<script>` article that must stay inert
text) are taken on the team's own articles: the bundled demo article and a few short ones. The dyad timeline
and the network are taken on those plus the sample article and the Reuters and Guardian corpora in ../shared,
for real volume; of those pages only the chart, the shifts and the actor codes are captured, so no sentence of
others' articles ends up in the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

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


def build_database(path: Path, shared: Path | None) -> None:
    """The team's articles, and with `shared` also the sample and the corpora, coded into `path`."""
    articles: list[Article] = []
    for n, (title, text, published) in enumerate(TEAM):
        built = build_article({"title": title, "text": text, "published": published, "url": f"https://x.org/{n}"},
                              where=f"team{n}", key=None, settings=Settings(), published=None)  # fmt: skip
        assert isinstance(built, Article), built
        articles.append(built)
    inputs = [str(ROOT / "examples")]
    if shared is not None:
        inputs += [str(shared / "samples"),
                   str(shared / "corpora" / "reuters_2020_02_25" / "demo-REUT-20-02-25-stories.jsonl"),
                   str(shared / "corpora" / "guardian_syria_2017_2019")]  # fmt: skip
    articles += [item for item in read_inputs(inputs, published=dt.date(2019, 9, 17)) if isinstance(item, Article)]
    Store(path).write([c for c in Annalist().code_articles(articles) if isinstance(c, CodedArticle)])


def _browser(playwright: Any) -> Any:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screenshots: no chromium installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox"])


def shoot_team_pages(url: str, out: Path, page: Any) -> None:
    page.goto(url + "/events?actor=ECU")
    page.screenshot(path=str(out / "events.png"))
    page.goto(url + "/events?actor=ECU&event=SANCTION")
    page.locator("td.sentence a").first.click()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out / "article.png"), full_page=True)
    page.goto(url + "/events?actor=PER")
    page.screenshot(path=str(out / "untrusted.png"))


def shoot_volume_pages(url: str, out: Path, page: Any) -> None:
    page.goto(url + "/dyad?a=ECU&b=ISR&by=year")
    page.wait_for_selector("#timeline .main-svg")
    page.locator("#timeline").screenshot(path=str(out / "dyad.png"))
    page.locator("ul.shifts").screenshot(path=str(out / "dyad_shifts.png"))
    page.goto(url + "/network?limit=40")
    page.wait_for_selector("#network .main-svg")
    page.locator("#network").screenshot(path=str(out / "network.png"))
    page.locator("table.pairs").screenshot(path=str(out / "network_pairs.png"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    shared = args.shared if args.shared.exists() else None
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = _browser(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        team, volume = Path(folder) / "team.duckdb", Path(folder) / "volume.duckdb"
        build_database(team, None)
        with serving(team) as url:
            shoot_team_pages(url, args.out, page)
        build_database(volume, shared)
        with serving(volume) as url:
            shoot_volume_pages(url, args.out, page)
        browser.close()
    print(f"wrote {', '.join(sorted(p.name for p in args.out.glob('*.png')))} to {args.out}")


if __name__ == "__main__":
    main()
