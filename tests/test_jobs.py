"""The job API behind the app: a queue on disk, one run at a time, owners kept apart, stop/resume,
and dead processes found out. Real subprocesses train a tiny model."""

import os
import signal
import time

import pytest

from adapt.config import RunConfig
from adapt.jobs import INTERRUPTED, JobError, JobManager, progress_fraction
from adapt.rundir import process_alive


@pytest.fixture
def config(tiny_model, corpus_dir):
    return RunConfig.from_dict({
        "name": "job", "model": {"base": str(tiny_model), "lora": {"r": 4, "alpha": 8}},
        "data": {"paths": [str(corpus_dir)]},
        "augment": {"enabled": False}, "mix": {"replay_paths": []},
        "cpt": {"context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "max_steps": 8, "save_every_steps": 2},
        "sft": {"enabled": False, "general_data": []},
        "eval": {"enabled": False, "precheck": False, "general_paths": []},
    })


def wait_for(predicate, timeout=1800.0, manager=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if manager:
            manager.tick()
        if predicate():
            return True
        time.sleep(0.2)
    raise AssertionError("condition not reached in time")


def test_queue_runs_one_at_a_time_in_order(tmp_path, config):
    jobs = JobManager(tmp_path / "runs")
    first = jobs.create(config, owner="alice")
    second = jobs.create(config.model_copy(update={"name": "second"}), owner="alice")
    assert [jobs.queue_position(first), jobs.queue_position(second)] == [1, 2]
    jobs.tick()
    assert first.status()["state"] == "running" and second.status()["state"] == "queued"
    assert jobs.queue_position(second) == 1
    jobs.tick()  # still one slot: the second waits
    assert second.status()["state"] == "queued"
    wait_for(lambda: first.status()["state"] == "done", manager=jobs)
    wait_for(lambda: second.status()["state"] == "done", manager=jobs)
    assert first.status()["started_at"] < second.status()["started_at"]
    assert progress_fraction(second.read_status()) == 1.0
    assert [r.state for r in jobs.list("alice")] == ["done", "done"]


def test_owners_see_and_control_only_their_own_runs(tmp_path, config):
    jobs = JobManager(tmp_path / "runs")
    run = jobs.create(config, owner="alice")
    assert [r.id for r in jobs.list("alice")] == [run.path.name] and jobs.list("bob") == []
    for attempt in (lambda: jobs.get(run.path.name, "bob"), lambda: jobs.stop(run.path.name, "bob"),
                    lambda: jobs.resume(run.path.name, "bob"), lambda: jobs.rerun_eval(run.path.name, "bob")):
        with pytest.raises(JobError, match="no such run"):
            attempt()
    for bad in ("..", "../runs", "/etc", ".hidden", ""):
        with pytest.raises(JobError):
            jobs.get(bad, "alice")


def test_stop_then_resume_continues_to_done(tmp_path, config):
    slow = config.with_overrides({"cpt.max_steps": 150, "cpt.save_every_steps": 1000})
    jobs = JobManager(tmp_path / "runs")
    run = jobs.create(slow, owner="alice")
    jobs.tick()
    wait_for(lambda: (run.status().get("stages", {}).get("cpt") or {}).get("step", 0) >= 3)
    assert "stopping" in jobs.stop(run.path.name, "alice")
    wait_for(lambda: run.status()["state"] == "stopped", manager=jobs)
    stopped_at = run.status()["stages"]["cpt"]["step"]
    assert 3 <= stopped_at < 150
    jobs.resume(run.path.name, "alice")
    wait_for(lambda: run.status()["state"] == "done", timeout=3600, manager=jobs)
    events = run.events()
    resumed = next(i for i, e in enumerate(events) if e.get("event") == "resumed")
    steps_after = [e["step"] for e in events[resumed:] if e.get("stage") == "cpt" and "step" in e]
    assert 1 < steps_after[0] <= stopped_at + 1  # continued from the stop's checkpoint, not from zero


def test_a_killed_process_is_marked_stopped_and_resumable(tmp_path, config):
    slow = config.with_overrides({"cpt.max_steps": 200})
    jobs = JobManager(tmp_path / "runs")
    run = jobs.create(slow, owner="alice")
    jobs.tick()
    wait_for(lambda: (run.status().get("stages", {}).get("cpt") or {}).get("step", 0) >= 2)
    pid = run.status()["pid"]
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not process_alive(pid))
    # A fresh manager, as after an app restart, finds the dead run.
    restarted = JobManager(tmp_path / "runs")
    restarted.tick()
    status = run.status()
    assert status["state"] == "stopped" and status["error"] == INTERRUPTED
    restarted.resume(run.path.name, "alice")
    assert run.status()["state"] == "queued"


def test_stop_of_a_queued_run_and_rerun_eval_rules(tmp_path, config):
    jobs = JobManager(tmp_path / "runs")
    run = jobs.create(config, owner="alice")
    assert jobs.stop(run.path.name, "alice") == "removed from the queue"
    assert run.status()["state"] == "stopped"
    with pytest.raises(JobError, match="no trained model"):
        jobs.rerun_eval(run.path.name, "alice")
    with pytest.raises(JobError, match="not running"):
        jobs.stop(run.path.name, "alice")


def test_several_gpus_launch_one_job_over_all_of_them(tmp_path):
    assert JobManager(tmp_path / "a", gpus=0).launcher()[1:] == []
    command = JobManager(tmp_path / "b", gpus=4, python="py").launcher()
    assert command == ["py", "-m", "accelerate.commands.launch", "--num_processes", "4"]


APP = """
import sys, os, time
sys.path.insert(0, {root!r})
from adapt.config import RunConfig
from adapt.jobs import JobManager
jobs = JobManager({runs!r})
config = RunConfig.from_yaml({config!r})
first = jobs.create(config, owner="alice")
second = jobs.create(config.model_copy(update={{"name": "second"}}), owner="alice")
jobs.tick()
while first.status().get("stages", {{}}).get("cpt", {{}}).get("state") != "running":
    time.sleep(0.1)
print(first.path.name, second.path.name, flush=True)
os.kill(os.getpid(), 9)  # the app dies without warning, mid-job, with one job queued
"""


def test_app_killed_mid_job_the_next_app_reattaches_and_runs_the_queue(tmp_path, config):
    import subprocess
    import sys

    from conftest import ROOT

    path = tmp_path / "config.yaml"
    path.write_text(config.to_yaml(), encoding="utf-8")
    script = APP.format(root=str(ROOT), runs=str(tmp_path / "runs"), config=str(path))
    app = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=3600)
    assert app.returncode == -9, app.stderr[-2000:]
    first_id, second_id = app.stdout.split()

    restarted = JobManager(tmp_path / "runs")  # a fresh app process finds both runs on disk
    first, second = restarted.get(first_id, "alice"), restarted.get(second_id, "alice")
    assert first.status()["state"] == "running" and process_alive(first.status()["pid"])  # the job outlived the app
    assert second.status()["state"] == "queued"
    wait_for(lambda: first.status()["state"] == "done", manager=restarted)
    wait_for(lambda: second.status()["state"] == "done", manager=restarted)
    assert first.status()["ended_at"] <= second.status()["started_at"]
