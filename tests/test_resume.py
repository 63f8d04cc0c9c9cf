"""Kill and stop a real training process mid-CPT, then resume it."""

import hashlib
import os
import signal
import subprocess
import sys
import time

from adapt.rundir import RunDir
from conftest import ROOT, make_config, run_cli

SLOW_CPT = {"epochs": 40, "max_steps": 200, "save_every_steps": 10, "keep_checkpoints": 2}


def _start(config, runs):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "adapt", "run", str(config), "--runs-dir", str(runs), "--quiet"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(predicate, proc, timeout=1800):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc.poll() is not None:
            raise AssertionError(f"process ended early: {proc.stderr.read()[-2000:]}")
        time.sleep(0.05)
    raise AssertionError("timed out waiting for the run to get there")


def _run(runs):
    dirs = [p for p in runs.iterdir() if p.is_dir()] if runs.exists() else []
    return RunDir(dirs[0]) if dirs else None


def _checkpoint_steps(run):
    folder = run.checkpoints_dir("cpt")
    if not folder.exists():
        return []
    return sorted(int(p.name.split("-")[1]) for p in folder.iterdir()
                  if p.name.startswith("checkpoint-") and (p / "trainer_state.json").exists())


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_sigkill_mid_cpt_then_resume_continues_the_step_count(tmp_path, tiny_model, corpus_dir, sft_file):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, sft_file, cpt=SLOW_CPT)
    runs = tmp_path / "runs"
    proc = _start(config, runs)
    try:
        _wait_for(lambda: _run(runs) is not None and len(_checkpoint_steps(_run(runs))) >= 2, proc)
        run = _run(runs)
        _wait_for(lambda: max([e.get("step", 0) for e in run.events() if e.get("stage") == "cpt"] or [0])
                  > _checkpoint_steps(run)[-1] + 2, proc)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=1800)
    assert proc.returncode == -signal.SIGKILL
    assert run.status()["state"] == "running", "a killed process cannot have marked itself"
    killed_at = max(e["step"] for e in run.events() if e.get("stage") == "cpt" and "step" in e)
    last_checkpoint = _checkpoint_steps(run)[-1]
    assert 0 < last_checkpoint < killed_at
    data_before = {p.name: _digest(p) for p in run.data_dir.glob("*.json*")}

    result = run_cli("run", "--resume", str(run.path), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    status = run.status()
    assert status["state"] == "done" and status["stages"]["sft"]["state"] == "done"

    events = run.events()
    resumed_at = max(i for i, e in enumerate(events) if e.get("event") == "resumed")
    after = [e for e in events[resumed_at:] if e.get("stage") == "cpt" and "step" in e]
    assert after[0]["step"] == last_checkpoint + 1, "training continued from the checkpoint, not from zero"
    assert after[-1]["step"] == after[-1]["total_steps"]
    # finished work was neither lost nor redone (the SFT stage adds its own data file afterwards)
    after_resume = {p.name: _digest(p) for p in run.data_dir.glob("*.json*")}
    assert {name: after_resume.get(name) for name in data_before} == data_before
    assert not [e for e in events[resumed_at:] if e.get("stage") == "ingest"]
    assert "ingest: already done" in run.log_path.read_text()
    assert (run.path / "adapter" / "adapter_model.safetensors").is_file()


def test_sigterm_checkpoints_and_stops_then_resume_finishes(tmp_path, tiny_model, corpus_dir):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, cpt=SLOW_CPT, eval={"enabled": False})
    runs = tmp_path / "runs"
    proc = _start(config, runs)
    try:
        _wait_for(lambda: _run(runs) is not None
                  and any(e.get("step", 0) >= 5 for e in _run(runs).events() if e.get("stage") == "cpt"), proc)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=1800)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130
    run = _run(runs)
    status = run.status()
    assert status["state"] == "stopped" and status["stages"]["cpt"]["state"] == "running"
    stopped_at = max(e["step"] for e in run.events() if e.get("stage") == "cpt" and "step" in e)
    assert stopped_at in _checkpoint_steps(run), "SIGTERM saves a checkpoint at the step it stopped"
    assert "--resume" in run.log_tail()

    result = run_cli("run", "--resume", str(run.path), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    assert run.status()["state"] == "done"
    assert run.status()["stages"]["eval"]["state"] == "skipped"


def test_resume_refuses_a_run_that_is_still_alive(tmp_path, tiny_model, corpus_dir):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, cpt=SLOW_CPT)
    runs = tmp_path / "runs"
    proc = _start(config, runs)
    try:
        _wait_for(lambda: _run(runs) is not None and _run(runs).status().get("stage") == "cpt", proc)
        result = run_cli("run", "--resume", str(_run(runs).path))
        assert result.returncode == 2 and "already running" in result.stderr
    finally:
        proc.kill()
        proc.wait(timeout=1800)


def test_a_reused_pid_does_not_block_resume():
    from adapt.rundir import process_alive, process_start_time

    own_parent = os.getppid()
    assert process_alive(own_parent, process_start_time(own_parent))
    assert not process_alive(own_parent, "not-its-start-time"), "same pid number, different process"
    assert not process_alive(None)
