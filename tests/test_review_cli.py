"""`peyvand review` and `peyvand history` as a reviewer uses them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peyvand import review_cli
from peyvand.cli import app
from peyvand.observatory import Observatory
from peyvand.review import Review
from tests.review.observatories import small_observatory

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, example_files: list[Path]) -> str:
    location = tmp_path / "observatory"
    small_observatory(location, example_files).close()
    return str(location)


@pytest.fixture
def review(db: str) -> Iterator[Review]:
    observatory = Observatory.open(db)
    yield Review(observatory.engine)
    observatory.close()


def test_interactive_queue_accept_edit_reject_quit_then_history(db: str, review: Review) -> None:
    first, second, third, fourth = review.queue(kind="agreement")[:4]
    keys = "a\n" + 'e\ncount=30\nstatus="in_force"\n\nthe minister said thirty\n' + "r\n" + "q\n"
    result = runner.invoke(
        app, ["review", "--db", db, "--reviewer", "alice", "--kind", "agreement"], input=keys
    )
    assert result.exit_code == 0, result.output
    assert f"agreement #{first.id}" in result.output and "v1" in result.output
    assert first.quote[:40] in result.output  # the evidence, in its context
    assert "[a]ccept [e]dit [r]eject [m]erge [s]kip [q]uit" in result.output
    assert "accepted 1, edited 1, rejected 1, merged 0, skipped 0" in result.output
    assert review.get(first.id).status == "accepted"
    edited = review.get(second.id)
    assert (edited.status, edited.data["count"], edited.data["status"]) == (
        "candidate",
        30,
        "in_force",
    )
    assert review.get(third.id).status == "rejected"
    assert review.get(fourth.id) == fourth  # quit before it

    wide = {"COLUMNS": "250"}
    shown = runner.invoke(app, ["history", str(second.id), "--db", db], env=wide)
    assert shown.exit_code == 0, shown.output
    edit_row = next(line for line in shown.output.splitlines() if " edit " in line)
    assert "alice" in edit_row and "the minister said thirty" in edit_row
    assert f"count: {json.dumps(second.data['count'])} → 30" in edit_row
    assert "extractor" in shown.output and "create" in shown.output
    assert "evidence (1)" in shown.output and second.quote[:30] in shown.output


def test_history_json_has_the_trail_and_the_evidence(db: str, review: Review) -> None:
    a, b = review.queue(kind="claim")[:2]
    review.accept(b.id, reviewer="bob", expected_version=1, reason="sourced")
    merged = runner.invoke(
        app,
        ["review", "--db", db, "--reviewer", "carol", "--merge", str(a.id), "--into", str(b.id)],
    )
    assert merged.exit_code == 0, merged.output
    assert f"record {a.id} merged into record {b.id}" in merged.output
    result = runner.invoke(app, ["history", str(b.id), "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    trail = json.loads(result.stdout)
    assert trail["record"]["id"] == b.id and trail["record"]["status"] == "accepted"
    assert [(h["action"], h["actor"]) for h in trail["history"]] == [
        ("create", "extractor"),
        ("accept", "bob"),
        ("merge", "carol"),
    ]
    assert trail["history"][1]["reason"] == "sourced"
    assert sorted(e["record_id"] for e in trail["evidence"]) == sorted([a.id, b.id])


def test_scripted_accept_and_reject_with_reason_and_reviewer_from_env(
    db: str, review: Review
) -> None:
    a, b = review.queue(kind="event")[:2]
    env = {"PEYVAND_REVIEWER": "dora"}
    accepted = runner.invoke(app, ["review", "--db", db, "--accept", str(a.id)], env=env)
    assert accepted.exit_code == 0, accepted.output
    assert f"record {a.id} accepted (version 2)" in accepted.output
    rejected = runner.invoke(
        app, ["review", "--db", db, "--reject", str(b.id), "--reason", "an opinion"], env=env
    )
    assert rejected.exit_code == 0, rejected.output
    last = review.history(b.id)[-1]
    assert (last.action, last.actor, last.reason) == ("reject", "dora", "an opinion")
    assert review.history(a.id)[-1].actor == "dora"


def test_scripted_mistakes_exit_with_a_message(db: str, review: Review, tmp_path: Path) -> None:
    agreement = review.queue(kind="agreement")[0]
    claim = review.queue(kind="claim")[0]
    wrong_kind = runner.invoke(
        app, ["review", "--db", db, "--merge", str(agreement.id), "--into", str(claim.id)]
    )
    assert wrong_kind.exit_code == 1 and "same kind" in wrong_kind.output
    no_into = runner.invoke(app, ["review", "--db", db, "--merge", str(agreement.id)])
    assert no_into.exit_code == 2 and "--merge needs --into" in no_into.output
    missing = runner.invoke(app, ["review", "--db", db, "--accept", "99999"])
    assert missing.exit_code == 1 and "no record 99999" in missing.output
    assert runner.invoke(app, ["history", "99999", "--db", db]).exit_code == 1
    nowhere = str(tmp_path / "no-such-observatory")
    for args in (["review", "--db", nowhere], ["history", "1", "--db", nowhere]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "no observatory at" in result.output
    assert not Path(nowhere).exists()
    assert review.get(agreement.id) == agreement


def test_a_stale_save_prints_who_changed_it_and_shows_the_record_again(
    db: str, review: Review, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = review.queue(kind="institution")[0]
    shown = review_cli.show_record
    calls: list[int] = []

    def meanwhile(*args: Any) -> None:
        calls.append(1)
        shown(*args)
        if len(calls) == 1:  # another reviewer saves while alice is looking
            review.edit(record.id, {"status": "closed"}, reviewer="bob", expected_version=1)

    monkeypatch.setattr(review_cli, "show_record", meanwhile)
    result = runner.invoke(
        app,
        ["review", "--db", db, "--reviewer", "alice", "--kind", "institution", "--limit", "1"],
        input="a\na\n",
    )
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert f"record {record.id} was changed by bob at" in flat
    assert "(now version 2, you had version 1)" in flat
    assert len(calls) == 2 and "v2" in result.output
    saved = review.get(record.id)
    assert (saved.status, saved.version, saved.data["status"]) == ("accepted", 3, "closed")


def test_a_bad_edit_is_explained_and_nothing_is_saved(db: str, review: Review) -> None:
    record = review.queue(kind="agreement")[0]
    keys = "e\ncount=-1\n\n\ns\n"
    result = runner.invoke(
        app, ["review", "--db", db, "--reviewer", "alice", "--limit", "1"], input=keys
    )
    assert result.exit_code == 0, result.output
    assert "not saved" in result.output and "non-negative" in result.output
    assert review.get(record.id) == record


def test_in_context_highlights_the_quote_with_text_around_it() -> None:
    text = "First sentence here. " * 10 + "The [quote] itself." + " Trailing words." * 10
    start = text.index("The [quote]")
    end = start + len("The [quote] itself.")
    markup = review_cli.in_context(text, start, end)
    assert "[bold black on yellow]The \\[quote] itself.[/bold black on yellow]" in markup
    assert markup.startswith("…") and markup.endswith("…")
    assert len(markup) < len(text)
    assert review_cli.parse_value("30") == 30 and review_cli.parse_value('"signed"') == "signed"
    assert review_cli.parse_value("Baku State University") == "Baku State University"
