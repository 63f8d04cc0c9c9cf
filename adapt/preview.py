"""A look at a corpus before any training: per-file reports, totals, documents, and the similarity
pre-check against general text (MiniLM only; the perplexity half of the pre-check needs the base
model and runs as the `precheck` stage of a run)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from adapt.config import DataSection
from adapt.data.ingest import chunk_documents, ingest
from adapt.evaluate.precheck import corpus_similarity, verdict


def preview_corpus(paths: list[str | Path], section: DataSection, tokenizer=None,
                   general_paths: list[str] | None = None, on_file=None, on_precheck=None) -> dict:
    result = ingest(paths, section, tokenizer=tokenizer, on_file=on_file)
    preview = {
        "files": [asdict(f) for f in result.files],
        "totals": result.totals(),
        "documents": [{"id": d.id, "source": d.source, "title": d.title, "lang": d.lang, "chars": d.chars,
                       "tokens": d.tokens, "text": d.text[:4000]} for d in result.documents],
        "precheck": None,
    }
    if result.documents and general_paths:
        if on_precheck:
            on_precheck()
        general = ingest(general_paths, DataSection(dedupe=False)).documents
        general_chunks = [c["text"] for c in chunk_documents(general, section.chunk_chars)]
        if general_chunks:
            chunks = [c["text"] for c in chunk_documents(result.documents, section.chunk_chars)]
            similarity = corpus_similarity(chunks, general_chunks)
            preview["precheck"] = {**verdict(similarity, None, None), "similarity": similarity}
    return preview
