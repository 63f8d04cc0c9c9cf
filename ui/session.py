"""Who is asking, and what they have chosen so far — shared by every tab.

Identity, strongest first: the Hugging Face user signed in with OAuth (on a Space), the user of
the optional password (ADAPT_PASSWORD), else this browser: a random id kept, encrypted, in the
browser's local storage, so a reload or a second tab finds the same runs and nobody else's.

The session value (browser id, draft uploads id, example domain, language, selected run) lives
in a gr.BrowserState, so it survives reloads and app restarts. It is encrypted with a key that
is itself kept on disk, or the browsers would lose their runs at every restart.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import gradio as gr

from adapt.jobs import JobManager
from ui.i18n import say


@dataclass
class AppContext:
    data_dir: Path
    jobs: JobManager
    browser_secret: str

    @classmethod
    def from_env(cls) -> AppContext:
        data_dir = Path(os.environ.get("ADAPT_DATA_DIR", "data")).expanduser().resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        jobs = JobManager(data_dir / "runs", max_running=int(os.environ.get("ADAPT_MAX_JOBS", "1")))
        return cls(data_dir, jobs, _browser_secret(data_dir))


def _browser_secret(data_dir: Path) -> str:
    if os.environ.get("ADAPT_SECRET"):
        return os.environ["ADAPT_SECRET"]
    path = data_dir / ".browser-secret"
    if not path.exists():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
        except FileExistsError:
            pass  # another app process wrote it first
    return path.read_text().strip()


CONTEXT: AppContext | None = None


def context() -> AppContext:
    global CONTEXT
    if CONTEXT is None:
        CONTEXT = AppContext.from_env()
    return CONTEXT


@dataclass
class Session:
    browser_id: str = ""
    draft_id: str = ""
    example: str | None = None
    lang: str = "en"
    run: str | None = None
    owner: str = field(default="", compare=False)

    @classmethod
    def load(cls, value: dict | None, request: gr.Request | None = None,
             profile: gr.OAuthProfile | None = None) -> Session:
        known = {k: v for k, v in (value or {}).items() if k in ("browser_id", "draft_id", "example", "lang", "run")}
        session = cls(**known)
        session.browser_id = session.browser_id or uuid.uuid4().hex
        session.draft_id = session.draft_id or uuid.uuid4().hex
        if profile is not None and getattr(profile, "username", None):
            session.owner = f"hf:{profile.username}"
        elif request is not None and getattr(request, "username", None):
            session.owner = f"user:{request.username}"
        else:
            session.owner = f"browser:{session.browser_id}"
        return session

    def dump(self) -> dict:
        value = asdict(self)
        value.pop("owner")
        return value

    def uploads_dir(self) -> Path:
        """Uploads wait here until a run takes them: per owner and draft, under hashes (no user text
        in paths)."""
        owner = hashlib.sha256(self.owner.encode()).hexdigest()[:24]
        draft = hashlib.sha256(self.draft_id.encode()).hexdigest()[:16]
        folder = context().data_dir / "staging" / owner / draft
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def new_draft(self) -> None:
        self.draft_id = uuid.uuid4().hex
        self.example = None


def waiting_note(session: Session, infos: list) -> str:
    """Why the run picker is empty: nothing finished yet, and how many of the owner's runs (`infos`,
    the job listing the caller already has) are on their way."""
    if any(i.state == "done" for i in infos):
        return ""
    busy = sum(i.state in ("queued", "running", "preparing") for i in infos)
    return say("no_finished_run", session.lang, busy=say("runs_in_progress", session.lang, count=busy) if busy else "")

