"""Held-out split of documents, deterministic by seed and independent of file order."""

from __future__ import annotations

import random


def split_documents(doc_ids: list[str], heldout_fraction: float, seed: int,
                    keep_in_train: set[str] | frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Return (train_ids, heldout_ids).

    Ids are sorted before shuffling, so the same documents and seed give the same split whatever
    order the files were listed in. With at least two documents and a non-zero fraction, at
    least one document is held out and at least one is kept for training. Documents in
    `keep_in_train` (those the user's questions ask about: a closed-book question on a document
    the model never read measures nothing) are never held out.
    """
    ids = sorted(set(doc_ids))
    candidates = [i for i in ids if i not in keep_in_train]
    if heldout_fraction <= 0 or len(ids) < 2 or not candidates:
        return ids, []
    random.Random(seed).shuffle(candidates)
    n_heldout = min(len(candidates), len(ids) - 1, max(1, round(len(ids) * heldout_fraction)))
    heldout = sorted(candidates[:n_heldout])
    held = set(heldout)
    train = [i for i in ids if i not in held]
    return train, heldout


def cap_training(train_ids: list[str], limit: int | None, sources: dict[str, str],
                 asked: set[str] | frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """Return (kept, left_out): at most `limit` training documents, those the user's questions ask
    about first (a question on a document left out would measure nothing), then in file-name order,
    so that a capped run is the same whatever the seed."""
    if limit is None or len(train_ids) <= limit:
        return list(train_ids), []
    order = sorted(train_ids, key=lambda i: (i not in asked, sources.get(i, ""), i))
    kept = set(order[:limit])
    return [i for i in train_ids if i in kept], [i for i in train_ids if i not in kept]
