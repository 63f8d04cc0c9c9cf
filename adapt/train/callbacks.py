"""Trainer callbacks: progress to the run directory and the terminal, and a graceful stop."""

from __future__ import annotations

import math
import signal
import time

from tqdm.auto import tqdm
from transformers import TrainerCallback

from adapt import faults
from adapt.rundir import RunDir


class StopFlag:
    """Set by SIGTERM/SIGINT; training notices it at the end of the current optimizer step."""

    requested = False
    signal_name = ""

    @classmethod
    def install(cls) -> None:
        def handler(signum, _frame):
            cls.requested = True
            cls.signal_name = signal.Signals(signum).name

        signal.signal(signal.SIGTERM, handler)
        signal.signal(signal.SIGINT, handler)


class StopOnSignal(TrainerCallback):
    def on_step_end(self, args, state, control, **kwargs):
        if StopFlag.requested:
            # Save a checkpoint at this step boundary so --resume loses nothing.
            control.should_save = True
            control.should_training_stop = True
        return control


class ProgressReporter(TrainerCallback):
    """Writes events.jsonl / status.json and draws the terminal bar, from the main process only."""

    def __init__(self, run: RunDir, stage: str, tokens_per_step: float, show_bar: bool = True):
        self.run = run
        self.stage = stage
        self.tokens_per_step = tokens_per_step
        self.show_bar = show_bar
        self.bar = None
        self.start_time = 0.0
        self.start_step = 0

    def _rates(self, step: int) -> tuple[float | None, float | None]:
        """Steps/s and real tokens/s over this session's steps (a resumed run starts counting anew)."""
        elapsed = time.time() - self.start_time
        done = step - self.start_step
        if done <= 0 or elapsed <= 0:
            return None, None
        steps_per_s = done / elapsed
        return steps_per_s, self.tokens_per_step * steps_per_s

    def on_train_begin(self, args, state, control, **kwargs):
        if not state.is_world_process_zero:
            return
        self.start_time = time.time()
        self.start_step = state.global_step
        if self.show_bar:
            self.bar = tqdm(total=state.max_steps, initial=state.global_step, desc=self.stage.upper(), unit="step",
                            dynamic_ncols=True)
        self.run.set_stage(self.stage, "running", step=state.global_step, total_steps=state.max_steps)

    def on_step_end(self, args, state, control, **kwargs):
        if not state.is_world_process_zero:
            return
        if self.bar is not None:
            self.bar.update(state.global_step - self.bar.n)
        faults.passing(f"{self.stage}.step")

    def on_log(self, args, state, control, logs=None, **kwargs):
        if not state.is_world_process_zero or not logs:
            return
        if "loss" not in logs:
            return
        step = state.global_step
        steps_per_s, tokens_per_s = self._rates(step)
        eta = (state.max_steps - step) / steps_per_s if steps_per_s else None
        loss = float(logs["loss"])
        event = {
            "stage": self.stage,
            "step": step,
            "total_steps": state.max_steps,
            "epoch": round(float(state.epoch or 0), 4),
            "loss": round(loss, 5) if math.isfinite(loss) else None,
            "lr": float(logs.get("learning_rate", 0.0)),
            "grad_norm": float(logs["grad_norm"]) if logs.get("grad_norm") is not None else None,
            "tokens_per_s": round(tokens_per_s, 1) if tokens_per_s else None,
            "eta_s": round(eta, 1) if eta is not None else None,
        }
        self.run.append_event(event)
        self.run.set_stage(self.stage, "running", step=step, total_steps=state.max_steps, loss=event["loss"],
                           eta_s=event["eta_s"])
        if self.bar is not None:
            postfix = {"loss": f"{loss:.4f}", "lr": f"{event['lr']:.2e}"}
            if tokens_per_s:
                postfix["tok/s"] = f"{tokens_per_s:,.0f}"
            self.bar.set_postfix(postfix, refresh=False)

    def on_train_end(self, args, state, control, **kwargs):
        if self.bar is not None:
            self.bar.close()
            self.bar = None
