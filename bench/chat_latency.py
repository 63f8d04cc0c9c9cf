"""What the Arena's design costs: one base model with a LoRA adapter switched on and off, streamed
side by side, against a merged model and against two separate models (all weights tuned, or the upper
half of the blocks).

    .venv/bin/python bench/chat_latency.py [--model REF] [--tokens 64] [--reps 5] [--threads N]

Model: --model (bundled name, directory or Hub id); by default the bundled offline chat model
(SmolLM2-135M-Instruct), or 'scratch': a random-init model made with adapt.scratch from the bundled
general prose, of --hidden/--layers. The adapter is a random-init LoRA
(all-linear, r 16) with non-zero weights, which costs what a trained one does. Runs are assembled
in a temporary directory and loaded through ChatEngine, the Arena's own path; every answer is
exactly --tokens long (end-of-answer tokens are ignored), so tokens/s compare like with like.

Timing (medians over --reps, after a warm-up; the setups take turns within each repetition, so a
change in machine load hits them all alike): time to first token (prefill + first sample of every
column) and decode tokens/s after it, summed over columns, for
  base              the LoRA run, adapter off
  adapted           the LoRA run, adapter on
  merged            a fully tuned model alone (every weight differs from the base's)
  side by side      base + adapter, both columns (the Arena of a LoRA run)
  2 models          base + the fully tuned model (the Arena of a full fine-tuning run)
  upper half tuned  base + a model whose upper half of blocks differs (a model.train_layers run)
Memory: peak and final RSS (Linux /proc) of a fresh process per setup (the libraries alone, one model,
the Arena, two models, the upper-half Arena); on CUDA also the peak of allocated GPU memory.
On a busy CPU, several threads per matmul wait for each other (attention of one token took 8 ms
instead of 0.01 ms here under load); --threads 1 gives steadier figures there.
A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from adapt.bundled import GENERAL_PROSE, OFFLINE_DEFAULT  # noqa: E402
from adapt.chat import ChatEngine, GenerationSettings, StreamRequest, stream_answers  # noqa: E402
from adapt.config import RunConfig  # noqa: E402
from adapt.models import load_model  # noqa: E402
from adapt.rundir import RunDir  # noqa: E402

PROMPT = [{"role": "user", "content": (
    "The harbour was rebuilt after the great storm, and the guild of glassmakers paid for the new lighthouse. "
    "Explain in a few sentences why the town depends on the harbour, and what the guild gained from paying.")}]


def pick_model(ref: str, workdir: Path, hidden: int, layers: int) -> str:
    if ref != "scratch":
        return ref
    from adapt.config import DataSection
    from adapt.data.ingest import ingest
    from adapt.scratch import ScratchSpec, build_scratch_model

    texts = [d.text for d in ingest(GENERAL_PROSE, DataSection(dedupe=False)).documents]
    spec = ScratchSpec(vocab_size=8000, hidden_size=hidden, layers=layers, heads=max(4, hidden // 64),
                       intermediate_size=hidden * 11 // 4)
    build_scratch_model(texts, workdir / "model", spec)
    return str(workdir / "model")


def make_runs(ref: str, workdir: Path) -> tuple[Path, Path, Path, int, int]:
    """A LoRA run (base + adapter); a full fine-tuning run whose every weight differs from the base's
    (the adapter merged, embeddings and norms nudged: what the CPU quick demo leaves); a run whose
    upper half of blocks differs (model.train_layers, the CPU knowledge-injection preset). Returns
    the three runs and the numbers of base and LoRA parameters."""
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(0)
    lora = get_peft_model(load_model(ref), LoraConfig(r=16, lora_alpha=32, target_modules="all-linear",
                                                      init_lora_weights=False))
    sizes = {name: p.numel() for name, p in lora.named_parameters()}
    lora_params = sum(n for name, n in sizes.items() if "lora_" in name)
    paths = []

    def save(name: str, final: str, model) -> None:
        run = RunDir.create(workdir / "runs", RunConfig.from_dict({"name": f"bench-{name}", "model": {"base": ref}}))
        run.update_status(state="done", outputs={"final": final})
        model.save_pretrained(str(run.path / final))
        paths.append(run.path)

    save("lora", "adapter", lora)
    every = lora.merge_and_unload()
    upper = load_model(ref)
    blocks = upper.model.layers
    with torch.no_grad():
        for param in every.parameters():
            param.add_(torch.randn_like(param) * 1e-3)
        for param in blocks[len(blocks) // 2:].parameters():
            param.add_(torch.randn_like(param) * 1e-3)
    save("full", "model", every)
    save("upper", "model", upper)
    return paths[0], paths[1], paths[2], sum(sizes.values()) - lora_params, lora_params


def timed(engine: ChatEngine, sides: list[bool], tokens: int) -> tuple[float, float]:
    """(seconds to the first yield, decode tokens/s after it, summed over the columns)."""
    requests = [StreamRequest(PROMPT, adapter_on) for adapter_on in sides]
    start = time.perf_counter()
    first = None
    for _ in stream_answers(engine, requests, GenerationSettings(max_new_tokens=tokens)):
        first = first or time.perf_counter()
    end = time.perf_counter()
    return first - start, len(sides) * (tokens - 1) / (end - first)


def measure_speed(lora_run: Path, full_run: Path, upper_run: Path, tokens: int, reps: int) -> dict:
    # All engines at once (not through the one-run cache), so the setups can take turns.
    arena, full, upper = ChatEngine(lora_run), ChatEngine(full_run), ChatEngine(upper_run)
    setups = {"base (adapter off)": (arena, [False]), "adapted (adapter on)": (arena, [True]),
              "merged (plain model)": (full, [True]), "side by side (1 base + adapter)": (arena, [False, True]),
              "side by side (2 models)": (full, [False, True]),
              "side by side (upper half tuned)": (upper, [False, True])}
    for engine in (arena, full, upper):
        engine.stop_ids = set()  # every answer runs to exactly `tokens` tokens
    for engine, sides in setups.values():
        timed(engine, sides, tokens)  # warm-up: first-call allocations and kernel selection
    samples = {name: [] for name in setups}
    for _ in range(reps):
        for name, (engine, sides) in setups.items():
            samples[name].append(timed(engine, sides, tokens))
    return {name: {"ttft_ms": 1000 * statistics.median(s[0] for s in runs),
                   "tokens_per_s": statistics.median(s[1] for s in runs)} for name, runs in samples.items()}


def memory_of(setup: str, ref: str, lora_run: str, merged_run: str, upper_run: str) -> dict:
    """Run in a fresh process: load what `setup` needs, generate a few tokens, report the peaks."""
    if setup == "single":
        from adapt.generation import generate_chat
        from adapt.models import load_tokenizer

        model = load_model(ref).to("cuda" if torch.cuda.is_available() else "cpu")
        generate_chat(model.eval(), load_tokenizer(ref), [PROMPT], max_new_tokens=8)
    elif setup in ("arena", "two models", "upper half tuned"):
        engine = ChatEngine.for_run({"arena": lora_run, "two models": merged_run}.get(setup, upper_run))
        list(stream_answers(engine, [StreamRequest(PROMPT, False), StreamRequest(PROMPT, True)],
                            GenerationSettings(max_new_tokens=8)))
    # VmHWM, not getrusage: ru_maxrss survives exec, so it would report the benchmark's own peak.
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    result = {name: int(status[field].split()[0]) / 1024 for name, field in (("peak_rss_mb", "VmHWM"),
                                                                            ("rss_mb", "VmRSS"))}
    if torch.cuda.is_available():
        result["peak_gpu_mb"] = torch.cuda.max_memory_allocated() / 2**20
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default=OFFLINE_DEFAULT,
                        help="bundled name, model directory, Hub id, or 'scratch' (a random-init model of "
                             f"--hidden/--layers); default: {OFFLINE_DEFAULT}")
    parser.add_argument("--tokens", type=int, default=64, help="tokens per answer")
    parser.add_argument("--reps", type=int, default=5, help="repetitions per measurement (median reported)")
    parser.add_argument("--threads", type=int, help="torch CPU threads (default: torch's choice)")
    parser.add_argument("--hidden", type=int, default=256, help="scratch model: hidden size")
    parser.add_argument("--layers", type=int, default=6, help="scratch model: layers")
    parser.add_argument("--memory-of", help=argparse.SUPPRESS)  # internal: one memory measurement
    parser.add_argument("--runs", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    if args.memory_of:
        print(json.dumps(memory_of(args.memory_of, args.model, *args.runs)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        ref = pick_model(args.model, workdir, args.hidden, args.layers)
        lora_run, merged_run, upper_run, params, lora_params = make_runs(ref, workdir)
        print(f"model {ref}: {params / 1e6:.1f}M parameters "
              f"(LoRA {lora_params / 1e6:.2f}M), {'cuda' if torch.cuda.is_available() else 'cpu'}, "
              f"{torch.get_num_threads()} threads (load average {os.getloadavg()[0]:.1f}), "
              f"{args.tokens} tokens, median of {args.reps}")
        speed = measure_speed(lora_run, merged_run, upper_run, args.tokens, args.reps)
        memory = {setup: measure_memory(setup, ref, lora_run, merged_run, upper_run)
                  for setup in ("libraries only", "single", "arena", "two models", "upper half tuned")}
    report(speed, memory)


def measure_memory(setup: str, ref: str, lora_run: Path, merged_run: Path, upper_run: Path) -> dict:
    command = [sys.executable, __file__, "--memory-of", setup, "--model", ref,
               "--threads", str(torch.get_num_threads()), "--runs", str(lora_run), str(merged_run),
               str(upper_run)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def report(speed: dict, memory: dict) -> None:
    merged = speed["merged (plain model)"]["tokens_per_s"]
    print(f"\n{'setup':34} {'first token ms':>15} {'decode tok/s':>13} {'vs merged':>10}")
    for name, s in speed.items():
        print(f"{name:34} {s['ttft_ms']:15.1f} {s['tokens_per_s']:13.1f} {s['tokens_per_s'] / merged:10.2f}")
    print("(side by side: tokens/s summed over both columns)")
    # The Arena's bar (issue 18): the first token within a second, 15 tokens/s or more in each column.
    for name, kind in (("side by side (1 base + adapter)", "LoRA runs"),
                       ("side by side (2 models)", "full fine-tuning runs"),
                       ("side by side (upper half tuned)", "model.train_layers runs")):
        s = speed[name]
        print(f"Arena for {kind}: first token {s['ttft_ms']:.0f} ms (target < 1000), {s['tokens_per_s'] / 2:.1f} "
              f"tok/s per column (target >= 15)")
    print(f"adapter-on tok/s / merged tok/s: {speed['adapted (adapter on)']['tokens_per_s'] / merged:.2f}; "
          f"adapter-off / merged: {speed['base (adapter off)']['tokens_per_s'] / merged:.2f}")

    single = memory["single"]["peak_rss_mb"]
    print(f"\n{'memory (fresh process)':34} {'peak RSS MB':>12} {'final RSS MB':>13} {'peak / single':>14} "
          f"{'peak - single MB':>17}")
    for name, m in memory.items():
        gpu = f"   peak GPU {m['peak_gpu_mb']:.0f} MB" if "peak_gpu_mb" in m else ""
        print(f"{name:34} {m['peak_rss_mb']:12.0f} {m['rss_mb']:13.0f} {m['peak_rss_mb'] / single:14.2f} "
              f"{m['peak_rss_mb'] - single:17.0f}{gpu}")


if __name__ == "__main__":
    main()
