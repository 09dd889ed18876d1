"""Extraction output of every bundled example is pinned as a golden file.

A change that alters any extracted record shows up here as a readable diff. When the change
is intended, regenerate with ``PEYVAND_UPDATE_GOLDEN=1 make test`` and review the diff of
``tests/extract/golden/`` in the commit.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from peyvand.extract.contract import to_contract
from peyvand.ingest.files import read_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "src" / "peyvand" / "examples").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden"


def _render(contract: dict[str, object]) -> str:
    return json.dumps(contract, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_extraction_matches_golden_file(path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    actual = _render(to_contract(pipeline.extract(read_document(path))))
    golden = GOLDEN / f"{path.stem}.json"
    if os.environ.get("PEYVAND_UPDATE_GOLDEN") == "1":
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with PEYVAND_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{golden.name}",
                "extracted now",
                n=2,
            )
        )
        pytest.fail(f"extraction of {path.name} changed:\n{diff[:6000]}")


def test_every_golden_file_has_its_example() -> None:
    stems = {p.stem for p in EXAMPLES}
    assert {g.stem for g in GOLDEN.glob("*.json")} <= stems
