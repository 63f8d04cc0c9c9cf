"""`python app.py` as a real server on a free localhost port, for the tests that talk to it (browser,
HTTP API, load)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def wait_for(predicate, timeout: float = 1800.0, what: str = "condition") -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"{what} not reached in {timeout:.0f} s")


@contextmanager
def running_app(data_dir: Path, log_path: Path, env: dict | None = None, drop: tuple[str, ...] = (),
                script: str = "app.py"):
    """Serve the app with ADAPT_DATA_DIR=data_dir; yields (url, process). Output goes to log_path.
    script: what to run instead of app.py (a wrapper that changes Gradio, for the security tests)."""
    port = free_port()
    full_env = {k: v for k, v in os.environ.items() if k not in drop}
    full_env.update(ADAPT_DATA_DIR=str(data_dir), GRADIO_SERVER_PORT=str(port), PYTHONPATH=str(ROOT),
                    GRADIO_ANALYTICS_ENABLED="False", **(env or {}))
    with open(log_path, "w") as log:
        process = subprocess.Popen([sys.executable, script], cwd=ROOT, env=full_env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            deadline = time.time() + 120
            while not listening(port):
                assert process.poll() is None, log_path.read_text()[-3000:]
                assert time.time() < deadline, "the app did not start in 120 s"
                time.sleep(0.5)
            yield f"http://127.0.0.1:{port}", process
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def kill_run(run) -> None:
    """SIGKILL a run's process group, if it has one (a job started by the app under test)."""
    pgid = run.status().get("pgid")
    if pgid:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
