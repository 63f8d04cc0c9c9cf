"""The CPU training path of issue 18: the switches it is made of do what they say. (How much faster it
is, and what it learns in the same minutes, is bench/knowledge_per_minute.py's to measure.)"""

import platform
import re

import pytest
import torch
from safetensors.torch import load_file

from adapt.models import load_model
from adapt.resources import keep_freed_memory
from adapt.rundir import RunDir
from adapt.train.stages import StageInputError, freeze_below
from conftest import make_config, run_cli


def test_training_only_the_top_blocks_leaves_every_other_weight_as_it_was(tmp_path, tiny_model, corpus_dir):
    config = make_config(tmp_path / "top.yaml", tiny_model, corpus_dir, None,
                         model={"method": "full", "train_layers": 1}, sft={"enabled": False},
                         cpt={"max_steps": 3, "epochs": 1, "learning_rate": 1e-2},
                         eval={"enabled": False}, augment={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    run = RunDir(next((tmp_path / "runs").iterdir()))
    assert "training the top 1 of 2 transformer blocks" in run.log_path.read_text()
    trained = load_file(str(run.output_path("final") / "model.safetensors"))
    base = load_model(str(tiny_model)).state_dict()
    changed = {name for name, tensor in trained.items() if not torch.equal(tensor, base[name])}
    assert changed, "nothing was trained"
    assert all(name.startswith(("model.layers.1.", "model.norm.")) for name in changed), sorted(changed)
    assert any(name.startswith("model.layers.1.mlp") for name in changed)


def test_more_blocks_than_the_model_has_is_refused_with_the_number_it_has(tiny_model):
    with pytest.raises(StageInputError, match=r"model.train_layers=5, but the model has 2 transformer blocks"):
        freeze_below(load_model(str(tiny_model)), 5)


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="mallopt is glibc's")
def test_freed_memory_stays_with_the_process_on_glibc():
    assert keep_freed_memory() is True


def _train_top_block(tmp_path, tiny_model, corpus_dir, name: str, reuse: bool) -> RunDir:
    config = make_config(tmp_path / f"{name}.yaml", tiny_model, corpus_dir, None,
                         model={"method": "full", "train_layers": 1, "reuse_frozen_blocks": reuse},
                         sft={"enabled": False}, cpt={"epochs": 3, "learning_rate": 1e-2, "micro_batch_size": 2},
                         eval={"enabled": False}, augment={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / name), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    return RunDir(next((tmp_path / name).iterdir()))


def test_reusing_the_frozen_blocks_output_trains_the_same_weights_as_recomputing_it(tmp_path, tiny_model,
                                                                                    corpus_dir):
    reused = _train_top_block(tmp_path, tiny_model, corpus_dir, "reused", True)
    recomputed = _train_top_block(tmp_path, tiny_model, corpus_dir, "recomputed", False)
    log = reused.log_path.read_text()
    assert "later epochs start at block 1" in log
    assert int(re.search(r"cpt: (\d+) row passes started at block 1", log).group(1)) > 0
    assert "later epochs start at block" not in recomputed.log_path.read_text()
    a = load_file(str(reused.output_path("final") / "model.safetensors"))
    b = load_file(str(recomputed.output_path("final") / "model.safetensors"))
    base = load_model(str(tiny_model)).state_dict()
    assert not torch.equal(a["model.layers.1.mlp.up_proj.weight"], base["model.layers.1.mlp.up_proj.weight"])
    for name in a:
        torch.testing.assert_close(a[name], b[name], rtol=1e-4, atol=1e-5, msg=name)


def test_compile_switch_trains_through_torch_compile(tmp_path, tiny_model, corpus_dir):
    """model.compile goes to the Trainer's torch_compile: inductor writes the compiled kernels it ran
    into its cache folder, and the run ends with trained weights."""
    config = make_config(tmp_path / "compiled.yaml", tiny_model, corpus_dir, None,
                         model={"method": "full", "compile": True}, sft={"enabled": False},
                         cpt={"max_steps": 3, "epochs": 1, "learning_rate": 1e-2},
                         eval={"enabled": False}, augment={"enabled": False})
    cache = tmp_path / "inductor"
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet",
                     env={"TORCHINDUCTOR_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert any(path.is_file() for path in cache.rglob("*")), "nothing was compiled"
    run = RunDir(next((tmp_path / "runs").iterdir()))
    assert "compiling the model with torch.compile" in run.log_path.read_text()
    trained = load_file(str(run.output_path("final") / "model.safetensors"))
    base = load_model(str(tiny_model)).state_dict()
    assert any(not torch.equal(tensor, base[name]) for name, tensor in trained.items())


def test_fused_kernels_are_refused_before_the_run_where_they_cannot_run(tmp_path, tiny_model, corpus_dir):
    config = make_config(tmp_path / "fused.yaml", tiny_model, corpus_dir, None, model={"fused_kernels": True})
    result = run_cli("validate", str(config))
    assert result.returncode != 0
    message = result.stderr + result.stdout
    reason = "no CUDA GPU" if not torch.cuda.is_available() else "liger-kernel is not installed"
    assert "model.fused_kernels" in message and reason in message, message[-2000:]
