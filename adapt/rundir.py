"""The run directory: the only contract between the training process and whoever watches it.

    config.yaml    the RunConfig as launched (no secrets)
    status.json    state, current stage, pid, per-stage states, outputs, error
    events.jsonl   one progress record per line
    log.txt        human-readable log
    data/          ingested documents, split, tokenized training sets
    checkpoints/   resumable trainer checkpoints, one folder per stage
    cpt/           weights after continued pretraining (when SFT follows)
    adapter/ | model/   the final result
    report.json    evaluation

The training process writes; everyone else only reads (and may send SIGTERM to the pid).
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from adapt.config import RunConfig
from adapt.fileio import PRIVATE_FILE_MODE, append_jsonl, read_json, read_jsonl, write_json_atomic
from adapt.secrets import RedactingFilter
from adapt.views import Report, Status

STAGES = ("ingest", "precheck", "augment", "cpt", "sft", "eval")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")



def stage_seconds(entry: dict) -> float | None:
    """How long a stage of status.json ran, from its started_at and ended_at; None if not both."""
    if not entry.get("started_at") or not entry.get("ended_at"):
        return None
    start, end = (datetime.fromisoformat(entry[k]) for k in ("started_at", "ended_at"))
    return (end - start).total_seconds()

class RunDir:
    def __init__(self, path: str | Path):
        self.path = Path(path).resolve()

    # ---- layout ---------------------------------------------------------------------------
    @property
    def config_path(self) -> Path:
        return self.path / "config.yaml"

    @property
    def status_path(self) -> Path:
        return self.path / "status.json"

    @property
    def events_path(self) -> Path:
        return self.path / "events.jsonl"

    @property
    def log_path(self) -> Path:
        return self.path / "log.txt"

    @property
    def data_dir(self) -> Path:
        return self.path / "data"

    @property
    def report_path(self) -> Path:
        return self.path / "report.json"

    @property
    def report_markdown_path(self) -> Path:
        return self.path / "report.md"

    @property
    def answers_path(self) -> Path:
        """Every evaluation question with each model's answer and score."""
        return self.path / "qa_answers.jsonl"

    @property
    def console_path(self) -> Path:
        """What the job's process printed before its log existed (an import error, a crash at start)."""
        return self.path / "console.txt"

    @property
    def documents_path(self) -> Path:
        return self.data_dir / "documents.jsonl"

    @property
    def chunks_path(self) -> Path:
        return self.data_dir / "chunks.jsonl"

    @property
    def stats_path(self) -> Path:
        return self.data_dir / "stats.json"

    @property
    def mixture_path(self) -> Path:
        return self.data_dir / "mixture.json"

    @property
    def sft_mixture_path(self) -> Path:
        return self.data_dir / "sft_mixture.json"

    @property
    def augment_summary_path(self) -> Path:
        """Per category: items kept, dropped and why, samples (adapt/augment/runner.py)."""
        return self.data_dir / "augment" / "summary.json"

    @property
    def estimate_path(self) -> Path:
        """What Check & estimate promised at launch (training seconds, tokens), to hold against the run."""
        return self.path / "estimate.json"

    def training_seconds(self) -> float | None:
        """Wall time of the training stages (CPT, SFT) as status.json recorded them."""
        stages = self.status().get("stages") or {}
        spent = [stage_seconds(stages[name]) for name in ("cpt", "sft")
                 if (stages.get(name) or {}).get("state") == "done"]
        spent = [s for s in spent if s is not None]
        return sum(spent) if spent else None

    def checkpoints_dir(self, stage: str) -> Path:
        return self.path / "checkpoints" / stage

    # ---- creation ---------------------------------------------------------------------------
    @classmethod
    def create(cls, runs_root: str | Path, config: RunConfig, **status_fields: Any) -> RunDir:
        root = Path(runs_root)
        root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        base = f"{stamp}-{config.name}"
        for n in range(1000):
            candidate = root / (base if n == 0 else f"{base}-{n}")
            try:
                candidate.mkdir()
            except FileExistsError:
                continue
            run = cls(candidate)
            config.save(run.config_path)
            write_json_atomic(
                run.status_path,
                {"state": "queued", "stage": None, "pid": None, "created_at": now_iso(), "stages": {}, "outputs": {},
                 **status_fields},
            )
            return run
        raise RuntimeError(f"could not create a run directory under {root}")

    def exists(self) -> bool:
        return self.config_path.is_file() and self.status_path.is_file()

    def load_config(self) -> RunConfig:
        return RunConfig.from_yaml(self.config_path)

    # ---- status ---------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """status.json as written (the engine's own reads and writes); readers use read_status()."""
        return read_json(self.status_path, default={}) or {}

    def read_status(self) -> Status:
        return Status.from_dict(self.status())

    def read_report(self) -> Report | None:
        return Report.read(self.report_path)

    @contextmanager
    def _status_lock(self):
        """Both the training process and the app update status.json; each read-modify-write holds
        this lock, so neither overwrites a field the other has just written."""
        fd = os.open(self.path / ".status.lock", os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def modify_status(self, change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
        with self._status_lock():
            status = self.status()
            change(status)
            status["updated_at"] = now_iso()
            write_json_atomic(self.status_path, status)
            return status

    def update_status(self, **fields: Any) -> dict[str, Any]:
        return self.modify_status(lambda status: status.update(fields))

    def stage_state(self, stage: str) -> str | None:
        return (self.status().get("stages", {}).get(stage) or {}).get("state")

    def set_stage(self, stage: str, state: str, **extra: Any) -> None:
        def change(status: dict[str, Any]) -> None:
            entry = dict(status.get("stages", {}).get(stage) or {})
            entry["state"] = state
            entry.update(extra)
            if state == "running" and "started_at" not in entry:
                entry["started_at"] = now_iso()
            if state in ("done", "skipped"):
                entry["ended_at"] = now_iso()
            status.setdefault("stages", {})[stage] = entry
            if state == "running":
                status["stage"] = stage

        self.modify_status(change)

    def set_output(self, key: str, relpath: str) -> None:
        self.modify_status(lambda status: status.setdefault("outputs", {}).__setitem__(key, relpath))

    def output_path(self, key: str) -> Path | None:
        rel = (self.status().get("outputs") or {}).get(key)
        return self.path / rel if rel else None

    # ---- events ---------------------------------------------------------------------------
    def append_event(self, event: dict[str, Any]) -> None:
        append_jsonl(self.events_path, {"time": round(time.time(), 3), **event})

    def events(self) -> list[dict[str, Any]]:
        return read_jsonl(self.events_path)

    def log_tail(self, lines: int = 50) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def _proc_stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def process_start_time(pid: int) -> str | None:
    """Kernel start time of a process (Linux); with the pid it identifies the process even after
    the pid number has been reused by another one."""
    fields = _proc_stat(pid)
    return fields[19] if fields and len(fields) > 19 else None


def process_alive(pid: int | None, start_time: str | None = None) -> bool:
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    fields = _proc_stat(pid)
    if fields and fields[0] in ("Z", "X"):
        return False  # exited; only its parent has not collected the exit status yet
    if start_time is not None:
        current = fields[19] if fields and len(fields) > 19 else None
        return current is None or current == start_time
    return True


def attach_run_logger(run: RunDir, console: bool = True) -> logging.Logger:
    """Log to the run's log.txt and the terminal (warnings and errors only when not `console`),
    with secrets redacted on the way out."""
    logger = logging.getLogger("adapt")
    logger.setLevel(logging.INFO)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
        handler.close()
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S")
    file_handler = logging.FileHandler(run.log_path, encoding="utf-8")
    file_handler.setFormatter(fmt)
    file_handler.addFilter(RedactingFilter())
    logger.addHandler(file_handler)
    stream = logging.StreamHandler()
    stream.setFormatter(logging.Formatter("%(message)s"))
    stream.addFilter(RedactingFilter())
    stream.setLevel(logging.INFO if console else logging.WARNING)
    logger.addHandler(stream)
    logger.propagate = False
    return logger
