"""Ingestion stores every readable document once and reports each bad input by name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from peyvand.ingest.decode import decode
from peyvand.ingest.errors import IngestError
from peyvand.ingest.files import read_document
from peyvand.observatory import Observatory


def test_ingesting_the_examples_twice_stores_each_once(
    store_location: str, examples_dir: Path, example_files: list[Path]
) -> None:
    observatory = Observatory.open(store_location)
    first = observatory.ingest([examples_dir])
    assert sorted(first.stored) == sorted(str(p) for p in example_files)
    assert first.failed == []
    second = observatory.ingest([examples_dir])
    assert second.stored == []
    assert len(second.duplicates) == len(example_files)
    assert observatory.stats().documents == len(example_files)
    observatory.close()


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Bad files beside good ones; the reason each must be reported with."""
    folder.mkdir()
    (folder / "good-fa.txt").write_text("ایران و جمهوری آذربایجان در سال ۱۳۹۸ سندی امضا کردند.")
    (folder / "good-cp1256.txt").write_bytes(
        "همكاري فرهنگي ايران و آذربايجان در زمينه چاپ کتاب و سينما گسترش مي‌يابد.".encode("cp1256")
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "broken-front-matter.md").write_text("---\ntitle: ok\nno colon here\n---\nIran.\n")
    (folder / "bad-date.md").write_text("---\npublished: yesterday\n---\nIran.\n")
    return {
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "image.txt": "binary",
        "broken-front-matter.md": "front matter",
        "bad-date.md": "published date",
    }


def test_bad_inputs_are_reported_by_name_and_the_rest_stored(
    store_location: str, tmp_path: Path, examples_dir: Path
) -> None:
    observatory = Observatory.open(store_location)
    before = observatory.ingest([examples_dir])
    folder = tmp_path / "inbox"
    expected = _bad_inputs(folder)
    report = observatory.ingest([folder, tmp_path / "missing.txt"])
    failed = {Path(source).name: reason for source, reason in report.failed}
    assert set(failed) == {*expected, "missing.txt"}
    for name, words in expected.items():
        assert words in failed[name], (name, failed[name])
    assert "no such file" in failed["missing.txt"]
    assert sorted(Path(s).name for s in report.stored) == ["good-cp1256.txt", "good-fa.txt"]
    # nothing stored before is lost
    assert observatory.stats().documents == len(before.stored) + 2
    observatory.close()


def test_detected_encoding_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    # legacy Windows-1256 files carry the Arabic Yeh: the code page has no Persian ی
    text = "موافقت‌نامه فرهنگي ايران و جمهوري آذربايجان در باکو امضا شد و اجرا نشد."
    path.write_bytes(text.encode("cp1256"))
    document = read_document(path)
    assert document.text == text
    assert document.encoding is not None
    assert document.encoding.replace("_", "").lower() in {"cp1256", "windows1256"}


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Azərbaycan və İran".encode("utf-16"))
    assert read_document(path).text == "Azərbaycan və İran"


@pytest.mark.parametrize("data", [b"", b"  \n", b"\x00\x01\x02binary\x00"])
def test_decode_refuses_with_the_source_name(data: bytes) -> None:
    with pytest.raises(IngestError) as info:
        decode(data, "inbox/x.bin")
    assert str(info.value).startswith("inbox/x.bin: ")


def test_front_matter_sets_metadata_and_offsets_index_the_body(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(
        "---\ntitle: Cultural week\npublished: 2019-06-19\nlanguage: en\n---\n\n"
        "Iran met Azerbaijan."
    )
    document = read_document(path)
    assert document.title == "Cultural week"
    assert document.published is not None and document.published.isoformat() == "2019-06-19"
    assert document.text == "Iran met Azerbaijan."


def test_a_copy_under_another_name_is_a_duplicate(tmp_path: Path, examples_dir: Path) -> None:
    source = next(examples_dir.glob("fa-*.txt"))
    shutil.copy(source, tmp_path / "copy.txt")
    observatory = Observatory.open(tmp_path / "obs")
    assert len(observatory.ingest([source]).stored) == 1
    report = observatory.ingest([tmp_path / "copy.txt"])
    assert report.duplicates == [str(tmp_path / "copy.txt")]
    observatory.close()
