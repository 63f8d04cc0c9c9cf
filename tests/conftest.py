from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Nothing in the test suite may reach the Hugging Face Hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# The converted offline model is shared with every run on this machine (converting it takes ~25 s and
# is checked by checksum); results cached for base models are not: each test session starts empty.
from adapt import cachedir, offline_model  # noqa: E402

os.environ.setdefault("ADAPT_MODEL_CACHE", str(offline_model.cache_root()))
os.environ["ADAPT_CACHE"] = tempfile.mkdtemp(prefix="adapt-test-cache-")

from corpus import all_text, write_conversations, write_corpus  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model(tmp_path_factory) -> Path:
    """A random-init Llama with a byte-level BPE tokenizer trained on the test corpus."""
    from adapt.scratch import ScratchSpec, build_scratch_model

    out = tmp_path_factory.mktemp("models") / "tiny"
    build_scratch_model(all_text() * 3, out, ScratchSpec(vocab_size=600, hidden_size=64, layers=2, heads=4))
    return out


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "docs")


@pytest.fixture(scope="session")
def sft_file(tmp_path_factory) -> Path:
    return write_conversations(tmp_path_factory.mktemp("sft") / "conversations.jsonl")


def make_config(path: Path, model_dir: Path, docs: Path, sft_path: Path | None, **sections) -> Path:
    config = {
        "name": "test",
        "seed": 7,
        "model": {"base": str(model_dir), "method": "lora", "lora": {"r": 8, "alpha": 16}},
        "data": {"paths": [str(docs)], "heldout_fraction": 0.2},
        # Tests choose their own general text; the bundled corpus is the default for real runs.
        "mix": {"replay_paths": []},
        "cpt": {"context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "epochs": 4,
                "learning_rate": 3e-3, "save_every_steps": 10, "warmup_ratio": 0.0},
        "sft": {"data": [str(sft_path)] if sft_path else [], "general_data": [], "context_length": 64,
                "micro_batch_size": 4, "grad_accum": 1, "epochs": 2, "learning_rate": 1e-3},
        "eval": {"context_length": 64, "general_paths": []},
    }
    for section, values in sections.items():
        config.setdefault(section, {}).update(values)
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, timeout: int = 3600, env: dict | None = None,
            ) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "adapt", *args], cwd=cwd or ROOT, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
