"""PDF files → Documents with pdfium, page by page, right-to-left lines put right.

PDF stores glyphs, not reading order. Two faults are common with Persian and Arabic: a line
stored in the wrong order comes out reversed («دش اضما» for «امضا شد»), and a line read in
the right order keeps the glyph of the *displayed* bracket, so «(فرهنگی)» comes out as
«)فرهنگی(». A reversed line is recognised by common words reading backwards; a mirrored
bracket pair by closing before it opens around right-to-left text.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

from peyvand.ingest.errors import IngestError
from peyvand.ingest.limits import MAX_PDF_BYTES, check_size
from peyvand.model import Document

_MIRROR = str.maketrans("()[]{}«»<>", ")(][}{»«><")
_OPENERS = {"(": ")", "[": "]", "{": "}", "«": "»", "<": ">"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_DIGIT_RUN = r"[0-9\u06f0-\u06f9\u0660-\u0669]+(?:[.,/:٫٬][0-9\u06f0-\u06f9\u0660-\u0669]+)*"
_LATIN = r"A-Za-z\u00c0-\u024f\u0400-\u04ff"
_LATIN_RUN = rf"[{_LATIN}](?:[{_LATIN}0-9 .,'-]*[{_LATIN}0-9])?"
_LTR_RUN = re.compile(f"{_DIGIT_RUN}|{_LATIN_RUN}")
_WORD = re.compile(r"[\u0600-\u06ff\u200c]+")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


@cache
def _common_words() -> frozenset[str]:
    """Frequent Persian words (language data), minus palindromes: the order test's cues."""
    from peyvand.lang import LanguageData

    words = LanguageData().lines("fa", "common_words.txt")[:300]
    return frozenset(w for w in words if len(w) > 1 and w != w[::-1])


def _reversed_votes(text: str) -> int:
    """Positive when more common words read backwards than forwards in ``text``."""
    common = _common_words()
    forward = backward = 0
    for word in _WORD.findall(text):
        if word in common:
            forward += 1
        elif word[::-1] in common:
            backward += 1
    return backward - forward


def _unreverse(line: str) -> str:
    """Visual → logical order for a right-to-left line: runs of digits and Latin stay."""
    pieces: list[str] = []
    position = 0
    for match in _LTR_RUN.finditer(line):
        pieces.extend(c.translate(_MIRROR) for c in line[position : match.start()])
        pieces.append(match.group())
        position = match.end()
    pieces.extend(c.translate(_MIRROR) for c in line[position:])
    return "".join(reversed(pieces))


def fix_mirrored_brackets(line: str) -> str:
    """Turn round bracket pairs that close before they open around right-to-left text."""
    if not _RTL_LETTER.search(line):
        return line
    chars = list(line)
    stack: list[int] = []
    for index, char in enumerate(chars):
        if char in _CLOSERS:  # read as an opener of a mirrored pair
            stack.append(index)
        elif char in _OPENERS and stack and chars[stack[-1]] == _OPENERS[char]:
            start = stack.pop()
            if _RTL_LETTER.search(line, start + 1, index):
                chars[start], chars[index] = (
                    chars[start].translate(_MIRROR),
                    char.translate(_MIRROR),
                )
    return "".join(chars)


def _balanced(line: str) -> bool:
    depth = 0
    for char in line:
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
            if depth < 0:
                return False
    return True


def fix_rtl_text(text: str) -> str:
    """Put each right-to-left line of extracted page text in reading order."""
    reverse = _reversed_votes(text) > 0
    lines = []
    for raw in text.splitlines():
        line = _unreverse(raw) if reverse and _RTL_LETTER.search(raw) else raw
        if _RTL_LETTER.search(line) and not _balanced(line):
            line = fix_mirrored_brackets(line)
        lines.append(line)
    return "\n".join(lines)


def _pdf_date(value: str) -> dt.date | None:
    match = _PDF_DATE.match(value.strip())
    if match is None or match.group(3) is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def read_pdf(path: Path) -> Document:
    """Read a PDF file; the size is checked before it is opened."""
    source = str(path)
    check_size(source, "PDF", path.stat().st_size, MAX_PDF_BYTES)
    return parse_pdf(path.read_bytes(), source)


def parse_pdf(data: bytes, source: str, *, url: str | None = None) -> Document:
    """PDF bytes → Document; pages are separated by a form feed on its own line."""
    import pypdfium2 as pdfium

    check_size(source, "PDF", len(data), MAX_PDF_BYTES)
    if not data.strip():
        raise IngestError(source, "empty file")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise IngestError(source, f"not a readable PDF ({exc})") from exc
    try:
        pages: list[str] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                raw = textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
                pages.append(fix_rtl_text(raw))
            except pdfium.PdfiumError as exc:
                raise IngestError(source, f"page {index + 1} unreadable ({exc})") from exc
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    text = "\n\f\n".join(pages)
    if not text.strip():
        raise IngestError(source, "no text layer (a scanned PDF needs OCR, not done here)")
    return Document(
        text=text,
        title=meta.get("Title") or None,
        author=meta.get("Author") or None,
        published=_pdf_date(meta.get("CreationDate", "")),
        url=url,
        source=source,
        format="pdf",
    )
