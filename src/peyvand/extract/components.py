"""The built-in pipeline components; each factory builds its heavy parts once per pipeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from peyvand.model import Actor, DateRecord, QuantityRecord, Site, Span
from peyvand.vocab import ActorType

if TYPE_CHECKING:
    from peyvand.pipeline import Component, ComponentFactory, Doc, Pipeline
    from peyvand.registry.registry import Registry


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


def registry(pipeline: Pipeline) -> Registry:
    from peyvand.registry.registry import Registry

    built: Registry = pipeline.shared(
        "registry", lambda: Registry(pipeline.data, pipeline.user_actors)
    )
    return built


def actors(pipeline: Pipeline) -> Component:
    """Linked actors (contract `actors`) and heritage sites named in the text (`sites`)."""
    from peyvand.registry.name_bounds import word_end
    from peyvand.registry.name_nesting import NESTED_COUNTRIES, nest
    from peyvand.registry.unlinked import UnlinkedFinder

    reg = registry(pipeline)
    unlinked = UnlinkedFinder(pipeline.data)

    def run(doc: Doc) -> None:
        found: dict[str, Actor] = {}
        sites: list[Site] = []
        links = reg.link(doc.view, doc.lang)
        # names that look like actors by their head word but are not in the registry:
        # reported with a null id rather than dropped; the longest name wins, so a link
        # inside one is no mention of its own (GUIDELINES, general span rule 4)
        taken = [(link.start, link.end) for link in links]
        countries = [(link.start, link.end) for link in links if link.actor.type == "country"]
        candidates = unlinked.find(doc.view, doc.lang, taken, countries)
        kept, nested = nest(links, candidates)
        doc.stash[NESTED_COUNTRIES] = [
            (link.start, link.end, link.actor.id) for link in nested if link.actor.type == "country"
        ]
        for link in kept:
            info = link.actor
            if info.type == "site":
                sites.append(Site(info.name, Span(link.start, link.end), info.country))
                continue
            actor = found.get(info.id)
            if actor is None:
                actor = Actor(info.id, ActorType(info.type), info.name)
                found[info.id] = actor
            actor.mentions.append(Span(link.start, link.end))
        unknown: dict[tuple[str, str], Actor] = {}
        for candidate in candidates:
            if candidate.type == "site":
                sites.append(Site(candidate.name, Span(candidate.start, candidate.end)))
                continue
            # the mention is the whole word with its endings («Teatrlarının»), and the
            # actor is named by its first mention as written (GUIDELINES, span rule 2)
            end = word_end(doc.text, candidate.end)
            key = (candidate.type, candidate.refers or candidate.name)  # «Aydın'a»: Barış Aydın
            actor = unknown.get(key)
            if actor is None:
                actor = Actor(None, ActorType(candidate.type), doc.text[candidate.start : end])
                unknown[key] = actor
            actor.mentions.append(Span(candidate.start, end))
        everyone = [*found.values(), *unknown.values()]
        doc.extraction.actors = sorted(everyone, key=lambda a: a.mentions[0])
        doc.extraction.sites = sorted(sites, key=lambda s: s.evidence)

    return run


def dates(pipeline: Pipeline) -> Component:
    from peyvand.text.dates import DateFinder

    finder = pipeline.shared("dates", lambda: DateFinder(pipeline.data))

    def run(doc: Doc) -> None:
        found = [
            DateRecord(m.value, m.calendar, m.text, Span(m.start, m.end), m.precision)
            for m in finder.find(doc.text, doc.lang, doc.document.published)
        ]
        found += bare_years(doc, found)
        doc.extraction.dates = sorted(found, key=lambda d: d.span)

    return run


_FOUR_DIGITS = regex.compile(r"(?<![\w.,/٫٬-])\d{4}(?![\w.,/٫٬%٪-]|\s*(?:%|٪))")


def bare_years(doc: Doc, dates: list[DateRecord]) -> list[DateRecord]:
    """Four-digit years the date grammar had no cue for ("in 2022", «از ۱۳۹۶ تاکنون»).

    Which numbers are years is `calendars.bare_year_calendar`. A number glued to a word, a
    unit or a decimal point is not a year.
    """
    from peyvand.text.calendars import bare_year_calendar, year_value

    taken = [(d.span.start, d.span.end) for d in dates]
    years = []
    for match in _FOUR_DIGITS.finditer(doc.text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        value = int(match.group())
        calendar = bare_year_calendar(value, doc.lang)
        if calendar is None:
            continue
        years.append(
            DateRecord(
                year_value(calendar, value), calendar, match.group(), Span(start, end), "year"
            )
        )
    return years


def quantities(pipeline: Pipeline) -> Component:
    from peyvand.extract.quantity_filter import QuantityFilter
    from peyvand.text.numbers import NumberFinder

    finder = pipeline.shared("numbers", lambda: NumberFinder(pipeline.data))
    counts_nothing = QuantityFilter(pipeline.data)

    def run(doc: Doc) -> None:
        taken = [(d.span.start, d.span.end) for d in doc.extraction.dates]
        found = [
            QuantityRecord(q.value, q.unit, q.approx, q.text, Span(q.start, q.end), q.qualifier)
            for q in finder.find(doc.text, doc.lang)
            if not any(q.start < end and start < q.end for start, end in taken)
        ]
        doc.extraction.quantities = [q for q in found if counts_nothing.keep(q, doc.view, doc.lang)]

    return run


def agreements(pipeline: Pipeline) -> Component:
    from peyvand.extract.agreements import component

    return component(pipeline)


def events(pipeline: Pipeline) -> Component:
    from peyvand.extract.events import component

    return component(pipeline)


def claims(pipeline: Pipeline) -> Component:
    from peyvand.extract.claims import component

    return component(pipeline)


def institutions(pipeline: Pipeline) -> Component:
    from peyvand.extract.institutions import component

    return component(pipeline)


FACTORIES: dict[str, ComponentFactory] = {
    "language": language,
    "normalize": normalized,
    "sentences": sentences,
    "actors": actors,
    "dates": dates,
    "quantities": quantities,
    "agreements": agreements,
    "events": events,
    "claims": claims,
    "institutions": institutions,
}
