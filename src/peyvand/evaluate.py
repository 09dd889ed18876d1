"""Score extraction against gold annotations: precision, recall and F1 per kind and language.

Gold files have the shape of the extraction contract (`<stem>.json` beside a document
`<stem>.txt`/`.md`). A predicted item counts as correct when an unmatched gold item of the
same kind overlaps its span and agrees on what identifies it: countries and other linked
actors by id, unlinked actors, sites and institutions by normalized name, dates by value,
quantities and claims by value and unit, agreements by parties and count, events by type,
source and target (`tests/gold/RECORDS.md`). Each gold item is matched at most once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peyvand.extract.contract import to_contract
from peyvand.ingest.files import read_document
from peyvand.pipeline import Pipeline
from peyvand.text.normalize import normalize

KINDS = (
    "actors", "dates", "quantities", "sites",
    "agreements", "events", "claims", "institutions",
)  # fmt: skip
SYMMETRIC_EVENTS = frozenset({"SIGN_AGREEMENT", "EXCHANGE", "CO_PRODUCTION"})
Item = tuple[int, int, Any]  # start, end, identity


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass(slots=True)
class Mistake:
    document: str
    kind: str
    error: str  # "missed" (false negative) or "spurious" (false positive)
    text: str
    identity: Any


@dataclass(slots=True)
class Report:
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)  # (kind, lang)
    mistakes: list[Mistake] = field(default_factory=list)
    documents: int = 0

    def score(self, kind: str, lang: str | None = None) -> Score:
        total = Score()
        for (k, g), s in self.scores.items():
            if k == kind and (lang is None or g == lang):
                total.add(s)
        return total

    def merge(self, other: Report) -> Report:
        for key, score in other.scores.items():
            self.scores.setdefault(key, Score()).add(score)
        self.mistakes.extend(other.mistakes)
        self.documents += other.documents
        return self

    @property
    def languages(self) -> list[str]:
        return sorted({lang for _, lang in self.scores})


def _name(value: str | None) -> str:
    return normalize(value or "").text.strip()


def _actor_items(contract: dict[str, Any]) -> list[Item]:
    items = []
    for actor in contract.get("actors", []):
        identity = actor["id"] if actor.get("id") else ("name", _name(actor.get("name")))
        for start, end in actor.get("mentions", []):
            items.append((start, end, identity))
    return items


EXTRACTORS: dict[str, Callable[[dict[str, Any]], list[Item]]] = {
    "actors": _actor_items,
    "dates": lambda c: [(*d["span"], d["value"]) for d in c.get("dates", [])],
    "quantities": lambda c: [
        (*q["span"], (float(q["value"]), q["unit"])) for q in c.get("quantities", [])
    ],
    "sites": lambda c: [(*s["evidence"], _name(s["name"])) for s in c.get("sites", [])],
    "agreements": lambda c: [
        (*a["evidence"], (frozenset(a["parties"]), a.get("count"))) for a in c.get("agreements", [])
    ],
    "events": lambda c: [(*e["evidence"], _event_identity(e)) for e in c.get("events", [])],
    "claims": lambda c: [
        (*m["evidence"], (float(m["value"]), m["unit"])) for m in c.get("claims", [])
    ],
    "institutions": lambda c: [
        (*i["evidence"], _name(i["name"])) for i in c.get("institutions", [])
    ],
}


def _event_identity(event: dict[str, Any]) -> tuple[str, Any]:
    """Type, source and target; the pair is a set for acts with no direction (signing)."""
    if event["type"] in SYMMETRIC_EVENTS:
        return event["type"], frozenset({event.get("source"), event.get("target")})
    return event["type"], (event.get("source"), event.get("target"))


def compare(gold: list[Item], predicted: list[Item]) -> tuple[Score, list[Item], list[Item]]:
    """One-to-one matching by overlap and identity; returns score, missed and spurious."""
    unmatched = list(gold)
    spurious: list[Item] = []
    tp = 0
    for start, end, identity in sorted(predicted):
        hit = next((g for g in unmatched if g[2] == identity and g[0] < end and start < g[1]), None)
        if hit is None:
            spurious.append((start, end, identity))
        else:
            unmatched.remove(hit)
            tp += 1
    return Score(tp, len(spurious), len(unmatched)), unmatched, spurious


def find_document(docs_dir: Path, stem: str) -> Path | None:
    for suffix in (".txt", ".md", ""):
        candidate = docs_dir / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def evaluate(
    gold_dir: Path, docs_dir: Path, pipeline: Pipeline | None = None, kinds: Iterable[str] = KINDS
) -> Report:
    """Run the pipeline over every document that has a gold file and score it."""
    pipeline = pipeline or Pipeline()
    report = Report()
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise FileNotFoundError(f"no gold files (*.json) in {gold_dir}")
    for gold_path in gold_files:
        doc_path = find_document(docs_dir, gold_path.stem)
        if doc_path is None:
            raise FileNotFoundError(
                f"{gold_path.name}: no document {gold_path.stem}.* in {docs_dir}"
            )
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        document = read_document(doc_path)
        predicted = to_contract(pipeline.extract(document))
        lang = gold.get("document", {}).get("language") or predicted["document"]["language"]
        report.documents += 1
        for kind in kinds:
            if kind not in gold:
                continue  # not annotated in this file: not scored
            score, missed, spurious = compare(EXTRACTORS[kind](gold), EXTRACTORS[kind](predicted))
            report.scores.setdefault((kind, lang), Score()).add(score)
            for error, items in (("missed", missed), ("spurious", spurious)):
                for start, end, identity in items:
                    report.mistakes.append(
                        Mistake(gold_path.stem, kind, error, document.text[start:end], identity)
                    )
    return report
