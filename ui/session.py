"""Who is asking, and what they have chosen so far — shared by every tab.

Identity, strongest first: the Hugging Face user signed in with OAuth (on a Space), the user of
the optional password (ADAPT_PASSWORD), else this browser: a random id the server made and signed,
kept in the browser's local storage, so a reload or a second tab finds the same runs and nobody
else's.

The session value (browser id and its signature, draft uploads id, example domain, language,
selected run) lives in a gr.BrowserState, so it survives reloads and app restarts. Everything in it
comes back from the caller, who may write anything there (an API call sends the value itself), so
none of it is trusted:

- the browser id counts only with its signature, an HMAC the server computes with a key that never
  leaves the server (ADAPT_SECRET, or data/.browser-secret, mode 0600). A missing, unsigned or
  forged id is a new anonymous browser. (Gradio's BrowserState `secret` is not such a key: Gradio
  hands it to every visitor in the page config, /config, because the page encrypts with it. It is
  STORAGE_CIPHER below, public, and protects nothing.)
- the draft only picks a folder among the owner's own (staging/<owner>/<draft>), and the upload
  quota is the owner's, over all of them (ui/data_tab.py);
- the run is looked up with its owner (adapt.jobs), the example domain must be a bundled one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import gradio as gr

from adapt import bundled
from adapt.jobs import JobManager
from ui.i18n import say

# The key the page encrypts the BrowserState with in local storage. Gradio sends it to every visitor
# (the page needs it to decrypt), so it is public by construction and protects nothing; it is fixed so
# that an app restart can still read what browsers stored. What protects the identity is
# browser_signature(), with a key that stays on the server.
STORAGE_CIPHER = "domain-adapter: not a secret (sent to every visitor)"


@dataclass
class AppContext:
    data_dir: Path
    jobs: JobManager
    browser_secret: str  # signs browser ids; never sent to a client (not even as BrowserState's secret)

    @classmethod
    def from_env(cls) -> AppContext:
        data_dir = Path(os.environ.get("ADAPT_DATA_DIR", "data")).expanduser().resolve()
        data_dir.mkdir(parents=True, exist_ok=True)
        jobs = JobManager(data_dir / "runs", max_running=int(os.environ.get("ADAPT_MAX_JOBS", "1")))
        return cls(data_dir, jobs, _browser_secret(data_dir))


def _browser_secret(data_dir: Path) -> str:
    """ADAPT_SECRET, else a random key made once in the data dir (0600), so that signatures outlive a
    restart. Whoever has it can sign any browser id: it stays on the server."""
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


def browser_signature(browser_id: str, secret: str) -> str:
    """The server's signature of a browser id: HMAC-SHA256 keyed with a secret only the server holds."""
    return hmac.new(secret.encode(), f"browser-id:{browser_id}".encode(), hashlib.sha256).hexdigest()


FIELDS = ("browser_id", "signature", "draft_id", "example", "lang", "run")


@dataclass
class Session:
    browser_id: str = ""
    signature: str = ""  # browser_signature(browser_id): proof that the server made this id
    draft_id: str = ""
    example: str | None = None
    lang: str = "en"
    run: str | None = None
    owner: str = field(default="", compare=False)

    @classmethod
    def load(cls, value: dict | None, request: gr.Request | None = None,
             profile: gr.OAuthProfile | None = None, *, secret: str) -> Session:
        """The session from the value the caller sent. A browser id without the server's signature
        (missing, unsigned, forged, or signed with another key) is replaced by a new, signed one: a new
        anonymous browser, which owns nothing yet. The other fields choose only among what the owner
        may see (their drafts and runs, the bundled examples)."""
        value = value if isinstance(value, dict) else {}
        known = {k: v for k, v in value.items() if k in FIELDS and (v is None or isinstance(v, str))}
        session = cls(**known)
        expected = browser_signature(session.browser_id, secret)
        if not session.browser_id or not hmac.compare_digest(session.signature.encode(), expected.encode()):
            session.browser_id = uuid.uuid4().hex
            session.signature = browser_signature(session.browser_id, secret)
        session.draft_id = session.draft_id or uuid.uuid4().hex
        if session.example is not None and session.example not in example_domains():
            session.example = None
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

    def staging_dir(self) -> Path:
        """All of the owner's uploads not yet in a run: one folder per draft below it. The upload quota
        counts everything here, whatever draft ids the caller sends."""
        owner = hashlib.sha256(self.owner.encode()).hexdigest()[:24]
        return context().data_dir / "staging" / owner

    def uploads_dir(self) -> Path:
        """Uploads wait here until a run takes them: per owner and draft, under hashes (no user text
        in paths)."""
        draft = hashlib.sha256(self.draft_id.encode()).hexdigest()[:16]
        folder = self.staging_dir() / draft
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def new_draft(self) -> None:
        self.draft_id = uuid.uuid4().hex
        self.example = None


def example_domains() -> set[str]:
    """The bundled example domains (folders of examples/domains with docs/): the only values a
    session's example may take, since it becomes a path (examples/domains/<name>/docs)."""
    root = bundled.EXAMPLES_DIR / "domains"
    if not root.is_dir():
        return set()
    return {p.name for p in root.iterdir() if (p / "docs").is_dir() and not p.name.startswith(".")}


def waiting_note(session: Session, infos: list) -> str:
    """Why the run picker is empty: nothing finished yet, and how many of the owner's runs (`infos`,
    the job listing the caller already has) are on their way."""
    if any(i.state == "done" for i in infos):
        return ""
    busy = sum(i.state in ("queued", "running", "preparing") for i in infos)
    return say("no_finished_run", session.lang, busy=say("runs_in_progress", session.lang, count=busy) if busy else "")

