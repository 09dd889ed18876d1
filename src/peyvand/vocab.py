"""The closed vocabularies of DESIGN.md, in one place.

Extend with care: stored records, exports and the annotated corpus all refer to these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Domain(StrEnum):
    PUBLISHING = "publishing"
    EDUCATION = "education"
    RESEARCH = "research"
    BROADCASTING = "broadcasting"
    CINEMA = "cinema"
    PRESS = "press"
    HERITAGE = "heritage"
    RELIGION = "religion"
    ARTS = "arts"
    LANGUAGE = "language"
    YOUTH_SPORT = "youth_sport"
    TOURISM = "tourism"
    OTHER = "other"


class Plover(StrEnum):
    """The nearest PLOVER event category of each of our event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    COOPERATE = "COOPERATE"
    SUPPORT = "SUPPORT"
    REJECT = "REJECT"
    SANCTION = "SANCTION"
    COERCE = "COERCE"
    ACCUSE = "ACCUSE"
    PROTEST = "PROTEST"


@dataclass(frozen=True, slots=True)
class EventKind:
    polarity: int
    plover: Plover


class EventType(StrEnum):
    SIGN_AGREEMENT = "SIGN_AGREEMENT"
    VISIT = "VISIT"
    EXCHANGE = "EXCHANGE"
    CULTURAL_EVENT = "CULTURAL_EVENT"
    BROADCAST = "BROADCAST"
    CO_PRODUCTION = "CO_PRODUCTION"
    PUBLICATION = "PUBLICATION"
    STATEMENT_SUPPORT = "STATEMENT_SUPPORT"
    BROADCAST_STOPPED = "BROADCAST_STOPPED"
    OBSTRUCTION = "OBSTRUCTION"
    CLOSURE = "CLOSURE"
    HERITAGE_DAMAGE = "HERITAGE_DAMAGE"
    ACCUSATION = "ACCUSATION"
    PROTEST = "PROTEST"

    @property
    def kind(self) -> EventKind:
        return EVENT_KINDS[self]

    @property
    def polarity(self) -> int:
        return EVENT_KINDS[self].polarity

    @property
    def plover(self) -> Plover:
        return EVENT_KINDS[self].plover


EVENT_KINDS: dict[EventType, EventKind] = {
    EventType.SIGN_AGREEMENT: EventKind(+1, Plover.AGREE),
    EventType.VISIT: EventKind(+1, Plover.CONSULT),
    EventType.EXCHANGE: EventKind(+1, Plover.COOPERATE),
    EventType.CULTURAL_EVENT: EventKind(+1, Plover.COOPERATE),
    EventType.BROADCAST: EventKind(+1, Plover.COOPERATE),
    EventType.CO_PRODUCTION: EventKind(+1, Plover.COOPERATE),
    EventType.PUBLICATION: EventKind(+1, Plover.COOPERATE),
    EventType.STATEMENT_SUPPORT: EventKind(+1, Plover.SUPPORT),
    EventType.BROADCAST_STOPPED: EventKind(-1, Plover.REJECT),
    EventType.OBSTRUCTION: EventKind(-1, Plover.REJECT),
    EventType.CLOSURE: EventKind(-1, Plover.SANCTION),
    EventType.HERITAGE_DAMAGE: EventKind(-1, Plover.COERCE),
    EventType.ACCUSATION: EventKind(-1, Plover.ACCUSE),
    EventType.PROTEST: EventKind(-1, Plover.PROTEST),
}


class AgreementStatus(StrEnum):
    PROPOSED = "proposed"
    SIGNED = "signed"
    IN_FORCE = "in_force"
    IMPLEMENTED = "implemented"
    PARTIALLY_IMPLEMENTED = "partially_implemented"
    NOT_IMPLEMENTED = "not_implemented"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    UNKNOWN = "unknown"


class ActorType(StrEnum):
    COUNTRY = "country"
    ORGANIZATION = "organization"
    INSTITUTION = "institution"
    PERSON = "person"
    MEDIA = "media"
    GROUP = "group"


class RecordKind(StrEnum):
    """The kinds of extracted record, as named in the extraction contract."""

    AGREEMENT = "agreement"
    EVENT = "event"
    CLAIM = "claim"
    INSTITUTION = "institution"
    SITE = "site"


class Calendar(StrEnum):
    GREGORIAN = "gregorian"
    JALALI = "jalali"
    HIJRI = "hijri"


LANGUAGES: tuple[str, ...] = ("fa", "en", "az", "tr", "ru", "ar")
"""Languages with full support, as ISO 639-1 codes."""
