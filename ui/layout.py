"""The Blocks: header, language switch, sign-in, and the five tabs, plus how the app is launched.

On every page load the session is restored from the browser (or created), the language is taken
from the session or the browser's Accept-Language, and each tab shows this user's state: a
reload, a second tab or an app restart re-attaches to the same runs.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import gradio as gr

from adapt import chat
from adapt.fileio import keep_files_private
from adapt.models import ModelNotAvailable, default_base_model, resolve_model
from ui import arena_tab, data_tab, evaluate_tab, publish_tab, run_picker, train_tab
from ui.config_form import ConfigForm
from ui.i18n import LANGUAGES, Texts, language_from_header
from ui.registry import SESSION, Call, Registry
from ui.session import STORAGE_CIPHER, context

CSS = (Path(__file__).with_name("style.css")).read_text(encoding="utf-8")


# Gradio's own words in the upload box, from its Japanese locale (gradio/templates/frontend/assets/ja-*.js).
UPLOAD_BOX_JA = {"Drop File Here": "ファイルをここにドロップ", "Click to Upload": "クリックしてアップロード",
                 "or": "または"}


def gradio_texts_script() -> str:
    """JavaScript that puts Gradio's own texts in the upload box ("Drop File Here") in the language
    button's language. Gradio picks its locale from the browser once, and its upload box keeps the
    words it was drawn with even when the locale changes (its own settings panel does not change
    them either), so the words are swapped in place, and again whenever Gradio redraws the box."""
    pairs = json.dumps(list(UPLOAD_BOX_JA.items()), ensure_ascii=False)
    return f"""(name) => {{
        window.__adaptJapanese = name === "日本語";
        const pairs = {pairs};
        const swap = () => {{
            const japanese = window.__adaptJapanese;
            for (const box of document.querySelectorAll("#data-upload")) {{
                const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
                    const text = node.nodeValue.trim().replace(/^- (.*) -$/, "$1");
                    for (const [en, ja] of pairs) {{
                        const [from, to] = japanese ? [en, ja] : [ja, en];
                        if (text === from) node.nodeValue = node.nodeValue.replace(from, to);
                    }}
                }}
            }}
        }};
        if (!window.__adaptTextsObserver) {{
            window.__adaptTextsObserver = new MutationObserver(swap);
            window.__adaptTextsObserver.observe(document.body, {{childList: true, subtree: true, characterData: true}});
        }}
        swap();
        return name;
    }}"""


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
    registry = Registry(secret=ctx.browser_secret)  # signs browser ids on the server (ui/session.py)
    with gr.Blocks(title="Domain Adapter") as demo:
        # BrowserState's secret goes to every visitor in /config: never the signing key.
        registry.add(SESSION, gr.BrowserState(None, storage_key="domain-adapter-session",
                                              secret=STORAGE_CIPHER))
        registry.add("preview", gr.State(None))  # the Data tab's corpus preview, for the estimate
        with gr.Row(equal_height=True):
            texts.make(gr.Markdown, "app_intro", prop="value", elem_id="intro")
            with gr.Column(scale=0, min_width=340):
                registry.add("language", texts.make(gr.Radio, "language", choices=list(LANGUAGES), value="English",
                                                    elem_id="language"))
                run_picker.build(texts, registry)
                if oauth_enabled():
                    gr.LoginButton()
        with gr.Tabs():
            with texts.make(gr.Tab, "tab_data", id="data"):
                # One form for the whole run: the Data tab places data.text_field, the Train tab the rest.
                form = ConfigForm(initial=train_tab.preset_config("quick-demo", default_base_model()))
                data_tab.build(texts, registry, form)
            with texts.make(gr.Tab, "tab_train", id="train"):
                train_show = train_tab.build(texts, registry, form)
            data_show, data_language = data_tab.wire(registry, form, demo)
            with texts.make(gr.Tab, "tab_evaluate", id="evaluate") as evaluate:
                evaluate_show = evaluate_tab.build(texts, registry)
            with texts.make(gr.Tab, "tab_arena", id="arena") as arena:
                arena_show = arena_tab.build(texts, registry)
            with texts.make(gr.Tab, "tab_publish", id="publish") as publish:
                publish_show = publish_tab.build(texts, registry)
        run_shows = (train_show, evaluate_show, arena_show, publish_show)
        text_outputs = texts.components()

        def on_load(call: Call) -> dict:
            session = call.session
            if not call[SESSION]:  # a first visit: the browser's language
                headers = call.request.headers if call.request else {}
                session.lang = language_from_header(headers.get("accept-language"))
            updates = dict(zip(text_ids, texts.updates(session.lang)))
            # The language button's own texts and its value in one update.
            name = next(k for k, v in LANGUAGES.items() if v == session.lang)
            updates[language_id] = {**updates[language_id], "value": name}
            return {SESSION: session.dump(), **updates}

        def on_language(call: Call) -> dict:
            call.session.lang = LANGUAGES.get(call["language"], "en")
            return {SESSION: call.session.dump(), **dict(zip(text_ids, texts.updates(call.lang)))}

        def on_run(call: Call) -> dict:
            call.session.run = call["run"] or None
            return {SESSION: call.session.dump()}

        # The texts' components are many and mostly unnamed: they take ids here, for the language switch.
        text_ids = [f"text.{index}" for index in range(len(text_outputs))]
        for key, component in zip(text_ids, text_outputs):
            registry.alias(key, component)
        language_id = text_ids[text_outputs.index(registry["language"])]
        switch_gradio_texts = gradio_texts_script()
        loaded = registry.on(demo.load, on_load, (), (SESSION, *text_ids))
        loaded = loaded.then(None, [registry["language"]], None, js=switch_gradio_texts)
        for wiring in (data_show, *run_shows):
            loaded = registry.on(loaded.then, wiring)
        # The Data tab's messages and the Evaluate tab's plots are computed: drawn again in the new language.
        switched = registry.on(registry["language"].input, on_language, ("language",), (SESSION, *text_ids))
        switched = switched.then(None, [registry["language"]], None, js=switch_gradio_texts)
        registry.on(registry.on(switched.then, data_language).then, evaluate_show)
        # One picker for every tab: choosing a run redraws each of them for it.
        chosen = registry.on(registry["run"].input, on_run, ("run",), (SESSION,))
        for wiring in run_shows:
            chosen = registry.on(chosen.then, wiring)
        # Tabs whose content depends on runs refresh when opened.
        for tab, wiring in ((evaluate, evaluate_show), (arena, arena_show), (publish, publish_show)):
            registry.on(tab.select, wiring)
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
