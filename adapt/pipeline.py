"""The whole run: ingest -> CPT -> SFT -> eval, resumable stage by stage.

Progress and results go only to the run directory. A stage marked done in status.json is never
redone; a stage that was interrupted continues from its last checkpoint.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
import traceback
import warnings
from contextlib import ExitStack

from tqdm.auto import tqdm

from adapt import faults
from adapt.augment.backends import GeneratorUnavailable
from adapt.augment.runner import run_augmentation
from adapt.config import ConfigError, RunConfig, path_problems
from adapt.data.conversations import ChatDataError
from adapt.data.ingest import ingest, why_no_documents
from adapt.data.questions import QAFileError, share_with_range
from adapt.data.readers import IngestError
from adapt.data.store import write_ingest_outputs
from adapt.evaluate.stage import evaluate_run, precheck_run
from adapt.models import ModelNotAvailable, load_tokenizer
from adapt.resources import TrainingResourceError, is_disk_full
from adapt.rundir import STAGES, RunAlreadyActive, RunDir, attach_run_logger, now_iso, process_start_time
from adapt.secrets import redact
from adapt.train.callbacks import StopFlag
from adapt.train.runner import clear_checkpoints
from adapt.train.stages import StageInputError, prepare_cpt_data, prepare_sft_data, train
from adapt.views import Report

log = logging.getLogger("adapt")
# peft calls a transformers API that transformers itself deprecated; the warning is not ours to act on.
warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing.*", category=FutureWarning)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_STOPPED = 0, 1, 2, 130
# Errors reported as one clear sentence, no traceback: caused by what the user gave us (exit 2), or,
# for a generator whose every request failed, by the server (its `exit_code` 1).
USER_ERRORS = (ConfigError, ModelNotAvailable, StageInputError, ChatDataError, IngestError, QAFileError,
               TrainingResourceError, GeneratorUnavailable)


def _distributed():
    from accelerate import PartialState

    return PartialState()


def run_pipeline(run: RunDir, show_progress: bool = True, stop_after: str | None = None) -> int:
    """Run (or resume) every stage not yet done, up to `stop_after` if given. Returns an exit code.

    The main process holds the run's lock (RunDir.exclusive) from before it reads status.json until it
    returns: a second process on the same run gets RunAlreadyActive, and so does every rank of its
    launch. Raises StatusDamaged for a status.json that cannot be read or rebuilt."""
    state = _distributed()
    with ExitStack() as held:
        busy = None
        if state.is_main_process:
            try:
                held.enter_context(run.exclusive())
            except RunAlreadyActive as err:
                busy = str(err)
        if state.num_processes > 1:  # every rank of the launch learns whether the main process got it
            from accelerate.utils import broadcast_object_list

            holder = [busy]
            broadcast_object_list(holder)
            busy = holder[0]
        if busy:
            raise RunAlreadyActive(busy)
        return _run_stages(run, state, show_progress, stop_after)


def _run_stages(run: RunDir, state, show_progress: bool, stop_after: str | None) -> int:
    main = state.is_main_process
    status = run.status()
    if main:
        attach_run_logger(run, console=show_progress)
        note = run.status_note()
        if note:
            log.warning("%s; continuing from it", note)
        run.reserve_space()
    if not show_progress:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
    StopFlag.install()
    config = run.load_config()
    if main:
        resumed = bool(status.get("stages"))
        run.update_status(state="running", pid=os.getpid(), pid_start=process_start_time(os.getpid()),
                          started_at=status.get("started_at") or now_iso(),
                          ended_at=None, error=None)
        run.append_event({"stage": "run", "event": "resumed" if resumed else "started"})
        log.info("%s run %s", "resuming" if resumed else "starting", run.path)
    stage = None
    try:
        for stage, action in (("ingest", _ingest), ("precheck", _precheck), ("augment", _augment), ("cpt", _cpt),
                              ("sft", _sft), ("eval", _eval)):
            if stop_after and STAGES.index(stage) > STAGES.index(stop_after):
                break
            if run.stage_state(stage) in ("done", "skipped"):
                if main:
                    log.info("%s: already done, skipping", stage)
                continue
            if StopFlag.requested:
                break
            action(run, config, main, show_progress)
            state.wait_for_everyone()
        stage = None
        wanted = STAGES if not stop_after else STAGES[: STAGES.index(stop_after) + 1]
        unfinished = [s for s in wanted if run.stage_state(s) not in ("done", "skipped")]
        if unfinished:
            # Only a stop request leaves stages unfinished without an exception.
            if main:
                run.update_status(state="stopped", ended_at=now_iso())
                run.append_event({"stage": "run", "event": "stopped", "signal": StopFlag.signal_name})
                log.info("stopped on %s before finishing %s; continue with: python -m adapt run --resume %s",
                         StopFlag.signal_name or "request", ", ".join(unfinished), run.path)
            return EXIT_STOPPED
        if main:
            if stop_after and stop_after != STAGES[-1]:
                run.update_status(state="stopped", stage=None, ended_at=now_iso())
                run.append_event({"stage": "run", "event": "stopped", "after": stop_after})
                log.info("%s done; continue with: python -m adapt run --resume %s", stop_after, run.path)
            else:
                run.update_status(state="done", stage=None, ended_at=now_iso())
                run.append_event({"stage": "run", "event": "done"})
                run.release_reserve()  # nothing left to resume
                log.info("done: %s", run.path)
        return EXIT_OK
    except USER_ERRORS as err:
        message = redact(str(err))
        if main:
            if is_disk_full(err, run.path):
                _give_back_space(run)  # so that the log and status.json can still say so
            log.error("error: %s", message)
            log.info("once that is fixed, continue with: python -m adapt run --resume %s", run.path)
            _record_failure(run, message, stage)
        return getattr(err, "exit_code", EXIT_BAD_INPUT)
    except Exception as err:  # an engine bug or an environment failure: keep the traceback in the log
        message = redact(f"{type(err).__name__}: {err}")
        if is_disk_full(err, run.path):  # not a bug: explained, and resumable once there is space
            message = (f"{stage or 'run'}: the disk is full (writing under {run.path}: {message}). Free some space, "
                       f"e.g. delete old runs, then continue with: python -m adapt run --resume {run.path}")
            if main:
                _give_back_space(run)
                log.error("error: %s", message)
                _record_failure(run, message, stage)
            return EXIT_BAD_INPUT
        if main:
            log.error("failed: %s\n%s", message, redact(traceback.format_exc()))
            _record_failure(run, message, stage)
        return EXIT_FAILED


def _give_back_space(run: RunDir) -> None:
    """On a full disk: remove what this stage left half-written (packed rows without their meta.json
    are never used) and the space reserved for this moment."""
    for stage in ("cpt", "sft"):
        folder = run.data_dir / stage
        if folder.is_dir() and not (folder / "meta.json").is_file():
            shutil.rmtree(folder, ignore_errors=True)
    run.release_reserve()


def _record_failure(run: RunDir, message: str, stage: str | None) -> None:
    # On a full disk the space reserved for this write has just been given back; should even that not
    # be enough, the message is already on stderr, and a run left "running" with no live process is
    # found dead (status, the app) and offered for resume.
    try:
        if stage is not None:
            # The stage that raised says so itself (never left "running"); resume runs it again.
            run.set_stage(stage, "failed", error=message)
        run.update_status(state="failed", ended_at=now_iso(), error=message)
        run.append_event({"stage": "run", "event": "failed", "error": message})
    except OSError as err:
        log.error("could not record the failure in status.json: %s", err)


# ---- stages ----------------------------------------------------------------------------------

def _ingest(run: RunDir, config: RunConfig, main: bool, show: bool) -> None:
    if not main:
        return
    run.set_stage("ingest", "running")
    if not config.data.paths:
        raise StageInputError("no documents given: set data.paths to files or folders")
    missing = path_problems(config, ("data.paths",))
    if missing:
        raise StageInputError("; ".join(missing))
    tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
    bar = tqdm(total=None, desc="INGEST", unit="file", disable=not show, dynamic_ncols=True)

    def on_file(done: int, total: int, name: str) -> None:
        bar.total = total
        bar.n = done
        bar.set_postfix_str(name[:40], refresh=True)
        run.set_stage("ingest", "running", step=done, total_steps=total)
        faults.passing("ingest.file")

    result = ingest(config.data.paths, config.data, tokenizer=tokenizer, on_file=on_file)
    bar.close()
    for report in result.failed_files:
        log.warning("ingest: skipped %s: %s", report.name, report.reason)
    for report in result.ok_files:
        for warning in report.warnings:
            log.warning("ingest: %s: %s", report.name, warning)
    if not result.documents:
        raise StageInputError(f"no documents in data.paths: {why_no_documents(config.data.paths)}")
    totals = write_ingest_outputs(run.data_dir, result, config)
    log.info("ingest: %d of %d files, %d documents (%d held out), %s characters, %s tokens; "
             "%d exact and %d near duplicates removed",
             totals["files_ok"], totals["files"], totals["documents"], totals["heldout_documents"],
             f"{totals['characters']:,}", f"{totals['tokens']:,}" if totals["tokens"] is not None else "?",
             totals["exact_duplicates"], totals["near_duplicates"])
    run.append_event({"stage": "ingest", "event": "done", **{k: v for k, v in totals.items() if k != "languages"}})
    run.set_stage("ingest", "done", **{k: totals[k] for k in ("documents", "files_ok", "files_failed")})


def _augment(run: RunDir, config: RunConfig, main: bool, show: bool) -> None:
    if not main:
        return
    if not config.augment.enabled or not any(config.augment.categories.values()):
        run.set_stage("augment", "skipped", reason="disabled in config")
        return
    run.set_stage("augment", "running")
    bar = tqdm(total=None, desc="AUGMENT", unit="gen", disable=not show, dynamic_ncols=True)
    # ETA from this session's rate: a resumed run starts with work already done.
    session = {"time": time.time(), "done": None}

    def on_progress(done: int, total: int) -> None:
        if StopFlag.requested:
            raise _Stop()
        bar.total = total
        bar.update(done - bar.n)
        if session["done"] is None:
            session.update(done=done, time=time.time())
        rate = (done - session["done"]) / max(1e-9, time.time() - session["time"])
        eta = round((total - done) / rate, 1) if rate > 0 else None
        run.append_event({"stage": "augment", "step": done, "total_steps": total, "eta_s": eta})
        run.set_stage("augment", "running", step=done, total_steps=total)
        faults.passing("augment.doc")

    try:
        summary = run_augmentation(run.data_dir, config, on_progress=on_progress,
                                   trust_remote_code=config.model.trust_remote_code)
    except _Stop:
        return  # everything generated so far is on disk; resume continues from there
    finally:
        bar.close()
    generated = sum(c["items"] for c in summary["categories"].values())
    failed = sum(summary["failed_this_session"].values())
    log.info("augment (%s): %d items for %d documents; %d generations failed (dropped, counted in "
             "data/augment/summary.json)", summary["backend"], generated, summary["documents"], failed)
    run.set_stage("augment", "done", items=generated, failed=failed)


class _Stop(Exception):
    pass


def final_output_dir(config: RunConfig) -> str:
    """The run's result folder; its name tells the Arena and publishing what it holds."""
    return "adapter" if config.model.method == "lora" else "model"


def cpt_output_dir(config: RunConfig) -> str:
    """CPT writes the run's result unless an SFT stage is to continue from its weights."""
    return "cpt" if config.sft.enabled else final_output_dir(config)


def _promote_cpt_result(run: RunDir, config: RunConfig) -> None:
    """SFT found no data after all: CPT's weights are the result, moved where a result lives."""
    cpt, final = run.output_path("cpt"), final_output_dir(config)
    if cpt is not None and cpt.name != final:
        os.replace(cpt, run.path / final)
        run.set_output("cpt", final)
    if cpt is not None:
        run.set_output("final", final)


def _train_stage(run: RunDir, config: RunConfig, main: bool, show: bool, stage: str) -> None:
    section = config.cpt if stage == "cpt" else config.sft
    if not section.enabled:
        if main:
            run.set_stage(stage, "skipped", reason="disabled in config")
        return
    tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
    from accelerate import PartialState

    with PartialState().main_process_first():
        packed = prepare_cpt_data(run, config, tokenizer) if stage == "cpt" else prepare_sft_data(run, config, tokenizer)
    if packed is None:
        if main:
            log.warning("sft: no instruction data given (sft.data); skipping instruction tuning")
            run.set_stage(stage, "skipped", reason="no sft.data")
            _promote_cpt_result(run, config)
        return
    if main:
        run.set_stage(stage, "running")
    out_rel = final_output_dir(config) if stage == "sft" else cpt_output_dir(config)
    start_from = run.output_path("cpt") if stage == "sft" else None
    result = train(run, config, stage, section, packed, start_from, tokenizer, run.path / out_rel, show_bar=show)
    if result.stopped:
        return
    if main:
        run.set_output(stage, out_rel)
        if out_rel == final_output_dir(config):
            run.set_output("final", out_rel)
        run.set_stage(stage, "done", step=result.global_step, total_steps=result.max_steps, loss=result.final_loss)
        clear_checkpoints(run, stage)
        log.info("%s: done after %d steps, final loss %.4f -> %s", stage, result.global_step,
                 result.final_loss or float("nan"), out_rel)


def _cpt(run, config, main, show):
    _train_stage(run, config, main, show, "cpt")


def _sft(run, config, main, show):
    _train_stage(run, config, main, show, "sft")


def _precheck(run: RunDir, config: RunConfig, main: bool, show: bool) -> None:
    if not main:
        return
    if not config.eval.precheck:
        run.set_stage("precheck", "skipped", reason="disabled in config")
        return
    run.set_stage("precheck", "running")
    result = precheck_run(run, config)
    (log.warning if result["warning"] else log.info)("precheck: %s", result["message"])
    run.append_event({"stage": "precheck", "event": "done", "warning": result["warning"]})
    run.set_stage("precheck", "done", warning=result["warning"])


def _eval(run: RunDir, config: RunConfig, main: bool, show: bool) -> None:
    if not main:
        return
    if not config.eval.enabled:
        run.set_stage("eval", "skipped", reason="disabled in config")
        return
    run.set_stage("eval", "running")
    done = [0]

    def progress(what: str) -> None:
        done[0] += 1
        log.info("eval: %s", what)
        run.append_event({"stage": "eval", "step": done[0], "task": what})
        run.set_stage("eval", "running", step=done[0], task=what)
        faults.passing("eval.part")

    report = evaluate_run(run, config, progress)
    log_report(report)
    run.set_stage("eval", "done")
    run.append_event({"stage": "eval", "event": "done"})


def log_report(raw: dict) -> None:
    report = Report.from_dict(raw)
    for values, title in ((report.heldout_domain, "held-out domain"), (report.general, "general text")):
        if values:
            log.info("eval: %s perplexity: %s", title, ", ".join(
                f"{k} {v.perplexity:.2f}" + (f" ({v.change_pct:+.1f}%)" if v.change_pct is not None else "")
                for k, v in values.items()))
    for section, whose in ((report.qa, "QA"), (report.user_qa, "your own questions,")):
        for split, scores in section.items():
            if scores:
                log.info("eval: %s %s fact match: %s", split, whose, ", ".join(
                    f"{k} {share_with_range(v.fact_match, v.questions)}" for k, v in scores.items()
                    if v.fact_match is not None))
    if report.finding:
        log.info("eval: %s", report.finding)
