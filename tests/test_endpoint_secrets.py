"""A signed-in visitor cannot make the server send its secrets, or call an address of the visitor's
choosing (issue 28, critical). Replays the tester's run through the app's HTTP API: Bob, signed in,
launches a run whose generator endpoint is a server he controls (here a local recorder) and names
the server's secrets as the key's variable (ADAPT_USERS, then HF_TOKEN). Before the fix his server
received "Bearer alice:...,bob:..." and the HF token; now no request carries any server secret, an
endpoint the operator does not list is refused before a run exists, and a key Bob types reaches his
own run's requests only."""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app_server import running_app, wait_for
from test_security_api import RawApi, form_values

USERS = "alice:alice-pw-123,bob:bob-pw-456"
SERVER_SECRETS = {"ADAPT_USERS": USERS, "HF_TOKEN": "hf_PlantedServerToken0123456789abcd",
                  "OPENAI_API_KEY": "sk-planted-openai-key-0123456789abcdef",
                  "ADAPT_SECRET": "planted-browser-secret-0123456789"}


class Recorder(BaseHTTPRequestHandler):
    """An OpenAI-compatible endpoint that writes down who called it with which key."""

    seen: list[dict] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        Recorder.seen.append({"authorization": self.headers.get("Authorization", ""), "model": body.get("model")})
        answer = {"id": "x", "object": "chat.completion", "created": 0, "model": body.get("model", "m"), "choices": [
            {"index": 0, "finish_reason": "stop", "message": {
                "role": "assistant", "content": "The harbour town keeps its old stone quay and its ferry."}}]}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def app(recorder):
    base = Path(tempfile.mkdtemp(prefix="adapt-endpoint-"))
    # The operator allows one endpoint (the recorder): the visitor still chooses nothing else.
    env = {**SERVER_SECRETS, "ADAPT_ENDPOINTS": recorder, "GRADIO_TEMP_DIR": str(base / "gradio")}
    try:
        with running_app(base / "data", base / "app.log", env=env) as (url, _):
            yield {"url": url + "/", "data": base / "data", "log": base / "app.log"}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def bob_launches(app, endpoint_url: str, model_name: str, **changes) -> tuple[str, str]:
    bob = RawApi(app["url"], "bob", "bob-pw-456")
    endpoint = bob.info()["named_endpoints"]["/on_launch"]
    session = {"browser_id": "bob-browser", "draft_id": "bob-draft", "example": "demo", "lang": "en"}
    categories = {name: 0 for name in ("paraphrase", "summary", "generalized", "elaboration", "kg_extraction",
                                       "translation_en", "translation_zh", "qa_difficult", "qa_easy",
                                       "qa_numbers_formula", "qa_methods", "qa_people_names", "positive_negative",
                                       "keywords", "reference", "discussion")}
    values = form_values(endpoint, **{
        "parameter_1": session, "Run name": f"bob-{model_name}", "Base model": "tiny",
        **categories, "summary": 1, "augment.backend": "endpoint", "augment.endpoint.base_url": endpoint_url,
        "augment.endpoint.model": model_name, "augment.endpoint.max_retries": 0,
        "cpt.max_steps": 1, "cpt.context_length": 64, "sft.enabled": False, "eval.enabled": False,
        "eval.precheck": False, "mix.replay_paths": "", **changes})
    return bob.call("/on_launch", values, uuid.uuid4().hex)


def finished(app, name: str) -> dict:
    (run,) = [p for p in (app["data"] / "runs").iterdir() if p.name.endswith(name)]
    wait_for(lambda: json.loads((run / "status.json").read_text()).get("state") in ("done", "failed", "stopped"),
             300, f"run {name} to end")
    return json.loads((run / "status.json").read_text())


def test_the_testers_run_sends_no_server_secret(app, recorder):
    """The exact run: the key's variable named as ADAPT_USERS (then HF_TOKEN). Today's form has no
    such setting and a run reads no variable a setting names: the recorder gets no secret."""
    for variable, model in (("ADAPT_USERS", "steal-users"), ("HF_TOKEN", "steal-hub")):
        outcome, answer = bob_launches(app, recorder, model, **{"augment.endpoint.api_key_env": variable})
        assert outcome == "complete", answer[-2000:]
        finished(app, f"bob-{model}")
        calls = [c for c in Recorder.seen if c["model"] == model]
        assert calls, "the run called the endpoint the operator allows"
        for call in calls:
            for name, secret in SERVER_SECRETS.items():
                assert secret not in call["authorization"], f"{name} reached the visitor's endpoint"


def test_an_endpoint_the_operator_did_not_list_is_refused_before_a_run_exists(app):
    runs_before = set((app["data"] / "runs").iterdir()) if (app["data"] / "runs").exists() else set()
    for url in ("http://127.0.0.1:9/v1", "http://169.254.169.254/latest", "http://localhost:7860/v1"):
        outcome, answer = bob_launches(app, url, "elsewhere")
        assert outcome == "error", answer[-2000:]
        assert "augment.endpoint.base_url" in answer and "not an endpoint this app may call" in answer, answer[-2000:]
    after = set((app["data"] / "runs").iterdir()) if (app["data"] / "runs").exists() else set()
    assert after == runs_before


def test_a_key_the_visitor_types_reaches_only_that_run_and_is_never_written(app, recorder):
    typed = "visitor-typed-key-0123456789abcdef"
    outcome, answer = bob_launches(app, recorder, "typed", **{"Endpoint API key": typed})
    assert outcome == "complete", answer[-2000:]
    assert finished(app, "bob-typed")["state"] == "done"
    calls = [c for c in Recorder.seen if c["model"] == "typed"]
    assert calls and all(c["authorization"] == f"Bearer {typed}" for c in calls)
    # The next run, with no key typed, does not get the last one.
    outcome, answer = bob_launches(app, recorder, "untyped")
    assert outcome == "complete", answer[-2000:]
    finished(app, "bob-untyped")
    assert all(typed not in c["authorization"] for c in Recorder.seen if c["model"] == "untyped")
    time.sleep(0.5)  # the app log is flushed line by line
    written = [p for p in app["data"].rglob("*") if p.is_file()] + [app["log"]]
    for path in written:
        assert typed not in path.read_text(errors="ignore"), f"the typed key was written to {path}"
