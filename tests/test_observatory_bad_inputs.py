"""A folder of bad inputs: the good parts are stored, each bad one is reported, nothing is lost."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from sqlalchemy import select

from peyvand.observatory import Observatory
from peyvand.store.schema import documents

BAD_INPUTS = Path(__file__).resolve().parent / "ingest" / "bad_inputs"


def _zip_bomb(path: Path) -> None:
    """A .docx whose one member inflates from about 100 KB to 200 MB of zeros."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(200):
                member.write(block)


def _huge_html(path: Path) -> None:
    row = "<p>" + "کتاب و فرهنگ " * 40 + "</p>\n"
    with path.open("w", encoding="utf-8") as out:
        out.write("<html><head><title>بزرگ</title></head><body>\n")
        while out.tell() < 50 * 1024 * 1024:
            out.write(row * 200)
        out.write("</body></html>")


def test_bad_folder_stores_the_good_parts_and_names_each_bad_one(
    tmp_path: Path, store_location: str, example_files: list[Path]
) -> None:
    observatory = Observatory.open(store_location)
    before = observatory.ingest(example_files[:3])
    assert len(before.stored) == 3
    with observatory.engine.connect() as conn:
        kept = conn.execute(select(documents.c.id, documents.c.hash)).all()

    folder = tmp_path / "bad"
    shutil.copytree(BAD_INPUTS, folder)
    _zip_bomb(folder / "bomb.docx")
    _huge_html(folder / "huge.html")
    (folder / "good.md").write_text(
        "---\ntitle: هفته فرهنگی\n---\nهفته فرهنگی ایران در باکو با نمایش فیلم آغاز شد.\n",
        encoding="utf-8",
    )
    report = observatory.ingest([folder])

    failed = {Path(source.split("#")[0]).name: reason for source, reason in report.failed}
    assert set(failed) == {
        "binary.bin",
        "bomb.docx",
        "broken.jsonl",
        "empty.txt",
        "huge.html",
        "truncated.pdf",
    }
    assert "empty" in failed["empty.txt"]
    assert "binary" in failed["binary.bin"]
    assert "PDF" in failed["truncated.pdf"]
    assert "bomb" in failed["bomb.docx"] or "uncompressed" in failed["bomb.docx"]
    assert "too large" in failed["huge.html"]
    broken_lines = sorted(
        int(source.rsplit("#", 1)[1]) for source, _ in report.failed if "broken.jsonl" in source
    )
    assert broken_lines == [2, 3, 4, 6]
    stored = sorted(Path(source.split("#")[0]).name for source in report.stored)
    assert stored == ["broken.jsonl", "broken.jsonl", "good.md", "wrong-encoding.html"]

    with observatory.engine.connect() as conn:
        now = dict(conn.execute(select(documents.c.id, documents.c.hash)).all())
        html = conn.execute(
            select(documents.c.encoding, documents.c.text).where(
                documents.c.source.like("%wrong-encoding.html")
            )
        ).one()
    assert all(now.get(doc_id) == content_hash for doc_id, content_hash in kept)
    assert len(now) == 3 + 4
    assert html.encoding is not None and "1256" in html.encoding
    assert "سند همكاري فرهنگي" in html.text  # cp1256 writes Arabic yeh and kaf
    observatory.close()
