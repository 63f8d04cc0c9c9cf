"""Arena: one prompt, the base model and the adapted model of a run answering side by side, token by
token, multi-turn; optionally a third column, the base model given retrieved documents.

One base model is held in memory (adapt.chat); the adapter is switched off for the base side and on
for the adapted side. Each side keeps its own history: the base's second turn follows the base's
own first answer.
"""

from __future__ import annotations

import gradio as gr

from adapt.chat import ChatEngine, ChatError, GenerationSettings, StreamRequest, retrieval_messages, stream_answers
from ui.i18n import Texts, say
from ui.session import Session, context, waiting_note


def build(texts: Texts, session_state: gr.BrowserState):
    texts.make(gr.Markdown, "arena_intro", prop="value")
    with gr.Row():
        run_choice = texts.make(gr.Dropdown, "arena_run", choices=[], elem_id="arena-run", scale=3)
        waiting = gr.Markdown(elem_id="arena-waiting")
        use_retrieval = texts.make(gr.Checkbox, "arena_use_retrieval", value=False, elem_id="arena-retrieval",
                                   scale=2)
    with gr.Row(equal_height=True):
        base_chat = texts.make(gr.Chatbot, "arena_base", height=380, elem_id="arena-base",
                               elem_classes="arena-column")
        adapted_chat = texts.make(gr.Chatbot, "arena_adapted", height=380, elem_id="arena-adapted",
                                  elem_classes="arena-column")
        retrieval_chat = texts.make(gr.Chatbot, "arena_retrieval", height=380, visible=False,
                                    elem_id="arena-retrieval-chat", elem_classes="arena-column")
    with gr.Row():
        prompt = texts.make(gr.Textbox, "arena_prompt", lines=2, scale=5, elem_id="arena-prompt")
        with gr.Column(scale=1, min_width=120):
            send = texts.make(gr.Button, "arena_send", prop="value", variant="primary", elem_id="arena-send")
            clear = texts.make(gr.Button, "arena_clear", prop="value", elem_id="arena-clear")
    with texts.make(gr.Accordion, "arena_settings", open=False):
        with gr.Row():
            temperature = texts.make(gr.Slider, "arena_temperature", minimum=0.0, maximum=1.5, step=0.05, value=0.0)
            top_p = texts.make(gr.Slider, "arena_top_p", minimum=0.1, maximum=1.0, step=0.05, value=0.95)
            max_tokens = texts.make(gr.Slider, "arena_max_tokens", minimum=8, maximum=1024, step=8, value=128)
            repetition = texts.make(gr.Slider, "arena_repetition", minimum=1.0, maximum=2.0, step=0.05, value=1.1)
            seed = texts.make(gr.Number, "arena_seed", value=0, precision=0)

    def show(value, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        infos = context().jobs.list(session.owner)
        runs = [i for i in infos if i.state == "done"]
        ids = [i.id for i in runs]
        chosen = session.run if session.run in ids else (ids[0] if ids else None)
        return gr.update(choices=[(f"{i.id} ({i.base})", i.id) for i in runs], value=chosen), \
            waiting_note(session, infos)

    def on_send(message, history_base, history_adapted, history_retrieval, run_id, retrieval_on, temp, p,
                tokens, penalty, seed_value, value, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        if not all(text_only(h) for h in (history_base, history_adapted, history_retrieval)):
            # The Arena shows no files; a file in a history is a caller-named path, never ours (issue 15).
            raise gr.Error(say("arena_no_files", session.lang))
        message = (message or "").strip()
        if not message:
            yield gr.update(), history_base, history_adapted, history_retrieval
            return
        if not run_id:
            raise gr.Error(say("arena_no_run", session.lang))
        try:
            run = context().jobs.get(run_id, session.owner)
            engine = ChatEngine.for_run(run.path)
        except (ChatError, ValueError) as err:
            raise gr.Error(str(err)) from None
        histories = [plain_messages(history_base), plain_messages(history_adapted)]
        requests = [StreamRequest(histories[0] + [{"role": "user", "content": message}], adapter_on=False),
                    StreamRequest(histories[1] + [{"role": "user", "content": message}], adapter_on=True)]
        if retrieval_on:
            histories.append(plain_messages(history_retrieval))
            with_context = retrieval_messages(engine, histories[2] + [{"role": "user", "content": message}])
            requests.append(StreamRequest(with_context, adapter_on=False))
        for history in histories:
            # A cue at once: the first token can be seconds away on a CPU.
            history.extend([{"role": "user", "content": message}, {"role": "assistant", "content": "…"}])
        yield "", *histories, *([] if retrieval_on else [history_retrieval])
        settings = GenerationSettings(temperature=float(temp), top_p=float(p), max_new_tokens=int(tokens),
                                      repetition_penalty=float(penalty), seed=int(seed_value or 0))
        try:
            for texts_so_far in stream_answers(engine, requests, settings):
                for history, text in zip(histories, texts_so_far):
                    history[-1] = {"role": "assistant", "content": text}
                yield "", *histories, *([] if retrieval_on else [history_retrieval])
        except ChatError as err:
            raise gr.Error(str(err)) from None

    def on_clear():
        return [], [], []

    def on_retrieval(enabled):
        return gr.update(visible=bool(enabled))

    inputs = [prompt, base_chat, adapted_chat, retrieval_chat, run_choice, use_retrieval, temperature, top_p,
              max_tokens, repetition, seed, session_state]
    outputs = [prompt, base_chat, adapted_chat, retrieval_chat]
    # Send is disabled while the models answer: a click meanwhile would otherwise be dropped silently
    # (a button's event runs once at a time), and the user would wait for an answer that never comes.
    for trigger in (send.click, prompt.submit):
        (trigger(_busy, None, send, queue=False)
         .then(on_send, inputs, outputs, concurrency_id="chat")
         .then(_idle, None, send, queue=False))
    clear.click(on_clear, None, [base_chat, adapted_chat, retrieval_chat])
    run_choice.change(on_clear, None, [base_chat, adapted_chat, retrieval_chat])
    use_retrieval.change(on_retrieval, use_retrieval, retrieval_chat)
    return show, [session_state], [run_choice, waiting]


def _busy():
    return gr.update(interactive=False)


def _idle():
    return gr.update(interactive=True)


def text_only(history) -> bool:
    """True when every message is text: a string, or parts of {"type": "text", "text": ...}."""
    def is_text(part) -> bool:
        return isinstance(part, str) or (isinstance(part, dict) and part.get("type", "text") == "text"
                                         and not {"file", "files", "path", "component"} & part.keys())

    for message in history or []:
        content = message.get("content") if isinstance(message, dict) else message
        if not all(is_text(part) for part in (content if isinstance(content, list) else [content or ""])):
            return False
    return True


def plain_messages(history) -> list[dict]:
    """Chatbot history as chat-template messages. Gradio 6 hands a history back with each content as
    a list of parts ({"type": "text", "text": ...}); chat templates want a string."""
    messages = []
    for message in history or []:
        content = message.get("content")
        if isinstance(content, list):
            content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
        elif isinstance(content, dict):
            content = content.get("text", "")
        messages.append({"role": message.get("role", "user"), "content": content or ""})
    return messages
