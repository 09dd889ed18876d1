"""The `peyvand extract --json` contract of DESIGN.md (schema ``peyvand.extraction/1``)."""

from __future__ import annotations

from typing import Any

from peyvand.model import Extraction

SCHEMA = "peyvand.extraction/1"


def to_contract(extraction: Extraction) -> dict[str, Any]:
    """The JSON-ready object; unknown fields are ``None``, never guessed."""
    doc = extraction.document
    return {
        "schema": SCHEMA,
        "document": {
            "language": doc.language,
            "title": doc.title,
            "published": doc.published.isoformat() if doc.published else None,
            "length": len(doc.text),
        },
        "actors": [
            {
                "id": a.id,
                "type": a.type.value,
                "name": a.name,
                "mentions": [m.as_list() for m in a.mentions],
            }
            for a in extraction.actors
        ],
        "dates": [
            {
                "value": d.value,
                "calendar": d.calendar,
                "precision": d.precision,
                "text": d.text,
                "span": d.span.as_list(),
            }
            for d in extraction.dates
        ],
        "quantities": [
            {
                "value": q.value,
                "unit": q.unit,
                "approx": q.approx,
                "qualifier": q.qualifier,
                "text": q.text,
                "span": q.span.as_list(),
            }
            for q in extraction.quantities
        ],
        "agreements": [
            {
                "parties": a.parties,
                "domains": [d.value for d in a.domains],
                "count": a.count,
                "approx": a.approx,
                "status": a.status.value,
                "date": a.date,
                "confidence": a.confidence,
                "evidence": a.evidence.as_list(),
            }
            for a in extraction.agreements
        ],
        "events": [
            {
                "type": e.type.value,
                "plover": e.type.plover.value,
                "polarity": e.type.polarity,
                "source": e.source,
                "target": e.target,
                "domain": e.domain.value if e.domain else None,
                "date": e.date,
                "confidence": e.confidence,
                "evidence": e.evidence.as_list(),
            }
            for e in extraction.events
        ],
        "claims": [
            {
                "subject": c.subject,
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "claimant": c.claimant,
                "confidence": c.confidence,
                "evidence": c.evidence.as_list(),
            }
            for c in extraction.claims
        ],
        "institutions": [
            {
                "name": i.name,
                "host": i.host,
                "sponsor": i.sponsor,
                "status": i.status,
                "confidence": i.confidence,
                "evidence": i.evidence.as_list(),
            }
            for i in extraction.institutions
        ],
        "sites": [
            {
                "name": s.name,
                "country": s.country,
                "status": s.status,
                "confidence": s.confidence,
                "evidence": s.evidence.as_list(),
            }
            for s in extraction.sites
        ],
    }
