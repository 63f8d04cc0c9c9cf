"""The two training stages: continued pretraining, then instruction tuning from its weights.

With LoRA, SFT keeps training the adapter that CPT produced, so the result is one adapter on the
unchanged base model (the Arena can switch it on and off). With full fine-tuning, SFT starts from
the CPT model directory.
"""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path

import torch

from adapt.config import RunConfig, TrainSection
from adapt.fileio import write_json_atomic
from adapt.mix import build_cpt_mixture, build_sft_conversations
from adapt.models import document_boundary_id, load_model, native_context_length, pick_dtype, rope_overrides
from adapt.rundir import RunDir
from adapt.data.conversations import ChatDataError
from adapt.train.chat_data import encode_conversation, has_chat_template
from adapt.train.packing import PackedSet, pack_documents, pack_examples
from adapt.resources import (TrainingResourceError, disk_full_message, is_disk_full, is_out_of_memory,
                                    out_of_memory_message)
from adapt.train.frozen_prefix import block_list
from adapt.train.runner import StageResult, last_complete_checkpoint, remove_incomplete_checkpoints, run_stage

log = logging.getLogger("adapt")


class StageInputError(ValueError):
    """Training input that cannot work; the message says what to change."""


# ---- data ------------------------------------------------------------------------------------

def prepare_cpt_data(run: RunDir, config: RunConfig, tokenizer) -> PackedSet:
    folder = run.data_dir / "cpt"
    cached = PackedSet.load(folder)
    if cached is not None:
        return cached
    if document_boundary_id(tokenizer) is None:
        raise StageInputError("the tokenizer has no end-of-text token, so documents cannot be separated for packing")
    mixture = build_cpt_mixture(run.data_dir, config, tokenizer)
    if not mixture.sequences:
        raise StageInputError("nothing to pretrain on: no training documents (after the held-out split) and no "
                              "synthetic data; add documents or enable mix.include_raw")
    report = mixture.report(config.mix.replay_ratio)
    write_json_atomic(run.mixture_path, report)
    log.info("cpt mixture: %s tokens = %s", f"{report['total_tokens']:,}", " + ".join(
        f"{source} {tokens:,} ({100 * report['share'][source]:.1f}%)" for source, tokens in report["tokens"].items()))
    packed = pack_documents(mixture.sequences, config.cpt.context_length, document_boundary_id(tokenizer),
                            tokenizer.pad_token_id)
    packed.save(folder, {"stage": "cpt", "sequences": len(mixture.sequences),
                         "context_length": config.cpt.context_length})
    log.info("cpt data: %d sequences -> %d rows of %d tokens (%d real tokens)",
             len(mixture.sequences), packed.rows, config.cpt.context_length, packed.real_tokens)
    return packed


def prepare_sft_data(run: RunDir, config: RunConfig, tokenizer) -> PackedSet | None:
    folder = run.data_dir / "sft"
    cached = PackedSet.load(folder)
    if cached is not None:
        return cached
    try:
        conversations, report = build_sft_conversations(run.data_dir, config)
    except ChatDataError as err:
        raise StageInputError(str(err)) from None
    if not conversations:
        return None
    if not has_chat_template(tokenizer):
        raise StageInputError(
            f"model '{config.model.base}' has no chat template, so instruction data cannot be formatted; "
            "use a chat/instruct model or disable sft"
        )
    examples, skipped = [], dict(report["skipped"])
    for messages in conversations:
        try:
            examples.append(encode_conversation(tokenizer, messages))
        except (ChatDataError, ValueError) as err:
            reason = f"cannot render: {err}"
            skipped[reason] = skipped.get(reason, 0) + 1
    for reason, count in skipped.items():
        log.warning("sft data: skipped %d conversation(s): %s", count, reason)
    if not examples:
        raise StageInputError(f"no usable conversations for instruction tuning (skipped: {skipped})")
    packed = pack_examples(examples, config.sft.context_length, tokenizer.pad_token_id)
    if packed.rows == 0:
        # Cut to the context, every conversation kept its prompt and lost its whole answer.
        shortest = min(len(ids) for ids, _ in examples)
        raise StageInputError(f"sft: none of the {len(examples)} conversations fits sft.context_length "
                              f"({config.sft.context_length} tokens): each loses its whole answer when cut (the "
                              f"shortest is {shortest} tokens); raise sft.context_length")
    if packed.truncated:
        log.warning("sft data: %d conversation(s) longer than sft.context_length=%d were truncated",
                    packed.truncated, config.sft.context_length)
    report.update(skipped=skipped, used=len(examples), target_tokens=packed.target_tokens)
    write_json_atomic(run.sft_mixture_path, report)
    packed.save(folder, {"stage": "sft", "conversations": len(examples), "context_length": config.sft.context_length})
    log.info("sft data (%s): %s -> %d rows (%d target tokens)", config.sft.variant,
             ", ".join(f"{k} {v}" for k, v in report["conversations"].items()), packed.rows, packed.target_tokens)
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


def check_context_length(config: RunConfig, stage: str, length: int) -> None:
    native = native_context_length(config.model.base, config.model.trust_remote_code)
    limit = max(native or 0, config.model.rope_target_length or 0)
    if native and length > limit:
        raise StageInputError(
            f"{stage}.context_length={length} is longer than the model's {native} tokens; lower it, or set "
            f"model.rope_target_length: {length} to extend the context by RoPE theta scaling"
        )


def transformer_blocks(model) -> torch.nn.ModuleList:
    found = block_list(model)
    if found is None:
        raise StageInputError("model.train_layers: this model has no list of transformer blocks to choose from")
    return found[2]


def freeze_below(model, top: int) -> None:
    """Train only the top `top` blocks and the final norm: nothing below them needs a gradient, so
    back-propagation stops at the lowest trained block."""
    blocks = transformer_blocks(model)
    if top > len(blocks):
        raise StageInputError(f"model.train_layers={top}, but the model has {len(blocks)} transformer blocks; "
                              f"give at most {len(blocks)}")
    for parameter in model.parameters():
        parameter.requires_grad = False
    trained = list(blocks[len(blocks) - top:])
    norm = getattr(getattr(model, "model", model), "norm", None)
    for module in trained + ([norm] if isinstance(norm, torch.nn.Module) else []):
        for parameter in module.parameters():
            parameter.requires_grad = True
    log.info("training the top %d of %d transformer blocks (%s of %s parameters)", top, len(blocks),
             f"{sum(p.numel() for p in model.parameters() if p.requires_grad):,}",
             f"{sum(p.numel() for p in model.parameters()):,}")


def reusable_frozen_blocks(config: RunConfig, model) -> int:
    """How many blocks sit frozen below the trained ones, when their output is to be reused."""
    if config.model.method != "full" or not config.model.train_layers or not config.model.reuse_frozen_blocks or \
            config.model.compile:  # the reuse feeds a cut-down block list, which a compiled graph does not know
        return 0
    return len(transformer_blocks(model)) - config.model.train_layers


def trainable_model(config: RunConfig, start_from: Path | None):
    """The model a stage trains: fresh LoRA on the base, the previous stage's adapter or model."""
    compute = pick_dtype(config.model.precision)
    # Full fine-tuning keeps fp32 master weights (mixed precision does the bf16 math); a frozen
    # LoRA base can sit in the compute dtype and halve its memory.
    weights_dtype = compute if config.model.method == "lora" else torch.float32
    base_kw = {"dtype": weights_dtype, "attn": config.model.attn_implementation,
               "trust_remote_code": config.model.trust_remote_code,
               "overrides": rope_overrides(config.model.base, config.model.rope_target_length,
                                           config.model.trust_remote_code)}
    if config.model.method == "full":
        model = load_model(str(start_from) if start_from else config.model.base, **base_kw)
        if config.model.train_layers:
            freeze_below(model, config.model.train_layers)
        return model, compute
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
    check_context_length(config, stage, section.context_length)
    # A micro-batch shrunk after an OOM stays shrunk when the run is resumed.
    shrunk = (run.status().get("stages", {}).get(stage) or {}).get("micro_batch")
    if shrunk and shrunk["micro_batch_size"] < section.micro_batch_size:
        section = section.model_copy(update=shrunk)
    while True:
        model, compute = trainable_model(config, start_from)
        if config.model.method == "lora":
            trainable, total = model.get_nb_trainable_parameters()
            log.info("%s: LoRA r=%d on %s, %s trainable of %s parameters", stage, config.model.lora.r,
                     config.model.lora.target_modules, f"{trainable:,}", f"{total:,}")
        try:
            return run_stage(run=run, stage=stage, model=model, packed=packed, section=section, seed=config.seed,
                             compute_dtype=compute, out_dir=out_dir, tokenizer=tokenizer, show_bar=show_bar,
                             frozen_blocks=reusable_frozen_blocks(config, model),
                             fused_kernels=config.model.fused_kernels, compile_model=config.model.compile)
        except Exception as err:
            checkpoint = last_complete_checkpoint(run.checkpoints_dir(stage))
            if is_disk_full(err, run.path):
                remove_incomplete_checkpoints(run.checkpoints_dir(stage))
                raise TrainingResourceError(disk_full_message(stage, run.path.name, checkpoint)) from err
            if not is_out_of_memory(err):
                raise
            del model
            _free_memory()
            message = out_of_memory_message(stage, section.micro_batch_size, section.context_length,
                                            config.model.method)
            # Retry only where it changes nothing but speed: from the start of the stage (a checkpoint's
            # data position assumes its batch size) and in a single process (ranks must agree).
            if section.micro_batch_size == 1 or checkpoint is not None or int(os.environ.get("WORLD_SIZE", "1")) > 1:
                raise TrainingResourceError(message) from err
            smaller = {"micro_batch_size": section.micro_batch_size // 2, "grad_accum": section.grad_accum * 2}
            log.warning("%s Retrying with micro_batch_size=%d, grad_accum=%d (same effective batch).", message,
                        smaller["micro_batch_size"], smaller["grad_accum"])
            run.append_event({"stage": stage, "event": "oom_retry", **smaller})
            run.set_stage(stage, "running", micro_batch=smaller)
            section = section.model_copy(update=smaller)


def _free_memory() -> None:
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
