"""Search finds a country in every spelling and language; filters narrow; no input breaks it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, update

from peyvand.observatory import Observatory
from peyvand.search import Filters, Searcher
from peyvand.store import database
from peyvand.store.schema import documents, mentions, records

ZWNJ = "\u200c"

# Written for these tests. Each says which spelling of Azerbaijan it uses.
TEXTS = {
    "arabic-yeh.txt": (
        "fa",
        "2019-06-19",
        "وزیر فرهنگ ایران و همتای او از جمهوری آذربايجان در تهران دیدار کردند و "
        "قرارداد همکاری سینمایی میان دو کشور امضا شد.",
    ),
    "zwnj.txt": (
        "fa",
        "2021-03-02",
        f"هفته فیلم آذربایجان{ZWNJ}ها در تبریز برگزار شد و کارگردانان ایرانی در آن "
        "فیلم‌های تازه خود را نشان دادند.",
    ),
    "latin.txt": (
        "az",
        "2022-09-10",
        "Azərbaycan və İran arasında yeni mədəniyyət sazişi imzalandı, nazirlər "
        "kitab nəşri üzrə əməkdaşlığı genişləndirməyə razılaşdılar.",
    ),
    "village.txt": (
        "fa",
        "2018-05-20",
        "مردم روستا جشنواره محلی برداشت انگور را با نوای ساز و آواز برگزار کردند.",
    ),
    "other-pair.txt": (
        "en",
        "2020-01-15",
        "Turkey and Russia agreed on a new exchange of theatre troupes for the coming "
        "season, the culture ministers said in Moscow.",
    ),
}


def _write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (lang, published, body) in TEXTS.items():
        path = folder / name
        path.write_text(
            f"---\ntitle: {name}\npublished: {published}\nlanguage: {lang}\n---\n\n{body}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


@pytest.fixture
def searcher(store_location: str, tmp_path: Path) -> Searcher:
    observatory = Observatory.open(store_location)
    report = observatory.ingest(_write(tmp_path / "texts"))
    assert len(report.stored) == len(TEXTS), report.failed
    return Searcher(observatory.engine, observatory.registry())


def _titles(searcher: Searcher, query: str, **filters: object) -> set[str]:
    hits = searcher.search(query, filters=Filters(**filters), limit=100)  # type: ignore[arg-type]
    return {h.title or "" for h in hits if h.kind == "document"}


def test_persian_name_finds_every_spelling_and_language(searcher: Searcher) -> None:
    found = _titles(searcher, "آذربایجان")
    assert found == {"arabic-yeh.txt", "zwnj.txt", "latin.txt"}
    assert _titles(searcher, "Azerbaijan") == found


def test_snippet_shows_the_original_spelling_marked(searcher: Searcher) -> None:
    hits = searcher.search("آذربایجان", filters=Filters(kind="document"))
    by_title = {h.title: h for h in hits}
    hit = by_title["arabic-yeh.txt"]
    (start, end), *_ = hit.marks
    assert hit.snippet[start:end] == "آذربايجان"  # Arabic yeh, as written
    latin = by_title["latin.txt"]
    assert latin.snippet[slice(*latin.marks[0])] == "Azərbaycan"


def test_plain_words_fold_letters_and_take_suffixes(searcher: Searcher) -> None:
    assert _titles(searcher, "فيلم") == {"zwnj.txt"}  # Arabic yeh in the query
    assert "arabic-yeh.txt" in _titles(searcher, "سینما")  # «سینمایی»
    assert _titles(searcher, '"theatre troupes"') == {"other-pair.txt"}
    assert _titles(searcher, '"troupes theatre"') == set()


def test_names_find_other_languages_but_not_words_they_begin(searcher: Searcher) -> None:
    assert _titles(searcher, "روسیه") == {"other-pair.txt"}  # Russia, written in Persian
    assert "village.txt" not in _titles(searcher, "Russia")  # «روس» is no prefix of «روستا»
    assert _titles(searcher, "روستا") == {"village.txt"}


def test_filters_narrow(searcher: Searcher) -> None:
    everything = _titles(searcher, "", kind="document", since=dt.date(2000, 1, 1))
    assert everything == set(TEXTS)
    assert _titles(searcher, "", pair=("IRN", "AZE")) >= {"arabic-yeh.txt", "latin.txt"}
    assert "other-pair.txt" not in _titles(searcher, "", pair=("IRN", "AZE"))
    assert _titles(searcher, "", pair=("TUR", "RUS")) == {"other-pair.txt"}
    assert _titles(searcher, "آذربایجان", language="az") == {"latin.txt"}
    assert _titles(
        searcher, "آذربایجان", since=dt.date(2020, 1, 1), until=dt.date(2021, 12, 31)
    ) == {"zwnj.txt"}
    record_hits = searcher.search("", filters=Filters(kind="agreement"), limit=100)
    assert record_hits and all(h.record_kind == "agreement" for h in record_hits)


def test_status_filter_reads_the_current_status(searcher: Searcher) -> None:
    hits = searcher.search("آذربایجان", filters=Filters(status="candidate"), limit=100)
    assert hits and all(h.kind == "record" for h in hits)
    chosen = hits[0].id
    with searcher.engine.begin() as conn:
        conn.execute(update(records).where(records.c.id == chosen).values(status="accepted"))
    accepted = searcher.search("آذربایجان", filters=Filters(status="accepted"))
    assert [h.id for h in accepted] == [chosen]


HOSTILE = ['"', "AND (", "OR", "NOT", "*", "body:", "'", "\\", ":*", "&|!()", '"""a', "NEAR(a b)"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_do_not_raise(searcher: Searcher, query: str) -> None:
    searcher.search(query)
    searcher.search(query, filters=Filters(pair=("IRN", "AZE'); --"), domain="x:y"))


@pytest.fixture(scope="module")
def sqlite_searcher(tmp_path_factory: pytest.TempPathFactory) -> Searcher:
    folder = tmp_path_factory.mktemp("hostile")
    observatory = Observatory.open(folder / "obs")
    observatory.ingest(_write(folder / "texts"))
    return Searcher(observatory.engine)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30))
def test_any_text_is_a_valid_query(sqlite_searcher: Searcher, query: str) -> None:
    sqlite_searcher.search(query)


def test_store_upgraded_from_0003_is_backfilled(store_location: str) -> None:
    if "://" not in store_location:
        Path(store_location).mkdir()
        url = database.sqlite_url(Path(store_location) / "peyvand.sqlite")
    else:
        url = store_location
    engine = database.create(url)
    database.migrate(engine, "0003")
    now = dt.datetime.now(dt.UTC)
    text = "Dövlət teatrı Azərbaycan və İran ilə birgə tamaşa hazırlayır."
    with engine.begin() as conn:
        doc_id = conn.execute(
            insert(documents).returning(documents.c.id),
            {"hash": "h1", "text": text, "length": len(text), "ingested_at": now},
        ).scalar_one()
        conn.execute(
            insert(mentions),
            {
                "document_id": doc_id,
                "kind": "actor",
                "value": "AZE",
                "start": 13,
                "end": 23,
                "text": "Azərbaycan",
            },
        )
        conn.execute(
            insert(records),
            {
                "document_id": doc_id,
                "kind": "event",
                "data": '{"type": "CO_PRODUCTION"}',
                "evidence_start": 0,
                "evidence_end": len(text),
                "quote": text,
                "created_at": now,
            },
        )
    engine.dispose()
    observatory = Observatory.open(store_location)
    searcher = Searcher(observatory.engine, observatory.registry())
    kinds = {h.kind for h in searcher.search("tamaşa")}
    assert kinds == {"document", "record"}
    assert [h.id for h in searcher.search("آذربایجان", filters=Filters(kind="document"))] == [
        doc_id
    ]
    assert searcher.search("", filters=Filters(type="co_production"))
    observatory.close()


def test_indexing_again_keeps_one_entry_each(searcher: Searcher) -> None:
    from peyvand.search import index_document

    before = [(h.kind, h.id) for h in searcher.search("آذربایجان", limit=100)]
    with searcher.engine.begin() as conn:
        for doc_id in {h.document_id for h in searcher.search("آذربایجان", limit=100)}:
            index_document(conn, doc_id)
    after = [(h.kind, h.id) for h in searcher.search("آذربایجان", limit=100)]
    assert sorted(after) == sorted(before) and len(set(after)) == len(after)


def test_one_document_gives_three_hits_at_most(searcher: Searcher) -> None:
    from collections import Counter

    hits = searcher.search("آذربایجان", limit=100)
    per_document = Counter(h.document_id for h in hits)
    assert per_document and max(per_document.values()) <= 3
    assert len(per_document) == 3  # every document about Azerbaijan is still there
