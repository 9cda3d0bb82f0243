"""`annalist serve`: the local dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from annalist.cli.common import err, reports_errors
from annalist.errors import Errors, StoreError


@reports_errors
def serve_command(
    db: Annotated[Path, typer.Option("--db", help="The database file (opened read-only).")] = Path(
        "annalist.duckdb"
    ),
    host: Annotated[str, typer.Option(help="Address to listen on; loopback unless told otherwise.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the dashboard (events, articles, relations, network) and its JSON API on this machine."""
    import uvicorn

    from annalist.web import create_app

    if not db.exists():
        raise StoreError(Errors.E303.format(path=db))
    err.print(f"Annalist dashboard on http://{host}:{port}/ (API at /api, spec at /openapi.json)", markup=False)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
