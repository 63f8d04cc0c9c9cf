"""Publish: a run's adapter or merged model to the Hugging Face Hub with a generated model card, or
as a zip download.

The token comes from the OAuth sign-in (on a Space), the token field, or HF_TOKEN on the server
(single-user installs only), in that order. It is handed to huggingface_hub for this push only: never stored, never logged, and
the field is emptied once the push is over.
"""

from __future__ import annotations

import os

import gradio as gr

from adapt.jobs import JobError
from adapt.publish import PublishError, build_model_card, export_zip, push_to_hub
from adapt.secrets import redact, shared_server
from ui import run_picker
from ui.files import servable
from ui.i18n import Texts, say
from ui.registry import Call, Registry, Wiring
from ui.session import context


# The built zip is the download button's value; clicking it from the page starts the download, so
# the user's one click on "Download as zip" ends in a file.
START_DOWNLOAD = "() => { document.querySelector('#publish-download')?.click(); }"


def server_token() -> str:
    """HF_TOKEN of the machine, only where the app has a single user: on a Space, or behind per-user
    passwords, it would let every visitor publish under the owner's account."""
    return "" if shared_server() else os.environ.get("HF_TOKEN", "")


def card_markdown(card: str) -> str:
    """The card as the page shows it: its YAML header (the Hub's metadata) as a code block, not run
    together into a paragraph by the Markdown renderer."""
    if card.startswith("---\n") and "\n---\n" in card[4:]:
        header, body = card[4:].split("\n---\n", 1)
        return f"```yaml\n{header}\n```\n{body}"
    return card


def build(texts: Texts, registry: Registry) -> Wiring:
    """The tab's components and events; returns the wiring that redraws it for the session's run."""
    add = registry.add
    texts.make(gr.Markdown, "publish_intro", prop="value")
    add("publish.waiting", gr.Markdown(elem_id="publish-waiting"))
    with gr.Row():
        add("publish.repo", texts.make(gr.Textbox, "publish_repo", elem_id="publish-repo", scale=2))
        add("publish.private", texts.make(gr.Checkbox, "publish_private", value=True, elem_id="publish-private",
                                          scale=1))
        kinds = [("publish_kind_adapter", "adapter"), ("publish_kind_merged", "merged")]
        kind = add("publish.kind", texts.choices(texts.make(
            gr.Radio, "publish_kind", choices=[(say(k), v) for k, v in kinds], value="adapter",
            elem_id="publish-kind", scale=2), kinds))
    add("publish.token", texts.make(gr.Textbox, "publish_token", info="publish_token_info", type="password",
                                    elem_id="publish-token"))
    with gr.Row():
        preview = texts.make(gr.Button, "publish_preview", prop="value", elem_id="publish-preview")
        push = texts.make(gr.Button, "publish_push", prop="value", variant="primary", elem_id="publish-push")
        # One click builds the zip and starts its download; the second button downloads it again.
        make_zip = texts.make(gr.Button, "publish_make_zip", prop="value", elem_id="publish-make-zip")
        # Disabled until a zip is built: a click before that would download nothing, silently.
        download = add("publish.download", texts.make(gr.DownloadButton, "publish_zip", prop="label",
                                                      elem_id="publish-download", interactive=False))
    add("publish.result", gr.Markdown(elem_id="publish-result"))
    card_box = add("publish.card_box", texts.make(gr.Accordion, "publish_card", open=False,
                                                  elem_id="publish-card-box"))
    with card_box:
        add("publish.card", gr.Markdown(elem_id="publish-card"))

    def chosen_run(call: Call):
        try:
            run = context().jobs.get(call.session.run or "", call.session.owner)
        except JobError:
            raise gr.Error(say("arena_no_run", call.lang)) from None
        if run.read_status().state != "done":
            raise gr.Error(say("arena_no_run", call.lang))
        return run

    def show_publish(call: Call) -> dict:
        infos = context().jobs.list(call.session.owner)
        info = run_picker.current(call.session, infos)
        note = run_picker.finished_note(call.session, info, infos)
        # The repository name follows the run until the user types one.
        repo = {"publish.repo": info.name} if info is not None and not call["publish.repo"] else {}
        return {"publish.waiting": note, **repo}

    def on_preview(call: Call) -> dict:
        run = chosen_run(call)
        try:
            card = build_model_card(run, call["publish.repo"] or None, call["publish.kind"]).content
        except PublishError as err:
            raise gr.Error(str(err)) from None
        return {"publish.card": card_markdown(str(card)), "publish.card_box": gr.update(open=True)}

    def on_push(call: Call) -> dict:
        run = chosen_run(call)
        secret = call.oauth_token or (call["publish.token"] or "").strip() or server_token()
        call.progress(0, desc=say("publish_working", call.lang))
        try:
            url = push_to_hub(run, call["publish.repo"], secret, bool(call["publish.private"]), call["publish.kind"],
                              progress=lambda message: call.progress(None, desc=message))
        except PublishError as err:
            return {"publish.token": "", "publish.result": f"❌ {redact(str(err))}"}
        return {"publish.token": "", "publish.result": "✅ " + say("publish_done", call.lang, url=url)}

    def on_zip(call: Call) -> dict:
        run = chosen_run(call)
        call.progress(0, desc=say("publish_make_zip", call.lang))
        try:
            archive = export_zip(run, call["publish.kind"])
        except PublishError as err:
            raise gr.Error(str(err)) from None
        size = f"{archive.stat().st_size / 2**20:,.1f} MB"
        return {"publish.download": gr.update(value=servable(archive), interactive=True),
                "publish.result": "✅ " + say("publish_zip_ready", call.lang, size=size)}

    def forget_zip(call: Call) -> dict:  # a zip built for another run or kind is not offered
        return {"publish.download": gr.update(value=None, interactive=False)}

    registry.on(preview.click, on_preview, ["publish.repo", "publish.kind"], ["publish.card", "publish.card_box"])
    registry.on(push.click, on_push, ["publish.repo", "publish.private", "publish.kind", "publish.token"],
                ["publish.token", "publish.result"], progress=True, concurrency_limit=2)
    registry.on(make_zip.click, on_zip, ["publish.kind"], ["publish.download", "publish.result"], progress=True,
                concurrency_limit=2).success(None, None, None, js=START_DOWNLOAD)
    for changed in (registry["run"].change, kind.change):
        registry.on(changed, forget_zip, (), ["publish.download"], queue=False)
    return Wiring(show_publish, ("publish.repo",), ("publish.waiting", "publish.repo"))
