"""The Blocks: header, language switch, sign-in, and the five tabs, plus how the app is launched.

On every page load the session is restored from the browser (or created), the language is taken
from the session or the browser's Accept-Language, and each tab shows this user's state: a
reload, a second tab or an app restart re-attaches to the same runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import gradio as gr

from adapt import chat
from adapt.fileio import keep_files_private
from adapt.models import ModelNotAvailable, default_base_model, resolve_model
from ui import arena_tab, data_tab, evaluate_tab, publish_tab, train_tab
from ui.config_form import ConfigForm
from ui.i18n import LANGUAGES, Texts, language_from_header
from ui.session import Session, context

CSS = (Path(__file__).with_name("style.css")).read_text(encoding="utf-8")


def oauth_enabled() -> bool:
    """A Space with `hf_oauth: true` gets these variables; elsewhere sign-in is a token or a password."""
    return bool(os.environ.get("OAUTH_CLIENT_ID") and os.environ.get("SPACE_ID"))


def build() -> gr.Blocks:
    keep_files_private()  # before the data dir, staging folders and job consoles are created
    ctx = context()
    _prepare_default_base()
    if chat.uses_gpu():
        ctx.jobs.before_launch.append(chat.release)  # the Arena's model would take the job's GPU memory
    ctx.jobs.start()
    texts = Texts()
    with gr.Blocks(title="Domain Adapter") as demo:
        session_state = gr.BrowserState(None, storage_key="domain-adapter-session", secret=ctx.browser_secret)
        preview_state = gr.State(None)
        with gr.Row(equal_height=True):
            texts.make(gr.Markdown, "app_intro", prop="value", elem_id="intro")
            with gr.Column(scale=0, min_width=200):
                language = texts.make(gr.Radio, "language", choices=list(LANGUAGES), value="English",
                                      elem_id="language")
                if oauth_enabled():
                    gr.LoginButton()
        with gr.Tabs():
            with texts.make(gr.Tab, "tab_data", id="data"):
                # One form for the whole run: the Data tab places data.text_field, the Train tab the rest.
                form = ConfigForm(initial=train_tab.preset_config("quick-demo", default_base_model()))
                wire_data_tab = data_tab.build(texts, session_state, preview_state, demo, form)
            with texts.make(gr.Tab, "tab_train", id="train"):
                train_load = train_tab.build(texts, session_state, preview_state, form)
            data_load, data_language = wire_data_tab()
            with texts.make(gr.Tab, "tab_evaluate", id="evaluate") as evaluate:
                evaluate_load = evaluate_tab.build(texts, session_state)
            with texts.make(gr.Tab, "tab_arena", id="arena") as arena:
                arena_load = arena_tab.build(texts, session_state)
            with texts.make(gr.Tab, "tab_publish", id="publish") as publish:
                publish_load = publish_tab.build(texts, session_state)

        def on_load(value, request: gr.Request, profile: gr.OAuthProfile | None):
            session = Session.load(value, request, profile)
            if not value:
                session.lang = language_from_header(request.headers.get("accept-language") if request else None)
            name = next(k for k, v in LANGUAGES.items() if v == session.lang)
            return session.dump(), name, *texts.updates(session.lang)

        def on_language(name, value, request: gr.Request, profile: gr.OAuthProfile | None):
            session = Session.load(value, request, profile)
            session.lang = LANGUAGES.get(name, "en")
            return session.dump(), *texts.updates(session.lang)

        loaded = demo.load(on_load, [session_state], [session_state, language, *texts.components()])
        for hook in (data_load, train_load, evaluate_load, arena_load, publish_load):
            loaded = loaded.then(*hook)
        # The Data tab's messages are computed text: drawn again, in the new language, from what is shown.
        language.input(on_language, [language, session_state], [session_state, *texts.components()]) \
            .then(*data_language)
        # Tabs whose content depends on runs refresh when opened.
        evaluate.select(*evaluate_load)
        arena.select(*arena_load)
        publish.select(*publish_load)
    return demo


def _prepare_default_base() -> None:
    """The offline model is converted from its GGUF on first use (about 25 s, once per machine): do it
    while the app starts, not inside the first visitor's page load."""
    try:
        resolve_model(default_base_model())
    except ModelNotAvailable as err:
        print(f"warning: the default base model is not available: {err}", flush=True)


def launch_options() -> dict:
    options: dict = {"css": CSS, "max_file_size": os.environ.get("ADAPT_MAX_UPLOAD", "500mb"),
                     "theme": gr.themes.Soft(primary_hue="indigo"), "footer_links": ["api", "settings"]}
    auth = _password_auth()
    if auth:
        options["auth"] = auth
        options["auth_message"] = "Domain Adapter"
    return options


def _password_auth():
    """ADAPT_USERS="alice:pw1,bob:pw2" gives each user their own runs; ADAPT_PASSWORD alone protects a
    single-user app (user name: admin)."""
    users = dict(pair.split(":", 1) for pair in os.environ.get("ADAPT_USERS", "").split(",") if ":" in pair)
    if os.environ.get("ADAPT_PASSWORD"):
        users.setdefault("admin", os.environ["ADAPT_PASSWORD"])
    if not users:
        return None
    import hmac

    return lambda user, password: user in users and hmac.compare_digest(users[user], password)
