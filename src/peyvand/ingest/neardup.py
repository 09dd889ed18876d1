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
import re
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash

from peyvand.text.normalize import normalize

NUM_PERM = 64
SCHEME = "affine32"  # datasketch's permutation scheme: named, so an upgrade cannot change it
BANDS = 16  # 16 bands x 4 rows: pairs with Jaccard >= ~0.5 share a band with high probability
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.7
MIN_SHINGLES = 8  # below this a text is too short to call anything its near-copy
SLACK = 0.15  # ~2.5 standard errors of a 64-value estimate near 0.7
CHECKED = 3  # candidates re-shingled at most

_WORD = re.compile(r"[^\W_]+")  # letters and digits (the view has no marks left)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    shingles: frozenset[str]
    bands: tuple[str, ...]
    signature: bytes = b""  # the MinHash values, stored so candidates need no re-shingling

    @property
    def usable(self) -> bool:
        return len(self.shingles) >= MIN_SHINGLES


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored document sharing a band; its text is read only if its signature is close."""

    document_id: int
    signature: bytes
    load_text: Callable[[], str]


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    document_id: int
    similarity: float


def shingles(text: str) -> frozenset[str]:
    """Word 3-grams of the normalized view; too few words give a set of single words."""
    words = _WORD.findall(normalize(text).text)
    if len(words) < SHINGLE_WORDS:
        return frozenset(words)
    grams = zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False)  # stops at the shortest
    return frozenset(map(" ".join, grams))


@lru_cache(maxsize=1)
def _permutations() -> Any:
    """The 64 hash permutations, drawn once: datasketch draws them anew for every MinHash.

    The hash of a shingle is CRC-32 (stable across processes, unlike ``hash``, and ten times
    cheaper than the default SHA-1); signatures are stored, so both must never change.
    """
    return MinHash(num_perm=NUM_PERM, seed=7, hashfunc=zlib.crc32, scheme=SCHEME).permutations


def fingerprint(text: str) -> Fingerprint:
    grams = shingles(text)
    if len(grams) < MIN_SHINGLES:
        return Fingerprint(grams, ())
    signature = MinHash(
        num_perm=NUM_PERM, hashfunc=zlib.crc32, permutations=_permutations(), scheme=SCHEME
    )
    signature.update_batch([gram.encode("utf-8") for gram in grams])
    values = signature.hashvalues
    bands = []
    for band in range(BANDS):
        rows = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(rows, digest_size=12).hexdigest()
        bands.append(f"{band:02d}{digest}")
    return Fingerprint(grams, tuple(bands), values.tobytes())


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def estimate(a: bytes, b: bytes) -> float:
    """Jaccard similarity estimated from two MinHash signatures: the share of equal values."""
    if not a or len(a) != len(b):
        return 0.0
    left, right = np.frombuffer(a, dtype=np.uint64), np.frombuffer(b, dtype=np.uint64)
    return float(np.count_nonzero(left == right)) / len(left)


def best_match(
    probe: Fingerprint,
    candidates: Iterable[Candidate],
    threshold: float = DEFAULT_THRESHOLD,
) -> NearDuplicate | None:
    """The most similar stored candidate at or above ``threshold``, or None.

    Signatures rank the candidates cheaply (within the estimate's error, ``SLACK``); only
    the best few are re-shingled from their text, so the answer is the exact similarity.
    """
    ranked = sorted(
        ((estimate(probe.signature, c.signature) if c.signature else 1.0, c) for c in candidates),
        key=lambda pair: -pair[0],
    )
    best: NearDuplicate | None = None
    for estimated, candidate in ranked[:CHECKED]:
        if estimated < threshold - SLACK:
            break
        similarity = jaccard(probe.shingles, shingles(candidate.load_text()))
        if similarity >= threshold and (best is None or similarity > best.similarity):
            best = NearDuplicate(candidate.document_id, round(similarity, 4))
    return best
