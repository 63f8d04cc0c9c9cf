"""CPT throughput on CPU: our stage (packed rows, documents never attend to each other) against the
baseline most tutorials write (transformers Trainer, one padded sequence per document).

    python bench/train_throughput.py [--model starter] [--steps 30] [--docs 600] [--threads N]

Both train the same model on the same documents (mixed lengths, 20 to 1,500 tokens) with the same
micro-batch, each in its own subprocess, so peak RSS is each one's own. Only real tokens count:
padding is work, not throughput. Prints tokens/s, peak RSS, and the ratios against the baseline
measured in this same run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def documents(tokenizer, count: int, seed: int = 0) -> list[list[int]]:
    """General prose cut to lengths spread log-uniformly between 20 and 1,500 tokens."""
    from adapt.bundled import GENERAL_PROSE
    from adapt.config import DataSection
    from adapt.data.ingest import ingest

    stream = [i for d in ingest(GENERAL_PROSE, DataSection(dedupe=False)).documents
              for i in tokenizer(d.text, add_special_tokens=False)["input_ids"]]
    rng = random.Random(seed)
    docs, start = [], 0
    for _ in range(count):
        length = int(round(20 * (75 ** rng.random())))  # 20 .. 1500
        if start + length > len(stream):
            start = 0
        docs.append(stream[start:start + length])
        start += length
    return docs


def run_ours(model_ref: str, steps: int, count: int, batch: int, context: int) -> dict:
    import torch

    from adapt.config import RunConfig
    from adapt.models import load_model, load_tokenizer
    from adapt.rundir import RunDir
    from adapt.train.packing import pack_documents
    from adapt.train.runner import run_stage

    tokenizer = load_tokenizer(model_ref)
    packed = pack_documents(documents(tokenizer, count), context, tokenizer.eos_token_id, tokenizer.pad_token_id)
    config = RunConfig.from_dict({"model": {"base": model_ref, "method": "full"},
                                  "cpt": {"max_steps": steps, "micro_batch_size": batch, "grad_accum": 1,
                                          "context_length": context, "learning_rate": 1e-4,
                                          "save_every_steps": 10**6, "warmup_ratio": 0.0}})
    with tempfile.TemporaryDirectory() as tmp:
        run = RunDir.create(tmp, config)
        model = load_model(model_ref, dtype=torch.float32)
        start = time.perf_counter()
        run_stage(run=run, stage="cpt", model=model, packed=packed, section=config.cpt, seed=0,
                  compute_dtype=torch.float32, out_dir=Path(tmp) / "out", tokenizer=tokenizer, show_bar=False)
        seconds = time.perf_counter() - start
    real_per_row = packed.real_tokens / packed.rows
    return {"seconds": seconds, "real_tokens": real_per_row * batch * steps, "padded_tokens": context * batch * steps}


def run_baseline(model_ref: str, steps: int, count: int, batch: int, context: int) -> dict:
    """The tutorial way: one document per row, padded to the longest in the batch, mask on padding."""
    import torch
    from transformers import DataCollatorForLanguageModeling, Trainer, TrainingArguments

    from adapt.models import load_model, load_tokenizer

    tokenizer = load_tokenizer(model_ref)
    rows = [{"input_ids": ids[:context]} for ids in documents(tokenizer, count)]
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
    counted = {"real": 0, "padded": 0}

    def collate(features):
        batch_out = collator(features)
        counted["real"] += int(batch_out["attention_mask"].sum())
        counted["padded"] += batch_out["input_ids"].numel()
        return batch_out

    with tempfile.TemporaryDirectory() as tmp:
        args = TrainingArguments(output_dir=tmp, per_device_train_batch_size=batch, max_steps=steps,
                                 learning_rate=1e-4, save_strategy="no", report_to="none", disable_tqdm=True,
                                 logging_strategy="no", use_cpu=True, dataloader_num_workers=0, seed=0)
        model = load_model(model_ref, dtype=torch.float32)
        trainer = Trainer(model=model, args=args, train_dataset=rows, data_collator=collate)
        start = time.perf_counter()
        trainer.train()
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "real_tokens": counted["real"], "padded_tokens": counted["padded"]}


def child(which: str, args) -> None:
    result = (run_ours if which == "ours" else run_baseline)(args.model, args.steps, args.docs, args.batch,
                                                             args.context)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(result), flush=True)


def measure(which: str, args) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    if args.threads:
        env.update(OMP_NUM_THREADS=str(args.threads), MKL_NUM_THREADS=str(args.threads))
    out = subprocess.run([sys.executable, __file__, "--child", which, "--model", args.model, "--steps", str(args.steps),
                          "--docs", str(args.docs), "--batch", str(args.batch), "--context", str(args.context)],
                         env=env, capture_output=True, text=True, check=True)
    line = next(line for line in out.stdout.splitlines() if line.startswith("RESULT "))
    return json.loads(line[7:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="starter")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--docs", type=int, default=600)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--context", type=int, default=512)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--child", choices=["ours", "baseline"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args)
        return
    results = {name: measure(name, args) for name in ("baseline", "ours")}
    print(f"\nCPT throughput, {args.model}, full fine-tuning, fp32 CPU, micro-batch {args.batch}, "
          f"context {args.context}, {args.steps} steps, {os.cpu_count()} CPUs\n")
    print(f"{'':10} {'real tok/s':>11} {'padding':>8} {'peak RSS MB':>12}")
    for name, r in results.items():
        waste = 1 - r["real_tokens"] / r["padded_tokens"]
        print(f"{name:10} {r['real_tokens'] / r['seconds']:>11,.0f} {waste:>8.0%} {r['peak_rss_mb']:>12,.0f}")
    ours, base = results["ours"], results["baseline"]
    speed = (ours["real_tokens"] / ours["seconds"]) / (base["real_tokens"] / base["seconds"])
    print(f"\nreal tokens/s ours / baseline: {speed:.2f}x (target >= 1.5x)")
    print(f"peak RSS ours / baseline:      {ours['peak_rss_mb'] / base['peak_rss_mb']:.2f}x (target <= 1.0x)")


if __name__ == "__main__":
    main()
