"""`peyvand search QUERY`: full-text search with filters, a thin layer over `peyvand.search`."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from peyvand.command_line import DbOption, fail, open_existing, printer
from peyvand.search import Hit, Searcher
from peyvand.search.options import parse_filters


def _print(console: Console, hit: Hit) -> None:
    what = f"record {hit.id} ({hit.record_kind}, {hit.status})" if hit.kind == "record" else ""
    head = Text(f"document {hit.document_id}", style="bold")
    head.append(f"  {hit.title or ''}")
    meta = [hit.language or "?", hit.published.isoformat() if hit.published else "undated"]
    head.append(f"  [{', '.join(meta)}]  score {hit.score:.3f}", style="dim")
    if what:
        head.append(f"\n  {what}", style="cyan")
    console.print(head)
    body = Text("  " + hit.snippet)
    for start, end in hit.marks:
        body.stylize("bold yellow", start + 2, end + 2)
    console.print(body)


def search(
    query: Annotated[str, typer.Argument(help='Words, "quoted phrases", names in any language.')],
    pair: Annotated[
        str | None, typer.Option(help="Two actor ids both mentioned, e.g. AZE,IRN.")
    ] = None,
    domain: Annotated[str | None, typer.Option(help="A domain, e.g. cinema, education.")] = None,
    record_type: Annotated[
        str | None, typer.Option("--type", help="Record type, e.g. SIGN_AGREEMENT (records only).")
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="document, agreement, event, claim, institution or site.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    lang: Annotated[str | None, typer.Option(help="Document language, e.g. fa, en, az.")] = None,
    status: Annotated[
        str | None, typer.Option(help="Record status: candidate, accepted, rejected, merged.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Hits to show.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the hits as JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Search documents and records across languages and spellings; exits 1 on no hits."""
    try:
        filters = parse_filters(
            {
                "pair": pair,
                "domain": domain,
                "type": record_type,
                "kind": kind,
                "since": since,
                "until": until,
                "lang": lang,
                "status": status,
            },
            prefix="--",
        )
    except ValueError as exc:
        raise fail(str(exc)) from exc
    observatory = open_existing(db)
    try:
        hits = Searcher(observatory.engine, observatory.registry()).search(
            query, filters=filters, limit=limit
        )
    finally:
        observatory.close()
    if as_json:
        payload = {"query": query, "count": len(hits), "hits": [h.as_dict() for h in hits]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        console = printer()
        for hit in hits:
            _print(console, hit)
        if not hits:
            console.print(Text(f"no hits for {query!r}"))
    if not hits:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
