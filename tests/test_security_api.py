"""With sign-in on, one user cannot list, read, stop, chat with, evaluate or publish another's runs,
tried through the app's HTTP API (gradio_client), not the UI: the API takes any run id and any
session value a caller cares to send. Alice's runs are real runs of the tiny model, made by the
app's own job manager; Bob signs in with his own password and aims at them."""

from __future__ import annotations

import time

import pytest

from adapt.config import RunConfig
from adapt.jobs import JobManager
from app_server import kill_run, running_app, wait_for

USERS = "alice:alice-pw-123,bob:bob-pw-456"


@pytest.fixture(scope="module")
def app(tmp_path_factory, tiny_model, corpus_dir):
    data = tmp_path_factory.mktemp("secdata")
    base = {"model": {"base": str(tiny_model), "lora": {"r": 4, "alpha": 8}}, "data": {"paths": [str(corpus_dir)]},
            "augment": {"enabled": False}, "mix": {"replay_paths": []},
            "sft": {"enabled": False, "general_data": []},
            "eval": {"precheck": False, "general_paths": [], "max_docs": 2, "max_questions": 2, "retrieval": "off"}}
    jobs = JobManager(data / "runs")
    done = jobs.create(RunConfig.from_dict({**base, "name": "alice-done", "cpt": {
        "context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "max_steps": 2}}), owner="user:alice")
    long = jobs.create(RunConfig.from_dict({**base, "name": "alice-long", "cpt": {
        "context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "max_steps": 100000}}), owner="user:alice")
    with running_app(data, data.parent / "secapp.log", env={"ADAPT_USERS": USERS}) as (url, _):
        try:
            # The app's job manager runs Alice's queue: the first finishes, the second keeps training.
            wait_for(lambda: done.status()["state"] == "done" and long.status()["state"] == "running", 240)
            yield {"url": url + "/", "done": done, "long": long}
        finally:
            kill_run(long)


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
    attempt("/on_choose", done, session_for(done))
    attempt("/on_stop", session_for(long))             # stop
    attempt("/on_show_1", session_for(done))           # read the report (Evaluate tab)
    attempt("/on_rerun", session_for(done))            # re-run its evaluation
    attempt("/on_send", "hello", [], [], [], done, False, 0.7, 0.9, 8, 1.1, 0, session_for(done))  # chat
    attempt("/on_zip", done, "adapter", session_for(done))  # download its weights
    attempt("/on_push", done, "bob/stolen", True, "adapter", "hf_bobTokenBobToken0123456789", session_for(done))
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
