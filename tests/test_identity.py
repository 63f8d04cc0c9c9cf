"""Who a caller is, without sign-in, and how much one caller may stage (issue 28).

Against the real app, spoken to as a remote client speaks to it (raw HTTP): whatever a caller sends
as the session value is theirs to write, so

- the key that signs browser ids is not in the page config every visitor downloads (/config),
- a browser id the server did not sign (sent bare, with a made-up or borrowed signature) is a new
  anonymous browser: it sees none of the runs of the browser it names,
- the upload quota is the owner's: draft ids the caller makes up do not multiply it.

The quota's bookkeeping itself (adapt.uploads: one quota over all of an owner's folders, calls at
once taking turns, queued runs' uploads counted) is tested directly below.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import threading
from pathlib import Path

import httpx
import pytest

from adapt.config import RunConfig
from adapt.rundir import RunDir
from adapt.uploads import UploadLimits, save_uploads
from app_server import running_app

QUOTA_MB = "0.05"  # 51.2 KiB for the whole owner: two 20 KiB files fit, a third does not
FILE_BYTES = 20 * 1024


@pytest.fixture(scope="module")
def anon_app():
    """The app as most people run it: no sign-in, the signing key generated in the data dir."""
    base = Path(tempfile.mkdtemp(prefix="adapt-identity-"))
    data = base / "data"
    env = {"GRADIO_TEMP_DIR": str(base / "gradio"), "ADAPT_UPLOAD_QUOTA_MB": QUOTA_MB}
    try:
        with running_app(data, base / "app.log", env=env,
                         drop=("ADAPT_USERS", "ADAPT_PASSWORD", "ADAPT_SECRET")) as (url, _):
            yield {"url": url, "data": data, "log": base / "app.log"}
    finally:
        shutil.rmtree(base, ignore_errors=True)


class Anonymous:
    """A remote caller without sign-in: POST /gradio_api/call/<name>, read the SSE answer."""

    def __init__(self, url: str):
        self.http = httpx.Client(base_url=url, timeout=600)
        self.endpoints = self.http.get("/gradio_api/info").json()["named_endpoints"]

    def call(self, api_name: str, data: list) -> tuple[str, list]:
        """(the last event: complete | error, the output values of the last data line)"""
        posted = self.http.post(f"/gradio_api/call{api_name}", json={"data": data})
        posted.raise_for_status()
        stream = self.http.get(f"/gradio_api/call{api_name}/{posted.json()['event_id']}").text
        events = [line.removeprefix("event: ") for line in stream.splitlines() if line.startswith("event: ")]
        data_lines = [json.loads(line.removeprefix("data: ")) for line in stream.splitlines()
                      if line.startswith("data: ")]
        return (events[-1] if events else "none"), (data_lines[-1] if data_lines else [])

    def defaults(self, api_name: str, **by_position) -> list:
        values = [p["parameter_default"] for p in self.endpoints[api_name]["parameters"]]
        for position, value in by_position.items():
            values[int(position.removeprefix("p"))] = value
        return values

    def session(self, value=None) -> dict:
        """The session value the page load hands back for `value` (None: a first visit)."""
        outcome, out = self.call("/on_load", [value])
        assert outcome == "complete", out
        session = out[0]
        assert isinstance(session, dict) and session.get("browser_id"), out
        return session

    def listing(self, session) -> str:
        """What the Train tab's poll shows this session: its runs, their statuses."""
        outcome, out = self.call("/on_tick", [session])
        assert outcome == "complete", out
        return json.dumps(out, ensure_ascii=False)

    def upload(self, session: dict, name: str, content: bytes) -> tuple[str, str]:
        answer = self.http.post("/gradio_api/upload", files={"files": (name, content)})
        answer.raise_for_status()
        file = {"path": answer.json()[0], "meta": {"_type": "gradio.FileData"}, "orig_name": name}
        # The session is the first parameter (layout.py makes it first), the files the second.
        outcome, out = self.call("/on_upload", self.defaults("/on_upload", p0=session, p1=[file]))
        return outcome, json.dumps(out, ensure_ascii=False)


def carols_run(data: Path, browser_id: str) -> str:
    """A run of Carol's (a browser without sign-in), as the app's job manager records its owner."""
    run = RunDir.create(data / "runs", RunConfig.from_dict({"name": "carol-private"}), state="stopped",
                        owner=f"browser:{browser_id}")
    return run.path.name


def test_the_signing_key_is_not_in_the_page_config(anon_app):
    """Gradio hands BrowserState's `secret` to every visitor in /config: the key that vouches for a
    browser id must not be that one, nor anywhere else in the page."""
    key_file = anon_app["data"] / ".browser-secret"
    key = key_file.read_text().strip()
    assert len(key) >= 32 and key_file.stat().st_mode & 0o077 == 0
    http = httpx.Client(base_url=anon_app["url"], timeout=120)
    for page in ("/config", "/", "/gradio_api/info"):
        assert key not in http.get(page).text, page
    states = [c for c in http.get("/config").json()["components"] if c.get("type") == "browserstate"]
    assert len(states) == 1 and states[0]["props"]["secret"] != key


def test_a_browser_id_the_server_did_not_sign_owns_nothing(anon_app):
    """Carol's browser has a run. Mallory, knowing Carol's browser id, sends it bare, with a made-up
    signature, with the signature of her own id, and encrypted-looking junk: each time the app treats
    her as a new browser that owns nothing. Carol's own value keeps working, call after call."""
    carol, mallory = Anonymous(anon_app["url"]), Anonymous(anon_app["url"])
    session = carol.session()
    run = carols_run(anon_app["data"], session["browser_id"])
    assert run in carol.listing(session)                       # the real owner sees it...
    assert carol.session(session)["browser_id"] == session["browser_id"]  # ...and keeps her identity

    own = mallory.session()
    forged = [
        {"browser_id": session["browser_id"]},                                   # unsigned
        {"browser_id": session["browser_id"], "signature": "0" * 64},            # a made-up signature
        {**own, "browser_id": session["browser_id"]},                            # her own, for Carol's id
        {"browser_id": session["browser_id"], "signature": hashlib.sha256(session["browser_id"].encode()).hexdigest()},
        {**session, "signature": session.get("signature", "0")[:-1] + ("1" if session.get("signature", "0")[-1:] == "0"
                                                                          else "0")},  # one character off
    ]
    for value in forged:
        assert run not in mallory.listing(value), value
        assert mallory.session(value)["browser_id"] != session["browser_id"], value
    assert run in carol.listing(session)


def test_draft_ids_made_up_by_the_caller_share_one_quota(anon_app):
    """One browser, five draft ids of its own making: together they hold no more than the owner's
    quota (ADAPT_UPLOAD_QUOTA_MB); the refusal says what is stored elsewhere. Clear frees it all."""
    caller = Anonymous(anon_app["url"])
    session = caller.session()
    quota = int(float(QUOTA_MB) * 2**20)
    answers = []
    for i in range(5):
        content = (f"# Notes {i}\n\n" + f"The ferry to island {i} leaves at dawn. " * 2000).encode()[:FILE_BYTES]
        answers.append(caller.upload({**session, "draft_id": f"forged-draft-{i}"}, f"notes-{i}.md", content))
    owner = f"browser:{session['browser_id']}"
    staging = anon_app["data"] / "staging" / hashlib.sha256(owner.encode()).hexdigest()[:24]
    stored = [p for p in staging.rglob("*.md") if p.is_file()]
    assert sum(p.stat().st_size for p in stored) <= quota, [str(p) for p in stored]
    assert len(stored) == quota // FILE_BYTES == 2
    refused = [text for _, text in answers[2:]]
    assert all("limit" in text and "other drafts" in text for text in refused), refused[0][:1000]

    # Clear, from any draft, frees the owner's whole quota: the next upload fits again.
    outcome, _ = caller.call("/on_clear", caller.defaults("/on_clear", p0={**session, "draft_id": "forged-draft-4"}))
    assert outcome == "complete"
    assert not [p for p in staging.rglob("*.md") if p.is_file()]
    outcome, text = caller.upload({**session, "draft_id": "forged-draft-9"}, "again.md", b"# Again\n\nIt fits now.\n")
    assert outcome == "complete" and "again.md" in text and "limit" not in text, text[:1000]


def test_a_browser_keeps_its_identity_across_an_app_restart(tmp_path):
    """What the page stored before a restart still counts after it: the signing key is kept in the
    data dir, and the page's storage cipher (public, in /config) does not change either."""
    signed, ciphers = [], []
    for start in range(2):
        with running_app(tmp_path / "data", tmp_path / f"app-{start}.log",
                         drop=("ADAPT_USERS", "ADAPT_PASSWORD", "ADAPT_SECRET")) as (url, _):
            caller = Anonymous(url)
            signed.append(caller.session(signed[0] if signed else None))
            ciphers.append([c["props"]["secret"] for c in caller.http.get("/config").json()["components"]
                            if c.get("type") == "browserstate"])
    assert signed[1]["browser_id"] == signed[0]["browser_id"]
    assert ciphers[0] == ciphers[1] and len(ciphers[0]) == 1


# ---- the quota in adapt.uploads ------------------------------------------------------------------

def received_file(folder: Path, name: str, size: int, seed: int) -> tuple[Path, str]:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes((f"{seed} " * size).encode()[:size])
    return path, name


def stored_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))


def test_one_quota_over_all_of_an_owners_folders(tmp_path):
    received, owner = tmp_path / "received", tmp_path / "staging" / "owner"
    limits = UploadLimits(max_total_bytes=10_000)
    reports = [save_uploads([received_file(received, f"d{i}.md", 3_000, i)], owner / f"draft-{i}",
                            received_in=received, limits=limits, quota_root=owner)[0] for i in range(6)]
    assert [r.status for r in reports] == ["ok"] * 3 + ["error"] * 3
    assert "8.8 KB of it in your other drafts" in reports[3].reason, reports[3].reason
    assert stored_bytes(owner) <= 10_000
    # Another owner's folder is not counted.
    other = tmp_path / "staging" / "other"
    assert save_uploads([received_file(received, "o.md", 3_000, 99)], other / "draft", received_in=received,
                        limits=limits, quota_root=other)[0].status == "ok"
    # Uploads of a run still waiting to start count too.
    queued = tmp_path / "runs" / "queued" / "uploads"
    queued.mkdir(parents=True)
    (queued / "big.md").write_bytes(b"x" * 8_000)
    late = save_uploads([received_file(received, "l.md", 3_000, 7)], other / "draft-2", received_in=received,
                        limits=limits, quota_root=other, also_counted=[queued])[0]
    assert late.status == "error" and "limit" in late.reason


def test_calls_at_once_take_turns_under_one_quota(tmp_path):
    """Eight calls at once into eight drafts of one owner: each must see what the others stored."""
    received, owner = tmp_path / "received", tmp_path / "staging" / "owner"
    limits = UploadLimits(max_total_bytes=3 * 2_000_000)
    sources = [received_file(received, f"f{i}.md", 2_000_000, i) for i in range(8)]
    barrier = threading.Barrier(len(sources))
    results = {}

    def save(i):
        barrier.wait()
        results[i] = save_uploads([sources[i]], owner / f"draft-{i}", received_in=received, limits=limits,
                                  quota_root=owner)[0].status

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(sources))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results.values()) == ["error"] * 5 + ["ok"] * 3
    assert stored_bytes(owner) <= limits.max_total_bytes


def test_a_session_value_is_checked_field_by_field():
    """Unit level: only the server's signature makes a browser id; the example domain must be a
    bundled one (it becomes a path); the draft and run are kept (looked up under the owner)."""
    from ui.session import Session, browser_signature

    secret = "s" * 64
    fresh = Session.load(None, secret=secret)
    assert fresh.signature == browser_signature(fresh.browser_id, secret)
    assert fresh.owner == f"browser:{fresh.browser_id}"
    again = Session.load(fresh.dump(), secret=secret)
    assert again.browser_id == fresh.browser_id
    assert Session.load(fresh.dump(), secret="another key").browser_id != fresh.browser_id
    forged = Session.load({"browser_id": "carol", "signature": browser_signature("carol", "guess"),
                           "draft_id": "d", "run": "r", "example": "../../../../etc"}, secret=secret)
    assert forged.browser_id != "carol" and forged.owner != "browser:carol"
    assert (forged.draft_id, forged.run, forged.example) == ("d", "r", None)
    assert Session.load({**fresh.dump(), "example": "demo"}, secret=secret).example == "demo"
    assert Session.load({"browser_id": ["x"], "signature": {"a": 1}}, secret=secret).browser_id  # junk types
