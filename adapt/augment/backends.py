"""LLM generator backends: a local transformers chat model, or any OpenAI-compatible endpoint.

Both take a list of chat prompts and return, per prompt, the text or the exception that stopped
it; the caller counts failures and goes on.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor

from adapt.config import AugmentSection
from adapt.secrets import redact, register_secret

log = logging.getLogger("adapt")


class GeneratorUnavailable(RuntimeError):
    """The generator cannot be used at all (not one prompt): a user error with a reason."""


class LocalGenerator:
    name = "local"

    def __init__(self, section: AugmentSection, trust_remote_code: bool = False):
        from adapt.models import load_model, load_tokenizer, pick_dtype

        self.section = section
        self.tokenizer = load_tokenizer(section.local.model, trust_remote_code)
        if not getattr(self.tokenizer, "chat_template", None):
            raise GeneratorUnavailable(f"generator model '{section.local.model}' has no chat template; use an "
                                       "instruct/chat model for augment.local.model")
        self.model = load_model(section.local.model, dtype=pick_dtype(section.local.precision),
                                trust_remote_code=trust_remote_code)
        import torch

        if torch.cuda.is_available():
            self.model.to("cuda")
        self.model.eval()

    def complete(self, prompts: list[list[dict]], seed: int) -> list[str | Exception]:
        from adapt.generation import generate_chat

        results: list[str | Exception] = []
        size = self.section.local.batch_size
        for start in range(0, len(prompts), size):
            batch = prompts[start : start + size]
            try:
                results.extend(generate_chat(self.model, self.tokenizer, batch, self.section.max_new_tokens,
                                             self.section.temperature, seed=seed + start))
            except Exception as err:  # e.g. CUDA OOM on one long batch: count it, keep going
                results.extend([err] * len(batch))
        return results


class EndpointGenerator:
    name = "endpoint"

    def __init__(self, section: AugmentSection, api_key: str | None = None):
        import openai

        self.section = section
        cfg = section.endpoint
        # The key comes from the caller (the UI) or the environment, and lives only in memory.
        key = api_key or os.environ.get(cfg.api_key_env) or "not-needed"
        register_secret(key)
        self.client = openai.OpenAI(base_url=cfg.base_url, api_key=key, timeout=cfg.timeout_s,
                                    max_retries=cfg.max_retries)

    def _one(self, prompt: list[dict], seed: int) -> str | Exception:
        try:
            response = self.client.chat.completions.create(
                model=self.section.endpoint.model, messages=prompt, max_tokens=self.section.max_new_tokens,
                temperature=self.section.temperature, seed=seed,
            )
            content = response.choices[0].message.content if response.choices else None
            if not content:
                return ValueError("empty response")
            return content
        except Exception as err:  # the client already retried with backoff
            return RuntimeError(redact(f"{type(err).__name__}: {err}"))

    def complete(self, prompts: list[list[dict]], seed: int) -> list[str | Exception]:
        with ThreadPoolExecutor(max_workers=self.section.endpoint.concurrency) as pool:
            return list(pool.map(lambda args: self._one(*args), [(p, seed + i) for i, p in enumerate(prompts)]))
