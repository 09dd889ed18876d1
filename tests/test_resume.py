"""An ingest killed with SIGKILL at random points, run again, stores every document once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from peyvand.ingest.neardup import BANDS
from peyvand.observatory import Observatory
from peyvand.store.schema import documents, mentions, minhash_bands, records

DOCUMENTS = 2000
KILLS = 4

COUNTRIES = [
    ("ایران", "جمهوری آذربایجان"),
    ("ترکیه", "ایران"),
    ("روسیه", "جمهوری آذربایجان"),
    ("Iran", "Azerbaijan"),
    ("Turkey", "Georgia"),
    ("Armenia", "Iran"),
]
FA = [
    "هیئتی از {a} برای گفت‌وگو درباره همکاری فرهنگی به {b} سفر کرد",
    "وزیران فرهنگ {a} و {b} تفاهم‌نامه‌ای در زمینه چاپ کتاب امضا کردند",
    "هفته فیلم {a} در پایتخت {b} با نمایش {n} فیلم برگزار شد",
    "{n} دانشجو از {b} برای تحصیل در دانشگاه‌های {a} پذیرفته شدند",
    "رایزنی فرهنگی {a} در {b} نمایشگاهی از خوشنویسی برپا کرد",
    "کارشناسان میراث فرهنگی {a} و {b} درباره مرمت یک کاروانسرا گفت‌وگو کردند",
    "شبکه تلویزیونی {a} پخش برنامه‌های خود در {b} را از سر گرفت",
    "جشنواره موسیقی مشترک {a} و {b} با حضور {n} هنرمند به پایان رسید",
]
EN = [
    "A delegation from {a} visited {b} to discuss cultural cooperation",
    "The culture ministers of {a} and {b} signed a memorandum on publishing",
    "A week of films from {a} opened in {b} with {n} screenings",
    "{n} students from {b} were admitted to universities in {a}",
    "The cultural office of {a} in {b} held a calligraphy exhibition",
    "Heritage experts from {a} and {b} discussed restoring a caravanserai",
    "A broadcaster of {a} resumed its programmes in {b}",
    "A joint music festival of {a} and {b} closed with {n} performers",
]


def _write_corpus(folder: Path, count: int, seed: int = 11) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir()
    paths = []
    for i in range(count):
        persian = i % 2 == 0
        pool = FA if persian else EN
        a, b = COUNTRIES[rng.randrange(3) + (0 if persian else 3)]
        lines = [
            rng.choice(pool).format(a=a, b=b, n=rng.randint(2, 900))
            for _ in range(rng.randint(2, 4))
        ]
        serial = f"شماره {i}" if persian else f"Item {i}"
        path = folder / f"doc-{i:05d}.txt"
        path.write_text(f"{serial}. " + ". ".join(lines) + ".\n", encoding="utf-8")
        paths.append(path)
    return paths


def _peyvand() -> list[str]:
    return [sys.executable, "-m", "peyvand"]


def _assert_whole(location: str) -> int:
    """Every stored document is complete: text, bands, mentions; quotes match the text."""
    observatory = Observatory.open(location, create=False)
    with observatory.engine.connect() as conn:
        rows = conn.execute(
            select(documents.c.id, documents.c.source, documents.c.near_duplicate_of)
        ).all()
        sources = [row.source for row in rows]
        assert len(sources) == len(set(sources)), "a document was stored twice"
        originals = {row.id for row in rows if row.near_duplicate_of is None}
        band_counts = dict(
            conn.execute(
                select(minhash_bands.c.document_id, func.count()).group_by(
                    minhash_bands.c.document_id
                )
            ).all()
        )
        with_mentions = set(conn.execute(select(mentions.c.document_id).distinct()).scalars())
        for doc_id in originals:
            assert doc_id in with_mentions, f"document {doc_id} lost its mentions"
            assert band_counts.get(doc_id, 0) in (0, BANDS), f"document {doc_id} half-banded"
        texts = dict(conn.execute(select(documents.c.id, documents.c.text)).all())
        for record in conn.execute(
            select(
                records.c.document_id,
                records.c.evidence_start,
                records.c.evidence_end,
                records.c.quote,
            )
        ):
            text = texts[record.document_id]
            assert text[record.evidence_start : record.evidence_end] == record.quote
    observatory.close()
    return len(rows)


def _kill_when_stored(process: subprocess.Popen[bytes], location: str, target: int) -> None:
    """SIGKILL the ingest once about ``target`` documents are stored: mid-transaction or not."""
    observatory = Observatory.open(location, create=False)
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None and time.monotonic() < deadline:
            with observatory.engine.connect() as conn:
                count = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            if count >= target:
                break
            time.sleep(0.005)
    finally:
        observatory.close()
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)


@pytest.mark.slow
def test_sigkill_at_random_points_then_rerun_stores_each_document_once(
    tmp_path: Path, store_location: str
) -> None:
    corpus = _write_corpus(tmp_path / "corpus", DOCUMENTS)
    Observatory.open(store_location).close()  # migrate once, outside the killed runs
    command = [*_peyvand(), "ingest", str(tmp_path / "corpus"), "--db", store_location]
    env = os.environ | {"COLUMNS": "200"}
    rng = random.Random(5)
    targets = sorted(rng.sample(range(50, DOCUMENTS - 100), KILLS))
    stored_after_kill = []
    for target in targets:
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _kill_when_stored(process, store_location, target + rng.randint(0, 20))
        stored_after_kill.append(_assert_whole(store_location))
    assert stored_after_kill[-1] < DOCUMENTS, "the runs were never interrupted"
    finished = subprocess.run(
        command, check=False, env=env, capture_output=True, text=True, timeout=900
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    assert _assert_whole(store_location) == DOCUMENTS
    observatory = Observatory.open(store_location, create=False)
    stored_sources = {d.source for d in observatory.repository.documents(limit=DOCUMENTS + 10)}
    observatory.close()
    assert stored_sources == {str(path) for path in corpus}
    # the progress made before each kill was kept, never lost
    assert stored_after_kill == sorted(stored_after_kill)
