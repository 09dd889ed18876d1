"""`peyvand registry …`: look up how a name links, and extend the registry without code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from peyvand.command_line import DbOption, fail, printer
from peyvand.observatory import Observatory
from peyvand.registry.actors import RegistryError, parse_entry, read_file

app = typer.Typer(help="The actor registry: search names, add and import actors.")


@app.command("search")
def search(
    name: Annotated[str, typer.Argument(help="A name as it may appear in text.")],
    lang: Annotated[
        str | None, typer.Option(help="Language of the name (az/tr: Turkic case).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Which actor a name links to, and why (exact, alias, fuzzy with score, context)."""
    observatory = Observatory.open(db)
    links = observatory.registry().search(name, lang)
    observatory.close()
    console = printer()
    if not links:
        console.print(f"{name!r} links to no actor")
        raise typer.Exit(1)
    for link in links:
        score = f" {link.score:.0f}" if link.method == "fuzzy" else ""
        console.print(
            f"{name[link.start : link.end]} → {link.actor.id} ({link.actor.type}, "
            f"{link.actor.name}) by {link.method}{score}: matched {link.matched!r} [{link.lang}]",
            soft_wrap=True,
        )


@app.command("add")
def add(
    actor_id: Annotated[str, typer.Option("--id", help="Stable id, e.g. ir-nur-institute.")],
    actor_type: Annotated[str, typer.Option("--type", help="organization, institution, …")],
    name: Annotated[str, typer.Option(help="Canonical English name.")],
    names: Annotated[
        list[str] | None,
        typer.Option("--alias", help="A name as LANG:NAME, e.g. fa:موسسه نور (repeatable)."),
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 where it is.")] = None,
    sponsor: Annotated[str | None, typer.Option(help="ISO alpha-3 that runs it.")] = None,
    db: DbOption = None,
) -> None:
    """Add (or replace) one actor in the observatory's own registry."""
    by_lang: dict[str, list[str]] = {}
    for item in names or []:
        lang, colon, value = item.partition(":")
        if not colon or not value.strip():
            raise fail(f"--alias {item!r} is not LANG:NAME")
        by_lang.setdefault(lang.strip(), []).append(value.strip())
    raw = {
        "id": actor_id,
        "type": actor_type,
        "name": name,
        "names": by_lang,
        "country": country,
        "sponsor": sponsor,
    }
    try:
        entry = parse_entry(raw, "registry add")
    except RegistryError as exc:
        raise fail(str(exc)) from exc
    observatory = Observatory.open(db)
    observatory.add_actors([entry], source="peyvand registry add")
    observatory.close()
    printer().print(f"added {entry.id} ({entry.type}): {entry.name}")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="YAML list of entries, as registry/actors/*.yaml")],
    db: DbOption = None,
) -> None:
    """Import actors from a YAML file into the observatory's own registry, all or nothing."""
    try:
        entries = read_file(file)
    except RegistryError as exc:
        raise fail(str(exc)) from exc
    observatory = Observatory.open(db)
    count = observatory.add_actors(entries, source=str(file))
    observatory.close()
    printer().print(f"imported {count} actors from {file}")
