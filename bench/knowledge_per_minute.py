"""Knowledge per CPU-minute: the same documents, augmentation and wall-clock training budget for the
tutorial baseline and for our CPU training path; what each learned in that time.

    python bench/knowledge_per_minute.py [--minutes 10] [--config examples/configs/lumen-isles.yaml]
        [--arm NAME=KEY=VALUE,KEY=VALUE ...] [--probe] [--keep DIR]

The config is prepared once (ingest, augment); every arm trains a copy of that run:
- baseline: full fine-tuning with the plain transformers Trainer, every CPT sequence of the mixture
  cut into pieces of at most cpt.context_length tokens, one piece per row, padded to the longest row
  of its micro-batch (DataCollatorForLanguageModeling), BASELINE_MICRO_BATCH rows per step whatever the
  config says -- what most tutorials write;
- ours: the run as the config says (the CPU preset: packed rows and its training switches);
- any --arm: ours with these config overrides on top (to measure a candidate).
Each arm first times a few optimizer steps, then trains the number of steps that fits the budget
(so its learning-rate schedule ends where its budget does), then is evaluated by the run's own eval
stage: held-out fact match on the config's questions and general-text perplexity against the base.
Real tokens/s counts tokens of text only (no padding) between the first and the last optimizer step.
The last line is `ratio: X` = ours / baseline real tokens/s. `--probe` stops after the timing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CALIBRATION_STEPS = 12  # the first step warms up and is not timed; padded batches vary, so not fewer
NO_CHECKPOINTS = 10**5
# The baseline's micro-batch is the tutorials' and stays put whatever the config tunes for our path:
# padded rows at 4 per step (measured here: 40-41% padding on lumen-isles).
BASELINE_MICRO_BATCH = 4


def _step_rate(events: list[dict], stage: str = "cpt") -> tuple[int, float]:
    """(steps, seconds) between the first and the last logged optimizer step of a stage."""
    steps = [e for e in events if e.get("stage") == stage and "loss" in e]
    return steps[-1]["step"] - steps[0]["step"], steps[-1]["time"] - steps[0]["time"]


def _epoch_step_seconds(events: list[dict], half: int) -> tuple[float, float]:
    """Mean seconds per step in the first epoch (steps 2..half: the first warms up) and the second."""
    at = {e["step"]: e["time"] for e in events if e.get("stage") == "cpt" and "loss" in e}
    last = max(at)
    return (at[half] - at[1]) / (half - 1), (at[last] - at[half]) / (last - half)


def _steps_in(seconds: float, first_epoch: float, later_epochs: float, steps_per_epoch: int | None) -> int:
    """Optimizer steps that fit the budget, the first epoch at its own pace and the later ones at theirs."""
    if steps_per_epoch is None or seconds <= steps_per_epoch * first_epoch:
        return max(1, int(seconds / first_epoch))
    return steps_per_epoch + int((seconds - steps_per_epoch * first_epoch) / later_epochs)


def _keep_rows(run, packed, rows: int) -> None:
    """Cut a run's packed CPT data to its first `rows` rows (for timing two short epochs)."""
    from adapt.train.packing import PackedSet

    folder = run.data_dir / "cpt"
    meta = json.loads((folder / "meta.json").read_text())
    cut = PackedSet(*(np.array(getattr(packed, name)[:rows]) for name in
                      ("input_ids", "position_ids", "loss_mask", "real_mask")))
    (folder / "meta.json").unlink()
    cut.save(folder, meta)


def _save_config(run, config) -> None:
    config.save(run.config_path)


# ---- the baseline: plain Trainer, padded rows ---------------------------------------------------

def _train_baseline(run, config, tokenizer, steps: int, out_dir: Path | None) -> dict:
    import torch
    from transformers import DataCollatorForLanguageModeling, Trainer, TrainingArguments

    from adapt.mix import build_cpt_mixture
    from adapt.models import load_model
    from adapt.train.callbacks import ProgressReporter

    context = config.cpt.context_length
    sequences = build_cpt_mixture(run.data_dir, config, tokenizer).sequences
    rows = [{"input_ids": ids[i:i + context]} for ids in sequences for i in range(0, len(ids), context)]
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
    counted = {"real": 0, "padded": 0}

    def collate(features):
        batch = collator(features)
        counted["real"] += int(batch["attention_mask"].sum())
        counted["padded"] += batch["input_ids"].numel()
        return batch

    section = config.cpt
    with tempfile.TemporaryDirectory() as scratch:
        args = TrainingArguments(output_dir=scratch, per_device_train_batch_size=BASELINE_MICRO_BATCH,
                                 gradient_accumulation_steps=1, max_steps=steps,
                                 learning_rate=section.learning_rate, lr_scheduler_type=section.lr_scheduler,
                                 warmup_steps=section.warmup_ratio, weight_decay=section.weight_decay,
                                 max_grad_norm=section.max_grad_norm, logging_steps=1, save_strategy="no",
                                 report_to="none", disable_tqdm=True, use_cpu=True, dataloader_num_workers=0,
                                 seed=config.seed, data_seed=config.seed)
        model = load_model(config.model.base, dtype=torch.float32)
        trainer = Trainer(model=model, args=args, train_dataset=rows, data_collator=collate,
                          callbacks=[ProgressReporter(run, "cpt", 0.0, show_bar=False)])
        trainer.train()
    if out_dir is not None:
        model.config.use_cache = True
        model.save_pretrained(str(out_dir))
        tokenizer.save_pretrained(str(out_dir))
    return {"real_tokens": counted["real"], "padded_tokens": counted["padded"], "steps": steps}


def _mark_cpt_done(run, out_rel: str, steps: int) -> None:
    run.set_output("cpt", out_rel)
    run.set_output("final", out_rel)
    run.set_stage("cpt", "done", step=steps, total_steps=steps)


# ---- one arm, in its own process ------------------------------------------------------------------

def child(run_path: Path, arm: str, overrides: dict, minutes: float, probe: bool) -> dict:
    from adapt.models import load_tokenizer
    from adapt.pipeline import run_pipeline
    from adapt.rundir import RunDir
    from adapt.train.stages import prepare_cpt_data

    run = RunDir(run_path)
    config = run.load_config().with_overrides({**overrides, "cpt.save_every_steps": NO_CHECKPOINTS})
    tokenizer = load_tokenizer(config.model.base)

    # Timing: a throwaway copy trains CALIBRATION_STEPS steps. Ours trains them as two epochs over the
    # rows of half as many steps, so an arm that reuses work across epochs (model.reuse_frozen_blocks)
    # is timed in both: its first epoch (steps 2..half) and its later ones (the rest).
    trial = RunDir(shutil.copytree(run_path, run_path.with_name(run_path.name + "-timing")))
    timed = config.with_overrides({"cpt.max_steps": CALIBRATION_STEPS})
    _save_config(trial, timed)
    half = CALIBRATION_STEPS // 2
    if arm == "baseline":
        shape = _train_baseline(trial, timed, tokenizer, CALIBRATION_STEPS, None)
        tokens_per_step = shape["real_tokens"] / CALIBRATION_STEPS
        steps, seconds = _step_rate(trial.events())
        first_epoch = later_epochs = seconds / steps
        steps_per_epoch = None
    else:
        packed = prepare_cpt_data(trial, timed, tokenizer)
        rows_per_step = config.cpt.micro_batch_size * config.cpt.grad_accum
        steps_per_epoch = -(-packed.rows // rows_per_step)
        tokens_per_step = packed.real_tokens / packed.rows * rows_per_step
        _keep_rows(trial, packed, half * rows_per_step)
        run_pipeline(trial, show_progress=False, stop_after="cpt")
        first_epoch, later_epochs = _epoch_step_seconds(trial.events(), half)
    shutil.rmtree(trial.path)
    result = {"arm": arm, "overrides": overrides, "step_seconds": first_epoch, "later_step_seconds": later_epochs,
              "tokens_per_s": tokens_per_step / first_epoch}
    if probe:
        result["later_tokens_per_s"] = tokens_per_step / later_epochs
        return result

    budget_steps = _steps_in(minutes * 60, first_epoch, later_epochs, steps_per_epoch)
    # The run trains exactly the budget's steps, with the arm's overrides: the run directory's config is
    # what run_pipeline reads.
    config = config.with_overrides({"cpt.max_steps": budget_steps})
    _save_config(run, config)
    if arm == "baseline":
        shape = _train_baseline(run, config, tokenizer, budget_steps, run.path / "model")
        _mark_cpt_done(run, "model", budget_steps)
        real_tokens = shape["real_tokens"]
        result["padding"] = 1 - shape["real_tokens"] / shape["padded_tokens"]
    else:
        run_pipeline(run, show_progress=False, stop_after="cpt")
        packed = prepare_cpt_data(run, config, tokenizer)
        real_tokens = packed.real_tokens / packed.rows * config.cpt.micro_batch_size * config.cpt.grad_accum \
            * budget_steps
        result["padding"] = 1 - packed.real_tokens / (packed.rows * config.cpt.context_length)
    steps, seconds = _step_rate(run.events())
    result.update(steps=budget_steps, train_seconds=seconds * budget_steps / steps, real_tokens=real_tokens,
                  tokens_per_s=real_tokens / budget_steps * steps / seconds)
    start = time.perf_counter()
    run_pipeline(run, show_progress=False)
    result["eval_seconds"] = time.perf_counter() - start
    report = json.loads(run.report_path.read_text())
    heldout = report["qa"]["heldout"]
    result.update(heldout_base=heldout["base"]["fact_match"], heldout=heldout["cpt"]["fact_match"],
                  questions=heldout["base"]["questions"],
                  general_ppl_change=report["perplexity"]["general"]["cpt"]["change_pct"])
    return result


# ---- the comparison --------------------------------------------------------------------------------

def _parse_arm(text: str) -> tuple[str, dict]:
    name, _, sets = text.partition("=")
    overrides = {}
    for item in filter(None, sets.split(",")):
        key, _, value = item.partition("=")
        overrides[key] = json.loads(value) if value not in ("", "None") else None
    return name, overrides


def _run_child(run: Path, arm: str, overrides: dict, args) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, __file__, "--child", str(run), "--arm-name", arm,
                          "--overrides", json.dumps(overrides), "--minutes", str(args.minutes)]
                         + (["--probe"] if args.probe else []), env=env, capture_output=True, text=True, cwd=ROOT)
    line = next((line for line in out.stdout.splitlines() if line.startswith("RESULT ")), None)
    if out.returncode or line is None:
        sys.exit(f"arm {arm} failed:\n{out.stderr[-4000:]}")
    return json.loads(line[7:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="examples/configs/lumen-isles.yaml")
    parser.add_argument("--minutes", type=float, default=10.0, help="training budget of every arm")
    parser.add_argument("--arm", action="append", default=[], help="NAME=KEY=VALUE,KEY=VALUE: a candidate")
    parser.add_argument("--probe", action="store_true", help="time a few steps of each arm, train nothing more")
    parser.add_argument("--keep", help="keep the run folders here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--arm-name", help=argparse.SUPPRESS)
    parser.add_argument("--overrides", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = child(Path(args.child), args.arm_name, json.loads(args.overrides), args.minutes, args.probe)
        print("RESULT " + json.dumps(result), flush=True)
        return

    arms = [("baseline", {}), ("ours", {})] + [_parse_arm(text) for text in args.arm]
    root = Path(args.keep or tempfile.mkdtemp(prefix="kpm-"))
    root.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "adapt", "augment", args.config, "--runs-dir", str(root / "prepared"),
                    "--quiet"], cwd=ROOT, env=env, check=True)
    (prepared,) = list((root / "prepared").iterdir())
    results = []
    for name, overrides in arms:
        run = shutil.copytree(prepared, root / name)
        results.append(_run_child(run, name, overrides, args))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)

    print(f"\nKnowledge per CPU-minute: {args.config}, {args.minutes:g} min of training per arm, "
          f"{os.cpu_count()} CPUs\n")
    print(f"{'arm':12} {'real tok/s':>10} {'padding':>8} {'steps':>6} {'train s':>8} {'held-out':>14} "
          f"{'general ppl':>11}  overrides")
    for r in results:
        if args.probe:
            print(f"{r['arm']:12} {r['tokens_per_s']:>10,.0f} (later epochs {r['later_tokens_per_s']:,.0f})  "
                  f"{r['overrides']}")
            continue
        heldout = f"{r['heldout_base']:.0%} -> {r['heldout']:.0%} ({r['questions']})"
        print(f"{r['arm']:12} {r['tokens_per_s']:>10,.0f} {r['padding']:>8.0%} {r['steps']:>6} "
              f"{r['train_seconds']:>8.0f} {heldout:>14} {r['general_ppl_change']:>+10.1f}%  {r['overrides']}")
    base, ours = results[0], results[1]
    if not args.probe:
        verdict = "no lower than" if ours["heldout"] >= base["heldout"] else "LOWER than"
        print(f"\nours held-out {ours['heldout']:.0%} is {verdict} the baseline's {base['heldout']:.0%}")
    print(f"ratio: {ours['tokens_per_s'] / base['tokens_per_s']:.2f}")


if __name__ == "__main__":
    main()
