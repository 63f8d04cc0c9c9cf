"""Train: base model, recipe preset, every setting, an estimate before launch, the YAML and CLI
equivalent; Launch, Stop, Resume; the run watched live; the list of this user's runs.

Training never runs inside a Gradio event: Launch only writes a run directory and queues it; the
job manager starts `python -m adapt run --resume RUN_DIR` as a subprocess and this tab polls the
files that process writes.
"""

from __future__ import annotations

import os
import shlex
import tempfile
from pathlib import Path

import gradio as gr

from adapt import bundled
from adapt.config import ConfigError, RunConfig, check_launch, endpoints_not_allowed, paths_outside
from adapt.estimate import Machine, estimate
from adapt.evaluate.precheck import language_fit
from adapt.fileio import write_json_atomic
from adapt.jobs import JobError
from adapt.models import ModelNotAvailable, concrete_base, default_base_model, load_tokenizer
from adapt.presets import PRESETS, SMALL_PARAMETERS, Target, apply_preset
from adapt.rundir import RunDir
from adapt.secrets import operator_endpoints
from ui import data_tab, live, run_picker, user_questions
from ui.config_form import ConfigForm
from ui.i18n import Texts, say
from ui.registry import Call, Registry, Wiring
from ui.session import Session, context

BASE_MODELS = ["smollm2-135m", "Qwen/Qwen2.5-0.5B-Instruct", "Qwen/Qwen2.5-1.5B-Instruct", "Qwen/Qwen3-0.6B",
               "HuggingFaceTB/SmolLM2-135M-Instruct", "HuggingFaceTB/SmolLM2-360M-Instruct",
               "HuggingFaceTB/SmolLM2-1.7B-Instruct", "meta-llama/Llama-3.2-1B-Instruct", "google/gemma-3-1b-it",
               "tiny"]


def assemble(form: ConfigForm, name: str, base: str, values: list, session: Session) -> RunConfig:
    """The form as a RunConfig, with this session's example domain as documents and the questions
    typed in the Data tab as (part of) eval.qa_file; ConfigError names the field, the value and what
    is allowed."""
    raw = form.to_dict(values)
    raw["name"] = (name or "run").strip()
    raw.setdefault("model", {})["base"] = (base or "").strip()
    paths = []
    if session.example:
        paths.append(str(data_tab.example_docs(session.example)))
        qa = data_tab.example_qa(session.example)
        if qa and not raw.get("eval", {}).get("qa_file"):
            # The example's curated questions are its test: every synthesized pair can be trained on.
            raw.setdefault("eval", {}).update(qa_file=str(qa), qa_file_mode="replace")
            raw.setdefault("augment", {})["qa_heldout_fraction"] = 0.0
    raw.setdefault("data", {})["paths"] = paths
    config = RunConfig.from_dict(raw, source="the form")
    problems = paths_outside(config, readable_roots(session)) + endpoints_not_allowed(config, operator_endpoints())
    if problems:
        head = "invalid settings in the form:" if len(problems) > 1 else "invalid setting in the form:"
        raise ConfigError(head + "\n  " + "\n  ".join(problems))
    # The person's own questions, after the check above: the file they join (an example's, or one the
    # form names) is then one this visitor may read. Never trained on: every line says split heldout.
    questions = user_questions.launch_questions(session.uploads_dir(), config.eval.qa_file)
    if questions is not None:
        config = config.model_copy(update={"eval": config.eval.model_copy(update={"qa_file": str(questions)})})
    return config


def readable_roots(session: Session) -> list[Path]:
    """What a visitor's settings may name: the bundled examples and general corpus, this visitor's own
    uploads, and folders the operator lists in ADAPT_ALLOWED_PATHS (os.pathsep-separated). Never the
    data directory as a whole: it holds every user's runs."""
    extra = [Path(p) for p in os.environ.get("ADAPT_ALLOWED_PATHS", "").split(os.pathsep) if p.strip()]
    return [bundled.EXAMPLES_DIR, session.uploads_dir(), *extra]


def corpus_tokens(preview: dict | None) -> int:
    if not preview:
        return 0
    totals = preview["totals"]
    return totals["tokens"] if totals.get("tokens") else totals["characters"] // 4  # rough, stated as such


def estimate_for(config: RunConfig, preview: dict | None):
    return estimate(config, corpus_tokens(preview), documents=len((preview or {}).get("documents") or []))


def estimate_text(config: RunConfig, preview: dict | None, lang: str) -> str:
    try:
        result = estimate_for(config, preview)
    except ModelNotAvailable as err:
        return f"❌ {err}"
    head = "✅" if result.fits else "❌"
    text = say("train_estimate", lang, head=head, machine=result.machine, params=f"{result.parameters / 1e6:,.1f}M",
               trainable=f"{result.trainable / 1e6:,.2f}M", memory=f"{result.memory_gb:,.1f}",
               available=f"{result.available_gb:,.1f}", tokens=f"{result.train_tokens:,}",
               time=live._duration(result.seconds))
    if result.advice:
        text += "\n\n" + say("train_does_not_fit", lang) + "\n" + "\n".join(f"- {tip}" for tip in result.advice)
    total = len((preview or {}).get("documents") or [])
    if not total:
        text = "⚠️ " + say("train_no_documents", lang) + "\n\n" + text
    if config.data.max_documents and total > config.data.max_documents:
        text += "\n\n" + say("train_capped", lang, limit=config.data.max_documents, total=total)
    if preview and preview.get("documents"):
        fit = language_fit(load_tokenizer(config.model.base, config.model.trust_remote_code), preview["documents"],
                           config.model.base)
        if fit["warning"]:
            text += f"\n\n⚠️ {fit['message']}."
    return text


def cli_command(config: RunConfig) -> str:
    return f"```bash\npython -m adapt run {shlex.quote(config.name)}.yaml\n```"


def preset_config(preset_key: str, base_value: str | None, warn=None) -> RunConfig:
    """The default config with a preset applied for this machine and the base model's size."""
    config = RunConfig(model={"base": concrete_base((base_value or "").strip() or "auto")})
    try:
        target = Target.for_config(config)
    except ModelNotAvailable as err:
        # The numbers for a small model here; Check and Launch say what is wrong with the base.
        if warn:
            warn(str(err))
        target = Target(Machine.here().gpu, SMALL_PARAMETERS)
    return apply_preset(config, preset_key, target)


LIVE = ("run", "train.status", "train.progress", "train.loss", "train.log", "train.runs")


def build(texts: Texts, registry: Registry, form: ConfigForm) -> Wiring:
    """The tab's components and events; the form's fields are registered here, after the Data tab has
    placed its own. Returns the wiring that redraws the live view for the session's run."""
    add = registry.add
    with gr.Row():
        add("train.name", texts.make(gr.Textbox, "train_name", value="my-domain", elem_id="train-name", scale=1))
        base = add("train.base", texts.make(gr.Dropdown, "train_base", info="train_base_info", choices=BASE_MODELS,
                                            value=default_base_model(), allow_custom_value=True,
                                            elem_id="train-base", scale=2))
        recipes = [(f"preset_{key}", key) for key in [*PRESETS, "custom"]]
        preset = add("train.preset", texts.choices(texts.make(
            gr.Radio, "train_preset", choices=[(say(k), v) for k, v in recipes], value="quick-demo",
            elem_id="train-preset", scale=2), recipes))
    with texts.make(gr.Accordion, "train_advanced", open=False, elem_id="train-advanced"):
        form.build(texts)
        # Typed by the visitor, used for this run's generator endpoint, never saved: the server's own
        # keys reach no run (adapt.secrets.job_environment).
        add("train.endpoint_key", texts.make(gr.Textbox, "train_endpoint_key", info="train_endpoint_key_info",
                                             type="password", elem_id="train-endpoint-key"))
    form.register(registry)  # the whole form, with data.text_field the Data tab placed
    with gr.Row():
        check = texts.make(gr.Button, "train_check", prop="value", variant="secondary", elem_id="train-check")
        launch = texts.make(gr.Button, "train_launch", prop="value", variant="primary", elem_id="train-launch")
        stop = texts.make(gr.Button, "train_stop", prop="value", variant="stop", elem_id="train-stop")
        resume = texts.make(gr.Button, "train_resume", prop="value", elem_id="train-resume")
    add("train.estimate", gr.Markdown(elem_id="train-estimate"))
    with texts.make(gr.Accordion, "train_yaml", open=False, elem_id="train-yaml-accordion"):
        add("train.yaml", gr.Code(language="yaml", interactive=False, elem_id="train-yaml"))
        with gr.Row():
            add("train.yaml_file", texts.make(gr.DownloadButton, "train_yaml_download", prop="label"))
            add("train.cli", gr.Markdown())

    texts.make(gr.Markdown, "train_live", prop="value")
    with gr.Row():
        add("train.status", gr.Markdown(elem_id="run-status"))
        refresh_button = texts.make(gr.Button, "train_refresh", prop="value", size="sm", scale=0)
    add("train.progress", gr.HTML(elem_id="run-progress"))
    with gr.Row():
        add("train.loss", gr.LinePlot(x="step", y="loss", color="stage", height=260, label="loss",
                                      elem_id="loss-plot"))
        add("train.log", texts.make(gr.Textbox, "train_log", lines=12, max_lines=12, interactive=False,
                                    autoscroll=True, elem_id="run-log"))
    run_columns = ["run", "state", "stage", "step", "base", "created"]
    add("train.runs", texts.headers(texts.make(gr.Dataframe, "train_runs", headers=run_columns, interactive=False,
                                               elem_id="runs-table"), run_columns))
    timer = gr.Timer(2.0)

    def on_preset(call: Call) -> dict:
        if call["train.preset"] == "custom":
            return {}
        config = preset_config(call["train.preset"], call["train.base"], warn=gr.Warning)
        return dict(zip(form.ids, form.preset_updates(config)))

    def current_config(call: Call) -> RunConfig:
        try:
            return assemble(form, call["train.name"], call["train.base"], [call[key] for key in form.ids],
                            call.session)
        except ConfigError as err:
            raise gr.Error(str(err), duration=None) from None

    def on_check(call: Call) -> dict:
        config = current_config(call)
        yaml_text = config.to_yaml()
        path = Path(tempfile.mkdtemp()) / f"{config.name}.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        return {"train.estimate": estimate_text(config, call["preview"], call.lang), "train.yaml": yaml_text,
                "train.yaml_file": str(path), "train.cli": cli_command(config)}

    def on_launch(call: Call) -> dict:
        session, preview = call.session, call["preview"]
        config = current_config(call)
        uploads = session.uploads_dir()
        has_uploads = any(uploads.iterdir())
        if not has_uploads and not config.data.paths:
            raise gr.Error(say("train_no_documents", session.lang))
        try:
            check_launch(config, source="the form")
        except ConfigError as err:
            raise gr.Error(str(err), duration=None) from None
        try:
            result = estimate_for(config, preview)
        except ModelNotAvailable as err:
            raise gr.Error(str(err), duration=None) from None
        if not result.fits:
            raise gr.Error(estimate_text(config, preview, session.lang), duration=None)
        # The typed questions go into the run, and its eval.qa_file names the run's copy.
        own = user_questions.draft_file(uploads).is_file()
        try:
            run = context().jobs.create(config, session.owner, uploads=uploads if has_uploads else None,
                                        endpoint_key=(call["train.endpoint_key"] or "").strip() or None,
                                        questions=Path(config.eval.qa_file) if own else None)
        except ConfigError as err:
            raise gr.Error(str(err), duration=None) from None
        write_json_atomic(run.estimate_path, {"training_seconds": round(result.seconds, 1),
                                              "train_tokens": result.train_tokens, "machine": result.machine})
        if has_uploads:
            user_questions.forget(uploads)  # they went along with the uploads, as the run's own copy
            session.new_draft()
            session.example = config.data.paths and session.example or None
        session.run = run.path.name
        gr.Info(say("train_launched", session.lang, run=run.path.name, time=live._duration(result.seconds)))
        return {"session": session.dump(), "train.endpoint_key": "", **live_view(session)}

    def on_stop(call: Call) -> dict:
        try:
            gr.Info(context().jobs.stop(call.session.run or "", call.session.owner))
        except JobError as err:
            raise gr.Error(str(err)) from None
        return live_view(call.session)

    def on_resume(call: Call) -> dict:
        try:
            context().jobs.resume(call.session.run or "", call.session.owner,
                                  endpoint_key=(call["train.endpoint_key"] or "").strip() or None)
        except JobError as err:
            raise gr.Error(str(err)) from None
        return {"train.endpoint_key": "", **live_view(call.session)}

    def on_tick(call: Call) -> dict:
        return live_view(call.session)

    preset_inputs = ("train.preset", "train.base")
    form_inputs = ("train.name", "train.base", "preview", "train.endpoint_key", *form.ids)
    registry.on(preset.change, on_preset, preset_inputs, form.ids)
    registry.on(base.change, on_preset, preset_inputs, form.ids)
    registry.on(check.click, on_check, form_inputs, ("train.estimate", "train.yaml", "train.yaml_file", "train.cli"))
    registry.on(launch.click, on_launch, form_inputs, ("session", "train.endpoint_key", *LIVE))
    registry.on(stop.click, on_stop, (), LIVE)
    registry.on(resume.click, on_resume, ("train.endpoint_key",), ("train.endpoint_key", *LIVE))
    registry.on(refresh_button.click, on_tick, (), LIVE)
    registry.on(timer.tick, on_tick, (), LIVE, show_progress="hidden")
    # No preset hook at page load: the form is built with the Quick demo's values for this machine, and
    # applying them again when the load events end overwrote what a quick user had already typed.
    return Wiring(on_tick, (), LIVE)


def live_view(session: Session) -> dict:
    """The run picker and the live view of the session's run, read from its run directory."""
    jobs = context().jobs
    infos = jobs.list(session.owner)
    info = run_picker.current(session, infos)
    view = {"run": run_picker.choices(session, infos), "train.runs": live.runs_table(infos, session.lang)}
    if info is None:
        return {**view, "train.status": say("train_no_runs", session.lang), "train.progress": "", "train.loss": None,
                "train.log": ""}
    run = RunDir(jobs.root / info.id)
    return {**view, "train.status": live.status_line(run, info, session.lang),
            "train.progress": live.progress_html(run, info.status, session.lang), "train.loss": live.loss_frame(run),
            "train.log": live.log_tail(run)}
