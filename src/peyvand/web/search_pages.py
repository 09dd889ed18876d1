"""The search page (``/search?q=…``) and its JSON twin (``/api/search?q=…``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from peyvand.observatory import Observatory
from peyvand.search import Hit, Searcher
from peyvand.search.options import parse_filters

PAGE_SIZE = 20
FILTER_NAMES = ("pair", "domain", "type", "kind", "since", "until", "lang", "status")


def pieces(hit: Hit) -> list[tuple[str, bool]]:
    """The snippet cut into plain and marked pieces, for the template to escape."""
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in hit.marks:
        out += [(hit.snippet[position:start], False), (hit.snippet[start:end], True)]
        position = end
    out.append((hit.snippet[position:], False))
    return out


def register(
    app: FastAPI,
    observatory: Observatory,
    templates: Jinja2Templates,
    direction: Callable[[str | None], str],
) -> None:
    searchers: list[Searcher] = []

    def searcher() -> Searcher:
        if not searchers:  # the registry loads on the first search, not at start-up
            searchers.append(Searcher(observatory.engine, observatory.registry()))
        return searchers[0]

    def run(request: Request, limit: int, offset: int) -> tuple[str, list[Hit]]:
        q = request.query_params.get("q", "")
        values = {name: request.query_params.get(name) for name in FILTER_NAMES}
        try:
            filters = parse_filters(values)
        except ValueError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        return q, searcher().search(q, filters=filters, limit=limit, offset=offset)

    @app.get("/search", response_class=HTMLResponse)
    def search_page(request: Request, page: int = 1) -> HTMLResponse:
        page = max(1, page)
        q, hits = run(request, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        values = {name: request.query_params.get(name) or "" for name in FILTER_NAMES}
        return templates.TemplateResponse(
            request,
            "search.html",
            {
                "q": q,
                "values": values,
                "hits": [(hit, pieces(hit)) for hit in hits],
                "page": page,
                "more": len(hits) == PAGE_SIZE,
                "direction": direction,
            },
        )

    @app.get("/api/search")
    def api_search(request: Request, limit: int = PAGE_SIZE, offset: int = 0) -> dict[str, Any]:
        q, hits = run(request, min(max(limit, 0), 1000), max(offset, 0))
        return {"query": q, "count": len(hits), "hits": [hit.as_dict() for hit in hits]}
