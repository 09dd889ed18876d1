"""Typed domain records shared by every stage.

Spans are ``(start, end)`` Python string indices into a document's text as read (after
decoding, before normalization), so ``text[start:end]`` is always the evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from peyvand.vocab import ActorType, AgreementStatus, Domain, EventType


@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact words of one document behind a record."""

    document_id: int | None
    span: Span
    quote: str


def content_hash(text: str) -> str:
    """Identity of a document's text: the same text ingested twice is stored once."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    text: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    source: str | None = None
    encoding: str | None = None
    author: str | None = None
    format: str | None = None  # text | markdown | html | pdf | docx | feed | jsonl | csv
    id: int | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)


@dataclass(slots=True)
class Actor:
    id: str | None  # None: a named actor the registry does not know (an unlinked candidate)
    type: ActorType
    name: str
    mentions: list[Span] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DateRecord:
    value: str
    calendar: str
    text: str
    span: Span
    precision: str = "day"


@dataclass(frozen=True, slots=True)
class QuantityRecord:
    value: int | float
    unit: str
    approx: bool
    text: str
    span: Span
    qualifier: str | None = None


@dataclass(slots=True)
class Agreement:
    parties: list[str]
    evidence: Span
    domains: list[Domain] = field(default_factory=list)
    count: int | None = None
    approx: bool = False
    status: AgreementStatus = AgreementStatus.UNKNOWN
    date: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Event:
    type: EventType
    evidence: Span
    source: str | None = None
    target: str | None = None
    domain: Domain | None = None
    date: str | None = None
    confidence: float = 0.5

    @property
    def polarity(self) -> int:
        return self.type.polarity


@dataclass(slots=True)
class Claim:
    subject: str
    value: int | float
    unit: str
    evidence: Span
    qualifier: str | None = None
    claimant: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Institution:
    name: str
    evidence: Span
    host: str | None = None
    sponsor: str | None = None
    status: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Site:
    name: str
    evidence: Span
    country: str | None = None
    status: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Extraction:
    """Everything the pipeline found in one document: the `extract --json` contract."""

    document: Document
    actors: list[Actor] = field(default_factory=list)
    dates: list[DateRecord] = field(default_factory=list)
    quantities: list[QuantityRecord] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    institutions: list[Institution] = field(default_factory=list)
    sites: list[Site] = field(default_factory=list)
