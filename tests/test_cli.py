"""The `peyvand` command end to end, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from peyvand.cli import app

runner = CliRunner()


def test_extract_json_prints_the_contract(example_files: list[Path]) -> None:
    path = next(p for p in example_files if p.name.startswith("fa-02"))
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    contract = json.loads(result.stdout)
    assert contract["schema"] == "peyvand.extraction/1"
    assert contract["document"]["language"] == "fa"
    assert {"IRN", "AZE"} <= {a["id"] for a in contract["actors"]}


def test_extract_of_a_missing_file_names_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt"), "--json"])
    assert result.exit_code == 2
    assert "nope.txt" in result.output and "no such file" in result.output


def test_ingest_then_stats(tmp_path: Path, examples_dir: Path, example_files: list[Path]) -> None:
    db = str(tmp_path / "obs")
    first = runner.invoke(app, ["ingest", str(examples_dir), "--db", db])
    assert first.exit_code == 0, first.output
    assert f"stored {len(example_files)}, duplicates 0, near-duplicates 0, failed 0" in first.output
    again = runner.invoke(app, ["ingest", str(examples_dir), "--db", db])
    assert f"stored 0, duplicates {len(example_files)}, near-duplicates 0, failed 0" in again.output
    stats = runner.invoke(app, ["stats", "--db", db])
    assert stats.exit_code == 0
    assert f"documents: {len(example_files)}" in stats.output
    assert "fa" in stats.output and "actor" in stats.output


def test_ingest_reports_a_bad_file_and_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ok.txt").write_text("Iran and Azerbaijan signed a memorandum.")
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\xff\x00binary")
    result = runner.invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "obs")])
    assert result.exit_code == 1
    assert "stored 1, duplicates 0, near-duplicates 0, failed 1" in result.output
    assert "bad.txt" in result.output and "binary" in result.output


def test_stats_without_an_observatory_says_so(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PEYVAND_DATABASE_URL", raising=False)
    result = runner.invoke(app, ["stats"])
    assert result.exit_code != 0
    assert "no observatory" in result.output


def test_demo_builds_the_observatory(tmp_path: Path, example_files: list[Path]) -> None:
    folder = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--dir", str(folder), "--no-serve"])
    assert result.exit_code == 0, result.output
    assert f"stored {len(example_files)}" in result.output
    assert (folder / "peyvand.sqlite").exists()
