"""One training stage on a packed dataset with the transformers Trainer.

The Trainer brings what we would otherwise rewrite: gradient accumulation, warmup + cosine,
mixed precision, resumable checkpoints (weights, optimizer, scheduler, RNG, data position), and
DDP/FSDP under `accelerate launch`.
"""

from __future__ import annotations

import json
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

import torch
from transformers import PrinterCallback, Trainer, TrainingArguments, default_data_collator

from adapt.config import TrainSection
from adapt.fileio import write_json_atomic
from adapt.rundir import RunDir
from adapt.train.callbacks import ProgressReporter, StopFlag, StopOnSignal
from adapt.train.frozen_prefix import FrozenPrefixCache, FrozenPrefixTrainer
from adapt.train.packing import PackedDataset, PackedSet
from adapt.resources import available_ram_bytes, keep_freed_memory

log = logging.getLogger("adapt")


@dataclass
class StageResult:
    stopped: bool
    global_step: int
    max_steps: int
    final_loss: float | None


def _is_complete(checkpoint: Path) -> bool:
    """The Trainer writes trainer_state.json last: a checkpoint without a readable one was cut off."""
    try:
        json.loads((checkpoint / "trainer_state.json").read_text(encoding="utf-8"))
        return True
    except (OSError, json.JSONDecodeError):
        return False


def _checkpoints(folder: Path) -> list[tuple[int, Path]]:
    if not folder.is_dir():
        return []
    return sorted((int(child.name[11:]), child) for child in folder.iterdir()
                  if child.is_dir() and child.name.startswith("checkpoint-") and child.name[11:].isdigit())


def last_complete_checkpoint(folder: Path) -> Path | None:
    """Newest checkpoint whose trainer_state.json (written last by the Trainer) is readable."""
    for _, child in reversed(_checkpoints(folder)):
        if _is_complete(child):
            return child
        log.warning("ignoring incomplete checkpoint %s (interrupted while saving)", child.name)
    return None


def remove_incomplete_checkpoints(folder: Path) -> None:
    """Delete checkpoints cut off while saving (e.g. by a full disk), giving back the space they hold."""
    for _, child in _checkpoints(folder):
        if not _is_complete(child):
            shutil.rmtree(child, ignore_errors=True)


def mixed_precision(dtype: torch.dtype) -> dict:
    if not torch.cuda.is_available():
        return {}
    return {"bf16": dtype == torch.bfloat16, "fp16": dtype == torch.float16}


def run_stage(
    *,
    run: RunDir,
    stage: str,
    model,
    packed: PackedSet,
    section: TrainSection,
    seed: int,
    compute_dtype: torch.dtype,
    out_dir: Path,
    tokenizer,
    show_bar: bool = True,
    frozen_blocks: int = 0,
    fused_kernels: bool = False,
    compile_model: bool = False,
) -> StageResult:
    """`frozen_blocks`: the model trains only the blocks above this many, whose output is kept per row
    and reused from the second epoch on (adapt/train/frozen_prefix.py); 0: every block runs every step.
    `fused_kernels` and `compile_model`: model.fused_kernels and model.compile, through the Trainer's own
    switches (Liger kernels, torch.compile)."""
    checkpoints = run.checkpoints_dir(stage)
    if not torch.cuda.is_available():
        keep_freed_memory()
    if compile_model:
        log.info("%s: compiling the model with torch.compile (the first steps wait for it)", stage)
    args = TrainingArguments(
        output_dir=str(checkpoints),
        per_device_train_batch_size=section.micro_batch_size,
        gradient_accumulation_steps=section.grad_accum,
        num_train_epochs=section.epochs,
        max_steps=section.max_steps or -1,
        learning_rate=section.learning_rate,
        lr_scheduler_type=section.lr_scheduler,
        warmup_steps=section.warmup_ratio,
        weight_decay=section.weight_decay,
        max_grad_norm=section.max_grad_norm,
        activation_checkpointing=section.gradient_checkpointing,
        logging_strategy="steps",
        logging_steps=section.log_every_steps,
        save_strategy="steps",
        save_steps=section.save_every_steps,
        save_total_limit=section.keep_checkpoints,
        seed=seed,
        data_seed=seed,
        report_to="none",
        disable_tqdm=True,
        dataloader_num_workers=0,
        remove_unused_columns=False,
        use_cpu=not torch.cuda.is_available(),
        use_liger_kernel=fused_kernels,
        torch_compile=compile_model,
        **mixed_precision(compute_dtype),
    )
    world = max(1, args.world_size)
    tokens_per_row = packed.real_tokens / max(1, packed.rows)
    tokens_per_step = tokens_per_row * section.micro_batch_size * section.grad_accum * world
    common = {"model": model, "args": args, "data_collator": default_data_collator,
              "callbacks": [StopOnSignal(), ProgressReporter(run, stage, tokens_per_step, show_bar=show_bar)]}
    if frozen_blocks:
        # At most a quarter of the memory free now: the cache must never be what runs a machine out.
        cache = FrozenPrefixCache(model, frozen_blocks, packed.rows, packed.input_ids.shape[1],
                                  memory_limit=available_ram_bytes() // 4)
        trainer = FrozenPrefixTrainer(train_dataset=PackedDataset(packed, with_row_index=True),
                                      prefix_cache=cache, **common)
    else:
        trainer = Trainer(train_dataset=PackedDataset(packed), **common)
    trainer.remove_callback(PrinterCallback)  # our ProgressReporter prints; raw log dicts are noise
    resume_from = last_complete_checkpoint(checkpoints)
    if resume_from is not None:
        log.info("%s: resuming from %s", stage, resume_from.name)
    output = trainer.train(resume_from_checkpoint=str(resume_from) if resume_from else None)
    if frozen_blocks:
        log.info("%s: %d row passes started at block %d (the frozen blocks' kept output)", stage,
                 trainer.prefix_cache.reused_rows, frozen_blocks)
    history = [h["loss"] for h in trainer.state.log_history if "loss" in h]
    result = StageResult(
        stopped=StopFlag.requested,
        global_step=trainer.state.global_step,
        max_steps=trainer.state.max_steps,
        final_loss=history[-1] if history else output.training_loss,
    )
    if not result.stopped:
        # The cache is off for training (packed rows need it off); whoever loads the result generates.
        model.config.use_cache = True
        # save_model gathers sharded (FSDP) weights and writes from the main process only.
        trainer.save_model(str(out_dir))
        if trainer.is_world_process_zero():
            tokenizer.save_pretrained(str(out_dir))
            write_json_atomic(out_dir / "training_result.json",
                              {"stage": stage, "steps": result.global_step, "final_loss": result.final_loss})
        trainer.accelerator.wait_for_everyone()
    return result


def clear_checkpoints(run: RunDir, stage: str) -> None:
    """Once a stage's result is saved its resumable checkpoints are dead weight (optimizer state)."""
    shutil.rmtree(run.checkpoints_dir(stage), ignore_errors=True)
