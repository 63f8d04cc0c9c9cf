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
from adapt.secrets import redact
from ui.files import servable
from ui.i18n import Texts, say
from ui.session import Session, context, waiting_note


def server_token() -> str:
    """HF_TOKEN of the machine, only where the app has a single user: on a Space, or behind per-user
    passwords, it would let every visitor publish under the owner's account."""
    shared = os.environ.get("SPACE_ID") or os.environ.get("ADAPT_USERS")
    return "" if shared else os.environ.get("HF_TOKEN", "")


def build(texts: Texts, session_state: gr.BrowserState):
    texts.make(gr.Markdown, "publish_intro", prop="value")
    with gr.Row():
        run_choice = texts.make(gr.Dropdown, "publish_run", choices=[], elem_id="publish-run", scale=2)
        waiting = gr.Markdown(elem_id="publish-waiting")
        repo = texts.make(gr.Textbox, "publish_repo", elem_id="publish-repo", scale=2)
        private = texts.make(gr.Checkbox, "publish_private", value=True, elem_id="publish-private", scale=1)
        kinds = [("publish_kind_adapter", "adapter"), ("publish_kind_merged", "merged")]
        kind = texts.choices(texts.make(gr.Radio, "publish_kind", choices=[(say(k), v) for k, v in kinds],
                                        value="adapter", elem_id="publish-kind", scale=2), kinds)
    token = texts.make(gr.Textbox, "publish_token", info="publish_token_info", type="password",
                       elem_id="publish-token")
    with gr.Row():
        preview = texts.make(gr.Button, "publish_preview", prop="value", elem_id="publish-preview")
        push = texts.make(gr.Button, "publish_push", prop="value", variant="primary", elem_id="publish-push")
        make_zip = texts.make(gr.Button, "publish_make_zip", prop="value", elem_id="publish-make-zip")
        # Disabled until a zip is built: a click before that would download nothing, silently.
        download = texts.make(gr.DownloadButton, "publish_zip", prop="label", elem_id="publish-download",
                              interactive=False)
    result = gr.Markdown(elem_id="publish-result")
    card_box = texts.make(gr.Accordion, "publish_card", open=False, elem_id="publish-card-box")
    with card_box:
        card = gr.Markdown(elem_id="publish-card")

    def chosen_run(session: Session, run_id: str | None):
        try:
            return context().jobs.get(run_id or "", session.owner)
        except JobError:
            raise gr.Error(say("arena_no_run", session.lang)) from None

    def show(value, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        infos = context().jobs.list(session.owner)
        runs = [i for i in infos if i.state == "done"]
        ids = [i.id for i in runs]
        chosen = session.run if session.run in ids else (ids[0] if ids else None)
        name = next((i.name for i in runs if i.id == chosen), "")
        return gr.update(choices=ids, value=chosen), gr.update(value=name) if name else gr.update(), \
            waiting_note(session, infos)

    def on_preview(run_id, repo_id, kind_value, value, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        run = chosen_run(session, run_id)
        try:
            return str(build_model_card(run, repo_id or None, kind_value).content), gr.update(open=True)
        except PublishError as err:
            raise gr.Error(str(err)) from None

    def on_push(run_id, repo_id, private_value, kind_value, token_value, value, request: gr.Request,
                profile: gr.OAuthProfile | None, oauth: gr.OAuthToken | None, progress=gr.Progress()):
        session = Session.load(value, request, profile)
        run = chosen_run(session, run_id)
        secret = (oauth.token if oauth is not None else "") or (token_value or "").strip() or server_token()
        progress(0, desc=say("publish_working", session.lang))
        try:
            url = push_to_hub(run, repo_id, secret, bool(private_value), kind_value,
                              progress=lambda message: progress(None, desc=message))
        except PublishError as err:
            return "", f"❌ {redact(str(err))}"
        return "", "✅ " + say("publish_done", session.lang, url=url)

    def on_zip(run_id, kind_value, value, request: gr.Request, profile: gr.OAuthProfile | None,
               progress=gr.Progress()):
        session = Session.load(value, request, profile)
        run = chosen_run(session, run_id)
        progress(0, desc=say("publish_make_zip", session.lang))
        try:
            archive = export_zip(run, kind_value)
        except PublishError as err:
            raise gr.Error(str(err)) from None
        size = f"{archive.stat().st_size / 2**20:,.1f} MB"
        return gr.update(value=servable(archive), interactive=True), "✅ " + say("publish_zip_ready", session.lang,
                                                                                size=size)

    def on_run(run_id):
        return gr.update(value=run_id.split("-", 2)[-1] if run_id else "")

    preview.click(on_preview, [run_choice, repo, kind, session_state], [card, card_box])
    push.click(on_push, [run_choice, repo, private, kind, token, session_state], [token, result],
               concurrency_limit=2)
    make_zip.click(on_zip, [run_choice, kind, session_state], [download, result], concurrency_limit=2)
    run_choice.input(on_run, run_choice, repo)
    for changed in (run_choice.change, kind.change):  # a zip built for another choice is not offered
        changed(lambda: gr.update(value=None, interactive=False), None, download, queue=False)
    return show, [session_state], [run_choice, repo, waiting]
