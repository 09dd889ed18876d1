"""What every `peyvand` command shares: the ``--db`` and ``--reviewer`` options, how output
and errors are printed, and how an existing observatory is opened.

One place, so that each command group (`cli`, `review_cli`, `claims_cli`, `search_cli`,
`registry_cli`) reads its store and reports its errors the same way.
"""

from __future__ import annotations

import getpass
import os
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from peyvand.observatory import URL_ENV, Observatory

REVIEWER_ENV = "PEYVAND_REVIEWER"

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=URL_ENV,
        help="Observatory folder (SQLite inside) or database URL (postgresql://...). "
        "Default: ./observatory",
    ),
]

ReviewerOption = Annotated[
    str | None,
    typer.Option(
        "--reviewer",
        help=f"Your name in the audit trail. Default: ${REVIEWER_ENV}, else your user name.",
    ),
]


def printer(stderr: bool = False) -> Console:
    """Lines are never wrapped (soft wrap): paths and quotes stay whole and copyable."""
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print ``error: message`` on stderr; raise what this returns."""
    printer(stderr=True).print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


def open_existing(db: str | None) -> Observatory:
    """An observatory that must exist already: reading commands never create an empty one."""
    try:
        return Observatory.open(db, create=False)
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise fail(f"{exc}; create one with peyvand ingest") from exc


def reviewer_name(given: str | None) -> str:
    if given:
        return given
    name = os.environ.get(REVIEWER_ENV)
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in some containers
        return "unknown"
