"""Faults a real run meets, each really done to a real training process (tiny model, CPU):
SIGKILL at a random point of every stage, a disk that fills up while a checkpoint is written, and a
batch too large for memory. After each: a clear message, nothing finished lost or corrupted, and
resume completes the run."""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from adapt.rundir import RunDir
from conftest import ROOT, make_config, run_cli

SAVE_EVERY = 2
SECTIONS = dict(
    augment={"backend": "rules", "categories": {"paraphrase": 1, "qa_easy": 1}},
    cpt={"max_steps": 8, "save_every_steps": SAVE_EVERY, "keep_checkpoints": 2},
    sft={"max_steps": 6, "save_every_steps": SAVE_EVERY, "keep_checkpoints": 2},
    eval={"max_docs": 4, "max_questions": 4, "retrieval": "off", "context_length": 64, "general_paths": []},
)
# How many times each point is passed in a full run of the config above (n is drawn from 1..count).
POINTS = {"ingest.file": None, "augment.doc": None, "cpt.step": 8, "sft.step": 6, "eval.part": 4}


def only_run(runs: Path) -> RunDir:
    (path,) = [p for p in runs.iterdir() if p.is_dir()]
    return RunDir(path)


def strict_jsonl(path: Path) -> list[dict]:
    """Every line must parse: a torn line would mean a non-atomic append."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def reference(tmp_path_factory, tiny_model, corpus_dir, sft_file):
    """The same config run without faults: what a killed-and-resumed run must end up with."""
    root = tmp_path_factory.mktemp("reference")
    config = make_config(root / "config.yaml", tiny_model, corpus_dir, sft_file, **SECTIONS)
    result = run_cli("run", str(config), "--runs-dir", str(root / "runs"), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    return only_run(root / "runs"), config


def count_for(point: str, reference_run: RunDir) -> int:
    if point == "ingest.file":
        return json.loads((reference_run.data_dir / "stats.json").read_text())["files"]
    if point == "augment.doc":
        return max(e["step"] for e in strict_jsonl(reference_run.events_path) if e.get("stage") == "augment"
                   and "step" in e)
    return POINTS[point]


@pytest.mark.parametrize("point", list(POINTS))
def test_sigkill_anywhere_then_resume_finishes_without_redoing_or_corrupting(point, reference, tmp_path):
    reference_run, config = reference
    n = random.Random(point).randint(1, count_for(point, reference_run))
    runs = tmp_path / "runs"
    killed = run_cli("run", str(config), "--runs-dir", str(runs), "--quiet", env={"ADAPT_FAULT": f"kill:{point}:{n}"})
    assert killed.returncode == -9, (point, n, killed.returncode, killed.stderr[-2000:])
    run = only_run(runs)
    stage = point.split(".")[0]
    before = run.status()
    assert before["stages"][stage]["state"] == "running"  # died mid-stage, status.json still readable
    done_before = {s for s, e in before["stages"].items() if e.get("state") in ("done", "skipped")}

    resumed = run_cli("run", "--resume", str(run.path), "--quiet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    status = run.status()
    assert status["state"] == "done"
    events = strict_jsonl(run.events_path)
    # Stages finished before the kill were not started again.
    restart = max(i for i, e in enumerate(events) if e.get("event") == "resumed")
    for finished in done_before:
        assert not any(e.get("stage") == finished and ("step" in e or e.get("event") == "done")
                       for e in events[restart:]), finished
    if stage in ("cpt", "sft"):
        # Training went on from the last checkpoint before step n: at most SAVE_EVERY steps redone.
        first = min(e["step"] for e in events[restart:] if e.get("stage") == stage and "loss" in e)
        assert first >= n - SAVE_EVERY + 1 if n > SAVE_EVERY else first >= 1, (n, first)
        assert status["stages"][stage]["step"] == POINTS[point]
    # What was produced equals the uninterrupted run's: nothing lost, duplicated or corrupted.
    for name in ("documents.jsonl", "split.json", "augment/qa_train.jsonl"):
        assert (run.data_dir / name).read_bytes() == (reference_run.data_dir / name).read_bytes(), name
    items = strict_jsonl(run.data_dir / "augment" / "items.jsonl")
    assert sorted((i["doc_id"], i["category"]) for i in items) == sorted(
        (i["doc_id"], i["category"]) for i in strict_jsonl(reference_run.data_dir / "augment" / "items.jsonl"))
    report = json.loads(run.report_path.read_text())
    assert report["perplexity"]["heldout_domain"]["sft"]["perplexity"] > 0


def _mount_tmpfs(folder: Path, size_bytes: int) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(folder)],
                            capture_output=True)
    return result.returncode == 0


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def test_disk_full_during_a_checkpoint_keeps_the_previous_one_and_resume_finishes(tmp_path, tiny_model, corpus_dir):
    """A real full disk: the run directory sits on a tmpfs sized so that the first checkpoint fits and
    the second does not. Needs root (mount); CI runs as root."""
    config = make_config(tmp_path / "config.yaml", tiny_model, corpus_dir, None, model={"method": "full"},
                         augment={"enabled": False}, sft={"enabled": False}, eval={"enabled": False},
                         cpt={"max_steps": 4, "save_every_steps": 2, "keep_checkpoints": 3})
    # Measure on a normal disk what the run holds once its first checkpoint is written (killed at step 3).
    probe = run_cli("run", str(config), "--runs-dir", str(tmp_path / "probe"), "--quiet",
                    env={"ADAPT_FAULT": "kill:cpt.step:3"})
    assert probe.returncode == -9, probe.stderr[-2000:]
    first = only_run(tmp_path / "probe").checkpoints_dir("cpt") / "checkpoint-2"
    checkpoint = _tree_bytes(first)
    before = _tree_bytes(tmp_path / "probe")
    mount = tmp_path / "small-disk"
    if not _mount_tmpfs(mount, before + checkpoint // 2 + 128 * 1024):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        runs = mount / "runs"
        full = run_cli("run", str(config), "--runs-dir", str(runs), "--quiet")
        assert full.returncode != 0
        assert "disk is full" in full.stderr and "resume" in full.stderr, full.stderr[-2000:]
        assert "Traceback" not in full.stderr
        run = only_run(runs)
        assert run.status()["state"] == "failed"
        from adapt.train.runner import last_complete_checkpoint
        kept = last_complete_checkpoint(run.checkpoints_dir("cpt"))
        assert kept is not None and kept.name == "checkpoint-2"
        from transformers import AutoModelForCausalLM
        assert AutoModelForCausalLM.from_pretrained(kept) is not None  # the previous checkpoint still loads

        subprocess.run(["mount", "-o", "remount,size=256m", str(mount)], check=True)  # the user frees space
        resumed = run_cli("run", "--resume", str(run.path), "--quiet")
        assert resumed.returncode == 0, resumed.stderr[-3000:]
        steps = [e["step"] for e in strict_jsonl(run.events_path) if e.get("stage") == "cpt" and "loss" in e]
        assert steps[-2:] == [3, 4] and run.status()["state"] == "done"
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_batch_too_big_for_memory_is_retried_smaller_then_named(tmp_path, tiny_model, corpus_dir):
    """A real allocation failure: the training process gets an address-space limit, and a micro-batch
    whose attention scores cannot fit under it."""
    limit = 3 * 2**30  # the process needs ~2.5 GiB of address space to start; a big batch does not fit
    docs = tmp_path / "docs"
    docs.mkdir()
    for source in sorted((ROOT / "examples" / "general" / "ja").glob("*"))[:40]:
        (docs / source.name).write_bytes(source.read_bytes())
    config = make_config(tmp_path / "config.yaml", tiny_model, docs, None, model={"method": "full"},
                         augment={"enabled": False}, sft={"enabled": False}, eval={"enabled": False},
                         data={"heldout_fraction": 0.0},
                         cpt={"context_length": 2048, "micro_batch_size": 512, "grad_accum": 1, "max_steps": 1,
                              "save_every_steps": 100})

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-m", "adapt", "run", str(config), "--runs-dir", str(tmp_path / "runs"),
                             "--quiet"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=3600,
                            preexec_fn=limited)
    run = only_run(tmp_path / "runs")
    retries = [e for e in strict_jsonl(run.events_path) if e.get("event") == "oom_retry"]
    assert retries, result.stderr[-3000:]
    assert "out of memory" in result.stderr and "cpt.micro_batch_size" in result.stderr
    assert retries[0]["micro_batch_size"] == 256 and retries[0]["grad_accum"] == 2
    if result.returncode == 0:
        assert run.status()["stages"]["cpt"]["micro_batch"]["micro_batch_size"] < 512
    else:  # even micro-batch 1 did not fit: a clear message, no traceback
        assert "Traceback" not in result.stderr


def test_out_of_memory_message_names_the_settings():
    import errno

    import torch

    from adapt.resources import is_disk_full, is_out_of_memory, out_of_memory_message

    assert is_out_of_memory(torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB"))
    assert is_out_of_memory(RuntimeError("[enforce fail at alloc_cpu.cpp:117] DefaultCPUAllocator: can't allocate memory"))
    assert not is_out_of_memory(RuntimeError("shape mismatch"))
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    wrapped = RuntimeError("saving failed")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert is_disk_full(wrapped) and not is_disk_full(RuntimeError("other"))
    text = out_of_memory_message("sft", 8, 2048, "full")
    assert "sft.micro_batch_size" in text and "sft.gradient_checkpointing" in text and "lora" in text
