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
    .status.json.bak   a copy of status.json, written after it: a damaged status.json is read from it
    .run.lock      flock'ed by the process running the pipeline (one at a time), or an evaluation
    .status.reserve    space set aside, given back on a full disk so the failure can still be recorded

The training process writes; everyone else only reads (and may send SIGTERM to the pid).
"""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from adapt.config import RunConfig
from adapt.fileio import PRIVATE_FILE_MODE, append_jsonl, read_jsonl, write_json_atomic
from adapt.secrets import RedactingFilter
from adapt.views import Report, Status

STAGES = ("ingest", "precheck", "augment", "cpt", "sft", "eval")
RUN_STATES = ("preparing", "queued", "running", "stopping", "stopped", "failed", "done")
# Kept free for status.json and the log: on a full disk they still say what happened.
RESERVE_BYTES = 256 * 1024


class RunAlreadyActive(RuntimeError):
    """Another process is running this run (it holds the run's lock)."""


class StatusDamaged(ValueError):
    """status.json cannot be read, and there is no intact copy to rebuild it from."""


class RunPathError(ValueError):
    """A run directory name that cannot name a folder (a NUL character)."""


# Run locks this process holds: run path -> the open lock file (closing it releases the lock).
_held_locks: dict[Path, int] = {}


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
        if "\0" in str(path):
            raise RunPathError(f"{str(path)!r} is not a run directory: the name has a NUL character")
        self.path = Path(path).resolve()

    # ---- layout ---------------------------------------------------------------------------
    @property
    def config_path(self) -> Path:
        return self.path / "config.yaml"

    @property
    def status_path(self) -> Path:
        return self.path / "status.json"

    @property
    def status_backup_path(self) -> Path:
        """A second copy of status.json, written after it: what a damaged status.json is rebuilt from."""
        return self.path / ".status.json.bak"

    @property
    def lock_path(self) -> Path:
        """Held (flock) by the process that runs the pipeline, for as long as it runs."""
        return self.path / ".run.lock"

    @property
    def reserve_path(self) -> Path:
        """Space set aside while the run may still be resumed, given back when the disk is full."""
        return self.path / ".status.reserve"

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
            run._write_status(
                {"state": "queued", "stage": None, "pid": None, "created_at": now_iso(), "stages": {}, "outputs": {},
                 **status_fields},
            )
            return run
        raise RuntimeError(f"could not create a run directory under {root}")

    def exists(self) -> bool:
        return self.config_path.is_file() and (self.status_path.is_file() or self.status_backup_path.is_file())

    def load_config(self) -> RunConfig:
        return RunConfig.from_yaml(self.config_path)

    # ---- status ---------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """status.json as written (the engine's own reads and writes); readers use read_status().

        A damaged status.json (cut short, edited into something else) is read from its backup copy;
        with no intact copy either, StatusDamaged: the run's progress and owner are unknown, and
        guessing would redo finished work or hand the run to someone else."""
        return self._load_status()[0]

    def status_note(self) -> str | None:
        """Why status.json was read from its backup copy, if it was."""
        return self._load_status()[1]

    def _load_status(self) -> tuple[dict[str, Any], str | None]:
        main, problem = _read_status_file(self.status_path)
        if main is not None:
            return main, None
        backup, backup_problem = _read_status_file(self.status_backup_path)
        if problem is None and backup is None and backup_problem is None:
            return {}, None  # not a run (yet): neither file is there
        problem = problem or "the file is missing"
        if backup is not None:
            return backup, (f"{self.status_path} is damaged ({problem}); read from its copy "
                            f"{self.status_backup_path.name} instead")
        raise StatusDamaged(
            f"{self.status_path} is damaged ({problem}) and there is no intact copy to rebuild it from "
            f"({self.status_backup_path.name}: {backup_problem or 'missing'}). Which stages finished and who owns "
            f"the run are unknown, so nothing was done. Restore status.json from a backup of the run folder, or "
            f"start a new run with the same settings: python -m adapt run {self.config_path}")

    def read_status(self) -> Status:
        """The status for readers that list runs: a damaged one shows as state "damaged", owned by nobody."""
        try:
            return Status.from_dict(self.status())
        except StatusDamaged as err:
            return Status(state="damaged", error=str(err))

    def observed_status(self) -> dict[str, Any]:
        """status.json as a reader should understand it: a run that says running (or stopping) whose
        process is gone (killed, out of memory, machine restarted) was interrupted, and can be resumed."""
        status = self.status()
        if status.get("state") in ("running", "stopping") and not process_alive(status.get("pid"),
                                                                               status.get("pid_start")):
            status = {**status, "state": "interrupted",
                      "note": f"the run's process (pid {status.get('pid')}) is gone: it was interrupted while "
                              f"{status.get('state')}; continue with: python -m adapt run --resume {self.path}"}
        return status

    def _write_status(self, status: dict[str, Any]) -> None:
        """status.json, then its copy; on a full disk the reserved space is given back and both retried."""
        for attempt in (1, 2):
            try:
                write_json_atomic(self.status_path, status)
                write_json_atomic(self.status_backup_path, status)
                return
            except OSError as err:
                if attempt == 2 or err.errno not in (errno.ENOSPC, errno.EDQUOT) or not self.release_reserve():
                    raise

    # ---- the run's lock and reserved space -----------------------------------------------------
    @contextmanager
    def exclusive(self):
        """Hold the run's lock (for the pipeline, or an evaluation): RunAlreadyActive if another process
        holds it. The kernel releases it when the process ends, however it ends. Re-entrant within one
        process."""
        if self.path in _held_locks:
            yield
            return
        fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE_FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            raise RunAlreadyActive(f"run {self.path.name} is already running (pid {holder or '?'}); wait for it to "
                                   f"finish, or stop it first") from None
        except BaseException:
            os.close(fd)
            raise
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        except OSError:
            pass  # only for the message another process shows; the lock is what counts
        _held_locks[self.path] = fd
        try:
            yield
        finally:
            del _held_locks[self.path]
            os.close(fd)

    def reserve_space(self) -> None:
        """Set RESERVE_BYTES aside (once); on a disk already too full, go without."""
        if self.reserve_path.is_file():
            return
        try:
            fd = os.open(self.reserve_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        except OSError:
            return
        try:
            try:
                os.write(fd, os.urandom(RESERVE_BYTES))  # real blocks: neither sparse nor compressible
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError:
            self.release_reserve()

    def release_reserve(self) -> bool:
        """Give the reserved space back; True if there was some."""
        try:
            self.reserve_path.unlink()
            return True
        except FileNotFoundError:
            return False

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
            self._write_status(status)
            return status

    def update_status(self, **fields: Any) -> dict[str, Any]:
        return self.modify_status(lambda status: status.update(fields))

    def stage_state(self, stage: str) -> str | None:
        return (self.status().get("stages", {}).get(stage) or {}).get("state")

    def set_stage(self, stage: str, state: str, **extra: Any) -> None:
        def change(status: dict[str, Any]) -> None:
            entry = dict(status.get("stages", {}).get(stage) or {})
            if state != "failed":
                entry.pop("error", None)  # an error from an earlier attempt is not this attempt's
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


def _read_status_file(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """(status, None) for an intact file, (None, None) for no file, (None, what is wrong) otherwise."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, None
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except OSError as err:
        return None, f"cannot be read: {err.strerror or err}"
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        return None, "empty" if not text.strip() else f"not valid JSON: {err.msg} at line {err.lineno}"
    problem = status_problem(raw)
    return (raw, None) if problem is None else (None, problem)


def status_problem(raw: Any) -> str | None:
    """What makes this not a status.json the engine wrote, or None."""
    if not isinstance(raw, dict):
        return f"a JSON {type(raw).__name__}, not an object"
    if raw.get("state") not in RUN_STATES:
        return f"state {raw.get('state')!r} is not one of {', '.join(RUN_STATES)}"
    stages = raw.get("stages") or {}
    if not isinstance(stages, dict) or not all(isinstance(v, dict) for v in stages.values()):
        return "stages is not an object of stage entries"
    if not isinstance(raw.get("outputs") or {}, dict):
        return "outputs is not an object"
    if raw.get("owner") is not None and not isinstance(raw["owner"], str):
        return "owner is not a string"
    return None


def runs_root_problem(root: str | Path) -> str | None:
    """Why run directories cannot be made under `root` (--runs-dir), or None. Tried, not guessed from
    permission bits: root ignores those, and a read-only file system refuses everyone."""
    path = Path(root)
    if "\0" in str(root):
        return f"--runs-dir: {str(root)!r} has a NUL character; name a folder for the run directories"
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        if existing == path:
            return f"--runs-dir: {path} is a file, not a folder; name a folder for the run directories"
        return f"--runs-dir: {path} cannot be made: {existing} is a file, not a folder; name a folder for the runs"
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".write-test-", dir=existing))
    except OSError as err:
        return (f"--runs-dir: {existing} is not writable ({err.strerror or err}); name a folder you can write to, "
                f"e.g. --runs-dir ~/runs")
    return None


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
