"""Dense retrieval over the training corpus's chunks (MiniLM): the evaluation's retrieval baseline and
the Arena's "with retrieval" column."""

from __future__ import annotations

import numpy as np

from adapt.embed import embed


class Retriever:
    """MiniLM dense retrieval over the training corpus chunks."""

    def __init__(self, chunks: list[dict]):
        self.chunks = chunks
        self.vectors = embed([c["text"] for c in chunks])

    def top(self, queries: list[str], k: int) -> list[list[int]]:
        if not self.chunks:
            return [[] for _ in queries]
        scores = embed(queries) @ self.vectors.T
        return [list(np.argsort(-row)[:k]) for row in scores]

    def contexts(self, questions: list[dict], k: int) -> list[list[str]]:
        return [[self.chunks[i]["text"] for i in idx] for idx in self.top([q["question"] for q in questions], k)]
