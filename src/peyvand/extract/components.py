"""The built-in pipeline components; each factory builds its heavy parts once per pipeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from peyvand.model import Actor, DateRecord, QuantityRecord, Span
from peyvand.vocab import ActorType

if TYPE_CHECKING:
    from peyvand.pipeline import Component, ComponentFactory, Doc, Pipeline
    from peyvand.registry.matcher import NameMatcher


def language(pipeline: Pipeline) -> Component:
    from peyvand.text.lang import LanguageIdentifier

    identifier = pipeline.shared("lang", lambda: LanguageIdentifier(pipeline.data))

    def run(doc: Doc) -> None:
        doc.lang = doc.document.language or identifier.detect(doc.text)
        if doc.document.language is None:
            doc.document.language = doc.lang

    return run


def normalized(pipeline: Pipeline) -> Component:
    def run(doc: Doc) -> None:
        doc.norm = None
        _ = doc.view  # built here once, with the language's case rules

    return run


def sentences(pipeline: Pipeline) -> Component:
    from peyvand.text.segment import SentenceSplitter

    splitter = SentenceSplitter(pipeline.data)

    def run(doc: Doc) -> None:
        doc.sentences = splitter.split(doc.text, doc.lang)

    return run


def country_matcher(pipeline: Pipeline) -> NameMatcher:
    from peyvand.registry.countries import CountryCatalog
    from peyvand.registry.matcher import NameEntry, NameMatcher

    def build() -> NameMatcher:
        catalog = pipeline.shared("countries", lambda: CountryCatalog(pipeline.data))
        entries = [NameEntry(n.id, n.name, n.lang, n.kind) for n in catalog.names()]
        return NameMatcher(entries, pipeline.data)

    matcher: NameMatcher = pipeline.shared("country_matcher", build)
    return matcher


def actors(pipeline: Pipeline) -> Component:
    from peyvand.registry.countries import BLOCKED, CountryCatalog

    matcher = country_matcher(pipeline)
    catalog: CountryCatalog = pipeline.shared("countries", lambda: CountryCatalog(pipeline.data))

    def run(doc: Doc) -> None:
        found: dict[str, Actor] = {}
        for match in matcher.find(doc.view):
            if match.actor_id == BLOCKED:
                continue
            actor = found.get(match.actor_id)
            if actor is None:
                actor = Actor(
                    match.actor_id, ActorType.COUNTRY, catalog.english_name(match.actor_id)
                )
                found[match.actor_id] = actor
            actor.mentions.append(Span(match.start, match.end))
        doc.extraction.actors = sorted(found.values(), key=lambda a: a.mentions[0])

    return run


def dates(pipeline: Pipeline) -> Component:
    from peyvand.text.dates import DateFinder

    finder = pipeline.shared("dates", lambda: DateFinder(pipeline.data))

    def run(doc: Doc) -> None:
        doc.extraction.dates = [
            DateRecord(m.value, m.calendar, m.text, Span(m.start, m.end), m.precision)
            for m in finder.find(doc.text, doc.lang, doc.document.published)
        ]

    return run


def quantities(pipeline: Pipeline) -> Component:
    from peyvand.text.numbers import NumberFinder

    finder = pipeline.shared("numbers", lambda: NumberFinder(pipeline.data))

    def run(doc: Doc) -> None:
        taken = [(d.span.start, d.span.end) for d in doc.extraction.dates]
        doc.extraction.quantities = [
            QuantityRecord(q.value, q.unit, q.approx, q.text, Span(q.start, q.end), q.qualifier)
            for q in finder.find(doc.text, doc.lang)
            if not any(q.start < end and start < q.end for start, end in taken)
        ]

    return run


FACTORIES: dict[str, ComponentFactory] = {
    "language": language,
    "normalize": normalized,
    "sentences": sentences,
    "actors": actors,
    "dates": dates,
    "quantities": quantities,
}
