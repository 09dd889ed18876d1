"""The FastAPI application: a thin layer over one `Observatory`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from peyvand import __version__
from peyvand.observatory import Observatory
from peyvand.web import record_pages, search_pages

RTL_LANGUAGES = {"fa", "ar", "azb", "ur", "he"}


def _segments(text: str, spans: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any] | None]]:
    """Cut the text into plain pieces and highlighted mentions (first one wins on overlap)."""
    pieces: list[tuple[str, dict[str, Any] | None]] = []
    position = 0
    for mention in sorted(spans, key=lambda m: (m["start"], -m["end"])):
        if mention["start"] < position:
            continue
        pieces.append((text[position : mention["start"]], None))
        pieces.append((text[mention["start"] : mention["end"]], mention))
        position = mention["end"]
    pieces.append((text[position:], None))
    return pieces


def create_app(observatory: Observatory) -> FastAPI:
    app = FastAPI(title="Peyvand", version=__version__)
    package = Path(str(resources.files("peyvand.web")))
    templates = Jinja2Templates(directory=str(package / "templates"))
    app.mount("/static", StaticFiles(directory=str(package / "static")), name="static")

    def direction(lang: str | None) -> str:
        return "rtl" if lang in RTL_LANGUAGES else "ltr"

    search_pages.register(app, observatory, templates, direction)
    record_pages.register(app, observatory, templates, direction)

    @app.get("/", response_class=HTMLResponse)
    def index(request: Request) -> HTMLResponse:
        docs = observatory.repository.documents()
        return templates.TemplateResponse(
            request,
            "index.html",
            {"documents": docs, "stats": observatory.stats(), "direction": direction},
        )

    @app.get("/documents/{doc_id}", response_class=HTMLResponse)
    def document(request: Request, doc_id: int) -> HTMLResponse:
        found = observatory.repository.document(doc_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document {doc_id}")
        stored, text = found
        mentions = observatory.repository.mentions_of(doc_id)
        return templates.TemplateResponse(
            request,
            "document.html",
            {
                "doc": stored,
                "pieces": _segments(text, mentions),
                "mentions": mentions,
                "dir": direction(stored.language),
            },
        )

    @app.get("/api/documents")
    def api_documents(limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
        return [
            {
                "id": d.id,
                "title": d.title,
                "language": d.language,
                "published": d.published.isoformat() if d.published else None,
                "publisher": d.publisher,
                "length": d.length,
            }
            for d in observatory.repository.documents(limit=min(limit, 1000), offset=offset)
        ]

    @app.get("/api/stats")
    def api_stats() -> dict[str, Any]:
        stats = observatory.stats()
        return {
            "documents": stats.documents,
            "by_language": stats.by_language,
            "mentions": stats.mentions,
            "records": stats.records,
            "copies": stats.copies,
        }

    return app
