"""Before training: does the domain look like what the base model already knows, and does the
model read the domain's language at all?

Additional pretraining tends to help least, and can hurt, when the new text is close to the
model's pretraining data (Adaptation Odyssey, arXiv 2410.05581). Two signals, both cheap:
embedding similarity between the domain corpus and general text, and the base model's
perplexity on the domain relative to general text. The result is a warning, never a block.

Language fit: a model pretrained on little of a language has a tokenizer that falls back to bytes
for it, so its characters per token drop far below what a model that reads the language gets
(measured: SmolLM2-135M 3.96 on English documents, 0.55 on Japanese ones, where multilingual
tokenizers such as Qwen2.5's get well above 1). Such a model learns the language's facts badly;
the pre-check says so and suggests a multilingual base.
"""

from __future__ import annotations

import random

import numpy as np

from adapt.embed import embed

# Thresholds set from MiniLM centroid similarities: unrelated topics sit around 0.1-0.4, the same
# genre around 0.6+, and a domain the model already reads easily has perplexity near general text.
SIMILAR_CENTROID = 0.6
FAMILIAR_PPL_RATIO = 1.3
# Characters per token below which a tokenizer has (almost) no vocabulary for the language.
MIN_CHARS_PER_TOKEN = {"en": 3.0, "other": 2.5, "ja": 0.9, "zh": 0.9}
MULTILINGUAL_SUGGESTION = "Qwen/Qwen2.5-0.5B-Instruct (or a larger Qwen2.5) on a GPU"
LANGUAGE_NAMES = {"en": "English", "ja": "Japanese", "zh": "Chinese", "other": "this language"}


def _sample(texts: list[str], limit: int, seed: int) -> list[str]:
    texts = list(texts)
    random.Random(seed).shuffle(texts)
    return texts[:limit]


def corpus_similarity(domain_chunks: list[str], general_chunks: list[str], limit: int = 256, seed: int = 0) -> dict:
    domain = embed(_sample(domain_chunks, limit, seed))
    general = embed(_sample(general_chunks, limit, seed))
    centroid_d = domain.mean(axis=0)
    centroid_g = general.mean(axis=0)
    centroid = float(centroid_d @ centroid_g / (np.linalg.norm(centroid_d) * np.linalg.norm(centroid_g) + 1e-9))
    nearest = float((domain @ general.T).max(axis=1).mean())
    return {"centroid_cosine": round(centroid, 4), "mean_nearest_cosine": round(nearest, 4),
            "domain_chunks": len(domain), "general_chunks": len(general), "embedding_model": "all-MiniLM-L6-v2"}


def verdict(similarity: dict | None, domain_ppl: float | None, general_ppl: float | None) -> dict:
    reasons = []
    if similarity and similarity["centroid_cosine"] >= SIMILAR_CENTROID:
        reasons.append(f"the domain's texts are close to general text (embedding similarity "
                       f"{similarity['centroid_cosine']:.2f} >= {SIMILAR_CENTROID})")
    ratio = None
    if domain_ppl and general_ppl:
        ratio = domain_ppl / general_ppl
        if ratio <= FAMILIAR_PPL_RATIO:
            reasons.append(f"the base model already predicts the domain about as well as general text "
                           f"(perplexity ratio {ratio:.2f} <= {FAMILIAR_PPL_RATIO})")
    warn = bool(reasons)
    if similarity is None and ratio is None:
        return {"warning": False, "perplexity_ratio": None, "message": (
            "Not enough to compare: give general text (eval.general_paths or mix.replay_paths) so the domain can "
            "be compared with what the model already knows.")}
    message = (
        "This domain looks like what the model already knows: " + "; ".join(reasons) + ". Continued "
        "pretraining may add little or even make the model worse (the damage often sits in a few "
        "uninformative tokens). Consider fewer epochs, a lower learning rate, more replay, or "
        "instruction tuning alone, and compare the before/after report."
        if warn else
        "The domain differs from general text" + (" and the base model finds it hard to predict" if ratio else "")
        + ": continued pretraining has room to help."
    )
    return {"warning": warn, "message": message, "perplexity_ratio": round(ratio, 3) if ratio else None}


def language_fit(tokenizer, documents: list[dict], model_name: str, sample_chars: int = 200_000) -> dict:
    """Characters per token of the base model's tokenizer, per language of the corpus, and a
    warning for each language the model hardly reads. documents: [{"text", "lang"}]."""
    by_lang: dict[str, list[str]] = {}
    for doc in documents:
        if doc.get("lang") in MIN_CHARS_PER_TOKEN:
            by_lang.setdefault(doc["lang"], []).append(doc["text"])
    languages, warnings = {}, []
    for lang, texts in sorted(by_lang.items(), key=lambda item: -len(item[1])):
        sample, size = [], 0
        for text in texts:
            if size >= sample_chars:
                break
            sample.append(text[: sample_chars - size])
            size += len(sample[-1])
        tokens = sum(len(ids) for ids in tokenizer(sample, add_special_tokens=False)["input_ids"])
        ratio = round(size / max(tokens, 1), 2)
        poor = ratio < MIN_CHARS_PER_TOKEN[lang]
        languages[lang] = {"documents": len(texts), "chars_per_token": ratio, "poor": poor}
        if poor:
            warnings.append(
                f"{model_name} reads {LANGUAGE_NAMES[lang]} poorly ({ratio} characters per token on your "
                f"{LANGUAGE_NAMES[lang]} documents; a model that reads it well gets {MIN_CHARS_PER_TOKEN[lang]} or "
                f"more), so it will learn little from them: for {LANGUAGE_NAMES[lang]} use a multilingual model "
                f"such as {MULTILINGUAL_SUGGESTION}")
    return {"languages": languages, "warning": bool(warnings), "message": " ".join(warnings)}
