"""Held-out split of documents, deterministic by seed and independent of file order."""

from __future__ import annotations

import random


def split_documents(doc_ids: list[str], heldout_fraction: float, seed: int) -> tuple[list[str], list[str]]:
    """Return (train_ids, heldout_ids).

    Ids are sorted before shuffling, so the same documents and seed give the same split whatever
    order the files were listed in. With at least two documents and a non-zero fraction, at
    least one document is held out and at least one is kept for training.
    """
    ids = sorted(set(doc_ids))
    if heldout_fraction <= 0 or len(ids) < 2:
        return ids, []
    random.Random(seed).shuffle(ids)
    n_heldout = min(len(ids) - 1, max(1, round(len(ids) * heldout_fraction)))
    heldout = sorted(ids[:n_heldout])
    train = sorted(ids[n_heldout:])
    return train, heldout
