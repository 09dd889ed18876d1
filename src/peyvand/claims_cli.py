"""`peyvand claims`, `peyvand merges` and `peyvand coding …`: thin commands over the review
and analysis API (claims side by side, merge proposals, double coding)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.table import Table

from peyvand.analysis import claims as claim_analysis
from peyvand.command_line import (
    DbOption,
    ReviewerOption,
    fail,
    open_existing,
    printer,
    reviewer_name,
)
from peyvand.review import merges as merge_proposals
from peyvand.review.coding import ADJUDICATOR, Coding, CodingError
from peyvand.review.errors import InvalidTransition, StaleVersionError

coding_app = typer.Typer(
    help="Double coding: blind samples for two coders, agreement, adjudication.",
    no_args_is_help=True,
)

_PROBLEMS = (CodingError, InvalidTransition, StaleVersionError, LookupError, ValueError)


def register(app: typer.Typer) -> None:
    """Add the commands of this module to the `peyvand` app."""
    app.command("claims")(claims)
    app.command("merges")(merges)
    app.add_typer(coding_app, name="coding")


def claims(
    only_conflicts: Annotated[
        bool, typer.Option("--conflicts", help="Only subjects whose sources disagree.")
    ] = False,
    tolerance: Annotated[
        float, typer.Option(help="Relative difference still counted as the same number.")
    ] = 0.05,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    db: DbOption = None,
) -> None:
    """Claims side by side by subject: each value with its source, document and quote."""
    observatory = open_existing(db)
    try:
        found = claim_analysis.groups(observatory.engine, tolerance=tolerance)
    except ValueError as exc:
        raise fail(str(exc)) from exc
    finally:
        observatory.close()
    if only_conflicts:
        found = [g for g in found if g.conflicting]
    if as_json:
        sys.stdout.write(json.dumps([_group_json(g) for g in found], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    console = printer()
    if not found:
        console.print("no conflicting claims" if only_conflicts else "no claims")
    for group in found:
        mark = " [red]conflict[/red]" if group.conflicting else ""
        table = Table(title=f"{group.subject}{mark}", title_justify="left")
        for column in ("value", "unit", "source", "document", "published", "record", "quote"):
            table.add_column(column)
        for e in group.entries:
            table.add_row(
                f"{e.qualifier + ' ' if e.qualifier else ''}{e.value:g}",
                e.unit or "",
                e.source or "",
                (e.title or "") + "".join(f" (+ {t})" for t in e.also_in),
                str(e.published or ""),
                str(e.record_id),
                e.quote,
            )
        console.print(table)


def _group_json(group: claim_analysis.ClaimGroup) -> dict[str, Any]:
    return {
        "subject": group.subject,
        "key": group.key,
        "conflicting_units": list(group.conflicting_units),
        "entries": [
            {
                "record_id": e.record_id,
                "status": e.status,
                "value": e.value,
                "unit": e.unit,
                "qualifier": e.qualifier,
                "claimant": e.claimant,
                "source": e.source,
                "document_id": e.document_id,
                "title": e.title,
                "published": e.published.isoformat() if e.published else None,
                "quote": e.quote,
                "also_in": list(e.also_in),
            }
            for e in group.entries
        ],
    }


def merges(
    propose: Annotated[
        bool, typer.Option("--propose", help="Look for new pairs before listing.")
    ] = False,
    accept: Annotated[
        list[int] | None, typer.Option("--accept", help="Merge the pair of proposal ID.")
    ] = None,
    reject: Annotated[
        list[int] | None, typer.Option("--reject", help="Proposal ID is two different things.")
    ] = None,
    min_score: Annotated[float, typer.Option(help="Lowest score to propose.")] = 0.6,
    reviewer: ReviewerOption = None,
    db: DbOption = None,
) -> None:
    """Records that different documents report alike: propose, list, accept or reject."""
    observatory = open_existing(db)
    engine = observatory.engine
    console = printer()
    who = reviewer_name(reviewer)
    try:
        for proposal_id in accept or []:
            survivor = merge_proposals.accept(engine, proposal_id, who)
            console.print(f"proposal {proposal_id} accepted: one record, {survivor.id}")
        for proposal_id in reject or []:
            merge_proposals.reject(engine, proposal_id, who)
            console.print(f"proposal {proposal_id} rejected")
        if propose:
            made = merge_proposals.propose(engine, min_score=min_score)
            console.print(f"{len(made)} new proposals")
        open_ = merge_proposals.proposals(engine)
    except _PROBLEMS as exc:
        raise fail(str(exc)) from exc
    finally:
        observatory.close()
    if not open_:
        console.print("no open merge proposals")
    for p in open_:
        console.print(
            f"[bold]#{p.id}[/bold] {p.kind} {p.record_id} → {p.target_id}  "
            f"score {p.score:.2f}: " + "; ".join(p.reasons)
        )
        console.print(f"  [{p.record_language}] {p.record_document}: «{p.record_quote}»")
        console.print(f"  [{p.target_language}] {p.target_document}: «{p.target_quote}»")


@coding_app.command("assign")
def coding_assign(
    share: Annotated[float, typer.Option(help="Share of unassigned candidates, e.g. 0.2.")],
    coders: Annotated[str, typer.Option(help="The two coders, comma-separated: alice,bob.")],
    kind: Annotated[str | None, typer.Option(help="Only records of this kind.")] = None,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed, the same sample.")] = 0,
    db: DbOption = None,
) -> None:
    """Draw a random sample of candidates for two coders to code blind."""
    names = [c.strip() for c in coders.split(",") if c.strip()]
    if len(names) != 2:
        raise fail(f"--coders needs two names, like alice,bob; got {coders!r}")
    observatory = open_existing(db)
    try:
        count = Coding(observatory.engine).assign(share, (names[0], names[1]), kind=kind, seed=seed)
    except _PROBLEMS as exc:
        raise fail(str(exc)) from exc
    finally:
        observatory.close()
    printer().print(f"{count} records assigned to {names[0]} and {names[1]}")


@coding_app.command("queue")
def coding_queue(
    coder: Annotated[str | None, typer.Argument(help="Whose queue. Default: you.")] = None,
    db: DbOption = None,
) -> None:
    """The records a coder still has to decide (nothing of the other coder is shown)."""
    observatory = open_existing(db)
    try:
        pending = Coding(observatory.engine).queue(reviewer_name(coder))
    finally:
        observatory.close()
    console = printer()
    if not pending:
        console.print("nothing to code")
    for item in pending:
        console.print(f"[bold]{item.id}[/bold] {item.kind} ({item.role}): «{item.quote}»")
        console.print("  " + json.dumps(item.data, ensure_ascii=False))
        for earlier in item.decisions:
            edited = f" {json.dumps(earlier.data, ensure_ascii=False)}" if earlier.data else ""
            console.print(f"  {earlier.coder}: {earlier.decision}{edited}")


@coding_app.command("code")
def coding_code(
    record_id: Annotated[int, typer.Argument(help="The record to decide.")],
    decision: Annotated[str, typer.Option(help="accept, reject or edit.")],
    data: Annotated[
        str | None, typer.Option(help='For an edit, the changed fields as JSON: {"date": …}.')
    ] = None,
    coder: Annotated[str | None, typer.Option(help="Who codes. Default: you.")] = None,
    db: DbOption = None,
) -> None:
    """Record a coder's decision; an adjudicator's decision is applied to the record."""
    who = reviewer_name(coder)
    try:
        fields = None if data is None else json.loads(data)
    except json.JSONDecodeError as exc:
        raise fail(f"--data is not JSON: {exc}") from exc
    observatory = open_existing(db)
    coding = Coding(observatory.engine)
    try:
        if coding.role(record_id, who) == ADJUDICATOR:
            final = coding.adjudicate(record_id, who, decision, fields)
            printer().print(f"record {record_id} adjudicated by {who}: now {final.status}")
        else:
            coding.code(record_id, who, decision, fields)
            printer().print(f"record {record_id}: {who} chose {decision}")
    except _PROBLEMS as exc:
        raise fail(str(exc)) from exc
    finally:
        observatory.close()


@coding_app.command("report")
def coding_report(
    kind: Annotated[str | None, typer.Option(help="Only records of this kind.")] = None,
    db: DbOption = None,
) -> None:
    """Agreement per record kind: double-coded, observed agreement, kappa, alpha."""
    observatory = open_existing(db)
    try:
        rows = Coding(observatory.engine).report(kind)
    finally:
        observatory.close()
    table = Table("kind", "assigned", "double-coded", "agreement", "kappa", "alpha")
    for row in rows:
        table.add_row(
            row.kind,
            str(row.assigned),
            str(row.double_coded),
            _figure(row.observed),
            _figure(row.kappa),
            _figure(row.alpha),
        )
    if not rows:
        table.add_row("(nothing assigned)", "0", "0", "", "", "")
    printer().print(table)


@coding_app.command("adjudicate")
def coding_adjudicate(
    to: Annotated[str, typer.Option("--to", help="The adjudicator (not one of the coders).")],
    kind: Annotated[str | None, typer.Option(help="Only records of this kind.")] = None,
    db: DbOption = None,
) -> None:
    """Send every disagreement of the two coders to a third person to decide."""
    observatory = open_existing(db)
    coding = Coding(observatory.engine)
    try:
        open_ = len(coding.disagreements(kind))
        sent = coding.send_to_adjudication(to, kind)
    except _PROBLEMS as exc:
        raise fail(str(exc)) from exc
    finally:
        observatory.close()
    printer().print(f"{sent} of {open_} disagreements sent to {to}")


@coding_app.command("settle")
def coding_settle(
    reviewer: ReviewerOption = None,
    kind: Annotated[str | None, typer.Option(help="Only records of this kind.")] = None,
    db: DbOption = None,
) -> None:
    """Apply the decision of every record both coders agree on."""
    observatory = open_existing(db)
    try:
        count = Coding(observatory.engine).settle_agreed(reviewer_name(reviewer), kind)
    except _PROBLEMS as exc:
        raise fail(str(exc)) from exc
    finally:
        observatory.close()
    printer().print(f"{count} agreed records settled")


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
