"""The eval stage: held-out domain perplexity of the base model, after CPT and after SFT.

One base model stays in memory; with LoRA the CPT and final adapters are attached to it and
switched, so the base figure really is the base.
"""

from __future__ import annotations

import gc
import logging

from adapt.config import RunConfig
from adapt.evaluate.perplexity import perplexity
from adapt.fileio import read_json, read_jsonl, write_json_atomic
from adapt.models import load_model, load_tokenizer, pick_dtype, rope_overrides
from adapt.rundir import RunDir, now_iso

log = logging.getLogger("adapt")


def heldout_texts(run: RunDir, limit: int) -> list[str]:
    heldout = set((read_json(run.data_dir / "split.json", default={}) or {}).get("heldout", []))
    return [d["text"] for d in read_jsonl(run.data_dir / "documents.jsonl") if d["id"] in heldout][:limit]


def _models_to_compare(run: RunDir) -> list[tuple[str, str]]:
    """(label, output key) for every trained stage whose weights are on disk."""
    outputs = run.status().get("outputs") or {}
    return [(label, key) for label, key in (("cpt", "cpt"), ("sft", "sft")) if key in outputs]


def evaluate_run(run: RunDir, config: RunConfig) -> dict:
    texts = heldout_texts(run, config.eval.max_docs)
    report = read_json(run.report_path, default={}) or {}
    report.setdefault("created_at", now_iso())
    if not texts:
        log.warning("eval: no held-out documents (data.heldout_fraction is 0 or the corpus has one document)")
        report["perplexity"] = {"heldout_domain": None, "note": "no held-out documents"}
        write_json_atomic(run.report_path, report)
        return report

    tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
    dtype = pick_dtype(config.model.precision)
    figures: dict[str, dict] = {}
    kwargs = {"dtype": dtype, "attn": config.model.attn_implementation,
              "trust_remote_code": config.model.trust_remote_code}
    base = load_model(config.model.base, **kwargs)
    if _cuda():
        base.to("cuda")
    figures["base"] = perplexity(base, tokenizer, texts, config.eval.context_length).as_dict()
    overrides = rope_overrides(config.model.base, config.model.rope_target_length, config.model.trust_remote_code)
    if overrides:
        # Trained weights expect the stretched RoPE; the base figure above keeps the original one.
        kwargs["overrides"] = overrides
        if config.model.method == "lora":
            del base
            base = load_model(config.model.base, **kwargs)
            if _cuda():
                base.to("cuda")
    log.info("eval: base perplexity on %d held-out documents = %.3f", len(texts), figures["base"]["perplexity"])
    for label, key in _models_to_compare(run):
        path = run.output_path(key)
        if config.model.method == "lora":
            from peft import PeftModel

            model = PeftModel.from_pretrained(base, str(path))
            figures[label] = perplexity(model, tokenizer, texts, config.eval.context_length).as_dict()
            base = model.unload()  # take the adapter off again; the next one starts from the base
        else:
            model = load_model(str(path), **kwargs)
            if _cuda():
                model.to("cuda")
            figures[label] = perplexity(model, tokenizer, texts, config.eval.context_length).as_dict()
            del model
            gc.collect()
        log.info("eval: %s perplexity = %.3f", label, figures[label]["perplexity"])
    base_ppl = figures["base"]["perplexity"]
    for label, values in figures.items():
        if label != "base":
            values["change_pct"] = round(100.0 * (values["perplexity"] - base_ppl) / base_ppl, 2)
    report["perplexity"] = {"heldout_domain": figures}
    write_json_atomic(run.report_path, report)
    return report


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()
