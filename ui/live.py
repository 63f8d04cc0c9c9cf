"""A run as people watch it: status line, progress bar, loss curve, speed, log tail — all read from
the run directory, which the training process writes and the app only reads."""

from __future__ import annotations

import html

import pandas as pd

from adapt.fileio import read_json
from adapt.jobs import RunInfo, progress_fraction
from adapt.rundir import STAGES, RunDir
from adapt.secrets import redact
from adapt.views import Status
from ui.i18n import say

STATE_ICONS = {"queued": "⏳", "preparing": "⏳", "running": "🏃", "stopping": "✋", "stopped": "⏸️", "failed": "❌",
               "done": "✅"}


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h {seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def status_line(run: RunDir, info: RunInfo, lang: str) -> str:
    status = info.status
    state = status.state
    parts = [f"{STATE_ICONS.get(state, '')} **{run.path.name}** — {say('state_' + state, lang)}"]
    if state == "queued":
        parts.append(say("live_queue_position", lang, position=info.queue_position or "?"))
    if status.stage and status.active:
        parts.append(say("live_stage", lang, stage=status.stage))
    promised = read_json(run.estimate_path, default=None) if state == "done" else None
    took = run.training_seconds() if promised else None
    if took is not None:
        parts.append(say("live_took", lang, actual=_duration(took), estimate=_duration(promised["training_seconds"])))
    if status.error:
        parts.append(f"\n\n**{say('live_error', lang)}:** {redact(status.error)}")
        parts.append(f"\n\n{say('live_what_to_do_' + ('resume' if state == 'stopped' else 'failed'), lang)}")
    return " · ".join(parts[:3]) + "".join(parts[3:])


def progress_html(run: RunDir, status: Status, lang: str) -> str:
    current = status.stage
    events = [e for e in run.events() if e.get("stage") == current and "step" in e]
    last = events[-1] if events else {}
    overall = progress_fraction(status)
    step, total = status.current.step, status.current.total_steps
    stage_fraction = min(1.0, step / total) if step is not None and total else 0.0
    chips = "".join(f'<span class="stage-chip stage-{status.stage_entry(s).state or "pending"}">{s}</span>'
                    for s in STAGES)
    detail = ""
    if current and status.active:
        detail = say("live_step", lang, stage=html.escape(current), step=step if step is not None else "-",
                     total=total or "?", eta=_duration(last.get("eta_s")))
        if last.get("tokens_per_s"):
            detail += f" · {last['tokens_per_s']:,.0f} tok/s"
        if last.get("loss") is not None:
            detail += f" · loss {last['loss']:.4f}"
    return (f'<div class="run-progress" data-state="{html.escape(status.state)}">'
            f'<div class="chips">{chips}</div>'
            f'<div class="bar"><div class="fill" style="width:{overall * 100:.1f}%"></div></div>'
            f'<div class="bar thin"><div class="fill" style="width:{stage_fraction * 100:.1f}%"></div></div>'
            f'<div class="detail">{detail}</div></div>')


def loss_frame(run: RunDir) -> pd.DataFrame:
    rows = [{"step": e["step"], "loss": e["loss"], "stage": e["stage"]} for e in run.events()
            if e.get("stage") in ("cpt", "sft") and e.get("loss") is not None and "step" in e]
    return pd.DataFrame(rows, columns=["step", "loss", "stage"])


def log_tail(run: RunDir, lines: int = 40) -> str:
    text = run.log_tail(lines)
    if not text and run.console_path.exists():
        # The process died before its log existed (bad environment): what it printed is all there is.
        text = "\n".join(run.console_path.read_text(errors="replace").splitlines()[-lines:])
    return redact(text)


def runs_table(infos: list[RunInfo], lang: str) -> list[list]:
    rows = []
    for info in infos:
        progress = f"{info.step}/{info.total_steps}" if info.total_steps else ""
        state = say("state_" + info.state, lang)
        if info.queue_position:
            state += f" (#{info.queue_position})"
        rows.append([info.id, state, info.stage or "", progress, info.base or "", info.status.created_at or ""])
    return rows
