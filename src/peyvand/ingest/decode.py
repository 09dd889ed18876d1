"""Bytes → text without silent guessing: BOMs, strict UTF-8, then charset detection.

The encoding used is returned so the store can keep it; a file that looks binary, or whose
encoding cannot be told, is refused with a reason rather than decoded into garbage.
"""

from __future__ import annotations

import codecs

from peyvand.ingest.errors import IngestError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for c in sample if c < " " and c not in _CONTROL_OK)
    return "\x00" in sample or controls / len(sample) > 0.01


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise `IngestError` naming ``source``."""
    if not data.strip():
        raise IngestError(source, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"invalid {encoding} after its byte-order mark") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_binary(text):
            raise IngestError(source, "binary file (control characters), not text")
        return text, "utf-8"
    if b"\x00" in data[:20000]:
        raise IngestError(source, "binary file (NUL bytes), not text")

    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise IngestError(source, "binary or unknown encoding: no text encoding fits")
    text = str(best)
    if _looks_binary(text):
        raise IngestError(source, f"binary file (decodes as {best.encoding} to control bytes)")
    return text, best.encoding
