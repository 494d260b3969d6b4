"""The web app: routes over :mod:`storyline.web.views`, each page in HTML and as JSON.

Every request opens its own read-only connection (``Archive(path, readonly=True)``):
the server can never write, and WAL lets it read while an ``ingest`` writes. Pages
are Jinja2 templates with autoescape; every response carries a Content-Security-Policy
that forbids inline script. Errors: 404 for an unknown id, 400 naming the bad
parameter, as JSON under ``/api/`` and as a page elsewhere, never a 500 for bad input.

Example::

    import uvicorn
    uvicorn.run(create_app("news.db"), host="127.0.0.1", port=8000)
"""

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from storyline import __version__
from storyline.errors import ArchiveError, NotFound, StorylineError
from storyline.extract.core import parse_iso
from storyline.rules import web as R
from storyline.store import Archive
from storyline.web import formats, views
from storyline.web.templating import template_env

STATIC = Path(__file__).parent / "static"


class BadParameter(StorylineError):
    """A request parameter the server cannot use (the web answers 400 naming it)."""

    code = "E120"

    def __init__(self, name: str, message: str):
        super().__init__(message, source=name)
        self.parameter = name


def _date(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if parse_iso(value) is None:
        raise BadParameter(name, f"{value!r} is not an ISO date like 2021-12-31")
    return value


# --- shared parameters (each a dependency, so OpenAPI documents them) -------------
Limit = Annotated[int, Query(ge=1, le=R.MAX_PAGE_SIZE, description="Rows per page.")]
Offset = Annotated[int, Query(ge=0, le=R.MAX_OFFSET, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200)]
Format = Annotated[Literal["json", "csv", "jsonl"],
                   Query(description="json (paged, with total), or a csv / jsonl download")]


def search_params(q: Annotated[str, Query(max_length=1000, description="Words or a "
                                          "\"quoted phrase\"")] = "",
                  since: Text = None, until: Text = None, outlet: Text = None,
                  person: Text = None, place: Text = None, language: Text = None) -> dict:
    return {"q": q, "since": _date("since", since), "until": _date("until", until),
            "outlet": outlet, "person": person, "place": place, "language": language}


def quote_params(speaker: Text = None, since: Text = None, until: Text = None) -> dict:
    return {"speaker": speaker, "since": _date("since", since), "until": _date("until", until)}


def event_params(upcoming: bool = False, as_of: Text = None, where: Text = None,
                 kind: Text = None, since: Text = None, until: Text = None) -> dict:
    as_of = _date("as_of", as_of)
    if as_of and len(as_of) != 10:
        raise BadParameter("as_of", f"{as_of!r} is not a day like 2021-12-31")
    return {"upcoming": upcoming, "as_of": as_of, "where": where, "kind": kind,
            "since": _date("since", since and since[:10]),
            "until": _date("until", until and until[:10])}


def as_of_param(as_of: Text = None) -> str | None:
    """``as_of``: the day a story's timeline counts from (default today)."""
    as_of = _date("as_of", as_of)
    if as_of and len(as_of) != 10:
        raise BadParameter("as_of", f"{as_of!r} is not a day like 2021-12-31")
    return as_of


def story_params(since: Text = None, until: Text = None, about: Text = None,
                 person: Text = None, place: Text = None) -> dict:
    return {"since": _date("since", since), "until": _date("until", until), "about": about,
            "person": person, "place": place}


def digest_params(since: Annotated[str, Query(max_length=40, description="12h, 2d, 1w or an "
                                                "ISO date")] = R.DIGEST_DEFAULT_SINCE,
                  watch: Annotated[list[str] | None, Query(max_length=200)] = None) -> dict:
    import datetime as _dt

    from storyline.digest import parse_since
    from storyline.errors import InputError

    try:
        parse_since(since, _dt.datetime.now(_dt.timezone.utc))
    except InputError as exc:
        raise BadParameter("since", exc.message) from exc
    return {"since": since, "watch_names": watch}


def create_app(db_path: str | Path) -> FastAPI:
    """The app over the archive at ``db_path`` (opened read-only, once per request)."""
    db_path = str(db_path)
    env = template_env()
    app = FastAPI(title="Storyline", version=__version__, docs_url=None, redoc_url=None,
                  description="The archive of who said what, when and where: the JSON "
                              "twins of the pages. Lists are paged (offset, limit, total).")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def archive():
        try:
            opened = Archive(db_path, readonly=True)
        except ArchiveError as exc:
            raise HTTPException(503, exc.line()) from exc
        try:
            yield opened
        finally:
            opened.close()

    Arch = Annotated[Archive, Depends(archive)]

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in R.SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # --- errors ------------------------------------------------------------------
    def error(request: Request, status: int, title: str, detail: str,
              parameter: str | None = None):
        body = {"status": status, "error": title, "detail": detail}
        if parameter:
            body["parameter"] = parameter
        path = request.url.path
        if path.startswith("/api/") or path.endswith((".json", ".atom", ".ics")):
            return JSONResponse(body, status_code=status)
        html = env.get_template("error.html").render(error=body, path=request.url.path)
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        first = (exc.errors() or [{}])[0]
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        return error(request, 400, "bad parameter", f"{name}: {first.get('msg', 'invalid')}",
                     name)

    @app.exception_handler(BadParameter)
    async def bad_parameter(request: Request, exc: BadParameter):
        return error(request, 400, "bad parameter", f"{exc.parameter}: {exc.message}",
                     exc.parameter)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error(request, 404, "not found", exc.line())

    @app.exception_handler(StorylineError)
    async def library_error(request: Request, exc: StorylineError):
        return error(request, 400, "bad request", exc.line())

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return error(request, exc.status_code, "error", str(exc.detail))

    # --- helpers ---------------------------------------------------------------------
    def page(request: Request, template: str, ctx: dict) -> HTMLResponse:
        args = {k: v for k, v in request.query_params.items() if v}

        def qs(**changes) -> str:
            merged = {**args, **{k: v for k, v in changes.items()}}
            return urlencode({k: v for k, v in merged.items() if v not in (None, "")})

        html = env.get_template(template).render(**ctx, args=args, qs=qs,
                                                 path=request.url.path)
        return HTMLResponse(html)

    def listing(page_dict: dict, fmt: str, name: str):
        data = page_dict["data"]
        if fmt == "csv":
            return Response(formats.to_csv(data["items"]), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        if fmt == "jsonl":
            return Response(formats.to_jsonl(data["items"]), media_type="application/x-ndjson",
                            headers={"Content-Disposition":
                                     f'attachment; filename="{name}.jsonl"'})
        return JSONResponse(data)

    # --- pages and their JSON twins ------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home_page(request: Request, archive: Arch):
        return page(request, "home.html", views.home(archive))

    @app.get("/api/home")
    def home_api(archive: Arch):
        """Latest stories, the next days' events, the newest quotes."""
        return views.home(archive)["data"]

    def _search(archive, p, limit, offset, marks=None):
        filters = {k: v for k, v in p.items() if k != "q"}
        return views.search(archive, p["q"], filters, limit=limit, offset=offset, marks=marks)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, archive: Arch, p: Annotated[dict, Depends(search_params)],
                    limit: Limit = R.PAGE_SIZE, offset: Offset = 0):
        marks = (R.HTML_SNIPPET_OPEN, R.HTML_SNIPPET_CLOSE)
        return page(request, "search.html", _search(archive, p, limit, offset, marks))

    @app.get("/api/search")
    def search_api(archive: Arch, p: Annotated[dict, Depends(search_params)],
                   limit: Limit = R.PAGE_SIZE, offset: Offset = 0, format: Format = "json"):
        """Full-text search with facets; items as `storyline search --format json`."""
        return listing(_search(archive, p, limit, offset), format, "search")

    @app.get("/search.atom")
    def search_feed(request: Request, archive: Arch,
                    p: Annotated[dict, Depends(search_params)]):
        """An Atom feed of a search (the best FEED_ENTRIES hits)."""
        found = _search(archive, p, R.FEED_ENTRIES, 0)
        base = str(request.base_url).rstrip("/")
        xml = env.get_template("search.atom").render(
            **found, base=base, self_url=str(request.url), query=p["q"])
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, archive: Arch, article_id: str):
        return page(request, "article.html", views.article(archive, article_id))

    @app.get("/api/articles/{article_id}")
    def article_api(archive: Arch, article_id: str):
        """One article as `storyline show ID --format json` (id, prefix of 4+ or URL)."""
        return views.article(archive, article_id)["data"]

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, archive: Arch, p: Annotated[dict, Depends(story_params)],
                     limit: Limit = R.PAGE_SIZE, offset: Offset = 0):
        return page(request, "stories.html", views.stories(archive, p, limit=limit,
                                                           offset=offset))

    @app.get("/api/stories")
    def stories_api(archive: Arch, p: Annotated[dict, Depends(story_params)],
                    limit: Limit = R.PAGE_SIZE, offset: Offset = 0, format: Format = "json"):
        """Stories, most outlets first."""
        return listing(views.stories(archive, p, limit=limit, offset=offset), format, "stories")

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, archive: Arch, story_id: str,
                   as_of: Annotated[str | None, Depends(as_of_param)] = None):
        return page(request, "story.html", views.story(archive, story_id, as_of=as_of))

    @app.get("/api/stories/{story_id}")
    def story_api(archive: Arch, story_id: str,
                  as_of: Annotated[str | None, Depends(as_of_param)] = None):
        """One story (by its id or any of its articles' ids); its timeline marks what is
        still ahead on ``as_of`` (default today) as scheduled."""
        return views.story(archive, story_id, as_of=as_of)["data"]

    @app.get("/entities/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, archive: Arch, name: str):
        return page(request, "entity.html", views.entity(archive, name))

    @app.get("/api/entities/{name:path}")
    def entity_api(archive: Arch, name: str):
        """One person, organisation or place as `storyline entity NAME --format json`."""
        return views.entity(archive, name)["data"]

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, archive: Arch, p: Annotated[dict, Depends(quote_params)],
                    limit: Limit = R.PAGE_SIZE, offset: Offset = 0):
        return page(request, "quotes.html", views.quotes(archive, p, limit=limit, offset=offset))

    @app.get("/api/quotes")
    def quotes_api(archive: Arch, p: Annotated[dict, Depends(quote_params)],
                   limit: Limit = R.PAGE_SIZE, offset: Offset = 0, format: Format = "json"):
        """Quotes, newest first; items as `storyline quotes --format json`."""
        return listing(views.quotes(archive, p, limit=limit, offset=offset), format, "quotes")

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, archive: Arch, p: Annotated[dict, Depends(event_params)],
                    limit: Limit = R.PAGE_SIZE, offset: Offset = 0):
        return page(request, "events.html", views.events(archive, p, limit=limit, offset=offset))

    @app.get("/api/events")
    def events_api(archive: Arch, p: Annotated[dict, Depends(event_params)],
                   limit: Limit = R.PAGE_SIZE, offset: Offset = 0, format: Format = "json"):
        """Events by place, kind, date; items as `storyline events --format json`."""
        return listing(views.events(archive, p, limit=limit, offset=offset), format, "events")

    @app.get("/events.ics")
    def events_calendar(request: Request, archive: Arch,
                        p: Annotated[dict, Depends(event_params)]):
        """The events (filters as on the events page) as an iCalendar file."""
        rows = views.events(archive, p, limit=R.CALENDAR_EVENTS, offset=0)["data"]["items"]
        base = str(request.base_url).rstrip("/")
        body = formats.to_ics(rows, link=lambda aid: f"{base}/articles/{quote(aid, safe='')}")
        return Response(body, media_type="text/calendar; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="events.ics"'})

    @app.get("/digest", response_class=HTMLResponse, include_in_schema=False)
    def digest_page(request: Request, archive: Arch, p: Annotated[dict, Depends(digest_params)]):
        return page(request, "digest.html", views.digest(archive, **p))

    @app.get("/api/digest")
    def digest_api(archive: Arch, p: Annotated[dict, Depends(digest_params)]):
        """What is new since then, as `storyline digest --format json`."""
        return views.digest(archive, **p)["data"]

    return app
