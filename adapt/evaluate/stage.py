"""The precheck and eval stages: what the model learned, what it forgot, whether it was worth it.

One base model stays in memory; with LoRA the CPT and final adapters are attached to it in turn
and taken off again, so the base figures really are the base. Results: report.json, PNG plots
beside it, report.md (reused by the model card).
"""

from __future__ import annotations

import gc
import logging
import random
from pathlib import Path
from typing import Callable

import torch

from adapt.config import RunConfig
from adapt.augment.backends import llm_backend
from adapt.data.general import domain_languages
from adapt.data.questions import load_questions, qa_prompt
from adapt.data.store import heldout_ids, left_out_ids, training_chunks
from adapt.evaluate import general_check
from adapt.evaluate import qa as qa_eval
from adapt.evaluate.base_cache import BaseCache
from adapt.evaluate.keep import choose_and_apply, general_split
from adapt.evaluate.perplexity import summarize_losses, text_windows, token_losses
from adapt.evaluate.precheck import corpus_similarity, language_fit, verdict
from adapt.evaluate.report import localized_plot_name, markdown, plot_languages, plot_perplexity, plot_qa, plot_tokens
from adapt.evaluate.tokens import analyze
from adapt.fileio import read_json, read_jsonl, write_json_atomic, write_jsonl_atomic, write_text_atomic
from adapt.models import load_for_inference, load_tokenizer, pick_dtype, resolve_model, rope_overrides
from adapt.retrieval import Retriever
from adapt.rundir import RunDir, now_iso

log = logging.getLogger("adapt")
Progress = Callable[[str], None]


def heldout_texts(run: RunDir, limit: int) -> list[str]:
    heldout = heldout_ids(run.data_dir)
    return [d["text"] for d in read_jsonl(run.documents_path) if d["id"] in heldout][:limit]


def general_texts(run: RunDir, config: RunConfig, limit: int) -> list[str]:
    """General text never trained on, in the domain's languages: what forgetting is measured on (less
    the documents that choose model.keep_share, adapt/evaluate/keep.py: never both)."""
    return general_split(run, config)[0][:limit]


def _device() -> torch.device:
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _load_base(config: RunConfig, overrides: dict | None = None):
    return load_for_inference(config.model.base, config.model.precision, config.model.attn_implementation,
                              config.model.trust_remote_code, overrides)


def _trained_models(run: RunDir, compare_cpt: bool) -> list[tuple[str, Path]]:
    outputs = run.status().get("outputs") or {}
    keys = [key for key in ("cpt", "sft") if key in outputs]
    if not compare_cpt and len(keys) > 1:
        keys = keys[-1:]  # the final model only
    return [(key, run.path / outputs[key]) for key in keys]


# ---- precheck --------------------------------------------------------------------------------

def precheck_run(run: RunDir, config: RunConfig) -> dict:
    documents = read_jsonl(run.documents_path)
    random.Random(config.seed).shuffle(documents)
    domain_texts = [d["text"] for d in documents[: config.eval.max_docs]]
    general = general_texts(run, config, config.eval.max_general_docs)
    tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
    base_cache = BaseCache(resolve_model(config.model.base), pick_dtype(config.model.precision), _device())
    length = config.eval.context_length
    loaded = []

    def base_perplexity(texts: list[str]):
        sequences = text_windows(tokenizer, texts, length)

        def compute():
            if not loaded:
                loaded.append(_load_base(config))
            return token_losses(loaded[0], sequences, config.eval.batch_size)

        return summarize_losses(base_cache.losses(sequences, compute), len(texts))

    domain_ppl = base_perplexity(domain_texts)
    general_ppl = base_perplexity(general) if general else None
    loaded.clear()
    gc.collect()
    similarity = None
    if general:
        chunks = [c["text"] for c in read_jsonl(run.chunks_path)]
        general_chunks = [p for text in general for p in text.split("\n\n") if len(p) > 40] or general
        similarity = corpus_similarity(chunks, general_chunks, seed=config.seed)
    result = verdict(similarity, domain_ppl.perplexity, general_ppl.perplexity if general_ppl else None)
    fit = language_fit(tokenizer, documents, config.model.base)
    if fit["warning"]:
        result.update(warning=True, message=fit["message"] + ". " + result["message"])
    result["language_fit"] = fit["languages"]
    result["similarity"] = similarity
    result["perplexity"] = {"domain": domain_ppl.as_dict(), "general": general_ppl.as_dict() if general_ppl else None}
    report = read_json(run.report_path, default={}) or {}
    report["precheck"] = result
    write_json_atomic(run.report_path, report)
    return result


# ---- eval ------------------------------------------------------------------------------------

def evaluate_run(run: RunDir, config: RunConfig, progress: Progress | None = None) -> dict:
    step = progress or (lambda what: None)
    kept = choose_and_apply(run, config, step)  # before anything is measured: the report is of the kept model
    ev = config.eval
    tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
    domain = heldout_texts(run, ev.max_docs)
    general = general_texts(run, config, ev.max_general_docs)
    questions = load_questions(run.data_dir, ev.qa_file, ev.qa_file_mode, ev.max_questions,
                                       left_out_ids(run.data_dir)) if ev.qa else {}
    domain_sequences = text_windows(tokenizer, domain, ev.context_length) if domain else []
    common = general_check.load(domain_languages(run.data_dir), ev.general_questions)
    common_answers: dict[str, list[str]] = {}

    previous = read_json(run.report_path, default={}) or {}
    report: dict = {"created_at": now_iso(), "models": ["base"], "precheck": previous.get("precheck"), "keep_share": kept,
                    "perplexity": {"heldout_domain": {} if domain else None, "general": {} if general else None}}
    if not domain:
        report["perplexity"]["note"] = "no held-out documents (data.heldout_fraction is 0 or one document)"
    answers: dict[str, dict[str, list[str]]] = {}
    base_losses = final_losses = None

    general_sequences = text_windows(tokenizer, general, ev.context_length) if general else []
    base_cache = BaseCache(resolve_model(config.model.base), pick_dtype(config.model.precision), _device())

    def losses_of(label: str, model, sequences: list[list[int]]):
        compute = lambda: token_losses(model, sequences, ev.batch_size)  # noqa: E731
        return base_cache.losses(sequences, compute) if label == "base" else compute()

    def measure(label: str, model) -> None:
        nonlocal base_losses, final_losses
        step(f"{label}: perplexity")
        if domain:
            losses = losses_of(label, model, domain_sequences)
            report["perplexity"]["heldout_domain"][label] = summarize_losses(losses, len(domain)).as_dict()
            if label == "base":
                base_losses = losses
            else:
                final_losses = losses
        if general:
            report["perplexity"]["general"][label] = summarize_losses(
                losses_of(label, model, general_sequences), len(general)).as_dict()
        for split, items in questions.items():
            if items:
                step(f"{label}: {split} questions")
                compute = lambda: qa_eval.answer(model, tokenizer, items, ev.max_answer_tokens,  # noqa: E731
                                                 ev.generation_batch_size)
                answers.setdefault(split, {})[label] = (
                    base_cache.answers([qa_prompt(q) for q in items], {"max_new_tokens": ev.max_answer_tokens},
                                       compute) if label == "base" else compute())
        # A model that answered none of them had nothing to forget: the adapted ones are not asked
        # (an English-only base on the Japanese set, say).
        if common and (label == "base" or general_check.any_right(common, common_answers["base"])):
            step(f"{label}: general questions")
            compute = lambda: general_check.answer(model, tokenizer, common, ev.max_answer_tokens,  # noqa: E731
                                                   ev.generation_batch_size)
            common_answers[label] = (
                base_cache.answers([qa_prompt(q) for q in common],
                                   {"max_new_tokens": min(ev.max_answer_tokens, general_check.ANSWER_TOKENS)},
                                   compute) if label == "base" else compute())

    base = _load_base(config)
    measure("base", base)
    retrieval = _retrieval_answers(run, config, base, tokenizer, questions, step)
    overrides = rope_overrides(config.model.base, config.model.rope_target_length, config.model.trust_remote_code)
    if overrides and config.model.method == "lora":
        del base
        base = _load_base(config, overrides)  # trained adapters expect the stretched RoPE
    for label, path in _trained_models(run, ev.compare_cpt):
        if config.model.method == "lora":
            from peft import PeftModel

            model = PeftModel.from_pretrained(base, str(path)).eval()
            measure(label, model)
            base = model.unload()  # take the adapter off; the next one starts from the base again
        else:
            model = load_for_inference(str(path), config.model.precision,
                                       trust_remote_code=config.model.trust_remote_code, overrides=overrides)
            measure(label, model)
            del model
            gc.collect()
        report["models"].append(label)
    del base
    gc.collect()

    _add_changes(report)
    if ev.token_analysis and base_losses is not None and final_losses is not None:
        step("token analysis")
        report["token_analysis"] = analyze(tokenizer, domain_sequences, base_losses, final_losses)
    if questions:
        step("scoring answers")
        report["qa"], users = _score_questions(run, config, questions, answers, retrieval)
        if users:
            report["user_questions"] = users
    if common:
        report["general_questions"] = general_check.score(common, common_answers)
    _write_outputs(run, report)
    return report


def _retrieval_answers(run, config, base, tokenizer, questions, step) -> dict[str, list[str]] | None:
    chunks = training_chunks(run.data_dir)
    enabled = config.eval.retrieval == "on" or (config.eval.retrieval == "auto" and len(chunks) <= 5000)
    if not enabled or not chunks or not questions.get("heldout"):
        return None
    step("base + retrieval: held-out questions")
    retriever = Retriever(chunks)
    contexts = retriever.contexts(questions["heldout"], config.eval.retrieval_top_k)
    return {"heldout": qa_eval.answer(base, tokenizer, questions["heldout"], config.eval.max_answer_tokens,
                                      config.eval.batch_size, contexts=contexts)}


def _add_changes(report: dict) -> None:
    for name in ("heldout_domain", "general"):
        values = report["perplexity"].get(name)
        if not values or "base" not in values:
            continue
        base = values["base"]["perplexity"]
        for label, entry in values.items():
            if label != "base":
                entry["change_pct"] = round(100.0 * (entry["perplexity"] - base) / base, 2)
    general = report["perplexity"].get("general") or {}
    final = report["models"][-1]
    if final != "base" and final in general:
        report["forgetting"] = {"model": final, "general_perplexity_change_pct": general[final]["change_pct"]}


def _score_questions(run, config, questions, answers, retrieval) -> tuple[dict, dict]:
    judge = _judge(config) if config.eval.judge else None
    documents = {d["id"]: d["text"] for d in read_jsonl(run.documents_path)}
    result: dict = {}
    users: dict = {}  # the user's own questions (eval.qa_file), scored apart: a number of theirs, not ours
    examples = []
    for split, items in questions.items():
        if not items:
            continue
        by_model = dict(answers.get(split, {}))
        if retrieval and split in retrieval:
            by_model["retrieval"] = retrieval[split]
        for origin, scores in (("synthetic", result), ("user", users)):
            rows = [i for i, item in enumerate(items) if item.get("origin", "synthetic") == origin]
            if not rows:
                continue
            scores[split] = {}
            for label, texts in by_model.items():
                asked, said = [items[i] for i in rows], [texts[i] for i in rows]
                judgements = None
                if judge is not None:
                    prompts = [qa_eval.judge_prompt(q, a, documents.get(q.get("doc_id"), "")) for q, a in zip(asked, said)]
                    judgements = [qa_eval.parse_judgement(r) for r in judge.complete(prompts, seed=config.seed)]
                scores[split][label] = qa_eval.score(asked, said, judgements)
        for i, item in enumerate(items):
            if i >= 200 and item.get("origin") != "user":
                continue  # the user's own questions are all kept: the Evaluate tab shows them first
            examples.append({"split": split, "question": item["question"], "reference": item["answer"],
                             "answer_key": item["answer_key"], "origin": item.get("origin", "synthetic"),
                             "doc_id": item.get("doc_id"),
                             **{f"answer_{label}": texts[i] for label, texts in by_model.items()}})
    write_jsonl_atomic(run.answers_path, examples)
    if judge is None and config.eval.judge:
        result["note"] = "LLM judge needs augment.backend local or endpoint"
    return result, users


def _judge(config: RunConfig):
    if config.augment.backend == "rules":
        log.warning("eval: eval.judge needs an LLM (augment.backend local or endpoint); skipping the judge")
        return None
    judge_config = config.model_copy(update={"augment": config.augment.model_copy(
        update={"temperature": 0.0, "max_new_tokens": 4})})
    return llm_backend(judge_config, None, config.model.trust_remote_code)


def _write_outputs(run: RunDir, report: dict) -> None:
    plots = {}
    for name, plotter in (("perplexity", plot_perplexity), ("tokens", plot_tokens), ("qa", plot_qa)):
        path = plotter(report, run.path / f"report_{name}.png")
        if path:
            plots[name] = path.name
            # The UI shows the plot in its language: report_qa.ja.png beside report_qa.png.
            for lang in plot_languages()[1:]:
                plotter(report, run.path / localized_plot_name(path.name, lang), lang)
    report["plots"] = plots
    report["summary"] = run.report_markdown_path.name
    write_text_atomic(run.report_markdown_path, markdown(report))
    write_json_atomic(run.report_path, report)
