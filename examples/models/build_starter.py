"""Build the bundled starter model from nothing, with the project's own engine.

    python examples/models/build_starter.py [--out examples/models/starter] [--runs-dir runs]

1. a byte-level BPE tokenizer (English + Japanese) trained on the general corpus, with a ChatML
   chat template, and a randomly initialised Llama-style model (adapt.scratch);
2. `python -m adapt run` on examples/configs/starter-pretrain.yaml: continued pretraining from that
   random init on the general prose (full fine-tuning, i.e. pretraining), then instruction tuning
   on the general conversations;
3. the trained model, tokenizer and a model card are copied to --out.

Everything it reads is in examples/general/, written for this project; nothing is downloaded. It
takes about an hour on 2 CPU cores. The seed makes the tokenizer and initial weights
reproducible; the weights after training are reproducible up to floating-point nondeterminism
of the CPU kernels.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from adapt.bundled import GENERAL_CHAT, GENERAL_PROSE  # noqa: E402
from adapt.rundir import RunDir  # noqa: E402
from adapt.scratch import ScratchSpec, build_scratch_model  # noqa: E402

SPEC = ScratchSpec(vocab_size=8000, hidden_size=256, layers=6, heads=4, intermediate_size=704, max_positions=2048)
CONFIG = ROOT / "examples" / "configs" / "starter-pretrain.yaml"


def tokenizer_texts() -> list[str]:
    """The general prose and the conversations' texts: what the tokenizer should be good at."""
    from adapt.config import DataSection
    from adapt.data.ingest import ingest

    texts = [d.text for d in ingest(GENERAL_PROSE, DataSection(dedupe=False)).documents]
    for path in GENERAL_CHAT:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            texts.extend(m["content"] for m in json.loads(line)["messages"])
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "examples" / "models" / "starter"))
    parser.add_argument("--runs-dir", default=str(ROOT / "runs"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    init_dir = Path(args.runs_dir) / "starter-init"
    build_scratch_model(tokenizer_texts(), init_dir, SPEC, seed=args.seed)
    print(f"random-init model and tokenizer: {init_dir}", flush=True)

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "adapt", "run", str(CONFIG), "--runs-dir", args.runs_dir,
                    "--set", f"model.base={init_dir}"], cwd=ROOT, env=env, check=True)
    run = RunDir(max((p for p in Path(args.runs_dir).iterdir() if p.name.endswith("-starter-pretrain")),
                     key=lambda p: p.name))
    final = run.output_path("final")
    out = Path(args.out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for item in final.iterdir():
        if item.suffix in (".json", ".safetensors", ".jinja") and item.name != "training_result.json":
            shutil.copy2(item, out / item.name)
    report = json.loads(run.report_path.read_text(encoding="utf-8")) if run.report_path.exists() else {}
    (out / "README.md").write_text(model_card(report), encoding="utf-8")
    size = sum(f.stat().st_size for f in out.iterdir()) / 2**20
    print(f"starter model: {out} ({size:.1f} MB)")
    return 0


def model_card(report: dict) -> str:
    general = ((report.get("perplexity") or {}).get("general") or {}).get("sft", {})
    ppl = f"{general['perplexity']:.1f}" if general else "?"
    return f"""# Domain Adapter starter model

A small chat model (Llama architecture, {SPEC.layers} layers, hidden size {SPEC.hidden_size}, byte-level BPE
vocabulary of {SPEC.vocab_size} for English and Japanese, ChatML template) trained from scratch on
CPU by `examples/models/build_starter.py`, with the project's own engine, on the general corpus in
`examples/general/` only: general-knowledge prose (pretraining), then general conversations
(instruction tuning).

It is the offline default base model of Domain Adapter: small enough to adapt to a new domain in
minutes on two CPU cores, and it knows nothing about the example domains. It answers simple general
questions in chat form; do not expect more of a model this size.

Perplexity on general text it never saw (examples/general/heldout): {ppl}.
"""


if __name__ == "__main__":
    sys.exit(main())
