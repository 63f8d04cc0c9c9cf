"""The UI's one handler shape (ui/registry.py), through a real Gradio server and client: a handler
gets its inputs by id and the session, returns only the outputs it changes, and the API endpoint
carries the handler's name."""

from __future__ import annotations

import gradio as gr
import pytest

from ui.registry import SESSION, Call, Registry
from ui.session import browser_signature

SECRET = "registry-test-signing-key"


@pytest.fixture(scope="module")
def served():
    from gradio_client import Client

    registry = Registry(secret=SECRET)
    with gr.Blocks() as demo:
        registry.add(SESSION, gr.BrowserState(None, storage_key="registry-test"))
        registry.add("name", gr.Textbox())
        registry.add("count", gr.Number(value=1))
        registry.add("greeting", gr.Textbox())
        registry.add("untouched", gr.Textbox(value="as it was"))
        button = gr.Button()

        def greet_twice(call: Call) -> dict:
            call.session.lang = "ja"
            return {"greeting": f"{call['name']} x{int(call['count'])} ({call.session.owner})",
                    SESSION: call.session.dump()}

        registry.on(button.click, greet_twice, ("name", "count"), ("greeting", "untouched", SESSION))
    demo.queue().launch(prevent_thread_lock=True, quiet=True)
    try:
        yield Client(demo.local_url, verbose=False), demo
    finally:
        demo.close()


def test_a_handler_gets_values_by_id_and_changes_only_what_it_returns(served):
    client, _ = served
    # Parameters in the order the components were made: the session first.
    signed = {"browser_id": "b1", "signature": browser_signature("b1", SECRET), "draft_id": "d1"}
    greeting, untouched, session = client.predict(signed, "Ada", 3, api_name="/greet_twice")
    assert greeting == "Ada x3 (browser:b1)"
    # Left out of the result: an update that changes nothing, so the page keeps what it shows.
    assert untouched == {"__type__": "update"}
    assert session["lang"] == "ja" and session["browser_id"] == "b1"


def test_an_id_cannot_be_registered_twice():
    registry = Registry()
    with gr.Blocks():
        registry.add("x", gr.Textbox())
        with pytest.raises(ValueError, match="'x'"):
            registry.add("x", gr.Textbox())
