"""Arena: one prompt, the base model and the adapted model of a run answering side by side, token by
token, multi-turn; optionally a third column, the base model given retrieved documents.

One base model is held in memory (adapt.chat); the adapter is switched off for the base side and on
for the adapted side. Each side keeps its own history: the base's second turn follows the base's
own first answer. With an expected answer typed, once the answers are in, each column says whether
its answer contains it (the evaluation's fact match, ui/user_questions.py).
"""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from adapt.blend import KEEP_RECORD
from adapt.chat import ChatEngine, ChatError, GenerationSettings, StreamRequest, retrieval_messages, stream_answers
from adapt.fileio import read_json
from ui import run_picker, user_questions
from ui.i18n import Texts, say
from ui.registry import Call, Registry, Wiring
from ui.session import context


CHATS = ("arena.base", "arena.adapted", "arena.retrieval_chat")
SETTINGS = ("arena.temperature", "arena.top_p", "arena.max_tokens", "arena.repetition", "arena.seed")
CHECKS = ("arena.check_base", "arena.check_adapted", "arena.check_retrieval")  # one under each of CHATS


def build(texts: Texts, registry: Registry) -> Wiring:
    """The tab's components and events; returns the wiring that redraws it for the session's run."""
    add = registry.add
    texts.make(gr.Markdown, "arena_intro", prop="value")
    with gr.Row():
        add("arena.waiting", gr.Markdown(elem_id="arena-waiting"))
        use_retrieval = add("arena.use_retrieval", texts.make(gr.Checkbox, "arena_use_retrieval", value=False,
                                                              elem_id="arena-retrieval", scale=1))
        add("arena.keep", texts.make(gr.Slider, "arena_keep", info="arena_keep_info", minimum=0.0, maximum=1.0,
                                     step=0.05, value=1.0, elem_id="arena-keep", scale=2))
    with gr.Row(equal_height=True):
        add("arena.base", texts.make(gr.Chatbot, "arena_base", height=380, elem_id="arena-base",
                                     elem_classes="arena-column"))
        add("arena.adapted", texts.make(gr.Chatbot, "arena_adapted", height=380, elem_id="arena-adapted",
                                        elem_classes="arena-column"))
        add("arena.retrieval_chat", texts.make(gr.Chatbot, "arena_retrieval", height=380, visible=False,
                                               elem_id="arena-retrieval-chat", elem_classes="arena-column"))
    with gr.Row(equal_height=True):
        add("arena.check_base", gr.Markdown(elem_id="arena-check-base"))
        add("arena.check_adapted", gr.Markdown(elem_id="arena-check-adapted"))
        add("arena.check_retrieval", gr.Markdown(visible=False, elem_id="arena-check-retrieval"))
    with gr.Row():
        prompt = add("arena.prompt", texts.make(gr.Textbox, "arena_prompt", lines=2, scale=5,
                                                elem_id="arena-prompt"))
        add("arena.expected", texts.make(gr.Textbox, "arena_expected", info="arena_expected_info", lines=1, scale=2,
                                         elem_id="arena-expected"))
        with gr.Column(scale=1, min_width=120):
            send = add("arena.send", texts.make(gr.Button, "arena_send", prop="value", variant="primary",
                                                elem_id="arena-send"))
            clear = texts.make(gr.Button, "arena_clear", prop="value", elem_id="arena-clear")
    with texts.make(gr.Accordion, "arena_settings", open=False):
        with gr.Row():
            add("arena.temperature", texts.make(gr.Slider, "arena_temperature", minimum=0.0, maximum=1.5,
                                                step=0.05, value=0.0))
            add("arena.top_p", texts.make(gr.Slider, "arena_top_p", minimum=0.1, maximum=1.0, step=0.05,
                                          value=0.95))
            add("arena.max_tokens", texts.make(gr.Slider, "arena_max_tokens", minimum=8, maximum=1024, step=8,
                                               value=128))
            add("arena.repetition", texts.make(gr.Slider, "arena_repetition", minimum=1.0, maximum=2.0,
                                               step=0.05, value=1.1))
            add("arena.seed", texts.make(gr.Number, "arena_seed", value=0, precision=0))

    def show_arena(call: Call) -> dict:
        infos = context().jobs.list(call.session.owner)
        info = run_picker.current(call.session, infos)
        return {"arena.waiting": run_picker.finished_note(call.session, info, infos),
                "arena.keep": kept_share(context().jobs.get(info.id, call.session.owner).path) if info else 1.0}

    def on_send(call: Call):
        histories_in = [call[key] for key in CHATS]
        if not all(text_only(h) for h in histories_in):
            # The Arena shows no files; a file in a history is a caller-named path, never ours (issue 15).
            raise gr.Error(say("arena_no_files", call.lang))
        message = (call["arena.prompt"] or "").strip()
        if not message:
            yield {}
            return
        try:
            run = context().jobs.get(call.session.run or "", call.session.owner)
            if run.read_status().state != "done":
                raise gr.Error(say("arena_no_run", call.lang))
            engine = ChatEngine.for_run(run.path)
        except (ChatError, ValueError) as err:
            raise gr.Error(str(err) if isinstance(err, ChatError) else say("arena_no_run", call.lang)) from None
        engine.set_keep_share(float(call["arena.keep"] if call["arena.keep"] is not None else 1.0))
        sides = list(CHATS[:3 if call["arena.use_retrieval"] else 2])
        histories = [plain_messages(call[key]) for key in sides]
        asked = [{"role": "user", "content": message}]
        requests = [StreamRequest(histories[0] + asked, adapter_on=False),
                    StreamRequest(histories[1] + asked, adapter_on=True)]
        if len(sides) == 3:
            requests.append(StreamRequest(retrieval_messages(engine, histories[2] + asked), adapter_on=False))
        for history in histories:
            # A cue at once: the first token can be seconds away on a CPU.
            history.extend([*asked, {"role": "assistant", "content": "…"}])
        yield {"arena.prompt": "", **dict(zip(sides, histories))}
        settings = GenerationSettings(temperature=float(call["arena.temperature"]), top_p=float(call["arena.top_p"]),
                                      max_new_tokens=int(call["arena.max_tokens"]),
                                      repetition_penalty=float(call["arena.repetition"]),
                                      seed=int(call["arena.seed"] or 0))
        try:
            for texts_so_far in stream_answers(engine, requests, settings):
                for history, text in zip(histories, texts_so_far):
                    history[-1] = {"role": "assistant", "content": text}
                yield dict(zip(sides, histories))
        except ChatError as err:
            raise gr.Error(str(err)) from None

    def on_clear(call: Call) -> dict:
        return {**{key: [] for key in CHATS}, **{key: "" for key in CHECKS}}

    def on_retrieval(call: Call) -> dict:
        shown = bool(call["arena.use_retrieval"])
        return {"arena.retrieval_chat": gr.update(visible=shown), "arena.check_retrieval": gr.update(visible=shown)}

    def check_expected(call: Call) -> dict:
        """Once the answers are in: does each column's last answer contain the expected answer?"""
        if not all(text_only(call[key]) for key in CHATS):
            raise gr.Error(say("arena_no_files", call.lang))  # as on_send: a file is a caller-named path
        answers = [last_answer(call[key]) for key in CHATS]
        return dict(zip(CHECKS, user_questions.arena_checks(call["arena.expected"], answers, call.lang)))

    # Send is disabled while the models answer: a click meanwhile would otherwise be dropped silently
    # (a button's event runs once at a time), and the user would wait for an answer that never comes.
    for trigger in (send.click, prompt.submit):
        trigger(_unchecked, None, [registry[key] for key in CHECKS], queue=False)  # last turn's verdicts go
        busy = trigger(_busy, None, send, queue=False)
        answered = registry.on(busy.then, on_send, ["arena.prompt", "arena.use_retrieval", "arena.keep", *CHATS,
                                                    *SETTINGS],
                               ["arena.prompt", *CHATS], concurrency_id="chat")
        answered.then(_idle, None, send, queue=False)
        registry.on(answered.success, check_expected, ("arena.expected", *CHATS), CHECKS)
    registry.on(clear.click, on_clear, (), (*CHATS, *CHECKS))
    registry.on(registry["run"].change, on_clear, (), (*CHATS, *CHECKS))
    registry.on(use_retrieval.change, on_retrieval, ["arena.use_retrieval"], ["arena.retrieval_chat",
                                                                              "arena.check_retrieval"])
    return Wiring(show_arena, (), ("arena.waiting", "arena.keep"))


def kept_share(run_path) -> float:
    """Where the slider starts: the share of its training the run's final model keeps."""
    record = read_json(Path(run_path) / KEEP_RECORD, default=None)
    return float(record.get("share", 1.0)) if isinstance(record, dict) else 1.0


def _busy():
    return gr.update(interactive=False)


def _idle():
    return gr.update(interactive=True)


def _unchecked():
    return "", "", ""


def last_answer(history) -> str | None:
    """The text of a column's last message when it is an answer, else None."""
    messages = plain_messages(history)
    return messages[-1]["content"] if messages and messages[-1]["role"] == "assistant" else None


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
