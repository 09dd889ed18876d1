"""Near-duplicates: a republished agency story is linked to the original, not stored twice."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from peyvand.ingest.neardup import (
    DEFAULT_THRESHOLD,
    Candidate,
    best_match,
    estimate,
    fingerprint,
    jaccard,
    shingles,
)
from peyvand.observatory import Observatory

STORY = (
    "به گزارش خبرنگار فرهنگی، نمایشگاه کتاب تبریز امسال با حضور چهل ناشر از جمهوری آذربایجان "
    "گشایش یافت. در این نمایشگاه بیش از دو هزار عنوان کتاب به زبان‌های فارسی و ترکی آذربایجانی "
    "عرضه شده است. رایزن فرهنگی ایران در باکو گفت که برگزاری نشست‌های ترجمه میان نویسندگان دو "
    "کشور از برنامه‌های اصلی این دوره است. مدیر نمایشگاه نیز از امضای تفاهم‌نامه‌ای میان دو "
    "انجمن ناشران در روز پایانی خبر داد. این نمایشگاه تا پایان هفته آینده برای عموم باز است."
)
# the same story as a second outlet runs it: new headline line, a dropped clause, a new ending
REPUBLISHED = (
    "گشایش نمایشگاه کتاب تبریز با ناشران آذربایجانی\n"
    "به گزارش خبرنگار فرهنگی، نمایشگاه کتاب تبریز امسال با حضور چهل ناشر از جمهوری آذربایجان "
    "گشایش یافت. در این نمایشگاه بیش از دو هزار عنوان کتاب به زبان‌های فارسی و ترکی آذربایجانی "
    "عرضه شده است. رایزن فرهنگی ایران در باکو گفت که برگزاری نشست‌های ترجمه میان نویسندگان دو "
    "کشور از برنامه‌های اصلی این دوره است. مدیر نمایشگاه نیز از امضای تفاهم‌نامه‌ای میان دو "
    "انجمن ناشران در روز پایانی خبر داد. بازدید از نمایشگاه رایگان است."
)
OTHER = (
    "وزیر فرهنگ جمهوری آذربایجان در سفر به تهران با همتای ایرانی خود درباره مرمت بناهای تاریخی "
    "گنجه و شماخی گفت‌وگو کرد. دو طرف توافق کردند کارگروهی مشترک برای میراث فرهنگی تشکیل شود و "
    "نخستین نشست آن در بهار سال آینده در باکو برگزار شود. همچنین قرار شد هفته فیلم ایران در "
    "باکو و هفته فیلم آذربایجان در تهران دوباره برگزار شود."
)


def test_letter_variants_and_zwnj_written_as_a_space_shingle_alike() -> None:
    arabic_letters = STORY.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")
    assert shingles(arabic_letters) == shingles(STORY)


def test_a_republished_story_is_found_and_an_unrelated_one_is_not() -> None:
    probe = fingerprint(REPUBLISHED)
    found = best_match(probe, [_stored(1, OTHER), _stored(2, STORY)])
    assert found is not None
    assert found.document_id == 2
    assert DEFAULT_THRESHOLD <= found.similarity < 1.0
    assert best_match(fingerprint(OTHER), [_stored(2, STORY)]) is None
    assert estimate(probe.signature, fingerprint(STORY).signature) > 0.5


def _stored(document_id: int, text: str) -> Candidate:
    return Candidate(document_id, fingerprint(text).signature, lambda: text)


def test_a_copy_shares_an_lsh_band_with_its_original() -> None:
    assert set(fingerprint(REPUBLISHED).bands) & set(fingerprint(STORY).bands)


def test_short_texts_are_never_called_copies() -> None:
    short = fingerprint("ایران و آذربایجان")
    assert not short.usable
    assert short.bands == ()


@given(st.lists(st.text(min_size=1, max_size=8), max_size=30))
def test_jaccard_is_one_with_itself_and_symmetric(words: list[str]) -> None:
    a = frozenset(words)
    b = frozenset(words[: len(words) // 2])
    assert jaccard(a, a) == 1.0
    assert jaccard(a, b) == jaccard(b, a)
    assert 0.0 <= jaccard(a, b) <= 1.0


def test_ingest_links_the_copy_and_stores_its_story_once(
    tmp_path: Path, store_location: str
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a-original.txt").write_text(
        "---\ntitle: نمایشگاه کتاب تبریز\npublisher: خبرگزاری نخست\n---\n" + STORY,
        encoding="utf-8",
    )
    (folder / "b-copy.txt").write_text(
        "---\npublisher: روزنامه دوم\n---\n" + REPUBLISHED, encoding="utf-8"
    )
    (folder / "c-other.txt").write_text(OTHER, encoding="utf-8")
    observatory = Observatory.open(store_location)
    report = observatory.ingest([folder])
    assert [Path(s).name for s in report.stored] == ["a-original.txt", "c-other.txt"]
    assert [(Path(s).name, original) for s, original, _ in report.near_duplicates] == [
        ("b-copy.txt", 1)
    ]
    stored = {d.source and Path(d.source).name: d for d in observatory.repository.documents()}
    copy = stored["b-copy.txt"]
    assert copy.near_duplicate_of == stored["a-original.txt"].id
    assert copy.similarity is not None and copy.similarity >= DEFAULT_THRESHOLD
    records_before = observatory.stats().records
    # a second run changes nothing: every document is already there, exactly once
    again = observatory.ingest([folder])
    assert len(again.duplicates) == 3 and not again.stored and not again.near_duplicates
    assert observatory.stats().records == records_before
    assert observatory.stats().documents == 3
    observatory.close()
