"""Near-duplicate detection: the same agency story republished with small edits.

Exact copies are caught by the content hash; a republished story differs by a headline, a
byline or a sentence, so its hash differs too. Each document gets a MinHash signature over
word shingles of its normalized view (so «آذربايجان» and «آذربایجان» shingle alike); the
signature is cut into LSH bands, and the bands are stored with the document. A new document
that shares a band with a stored one is a candidate; the candidate's text is re-shingled and
the exact Jaccard similarity decides. Storing bands instead of an in-memory index keeps the
check correct across runs, processes and killed ingests: it is one indexed lookup.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import regex
from datasketch import MinHash

from peyvand.text.normalize import normalize

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs with Jaccard >= ~0.5 share a band with high probability
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.7
MIN_SHINGLES = 8  # below this a text is too short to call anything its near-copy

_WORD = regex.compile(r"[\p{L}\p{N}]+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    shingles: frozenset[str]
    bands: tuple[str, ...]

    @property
    def usable(self) -> bool:
        return len(self.shingles) >= MIN_SHINGLES


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    document_id: int
    similarity: float


def shingles(text: str) -> frozenset[str]:
    """Word 3-grams of the normalized view; too few words give a set of single words."""
    words = _WORD.findall(normalize(text).text)
    if len(words) < SHINGLE_WORDS:
        return frozenset(words)
    return frozenset(
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return Fingerprint(grams, ())
    signature = MinHash(num_perm=NUM_PERM, seed=7)
    signature.update_batch([gram.encode("utf-8") for gram in sorted(grams)])
    values = signature.hashvalues
    bands = []
    for band in range(BANDS):
        rows = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(rows, digest_size=12).hexdigest()
        bands.append(f"{band:02d}{digest}")
    return Fingerprint(grams, tuple(bands))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def best_match(
    probe: Fingerprint,
    candidates: Iterable[tuple[int, str]],
    threshold: float = DEFAULT_THRESHOLD,
) -> NearDuplicate | None:
    """The most similar candidate ``(document id, text)`` at or above ``threshold``."""
    best: NearDuplicate | None = None
    for document_id, text in candidates:
        similarity = jaccard(probe.shingles, shingles(text))
        if similarity >= threshold and (best is None or similarity > best.similarity):
            best = NearDuplicate(document_id, round(similarity, 4))
    return best


def band_rows(document_id: int, bands: Sequence[str]) -> list[dict[str, object]]:
    return [{"band": band, "document_id": document_id} for band in bands]
