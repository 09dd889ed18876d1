"""Store benchmark: ingestion throughput and search latency, on SQLite and PostgreSQL.

Run: ``.venv/bin/python bench/store.py [--docs 100000] [--ingest-docs 2000] [--pg URL]``

(a) Ingestion: ``--ingest-docs`` generated news items (``bench/store_corpus.py``) written as
files and stored with ``Observatory.ingest`` (read, near-duplicate check, extraction, one
transaction per document with mentions, records and the search index), one process, so one
core. The search indexing share is timed apart by re-indexing the same documents.
(b) Search: ``--docs`` items bulk-loaded without running the extractor — documents, their two
countries as actor mentions and one agreement record each, inserted in batches of 1,000 and
indexed by the same ``SearchIndex.add_many`` call the migration's backfill uses — then about
200 varied queries (country names in six languages, domain words, phrases, filters) through
``Searcher.search``, as the CLI and web app call it: parse, name expansion, ranked query,
snippets. With ``--pg`` (an admin URL) the same runs on fresh PostgreSQL databases, dropped
afterwards.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, insert, select, text

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import store_corpus as corpus  # noqa: E402  (bench/ is not a package)
from peyvand.model import Document  # noqa: E402
from peyvand.observatory import Observatory  # noqa: E402
from peyvand.search import Filters, Searcher, index_for  # noqa: E402
from peyvand.store.schema import documents, mentions, records  # noqa: E402

BATCH = 1000


@contextmanager
def location(kind: str, pg: str | None) -> Iterator[str]:
    """A fresh store: a temporary folder, or a new PostgreSQL database dropped afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="peyvand-store-") as folder:
            yield str(Path(folder) / "obs")
        return
    import psycopg

    assert pg is not None
    name = f"peyvand_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{pg.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(pg, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def ingest(where: str, items: list[corpus.Item]) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="peyvand-store-files-"))
    paths = []
    for n, item in enumerate(items):
        path = folder / f"item-{n:06d}.txt"
        path.write_text(corpus.as_file_text(item), encoding="utf-8")
        paths.append(path)
    observatory = Observatory.open(where)
    for lang in sorted(corpus.TEMPLATES):  # load every language's data before timing
        observatory.extract(Document(text="ایران و Azərbaycan 2019", language=lang))
    started = time.perf_counter()
    report = observatory.ingest([folder])
    elapsed = time.perf_counter() - started
    index = index_for(observatory.engine.dialect.name)
    with observatory.engine.begin() as conn:
        ids = list(conn.execute(select(documents.c.id)).scalars())
        started = time.perf_counter()
        for start in range(0, len(ids), BATCH):
            index.add_many(conn, ids[start : start + BATCH])
        indexing = time.perf_counter() - started
    stats = observatory.stats()
    observatory.close()
    return {
        "docs_per_s": len(items) / elapsed,
        "stored": len(report.stored),
        "near": len(report.near_duplicates),
        "failed": len(report.failed),
        "index_ms": 1000 * indexing / max(1, len(ids)),
        "records": sum(stats.records.values()),
    }


def bulk_load(engine: Engine, items: list[corpus.Item], names: dict[str, dict[str, str]]) -> float:
    """Store items without extraction, with mentions and one record each; returns docs/s."""
    import datetime as dt

    index = index_for(engine.dialect.name)
    now = dt.datetime.now(dt.UTC)
    started = time.perf_counter()
    for start in range(0, len(items), BATCH):
        docs, ments, recs = [], [], []
        for n, item in enumerate(items[start : start + BATCH], start=start + 1):
            docs.append(
                {
                    "id": n,
                    "hash": hashlib.sha256(item.body.encode()).hexdigest(),
                    "text": item.body,
                    "length": len(item.body),
                    "title": item.title,
                    "published": item.published,
                    "language": item.lang,
                    "ingested_at": now,
                }
            )
            for actor in item.pair:
                at = item.body.find(names[item.lang][actor])
                if at >= 0:
                    end = at + len(names[item.lang][actor])
                    ments.append(
                        {
                            "document_id": n,
                            "kind": "actor",
                            "value": actor,
                            "start": at,
                            "end": end,
                            "text": item.body[at:end],
                        }
                    )
            quote = item.sentences[0]
            data = {"parties": sorted(item.pair), "domains": [item.domain], "status": "signed"}
            recs.append(
                {
                    "document_id": n,
                    "kind": "agreement",
                    "status": "candidate",
                    "data": json.dumps(data),
                    "evidence_start": 0,
                    "evidence_end": len(quote),
                    "quote": quote,
                    "created_at": now,
                }
            )
        with engine.begin() as conn:
            conn.execute(insert(documents), docs)
            conn.execute(insert(mentions), ments)
            conn.execute(insert(records), recs)
            index.add_many(conn, [d["id"] for d in docs])
    return len(items) / (time.perf_counter() - started)


def queries(
    items: list[corpus.Item], names: dict[str, dict[str, str]]
) -> list[tuple[str, Filters]]:
    """About 200 queries of eight shapes, the same on every backend (seeded)."""
    import datetime as dt

    rng = random.Random(7)
    langs = sorted(corpus.TEMPLATES)

    def name() -> str:
        lang = rng.choice(langs)
        return names[lang][rng.choice([c for c in corpus.COUNTRIES if c in names[lang]])]

    def word() -> str:
        return rng.choice(corpus.DOMAINS[rng.choice(langs)])

    def phrase() -> str:
        words = rng.choice(rng.choice(items).sentences).split()
        at = rng.randrange(max(1, len(words) - 3))
        return '"' + " ".join(words[at : at + rng.randint(2, 3)]) + '"'

    def pair() -> tuple[str, str]:
        a, b = rng.sample(corpus.COUNTRIES, 2)
        return a, b

    def since() -> dt.date:
        return dt.date(rng.randint(2005, 2022), 1, 1)

    out: list[tuple[str, Filters]] = []
    for _ in range(25):
        out.append((name(), Filters()))
        out.append((word(), Filters()))
        out.append((f"{name()} {word()}", Filters()))
        out.append((f"{name()} {name()}", Filters()))
        out.append((phrase(), Filters()))
        lang, (a, b) = rng.choice(langs), pair()
        out.append((names[rng.choice(langs)][a], Filters(pair=(a, b), language=lang)))
        start = since()
        out.append((word(), Filters(since=start, until=start + dt.timedelta(days=730))))
        domain = rng.randrange(len(corpus.DOMAIN_IDS))
        out.append((corpus.DOMAINS[rng.choice(langs)][domain], Filters(kind="agreement")))
    return out


def latencies(searcher: Searcher, work: list[tuple[str, Filters]]) -> tuple[list[float], int]:
    for query, filters in work[:10]:  # warm caches and the registry's name table
        searcher.search(query, filters=filters)
    times, found = [], 0
    for query, filters in work:
        started = time.perf_counter()
        hits = searcher.search(query, filters=filters)
        times.append(1000 * (time.perf_counter() - started))
        found += bool(hits)
    return times, found


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--ingest-docs", type=int, default=2000)
    parser.add_argument(
        "--pg", help="PostgreSQL admin URL, e.g. postgresql://postgres@127.0.0.1/test"
    )
    args = parser.parse_args()

    names = corpus.country_names()
    items = corpus.make_items(max(args.docs, args.ingest_docs))
    work = queries(items[: args.docs], names)
    size = sum(len(i.body.encode()) for i in items[: args.docs])
    print(
        f"corpus: {args.docs:,} items, {size / 1e6:.1f} MB, {size / args.docs:.0f} B per item "
        f"({', '.join(sorted(corpus.TEMPLATES))}); {len(work)} queries"
    )
    backends = ["sqlite"] + (["postgresql"] if args.pg else [])
    rows = []
    for backend in backends:
        with location(backend, args.pg) as where:
            a = ingest(where, items[: args.ingest_docs])
        print(
            f"{backend}: ingested {a['stored']:.0f} stored, {a['near']:.0f} near-duplicates, "
            f"{a['failed']:.0f} failed, {a['records']:.0f} records"
        )
        with location(backend, args.pg) as where:
            observatory = Observatory.open(where)
            load = bulk_load(observatory.engine, items[: args.docs], names)
            if backend == "postgresql":  # planner statistics, as autovacuum would gather them
                with observatory.engine.begin() as conn:
                    conn.execute(text("ANALYZE"))
            searcher = Searcher(observatory.engine, observatory.registry())
            times, found = latencies(searcher, work)
            observatory.close()
        rows.append((backend, a, load, times, found))
    print()
    print(
        f"{'backend':<11} {'ingest docs/s':>13} {'index ms/doc':>12} {'bulk docs/s':>11} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'with hits':>9}"
    )
    for backend, a, load, times, found in rows:
        print(
            f"{backend:<11} {a['docs_per_s']:>13.0f} {a['index_ms']:>12.2f} {load:>11.0f} "
            f"{percentile(times, 50):>7.1f} {percentile(times, 95):>7.1f} {max(times):>7.1f} "
            f"{found:>5}/{len(times)}"
        )
    print(
        f"\ningest: {args.ingest_docs:,} files through Observatory.ingest (extraction, one "
        f"transaction each); search: {args.docs:,} items bulk-loaded without extraction "
        "(one agreement record and two actor mentions each, indexed by SearchIndex.add_many)"
    )


if __name__ == "__main__":
    main()
