"""With sign-in on, one user cannot list, read, stop, chat with, evaluate or publish another's runs,
tried through the app's HTTP API (gradio_client), not the UI: the API takes any run id and any
session value a caller cares to send. Alice's runs are real runs of the tiny model, made by the
app's own job manager; Bob signs in with his own password and aims at them.

Nor can Bob make the app read a file for him by naming its path where the API expects an upload
(issue 15): every handler that takes files is replayed with server paths, and every parameter of
every endpoint gets a FileData naming a planted secret, against the app as served and against the
app with Gradio's own path check switched off (tests/app_without_gradio_path_check.py), so that the
app's own refusal is what is tested."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from adapt.config import RunConfig
from adapt.fileio import read_jsonl
from adapt.jobs import JobManager
from app_server import kill_run, running_app, wait_for
from conftest import ROOT

USERS = "alice:alice-pw-123,bob:bob-pw-456"
BOB = ("bob", "bob-pw-456")
MARKER = "PLANTED-SECRET-4c1e9a: the harbour ledger nobody may read"


@pytest.fixture(scope="module")
def app(tiny_model, corpus_dir):
    # A data dir that does not exist yet, in a folder every user may enter (like a home or /srv):
    # the app creates it, so its modes are the app's doing (see the same-machine client test).
    base = Path(tempfile.mkdtemp(prefix="adapt-secapp-"))
    base.chmod(0o755)
    data = base / "data"
    env = {"ADAPT_USERS": USERS, "GRADIO_TEMP_DIR": str(base / "gradio")}
    config = {"model": {"base": str(tiny_model), "lora": {"r": 4, "alpha": 8}}, "data": {"paths": [str(corpus_dir)]},
              "augment": {"enabled": False}, "mix": {"replay_paths": []},
              "sft": {"enabled": False, "general_data": []},
              "eval": {"precheck": False, "general_paths": [], "max_docs": 2, "max_questions": 2, "retrieval": "off"}}
    try:
        with running_app(data, base / "secapp.log", env=env) as (url, _):
            # Queued once the app runs; its job manager runs Alice's queue: the first finishes, the
            # second keeps training.
            jobs = JobManager(data / "runs")
            done = jobs.create(RunConfig.from_dict({**config, "name": "alice-done", "cpt": {
                "context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "max_steps": 2}}), owner="user:alice")
            long = jobs.create(RunConfig.from_dict({**config, "name": "alice-long", "cpt": {
                "context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "max_steps": 100000}}),
                owner="user:alice")
            try:
                wait_for(lambda: done.status()["state"] == "done" and long.status()["state"] == "running", 240)
                yield {"url": url + "/", "done": done, "long": long, "data": data, "gradio": base / "gradio"}
            finally:
                kill_run(long)
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def unchecked_app(tmp_path_factory):
    """The app with Gradio's check of FileData paths switched off: only the app's own checks remain."""
    base = tmp_path_factory.mktemp("secapp-unchecked")
    with running_app(base / "data", base / "app.log", script="tests/app_without_gradio_path_check.py",
                     env={"ADAPT_USERS": USERS, "GRADIO_TEMP_DIR": str(base / "gradio")}) as (url, _):
        yield {"url": url + "/", "data": base / "data", "gradio": base / "gradio"}


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> Path:
    """A secret outside every folder of the project and of the app, with a suffix uploads accept."""
    path = tmp_path_factory.mktemp("planted") / "ledger.md"
    path.write_text(MARKER + "\n\nEvery ship that entered the bay, with its cargo.\n", encoding="utf-8")
    return path


def client(app, user: str, password: str):
    from gradio_client import Client

    return Client(app["url"], auth=(user, password), verbose=False)


def session_for(run_id: str) -> dict:
    return {"browser_id": "attacker", "draft_id": "attacker", "run": run_id, "lang": "en"}


def test_without_signing_in_nothing_answers(app):
    from gradio_client import Client

    with pytest.raises(Exception):
        Client(app["url"], verbose=False)
    with pytest.raises(Exception):
        Client(app["url"], auth=("bob", "wrong"), verbose=False)


def test_another_user_cannot_list_read_stop_chat_evaluate_or_publish(app):
    done, long = app["done"].path.name, app["long"].path.name
    bob = client(app, "bob", "bob-pw-456")
    answers = {}

    def attempt(api_name, *args):
        try:
            answers[api_name] = ("answered", str(bob.predict(*args, api_name=api_name)))
        except Exception as err:
            answers[api_name] = ("refused", str(err))

    attempt("/on_tick", session_for(done))             # list and read (Train tab)
    # Parameters in the order the app made the components: the session first (layout.py makes it first).
    attempt("/on_run", session_for(done), done)        # pick it in the run picker
    attempt("/on_stop", session_for(long))             # stop
    attempt("/show_report", session_for(done))         # read the report (Evaluate tab)
    attempt("/on_rerun", session_for(done))            # re-run its evaluation
    attempt("/on_send", session_for(done), False, [], [], [], "hello", 0.7, 0.9, 8, 1.1, 0)  # chat
    attempt("/on_zip", session_for(done), "adapter")   # download its weights
    attempt("/on_push", session_for(done), "bob/stolen", True, "adapter", "hf_bobTokenBobToken0123456789")
    for api_name, (outcome, text) in answers.items():
        # A refusal may repeat the id Bob sent; an answer must show nothing of Alice's runs.
        if outcome == "answered":
            assert done not in text and long not in text, (api_name, text[:1000])
            assert "'role': 'assistant'" not in text and "Published" not in text, (api_name, text[:1000])
        else:
            assert "Traceback" not in text, (api_name, text[:1000])
    assert answers["/on_stop"][0] == "refused"
    time.sleep(2)
    assert app["long"].status()["state"] == "running"   # Bob's stop did nothing
    assert app["done"].status()["state"] == "done"      # nor did his re-evaluation
    assert not any(app["done"].path.glob("export*"))    # nothing exported for him

    # The same calls work for Alice: the refusals above are about ownership, not broken endpoints.
    alice = client(app, "alice", "alice-pw-123")
    listed = str(alice.predict(session_for(done), api_name="/on_tick"))
    assert done in listed and long in listed
    alice.predict(session_for(long), api_name="/on_stop")
    wait_for(lambda: app["long"].status()["state"] in ("stopped", "stopping"), 60)


# ---- caller-named paths where the API expects an upload (issue 15) -------------------------------

class RawApi:
    """Exactly what a remote client sends: sign in, POST /gradio_api/call/<name>, read the SSE answer.
    No client-side upload, unlike gradio_client, which reads a local path itself and uploads it."""

    def __init__(self, url: str, user: str, password: str):
        self.http = httpx.Client(base_url=url, timeout=1800)
        assert self.http.post("/login", data={"username": user, "password": password}).status_code == 200

    def info(self) -> dict:
        return self.http.get("/gradio_api/info").json()

    def call(self, api_name: str, data: list, session_hash: str | None = None) -> tuple[str, str]:
        """(the last event: complete | error, everything the server answered, JSON strings decoded)"""
        posted = self.http.post(f"/gradio_api/call{api_name}", json={"data": data, "session_hash": session_hash})
        if posted.status_code != 200:
            return "error", posted.text
        stream = self.http.get(f"/gradio_api/call{api_name}/{posted.json()['event_id']}").text
        events = [line.removeprefix("event: ") for line in stream.splitlines() if line.startswith("event: ")]
        # Decoded, so that non-ASCII text is compared as text, not as \\u escapes.
        data = [json.dumps(json.loads(line.removeprefix("data: ")), ensure_ascii=False)
                for line in stream.splitlines() if line.startswith("data: ")]
        return events[-1] if events else "none", "\n".join(data)

    def upload(self, path: Path) -> str:
        """A genuine upload, as the page does it: the bytes go to /gradio_api/upload."""
        with open(path, "rb") as handle:
            answer = self.http.post("/gradio_api/upload", files={"files": (path.name, handle)})
        answer.raise_for_status()
        return answer.json()[0]


def file_data(path: Path | str) -> dict:
    return {"path": str(path), "meta": {"_type": "gradio.FileData"}, "orig_name": Path(path).name}


def file_inputs(info: dict) -> list[tuple[str, int, str]]:
    """(endpoint, parameter position, component) of every parameter whose value may carry a file."""
    return [(name, i, p["component"]) for name, endpoint in info["named_endpoints"].items()
            for i, p in enumerate(endpoint["parameters"]) if "FileData" in json.dumps(p["type"])]


def carrying(value: dict, component: str):
    """A FileData as the component's value: a list of files, or a chat history with a file message."""
    if component == "Chatbot":
        return [{"role": "user", "content": [{"type": "file", "file": value}]}]
    return [value]


def bob_staging(server: dict) -> dict[str, bytes]:
    folder = server["data"] / "staging" / hashlib.sha256(b"user:bob").hexdigest()[:24]
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def holding(folder: Path, secret: str) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


@pytest.mark.parametrize("server_name", ["app", "unchecked_app"])
def test_a_server_path_named_as_an_upload_is_refused(server_name, request, app, planted):
    """The tester's call, replayed over raw HTTP for every handler that takes files: Alice's real
    documents, the app's README and a file outside every project folder. Refused, nothing stored,
    nothing of them shown, then or by /on_doc after it; a genuine upload still works."""
    server = request.getfixturevalue(server_name)
    alice_docs = app["done"].path / "data" / "documents.jsonl"
    secrets = {alice_docs: [d["text"][:40] for d in read_jsonl(alice_docs)],
               ROOT / "README.md": ["suggested_hardware: l4x1"], planted: [MARKER]}
    assert all(secrets.values())
    bob = RawApi(server["url"], *BOB)
    info = bob.info()
    endpoints, inputs = info["named_endpoints"], file_inputs(info)
    assert ("/on_upload", 1, "File") in inputs and any(c == "Chatbot" for _, _, c in inputs), inputs
    staged = bob_staging(server)

    def replay(api_name: str, position: int, component: str, path: Path) -> tuple[str, str, str]:
        session = uuid.uuid4().hex  # one Gradio session, as the tester's client had: /on_doc reads its state
        data = [p["parameter_default"] for p in endpoints[api_name]["parameters"]]
        data[position] = carrying(file_data(path), component)
        outcome, answer = bob.call(api_name, data, session)
        return outcome, answer, bob.call("/on_doc", [None, 0], session)[1]

    cases = [(*entry, path) for entry in inputs for path in secrets]
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda case: replay(*case), cases))
    for (api_name, _, _, path), (outcome, answer, doc) in zip(cases, results):
        assert outcome == "error", (server_name, api_name, path, answer[:1000])
        if server_name == "unchecked_app":  # only the app's own check stood in the way
            assert "not a file this app received" in answer or "text only" in answer, answer[:1000]
        for text in secrets[path]:
            assert text not in answer and text not in doc, (server_name, api_name, path, text)
    assert bob_staging(server) == staged

    # The refusal is about where the file came from: the same handler takes a real upload.
    genuine = planted.parent / "genuine.md"
    genuine.write_text("# Bob's own notes\n\nThe lighthouse keeper logs every passing ship by night.\n")
    data = [p["parameter_default"] for p in endpoints["/on_upload"]["parameters"]]  # the data settings' defaults
    data[:2] = [None, [file_data(bob.upload(genuine))]]  # the session (made first), the files
    outcome, answer = bob.call("/on_upload", data)
    assert outcome == "complete" and "genuine.md" in answer, answer[:1000]
    assert genuine.read_bytes() in bob_staging(server).values()


@pytest.mark.parametrize("server_name", ["app", "unchecked_app"])
def test_no_endpoint_takes_a_file_path_from_the_caller(server_name, request, planted):
    """Every named endpoint, every parameter: a FileData naming the planted secret, defaults elsewhere
    (a chat history carries it as a file message too). The secret must not come back in any answer,
    nor in any file an answer links to, nor be copied into the app's data dir; with Gradio's check on,
    not even into Gradio's upload folder."""
    server = request.getfixturevalue(server_name)
    bob = RawApi(server["url"], *BOB)
    info = bob.info()
    config = bob.http.get("/config").json()
    # Every event handler is a named endpoint, so walking the named ones walks them all (the events
    # that only run JavaScript in the page have no handler here).
    handlers = [d for d in config["dependencies"] if d.get("backend_fn", True)]
    assert len(info["named_endpoints"]) == len(handlers) and not info["unnamed_endpoints"]
    calls = []
    for api_name, endpoint in info["named_endpoints"].items():
        defaults = [p["parameter_default"] for p in endpoint["parameters"]]
        for position, parameter in enumerate(endpoint["parameters"]):
            values = [file_data(planted)]
            if parameter["component"] == "Chatbot":
                values.append(carrying(file_data(planted), "Chatbot"))
            for value in values:
                data = list(defaults)
                data[position] = value
                calls.append((api_name, data))
    assert len(calls) > 250  # the Train tab's form alone has 108 parameters per endpoint
    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(lambda call: (call[0], *bob.call(*call)), calls))
    for api_name, _, answer in answers:
        assert MARKER not in answer, (server_name, api_name, answer[:1000])
        if server_name == "app":  # what Gradio serves at a link in an answer
            for link in {part.split('"')[0] for part in answer.split("/gradio_api/file=")[1:]}:
                assert MARKER not in bob.http.get(f"/gradio_api/file={link}").text, (api_name, link)
    assert holding(server["data"], MARKER) == []
    if server_name == "app":
        assert not server["gradio"].exists() or holding(server["gradio"], MARKER) == []
    else:
        # Proof that the walk reached the handlers: Gradio, unchecked, copied the secret into its cache.
        assert holding(server["gradio"], MARKER), "Gradio's check was not off: this run proves nothing"
    # Nothing in the walk made Bob a run either (the Train tab's Launch is among the endpoints).
    assert not any(json.loads(p.read_text()).get("owner") == "user:bob"
                   for p in (server["data"] / "runs").glob("*/status.json"))


def test_a_client_on_the_same_machine_cannot_upload_what_it_cannot_read(app):
    """gradio_client on the server's machine reads a local path itself and uploads the bytes: that is
    how the tester got Alice's file, running as the server's own Unix user. Another user gets
    nothing, because the app keeps its data dir private (0700, files 0600). The exact call, as `nobody`."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running a client as another user needs root and setpriv")
    as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
    env = {"HOME": tempfile.gettempdir(), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1"}
    probe = subprocess.run([*as_nobody, "-c", "import gradio_client"], env=env, cwd="/", capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"user nobody cannot run this Python with gradio_client: {probe.stderr[-300:]!r}")
    call = ("import sys; from gradio_client import Client\n"
            "c = Client(sys.argv[1], auth=('bob', 'bob-pw-456'), verbose=False)\n"
            "print(c.predict(None, [{'path': sys.argv[2], 'meta': {'_type': 'gradio.FileData'}}], 'text',"
            " api_name='/on_upload'))")
    staged = bob_staging(app)
    for target in ("data/documents.jsonl", "log.txt", "events.jsonl"):
        path = app["done"].path / target
        assert path.is_file()
        result = subprocess.run([*as_nobody, "-c", call, app["url"], str(path)], env=env, cwd="/",
                                capture_output=True, text=True, timeout=1800)
        assert result.returncode != 0 and "PermissionError" in result.stderr, (target, result.stdout[-2000:],
                                                                              result.stderr[-2000:])
    assert bob_staging(app) == staged


def test_what_the_app_creates_is_private(app):
    """Item 9 at the app's level: the data dir, the runs and staging folders, the job consoles and
    everything the job processes wrote. (Alice's run folders themselves were made by this test.)"""
    made_here = {app["done"].path, app["long"].path}
    exposed = [f"{stat.filemode(p.lstat().st_mode)} {p}" for p in [app["data"], *app["data"].rglob("*")]
               if p not in made_here and not p.is_symlink() and p.lstat().st_mode & 0o077]
    assert exposed == []


def test_the_arena_takes_text_histories_and_refuses_files():
    """The shapes Gradio 6 hands the Arena, made by the Chatbot itself: text passes, a file does not."""
    import gradio as gr

    from ui.arena_tab import text_only

    chat = gr.Chatbot()
    talk = chat.preprocess(chat.postprocess([{"role": "user", "content": "Who built the lighthouse?"},
                                             {"role": "assistant", "content": "Nobody knows."}]))
    with_file = chat.preprocess(chat.data_model.model_validate(
        [{"role": "user", "content": [{"type": "file", "file": file_data("/etc/hostname")}]}]))
    assert text_only(talk) and text_only([]) and text_only(None)
    assert not text_only(with_file) and not text_only(talk + with_file)


def form_values(endpoint: dict, **changes) -> list:
    """The Train tab's inputs as the page sends them: every setting at RunConfig's default (lists one
    item per line), `changes` by setting name."""
    from adapt.config import AUGMENT_CATEGORIES

    flat: dict = {}

    def walk(node, prefix=""):
        for key, value in node.items():
            if isinstance(value, dict) and key != "categories":
                walk(value, f"{prefix}{key}.")
            else:
                flat[f"{prefix}{key}"] = "\n".join(value) if isinstance(value, list) else value

    walk(RunConfig().model_dump(mode="json"))
    categories = RunConfig().augment.categories
    values = []
    for parameter in endpoint["parameters"]:
        label = parameter["label"]
        if label in changes:
            values.append(changes[label])
        elif label in flat:
            values.append(flat[label])
        elif label in AUGMENT_CATEGORIES:
            values.append(categories[label])
        else:
            values.append(parameter["parameter_default"])
    return values


def test_settings_cannot_name_another_users_files_or_runs(app):
    """Paths in the Train form are free text: Bob names Alice's documents as his SFT data, her run's
    files as his questions and general text, and her trained model as his base. Each is refused with
    the setting named, and no run of his is created; the same form with the bundled files launches."""
    bob = RawApi(app["url"], *BOB)
    endpoint = bob.info()["named_endpoints"]["/on_launch"]
    alice = app["done"].path
    runs_before = set(p.name for p in (app["data"] / "runs").iterdir())
    attempts = {"sft.data": str(alice / "data" / "documents.jsonl"),
                "eval.qa_file": str(alice / "data" / "documents.jsonl"),
                "mix.replay_paths": str(alice / "data"),
                "eval.general_paths": str(alice / "uploads"),
                "Base model": str(alice / "adapter")}
    # With an example domain picked, the form is otherwise launchable: only the stolen path is wrong.
    session = {"browser_id": "bob-browser", "draft_id": "bob-draft", "example": "demo", "lang": "en"}
    for label, value in attempts.items():
        outcome, answer = bob.call("/on_launch", form_values(endpoint, **{"Run name": "steal", label: value,
                                                                          "parameter_1": session}), uuid.uuid4().hex)
        assert outcome == "error", (label, answer[:1000])
        setting = "model.base" if label == "Base model" else label
        assert f"{setting}" in answer and "outside the folders this app may read" in answer, (label, answer[:1000])
    assert set(p.name for p in (app["data"] / "runs").iterdir()) == runs_before


def test_typed_questions_go_into_the_run_and_its_evaluation_names_them(app):
    """Issue 29, item 2, through the app as served: Bob types questions in the Data tab (a row without
    an answer keeps nothing and is named), fixes them and launches with an example domain. The run
    holds one question file, the example's questions then his, never trained on, and its
    eval.qa_file names that copy, not his draft."""
    from adapt.data.questions import load_user_questions
    from ui.user_questions import COLUMNS

    bob = RawApi(app["url"], *BOB)
    session = {"browser_id": "bob-browser", "draft_id": "bob-asks", "example": "lumen-isles", "lang": "en"}

    def typed(rows: list[list[str]]) -> dict:
        return {"headers": COLUMNS, "data": rows, "metadata": None}

    outcome, answer = bob.call("/on_questions_save", [session, typed([["How tall is Mount Korvaleth?", "", ""]])])
    assert outcome == "complete" and "row 1: “How tall is Mount Korvaleth?” has no expected answer" in answer, answer
    rows = [["How tall is Mount Korvaleth?", "2,140 metres", ""], ["Who keeps the Velmor light?", "Elna Brisk", ""]]
    outcome, answer = bob.call("/on_questions_save", [session, typed(rows)])
    assert outcome == "complete" and "2 questions saved" in answer, answer[:1000]

    runs = app["data"] / "runs"
    before = {p.name for p in runs.iterdir()}
    endpoint = bob.info()["named_endpoints"]["/on_launch"]
    outcome, answer = bob.call("/on_launch", form_values(endpoint, **{"Run name": "bob-asks", "parameter_1": session}),
                               uuid.uuid4().hex)
    assert outcome == "complete", answer[:1000]
    (run_id,) = {p.name for p in runs.iterdir()} - before
    run = JobManager(runs).get(run_id, "user:bob")
    try:
        config = run.load_config()
        assert config.eval.qa_file == str(run.path / "questions.jsonl") and config.eval.qa_file_mode == "replace"
        lines = load_user_questions(config.eval.qa_file)
        assert [(q["question"], q["answer_key"], q["split"]) for q in lines if q["origin"] == "user"] == [
            (question, expected, "heldout") for question, expected, _ in rows]
        assert len([q for q in lines if q["origin"] == "example"]) > 50
        assert not (run.path / "uploads").exists()  # an example domain: no documents of Bob's, no questions as one
    finally:
        # It would train the offline model for minutes: taken off the queue, or killed if it has started.
        try:
            JobManager(runs).stop(run_id, "user:bob")
        except ValueError:
            pass  # no longer queued nor running
        time.sleep(2)  # a start the app's scheduler had begun meanwhile has recorded its process by now
        kill_run(run)
