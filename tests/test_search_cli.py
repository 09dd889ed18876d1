"""`peyvand search` end to end: a Persian name finds the examples in every language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peyvand.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> str:
    folder = str(tmp_path_factory.mktemp("search") / "obs")
    result = runner.invoke(app, ["ingest", str(examples_dir), "--db", folder])
    assert result.exit_code == 0, result.output
    return folder


def _hits(db: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["search", *args, "--json", "--limit", "100", "--db", db])
    assert result.exit_code in (0, 1), result.output
    hits: list[dict[str, object]] = json.loads(result.stdout)["hits"]
    return hits


def test_persian_name_finds_documents_in_other_languages(db: str) -> None:
    languages = {h["language"] for h in _hits(db, "آذربایجان", "--kind", "document")}
    assert {"fa", "en", "az", "tr", "ru"} <= languages


def test_filters_from_the_command_line(db: str) -> None:
    hits = _hits(db, "cinema", "--lang", "en", "--kind", "agreement", "--pair", "IRN,AZE")
    assert hits
    assert all(h["kind"] == "record" and h["record_kind"] == "agreement" for h in hits)
    assert all(h["language"] == "en" for h in hits)
    dated = _hits(db, "آذربایجان", "--since", "2019-06-01", "--until", "2019-06-30")
    assert dated and all(str(h["published"]).startswith("2019-06") for h in dated)


def test_human_output_shows_title_and_snippet(db: str) -> None:
    result = runner.invoke(app, ["search", "Novruz", "--db", db])
    assert result.exit_code == 0, result.output
    assert "document" in result.output and "Novruz" in result.output


def test_no_hits_exits_1_and_bad_options_exit_2(db: str, tmp_path: Path) -> None:
    none = runner.invoke(app, ["search", "zzzqqqxxx", "--db", db])
    assert none.exit_code == 1 and "no hits" in none.output
    bad_date = runner.invoke(app, ["search", "x", "--since", "June", "--db", db])
    assert bad_date.exit_code == 2 and "--since" in bad_date.output
    bad_pair = runner.invoke(app, ["search", "x", "--pair", "AZE", "--db", db])
    assert bad_pair.exit_code == 2
    missing = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "no observatory" in missing.output
    assert not (tmp_path / "nowhere").exists()
