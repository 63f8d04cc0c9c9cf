"""General text in the domain's languages: replay in CPT, general SFT conversations, and the
forgetting measurement.

The bundled general corpus is English and Japanese. An English domain replayed with Japanese prose
spends training on a language the run is not about, and a forgetting measurement averaged over
both is dominated by whichever language the tokenizer splits into more tokens (Japanese, for an
English-first model such as SmolLM2: 0.55 characters per token). So general text is kept to the
languages that make up a real share of the domain's documents, when the general corpus has any.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from adapt.config import DataSection
from adapt.data.ingest import Document, ingest
from adapt.data.text import detect_language
from adapt.fileio import read_jsonl

log = logging.getLogger("adapt")
MIN_SHARE = 0.1  # a language with fewer of the domain's documents than this does not steer the choice


def domain_languages(data_dir: Path) -> set[str]:
    """Languages of at least MIN_SHARE of the ingested documents (empty before ingestion)."""
    counts = Counter(d.get("lang") for d in read_jsonl(Path(data_dir) / "documents.jsonl"))
    total = sum(counts.values())
    return {lang for lang, n in counts.items() if lang and n >= MIN_SHARE * total}


def in_languages(items: list, languages: set[str] | None, text_of=lambda item: item) -> list:
    """The items whose text is in one of `languages`; all of them when none is (or no language is
    known), so a domain in a language the general corpus lacks still gets general text."""
    if not languages:
        return list(items)
    kept = [item for item in items if detect_language(text_of(item)) in languages]
    return kept or list(items)


def general_documents(paths: list[str], languages: set[str] | None = None) -> list[Document]:
    result = ingest(paths, DataSection(dedupe=False))
    for report in result.failed_files:
        log.warning("general text: skipped %s: %s", report.path, report.reason)
    return in_languages(result.documents, languages, text_of=lambda d: d.text)
