"""Size limits of every reader in one place, checked before any parser sees the input.

A parser given a 50 MB page or a zip bomb spends memory first and fails later; refusing by
size up front keeps a batch responsive and the reason readable.
"""

from __future__ import annotations

from peyvand.ingest.errors import IngestError

MAX_TEXT_BYTES = 20 * 1024 * 1024
MAX_HTML_BYTES = 10 * 1024 * 1024
MAX_PDF_BYTES = 100 * 1024 * 1024
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 100.0
MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_ROW_BYTES = 10 * 1024 * 1024


def check_size(source: str, kind: str, size: int, limit: int) -> None:
    """Raise `IngestError` naming ``source`` when ``size`` exceeds ``limit``."""
    if size > limit:
        raise IngestError(source, f"{kind} too large: {size:,} bytes; limit {limit:,}")
