"""`peyvand claims`, `peyvand merges` and `peyvand coding …` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peyvand.cli import app
from peyvand.observatory import Observatory
from peyvand.review.coding import Coding

runner = CliRunner()

STORY = ("fa-02-cinema-memorandum.txt", "en-01-cinema-memorandum.txt", "az-01-kino-memorandumu.txt")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEYVAND_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PEYVAND_REVIEWER", "lead")


def _store(tmp_path: Path, examples_dir: Path, *names: str) -> str:
    db = str(tmp_path / "observatory")
    observatory = Observatory.open(db)
    observatory.ingest([examples_dir / name for name in names])
    observatory.close()
    return db


def test_commands_refuse_a_missing_observatory(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere")
    for args in (["claims"], ["merges"], ["coding", "report"]):
        result = runner.invoke(app, [*args, "--db", missing])
        assert result.exit_code == 2, args
        assert "no observatory" in result.output
    assert not (tmp_path / "nowhere").exists()


def test_claims_conflicts_as_json(tmp_path: Path, examples_dir: Path) -> None:
    db = _store(
        tmp_path, examples_dir, "fa-01-cultural-documents.txt", "en-02-thirty-agreements.txt"
    )
    result = runner.invoke(app, ["claims", "--conflicts", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)
    (agreements,) = [g for g in groups if g["key"] == "number of cultural agreements aze-irn"]
    assert {e["value"] for e in agreements["entries"]} == {30, 50}
    assert all(e["quote"] and e["source"] for e in agreements["entries"])
    assert all(g["conflicting_units"] for g in groups)
    wide = runner.invoke(app, ["claims", "--conflicts", "--tolerance", "0.5", "--json", "--db", db])
    assert json.loads(wide.output) == []  # at 50% tolerance 30 and about 50 agree
    table = runner.invoke(app, ["claims", "--db", db])
    assert "conflict" in table.output and "number of cultural agreements" in table.output


def test_merges_propose_list_and_accept(tmp_path: Path, examples_dir: Path) -> None:
    db = _store(tmp_path, examples_dir, *STORY)
    listed = runner.invoke(app, ["merges", "--propose", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert "new proposals" in listed.output and "same parties AZE–IRN" in listed.output
    assert "19 June 2019" in listed.output  # both quotes are shown
    accepted = runner.invoke(app, ["merges", "--accept", "1", "--db", db])
    assert accepted.exit_code == 0, accepted.output
    assert "proposal 1 accepted" in accepted.output
    again = runner.invoke(app, ["merges", "--accept", "1", "--db", db])
    assert again.exit_code == 2 and "already accepted" in again.output
    rejected = runner.invoke(app, ["merges", "--reject", "2", "--reviewer", "ana", "--db", db])
    assert rejected.exit_code == 0 and "proposal 2 rejected" in rejected.output
    assert "#2 " not in rejected.output


def test_coding_from_assignment_to_adjudication(tmp_path: Path, examples_dir: Path) -> None:
    db = _store(tmp_path, examples_dir, "fa-02-cinema-memorandum.txt")
    assigned = runner.invoke(
        app, ["coding", "assign", "--share", "1", "--coders", "alice,bob", "--kind", "claim",
              "--db", db],
    )  # fmt: skip
    assert assigned.exit_code == 0, assigned.output
    assert "2 records assigned to alice and bob" in assigned.output
    queue = runner.invoke(app, ["coding", "queue", "alice", "--db", db])
    ids = [int(line.split()[0]) for line in queue.output.splitlines() if "(first)" in line]
    assert len(ids) == 2
    for record_id, (a, b) in zip(ids, [("accept", "reject"), ("accept", "accept")], strict=True):
        for coder, decision in (("alice", a), ("bob", b)):
            done = runner.invoke(
                app,
                ["coding", "code", str(record_id), "--decision", decision, "--coder", coder,
                 "--db", db],
            )  # fmt: skip
            assert done.exit_code == 0, done.output
    report = runner.invoke(app, ["coding", "report", "--db", db])
    assert "claim" in report.output and "0.500" in report.output  # 1 of 2 agree
    bad = runner.invoke(app, ["coding", "assign", "--share", "1", "--coders", "alice", "--db", db])
    assert bad.exit_code == 2 and "two names" in bad.output
    sent = runner.invoke(app, ["coding", "adjudicate", "--to", "carol", "--db", db])
    assert "1 of 1 disagreements sent to carol" in sent.output
    carol = runner.invoke(app, ["coding", "queue", "carol", "--db", db])
    assert "alice: accept" in carol.output and "bob: reject" in carol.output
    final = runner.invoke(
        app, ["coding", "code", str(ids[0]), "--decision", "accept", "--coder", "carol", "--db", db]
    )
    assert final.exit_code == 0, final.output
    assert "adjudicated by carol: now accepted" in final.output
    settled = runner.invoke(app, ["coding", "settle", "--db", db])
    assert "1 agreed records settled" in settled.output
    observatory = Observatory.open(db)
    assert Coding(observatory.engine).disagreements() == []
    observatory.close()
