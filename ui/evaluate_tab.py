"""Evaluate: a run's report — what it learned (held-out domain perplexity, QA on unseen questions),
what it forgot (general perplexity), where the loss moved (token kinds) — as tables and plots, and
a button that queues the evaluation again."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from adapt.data.questions import QUESTION_SPLITS, SPLIT_NAMES, share_with_range
from adapt.evaluate.report import MODEL_LABELS, localized_plot_name
from adapt.fileio import read_json, read_jsonl
from adapt.jobs import JobError
from adapt.rundir import RunDir
from adapt.views import Perplexity, Report
from ui.files import servable
from ui import run_picker, user_questions
from ui.i18n import Texts, header, say
from ui.registry import Call, Registry, Wiring
from ui.session import context

PPL_COLUMNS = ["model", "held-out domain", "change %", "general (forgetting)", "change %"]
QA_COLUMNS = ["split", "model", "questions", "fact match", "similarity", "judge"]
SYNTHETIC_COLUMNS = ["category", "documents", "kept", "dropped", "why dropped"]
PLOTS = ("perplexity", "qa", "tokens")


def _pct(entry: Perplexity | None) -> str:
    return f"{entry.change_pct:+.1f}" if entry and entry.change_pct is not None else ""


def _share(value: float | None, spec: str) -> str:
    return format(value, spec) if value is not None else ""


def perplexity_rows(report: Report) -> list[list]:
    rows = []
    for model in report.models:
        d, g = report.heldout_domain.get(model), report.general.get(model)
        rows.append([MODEL_LABELS.get(model, model), f"{d.perplexity:.2f}" if d else "", _pct(d),
                     f"{g.perplexity:.2f}" if g else "", _pct(g)])
    return rows


def qa_rows(report: Report, lang: str = "en") -> list[list]:
    """One row per question split and model, the splits named so that nobody reads a trained fact as
    knowledge: trained questions, trained facts in new words, facts only read."""
    # The fact match with its 95% range: a quick demo asks 5 to 20 questions, where one is 5 to 20 points.
    return [[SPLIT_NAMES[split][lang], MODEL_LABELS.get(model, model), scores.questions,
             share_with_range(scores.fact_match, scores.questions) if scores.fact_match is not None else "",
             _share(scores.similarity, ".3f"), _share(scores.judge, ".0%")]
            for split in QUESTION_SPLITS for model, scores in report.qa.get(split, {}).items()]


def keep_share_text(report: Report, lang: str = "en") -> str:
    """How much of its training the final model keeps, and the validation points it was chosen on."""
    kept = report.raw.get("keep_share") or {}
    if not kept or kept.get("share", 1) >= 1 and not kept.get("chosen"):
        return ""
    points = ", ".join(f"{p['share']:.0%}: {p['general_perplexity_change_pct']:+.1f}%" for p in kept.get("points") or []
                       if p.get("general_perplexity_change_pct") is not None)
    why = say("eval_keep_chosen", lang, budget=f"{kept.get('max_forgetting_pct', 10):g}%", points=points) \
        if kept.get("chosen") else ""
    return say("eval_keep_share", lang, share=f"{kept['share']:.0%}", why=why)


def general_questions_text(report: Report, lang: str = "en") -> str:
    """The general-ability check beside the perplexity: of what the base answered, what each adapted
    model still answers, and a few questions it lost (a number alone does not say what was forgotten);
    first, how much of its training the final model keeps."""
    kept = keep_share_text(report, lang)
    general = report.general_questions
    if general is None:
        return kept
    if not general.base_right:
        return "\n\n".join(t for t in (kept, say("eval_general_none", lang, n=general.questions)) if t)
    if not general.by_model:
        return kept
    still = [say("eval_general_kept", lang, model=header(MODEL_LABELS.get(model, model), lang), kept=score.kept,
                 pct=f"{general.kept_share(model):.0%}") for model, score in general.by_model.items()]
    lines = ([kept, ""] if kept else []) + [
        say("eval_general", lang, n=general.questions, right=general.base_right, models=", ".join(still))]
    if general.examples:
        model = header(MODEL_LABELS.get(general.examples[0]["model"], general.examples[0]["model"]), lang)
        lines += ["", say("eval_general_lost", lang, model=model)]
        lines += [f"- {_line(e['question'])} — {header('base', lang)}: {_line(e['answer_base'])} · "
                  f"{model}: {_line(e['answer_adapted'])}" for e in general.examples]
    return "\n".join(lines)


def _line(text: str, limit: int = 100) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


def answer_rows(run: RunDir) -> tuple[list[str], list[list]]:
    examples = read_jsonl(run.answers_path)
    if not examples:
        return ["question"], []
    answer_keys = [k for k in examples[0] if k.startswith("answer_") and k != "answer_key"]
    headers = ["split", "question", "reference"] + [MODEL_LABELS.get(k[7:], k[7:]) for k in answer_keys]
    # The questions that measure knowledge first: facts never asked in training, then new wordings.
    # The person's own questions have their table above.
    shown = [e for split in ("heldout", "reworded") for e in examples
             if e["split"] == split and e.get("origin") != "user"][:60]
    rows = [[SPLIT_NAMES[e["split"]]["en"], e["question"], e["reference"], *[e.get(k, "") for k in answer_keys]]
            for e in shown]
    return headers, rows


def user_view(run: RunDir | None, lang: str = "en") -> dict:
    """The person's own questions, first on the page: their table once the run has answered them;
    without any, a line saying where the questions below came from."""
    hidden = {"eval.user_note": "", "eval.user_questions": gr.update(value=[], visible=False)}
    examples = read_jsonl(run.answers_path) if run is not None else []
    if not examples:
        return hidden
    users = [e for e in examples if e.get("origin") == "user"]
    rows = user_questions.evaluate_rows(users, read_jsonl(run.documents_path), lang) if users else []
    try:
        qa_file = run.load_config().eval.qa_file
    except Exception:  # noqa: BLE001 - a config damaged by hand: the line is still right without it
        qa_file = None
    return {"eval.user_note": user_questions.evaluate_note(rows, qa_file, lang),
            "eval.user_questions": gr.update(value=rows, visible=bool(rows))}


def report_prose(path) -> str:
    """report.md without its tables and its general-questions line: shown above, in the page's language."""
    if not path.exists():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines
                     if not line.lstrip().startswith(("|", "**General questions**"))).strip()


def synthetic_rows(summary: dict) -> list[list]:
    """Per augmentation category: items kept, dropped by the quality check and why."""
    rows = []
    for category, entry in sorted((summary.get("categories") or {}).items()):
        why = ", ".join(f"{reason} {count}" for reason, count in
                        sorted(entry.get("dropped_because", {}).items(), key=lambda kv: -kv[1]))
        rows.append([category, entry.get("documents", 0), entry.get("items", 0), entry.get("dropped", 0), why])
    return rows


def synthetic_samples(summary: dict) -> str:
    """Five items of each category to read, as markdown."""
    parts = []
    for category, entry in sorted((summary.get("categories") or {}).items()):
        lines = []
        for item in entry.get("sample", [])[:5]:
            if isinstance(item, dict) and "question" in item:
                lines.append(f"- **Q:** {item['question']}  \n  **A:** {item['answer']} (key: {item.get('answer_key', '')})")
            elif isinstance(item, str):
                lines.append(f"- {item[:400]}{'…' if len(item) > 400 else ''}")
            elif isinstance(item, list):
                lines.append("- " + " / ".join(f"{m.get('role')}: {m.get('content', '')[:120]}" for m in item[:4]))
        if lines:
            parts.append(f"**{category}**\n\n" + "\n".join(lines))
    return "\n\n".join(parts)


def plot_file(folder: Path, file: str, lang: str) -> Path:
    """The plot drawn in the page's language where the run has one (a CJK font was installed when it
    was evaluated), else the English one."""
    localized = folder / localized_plot_name(file, lang)
    return localized if localized.exists() else folder / file


def build(texts: Texts, registry: Registry) -> Wiring:
    """The tab's components and events; returns the wiring that redraws it for the session's run."""
    add = registry.add
    with gr.Row():
        add("eval.status", gr.Markdown(elem_id="eval-status"))
        refresh = texts.make(gr.Button, "eval_refresh", prop="value", size="sm", scale=0)
        rerun = texts.make(gr.Button, "eval_rerun", prop="value", variant="secondary", scale=0)
    add("eval.user_note", gr.Markdown(elem_id="eval-user-note"))
    add("eval.user_questions", texts.headers(texts.make(
        gr.Dataframe, "eval_user_questions", headers=user_questions.EVAL_COLUMNS, interactive=False, wrap=True,
        visible=False, elem_id="eval-user-questions"), user_questions.EVAL_COLUMNS))
    with gr.Row():
        with gr.Column():
            add("eval.perplexity", texts.headers(texts.make(gr.Dataframe, "eval_perplexity", headers=PPL_COLUMNS,
                                                            interactive=False), PPL_COLUMNS))
            add("eval.general", gr.Markdown(elem_id="eval-general"))
        add("eval.qa", texts.headers(texts.make(gr.Dataframe, "eval_qa", headers=QA_COLUMNS, interactive=False,
                                                elem_id="eval-qa"), QA_COLUMNS))
    with gr.Row():
        # No label over the picture: it covered the plot's own title.
        for name in PLOTS:
            add(f"eval.plot_{name}", gr.Image(label=name, show_label=False, interactive=False,
                                              buttons=["download"], elem_id=f"eval-plot-{name}"))
    add("eval.summary", gr.Markdown(elem_id="eval-summary"))
    add("eval.answers", texts.make(gr.Dataframe, "eval_answers", interactive=False, wrap=True))
    with texts.make(gr.Accordion, "eval_synthetic", open=False, elem_id="eval-synthetic"):
        add("eval.synthetic_table", texts.headers(texts.make(
            gr.Dataframe, "eval_synthetic_table", headers=SYNTHETIC_COLUMNS, interactive=False, wrap=True,
            elem_id="eval-synthetic-table"), SYNTHETIC_COLUMNS))
        add("eval.synthetic_samples", gr.Markdown(elem_id="eval-synthetic-samples"))

    def show_report(call: Call) -> dict:
        session = call.session
        jobs = context().jobs
        info = run_picker.current(session, jobs.list(session.owner))
        empty = {"eval.status": say("eval_no_report", session.lang), "eval.perplexity": [], "eval.general": "",
                 "eval.qa": [],
                 **{f"eval.plot_{name}": None for name in PLOTS}, "eval.summary": "",
                 "eval.answers": gr.update(value=[], headers=["question"]), "eval.synthetic_table": [],
                 "eval.synthetic_samples": "", **user_view(None)}
        if info is None:
            return empty
        run = jobs.get(info.id, session.owner)
        augmented = read_json(run.augment_summary_path, default=None) or {}
        synthetic = {"eval.synthetic_table": synthetic_rows(augmented),
                     "eval.synthetic_samples": synthetic_samples(augmented)}
        mine = user_view(run, session.lang)
        report = run.read_report()
        evaluating = run.read_status().stage_entry("eval").state in ("running", "pending")
        busy = say("eval_running", session.lang) if evaluating else ""
        if report is None:
            return {**empty, "eval.status": busy or say("eval_no_report", session.lang), **synthetic, **mine}
        image = {name: servable(plot_file(run.path, file, session.lang)) for name, file in report.plots.items()
                 if (run.path / file).exists()}
        headers, rows = answer_rows(run)
        headers = [header(h, session.lang) for h in headers]
        # The question and reference columns narrower than the answers: the answers are what people compare.
        widths = ["7%", "18%", "20%"] + [f"{55 // max(1, len(headers) - 3)}%"] * (len(headers) - 3)
        return {"eval.status": busy, "eval.perplexity": perplexity_rows(report),
                "eval.general": general_questions_text(report, session.lang), "eval.qa": qa_rows(report, session.lang),
                **{f"eval.plot_{name}": image.get(name) for name in PLOTS},
                "eval.summary": report_prose(run.report_markdown_path),
                "eval.answers": gr.update(value=rows, headers=headers, column_widths=widths), **synthetic, **mine}

    def on_rerun(call: Call) -> dict:
        try:
            context().jobs.rerun_eval(call.session.run or "", call.session.owner)
        except JobError as err:
            raise gr.Error(str(err)) from None
        gr.Info(say("eval_queued", call.lang))
        return show_report(call)

    outputs = ("eval.status", "eval.perplexity", "eval.general", "eval.qa", *(f"eval.plot_{name}" for name in PLOTS),
               "eval.summary", "eval.answers", "eval.synthetic_table", "eval.synthetic_samples", "eval.user_note",
               "eval.user_questions")
    registry.on(refresh.click, show_report, (), outputs)
    registry.on(rerun.click, on_rerun, (), outputs)
    return Wiring(show_report, (), outputs)
