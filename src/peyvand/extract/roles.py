"""Who did what to whom: the source and target countries of an event trigger.

The rules per event type are described in `peyvand.extract.events`; the cue words (agent,
patient, place, programme, carrier, institution, speaker, word order) are data in
``lang/<code>/event_roles.tsv``, read by `peyvand.extract.clauses.DocContext.marks`.
"""

from __future__ import annotations

from peyvand.extract.agreements import countries, has_pair
from peyvand.extract.clauses import BLOCKING, DocContext, Hit, Mention, Sentence
from peyvand.vocab import EventType

Roles = tuple[str | None, str | None]

SCHEME = {
    EventType.EXCHANGE: "symmetric",
    EventType.CO_PRODUCTION: "symmetric",
    EventType.VISIT: "visit",
    EventType.CULTURAL_EVENT: "host",
    EventType.PUBLICATION: "host",
    EventType.BROADCAST: "broadcast",
    EventType.BROADCAST_STOPPED: "broadcast",
    EventType.OBSTRUCTION: "institution",
    EventType.CLOSURE: "institution",
    EventType.STATEMENT_SUPPORT: "actor",
    EventType.ACCUSATION: "actor",
    EventType.PROTEST: "actor",
    EventType.HERITAGE_DAMAGE: "damage",
}


def _nearest(mentions: list[Mention], at: int) -> Mention | None:
    return min(mentions, key=lambda m: abs(m.start - at)) if mentions else None


def roles(
    ctx: DocContext,
    sentence: Sentence,
    trig: Hit,
    kind: EventType,
    clause: tuple[int, int],
    sites: list[tuple[int, str]],
) -> tuple[Roles, bool] | None:
    """(source, target) and whether they needed the whole sentence."""
    scheme = SCHEME[kind]
    if scheme == "damage":
        return _damage(ctx, sentence, clause, sites), False
    # what follows a modal word after the trigger ("... and proposed that X") is not
    # about this act
    end = min(
        [clause[1]]
        + [
            h.start
            for h in sentence.of("modality")
            if h.kind in BLOCKING and trig.end <= h.start < clause[1]
        ]
    )
    scopes = [sentence.within(clause[0], end)]
    if scheme != "visit":
        scopes.append([m for m in sentence.mentions if not clause[0] <= m.start < end])
    for whole, scope in enumerate(scopes):
        found = _assign(ctx, sentence, trig, kind, scheme, scope, clause)
        if found is None:
            continue
        if scheme == "actor" and found[1] is None and not whole:
            # the one accused or protested against may be named outside the clause
            rest = [m for m in scopes[-1] if m.type != "place" and m.country != found[0]]
            if ctx.cues.order != "sov":
                rest = [m for m in rest if m.start >= trig.end] or rest
            if rest:
                return (found[0], rest[0].country), True
        return found, bool(whole)
    return None


def _assign(
    ctx: DocContext,
    sentence: Sentence,
    trig: Hit,
    kind: EventType,
    scheme: str,
    mentions: list[Mention],
    clause: tuple[int, int],
) -> Roles | None:
    marks = {id(m): ctx.marks(sentence, m) for m in mentions}

    def having(role: str, but: str | None = None) -> list[Mention]:
        """Mentions the cues give ``role`` (a speaker, "according to X", has none)."""
        return [
            m
            for m in mentions
            if role in marks[id(m)]
            and m.country != but
            and (role == "speaker" or "speaker" not in marks[id(m)])
        ]

    def other(but: str | None, pool: list[Mention] | None = None) -> Mention | None:
        rest = [m for m in (mentions if pool is None else pool) if m.country != but]
        return _nearest(rest, trig.start)

    actors = [m for m in mentions if m.type != "place"]
    if scheme == "symmetric":
        named = countries(mentions)
        if len(named) < 2 and has_pair(sentence, *clause) and len(ctx.main_pair) == 2:
            named = list(ctx.main_pair)
        return (named[0], named[1]) if len(named) >= 2 else None
    target: str | None
    if scheme == "visit":  # «Ankara'yı ziyaret eden»: a capital is where one goes
        place = _nearest(having("place") + [m for m in mentions if m.capital], trig.start)
        target = place.country if place else None
        agent = _nearest(having("agent", target), trig.start)
        if agent is None and target is None:
            # no place word: the doer is the subject, the visited the other country
            agent = by_word_order(ctx, trig, [m for m in actors if "patient" not in marks[id(m)]])
        doer = agent or other(
            target, [m for m in actors if "place" not in marks[id(m)] and m is not place]
        )
        if doer is None:
            return None
        if target is None:
            later = [m for m in mentions if m.country != doer.country]
            if ctx.cues.order != "sov":
                later = [m for m in later if m.start >= trig.end] or later
            target = later[0].country if later else None
        return doer.country, target
    if scheme == "host":  # "Baku festival": a capital names where it happens
        place = _nearest(having("place") + [m for m in mentions if m.capital], trig.start)
        if place is None and has_pair(sentence, *clause) and len(ctx.main_pair) == 2:
            return ctx.main_pair_in_order()  # "in twenty cities of the two countries"
        target = place.country if place else None
        owner = other(target, [m for m in actors if "place" not in marks[id(m)] and m is not place])
        source = owner.country if owner else None
        return (source, target) if source or target else None
    if scheme == "broadcast":
        programme = next(iter(having("programme")), None)
        carrier = next(iter(having("carrier", programme.country if programme else None)), None)
        origin = programme.country if programme else None
        host = carrier.country if carrier else None
        named = countries(mentions)
        if origin is None and host is None and named:
            # "a Kuwaiti channel aired an Iranian film": the subject is the carrier
            speakers = [m for m in mentions if "speaker" in marks[id(m)]]
            subject = by_word_order(
                ctx, trig, [m for m in mentions if m.type != "place" and m not in speakers]
            )
            host = subject.country if subject else None
        if origin is None:
            origin = next((c for c in named if c != host), None)
        if host is None:
            host = next((c for c in named if c != origin), None)
        if origin is None and host is None:
            return None
        return host, origin  # the carrier did it, to the programme's country
    if scheme == "institution":
        run = next((m for m in mentions if m.host and m.host != m.country), None)
        if run is not None:
            return run.host, run.country
        victim = next(iter(having("institution") or having("patient")), None)
        if victim is None:
            return None
        doer = next(iter(having("place", victim.country) or having("agent", victim.country)), None)
        doer = doer or other(victim.country, actors)
        return (doer.country if doer else None), victim.country
    # actor: statements, accusations, protests
    patient = _nearest(having("patient"), trig.start)
    free = [m for m in actors if not marks[id(m)] & {"patient", "place", "speaker"}]
    agent = next(iter(having("agent")), None)
    marked_only = "agent" in trig.value(2, "-").split("|")
    if agent is None and not marked_only:
        agent = by_word_order(ctx, trig, free)  # a noun ("criticism") has no subject
    if agent is None and kind != EventType.STATEMENT_SUPPORT:
        agent = _nearest(having("place"), trig.start)  # "criticism in Tehran"
    source = agent.country if agent else None
    if source is None and patient is not None and patient.host:
        source = patient.host  # a protest at a consulate in Tabriz comes from Iran
    if source is None and marked_only:
        return None
    if source is None and kind == EventType.STATEMENT_SUPPORT:
        return None  # support stated by no one we can name
    if patient is not None and patient.country != source:
        target = patient.country
    else:
        later = [m for m in actors if m.country != source]
        if ctx.cues.order != "sov":
            later = [m for m in later if m.start >= trig.end] or later
            target = later[0].country if later else None
        else:  # SOV: the partner stands just before the verb («با تهران حمایت می کند»)
            near = _nearest(later, trig.start)
            target = near.country if near else None
    return (source, target) if source or target else None


def by_word_order(ctx: DocContext, trig: Hit, free: list[Mention]) -> Mention | None:
    """The doer by word order: SVO, the nearest country before the trigger (else the
    first after it: verb-first Arabic); SOV, the first country of the clause.

    An SVO verb joined to the one before it ("Yerevan values Iran's care … and supports")
    shares that verb's subject, the first country before it rather than the nearest.
    """
    if ctx.cues.order != "sov":
        before = [m for m in free if m.end <= trig.start]
        if before:
            joins = ctx.cues.joins
            if joins and ctx.cues.preceded(ctx.view.text, 0, trig.start, joins, reach=1):
                return before[0]
            return before[-1]
    return free[0] if free else None


def _damage(
    ctx: DocContext, sentence: Sentence, clause: tuple[int, int], sites: list[tuple[int, str]]
) -> Roles:
    start, end = sentence.start, sentence.end
    target = next((country for pos, country in sites if start <= pos < end), None)
    if target is None and sentence.index > 0:  # «این مسجد»: the site named just before
        before = ctx.sentences[sentence.index - 1]
        target = next((c for pos, c in sites if before.start <= pos < before.end), None)
    if target is None and len({c for _, c in sites}) == 1:
        target = sites[0][1]  # every site the document names is in one country
    near = sentence.within(*clause)
    if target is None:  # "a mosque in Turkey"
        target = next((m.country for m in near if "place" in ctx.marks(sentence, m)), None)
    agents = [m for m in near if "agent" in ctx.marks(sentence, m)]
    return (agents[0].country if agents else None), target
