"""Model references: a bundled name, a local directory, or a Hugging Face Hub id.

Loading goes through `from_pretrained` in every case, so a Hub id works wherever the Hub is
reachable (a Space). Where it is not, the user gets one clear sentence instead of a retry loop
and a traceback.
"""

from __future__ import annotations

import functools
import logging
import os
import re
from contextlib import contextmanager
from pathlib import Path

from adapt import bundled
from adapt.fileio import path_exists
from adapt.offline_model import OfflineModelError

log = logging.getLogger("adapt")

BUNDLED_MODELS = bundled.MODELS
# The base `auto` stands for: this model where the Hub can be reached (a Space), else the bundled offline model.
RECOMMENDED_HUB_MODEL = "Qwen/Qwen2.5-0.5B-Instruct"
# The Hub's own rule: owner/name, each part at most 96 characters.
_HUB_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}(/[A-Za-z0-9][A-Za-z0-9._-]{0,95})?$")


def reference_problem(ref: str) -> str | None:
    """Why `ref` can name no model, judged without the network: neither auto, a bundled name, an
    existing folder nor a well-formed Hub id. None when it may."""
    if ref == "auto" or ref in BUNDLED_MODELS or ref in bundled.RETIRED_MODELS or path_exists(ref):
        return None
    shown = ref if len(ref) <= 80 else ref[:77] + "..."
    if ref.startswith((".", "/", "~")):
        return f"{shown} not found: no such folder"
    if not _HUB_ID.match(ref):
        return (f"{shown!r} is no bundled model ({', '.join(BUNDLED_MODELS)}), no folder here and no Hugging Face "
                "Hub id (owner/name, letters, digits, . _ -, at most 96 characters each)")
    return None


class ModelNotAvailable(RuntimeError):
    """The model cannot be loaded; the message says why and what to do."""


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "0").lower() in ("1", "true", "yes")


@functools.lru_cache(maxsize=1)
def default_base_model() -> str:
    """The recommended Hub model where it can be had (cached, or the Hub answers), else the bundled
    offline model. Asked once per process, with a short timeout: an offline machine must not wait."""
    if hub_offline():
        return bundled.OFFLINE_DEFAULT
    from huggingface_hub import HfApi, try_to_load_from_cache

    if isinstance(try_to_load_from_cache(RECOMMENDED_HUB_MODEL, "config.json"), str):
        return RECOMMENDED_HUB_MODEL
    try:
        HfApi().model_info(RECOMMENDED_HUB_MODEL, timeout=3)
        return RECOMMENDED_HUB_MODEL
    except Exception:  # DNS, refused, timeout, TLS, 404 on a stand-in Hub: all mean "not usable here"
        return bundled.OFFLINE_DEFAULT


def concrete_base(ref: str) -> str:
    """`auto` made concrete, so a run records (and resumes with) the model it really started from."""
    return default_base_model() if ref == "auto" else ref


def resolve_model(ref: str) -> str:
    """Return a local directory or a Hub id that from_pretrained can take, or raise ModelNotAvailable."""
    ref = concrete_base(ref)
    if ref in BUNDLED_MODELS:
        try:
            path = BUNDLED_MODELS[ref].folder()
        except OfflineModelError as err:
            raise ModelNotAvailable(f"bundled model '{ref}': {err}") from None
        if not (path / "config.json").is_file():
            raise ModelNotAvailable(f"bundled model '{ref}' is missing from {path}; reinstall the project")
        return str(path)
    if ref in bundled.RETIRED_MODELS and not path_exists(ref):
        raise ModelNotAvailable(f"the bundled model '{ref}' was retired; use '{bundled.RETIRED_MODELS[ref]}' "
                                "(or auto) as model.base")
    path = Path(ref).expanduser()
    if path_exists(path):
        if not (path / "config.json").is_file():
            raise ModelNotAvailable(f"{path} is not a model directory (no config.json in it)")
        return str(path.resolve())
    if ref.startswith((".", "/", "~")) or not _HUB_ID.match(ref):
        shown = ref if len(ref) <= 80 else ref[:77] + "..."
        raise ModelNotAvailable(f"model '{shown}' not found: no such directory, and not a valid Hub id (owner/name)")
    _check_hub_model(ref)
    return ref


def _check_hub_model(repo_id: str) -> None:
    """Fail fast, with a reason, when a Hub model can be neither found in the cache nor downloaded."""
    from huggingface_hub import try_to_load_from_cache

    cached = try_to_load_from_cache(repo_id, "config.json")
    if isinstance(cached, str):
        return
    if hub_offline():
        raise ModelNotAvailable(
            f"model '{repo_id}' is not in the local Hugging Face cache and HF_HUB_OFFLINE is set; "
            "download it once while online, or use a local model directory"
        )
    from huggingface_hub import HfApi
    from huggingface_hub.errors import GatedRepoError, RepositoryNotFoundError

    try:
        HfApi().model_info(repo_id, timeout=15)
    except GatedRepoError:
        raise ModelNotAvailable(
            f"model '{repo_id}' is gated: accept its license on huggingface.co and sign in (HF_TOKEN)"
        ) from None
    except RepositoryNotFoundError:
        raise ModelNotAvailable(
            f"model '{repo_id}' does not exist on the Hugging Face Hub (or is private and you are not signed in)"
        ) from None
    except Exception as err:  # network errors come from several HTTP libraries
        raise ModelNotAvailable(
            f"model '{repo_id}' is not in the local cache and the Hugging Face Hub cannot be reached "
            f"({type(err).__name__}); connect to the internet or use a local model directory"
        ) from None


@contextmanager
def _explained(ref: str, what: str):
    """transformers' loading errors, as one sentence that says what to do."""
    try:
        yield
    except ValueError as err:
        if "trust_remote_code" in str(err):
            raise ModelNotAvailable(
                f"model '{ref}' needs to run its own code; allow it with model.trust_remote_code: true "
                "only if you trust its authors"
            ) from None
        raise ModelNotAvailable(f"cannot load {what} '{ref}': {err}") from None
    except OSError as err:
        raise ModelNotAvailable(f"cannot load {what} '{ref}': {str(err).splitlines()[0]}") from None


def load_tokenizer(ref: str, trust_remote_code: bool = False):
    from transformers import AutoTokenizer

    source = resolve_model(ref)
    with _explained(ref, "the tokenizer of"):
        tokenizer = AutoTokenizer.from_pretrained(source, trust_remote_code=trust_remote_code)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def document_boundary_id(tokenizer) -> int | None:
    """The token that stood between documents in the model's pretraining text: the BOS the tokenizer
    adds by itself (Llama), else <|endoftext|> where the vocabulary has it (SmolLM2, Qwen2.5, GPT-2
    style; their BOS, if any, opens a chat turn), else EOS. Packed CPT rows end each document with it,
    and perplexity windows start with it, so raw text is read as pretraining read it."""
    probe = tokenizer("a")["input_ids"]
    if tokenizer.bos_token_id is not None and probe and probe[0] == tokenizer.bos_token_id:
        return tokenizer.bos_token_id
    vocabulary = tokenizer.get_vocab()
    if "<|endoftext|>" in vocabulary:
        return vocabulary["<|endoftext|>"]
    return tokenizer.eos_token_id


def pick_dtype(precision: str):
    """The torch dtype model.precision names (auto: bf16 on a GPU that has it, else fp32)."""
    import torch  # heavy: only where a model is loaded

    if precision == "fp32":
        return torch.float32
    if precision == "fp16":
        return torch.float16
    if precision == "bf16":
        return torch.bfloat16
    if torch.cuda.is_available() and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


def pick_attention(choice: str) -> str:
    if choice != "auto":
        return choice
    # sdpa honours the block-diagonal mask transformers builds for packed sequences, on CPU and GPU.
    return "sdpa"


def native_context_length(ref: str, trust_remote_code: bool = False) -> int | None:
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(resolve_model(ref), trust_remote_code=trust_remote_code)
    return getattr(config, "max_position_embeddings", None)


def rope_overrides(ref: str, target_length: int | None, trust_remote_code: bool = False) -> dict | None:
    """Config changes that stretch a RoPE model to `target_length` tokens, or None if not needed.

    The RoPE base (theta) grows so that the slowest-rotating dimension spans the longer context:
    theta' = theta * s^(d/(d-2)), s = target/native, d = head dimension (NTK-aware scaling, the
    approach behind Llama 3's long-context theta). Continued pretraining at the new length then
    teaches the model to use it.
    """
    from transformers import AutoConfig

    if not target_length:
        return None
    config = AutoConfig.from_pretrained(resolve_model(ref), trust_remote_code=trust_remote_code)
    native = getattr(config, "max_position_embeddings", None)
    if not native or target_length <= native:
        return None
    params = dict(getattr(config, "rope_parameters", None) or {})
    theta = params.get("rope_theta") or getattr(config, "rope_theta", None)
    if theta is None:
        raise ModelNotAvailable(f"model '{ref}' does not use RoPE, so model.rope_target_length cannot extend it")
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    scale = target_length / native
    return {"rope_theta": float(theta) * scale ** (head_dim / (head_dim - 2)),
            "max_position_embeddings": int(target_length), "native_length": int(native)}


def load_model(ref: str, dtype=None, attn: str = "auto", trust_remote_code: bool = False,
               overrides: dict | None = None, in_memory: bool = False):
    """A model to train: `dtype` (default fp32; "auto": as stored), on the CPU, the KV cache off (packed
    rows need it off). For generating or scoring use load_for_inference. in_memory: read the weights
    into memory of their own instead of mapping the file, so a weight replaced later is freed."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    source = resolve_model(ref)
    with _explained(ref, "model"):
        extra = {}
        if overrides:
            config = AutoConfig.from_pretrained(source, trust_remote_code=trust_remote_code)
            config.max_position_embeddings = overrides["max_position_embeddings"]
            params = dict(getattr(config, "rope_parameters", None) or {})
            params["rope_theta"] = overrides["rope_theta"]
            config.rope_parameters = params
            extra["config"] = config
        model = AutoModelForCausalLM.from_pretrained(
            source, dtype=dtype or torch.float32, attn_implementation=pick_attention(attn),
            trust_remote_code=trust_remote_code, **({"disable_mmap": True} if in_memory else {}), **extra,
        )
    model.config.use_cache = False
    return model


def load_for_inference(ref: str, precision: str = "auto", attn: str = "auto", trust_remote_code: bool = False,
                       overrides: dict | None = None, dtype=None, in_memory: bool = False):
    """A model to generate with or score: in the dtype `precision` picks (or `dtype`), on the GPU where
    there is one, in eval mode with the KV cache on."""
    import torch

    model = load_model(ref, dtype=dtype or pick_dtype(precision), attn=attn, trust_remote_code=trust_remote_code,
                       overrides=overrides, in_memory=in_memory)
    model.config.use_cache = True
    return model.to("cuda" if torch.cuda.is_available() else "cpu").eval()
