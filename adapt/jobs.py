"""Runs as subprocesses, for the app (or any other front end): create, queue, start, stop, resume.

The run directory stays the only contract. The queue is not held in memory: it is every run whose
status.json says `queued`, oldest first, so an app restart finds it again. A scheduler (one thread
in the app process, `tick()` every second) starts the next queued run whenever fewer than
`max_running` are alive — one at a time by default, since they share one GPU.

Each run records its `owner` (a signed-in user or a browser session). Every call that names a run
takes the caller's owner and refuses runs of others, so no front end can hand out someone else's
run by mistake (the mistake of a single global job shared by every browser session).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from adapt.config import ConfigError, RunConfig, endpoints_not_allowed, launch_config
from adapt.fileio import open_append
from adapt.rundir import STAGES, RunDir, StatusDamaged, now_iso, process_alive, process_start_time
from adapt.secrets import job_environment, operator_endpoints, shared_server
from adapt.views import Status

ROOT = Path(__file__).resolve().parent.parent
ACTIVE = ("running", "stopping")
INTERRUPTED = ("the training process ended without finishing (killed, out of memory or the app restarted); "
               "Resume continues from the last checkpoint")


class JobError(ValueError):
    """A request about a run that cannot be done; the message says why."""


@dataclass
class RunInfo:
    id: str
    name: str
    status: Status
    queue_position: int | None
    base: str | None

    @property
    def state(self) -> str:
        return self.status.state

    @property
    def stage(self) -> str | None:
        return self.status.stage

    @property
    def step(self) -> int | None:
        return self.status.current.step

    @property
    def total_steps(self) -> int | None:
        return self.status.current.total_steps


class JobManager:
    def __init__(self, runs_root: str | Path, max_running: int = 1, python: str = sys.executable,
                 gpus: int | None = None):
        self.gpus = gpus  # None: every GPU this machine has
        # Called before a job starts: whoever holds models on the GPU in this process lets go of them.
        self.before_launch: list = []
        self.root = Path(runs_root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.max_running = max_running
        self.python = python
        self._children: dict[str, subprocess.Popen] = {}
        # Endpoint keys visitors typed, by run, until the run's process starts: held in memory only.
        self._endpoint_keys: dict[str, str] = {}
        self._lock = threading.RLock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()

    # ---- creating and finding runs ------------------------------------------------------------
    def create(self, config: RunConfig, owner: str, uploads: Path | None = None,
               endpoint_key: str | None = None, questions: Path | None = None) -> RunDir:
        """A queued run. `uploads` (a staging folder) moves into the run's own uploads/ folder and
        becomes its documents, so the run directory holds everything it was given. `questions` (a
        person's own questions, eval.qa_file's JSONL) is copied into the run as questions.jsonl, which
        the run's eval.qa_file then names. `endpoint_key`
        is the generator endpoint's key as the visitor typed it: handed to the run's process, never
        written down. An endpoint the operator does not allow (ADAPT_ENDPOINTS) is refused."""
        problems = endpoints_not_allowed(config, operator_endpoints())
        if problems:
            raise ConfigError("invalid setting:\n  " + "\n  ".join(problems))
        config = launch_config(config)
        # "preparing" until the uploads and the final config are in place: the scheduler only starts
        # runs that say "queued".
        run = RunDir.create(self.root, config, state="preparing", owner=owner)
        changed = False
        if uploads is not None and uploads.is_dir():
            target = run.path / "uploads"
            shutil.move(str(uploads), target)
            config = config.model_copy(update={"data": config.data.model_copy(
                update={"paths": [str(target), *config.data.paths]})})
            changed = True
        if questions is not None:
            copy = run.path / "questions.jsonl"
            shutil.copyfile(questions, copy)
            config = config.model_copy(update={"eval": config.eval.model_copy(update={"qa_file": str(copy)})})
            changed = True
        if changed:
            config.save(run.config_path)
        if endpoint_key:
            self._endpoint_keys[run.path.name] = endpoint_key
        run.update_status(state="queued", queued_at=now_iso())
        return run

    def _all(self) -> list[RunDir]:
        return sorted((RunDir(p) for p in self.root.iterdir() if p.is_dir()), key=lambda r: r.path.name)

    def get(self, run_id: str, owner: str) -> RunDir:
        # A run id is a folder name; anything that could leave the runs folder, or name no file, is not one.
        if (not isinstance(run_id, str) or not run_id or "/" in run_id or "\\" in run_id or "\0" in run_id
                or run_id in (".", "..") or run_id.startswith(".")):
            raise JobError(f"no such run: {run_id!r}")
        run = RunDir(self.root / run_id)
        try:
            recorded = run.status().get("owner") if run.path.parent == self.root and run.exists() else None
        except StatusDamaged:
            recorded = None  # whose it is cannot be known: nobody's
        # A run without a recorded owner (made by the CLI, or whose status was lost) is nobody's here.
        if not recorded or not owner or recorded != owner:
            raise JobError(f"no such run: {run_id!r}")  # the same answer whether it exists or is someone else's
        return run

    def list(self, owner: str) -> list[RunInfo]:
        """The owner's runs, newest first; every status file is read once (the page polls this)."""
        statuses = self._statuses()
        queue = _queue(statuses)
        infos = []
        for name, status in reversed(statuses.items()):
            if status.owner != owner:
                continue
            try:
                base = RunDir(self.root / name).load_config().model.base
            except Exception:  # a config damaged by hand: still list the run
                base = None
            infos.append(RunInfo(id=name, name=name.split("-", 2)[-1], status=status,
                                 queue_position=queue.index(name) + 1 if name in queue else None, base=base))
        return infos

    def queue_position(self, run: RunDir) -> int | None:
        queue = _queue(self._statuses())
        return queue.index(run.path.name) + 1 if run.path.name in queue else None

    def _statuses(self) -> dict[str, Status]:
        return {run.path.name: run.read_status() for run in self._all()}

    def _queue(self) -> list[str]:
        return _queue(self._statuses())

    # ---- controlling runs ---------------------------------------------------------------------
    def stop(self, run_id: str, owner: str) -> str:
        run = self.get(run_id, owner)
        status = run.status()
        if status.get("state") == "queued":
            run.update_status(state="stopped", ended_at=now_iso())
            return "removed from the queue"
        if status.get("state") in ACTIVE and process_alive(status.get("pid"), status.get("pid_start")):
            # The run saves a checkpoint at the next step and exits. A job we started leads its own
            # process group: signal all of it, so every rank of a multi-GPU launch stops together.
            if status.get("pgid"):
                os.killpg(status["pgid"], signal.SIGTERM)
            else:
                os.kill(status["pid"], signal.SIGTERM)
            run.update_status(state="stopping")
            return "stopping: a checkpoint is saved at the next step"
        raise JobError(f"run {run_id} is not running ({status.get('state')})")

    def resume(self, run_id: str, owner: str, endpoint_key: str | None = None) -> RunDir:
        run = self.get(run_id, owner)
        state = run.status().get("state")
        if state not in ("stopped", "failed"):
            raise JobError(f"only a stopped or failed run can be resumed; this one is {state}")
        if endpoint_key:
            self._endpoint_keys[run.path.name] = endpoint_key
        run.update_status(state="queued", queued_at=now_iso(), error=None)
        return run

    def rerun_eval(self, run_id: str, owner: str) -> RunDir:
        run = self.get(run_id, owner)
        status = run.status()
        if status.get("state") in ACTIVE + ("queued",):
            raise JobError("the run is still busy; evaluate it when it has finished")
        if not (status.get("outputs") or {}).get("final"):
            raise JobError("the run has no trained model yet")
        run.set_stage("eval", "pending")  # the pipeline redoes every stage that is not done
        run.update_status(state="queued", queued_at=now_iso(), error=None)
        return run

    # ---- scheduling ---------------------------------------------------------------------------
    def tick(self) -> None:
        """Reap finished children, mark dead runs as stopped (resumable), start queued runs."""
        with self._lock:
            for name, child in list(self._children.items()):
                if child.poll() is not None:
                    del self._children[name]
            alive = 0
            for run in self._all():
                try:
                    status = run.status()
                except StatusDamaged:
                    continue  # left as it is (status and resume say why); it does not hold up the others
                if status.get("state") not in ACTIVE:
                    continue
                if process_alive(status.get("pid"), status.get("pid_start")) or run.path.name in self._children:
                    alive += 1
                else:
                    run.update_status(state="stopped", ended_at=now_iso(), error=INTERRUPTED)
            for name in self._queue()[: max(0, self.max_running - alive)]:
                self._launch(RunDir(self.root / name))

    def _launch(self, run: RunDir) -> None:
        for release in self.before_launch:
            release()
        console = open_append(run.console_path)  # what the process prints before its log exists
        try:
            child = subprocess.Popen(
                self.launcher() + ["-m", "adapt", "run", "--resume", str(run.path), "--quiet"],
                cwd=ROOT, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                # Never the server's credentials: only the key typed for this run reaches it.
                env={**job_environment(dict(os.environ), self._endpoint_keys.pop(run.path.name, None),
                                       keep_hub_token=not shared_server()),
                     "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"},
                start_new_session=True,  # the job outlives an app restart and gets no Ctrl-C meant for the app
            )
        finally:
            console.close()
        # Marked running at once, so the next tick neither starts it twice nor calls it dead.
        run.update_status(state="running", pid=child.pid, pid_start=process_start_time(child.pid), pgid=child.pid,
                          started_at=run.status().get("started_at") or now_iso())
        self._children[run.path.name] = child

    def launcher(self) -> list[str]:
        """The command before `-m adapt ...`: plain Python, or `accelerate launch` over every GPU of the
        machine (DDP; ADAPT_ACCELERATE_CONFIG names an accelerate config file, e.g. for FSDP)."""
        gpus = self.gpus if self.gpus is not None else _gpu_count()
        if gpus <= 1:
            return [self.python]
        command = [self.python, "-m", "accelerate.commands.launch", "--num_processes", str(gpus)]
        if os.environ.get("ADAPT_ACCELERATE_CONFIG"):
            command += ["--config_file", os.environ["ADAPT_ACCELERATE_CONFIG"]]
        return command

    def start(self, interval: float = 1.0) -> None:
        if self._thread is not None:
            return

        def loop() -> None:
            while not self._stop.wait(interval):
                try:
                    self.tick()
                except Exception as err:  # a bad status file must not kill scheduling for everyone
                    print(f"scheduler: {type(err).__name__}: {err}", file=sys.stderr)

        self.tick()
        self._thread = threading.Thread(target=loop, name="adapt-scheduler", daemon=True)
        self._thread.start()

    def shutdown(self) -> None:
        self._stop.set()


def _gpu_count() -> int:
    import torch

    return torch.cuda.device_count() if torch.cuda.is_available() else 0


def _queue(statuses: dict[str, Status]) -> list[str]:
    """Queued runs in the order they were queued."""
    return [name for _, name in sorted((s.queued_at or "", name) for name, s in statuses.items()
                                       if s.state == "queued")]


def progress_fraction(status: Status) -> float:
    """Share of the whole run done, by stages (training stages weigh by their steps)."""
    done = 0.0
    for stage in STAGES:
        entry = status.stage_entry(stage)
        if entry.state in ("done", "skipped"):
            done += 1
        elif entry.total_steps:
            done += min(1.0, (entry.step or 0) / entry.total_steps)
    return done / len(STAGES)
