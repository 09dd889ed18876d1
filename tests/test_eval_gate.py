"""The quality gate: extraction scored on the annotated corpus must not fall below the floors
pinned in `tests/eval_floors.json`. A change that lowers quality fails here, loudly; a change
that raises it should raise the floors in the same commit.

The floors also pin a digest of the gold corpus, so the floors and the annotations they were
measured on change together.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from peyvand.evaluate import Report, evaluate
from peyvand.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
DOCS = ROOT / "src" / "peyvand" / "examples"
CORPUS_GOLD = ROOT / "tests" / "corpus" / "gold"
CORPUS_DOCS = ROOT / "tests" / "corpus" / "docs"
SETS = ((GOLD, DOCS), (CORPUS_GOLD, CORPUS_DOCS))  # the examples and the annotated corpus
FLOORS_FILE = ROOT / "tests" / "eval_floors.json"


def _floors() -> dict[str, Any]:
    if not FLOORS_FILE.exists():
        return {"corpus": None, "floors": {}}
    loaded: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return loaded


FLOORS = _floors()


def corpus_digest() -> str:
    digest = hashlib.sha256()
    for gold, docs in SETS:
        for path in sorted(gold.glob("*.json")) + sorted(docs.glob("*.txt")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def evaluate_all(pipeline: Pipeline | None = None) -> Report:
    pipeline = pipeline or Pipeline()
    report = Report()
    for gold, docs in SETS:
        report.merge(evaluate(gold, docs, pipeline))
    return report


@pytest.fixture(scope="module")
def report(pipeline) -> Report:  # type: ignore[no-untyped-def]
    return evaluate_all(pipeline)


def test_floors_were_measured_on_this_corpus() -> None:
    assert FLOORS_FILE.exists(), "no tests/eval_floors.json: run tests/gold/pin_floors.py"
    assert FLOORS["corpus"] == corpus_digest(), (
        "the gold corpus or the examples changed: re-run `peyvand eval tests/gold "
        "src/peyvand/examples`, and pin the new figures with tests/gold/pin_floors.py"
    )


@pytest.mark.parametrize(
    ("kind", "lang", "metric"),
    [
        (kind, lang, metric)
        for kind, by_lang in FLOORS["floors"].items()
        for lang, metrics in by_lang.items()
        for metric in metrics
    ],
)
def test_quality_floor(report: Report, kind: str, lang: str, metric: str) -> None:
    score = report.score(kind, None if lang == "all" else lang)
    value = getattr(score, metric)
    floor = FLOORS["floors"][kind][lang][metric]
    assert value >= floor, f"{kind}/{lang} {metric} fell to {value:.3f} (floor {floor:.3f})"
