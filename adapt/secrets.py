"""Keeping tokens out of everything we write, and out of the runs a visitor launches.

Secrets reach the engine only through the environment (HF_TOKEN and friends) and only under names
fixed here: no setting of a run names an environment variable to read, since on a shared server
the person who writes the settings is not the person who set the variables. Anything that goes to
a log, an error message or a file passes through `redact` first.
"""

from __future__ import annotations

import logging
import os
import re

# The one variable the endpoint generator's key is read from (the CLI's own environment; the app sets
# it for a job from the key its visitor typed, and from nothing else).
ENDPOINT_KEY_ENV = "ADAPT_ENDPOINT_API_KEY"
SECRET_ENV_VARS = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_TOKEN", "OPENAI_API_KEY", "ADAPT_API_KEY",
                   ENDPOINT_KEY_ENV)
# What a job launched for a visitor of a shared app must not inherit from the server: the sign-in
# list and the app's own secrets by name, and anything whose name says it is a credential.
_SERVER_ONLY_ENV = ("ADAPT_USERS", "ADAPT_PASSWORD", "ADAPT_SECRET", "ADAPT_ENDPOINTS", "OAUTH_CLIENT_SECRET")
# Whole words of the name: HF_TOKEN and AWS_SECRET_ACCESS_KEY go, TOKENIZERS_PARALLELISM stays.
_CREDENTIAL_WORDS = {"TOKEN", "TOKENS", "SECRET", "SECRETS", "PASSWORD", "PASSWD", "KEY", "KEYS", "APIKEY",
                     "CREDENTIAL", "CREDENTIALS", "AUTH"}


def _names_a_credential(name: str) -> bool:
    return any(word in _CREDENTIAL_WORDS for word in name.upper().split("_"))

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


def shared_server(environ: dict[str, str] | None = None) -> bool:
    """Several people use this app (a Space, or per-user passwords): the machine's own credentials
    must then reach none of them."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("SPACE_ID") or environ.get("ADAPT_USERS"))


def operator_endpoints(environ: dict[str, str] | None = None) -> list[str]:
    """The endpoint URLs the operator lets the app's visitors use (ADAPT_ENDPOINTS, comma-separated)."""
    environ = os.environ if environ is None else environ
    return [url.strip() for url in environ.get("ADAPT_ENDPOINTS", "").split(",") if url.strip()]


def job_environment(environ: dict[str, str], endpoint_key: str | None = None,
                    keep_hub_token: bool = False) -> dict[str, str]:
    """The environment of a job the app starts: the server's, less every credential, plus the
    endpoint key the visitor typed for this run (if any). The Hub token stays only where the app
    has one user (keep_hub_token): a base model behind the operator's own access is then theirs."""
    hub = {name: environ[name] for name in ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN") if keep_hub_token and name in environ}
    env = {name: value for name, value in environ.items()
           if name not in _SERVER_ONLY_ENV and not _names_a_credential(name)}
    env.update(hub)
    if endpoint_key:
        register_secret(endpoint_key)
        env[ENDPOINT_KEY_ENV] = endpoint_key
    return env
