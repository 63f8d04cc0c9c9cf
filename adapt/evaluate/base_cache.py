"""What the base model says does not change between runs: its per-token losses on a text and its
greedy answers to a question, for the same settings. Kept on disk per base model, so the precheck
and the evaluation of a run, and every later run on the same base, measure the base only once.

    <cache home>/eval/<base fingerprint>/<key>.npz | .json

The key covers everything the result depends on: the base model's files (sizes and modification
times, or the Hub snapshot), the inputs, the settings, the dtype and device, the versions of torch
and transformers, and the source of the code that computes it (generation.py, perplexity.py,
qa.py), so a change to any of them misses the cache instead of reading a stale answer.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from adapt import cachedir, generation
from adapt.data import questions
from adapt.evaluate import perplexity as perplexity_module
from adapt.evaluate import qa
from adapt.fileio import write_bytes_atomic, write_json_atomic

log = logging.getLogger("adapt")


def _source_digest() -> str:
    digest = hashlib.sha256()
    for module in (generation, perplexity_module, qa, questions):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def model_fingerprint(folder: str) -> str | None:
    """Identity of a local model folder: its config and the size and time of every weight file.
    None where the folder cannot be read (then nothing is cached)."""
    path = Path(folder)
    if not path.is_dir():
        return None
    digest = hashlib.sha256()
    try:
        digest.update((path / "config.json").read_bytes())
        for item in sorted(path.iterdir()):
            if item.suffix in (".safetensors", ".bin", ".json") and item.is_file():
                stat = item.stat()
                digest.update(f"{item.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    except OSError:
        return None
    return digest.hexdigest()[:24]


class BaseCache:
    """Losses and answers of one base model. `folder` is where the model was loaded from; a Hub id
    is looked up in the local Hugging Face cache; disabled when neither gives an identity."""

    def __init__(self, folder: str, dtype: torch.dtype, device: torch.device):
        fingerprint = model_fingerprint(folder) if os.path.isdir(folder) else _hub_fingerprint(folder)
        self.folder = cachedir.cache_home() / "eval" / fingerprint if fingerprint else None
        self.context = [fingerprint, str(dtype), device.type, torch.__version__, _transformers_version(),
                        _source_digest()]

    def _path(self, kind: str, payload, suffix: str) -> Path | None:
        if self.folder is None:
            return None
        key = hashlib.sha256(json.dumps([kind, payload, self.context]).encode()).hexdigest()[:32]
        return self.folder / f"{kind}-{key}{suffix}"

    def losses(self, sequences: list[list[int]], compute: Callable[[], list[torch.Tensor]]) -> list[torch.Tensor]:
        path = self._path("losses", sequences, ".npz")
        if path is not None and path.is_file():
            try:
                with np.load(path) as stored:
                    return [torch.from_numpy(stored[f"s{i}"]) for i in range(len(sequences))]
            except (OSError, KeyError, ValueError):
                log.warning("eval cache: %s is unreadable; measuring again", path.name)
        result = compute()
        if path is not None:
            import io

            buffer = io.BytesIO()
            np.savez(buffer, **{f"s{i}": t.numpy() for i, t in enumerate(result)})
            write_bytes_atomic(path, buffer.getvalue())
        return result

    def answers(self, prompts: list, settings: dict, compute: Callable[[], list[str]]) -> list[str]:
        path = self._path("answers", [prompts, settings], ".json")
        if path is not None and path.is_file():
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(stored, list) and len(stored) == len(prompts):
                    return stored
            except (OSError, ValueError):
                log.warning("eval cache: %s is unreadable; answering again", path.name)
        result = compute()
        if path is not None:
            write_json_atomic(path, result)
        return result


def _hub_fingerprint(repo_id: str) -> str | None:
    from huggingface_hub import try_to_load_from_cache

    cached = try_to_load_from_cache(repo_id, "config.json")
    return model_fingerprint(str(Path(cached).parent)) if isinstance(cached, str) else None


def _transformers_version() -> str:
    import transformers

    return transformers.__version__
