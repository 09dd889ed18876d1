"""README documents every command with a runnable example, and the two set-up commands."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from peyvand.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_has_a_section_and_an_example() -> None:
    commands = set(get_command(app).commands)  # type: ignore[attr-defined]
    assert commands >= {"extract", "ingest", "stats", "serve", "demo"}
    for name in commands:
        assert f"### `peyvand {name}`" in README, f"README lacks a section for {name}"
        assert re.search(rf"^peyvand {name}\b", README, re.MULTILINE), f"no example of {name}"
    registry = get_command(app).commands["registry"]  # type: ignore[attr-defined]
    for sub in registry.commands:
        assert re.search(rf"^peyvand registry {sub}\b", README, re.MULTILINE), sub
    coding = get_command(app).commands["coding"]  # type: ignore[attr-defined]
    for sub in coding.commands:
        assert re.search(rf"^peyvand coding {sub}\b", README, re.MULTILINE), sub


def test_setup_commands_are_the_makefile_targets_ci_runs() -> None:
    root = Path(__file__).resolve().parents[1]
    makefile = (root / "Makefile").read_text()
    ci = (root / ".ci" / "run").read_text()
    assert "make demo" in README and "make test" in README
    assert re.search(r"^demo:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)
    assert "make test" in ci


def test_example_paths_in_readme_exist() -> None:
    root = Path(__file__).resolve().parents[1]
    for path in re.findall(r"(src/peyvand/examples/[\w.-]+\.txt)", README):
        assert (root / path).exists(), path
