"""How much of the training the final model keeps, chosen after training on data it never saw.

Training that stores a corpus's facts also moves what the model knew (README: general-text perplexity
+40-55% after the Knowledge-injection preset). Blending the weights back toward the base
(adapt.blend) gives much of that back for a smaller loss of what was learned. With model.keep_share
empty, each candidate share is measured on a validation split that the report never uses: general
text past the documents eval measures forgetting on, and a sample of the trained questions (recall of
what was taught). The largest share whose general perplexity rises at most eval.max_forgetting_pct is
kept (measured from the largest down, stopping at the first within); where none is, the smallest. The final model's weights are replaced by the blend
once (keep_share.json records it, so a re-evaluation does not blend twice) and the measured points go
to the report: the frontier a person can pick another point on (bench/blend_frontier.py measures it
on the report's own questions).
"""

from __future__ import annotations

import gc
import logging
import random
from pathlib import Path

from adapt.blend import ADAPTER_WEIGHTS, KEEP_RECORD, MODEL_WEIGHTS, blended_tensors, scaled_adapter
from adapt.config import RunConfig
from adapt.data.general import domain_languages, general_documents
from adapt.data.store import augment_dir
from adapt.evaluate import qa as qa_eval
from adapt.evaluate.perplexity import perplexity
from adapt.fileio import read_json, read_jsonl, write_json_atomic
from adapt.models import load_for_inference, load_tokenizer, resolve_model
from adapt.rundir import RunDir

log = logging.getLogger("adapt")

CANDIDATES = (1.0, 0.8, 0.6, 0.4)  # measured largest first; the first within the budget is kept
VALIDATION_DOCS = 4
VALIDATION_QUESTIONS = 16


def general_split(run: RunDir, config: RunConfig) -> tuple[list[str], list[str]]:
    """General text never trained on, in the domain's languages, in two parts that never overlap: what
    eval measures forgetting on, and (only where model.keep_share is to be chosen) the last few
    documents, a third at most, that choose it."""
    paths = config.eval.general_paths or config.mix.replay_paths
    if not paths:
        return [], []
    documents = [d.text for d in general_documents(paths, domain_languages(run.data_dir))]
    random.Random(config.seed).shuffle(documents)
    held = min(VALIDATION_DOCS, len(documents) // 3) if config.model.keep_share is None else 0
    return documents[: len(documents) - held], documents[len(documents) - held:]


def validation_questions(run: RunDir, config: RunConfig) -> list[dict]:
    """Trained questions a person could be asked, a fixed sample: recall of what the training taught."""
    pairs = [{**p, "answer_key": p.get("answer_key") or p["answer"]}
             for p in read_jsonl(augment_dir(run.data_dir) / "qa_train.jsonl") if p.get("askable", True)]
    random.Random(config.seed).shuffle(pairs)
    return pairs[:VALIDATION_QUESTIONS]


def _measure(model, tokenizer, texts, questions, config) -> tuple[float | None, float | None]:
    ppl = perplexity(model, tokenizer, texts, config.eval.context_length).perplexity if texts else None
    recall = None
    if questions:
        answers = qa_eval.answer(model, tokenizer, questions, config.eval.max_answer_tokens,
                                 config.eval.generation_batch_size)
        recall = sum(qa_eval.fact_match(a, q["answer_key"]) for q, a in zip(questions, answers)) / len(questions)
    return ppl, recall


def choose_and_apply(run: RunDir, config: RunConfig, step=lambda what: None) -> dict | None:
    """Blend the final model to model.keep_share, or to the share chosen on the validation split when
    it is empty; return what was done (None: the model keeps all of its training)."""
    import torch
    from safetensors.torch import load_file, save_file

    record_path = run.path / KEEP_RECORD
    done = read_json(record_path, default=None)
    if isinstance(done, dict) and done.get("applied"):
        return done  # the final weights already hold the blend
    final = run.output_path("final")
    fixed = config.model.keep_share
    if final is None or fixed == 1.0:
        return None
    texts = general_split(run, config)[1] if fixed is None else []
    if fixed is None and not texts:
        log.warning("keep share: no general text to choose it on (eval.general_paths, mix.replay_paths); the model "
                    "keeps all of its training")
        fixed = 1.0
    lora = (final / ADAPTER_WEIGHTS).is_file()
    weights_file = final / (ADAPTER_WEIGHTS if lora else MODEL_WEIGHTS)
    if not weights_file.is_file():
        log.info("keep share: %s has no single weights file; the model keeps all of its training", final)
        return None
    trained = load_file(str(weights_file))
    base_file = Path(resolve_model(config.model.base)) / MODEL_WEIGHTS
    base_state = None if lora else (load_file(str(base_file)) if base_file.is_file() else None)
    if not lora and base_state is None:
        log.info("keep share: the base model has no single %s; the model keeps all of its training", MODEL_WEIGHTS)
        return None

    def blended(share: float) -> dict:
        return scaled_adapter(trained, share) if lora else blended_tensors(base_state, trained, share)

    points = []
    if fixed is None:
        tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
        questions = validation_questions(run, config)
        if lora:
            from peft import PeftModel

            base = load_for_inference(config.model.base, config.model.precision,
                                      trust_remote_code=config.model.trust_remote_code)
            model = PeftModel.from_pretrained(base, str(final)).eval()
        else:
            model = load_for_inference(str(final), config.model.precision,
                                       trust_remote_code=config.model.trust_remote_code)
            base = None
        names = dict(model.named_parameters())
        step("keep share: base")
        with torch.no_grad():
            base_ppl = None
            if texts:
                if lora:
                    with model.disable_adapter():
                        base_ppl = perplexity(model, tokenizer, texts, config.eval.context_length).perplexity
                else:
                    reference = blended_tensors(base_state, trained, 0.0)
                    model.load_state_dict(reference, strict=False)
                    base_ppl = perplexity(model, tokenizer, texts, config.eval.context_length).perplexity
            for share in CANDIDATES:
                step(f"keep share: {share:.0%} of the training")
                state = blended(share)
                if lora:
                    for name, tensor in state.items():
                        target = names.get(name.replace(".lora_B.weight", ".lora_B.default.weight").replace(
                            ".lora_A.weight", ".lora_A.default.weight"))
                        if target is not None:
                            target.copy_(tensor.to(target.dtype))
                else:
                    model.load_state_dict(state, strict=False)
                ppl, recall = _measure(model, tokenizer, texts, questions, config)
                change = 100 * (ppl / base_ppl - 1) if ppl is not None and base_ppl else None
                points.append({"share": share, "general_perplexity_change_pct": change, "trained_recall": recall})
                if change is not None and change <= config.eval.max_forgetting_pct:
                    break  # the largest share within the budget: smaller ones would only know less
        del model, base
        gc.collect()
        within = [p for p in points if p["general_perplexity_change_pct"] is not None
                  and p["general_perplexity_change_pct"] <= config.eval.max_forgetting_pct]
        share = max(within, key=lambda p: p["share"])["share"] if within else min(CANDIDATES)
    else:
        share = fixed
    record = {"share": share, "chosen": config.model.keep_share is None and bool(points), "max_forgetting_pct": config.eval.max_forgetting_pct,
              "points": points, "validation": {"general_documents": VALIDATION_DOCS,
                                               "trained_questions": VALIDATION_QUESTIONS}}
    if share < 1.0:
        partial = weights_file.with_suffix(".partial")
        save_file(blended(share), str(partial), metadata={"format": "pt"})
        partial.replace(weights_file)  # one rename: the folder holds the old weights or the new, never half
    record["applied"] = True
    write_json_atomic(record_path, record)
    log.info("keep share: the final model keeps %.0f%% of its training%s", 100 * share,
             f" (chosen: general perplexity within +{config.eval.max_forgetting_pct:g}% on validation text)"
             if fixed is None else "")
    return record
