"""The two training stages: continued pretraining, then instruction tuning from its weights.

With LoRA, SFT keeps training the adapter that CPT produced, so the result is one adapter on the
unchanged base model (the Arena can switch it on and off). With full fine-tuning, SFT starts from
the CPT model directory.
"""

from __future__ import annotations

import logging
from pathlib import Path

import torch

from adapt.config import RunConfig, TrainSection
from adapt.fileio import read_json, read_jsonl
from adapt.models import load_model, pick_dtype
from adapt.rundir import RunDir
from adapt.train.chat_data import ChatDataError, encode_conversation, has_chat_template, load_conversations
from adapt.train.packing import PackedSet, pack_documents, pack_examples
from adapt.train.runner import StageResult, run_stage

log = logging.getLogger("adapt")


class StageInputError(ValueError):
    """Training input that cannot work; the message says what to change."""


# ---- data ------------------------------------------------------------------------------------

def cpt_training_texts(run: RunDir) -> list[str]:
    split = _read_split(run)
    heldout = set(split.get("heldout", []))
    return [d["text"] for d in read_jsonl(run.data_dir / "documents.jsonl") if d["id"] not in heldout]


def _read_split(run: RunDir) -> dict:
    return read_json(run.data_dir / "split.json", default={}) or {}


def prepare_cpt_data(run: RunDir, config: RunConfig, tokenizer) -> PackedSet:
    folder = run.data_dir / "cpt"
    cached = PackedSet.load(folder)
    if cached is not None:
        return cached
    texts = cpt_training_texts(run)
    if not texts:
        raise StageInputError("no training documents left after the held-out split; add documents")
    if tokenizer.eos_token_id is None:
        raise StageInputError("the tokenizer has no EOS token, so documents cannot be separated for packing")
    encoded = tokenizer(texts, add_special_tokens=False)["input_ids"]
    packed = pack_documents(encoded, config.cpt.context_length, tokenizer.eos_token_id, tokenizer.pad_token_id)
    packed.save(folder, {"stage": "cpt", "documents": len(texts), "context_length": config.cpt.context_length})
    log.info("cpt data: %d documents -> %d rows of %d tokens (%d real tokens)",
             len(texts), packed.rows, config.cpt.context_length, packed.real_tokens)
    return packed


def prepare_sft_data(run: RunDir, config: RunConfig, tokenizer) -> PackedSet | None:
    folder = run.data_dir / "sft"
    cached = PackedSet.load(folder)
    if cached is not None:
        return cached
    if not config.sft.data:
        return None
    if not has_chat_template(tokenizer):
        raise StageInputError(
            f"model '{config.model.base}' has no chat template, so instruction data cannot be formatted; "
            "use a chat/instruct model or disable sft"
        )
    try:
        loaded = load_conversations(config.sft.data)
    except ChatDataError as err:
        raise StageInputError(str(err)) from None
    examples, skipped = [], dict(loaded.skipped)
    for messages in loaded.conversations:
        try:
            examples.append(encode_conversation(tokenizer, messages))
        except (ChatDataError, ValueError) as err:
            reason = f"cannot render: {err}"
            skipped[reason] = skipped.get(reason, 0) + 1
    for reason, count in skipped.items():
        log.warning("sft data: skipped %d conversation(s): %s", count, reason)
    if not examples:
        raise StageInputError(f"no usable conversations in {', '.join(loaded.files)} (skipped: {skipped})")
    packed = pack_examples(examples, config.sft.context_length, tokenizer.pad_token_id)
    if packed.truncated:
        log.warning("sft data: %d conversation(s) longer than sft.context_length=%d were truncated",
                    packed.truncated, config.sft.context_length)
    packed.save(folder, {"stage": "sft", "conversations": len(examples), "skipped": skipped,
                         "context_length": config.sft.context_length})
    log.info("sft data: %d conversations -> %d rows (%d target tokens)",
             len(examples), packed.rows, packed.target_tokens)
    return packed


# ---- models ----------------------------------------------------------------------------------

def _lora_config(config: RunConfig):
    from peft import LoraConfig

    lora = config.model.lora
    return LoraConfig(
        r=lora.r,
        lora_alpha=lora.alpha,
        lora_dropout=lora.dropout,
        target_modules=lora.target_modules,
        task_type="CAUSAL_LM",
    )


def trainable_model(config: RunConfig, start_from: Path | None):
    """The model a stage trains: fresh LoRA on the base, the previous stage's adapter or model."""
    compute = pick_dtype(config.model.precision)
    # Full fine-tuning keeps fp32 master weights (mixed precision does the bf16 math); a frozen
    # LoRA base can sit in the compute dtype and halve its memory.
    weights_dtype = compute if config.model.method == "lora" else torch.float32
    base_kw = {"dtype": weights_dtype, "attn": config.model.attn_implementation,
               "trust_remote_code": config.model.trust_remote_code}
    if config.model.method == "full":
        return load_model(str(start_from) if start_from else config.model.base, **base_kw), compute
    from peft import PeftModel, get_peft_model

    base = load_model(config.model.base, **base_kw)
    if start_from is not None:
        model = PeftModel.from_pretrained(base, str(start_from), is_trainable=True)
    else:
        model = get_peft_model(base, _lora_config(config))
    return model, compute


def train(run: RunDir, config: RunConfig, stage: str, section: TrainSection, packed: PackedSet,
          start_from: Path | None, tokenizer, out_dir: Path, show_bar: bool = True) -> StageResult:
    if packed.rows == 0:
        raise StageInputError(f"{stage}: nothing to train on")
    model, compute = trainable_model(config, start_from)
    if config.model.method == "lora":
        trainable, total = model.get_nb_trainable_parameters()
        log.info("%s: LoRA r=%d on %s, %s trainable of %s parameters", stage, config.model.lora.r,
                 config.model.lora.target_modules, f"{trainable:,}", f"{total:,}")
    return run_stage(run=run, stage=stage, model=model, packed=packed, section=section, seed=config.seed,
                     compute_dtype=compute, out_dir=out_dir, tokenizer=tokenizer, show_bar=show_bar)
