"""The dashboard stays up while `annalist code` writes into its database: every request answers 200 and the
new events show up once the batch is committed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx

from annalist.web import serving
from tests.conftest import write_articles


def test_live_pages_answer_while_a_coder_writes(web_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    shutil.copy(web_db, db)
    folder = tmp_path / "incoming"
    write_articles(folder, 60)
    with serving(db) as url, httpx.Client(base_url=url, timeout=60) as client:
        before = client.get("/api/health").json()["events"]
        coder = subprocess.Popen([sys.executable, "-m", "annalist", "code", str(folder), "--db", str(db),
                                  "--batch-size", "5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        statuses: list[tuple[str, int]] = []
        seen: set[int] = set()
        deadline = time.monotonic() + 600
        while coder.poll() is None and time.monotonic() < deadline:
            for path in ("/api/health", "/events?actor=PER", "/api/events?event=SANCTION", "/dyad?a=PER&b=CHL"):
                response = client.get(path)
                statuses.append((path, response.status_code))
                if path == "/api/health" and response.status_code == 200:
                    seen.add(response.json()["events"])
        _, stderr = coder.communicate(timeout=600)
        assert coder.returncode == 0, stderr
        after = client.get("/api/health").json()["events"]
    assert statuses and all(status == 200 for _, status in statuses), [s for s in statuses if s[1] != 200]
    assert after >= before + 60
    assert len(seen) >= 2, seen  # the counts moved while the coder was still writing
