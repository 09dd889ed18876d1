"""Shared helpers of the agreement, event and negation case tables (`cases/*.tsv`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from peyvand.extract import agreements, events
from peyvand.model import Document, Span
from peyvand.pipeline import Doc, Pipeline
from peyvand.text.normalize import normalize

CASES = Path(__file__).parent / "cases"
LANGUAGES = ("fa", "en", "az", "tr", "ru", "ar")


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    lang: str
    text: str
    expected: str
    note: str

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.lang}"


def load(name: str) -> list[Case]:
    cases = []
    path = CASES / name
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == 4, f"{name}:{number}: expected 4 columns, got {len(cells)}"
        lang, text, expected, note = cells
        assert lang in LANGUAGES, f"{name}:{number}: unknown language {lang!r}"
        cases.append(Case(name, number, lang, text, expected.strip(), note))
    return cases


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """The default pipeline with the agreements and events components."""
    built = Pipeline()
    built.register("agreements", agreements.component)
    built.register("events", events.component)
    return built


def run(case: Case) -> Doc:
    return pipeline().run(Document(text=case.text, language=case.lang))


def items(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(" ; ") if item.strip()]


def split_words(item: str) -> tuple[str, str | None]:
    """("TYPE A>B", "words") from "TYPE A>B @words"."""
    head, at, words = item.partition("@")
    return head.strip(), (words.strip() if at else None)


def check_evidence(doc: Doc, span: Span, words: str | None) -> None:
    """The evidence lies inside one sentence and (when given) holds ``words``."""
    text = doc.text
    assert 0 <= span.start < span.end <= len(text), span
    assert any(s <= span.start and span.end <= e for s, e in doc.sentences), (
        f"evidence {text[span.start : span.end]!r} crosses a sentence boundary"
    )
    assert text[span.start : span.end].strip() == text[span.start : span.end]
    if words is not None:
        evidence = normalize(text[span.start : span.end]).text
        assert normalize(words).text in evidence, f"{words!r} not in {evidence!r}"
