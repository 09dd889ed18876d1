"""Pages for the record: the review queue, one record with its evidence and history, merge
proposals and claims side by side; plus their JSON twins under ``/api``.

Review from the browser goes through the same `Review` service as the CLI: a form carries
the version the reviewer saw, so a decision on a record someone changed meanwhile is refused
with the service's message instead of overwriting their work.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from peyvand.analysis import claims as claim_analysis
from peyvand.observatory import Observatory
from peyvand.review import InvalidTransition, RecordNotFound, Review, StaleVersionError
from peyvand.review import merges as merge_proposals
from peyvand.review.service import STATUSES
from peyvand.vocab import RecordKind

PAGE_SIZE = 50
DECISIONS = ("accept", "reject")


def _plain(value: Any) -> Any:
    """Dataclasses, dates and tuples as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def show(value: Any) -> str:
    """A record field as a reader writes it: AZE–IRN, yes/no, a dash for nothing."""
    if value is None or value in ([], ""):
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return "–".join(show(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {show(item)}" for key, item in value.items())
    return str(value)


def register(
    app: FastAPI,
    observatory: Observatory,
    templates: Jinja2Templates,
    direction: Callable[[str | None], str],
) -> None:
    review = Review(observatory.engine)
    templates.env.filters["show"] = show
    kinds = [kind.value for kind in RecordKind]

    def checked(kind: str | None, status: str) -> tuple[str | None, str]:
        if kind and kind not in kinds:
            raise HTTPException(400, f"kind must be one of {', '.join(kinds)}")
        if status not in STATUSES:
            raise HTTPException(400, f"status must be one of {', '.join(STATUSES)}")
        return kind or None, status

    @app.get("/records", response_class=HTMLResponse)
    def record_list(
        request: Request, kind: str | None = None, status: str = "candidate", page: int = 1
    ) -> HTMLResponse:
        kind, status = checked(kind, status)
        page = max(1, page)
        found = review.queue(
            kind=kind, status=status, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE
        )
        return templates.TemplateResponse(
            request,
            "records.html",
            {
                "records": found[:PAGE_SIZE],
                "more": len(found) > PAGE_SIZE,
                "kind": kind or "",
                "status": status,
                "page": page,
                "kinds": kinds,
                "statuses": STATUSES,
            },
        )

    def record_context(record_id: int) -> dict[str, Any]:
        try:
            record = review.get(record_id)
        except RecordNotFound as exc:
            raise HTTPException(404, str(exc)) from exc
        return {
            "record": record,
            "evidence": review.evidence(record_id),
            "history": review.history(record_id),
        }

    @app.get("/records/{record_id}", response_class=HTMLResponse)
    def record_page(request: Request, record_id: int, error: str | None = None) -> HTMLResponse:
        context = record_context(record_id)
        context |= {"direction": direction, "error": error, "decisions": DECISIONS}
        return templates.TemplateResponse(
            request, "record.html", context, status_code=409 if error else 200
        )

    @app.post("/records/{record_id}/decision", response_model=None)
    def decide(
        request: Request,
        record_id: int,
        decision: Annotated[str, Form()],
        reviewer: Annotated[str, Form()],
        version: Annotated[int, Form()],
        reason: Annotated[str, Form()] = "",
    ) -> Response:
        if decision not in DECISIONS:
            raise HTTPException(400, f"decision must be one of {', '.join(DECISIONS)}")
        try:
            review.apply(
                record_id,
                decision,
                reviewer=reviewer.strip(),
                expected_version=version,
                reason=reason.strip() or None,
            )
        except RecordNotFound as exc:
            raise HTTPException(404, str(exc)) from exc
        except (StaleVersionError, InvalidTransition, ValueError) as exc:
            return record_page(request, record_id, error=str(exc))
        return RedirectResponse(f"/records/{record_id}", status_code=303)

    @app.get("/api/records/{record_id}")
    def api_record(record_id: int) -> dict[str, Any]:
        return {key: _plain(value) for key, value in record_context(record_id).items()}

    @app.get("/merges", response_class=HTMLResponse)
    def merge_page(request: Request, status: str = "proposed") -> HTMLResponse:
        listed = merge_proposals.proposals(observatory.engine, status=status)
        return templates.TemplateResponse(
            request,
            "merges.html",
            {"proposals": listed, "status": status, "direction": direction},
        )

    @app.get("/claims", response_class=HTMLResponse)
    def claim_page(
        request: Request, conflicts: bool = False, tolerance: float = 0.05
    ) -> HTMLResponse:
        if not 0 <= tolerance < 1:
            raise HTTPException(400, "tolerance must be at least 0 and below 1")
        groups = claim_analysis.groups(observatory.engine, tolerance=tolerance)
        shown = [g for g in groups if g.conflicting] if conflicts else groups
        return templates.TemplateResponse(
            request,
            "claims.html",
            {
                "groups": shown,
                "conflicts": conflicts,
                "tolerance": tolerance,
                "conflicting": sum(1 for g in groups if g.conflicting),
                "total": len(groups),
            },
        )

    @app.get("/api/claims")
    def api_claims(conflicts: bool = False, tolerance: float = 0.05) -> list[Any]:
        if not 0 <= tolerance < 1:
            raise HTTPException(400, "tolerance must be at least 0 and below 1")
        groups = claim_analysis.groups(observatory.engine, tolerance=tolerance)
        return [_plain(g) for g in groups if g.conflicting or not conflicts]
