"""HTML pages → Documents: main text and metadata through trafilatura.

Three things trafilatura does not do for us: trust-but-verify the declared charset (Persian
sites often declare UTF-8 and serve Windows-1256), keep the zero-width non-joiner (it drops
every non-printable character, and «می‌شود» would become «میشود»), and read Solar Hijri
bylines (its date finder knows Gregorian dates only).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from peyvand.ingest.dating import first_day, parse_date, script_language
from peyvand.ingest.decode import LEGACY_ENCODINGS, decode, garble_score
from peyvand.ingest.errors import IngestError
from peyvand.ingest.limits import MAX_HTML_BYTES, check_size
from peyvand.model import Document

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>|&[#\w]+;", re.S | re.I)
_BYLINE = re.compile(r"date|time|byline|publish|posted|tarikh|news-?info|meta", re.I)
# Characters trafilatura would drop, each swapped for a printable stand-in while it works.
_INVISIBLE = {"\u200c": ("&zwnj;", "&#8204;", "&#x200c;"), "\u200d": ("&zwj;", "&#8205;")}
_STAND_INS = ("\u2e3b", "\u2e3a", "\u2bd1", "\u2bd2", "\u2e4e", "\u2e4f")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_html(path: Path) -> Document:
    """Read an HTML file; the size is checked before a byte is read."""
    source = str(path)
    check_size(source, "HTML", path.stat().st_size, MAX_HTML_BYTES)
    return parse_html(path.read_bytes(), source)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def _visible(text: str) -> str:
    return _TAGS.sub(" ", text)


def decode_html(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``: the declared charset is used only when it reads cleanly.

    ``declared`` is the HTTP header's charset; without it the page's ``<meta charset>`` is.
    A declaration that fails to decode, or decodes into garbage, loses to the legacy code
    page that reads best; if none reads cleanly the page is refused.
    """
    if not data.strip():
        raise IngestError(source, "empty file")
    if data.startswith(_BOMS):
        return decode(data, source)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return decode(data, source)
    if b"\x00" in data[:20000]:
        raise IngestError(source, "binary file (NUL bytes), not HTML")
    if declared is None:
        found = _META_CHARSET.search(data[:8192])
        declared = found.group(1).decode("ascii", "replace") if found else None
    names = [n for n in (_codec(declared), *LEGACY_ENCODINGS) if n and n != "utf-8"]
    scored: list[tuple[float, int, str, str]] = []
    for order, name in enumerate(dict.fromkeys(names)):
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((garble_score(_visible(text)), order, name, text))
    if not scored:
        raise IngestError(source, f"declared charset {declared!r} does not fit and no other does")
    score, _, name, text = min(scored)
    if score > 0.5:
        raise IngestError(
            source, f"unknown encoding: declared {declared!r}, best guess {name} reads as garbage"
        )
    return text, name


def _protect(text: str) -> tuple[str, dict[str, str]]:
    """Swap ZWNJ/ZWJ (and their entities) for printable stand-ins absent from the page."""
    free = iter(s for s in _STAND_INS if s not in text)
    lowered = text.lower()
    restore: dict[str, str] = {}
    for char, entities in _INVISIBLE.items():
        if char not in text and not any(e in lowered for e in entities):
            continue
        stand_in = next(free, None)
        if stand_in is None:
            break
        restore[stand_in] = char
        text = text.replace(char, stand_in)
        for entity in entities:
            text = re.sub(re.escape(entity), stand_in, text, flags=re.I)
    return text, restore


def _restored(value: Any, restore: dict[str, str]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    for stand_in, char in restore.items():
        value = value.replace(stand_in, char)
    return str(value).strip()


def _byline_texts(tree: Any) -> Iterator[str]:
    """Where a page states its date: date metas, <time>, byline-like elements, the title."""
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if "date" in key or "time" in key:
            yield meta.get("content") or ""
    for time in tree.iter("time"):
        yield time.get("datetime") or ""
        yield time.text_content()
    seen = 0
    for element in tree.iter("*"):
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _BYLINE.search(marker):
            yield element.text_content()[:300]
            seen += 1
            if seen >= 30:
                break
    for title in tree.iter("title"):
        yield title.text_content()


def _language(tree: Any) -> str | None:
    value = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not value:
        return None
    code = str(value).strip().lower().replace("_", "-").split("-")[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def parse_html(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    charset: str | None = None,
    fmt: str = "html",
) -> Document:
    """An HTML page (bytes) → Document; ``charset`` is the HTTP header's, if any."""
    import lxml.html
    import trafilatura
    from lxml.etree import ParserError

    check_size(source, "HTML", len(data), MAX_HTML_BYTES)
    text, encoding = decode_html(data, source, charset)
    text, restore = _protect(_XML_DECLARATION.sub("", text, count=1))
    try:
        tree = lxml.html.document_fromstring(text)
    except (ParserError, ValueError) as exc:
        raise IngestError(source, f"not parseable as HTML ({exc})") from exc
    lang = _language(tree)
    bylines = [t for t in (_restored(b, restore) for b in _byline_texts(tree)) if t]
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    body = _restored(getattr(result, "text", None), restore)
    if not body:
        raise IngestError(source, "no main text found in the HTML page")
    published = None
    found_date = getattr(result, "date", None)
    if isinstance(found_date, str):
        published = parse_date(found_date)
    if published is None:
        lang_hint = lang or script_language(body[:2000])
        published = first_day([*bylines, *body.splitlines()[:3]], lang_hint)
    return Document(
        text=body,
        title=_restored(getattr(result, "title", None), restore),
        publisher=_restored(getattr(result, "sitename", None), restore),
        published=published,
        url=url or _restored(getattr(result, "url", None), restore),
        language=lang,
        source=source,
        encoding=encoding,
        author=_restored(getattr(result, "author", None), restore),
        format=fmt,
    )
