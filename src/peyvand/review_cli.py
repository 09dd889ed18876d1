"""`peyvand review` and `peyvand history`: a terminal queue over `peyvand.review.Review`."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from peyvand.command_line import (
    REVIEWER_ENV,
    DbOption,
    fail,
    open_existing,
    printer,
    reviewer_name,
)
from peyvand.observatory import Observatory
from peyvand.review import (
    InvalidTransition,
    RecordNotFound,
    Review,
    ReviewRecord,
    StaleVersionError,
)
from peyvand.review.audit import AuditEntry, Evidence

CONTEXT = 100  # characters of document text shown on each side of a quote
CHOICES = "[a]ccept [e]dit [r]eject [m]erge [s]kip [q]uit"


def register(app: typer.Typer) -> None:
    """Add the two commands to the main `peyvand` app."""
    app.command("review")(review)
    app.command("history")(history)


def review(
    db: DbOption = None,
    reviewer: Annotated[
        str | None,
        typer.Option(help=f"Your name in the audit trail. Default: ${REVIEWER_ENV}, else $USER."),
    ] = None,
    kind: Annotated[
        str | None, typer.Option(help="Only this kind: agreement, event, claim, …")
    ] = None,
    limit: Annotated[int, typer.Option(help="How many candidates to go through.")] = 50,
    accept: Annotated[
        int | None, typer.Option("--accept", help="Accept this record and exit.")
    ] = None,
    reject: Annotated[
        int | None, typer.Option("--reject", help="Reject this record and exit.")
    ] = None,
    merge: Annotated[
        int | None, typer.Option("--merge", help="Merge this record (with --into) and exit.")
    ] = None,
    into: Annotated[int | None, typer.Option("--into", help="The record that survives.")] = None,
    reason: Annotated[str | None, typer.Option(help="Why (kept in the audit trail).")] = None,
) -> None:
    """Go through candidate records: accept, edit, reject or merge each, with its evidence."""
    chosen = (("accept", accept), ("reject", reject), ("merge", merge))
    actions = [(action, target) for action, target in chosen if target is not None]
    if len(actions) > 1:
        raise fail("give one of --accept, --reject, --merge")
    if merge is not None and into is None:
        raise fail("--merge needs --into (the record that survives)")
    if into is not None and merge is None:
        raise fail("--into goes with --merge")
    name = reviewer_name(reviewer)
    observatory = open_existing(db)
    try:
        service = Review(observatory.engine)
        if actions:
            action, target = actions[0]
            _decide_once(service, action, target, into, name, reason)
        else:
            _Session(observatory, service, name).run(kind, limit)
    finally:
        observatory.close()


def _decide_once(
    service: Review,
    action: str,
    record_id: int,
    into: int | None,
    reviewer: str,
    reason: str | None,
) -> None:
    """One scripted decision, against the version read just before."""
    try:
        version = service.get(record_id).version
        if action == "merge":
            assert into is not None
            kept = service.merge(
                record_id, into, reviewer=reviewer, expected_version=version, reason=reason
            )
            message = f"record {record_id} merged into record {kept.id} (version {kept.version})"
        else:
            decide = service.accept if action == "accept" else service.reject
            done = decide(record_id, reviewer=reviewer, expected_version=version, reason=reason)
            message = f"record {record_id} {done.status} (version {done.version})"
    except (RecordNotFound, InvalidTransition, StaleVersionError, ValueError) as exc:
        raise fail(str(exc), 1) from exc
    printer().print(message)


class _Session:
    """The interactive queue: show a candidate with its evidence, ask, apply, next."""

    def __init__(self, observatory: Observatory, service: Review, reviewer: str) -> None:
        self.observatory = observatory
        self.service = service
        self.reviewer = reviewer
        self.console = printer()
        self.counts = {"accepted": 0, "edited": 0, "rejected": 0, "merged": 0, "skipped": 0}

    def run(self, kind: str | None, limit: int) -> None:
        queue = self.service.queue(kind=kind, limit=limit)
        self.console.print(f"{len(queue)} candidates to review, as {escape(self.reviewer)}")
        for position, record in enumerate(queue, 1):
            if not self._review(record, position, len(queue)):
                break
        summary = ", ".join(f"{key} {value}" for key, value in self.counts.items())
        self.console.print(summary)

    def _review(self, record: ReviewRecord, position: int, total: int) -> bool:
        """Decide one record; False when the reviewer quits."""
        while True:
            show_record(self.console, self.observatory, record, f"{position}/{total}")
            choice = typer.prompt(CHOICES, default="s", show_default=False).strip().lower()[:1]
            if choice == "q":
                return False
            if choice == "s":
                self.counts["skipped"] += 1
                return True
            if choice not in "aerm" or not choice:
                self.console.print(f"[yellow]choose one of {escape(CHOICES)}[/yellow]")
                continue
            try:
                self._apply(record, choice)
                return True
            except StaleVersionError as exc:
                self.console.print(f"[yellow]{escape(str(exc))}[/yellow]")
                record = self.service.get(record.id)
            except (InvalidTransition, RecordNotFound, ValueError) as exc:
                self.console.print(f"[red]not saved:[/red] {escape(str(exc))}")
                record = self.service.get(record.id)

    def _apply(self, record: ReviewRecord, choice: str) -> None:
        """Accept and reject at a keystroke; an edit asks for fields and a reason."""
        if choice == "m":
            target = typer.prompt("merge into record id", type=int)
            done = self.service.merge(
                record.id, target, reviewer=self.reviewer, expected_version=record.version
            )
            self.counts["merged"] += 1
            self.console.print(
                f"[green]saved:[/green] record {record.id} merged into record {done.id}, "
                f"which is now v{done.version}"
            )
            return
        changes: dict[str, Any] | None = None
        reason = None
        if choice == "e":
            changes = _ask_changes()
            if not changes:
                raise ValueError("no field changed")
            reason = _ask_reason()
        decision = {"a": "accept", "r": "reject", "e": "edit"}[choice]
        done = self.service.apply(
            record.id,
            decision,
            reviewer=self.reviewer,
            expected_version=record.version,
            data=changes,
            reason=reason,
        )
        self.counts[{"a": "accepted", "r": "rejected", "e": "edited"}[choice]] += 1
        self.console.print(f"[green]saved:[/green] record {done.id} {done.status}, v{done.version}")


def _ask_changes() -> dict[str, Any]:
    """`field=value` lines (JSON values, else text) until an empty line."""
    changes: dict[str, Any] = {}
    while True:
        line = typer.prompt("field=value (empty line to finish)", default="", show_default=False)
        if not line.strip():
            return changes
        field, sep, value = line.partition("=")
        if not sep or not field.strip():
            printer().print("[yellow]write field=value, e.g. count=30[/yellow]")
            continue
        changes[field.strip()] = parse_value(value.strip())


def parse_value(text: str) -> Any:
    """A JSON value (30, null, "signed", ["IRN"]); anything else is taken as text."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _ask_reason() -> str | None:
    reason: str = typer.prompt("reason (optional)", default="", show_default=False)
    return reason.strip() or None


def show_record(console: Console, observatory: Observatory, record: ReviewRecord, at: str) -> None:
    """The record's fields and its quote highlighted in the surrounding document text."""
    console.rule(
        f"{at}  {record.kind} #{record.id}  v{record.version}  {record.status}", align="left"
    )
    fields = Table.grid(padding=(0, 2))
    for key, value in record.data.items():
        if key != "evidence":
            fields.add_row(f"[bold]{escape(key)}[/bold]", escape(_show(value)))
    console.print(fields)
    found = observatory.repository.document(record.document_id)
    if found is None:
        console.print(f"[dim]quote:[/dim] {escape(record.quote)}")
        return
    document, text = found
    start, end = record.evidence
    console.print(
        f"[dim]{escape(document.title or '(untitled)')} · {document.language or '?'} · "
        f"{document.published or 'no date'} · chars {start}–{end}[/dim]"
    )
    console.print(in_context(text, start, end))


def in_context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """Rich markup: the quote highlighted, with about `width` characters on each side."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    if left > 0 and " " in text[left:start]:
        left = text.index(" ", left) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    before = ("…" if left > 0 else "") + text[left:start]
    after = text[end:right] + ("…" if right < len(text) else "")
    quote = escape(text[start:end])
    return f"{escape(before)}[bold black on yellow]{quote}[/bold black on yellow]{escape(after)}"


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def history(
    record: Annotated[int, typer.Argument(help="The record's id.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """A record's audit trail (who changed what, when, why) and the evidence behind it."""
    observatory = open_existing(db)
    try:
        service = Review(observatory.engine)
        try:
            current = service.get(record)
        except RecordNotFound as exc:
            raise fail(str(exc), 1) from exc
        entries = service.history(record)
        evidence = service.evidence(record)
    finally:
        observatory.close()
    if as_json:
        print(json.dumps(_history_json(current, entries, evidence), ensure_ascii=False, indent=2))
        return
    console = printer()
    console.print(
        f"[bold]{current.kind} #{current.id}[/bold]  {current.status}  v{current.version}"
        + (f"  → merged into #{current.merged_into}" if current.merged_into else "")
    )
    table = Table("when", "who", "action", "version", "what changed", "why")
    for entry in entries:
        table.add_row(
            f"{entry.at:%Y-%m-%d %H:%M}",
            escape(entry.actor),
            entry.action,
            str(entry.version),
            escape(describe(entry)),
            escape(entry.reason or ""),
        )
    console.print(table)
    console.print(f"[bold]evidence[/bold] ({len(evidence)})")
    for item in evidence:
        console.print(
            f"#{item.record_id}  {escape(item.title or '(untitled)')} · {item.language or '?'} · "
            f"{item.published or 'no date'} · chars {item.start}–{item.end}\n"
            f"  «{escape(item.quote)}»"
        )


def describe(entry: AuditEntry) -> str:
    """`field: before → after` for each change; a creation is just "extracted"."""
    if entry.action == "create":
        return "extracted"
    parts = [f"{field}: {_show(old)} → {_show(new)}" for field, old, new in entry.changes()]
    return "; ".join(parts) or "(no field changed)"


def _history_json(
    current: ReviewRecord, entries: list[AuditEntry], evidence: list[Evidence]
) -> Any:
    return {
        "record": {
            "id": current.id,
            "kind": current.kind,
            "status": current.status,
            "version": current.version,
            "merged_into": current.merged_into,
            "data": current.data,
        },
        "history": [
            {
                "action": e.action,
                "actor": e.actor,
                "at": e.at.isoformat(),
                "version": e.version,
                "before": e.before,
                "after": e.after,
                "reason": e.reason,
            }
            for e in entries
        ],
        "evidence": [
            {
                "record_id": item.record_id,
                "document_id": item.document_id,
                "title": item.title,
                "language": item.language,
                "published": item.published.isoformat() if item.published else None,
                "span": [item.start, item.end],
                "quote": item.quote,
            }
            for item in evidence
        ],
    }
