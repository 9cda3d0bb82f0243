"""The dashboard: a FastAPI app over one database file, opened read-only.

Every page has a JSON twin under /api built from the same data (annalist/web/data.py); the OpenAPI spec is
at /openapi.json. Article text is untrusted: templates escape everything. Queries are the library's, with
bound parameters. A bad parameter gets a 400 with a message; a database busy with a coder's batch is waited
for (the store retries), so a page does not fail while `annalist code` writes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from annalist import __version__
from annalist.errors import AnnalistError, StoreError, UsageError
from annalist.store import Store
from annalist.web.data import EventFilters, article_page, dyad_page, events_page, network_page

HERE = Path(__file__).parent
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip


Actor = Annotated[str | None, Query(max_length=16, pattern=r"^[A-Za-z0-9_]*$")]
Type = Annotated[str | None, Query(max_length=16)]
Code = Annotated[str, Query(min_length=2, max_length=16, pattern=r"^[A-Za-z0-9_]+$")]
By = Annotated[str, Query(pattern=r"^(month|quarter|year)$")]
Day = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD; empty for no limit")]
Page = Annotated[int, Query(ge=1)]
PerPage = Annotated[int, Query(ge=1, le=500)]


def _plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def _day(name: str, text: str | None) -> dt.date | None:
    """A date parameter; empty (an unfilled form field) means no limit."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"bad parameter {name}: {text!r} is not a date (YYYY-MM-DD)") from None


def create_app(db: str | Path) -> FastAPI:
    """The dashboard app for a database file.

    db (str | Path): the DuckDB file (opened read-only, per request).
    RETURNS (FastAPI): the ASGI app.
    """
    store = Store(db)
    templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
    app = FastAPI(title="Annalist", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data: events, articles, relations over time.")  # fmt: skip

    def render(name: str, request: Request, **context: Any) -> HTMLResponse:
        html = templates.get_template(name).render(
            request=request, types=PLOVER_TYPES, version=__version__, **context
        )
        return HTMLResponse(html)

    def failure(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"ok": False, "error": message}, status_code=status)
        return HTMLResponse(templates.get_template("error.html").render(status=status, message=message),
                            status_code=status)  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()) if part != "query")
        return failure(request, 400, f"bad parameter {where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(UsageError)
    async def bad_usage(request: Request, error: UsageError) -> Response:
        return failure(request, 400, str(error))

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, error: StoreError) -> Response:
        return failure(request, 503, str(error))

    @app.exception_handler(AnnalistError)
    async def annalist_error(request: Request, error: AnnalistError) -> Response:
        return failure(request, 400, str(error))

    def filters(actor: str | None, recipient: str | None, event: str | None, since: str | None,
                until: str | None, happened: bool, page_number: int, per_page: int) -> EventFilters:  # fmt: skip
        return EventFilters(actor=actor, recipient=recipient, event=event, since=_day("since", since),
                            until=_day("until", until), happened=happened, page=page_number, per_page=per_page)  # fmt: skip

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/events")

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(_plotly_js(), media_type="text/javascript")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        path = HERE / "static" / name
        if name not in ("app.css", "charts.js") or not path.exists():
            return Response(status_code=404)
        return FileResponse(path)

    @app.get("/api/events", summary="Events, filtered and paged")
    def api_events(actor: Actor = None, recipient: Actor = None, event: Type = None, since: Day = None,
                   until: Day = None, happened: bool = True, page: Page = 1,
                   per_page: PerPage = 50) -> dict[str, Any]:  # fmt: skip
        data = events_page(store, filters(actor, recipient, event, since, until, happened, page, per_page))
        return {"ok": True, **data}

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(request: Request, actor: Actor = None, recipient: Actor = None, event: Type = None,
               since: Day = None, until: Day = None, happened: bool = True,
               page_number: Annotated[int, Query(ge=1, alias="page")] = 1, per_page: PerPage = 50) -> HTMLResponse:  # fmt: skip
        chosen = filters(actor, recipient, event, since, until, happened, page_number, per_page)
        data = events_page(store, chosen)

        def page_url(number: int) -> str | None:
            if not 1 <= number <= data["pages"]:
                return None
            return "/events?" + urlencode({**dict(request.query_params), "page": str(number)})

        return render("events.html", request, data=data, filters=chosen, prev_url=page_url(chosen.page - 1),
                      next_url=page_url(chosen.page + 1))  # fmt: skip

    @app.get("/api/articles/{article_id}", summary="An article, its event sentences and events")
    def api_article(article_id: str) -> Response:
        data = article_page(store, article_id)
        if data is None:
            return JSONResponse({"ok": False, "error": f"no article {article_id}"}, status_code=404)
        return JSONResponse({"ok": True, **data})

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(request: Request, article_id: str) -> Response:
        data = article_page(store, article_id)
        if data is None:
            return failure(request, 404, f"no article {article_id}")
        return render("article.html", request, data=data)

    @app.get("/api/relations", summary="Relations between two actors over time, with shifts")
    def api_relations(a: Code, b: Code, by: By = "year", mentions: bool = False) -> dict[str, Any]:
        return {"ok": True, **dyad_page(store, a, b, by, mentions)}

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad(
        request: Request, a: Code = "ECU", b: Code = "ISR", by: By = "year", mentions: bool = False
    ) -> HTMLResponse:
        return render("dyad.html", request, data=dyad_page(store, a, b, by, mentions))

    @app.get("/api/network", summary="Who interacts with whom: actor pairs as a network")
    def api_network(limit: Annotated[int, Query(ge=1, le=500)] = 60) -> dict[str, Any]:
        return {"ok": True, **network_page(store, limit)}

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network(request: Request, limit: Annotated[int, Query(ge=1, le=500)] = 60) -> HTMLResponse:
        return render("network.html", request, data=network_page(store, limit))

    @app.get("/api/health", summary="Whether the database can be read")
    def health() -> dict[str, Any]:
        return {"ok": True, "articles": store.count("articles"), "events": store.count("events")}

    return app
