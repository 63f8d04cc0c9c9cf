"""The run's state on disk stays true whatever is done to it (issue 28): a damaged status.json, two
resumes at once, settings given with --resume, a killed process, evaluation of an untrained run, a
full disk, a NUL in a run id, a runs folder that is a file or read-only. Real `python -m adapt`
processes train the tiny model; cheap refusals call the CLI in-process."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from adapt.cli import main
from adapt.config import RunConfig
from adapt.jobs import JobError, JobManager
from adapt.rundir import RunDir
from conftest import ROOT, make_config, run_cli

SMALL = dict(
    augment={"enabled": False},
    sft={"enabled": False},
    cpt={"max_steps": 2, "save_every_steps": 1, "keep_checkpoints": 1},
    eval={"enabled": False, "precheck": False, "general_paths": []},
)


def only_run(runs: Path) -> RunDir:
    (path,) = [p for p in runs.iterdir() if p.is_dir()]
    return RunDir(path)


def digests(folder: Path) -> dict[str, tuple[str, int]]:
    """Content and modification time of every file: a rewrite with the same bytes still shows."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def stopped_after_augment(tmp_path: Path, tiny_model, corpus_dir, docs=None, **sections) -> RunDir:
    """A run that went as far as `python -m adapt augment` takes it: ingested, nothing trained."""
    config = make_config(tmp_path / "c.yaml", tiny_model, docs or corpus_dir, None, **{**SMALL, **sections})
    result = run_cli("augment", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode == 0, result.stderr[-3000:]
    run = only_run(tmp_path / "runs")
    assert run.status()["state"] == "stopped"
    return run


def cli(capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def killed_run(tmp_path_factory, tiny_model, corpus_dir) -> RunDir:
    """A run SIGKILLed in its first CPT step: status.json still says running, with a dead pid."""
    root = tmp_path_factory.mktemp("killed")
    config = make_config(root / "c.yaml", tiny_model, corpus_dir, None, **SMALL)
    killed = run_cli("run", str(config), "--runs-dir", str(root / "runs"), "--quiet",
                     env={"ADAPT_FAULT": "kill:cpt.step:1"})
    assert killed.returncode == -9, killed.stderr[-3000:]
    run = only_run(root / "runs")
    assert run.status()["state"] == "running"
    return run


# ---- 1. a damaged status.json ----------------------------------------------------------------


def test_a_damaged_status_json_neither_redoes_a_finished_run_nor_loses_its_owner(tmp_path, tiny_model, corpus_dir):
    config = RunConfig.from_yaml(make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, **SMALL))
    jobs = JobManager(tmp_path / "runs")
    run = jobs.create(config, owner="alice")  # as the app launches: an owner, then `run --resume`
    first = run_cli("run", "--resume", str(run.path), "--quiet")
    assert first.returncode == 0, first.stderr[-3000:]
    assert run.status()["state"] == "done"
    adapter = digests(run.path / "adapter")
    events = len(run.events())

    run.status_path.write_text('{"state": "done", "stages": {"ingest": {"sta', encoding="utf-8")  # cut short
    shown = subprocess.run([sys.executable, "-m", "adapt", "status", str(run.path)], cwd=ROOT, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert shown.returncode == 0 and "status.json" in shown.stderr and "damaged" in shown.stderr, shown
    status = json.loads(shown.stdout)
    assert status["state"] == "done" and status["owner"] == "alice"  # rebuilt from the copy beside it
    assert jobs.get(run.path.name, "alice").path == run.path
    with pytest.raises(JobError):
        jobs.get(run.path.name, "mallory")

    again = run_cli("run", "--resume", str(run.path), "--quiet")
    assert again.returncode == 0, again.stderr[-3000:]
    assert digests(run.path / "adapter") == adapter, "the finished result was not trained again"
    redone = [e for e in run.events()[events:] if e.get("stage") != "run"]
    assert redone == [], redone
    assert run.status()["owner"] == "alice" and run.status()["state"] == "done"

    # Both copies damaged: nothing to rebuild from. Refused everywhere, the owner's run not handed to anyone.
    for path in run.path.iterdir():
        if path.name.startswith(("status.json", ".status.json")):
            path.write_text("[]", encoding="utf-8")
    shown = subprocess.run([sys.executable, "-m", "adapt", "status", str(run.path)], cwd=ROOT, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert shown.returncode == 2 and shown.stdout == "", shown
    assert "status.json" in shown.stderr and "damaged" in shown.stderr and "new run" in shown.stderr, shown.stderr
    refused = run_cli("run", "--resume", str(run.path), "--quiet")
    assert refused.returncode == 2 and "damaged" in refused.stderr and "Traceback" not in refused.stderr, refused
    assert digests(run.path / "adapter") == adapter
    for owner in ("alice", "mallory", ""):
        with pytest.raises(JobError):
            jobs.get(run.path.name, owner)
    assert jobs.list("alice") == [] and jobs.list("") == []
    jobs.tick()  # a damaged run does not stop the scheduler


def test_an_ownerless_run_is_nobodys_in_the_app(tmp_path, tiny_model, corpus_dir):
    config = RunConfig.from_yaml(make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, **SMALL))
    run = RunDir.create(tmp_path / "runs", config)  # as `python -m adapt run` makes it: no owner
    jobs = JobManager(tmp_path / "runs")
    for owner in (None, ""):
        with pytest.raises(JobError):
            jobs.get(run.path.name, owner)


# ---- 2. two resumes at once ------------------------------------------------------------------


def _blocked_opening_fifo(proc: subprocess.Popen) -> bool:
    try:
        return Path(f"/proc/{proc.pid}/wchan").read_text().strip() == "wait_for_partner"
    except OSError:
        return False


def test_two_resumes_of_one_run_at_once_only_one_trains(tmp_path, tiny_model, corpus_dir):
    run = stopped_after_augment(tmp_path, tiny_model, corpus_dir)
    # log.txt becomes a pipe: a process that opens its log waits there until the test reads it. Both
    # resumes are let go together, so a check that is not a lock lets both through.
    run.log_path.unlink()
    os.mkfifo(run.log_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "adapt", "run", "--resume", str(run.path), "--quiet"], cwd=ROOT,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if any(p.poll() is not None for p in procs) or all(_blocked_opening_fifo(p) for p in procs):
                break
            time.sleep(0.05)
        log = []
        reader = threading.Thread(target=lambda: log.append(run.log_path.read_bytes()), daemon=True)
        reader.start()
        outputs = [p.communicate(timeout=600) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 2], (codes, [err[-2000:] for _, err in outputs])
    loser = next(err for p, (_, err) in zip(procs, outputs) if p.returncode == 2)
    assert "already running" in loser and "Traceback" not in loser, loser
    events = run.events()
    assert sum(e.get("event") == "resumed" for e in events) == 1
    assert sum(e.get("stage") == "cpt" and e.get("step") == 1 for e in events) == 1, "one process trained"
    assert run.status()["state"] == "done"


# ---- 3. settings given with --resume ---------------------------------------------------------


@pytest.mark.parametrize("extra", [["--set", "cpt.learning_rate=1"], ["--preset", "quick-demo"],
                                   ["--data", "elsewhere"], ["--base", "tiny"], ["CONFIG"]])
def test_resume_refuses_settings_instead_of_ignoring_them(extra, killed_run, capsys):
    before = killed_run.status_path.read_bytes()
    extra = [str(killed_run.config_path) if arg == "CONFIG" else arg for arg in extra]
    code, _, err = cli(capsys, "run", "--resume", str(killed_run.path), *extra, "--quiet")
    assert code == 2, err
    assert "keeps the config it was launched with" in err and "new run" in err and extra[0] in err, err
    assert killed_run.status_path.read_bytes() == before, "refused before anything was touched"


# ---- 4. status of a killed run ---------------------------------------------------------------


def test_status_of_a_killed_run_says_interrupted_not_running(killed_run):
    shown = run_cli("status", str(killed_run.path))
    assert shown.returncode == 0, shown.stderr
    status = json.loads(shown.stdout)
    assert status["state"] == "interrupted", status["state"]
    assert "--resume" in status["note"] and "--resume" in shown.stderr
    assert killed_run.status()["state"] == "running", "a reader does not write status.json"


# ---- 5. evaluation of an untrained run -------------------------------------------------------


def test_eval_of_a_run_without_a_trained_model_is_refused(killed_run, capsys):
    code, out, err = cli(capsys, "eval", str(killed_run.path))
    assert code == 2 and out == "", err
    assert "no trained model yet (stage cpt is interrupted)" in err and "--resume" in err, err
    assert not killed_run.report_path.exists()


# ---- 6. a full disk, and errors that outlive their fix ---------------------------------------


def _mount_tmpfs(folder: Path, size_bytes: int) -> bool:
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_bytes}", "tmpfs", str(folder)],
                          capture_output=True).returncode == 0


def _fill(folder: Path, leave_pages: int) -> Path:
    """Fill the file system under `folder` to the last `leave_pages` pages."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\1" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    size = filler.stat().st_size
    os.truncate(filler, max(0, size - leave_pages * 4096))
    return filler


def test_a_full_disk_in_cpt_data_preparation_fails_the_run_with_the_reason(tmp_path, tiny_model, corpus_dir):
    """A real full disk (tmpfs, needs root like tests/test_faults.py): CPT's packed rows do not fit."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, 16 * 2**20):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        run = stopped_after_augment(disk, tiny_model, corpus_dir)
        filler = _fill(disk, leave_pages=3)  # enough to start; the packed rows (~40 KB) do not fit
        full = run_cli("run", "--resume", str(run.path), "--quiet")
        assert full.returncode == 2, full.stderr[-3000:]
        assert "disk is full" in full.stderr and "--resume" in full.stderr, full.stderr[-3000:]
        assert "Traceback" not in full.stderr, full.stderr[-3000:]
        status = run.status()
        assert status["state"] == "failed" and "disk is full" in status["error"], status
        assert status["stages"]["cpt"]["state"] == "failed"

        filler.unlink()  # the user frees space
        resumed = run_cli("run", "--resume", str(run.path), "--quiet")
        assert resumed.returncode == 0, resumed.stderr[-3000:]
        status = run.status()
        assert status["state"] == "done" and status.get("error") is None
        assert {name: entry.get("error") for name, entry in status["stages"].items() if entry.get("error")} == {}
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_stage_that_succeeds_on_resume_drops_its_old_error(tmp_path, tiny_model, corpus_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    config = make_config(tmp_path / "c.yaml", tiny_model, docs, None, **SMALL)
    failed = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert failed.returncode == 2, failed.stderr[-3000:]
    run = only_run(tmp_path / "runs")
    assert run.status()["stages"]["ingest"]["error"]
    for source in corpus_dir.iterdir():  # the user adds the documents, then resumes
        shutil.copy(source, docs / source.name)
    resumed = run_cli("run", "--resume", str(run.path), "--quiet")
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    status = run.status()
    assert status["state"] == "done" and status["stages"]["ingest"]["state"] == "done"
    assert {name: entry["error"] for name, entry in status["stages"].items() if entry.get("error")} == {}


# ---- 7. a NUL in a run id --------------------------------------------------------------------


@pytest.mark.parametrize("command", ["status", "eval", "run --resume", "augment --resume"])
def test_a_nul_in_a_run_id_is_a_clear_refusal(command, tmp_path, capsys):
    code, _, err = cli(capsys, *command.split(), str(tmp_path / "run\x00x"))
    assert code == 2 and "NUL" in err and "not a run directory" in err, err


def test_a_nul_in_a_run_id_is_no_such_run_for_the_app(tmp_path):
    jobs = JobManager(tmp_path / "runs")
    for call in (jobs.get, jobs.stop, jobs.resume, jobs.rerun_eval):
        with pytest.raises(JobError, match="no such run"):
            call("run\x00x", "alice")


# ---- 8. --runs-dir that cannot hold runs -----------------------------------------------------


def test_runs_dir_that_is_a_file_is_named(tmp_path, tiny_model, corpus_dir, capsys):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, **SMALL)
    taken = tmp_path / "runs"
    taken.write_text("not a folder")
    code, _, err = cli(capsys, "run", str(config), "--runs-dir", str(taken), "--quiet")
    assert code == 2 and f"--runs-dir: {taken} is a file" in err, err
    code, _, err = cli(capsys, "run", str(config), "--runs-dir", str(taken / "inside"), "--quiet")
    assert code == 2 and "--runs-dir" in err and "is a file" in err, err


def test_runs_dir_that_is_read_only_is_named(tmp_path, tiny_model, corpus_dir, capsys):
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None, **SMALL)
    runs = tmp_path / "runs"
    if os.geteuid() == 0:  # permissions do not stop root: a read-only file system does
        if not _mount_tmpfs(runs, 2**20) or subprocess.run(["mount", "-o", "remount,ro", str(runs)]).returncode:
            pytest.skip("cannot mount a read-only tmpfs here")
    else:
        runs.mkdir()
        runs.chmod(0o555)
    try:
        code, _, err = cli(capsys, "run", str(config), "--runs-dir", str(runs), "--quiet")
        assert code == 2 and f"--runs-dir: {runs} is not writable" in err, err
    finally:
        if os.geteuid() == 0:
            subprocess.run(["umount", "-l", str(runs)], capture_output=True)
        else:
            runs.chmod(0o755)
