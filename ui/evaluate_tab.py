"""Evaluate: a run's report — what it learned (held-out domain perplexity, QA on unseen questions),
what it forgot (general perplexity), where the loss moved (token kinds) — as tables and plots, and
a button that queues the evaluation again."""

from __future__ import annotations

import gradio as gr

from adapt.evaluate.report import MODEL_LABELS
from adapt.fileio import read_json, read_jsonl
from adapt.jobs import JobError
from adapt.rundir import RunDir
from adapt.views import Perplexity, Report
from ui.files import servable
from ui.i18n import Texts, header, say
from ui.session import Session, context

PPL_COLUMNS = ["model", "held-out domain", "change %", "general (forgetting)", "change %"]
QA_COLUMNS = ["split", "model", "questions", "fact match", "similarity", "judge"]
SYNTHETIC_COLUMNS = ["category", "documents", "kept", "dropped", "why dropped"]


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


def qa_rows(report: Report) -> list[list]:
    return [[split, MODEL_LABELS.get(model, model), scores.questions, _share(scores.fact_match, ".0%"),
             _share(scores.similarity, ".3f"), _share(scores.judge, ".0%")]
            for split, by_model in report.qa.items() for model, scores in by_model.items()]


def answer_rows(run: RunDir) -> tuple[list[str], list[list]]:
    examples = read_jsonl(run.answers_path)
    if not examples:
        return ["question"], []
    answer_keys = [k for k in examples[0] if k.startswith("answer_") and k != "answer_key"]
    headers = ["split", "question", "reference"] + [MODEL_LABELS.get(k[7:], k[7:]) for k in answer_keys]
    rows = [[e["split"], e["question"], e["reference"], *[e.get(k, "") for k in answer_keys]]
            for e in examples if e["split"] == "heldout"][:60]
    return headers, rows


def report_prose(path) -> str:
    """report.md without its tables: the tables above show the same numbers."""
    if not path.exists():
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("|")).strip()


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


def build(texts: Texts, session_state: gr.BrowserState):
    with gr.Row():
        run_choice = texts.make(gr.Dropdown, "eval_run", choices=[], elem_id="eval-run", scale=3)
        refresh = texts.make(gr.Button, "eval_refresh", prop="value", size="sm", scale=1)
        rerun = texts.make(gr.Button, "eval_rerun", prop="value", variant="secondary", scale=1)
    status = gr.Markdown(elem_id="eval-status")
    with gr.Row():
        ppl_table = texts.headers(texts.make(gr.Dataframe, "eval_perplexity", headers=PPL_COLUMNS, interactive=False),
                                  PPL_COLUMNS)
        qa_table = texts.headers(texts.make(gr.Dataframe, "eval_qa", headers=QA_COLUMNS, interactive=False,
                                            elem_id="eval-qa"), QA_COLUMNS)
    with gr.Row():
        # No label over the picture: it covered the plot's own title.
        plot_ppl = gr.Image(label="perplexity", show_label=False, interactive=False, buttons=["download"],
                            elem_id="eval-plot-perplexity")
        plot_qa = gr.Image(label="QA", show_label=False, interactive=False, buttons=["download"],
                           elem_id="eval-plot-qa")
        plot_tokens = gr.Image(label="tokens", show_label=False, interactive=False, buttons=["download"],
                               elem_id="eval-plot-tokens")
    summary = gr.Markdown(elem_id="eval-summary")
    answers = texts.make(gr.Dataframe, "eval_answers", interactive=False, wrap=True)
    with texts.make(gr.Accordion, "eval_synthetic", open=False, elem_id="eval-synthetic"):
        synthetic_table = texts.make(gr.Dataframe, "eval_synthetic_table", headers=SYNTHETIC_COLUMNS,
                                     interactive=False, wrap=True, elem_id="eval-synthetic-table")
        synthetic_md = gr.Markdown(elem_id="eval-synthetic-samples")
    texts.headers(synthetic_table, SYNTHETIC_COLUMNS)

    def show(session: Session):
        jobs = context().jobs
        infos = [i for i in jobs.list(session.owner)]
        ids = [i.id for i in infos]
        if session.run not in ids:
            session.run = next((i.id for i in infos if RunDir(jobs.root / i.id).report_path.exists()),
                               ids[0] if ids else None)
        choices = gr.update(choices=[(f"{i.id} — {say('state_' + i.state, session.lang)}", i.id) for i in infos],
                            value=session.run)
        empty = (choices, say("eval_no_report", session.lang), [], [], None, None, None, "",
                 gr.update(value=[], headers=["question"]), [], "")
        if session.run is None:
            return empty
        run = jobs.get(session.run, session.owner)
        augmented = read_json(run.augment_summary_path, default=None) or {}
        synthetic = (synthetic_rows(augmented), synthetic_samples(augmented))
        report = run.read_report()
        eval_state = run.read_status().stage_entry("eval").state
        if report is None:
            busy = say("eval_running", session.lang) if eval_state in ("running", "pending") else ""
            return (choices, busy or say("eval_no_report", session.lang), *empty[2:-2], *synthetic)
        image = {name: servable(run.path / file) for name, file in report.plots.items() if (run.path / file).exists()}
        headers, rows = answer_rows(run)
        headers = [header(h, session.lang) for h in headers]
        note = say("eval_running", session.lang) if eval_state in ("running", "pending") else ""
        summary_text = report_prose(run.report_markdown_path)
        # The question and reference columns narrower than the answers: the answers are what people compare.
        widths = ["7%", "18%", "20%"] + [f"{55 // max(1, len(headers) - 3)}%"] * (len(headers) - 3)
        return (choices, note, perplexity_rows(report), qa_rows(report), image.get("perplexity"), image.get("qa"),
                image.get("tokens"), summary_text, gr.update(value=rows, headers=headers, column_widths=widths),
                *synthetic)

    def on_show(value, request: gr.Request, profile: gr.OAuthProfile | None):
        return show(Session.load(value, request, profile))

    def on_choose(run_id, value, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        session.run = run_id
        return session.dump(), *show(session)

    def on_rerun(value, request: gr.Request, profile: gr.OAuthProfile | None):
        session = Session.load(value, request, profile)
        try:
            context().jobs.rerun_eval(session.run or "", session.owner)
        except JobError as err:
            raise gr.Error(str(err)) from None
        gr.Info(say("eval_queued", session.lang))
        return show(session)

    outputs = [run_choice, status, ppl_table, qa_table, plot_ppl, plot_qa, plot_tokens, summary, answers,
               synthetic_table, synthetic_md]
    run_choice.input(on_choose, [run_choice, session_state], [session_state, *outputs])
    refresh.click(on_show, [session_state], outputs)
    rerun.click(on_rerun, [session_state], outputs)
    return on_show, [session_state], outputs
