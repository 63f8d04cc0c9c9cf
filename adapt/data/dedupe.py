"""Exact and near-duplicate detection.

Exact: a hash of the text with case and whitespace folded. Near: MinHash signatures over
character 5-grams (works for Japanese, which has no spaces) with LSH banding to find candidate
pairs, then the estimated Jaccard similarity decides.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np

_PRIME = (1 << 61) - 1
_NUM_PERM = 128
_BANDS = 32  # 32 bands x 4 rows: pairs above ~0.5 similarity become candidates
_SHINGLE = 5


@dataclass
class DuplicateOf:
    index: int  # the document that is kept
    kind: str  # "exact" | "near"
    similarity: float


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def exact_key(text: str) -> str:
    return hashlib.sha1(_fold(text).encode("utf-8")).hexdigest()


def _shingles(text: str) -> np.ndarray:
    folded = _fold(text)
    if len(folded) <= _SHINGLE:
        grams = {folded}
    else:
        grams = {folded[i : i + _SHINGLE] for i in range(len(folded) - _SHINGLE + 1)}
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))


class MinHasher:
    def __init__(self, seed: int = 1):
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, _PRIME, size=_NUM_PERM, dtype=np.uint64)
        self.b = rng.integers(0, _PRIME, size=_NUM_PERM, dtype=np.uint64)

    def signature(self, text: str) -> np.ndarray:
        shingles = _shingles(text)
        # (a*x + b) mod p with x < 2^32 and a < 2^61 overflows uint64; the wrap-around is still a
        # fixed pseudo-random permutation-like hash, which is all MinHash needs.
        signature = np.full(_NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
        for start in range(0, len(shingles), 8192):  # bounded memory for book-sized documents
            block = shingles[start : start + 8192]
            hashed = (np.outer(block, self.a) + self.b) % np.uint64(_PRIME)
            np.minimum(signature, hashed.min(axis=0), out=signature)
        return signature


def find_duplicates(texts: list[str], near_threshold: float | None = 0.8) -> dict[int, DuplicateOf]:
    """Map index of each duplicate document -> the earlier document it duplicates."""
    duplicates: dict[int, DuplicateOf] = {}
    first_by_key: dict[str, int] = {}
    for i, text in enumerate(texts):
        key = exact_key(text)
        if key in first_by_key:
            duplicates[i] = DuplicateOf(first_by_key[key], "exact", 1.0)
        else:
            first_by_key[key] = i
    if near_threshold is None:
        return duplicates

    hasher = MinHasher()
    kept: list[int] = []
    signatures: dict[int, np.ndarray] = {}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    rows = _NUM_PERM // _BANDS
    for i, text in enumerate(texts):
        if i in duplicates:
            continue
        sig = hasher.signature(text)
        candidates: set[int] = set()
        band_keys = [(b, sig[b * rows : (b + 1) * rows].tobytes()) for b in range(_BANDS)]
        for key in band_keys:
            candidates.update(buckets.get(key, ()))
        best: tuple[float, int] | None = None
        for j in candidates:
            similarity = float(np.mean(signatures[j] == sig))
            if similarity >= near_threshold and (best is None or similarity > best[0]):
                best = (similarity, j)
        if best is not None:
            duplicates[i] = DuplicateOf(best[1], "near", round(best[0], 3))
            continue
        signatures[i] = sig
        kept.append(i)
        for key in band_keys:
            buckets.setdefault(key, []).append(i)
    return duplicates
