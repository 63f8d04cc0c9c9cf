"""Crash-safe file writes: a reader never sees half a file, even after SIGKILL mid-write. Private
files: everything we create is for the user running us only (0600 files, 0700 folders)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import IO, Any, Iterable

PRIVATE_FILE_MODE = 0o600
PRIVATE_UMASK = 0o077  # files 0600, folders 0700


def keep_files_private() -> None:
    """From now on this process, and every process it starts, creates files 0600 and folders 0700.

    Run directories hold uploaded documents, generated data and weights, and one machine may have
    other users. The umask is the one setting every writer obeys: our own code and what transformers,
    torch, safetensors, tokenizers and logging write (checkpoints, models, log.txt), whose modes we do
    not choose. Called first thing by each entry point: the CLI and the app."""
    os.umask(PRIVATE_UMASK)


def open_append(path: Path) -> IO[bytes]:
    """A private file opened for appending (created 0600 whatever the umask)."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE), "ab")


def append_jsonl(path: Path, record: dict) -> None:
    """One record as one line, in one write() on an O_APPEND file: a concurrent reader sees whole
    lines, and a kill can at worst leave a torn last line, which read_jsonl skips."""
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE_MODE)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_json_atomic(path: Path, obj: Any) -> None:
    write_text_atomic(path, json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def write_jsonl_atomic(path: Path, rows: Iterable[dict]) -> None:
    write_text_atomic(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))


def read_json(path: Path, default: Any = None) -> Any:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return default


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSONL file; a torn last line (process killed mid-append) is skipped."""
    rows = []
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if not line:
                    continue
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
    except FileNotFoundError:
        pass
    return rows


def path_exists(path: str | Path) -> bool:
    """Path.exists for a value a person typed: a name too long for the file system (ENAMETOOLONG) or
    one holding a NUL byte is not there, rather than a traceback."""
    try:
        return Path(path).expanduser().exists()
    except (OSError, ValueError):
        return False
