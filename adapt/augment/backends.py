"""LLM generator backends: a local transformers chat model, or any OpenAI-compatible endpoint.

Both take a list of chat prompts and return, per prompt, the text or a GenerationError that says
what stopped it and which setting to check; the caller counts failures and goes on (and gives up
only when every prompt failed).
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import ThreadPoolExecutor

from adapt.config import AugmentSection, RunConfig
from adapt.generation import generate_chat
from adapt.models import load_for_inference, load_tokenizer
from adapt.resources import is_out_of_memory
from adapt.secrets import ENDPOINT_KEY_ENV, redact, register_secret

log = logging.getLogger("adapt")


class GeneratorUnavailable(RuntimeError):
    """The generator cannot be used at all (not one prompt succeeded): one sentence with the reason and
    the setting to check. exit_code 2: a setting is wrong; 1: the server or the machine failed."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code


class GenerationError(RuntimeError):
    """One prompt the generator could not answer (the reason, redacted). `check` names the setting to
    look at should every prompt fail; `bad_setting` says whether changing it is the fix."""

    def __init__(self, reason: str, check: str, bad_setting: bool):
        super().__init__(redact(reason))
        self.check = check
        self.bad_setting = bad_setting


class LocalGenerator:
    name = "local"

    def __init__(self, section: AugmentSection, trust_remote_code: bool = False):
        self.section = section
        self.tokenizer = load_tokenizer(section.local.model, trust_remote_code)
        if not getattr(self.tokenizer, "chat_template", None):
            raise GeneratorUnavailable(f"generator model '{section.local.model}' has no chat template; use an "
                                       "instruct/chat model for augment.local.model")
        self.model = load_for_inference(section.local.model, section.local.precision,
                                        trust_remote_code=trust_remote_code)

    def complete(self, prompts: list[list[dict]], seed: int) -> list[str | Exception]:
        results: list[str | Exception] = []
        size = self.section.local.batch_size
        for start in range(0, len(prompts), size):
            batch = prompts[start : start + size]
            try:
                results.extend(generate_chat(self.model, self.tokenizer, batch, self.section.max_new_tokens,
                                             self.section.temperature, seed=seed + start))
            except Exception as err:  # e.g. CUDA OOM on one long batch: count it, keep going
                results.extend([self._failure(err)] * len(batch))
        return results

    def _failure(self, err: Exception) -> GenerationError:
        local = self.section.local
        if is_out_of_memory(err):
            return GenerationError(f"{type(err).__name__}: {err}", f"augment.local.batch_size ({local.batch_size}): "
                                   "a batch does not fit in memory; lower it", bad_setting=True)
        return GenerationError(f"{type(err).__name__}: {err}",
                               f"augment.local.model ({local.model}): generating with it fails", bad_setting=False)


class EndpointGenerator:
    name = "endpoint"

    def __init__(self, section: AugmentSection, api_key: str | None = None):
        import openai

        self.section = section
        cfg = section.endpoint
        # The key comes from the caller or ADAPT_ENDPOINT_API_KEY (set by whoever started this
        # process: the CLI's user, or the app from what its visitor typed), never from a variable a
        # setting names. It lives only in memory.
        key = api_key or os.environ.get(ENDPOINT_KEY_ENV) or "not-needed"
        self.has_key = key != "not-needed"
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
                return GenerationError("empty response", f"augment.endpoint.model ({self.section.endpoint.model}): "
                                       "the endpoint answers with no text", bad_setting=True)
            return content
        except Exception as err:  # the client already retried with backoff
            return self._failure(err)

    def _failure(self, err: Exception) -> GenerationError:
        """Which setting an endpoint error points to, and whether changing it is the fix."""
        import openai

        cfg = self.section.endpoint
        reason = f"{type(err).__name__}: {err}"
        url = f"augment.endpoint.base_url ({cfg.base_url})"
        if isinstance(err, openai.APITimeoutError):  # before APIConnectionError, its parent class
            return GenerationError(reason, f"augment.endpoint.timeout_s ({cfg.timeout_s:g} s): no answer in time "
                                   f"from {cfg.base_url}; raise it, or check the server", bad_setting=False)
        if isinstance(err, openai.APIConnectionError):
            return GenerationError(reason, f"{url}: nothing answers there; is the server running at that address?",
                                   bad_setting=True)
        if isinstance(err, (openai.AuthenticationError, openai.PermissionDeniedError)):
            given = "a key was given" if self.has_key else "none was given"
            return GenerationError(reason, f"the endpoint key ({ENDPOINT_KEY_ENV} on the command line, the endpoint "
                                   f"key field in the app; {given}): the endpoint refused it", bad_setting=True)
        if isinstance(err, openai.NotFoundError):
            return GenerationError(reason, f"{url}, the API root (often ending in /v1), and augment.endpoint.model "
                                   f"({cfg.model})", bad_setting=True)
        if isinstance(err, (openai.BadRequestError, openai.UnprocessableEntityError)):
            return GenerationError(reason, f"augment.endpoint.model ({cfg.model}) and augment.max_new_tokens "
                                   f"({self.section.max_new_tokens}): the endpoint refused the request",
                                   bad_setting=True)
        return GenerationError(reason, f"the server at {url}: it failed on every request", bad_setting=False)

    def complete(self, prompts: list[list[dict]], seed: int) -> list[str | Exception]:
        with ThreadPoolExecutor(max_workers=self.section.endpoint.concurrency) as pool:
            return list(pool.map(lambda args: self._one(*args), [(p, seed + i) for i, p in enumerate(prompts)]))


def llm_backend(config: RunConfig, api_key: str | None, trust_remote_code: bool):
    """The generator augment.backend names (local or endpoint); also the evaluation's judge."""
    if config.augment.backend == "local":
        return LocalGenerator(config.augment, trust_remote_code)
    return EndpointGenerator(config.augment, api_key)
