"""Keeping tokens out of everything we write.

Secrets reach the engine only through the environment (HF_TOKEN and friends). Anything that goes
to a log, an error message or a file passes through `redact` first.
"""

from __future__ import annotations

import logging
import os
import re

SECRET_ENV_VARS = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_TOKEN", "OPENAI_API_KEY", "ADAPT_API_KEY")

# Hugging Face user/org tokens and OpenAI-style keys, wherever they come from.
_TOKEN_PATTERNS = re.compile(r"\b(hf_[A-Za-z0-9]{20,}|sk-[A-Za-z0-9_-]{20,})\b")


_registered: set[str] = set()


def register_secret(value: str | None) -> None:
    """A secret that arrived some other way (a UI field, a configured variable name): redact it too."""
    if value and len(value) >= 6:
        _registered.add(value)


def redact(text: str) -> str:
    if not text:
        return text
    known = {os.environ.get(name) for name in SECRET_ENV_VARS} | _registered
    for value in known:
        if value and len(value) >= 6:
            text = text.replace(value, "***")
    return _TOKEN_PATTERNS.sub("***", text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
