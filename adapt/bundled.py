"""What ships with the project, so a fresh offline machine can run the whole pipeline.

    examples/general/en, ja           general prose: the default replay set (forgetting prevention)
    examples/general/heldout          general prose never trained on: the default forgetting measurement
    examples/general/chat/*.jsonl     general conversations: the default `general` SFT data
    examples/models/starter           a small chat model pretrained on the above (the offline default base)
    examples/models/tiny              a random-init smoke-test model
"""

from __future__ import annotations

from pathlib import Path

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
GENERAL_DIR = EXAMPLES_DIR / "general"

GENERAL_PROSE = [str(GENERAL_DIR / "en"), str(GENERAL_DIR / "ja")]
GENERAL_HELDOUT = [str(GENERAL_DIR / "heldout")]
GENERAL_CHAT = [str(GENERAL_DIR / "chat" / "en.jsonl"), str(GENERAL_DIR / "chat" / "ja.jsonl")]

MODELS = {
    "starter": EXAMPLES_DIR / "models" / "starter",
    "tiny": EXAMPLES_DIR / "models" / "tiny",
}
