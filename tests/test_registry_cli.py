"""`peyvand registry …` end to end: search explains links; add and import extend linking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peyvand.cli import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEYVAND_CACHE_DIR", str(tmp_path / "cache"))


def test_search_explains_a_misspelling(tmp_path: Path) -> None:
    result = runner.invoke(app, ["registry", "search", "آذربایحان", "--db", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "AZE" in result.output and "fuzzy" in result.output


def test_search_of_an_unknown_name_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["registry", "search", "Zzyzx", "--db", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "links to no actor" in result.output


def test_added_actor_is_linked_by_later_ingests(tmp_path: Path) -> None:
    db = str(tmp_path / "o")
    added = runner.invoke(
        app,
        ["registry", "add", "--id", "az-nur-institute", "--type", "institution",
         "--name", "Nur Institute", "--alias", "fa:موسسه فرهنگی نور", "--country", "AZE",
         "--sponsor", "IRN", "--db", db],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    doc = tmp_path / "news.txt"
    doc.write_text("فعالیت موسسه فرهنگي نور در باکو متوقف شد.", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(doc), "--db", db]).exit_code == 0
    search = runner.invoke(app, ["registry", "search", "موسسه فرهنگی نور", "--db", db])
    assert "az-nur-institute" in search.output
    from peyvand.observatory import Observatory

    observatory = Observatory.open(db)
    mentions = observatory.repository.mentions_of(1)
    assert any(m["value"] == "az-nur-institute" for m in mentions), mentions
    observatory.close()


def test_add_refuses_a_bad_alias(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["registry", "add", "--id", "x-a", "--type", "institution", "--name", "A",
         "--alias", "no-colon", "--db", str(tmp_path / "o")],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "LANG:NAME" in result.output


def test_import_is_all_or_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "o")
    good = tmp_path / "good.yaml"
    good.write_text(
        "- id: tr-ankara-cultural-house\n  type: institution\n  name: Ankara Culture House\n"
        "  country: TUR\n  names:\n    tr: [Ankara Kültür Evi]\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- id: ok-one\n  type: institution\n  name: One\n- id: Bad Id\n  type: nothing\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["registry", "import", str(bad), "--db", db])
    assert result.exit_code == 2
    assert "bad.yaml" in result.output and "Bad Id" in result.output
    result = runner.invoke(app, ["registry", "import", str(good), "--db", db])
    assert result.exit_code == 0 and "imported 1" in result.output
    search = runner.invoke(app, ["registry", "search", "Ankara Kültür Evi", "--db", db])
    assert "tr-ankara-cultural-house" in search.output
    from peyvand.observatory import Observatory

    observatory = Observatory.open(db)
    ids = [e.id for e in observatory.registry_store.entries()]
    assert ids == ["tr-ankara-cultural-house"]  # nothing of the bad file was stored
    observatory.close()


def test_extract_json_lists_curated_actors_and_sites(example_files: list[Path]) -> None:
    path = next(p for p in example_files if p.name.startswith("fa-06"))
    contract = json.loads(runner.invoke(app, ["extract", str(path), "--json"]).stdout)
    assert any(a["type"] == "organization" for a in contract["actors"])
    assert contract["sites"], "the Armenian monasteries are heritage sites"
    text_len = contract["document"]["length"]
    for site in contract["sites"]:
        start, end = site["evidence"]
        assert 0 <= start < end <= text_len
