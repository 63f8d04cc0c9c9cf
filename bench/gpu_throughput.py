"""GPU training throughput: model FLOPs utilisation of CPT on shapes like Qwen2.5-0.5B and Llama-3.2-1B.

    python bench/gpu_throughput.py [--shapes qwen0.5b llama1b] [--methods full lora] [--steps 20]
    python bench/gpu_throughput.py --smoke        # tiny shapes, a few steps, CPU or GPU: checks the script runs

Random weights from configs written below (nothing is downloaded), bf16, context 2048, packed rows of
documents of mixed lengths (position_ids restart at each document). Each variant adds one thing to
the one before, in the order the issue asks:

    plain       one document per row, padded to the context (what most tutorials run)
    packed      padding-free packing; flash-attention-2 varlen when flash_attn is installed, else SDPA
    fused       + Liger kernels (RMSNorm, SwiGLU, RoPE, fused linear cross-entropy) when liger-kernel is installed
    ckpt        + gradient checkpointing
    compile     + torch.compile of the model

Tokens/s counts real tokens only. MFU = achieved model FLOPs / the bf16 matmul peak measured on this
GPU in this run (not the datasheet): model FLOPs per token = 6 * parameters (full) or 4 * parameters
(LoRA: no weight gradients for the frozen base) + 6 * layers * hidden * context (causal attention).
Each (shape, method, variant) runs in its own subprocess so peak memory is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHAPES = {
    # Qwen/Qwen2.5-0.5B config.json, values copied.
    "qwen0.5b": dict(model_type="qwen2", hidden_size=896, intermediate_size=4864, num_hidden_layers=24,
                     num_attention_heads=14, num_key_value_heads=2, vocab_size=151936, max_position_embeddings=32768,
                     rope_theta=1000000.0, rms_norm_eps=1e-6, tie_word_embeddings=True),
    # meta-llama/Llama-3.2-1B config.json, values copied (rope scaling left out: it does not change cost).
    "llama1b": dict(model_type="llama", hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
                    num_attention_heads=32, num_key_value_heads=8, vocab_size=128256, max_position_embeddings=131072,
                    rope_theta=500000.0, rms_norm_eps=1e-5, tie_word_embeddings=True),
    # For --smoke: runs anywhere in seconds.
    "smoke": dict(model_type="llama", hidden_size=128, intermediate_size=256, num_hidden_layers=2,
                  num_attention_heads=4, num_key_value_heads=2, vocab_size=4096, max_position_embeddings=4096,
                  tie_word_embeddings=True),
}
VARIANTS = ("plain", "packed", "fused", "ckpt", "compile")


def matmul_peak_tflops(device: str, dtype) -> float:
    import torch

    n = 8192 if device == "cuda" else 1024
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    for _ in range(3):
        a @ b
    sync(device)
    reps = 50 if device == "cuda" else 5
    start = time.perf_counter()
    for _ in range(reps):
        a @ b
    sync(device)
    return 2 * n**3 * reps / (time.perf_counter() - start) / 1e12


def sync(device: str) -> None:
    import torch

    if device == "cuda":
        torch.cuda.synchronize()


def documents(count: int, vocab: int, context: int, seed: int = 0) -> list[list[int]]:
    """Token ids of documents with lengths spread log-uniformly from 64 to the context length."""
    rng = random.Random(seed)
    return [[rng.randrange(3, vocab) for _ in range(int(64 * (context / 64) ** rng.random()))] for _ in range(count)]


def batches(variant: str, docs, batch: int, context: int, pad_id: int, eos_id: int):
    """Endless (input_ids, labels, position_ids-or-None, attention_mask-or-None, real tokens) batches."""
    import torch

    from adapt.train.packing import pack_documents

    if variant == "plain":
        rows = [d[:context] for d in docs]
        i = 0
        while True:
            chunk = [rows[(i + k) % len(rows)] for k in range(batch)]
            i += batch
            ids = torch.full((batch, context), pad_id, dtype=torch.long)
            mask = torch.zeros((batch, context), dtype=torch.long)
            for r, row in enumerate(chunk):
                ids[r, :len(row)] = torch.tensor(row)
                mask[r, :len(row)] = 1
            labels = ids.masked_fill(mask == 0, -100)
            yield ids, labels, None, mask, int(mask.sum())
    packed = pack_documents(docs, context, eos_id, pad_id)
    i = 0
    while True:
        idx = [(i + k) % packed.rows for k in range(batch)]
        i += batch
        ids = torch.as_tensor(packed.input_ids[idx], dtype=torch.long)
        pos = torch.as_tensor(packed.position_ids[idx], dtype=torch.long)
        labels = ids.masked_fill(~torch.as_tensor(packed.loss_mask[idx]), -100)
        yield ids, labels, pos, None, int(packed.real_mask[idx].sum())


def build_model(shape: str, variant: str, method: str, device: str, dtype):
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    level = VARIANTS.index(variant)
    spec = dict(SHAPES[shape])
    config = AutoConfig.for_model(spec.pop("model_type"), **spec)
    attn = "sdpa"
    if level >= 1 and device == "cuda":
        try:
            import flash_attn  # noqa: F401
            attn = "flash_attention_2"
        except ImportError:
            pass
    notes = [attn]
    if level >= 2:
        try:
            from liger_kernel.transformers import _apply_liger_kernel_to_instance
            model = AutoModelForCausalLM.from_config(config, dtype=dtype, attn_implementation=attn)
            _apply_liger_kernel_to_instance(model=model)
            notes.append("liger")
        except ImportError:
            model = AutoModelForCausalLM.from_config(config, dtype=dtype, attn_implementation=attn)
            notes.append("no liger-kernel installed")
    else:
        model = AutoModelForCausalLM.from_config(config, dtype=dtype, attn_implementation=attn)
    model.to(device)
    params = sum(p.numel() for p in model.parameters())
    if level >= 3:
        model.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": False})
        model.config.use_cache = False
    if method == "lora":
        from peft import LoraConfig, get_peft_model
        model = get_peft_model(model, LoraConfig(r=16, lora_alpha=32, target_modules="all-linear", task_type="CAUSAL_LM"))
        if level >= 3:
            model.enable_input_require_grads()
    if level >= 4:
        model = torch.compile(model)
        notes.append("compiled")
    return model, config, params, notes


def child(args) -> None:
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    dtype = torch.bfloat16
    torch.manual_seed(0)
    model, config, params, notes = build_model(args.shape, args.variant, args.method, device, dtype)
    model.train()
    optim = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-5, fused=device == "cuda")
    docs = documents(args.docs, config.vocab_size, args.context)
    feed = batches(args.variant, docs, args.batch, args.context, pad_id=0, eos_id=1)
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()

    def step():
        ids, labels, pos, mask, real = next(feed)
        kwargs = {"input_ids": ids.to(device), "labels": labels.to(device)}
        if pos is not None:
            kwargs["position_ids"] = pos.to(device)
        if mask is not None:
            kwargs["attention_mask"] = mask.to(device)
        loss = model(**kwargs).loss
        loss.backward()
        optim.step()
        optim.zero_grad(set_to_none=True)
        return real

    for _ in range(args.warmup):
        step()
    sync(device)
    start = time.perf_counter()
    real = sum(step() for _ in range(args.steps))
    sync(device)
    seconds = time.perf_counter() - start
    per_token = (6 if args.method == "full" else 4) * params + 6 * config.num_hidden_layers * config.hidden_size * args.context
    peak = torch.cuda.max_memory_allocated() / 2**30 if device == "cuda" else float("nan")
    print("RESULT " + json.dumps({"tokens_per_s": real / seconds, "tflops": real * per_token / seconds / 1e12,
                                  "peak_gib": peak, "params": params, "notes": notes, "device": device}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="+", default=["qwen0.5b", "llama1b"], choices=list(SHAPES))
    parser.add_argument("--methods", nargs="+", default=["full", "lora"], choices=["full", "lora"])
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--context", type=int, default=2048)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--docs", type=int, default=512)
    parser.add_argument("--smoke", action="store_true", help="tiny shape, context 256, 3 steps")
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--shape")
    parser.add_argument("--method")
    parser.add_argument("--variant")
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if args.smoke:
        args.shapes, args.context, args.batch, args.steps, args.warmup, args.docs = ["smoke"], 256, 2, 3, 1, 32
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    peak = matmul_peak_tflops(device, torch.bfloat16)
    name = torch.cuda.get_device_name() if device == "cuda" else f"CPU ({os.cpu_count()} cores)"
    print(f"\nGPU throughput, {name}, {date.today()}, bf16, context {args.context}, micro-batch {args.batch}; "
          f"measured bf16 matmul peak {peak:.0f} TFLOP/s\n")
    print(f"{'shape':9} {'method':6} {'variant':8} {'tok/s':>9} {'MFU':>6} {'peak GiB':>9}  notes")
    for shape in args.shapes:
        for method in args.methods:
            baseline = None
            for variant in args.variants:
                cmd = [sys.executable, __file__, "--child", "--shape", shape, "--method", method, "--variant", variant,
                       "--context", str(args.context), "--batch", str(args.batch), "--steps", str(args.steps),
                       "--warmup", str(args.warmup), "--docs", str(args.docs)]
                out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
                line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
                if line is None:
                    reason = (out.stderr.strip().splitlines() or ["no output"])[-1][:90]
                    print(f"{shape:9} {method:6} {variant:8} {'failed':>9}  {reason}")
                    continue
                r = json.loads(line[7:])
                baseline = baseline or r["tokens_per_s"]
                print(f"{shape:9} {method:6} {variant:8} {r['tokens_per_s']:>9,.0f} {r['tflops'] / peak:>6.1%} "
                      f"{r['peak_gib']:>9.1f}  {r['tokens_per_s'] / baseline:.2f}x plain; {', '.join(r['notes'])}")
    print("\nTarget: full fine-tuning of the qwen0.5b shape >= 40% MFU.")


if __name__ == "__main__":
    main()
