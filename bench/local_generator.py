"""The real offline model as a synthetic-data writer: items per minute and the share the quality check keeps.

    python bench/local_generator.py [--docs 6] [--model smollm2-135m] [--batch 8] [--max-new-tokens 256]

Runs the augment stage with `augment.backend: local` on the first documents of lumen-isles for the
categories an LLM can write (paraphrase, QA, discussion), then the rules backend on the same
documents, and prints per category: items written, kept by adapt.augment.quality, items per minute.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapt.augment.runner import run_augmentation  # noqa: E402
from adapt.config import RunConfig  # noqa: E402
from adapt.data.ingest import ingest  # noqa: E402
from adapt.data.store import write_ingest_outputs  # noqa: E402
from adapt.fileio import read_jsonl  # noqa: E402

CATEGORIES = {"paraphrase": 1, "qa_easy": 5, "qa_numbers_formula": 3, "discussion": 1}


def measure(backend: str, docs: int, args) -> dict:
    categories = {k: (v if backend == "local" or k != "discussion" else 0) for k, v in CATEGORIES.items()}
    config = RunConfig.from_dict({
        "data": {"paths": [str(ROOT / "examples/domains/lumen-isles/docs")], "heldout_fraction": 0.0,
                 "max_documents": docs},
        "augment": {"backend": backend, "categories": categories, "max_new_tokens": args.max_new_tokens,
                    "temperature": 0.7, "qa_heldout_fraction": 0.0,
                    "local": {"model": args.model, "batch_size": args.batch, "precision": "fp32"}},
        "sft": {"enabled": False}})
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        write_ingest_outputs(data_dir, ingest(config.data.paths, config.data), config)
        start = time.perf_counter()
        run_augmentation(data_dir, config)
        seconds = time.perf_counter() - start
        kept, dropped, reasons, samples = Counter(), Counter(), Counter(), {}
        for record in read_jsonl(data_dir / "augment/items.jsonl"):
            items = record.get("qa") or record.get("texts") or ([record["messages"]] if record.get("messages") else [])
            kept[record["category"]] += len(items)
            samples.setdefault(record["category"], items[:2])
        for row in read_jsonl(data_dir / "augment/dropped.jsonl"):
            dropped[row["category"]] += 1
            reasons[row["reason"].split(":")[0]] += 1
        failed = Counter(r["category"] for r in read_jsonl(data_dir / "augment/failures.jsonl"))
    return {"seconds": seconds, "kept": kept, "dropped": dropped, "failed": failed, "reasons": reasons,
            "samples": samples}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=6)
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--max-new-tokens", type=int, default=256)
    args = parser.parse_args()
    for backend in ("rules", "local"):
        result = measure(backend, args.docs, args)
        minutes = result["seconds"] / 60
        written = sum(result["kept"].values()) + sum(result["dropped"].values())
        print(f"\n{backend} ({args.model if backend == 'local' else 'no model'}), {args.docs} documents, "
              f"{result['seconds']:.0f} s: {written} items written, {sum(result['kept'].values())} kept "
              f"({sum(result['kept'].values()) / max(1, written):.0%}), {written / max(minutes, 1e-9):.0f} items/min")
        print(f"  {'category':20}{'kept':>6}{'dropped':>9}{'failed calls':>14}")
        for category in CATEGORIES:
            print(f"  {category:20}{result['kept'][category]:>6}{result['dropped'][category]:>9}"
                  f"{result['failed'][category]:>14}")
        if result["reasons"]:
            print("  dropped because: " + ", ".join(f"{k} {v}" for k, v in result["reasons"].most_common()))
        for category, items in result["samples"].items():
            for item in items[:1]:
                print(f"  e.g. {category}: {str(item)[:300]}")


if __name__ == "__main__":
    main()
