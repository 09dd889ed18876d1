"""The `peyvand` command: a thin layer over `peyvand.observatory.Observatory`."""

from __future__ import annotations

import json
import sys
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn
from rich.table import Table

from peyvand.command_line import DbOption, open_existing, printer
from peyvand.extract.contract import to_contract
from peyvand.ingest.archives import ColumnMapping
from peyvand.ingest.fetch import Fetcher
from peyvand.ingest.neardup import DEFAULT_THRESHOLD
from peyvand.ingest.sources import iter_items
from peyvand.observatory import Observatory

app = typer.Typer(
    help="Peyvand: an evidence-linked observatory of cultural relations between countries.",
    no_args_is_help=True,
    add_completion=False,
)


def examples_dir() -> Path:
    return Path(str(resources.files("peyvand") / "examples"))


@app.command()
def extract(
    file: Annotated[
        Path,
        typer.Argument(help="A document: text, Markdown, HTML, PDF or DOCX, any encoding."),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract JSON.")] = False,
) -> None:
    """Extract one document and print what was found (no store involved)."""
    from peyvand.pipeline import Pipeline

    items = list(islice(iter_items([file]), 2))
    if not items:
        printer(stderr=True).print(f"[red]error:[/red] {file}: no document in it")
        raise typer.Exit(2)
    first = items[0]
    if first.error is not None or first.document is None:
        printer(stderr=True).print(f"[red]error:[/red] {first.error or file}")
        raise typer.Exit(2)
    if len(items) > 1:
        printer(stderr=True).print(
            f"[yellow]note:[/yellow] {file} holds several documents; this is the first "
            f"({first.source}). `peyvand ingest` reads them all."
        )
    document = first.document
    extraction = Pipeline().extract(document)
    contract = to_contract(extraction)
    if as_json:
        sys.stdout.write(json.dumps(contract, ensure_ascii=False, indent=2) + "\n")
        return
    console = printer()
    doc = contract["document"]
    console.print(f"[bold]{file}[/bold]  language={doc['language']}  length={doc['length']}")
    table = Table("kind", "value", "text", "span")
    for actor in contract["actors"]:
        for start, end in actor["mentions"]:
            table.add_row("actor", actor["id"], document.text[start:end], f"[{start}, {end})")
    for date in contract["dates"]:
        table.add_row("date", date["value"], date["text"], "[{}, {})".format(*date["span"]))
    for q in contract["quantities"]:
        value = f"{q['value']} {q['unit']}" + (" ≈" if q["approx"] else "")
        table.add_row("quantity", value, q["text"], "[{}, {})".format(*q["span"]))
    console.print(table)


@app.command()
def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders or http(s) URLs: text, Markdown, HTML, PDF, DOCX, RSS/Atom, "
            "JSON Lines, CSV."
        ),
    ],
    db: DbOption = None,
    column_map: Annotated[
        str | None,
        typer.Option(
            "--map",
            help="Columns of JSONL/CSV archives, e.g. text=body,title=headline,published=date.",
        ),
    ] = None,
    fetch: Annotated[
        bool, typer.Option("--fetch", help="Fetch URLs (and feed items' links) over HTTP.")
    ] = False,
    interval: Annotated[
        float, typer.Option(help="With --fetch: seconds between two requests to one host.")
    ] = 1.0,
    similarity: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Word-shingle similarity at which a text counts as a republished copy.",
        ),
    ] = DEFAULT_THRESHOLD,
) -> None:
    """Store documents in the observatory; exact and near-duplicate copies are not stored twice.

    Run it again after an interruption: what is stored is skipped, the rest is finished.
    """
    try:
        mapping = ColumnMapping.parse(column_map) if column_map else None
    except ValueError as exc:
        printer(stderr=True).print(f"[red]error:[/red] --map: {exc}")
        raise typer.Exit(2) from exc
    observatory = Observatory.open(db)
    console = printer()
    fetcher = Fetcher(min_interval=interval) if fetch else None
    counts = dict.fromkeys(("stored", "duplicate", "near-duplicate", "failed"), 0)
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(source: str, outcome: str) -> None:
            counts[outcome] = counts.get(outcome, 0) + 1
            done = ", ".join(f"{name} {count}" for name, count in counts.items() if count)
            progress.update(task, description=f"{done} · {source[-60:]}")

        try:
            report = observatory.ingest(
                inputs,
                progress=advance,
                mapping=mapping,
                fetcher=fetcher,
                near_duplicate_threshold=similarity,
            )
        finally:
            if fetcher is not None:
                fetcher.close()
    observatory.close()
    console.print(
        f"stored {len(report.stored)}, duplicates {len(report.duplicates)}, "
        f"near-duplicates {len(report.near_duplicates)}, failed {len(report.failed)}"
    )
    for source, original, score in report.near_duplicates:
        console.print(f"[yellow]copy[/yellow] {source}: of document {original} ({score:.0%})")
    for source, reason in report.failed:
        console.print(f"[red]failed[/red] {source}: {reason}")
    if report.failed:
        raise typer.Exit(1)


@app.command()
def stats(db: DbOption = None) -> None:
    """What is in the observatory: documents by language, mentions and records by kind."""
    observatory = open_existing(db)
    result = observatory.stats()
    observatory.close()
    console = printer()
    console.print(f"documents: {result.documents} (republished copies: {result.copies})")
    for title, counts in (
        ("documents by language", result.by_language),
        ("mentions by kind", result.mentions),
        ("records by kind", result.records),
    ):
        table = Table(title=title, title_justify="left")
        table.add_column("")
        table.add_column("count", justify="right")
        for key, value in sorted(counts.items()):
            table.add_row(key, str(value))
        if not counts:
            table.add_row("(none)", "0")
        console.print(table)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
) -> None:
    """Serve the observatory's web pages and API."""
    _serve(Observatory.open(db), host, port)


@app.command()
def demo(
    folder: Annotated[Path, typer.Option("--dir", help="Folder of the demo observatory.")] = Path(
        "peyvand-demo"
    ),
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    no_serve: Annotated[
        bool, typer.Option("--no-serve", help="Build the observatory, do not serve it.")
    ] = False,
) -> None:
    """Build an observatory from the bundled examples and serve it."""
    console = printer()
    observatory = Observatory.open(folder)
    report = observatory.ingest([examples_dir()])
    from peyvand.review import merges

    proposed = merges.propose(observatory.engine)
    console.print(
        f"demo observatory in {folder}/: stored {len(report.stored)}, "
        f"already there {len(report.duplicates)}, failed {len(report.failed)}; "
        f"{len(proposed)} new merge proposals"
    )
    for source, reason in report.failed:
        console.print(f"[red]failed[/red] {source}: {reason}")
    if no_serve:
        observatory.close()
        return
    _serve(observatory, host, port)


def _serve(observatory: Observatory, host: str, port: int) -> None:
    import uvicorn

    from peyvand.web.app import create_app

    printer().print(f"Peyvand is serving on http://{host}:{port}/  (Ctrl+C stops)")
    uvicorn.run(create_app(observatory), host=host, port=port, log_level="warning")


@app.command("eval")
def eval_(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold annotations (<stem>.json).")],
    docs_dir: Annotated[Path, typer.Argument(help="Folder of the documents (<stem>.txt).")],
    mistakes: Annotated[
        bool, typer.Option("--mistakes", help="List every missed and spurious item.")
    ] = False,
) -> None:
    """Precision, recall and F1 of extraction against your gold annotations."""
    from peyvand.evaluate import KINDS, evaluate

    try:
        report = evaluate(gold_dir, docs_dir)
    except (FileNotFoundError, ValueError, KeyError) as exc:
        printer(stderr=True).print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    console = printer()
    table = Table("kind", "language", "P", "R", "F1", "tp", "fp", "fn")
    for kind in KINDS:
        for lang in [*report.languages, None]:
            score = report.score(kind, lang)
            if score.tp + score.fp + score.fn == 0:
                continue
            table.add_row(
                kind if lang is None else "",
                lang or "all",
                f"{score.precision:.3f}",
                f"{score.recall:.3f}",
                f"{score.f1:.3f}",
                str(score.tp),
                str(score.fp),
                str(score.fn),
            )
    console.print(f"{report.documents} documents")
    console.print(table)
    if mistakes:
        for m in report.mistakes:
            console.print(f"{m.document}\t{m.kind}\t{m.error}\t{m.text!r}\t{m.identity}")


def _register_subcommands() -> None:
    from peyvand.registry_cli import app as registry_app

    app.add_typer(registry_app, name="registry")
    from peyvand.claims_cli import register as register_claims

    register_claims(app)
    from peyvand.search_cli import register as register_search

    register_search(app)

    from peyvand.review_cli import register as register_review

    register_review(app)


_register_subcommands()


def main() -> None:
    app()
