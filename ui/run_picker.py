"""The one run picker: which of this user's runs the Train, Evaluate, Arena and Publish tabs show.

It sits above the tabs and is the session's `run`; choosing a run there redraws every tab for it.
The Train tab's 2-second tick keeps its list current (a new run, a state change).
"""

from __future__ import annotations

import gradio as gr

from adapt.jobs import RunInfo
from ui.i18n import Texts, say
from ui.registry import Registry
from ui.session import Session, waiting_note

ACTIVE = ("running", "queued", "preparing", "stopping")


def build(texts: Texts, registry: Registry) -> None:
    registry.add("run", texts.make(gr.Dropdown, "run_picker", choices=[], elem_id="run-picker",
                                   info="run_picker_info"))


def current(session: Session, infos: list[RunInfo]) -> RunInfo | None:
    """The session's run, or (when it has none, or it is gone) the one training now, else the newest."""
    by_id = {info.id: info for info in infos}
    if session.run not in by_id:
        session.run = next((i.id for i in infos if i.state in ACTIVE), infos[0].id if infos else None)
    return by_id.get(session.run)


def choices(session: Session, infos: list[RunInfo]):
    return gr.update(choices=[(f"{i.id} — {say('state_' + i.state, session.lang)}", i.id) for i in infos],
                     value=session.run)


def finished_note(session: Session, info: RunInfo | None, infos: list[RunInfo]) -> str:
    """Why a tab that needs a finished run (Arena, Publish) has nothing to work on; "" when it has one."""
    if info is not None and info.state == "done":
        return ""
    if info is not None:
        return say("run_not_finished", session.lang, run=info.id, state=say("state_" + info.state, session.lang))
    return waiting_note(session, infos)
