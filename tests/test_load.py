"""Eight sessions at once against one app on localhost while a job trains: each uploads a file,
polls its runs and chats in the Arena, through the app's HTTP API (gradio_client, one client and
session per user, as eight browsers would be). No call may fail, no session may see another's
files or runs, and the chat latency is reported (p50/p95, also in test-artifacts/load.json).
Bounded: 8 sessions, 2 chat turns each, a 300-second budget."""

from __future__ import annotations

import json
import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from adapt.config import RunConfig
from adapt.jobs import JobManager
from adapt.rundir import RunDir
from app_server import kill_run, running_app, wait_for
from conftest import make_config, run_cli
from ui.session import browser_signature

SESSIONS = 8
SECRET = "load-test-signing-key"


@pytest.fixture(scope="module")
def app(tmp_path_factory, tiny_model, corpus_dir):
    root = tmp_path_factory.mktemp("load")
    # One real finished run of the tiny model, copied to every session as its own (a copy costs
    # nothing to train; each session then chats with a run that is really its own on disk).
    config = make_config(root / "done.yaml", tiny_model, corpus_dir, None, augment={"enabled": False},
                         cpt={"max_steps": 2}, sft={"enabled": False}, eval={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(root / "made"), "--quiet")
    assert result.returncode == 0, result.stderr[-2000:]
    (made,) = (root / "made").iterdir()
    data = root / "data"
    runs = data / "runs"
    runs.mkdir(parents=True)
    owned = {}
    for i in range(SESSIONS):
        target = runs / f"{made.name[:15]}-s{i}-done"
        shutil.copytree(made, target)
        RunDir(target).update_status(owner=f"browser:load-session-{i}")
        owned[i] = target.name
    # ...and a job that trains for the whole test, owned by session 0.
    trainer = JobManager(runs).create(RunConfig.from_dict({
        "name": "s0-training", "model": {"base": str(tiny_model), "lora": {"r": 4, "alpha": 8}},
        "data": {"paths": [str(corpus_dir)]}, "augment": {"enabled": False}, "mix": {"replay_paths": []},
        "cpt": {"context_length": 64, "micro_batch_size": 4, "grad_accum": 1, "max_steps": 100000},
        "sft": {"enabled": False, "general_data": []}, "eval": {"enabled": False, "precheck": False}}),
        owner="browser:load-session-0")
    with running_app(data, root / "app.log", env={"ADAPT_SECRET": SECRET}) as (url, _):
        try:
            wait_for(lambda: trainer.status()["state"] == "running", 120)
            yield {"url": url + "/", "owned": owned, "trainer": trainer, "log": root / "app.log",
                   "docs": sorted(corpus_dir.iterdir())}
        finally:
            kill_run(trainer)


def one_session(app, i: int) -> dict:
    from gradio_client import Client, handle_file

    client = Client(app["url"], verbose=False)
    # A browser's id as the server signed it (ui.session): an unsigned one would own nothing.
    session = {"browser_id": f"load-session-{i}", "signature": browser_signature(f"load-session-{i}", SECRET),
               "draft_id": f"draft-{i}", "lang": "en", "run": app["owned"][i]}
    doc = app["docs"][i % len(app["docs"])]
    # Parameters in the order the app made the components: the session first.
    uploaded = str(client.predict(session, [handle_file(str(doc))], "text", api_name="/on_upload"))
    polls = [str(client.predict(session, api_name="/on_tick")) for _ in range(3)]
    client.predict(session, api_name="/show_arena")  # open the Arena tab for this session's run
    latencies, answers = [], []
    history_base, history_adapted = [], []
    for prompt in (f"Hello from session {i}", "What is the capital of France?"):
        start = time.perf_counter()
        # After "use retrieval": the share of the training the adapted column keeps (1.0: all of it).
        result = client.predict(session, False, 1.0, history_base, history_adapted, [], prompt, 0.7, 0.9, 16, 1.1, i,
                                api_name="/on_send")
        latencies.append(time.perf_counter() - start)
        _, history_base, history_adapted, _ = result[:4]
        answers.append(history_adapted)
    return {"i": i, "uploaded": uploaded, "doc": doc.name, "polls": polls, "latencies": latencies,
            "answers": answers, "history_base": history_base}


def test_eight_sessions_at_once_no_errors_no_cross_talk(app):
    from conftest import ROOT as root

    start = time.time()
    with ThreadPoolExecutor(SESSIONS) as pool:
        results = list(pool.map(lambda i: one_session(app, i), range(SESSIONS)))
    elapsed = time.time() - start
    assert elapsed < 300
    others = lambda i: [app["owned"][j] for j in range(SESSIONS) if j != i]  # noqa: E731
    for r in results:
        i = r["i"]
        assert r["doc"] in r["uploaded"]
        for poll in r["polls"]:
            assert app["owned"][i] in poll
            assert not any(other in poll for other in others(i)), poll[:1000]
            assert ("s0-training" in poll) == (i == 0)  # only session 0 sees the training job
        # Each Arena kept its own conversation: its own prompts, two turns, answers from the model.
        texts = json.dumps(r["answers"][-1], ensure_ascii=False)
        assert f"Hello from session {i}" in texts
        assert not any(f"Hello from session {j}\"" in texts for j in range(SESSIONS) if j != i)
        assert len([m for m in r["answers"][-1] if m["role"] == "assistant"]) == 2
    assert app["trainer"].status()["state"] == "running"  # the job trained on throughout
    assert "Traceback" not in app["log"].read_text(errors="replace")
    latencies = sorted(t for r in results for t in r["latencies"])
    p50 = statistics.median(latencies)
    p95 = latencies[min(len(latencies) - 1, int(round(0.95 * (len(latencies) - 1))))]
    (root / "test-artifacts").mkdir(exist_ok=True)
    (root / "test-artifacts" / "load.json").write_text(json.dumps(
        {"sessions": SESSIONS, "chat_turns": len(latencies), "chat_latency_s": {"p50": p50, "p95": p95},
         "elapsed_s": elapsed}, indent=2))
    print(f"\n{SESSIONS} sessions, {len(latencies)} chat turns while a job trains: "
          f"latency p50 {p50:.2f}s, p95 {p95:.2f}s, all done in {elapsed:.0f}s")
